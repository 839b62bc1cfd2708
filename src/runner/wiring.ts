// The GitHub Actions platform: the runner's log, outputs, job summary and
// workflow run, handed to the core (src/core/run.ts). This folder is the only
// code that imports @actions/core; it holds no decision.
import * as core from '@actions/core'
import type { RunContext } from '../domain/changelog.js'
import { forLog } from '../domain/untrusted.js'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs/read.js'
import type { ActionLog } from '../orchestrator/deps.js'
import { type Platform, runWithPlatform } from '../core/run.js'

/** Every line from the run goes through forLog, the one place that keeps outside text from starting a workflow command. */
export const runnerLog: ActionLog = {
  info: line => core.info(forLog(line)),
  warning: line => core.warning(forLog(line)),
  debug: line => core.debug(forLog(line)),
  startGroup: name => core.startGroup(forLog(name)),
  endGroup: () => core.endGroup()
}

export async function runAction(inputs: Inputs): Promise<void> {
  await runWithPlatform(inputs, githubPlatform())
}

function githubPlatform(): Platform {
  return {
    log: runnerLog,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    runContext: async () => workflowRun(process.env),
    setOutputs: async outputs => {
      for (const [name, value] of Object.entries(outputs)) {
        try {
          core.setOutput(name, value)
        } catch (err) {
          throw new Error(`output ${name}: ${errorMessage(err)}`, { cause: err })
        }
      }
    },
    writeSummary: async markdown => {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      try {
        await core.summary.addRaw(markdown, true).write()
      } catch (err) {
        throw new Error(`job summary: ${errorMessage(err)}`, { cause: err })
      }
    },
    resultsHint: 'Check GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.'
  }
}

/**
 * The workflow run, for the default change log and the tag: the runner's own
 * variables, read directly (what @actions/github's context would read, without
 * loading Octokit for five strings).
 */
function workflowRun(env: NodeJS.ProcessEnv): RunContext {
  const repository = env.GITHUB_REPOSITORY || undefined
  const ref = env.GITHUB_REF || undefined
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
  const runUrl = repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  return { repository, refName: ref?.replace(/^refs\/(heads|tags)\//, ''), ref, sha: env.GITHUB_SHA || undefined, runUrl }
}
