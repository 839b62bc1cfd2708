// The command-line platform: the report on stderr, the outputs as JSON on stdout
// and as a dotenv file, the Markdown summary as a file, the CI run read by env-ci.
// Loaded only once the inputs are valid. No decision here: the core runs.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { CiEnvironment } from 'env-ci'
import { ciRunContext } from '../domain/ci-context.js'
import { dotenvText } from '../domain/outputs.js'
import type { CommandLine } from '../inputs/command-line.js'
import type { Inputs } from '../inputs/read.js'
import { type Platform, runWithPlatform } from '../core/run.js'
import type { PrintOutputs } from './main.js'
import { stderrLog } from './report.js'
import { OUTPUT_FILE_FLAG, SUMMARY_FILE_FLAG, writeResultFile } from './result-files.js'

/** `printOutputs` is --json's: main prints the object itself if the run never gets to. */
export async function runCli(inputs: Inputs, cl: CommandLine, env: NodeJS.ProcessEnv, secrets: readonly string[], printOutputs: PrintOutputs): Promise<void> {
  // On a terminal, progress bars; each log line first clears the bar's line.
  const bar = process.stderr.isTTY ? (await import('./progress-bar.js')).terminalProgress(process.stderr) : undefined
  const log = stderrLog(secrets, cl.verbose, text => {
    bar?.clearLine()
    process.stderr.write(text)
  })
  const workspace = process.cwd()
  const platform: Platform = {
    log,
    workspace,
    runContext: async () => {
      const { default: envCi } = await import('env-ci')
      const ci = envCi({ env, cwd: workspace })
      // Outside a CI, git is all there is: the tag at HEAD, as a CI's tag build would give it.
      return ciRunContext(releasedFrom(ci, env), env, cl.tag ?? (ci.isCi ? undefined : await tagAtHead(workspace)))
    },
    setOutputs: async outputs => {
      log.startGroup('Outputs')
      for (const [name, value] of Object.entries(outputs)) log.info(`${name}: ${value}`)
      if (cl.json) printOutputs(outputs)
      if (cl.outputFile) await writeResultFile(cl.outputFile, dotenvText(outputs), OUTPUT_FILE_FLAG)
    },
    writeSummary: async markdown => {
      // The report ends with the summary, read as text: Markdown is meant to read that way.
      log.startGroup('Summary')
      for (const line of markdown.split('\n')) if (line.trim()) log.info(line)
      log.endGroup()
      if (cl.summaryFile) await writeResultFile(cl.summaryFile, markdown, SUMMARY_FILE_FLAG)
    },
    resultsHint: `Check the paths given to ${OUTPUT_FILE_FLAG} and ${SUMMARY_FILE_FLAG}.`,
    progress: bar?.progress
  }
  await runWithPlatform(inputs, platform)
}

/**
 * In a merge or pull request env-ci's `branch` is the request's target, but the
 * commit released is on its source branch: that one names the release. Where the CI
 * says which through its own variable and env-ci passes on something else, that
 * variable: Jenkins' CHANGE_BRANCH (env-ci gives the job's PR-42), GitHub's
 * GITHUB_HEAD_REF (env-ci gives refs/pull/5/merge). No source branch: no branch at
 * all, rather than the target's.
 */
export function releasedFrom(ci: CiEnvironment, env: NodeJS.ProcessEnv): CiEnvironment {
  if (!ci.isPr) return ci
  const own = ci.service === 'jenkins' ? env.CHANGE_BRANCH : ci.service === 'github' ? env.GITHUB_HEAD_REF : undefined
  return { ...ci, branch: own?.trim() || ci.prBranch?.trim() || undefined }
}

const run = promisify(execFile)

/**
 * The one tag that points at HEAD in `cwd`'s git repository; none when there is no
 * git, no repository, no tag or more than one (which of them is released is then not
 * known: --tag says). Bounded in time and output, like any outside program.
 */
export async function tagAtHead(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['tag', '--points-at', 'HEAD'], { cwd, timeout: 5000, maxBuffer: 64 * 1024, encoding: 'utf8' })
    const tags = stdout
      .split('\n')
      .map(t => t.trim())
      .filter(Boolean)
    return tags.length === 1 ? tags[0] : undefined
  } catch {
    return undefined
  }
}
