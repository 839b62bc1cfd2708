// Wires the real world (runner, network, clock) into the core of the action.
import { performance } from 'node:perf_hooks'
import * as core from '@actions/core'
import { HttpBoomiClient } from '../boomi/client.js'
import type { RunContext } from '../domain/changelog.js'
import { ACTION_NAME, ACTION_VERSION } from '../constants.js'
import { createTransport } from '../net/transport.js'
import type { Inputs } from '../inputs/read.js'
import { run } from '../orchestrator/release.js'
import { Pacer } from '../net/pacer.js'
import { DEFAULT_BACKOFF, type RetryPolicy, realSleep } from '../net/retry.js'

export async function runAction(inputs: Inputs): Promise<void> {
  const log = {
    info: (line: string) => core.info(line),
    warning: (line: string) => core.warning(line),
    debug: (line: string) => core.debug(line),
    startGroup: (name: string) => core.startGroup(name),
    endGroup: () => core.endGroup()
  }
  const retry: RetryPolicy = { ...DEFAULT_BACKOFF, maxAttempts: inputs.maxAttempts, sleep: realSleep, random: Math.random, log: line => core.info(line) }
  // One pacer for every request of the run, retries included.
  const pacer = new Pacer(inputs.requestsPerSecond, () => performance.now(), realSleep)
  await run({
    inputs,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    client: async () =>
      new HttpBoomiClient({
        apiUrl: inputs.apiUrl,
        accountId: inputs.accountId,
        username: inputs.username,
        apiToken: inputs.apiToken,
        timeoutMs: inputs.timeoutMs,
        transport: createTransport(`${ACTION_NAME}/${ACTION_VERSION}`),
        pacer,
        retry,
        log
      }),
    multipart: async () => (await import('../net/multipart.js')).multipartBody,
    runContext: workflowRun,
    log,
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async markdown => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write()
    },
    // Long enough for Boomi to finish storing an upload whose answer was lost; bounded so a lost answer costs seconds, not minutes.
    uploadPolicy: { ...retry, settleMs: Math.min(30_000, Math.max(2_000, inputs.timeoutMs / 4)) },
    now: () => Date.now(),
    // Enough requests in flight to use the rate fully when Boomi answers in up to a second.
    deleteConcurrency: Math.max(1, Math.min(8, Math.ceil(inputs.requestsPerSecond)))
  })
}

/** The workflow run, for the default change log; @actions/github is loaded only when that is needed. */
async function workflowRun(): Promise<RunContext> {
  const { context } = await import('@actions/github')
  const repository = process.env.GITHUB_REPOSITORY ? `${context.repo.owner}/${context.repo.repo}` : undefined
  const refName = context.ref ? context.ref.replace(/^refs\/(heads|tags)\//, '') : undefined
  const runUrl = repository && context.runId ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}` : undefined
  return { repository, refName, sha: context.sha || undefined, runUrl }
}
