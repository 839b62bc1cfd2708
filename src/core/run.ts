// The composition root: builds the run from typed inputs and a Platform, and
// knows no platform itself. The front ends (src/runner/ for the Action, src/cli/
// for the command-line tool) only read inputs and supply the Platform; lint
// keeps this folder from importing either.
import { randomBytes } from 'node:crypto'
import { constants as fsConstants, promises as fs } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { findInWorkspace, locateArchive } from '../archive/locate.js'
import { HttpBoomiClient, type RequestPacer } from '../boomi/client.js'
import { PREFIXES_TO_TRY } from '../boomi/contract.js'
import { ACTION_NAME, ACTION_VERSION } from '../constants.js'
import { outputsOf } from '../domain/outputs.js'
import { EventLog, type RunRecord } from '../domain/record.js'
import { renderSummary } from '../domain/summary.js'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs/read.js'
import { Pacer } from '../net/pacer.js'
import { DEFAULT_BACKOFF, RetryStrategy, timerDelay } from '../net/retry.js'
import { createTransport } from '../net/transport.js'
import type { ActionLog, Clock, RunDeps } from '../orchestrator/deps.js'
import { forcedRecord, runRelease } from '../orchestrator/release.js'
import { Cancellation } from './cancel.js'
import type { Platform } from './platform.js'
import { periodicLines } from './progress.js'
import { proxyAgentFor } from './proxy-agent.js'

export type { Platform } from './platform.js'

/** Runs the release; the outputs and summary are published however it ends. Rethrows the run's failure. */
export async function runWithPlatform(inputs: Inputs, platform: Platform): Promise<void> {
  const log = platform.log
  const cancel = new Cancellation(log)
  const clock: Clock = { now: () => Date.now(), sleep: cancel.sleep(timerDelay) }
  let client: HttpBoomiClient | undefined
  // One strategy for every request of the run, the upload and its looks included.
  const retry = new RetryStrategy({
    ...DEFAULT_BACKOFF,
    maxAttempts: inputs.maxAttempts,
    sleep: clock.sleep,
    random: Math.random,
    log: line => log.info(line),
    now: clock.now
  })
  // One pacer for every request of the run, retries included.
  const pacer = new Pacer(inputs.requestsPerSecond, () => performance.now(), clock.sleep, { onChange: line => log.info(line) })
  const deps: RunDeps = {
    inputs,
    workspace: platform.workspace,
    client: once(async () => (client = boomiClient(inputs, cancel.gate(pacer), retry, log))),
    multipart: async () => (await import('../net/multipart.js')).multipartBody,
    locateArchive: pattern => locateArchive(pattern, platform.workspace),
    findInWorkspace: name => findInWorkspace(name, platform.workspace),
    inspectArchive: async (file, shown) => (await import('../archive/zip.js')).inspectArchive(file, shown),
    readTextFile,
    runContext: () => platform.runContext(),
    log,
    clock,
    // Long enough for Boomi to finish storing an upload whose answer was lost; bounded so a lost answer costs seconds, not minutes.
    uploadId: randomBytes(8).toString('hex'),
    settleMs: Math.min(30_000, Math.max(2_000, inputs.timeoutMs / 4)),
    retry,
    // Enough requests in flight to use the rate fully when Boomi answers in up to a second.
    deleteConcurrency: Math.max(1, Math.min(8, Math.ceil(inputs.requestsPerSecond))),
    signal: cancel.signal,
    events: new EventLog(),
    apiContact: () => client?.contact(),
    progress: platform.progress ?? periodicLines(log, clock.now),
    throttling: () => {
      const s = pacer.stats()
      return { throttled: s.throttled, waitedMs: Math.max(s.waitedMs, retry.throttledMs), lowestRate: s.cuts ? s.lowestRate : undefined }
    }
  }
  const publish = once(async (record: RunRecord) => publishRecord(record, platform))
  try {
    // A run still going after the grace is written from what it reported so far: requests without an answer show as not known.
    await cancel.within(runRelease(deps, publish), () => publish(forcedRecord(deps)))
  } finally {
    cancel.dispose()
  }
}

const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`

function boomiClient(inputs: Inputs, pacer: RequestPacer, retry: RetryStrategy, log: ActionLog): HttpBoomiClient {
  return new HttpBoomiClient({
    apiUrl: inputs.apiUrl,
    // A host alone: the path prefix is found on the first request.
    findPrefix: inputs.apiUrlIsHost ? PREFIXES_TO_TRY : undefined,
    accountId: inputs.accountId,
    username: inputs.username,
    apiToken: inputs.apiToken,
    timeoutMs: inputs.timeoutMs,
    transport: createTransport(USER_AGENT, { agentFor: proxyAgentFor(USER_AGENT) }),
    pacer,
    retry,
    log
  })
}

/**
 * Outputs and summary from the record, through the same pure functions for every
 * front end. A target that cannot be written is reported beside the run's own
 * error, never instead of it.
 */
async function publishRecord(record: RunRecord, platform: Platform): Promise<void> {
  const problems: string[] = []
  try {
    await platform.setOutputs(outputsOf(record))
  } catch (err) {
    problems.push(errorMessage(err))
  }
  try {
    await platform.writeSummary(renderSummary(record))
  } catch (err) {
    problems.push(errorMessage(err))
  }
  if (!problems.length) return
  const message = `Could not write the results (${problems.join('; ')}). ${platform.resultsHint}`
  if (record.error) platform.log.warning(message)
  else throw new Error(message)
}

function once<A extends unknown[], T>(fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let result: Promise<T> | undefined
  return (...args) => (result ??= fn(...args))
}

/** A regular file's text, read no further than `maxBytes` (a device or a FIFO is refused, not read). */
async function readTextFile(file: string, maxBytes: number): Promise<string> {
  const handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK)
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw new Error('it is not a regular file')
    const buffer = Buffer.alloc(maxBytes + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > maxBytes) throw new Error(`the file is larger than the ${maxBytes} bytes allowed`)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}
