// Retrying an upload whose answer may have been lost (SPEC §3.5): an attempt
// that timed out, dropped, or got a 500/502/504 may have stored the version, so
// before trying again the group is listed to look for it — at once, then at
// growing intervals within the settle window. A second look for late twins is
// made only while some attempt's outcome is still unknown.
import type { BoomiClient } from '../boomi/client.js'
import { findLostUpload } from '../domain/plan.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { VersionLimitError, errorMessage, sentences } from '../errors.js'
import { type RetryState, isRetryable, mayHaveTakenEffect, nextStep } from '../net/retry.js'
import type { RunDeps, UploadPolicy } from './deps.js'
import { ids } from './prune.js'

export interface Created {
  version: ConnectorVersion
  /** The freshest listing seen, the new version in it and removed twins marked deleted. */
  listing: readonly ConnectorVersion[]
  strayTwins: ConnectorVersion[]
}

export interface UploadStep {
  /** The attempt may have stored the version. */
  lost: boolean
  /** List the group for it before going on. */
  look: boolean
  retry: boolean
  delayMs: number
  throttled: boolean
  /** Failures that spent an attempt, this one included. */
  failures: number
}

/**
 * What to do after an upload attempt failed with `err`: the one home of that
 * decision. Whether to try again, and when, is the retry policy's (throttling
 * is bounded by time, real errors by attempts); whether to look first is ours:
 * after a lost answer, and when giving up while an earlier outcome is unknown.
 */
export function afterUploadFailure(err: unknown, state: RetryState, unknownBefore: number, policy: UploadPolicy): UploadStep {
  const step = nextStep(err, state, policy)
  const lost = isRetryable(err) && mayHaveTakenEffect(err)
  const look = lost || (unknownBefore > 0 && !step.retry)
  if (!step.retry) return { lost, look, retry: false, delayMs: 0, throttled: false, failures: step.failures }
  // The looks have already spaced the attempts; a longer Retry-After still counts.
  const delayMs = lost ? Math.max(0, step.delayMs - policy.settleMs) : step.delayMs
  return { lost, look, retry: true, delayMs, throttled: step.throttled, failures: step.failures }
}

/** The times (ms after the answer was lost) at which the group is listed: 0, 0.5 s, 1.5 s, 3.5 s, … within the window. */
export function lookSchedule(settleMs: number): number[] {
  const times = [0]
  for (let gap = 500; times[times.length - 1] + gap <= settleMs; gap *= 2) times.push(times[times.length - 1] + gap)
  if (times[times.length - 1] < settleMs) times.push(settleMs)
  return times
}

export async function createWithRecovery(
  deps: RunDeps,
  client: BoomiClient,
  create: () => Promise<ConnectorVersion>,
  before: readonly ConnectorVersion[],
  sha256: string,
  /** Attempts of an earlier round whose outcome is still unknown (a version-limit refusal came after them). */
  unknownBefore = 0
): Promise<Created> {
  const { log, uploadPolicy: policy, clock } = deps
  const idsBefore = new Set(before.map(v => v.versionId))
  let unknown = unknownBefore
  const state: RetryState = { failures: 0, throttledMs: 0 }
  for (let n = 1; ; n++) {
    try {
      const version = await create()
      if (deps.journal) deps.journal.uploaded = { version, changeLog: version.changeLog ?? '' }
      return await settle(deps, client, sha256, version, before, idsBefore, unknown)
    } catch (err) {
      const step = afterUploadFailure(err, state, unknown, policy)
      state.failures = step.failures
      if (step.lost) {
        unknown++
        log.info(`upload: the answer to attempt ${n} was lost (${errorMessage(err)}); looking for the version in ${deps.inputs.groupType}`)
      }
      if (step.look) {
        const found = await lookFor(deps, client, sha256, idsBefore)
        if (found && deps.journal) deps.journal.uploaded = { version: found.version, changeLog: found.version.changeLog ?? '' }
        if (found) return await settle(deps, client, sha256, found.version, found.listing, idsBefore, unknown - 1)
      }
      if (!step.retry) throw unknown > 0 ? afterLostAnswer(err, unknown) : err
      log.info(
        `upload: attempt ${n} failed (${step.failures} of ${policy.maxAttempts} tries spent${step.throttled ? '; throttled, which spends none' : ''}): ${errorMessage(err)}; retrying in ${step.delayMs} ms`
      )
      if (step.throttled) {
        const t = clock.now()
        policy.throttle?.record(t, t + step.delayMs)
        state.throttledMs = policy.throttle?.spentMs ?? state.throttledMs + step.delayMs
      }
      await clock.sleep(step.delayMs)
    }
  }
}

function afterLostAnswer(err: unknown, unknown: number): unknown {
  // At the version limit the caller may still make room and try again; it must then still look for a late twin.
  if (err instanceof VersionLimitError) return new VersionLimitError(err.refusal, unknown)
  return new Error(sentences(errorMessage(err), 'An earlier attempt lost its answer; if Boomi stores it later, a re-run will find and reuse it.'), {
    cause: err
  })
}

/** Lists the group at growing intervals until a new version with this archive's checksum shows, or the window ends. */
async function lookFor(
  deps: RunDeps,
  client: BoomiClient,
  sha256: string,
  idsBefore: ReadonlySet<string>
): Promise<{ version: ConnectorVersion; listing: readonly ConnectorVersion[] } | undefined> {
  const { clock, log, uploadPolicy } = deps
  let waited = 0
  for (const at of lookSchedule(uploadPolicy.settleMs)) {
    if (at > waited) await clock.sleep(at - waited)
    waited = at
    const listing = await client.listGroup(deps.inputs.groupType)
    const found = findLostUpload(listing, sha256, idsBefore)
    if (found.length) {
      // The oldest is the first attempt stored; any other is a twin, removed in settle().
      const version = found[found.length - 1]
      log.info(`upload: found version ${version.versionId} carrying this archive's checksum after ${waited} ms; it is this run's upload`)
      return { version, listing }
    }
  }
  log.info(`upload: no new version carries this checksum after ${waited} ms`)
  return undefined
}

/**
 * The run's version is known. While an attempt's outcome is unknown, one more
 * listing looks for a twin it stored late; twins are deleted, and one that
 * cannot be deleted is returned so the run fails once its outputs are set.
 */
async function settle(
  deps: RunDeps,
  client: BoomiClient,
  sha256: string,
  kept: ConnectorVersion,
  listing: readonly ConnectorVersion[],
  idsBefore: ReadonlySet<string>,
  unknown: number
): Promise<Created> {
  const withKept = listing.some(v => v.versionId === kept.versionId) ? listing : [...listing, kept]
  const twinsIn = (l: readonly ConnectorVersion[]): ConnectorVersion[] => findLostUpload(l, sha256, idsBefore).filter(v => v.versionId !== kept.versionId)
  let fresh = withKept
  if (unknown > 0) {
    try {
      const again = await client.listGroup(deps.inputs.groupType)
      fresh = again.some(v => v.versionId === kept.versionId) ? again : [...again, kept]
    } catch (err) {
      deps.log.warning(
        `Could not check for a second copy of this archive (${errorMessage(err)}). Version ${kept.versionId} is this run's upload; check group ${deps.inputs.groupType} for another version whose change log ends with this checksum.`
      )
    }
  }
  const twins = twinsIn(fresh)
  if (!twins.length) return { version: kept, listing: fresh, strayTwins: [] }
  const removed = new Set<string>()
  const stray: ConnectorVersion[] = []
  for (const twin of twins) {
    deps.log.warning(
      `Version ${twin.versionId} is a second copy of this archive, left by an upload attempt whose answer was lost; deleting it and keeping ${kept.versionId}.`
    )
    try {
      await client.deleteVersion(deps.inputs.groupType, twin.versionId)
      removed.add(twin.versionId)
    } catch (err) {
      deps.log.warning(`Deleting the second copy ${twin.versionId} failed: ${errorMessage(err)}`)
      stray.push(twin)
    }
  }
  if (stray.length) deps.log.warning(`Second copies left: ${ids(stray)}`)
  return { version: kept, listing: fresh.map(v => (removed.has(v.versionId) ? { ...v, deleted: true } : v)), strayTwins: stray }
}
