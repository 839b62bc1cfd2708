// Retrying an upload whose answer may have been lost (docs/behaviour.md, "Retries and lost answers"): an attempt
// that timed out, dropped, got a 5xx other than 503, or a 2xx answer not understood may have stored the version, so
// before trying again the group is listed to look for it — at once, then at
// growing intervals within the settle window. A second look for late twins is
// made only while some attempt's outcome is still unknown. Whether to try
// again, and when, is the run's one retry strategy's decision.
import type { BoomiClient } from '../boomi/client.js'
import { classifyFailure } from '../boomi/failures.js'
import { findLostUpload } from '../domain/plan.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { AnswerError, BoomiError, CancelledError, errorMessage } from '../errors.js'
import type { Failure, Step } from '../net/retry.js'
import type { RunDeps } from './deps.js'
import { sending, stopIfCancelled } from './journal.js'
import { ids } from './prune.js'

export interface Created {
  kind: 'created'
  version: ConnectorVersion
  /** The freshest listing seen, the new version in it. */
  listing: readonly ConnectorVersion[]
}

export interface NotCreated {
  kind: 'not-created'
  /** The last attempt's failure, as the retry strategy gave it up; or why the look failed. */
  error: unknown
  /** Attempts whose answer was lost and whose version never showed: Boomi may still have stored one. */
  unknown: number
  /** The look after a lost answer could not finish: `error` is its failure. */
  lookFailed: boolean
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
 * What to do after an upload attempt failed: whether to try again, and when,
 * is the strategy's `step`; whether to look first is ours: after a lost
 * answer, and when giving up while an earlier outcome is unknown.
 */
export function afterUploadFailure(failure: Failure, step: Step, unknownBefore: number, settleMs: number): UploadStep {
  // A dropped connection, a timeout, a 5xx but 503, or a 2xx not understood: the version may be stored.
  const lost = failure.mayHaveTakenEffect
  const look = lost || (unknownBefore > 0 && !step.retry)
  if (!step.retry) return { lost, look, retry: false, delayMs: 0, throttled: false, failures: step.failures }
  // The looks have already spaced the attempts; a longer Retry-After still counts.
  const delayMs = lost ? Math.max(0, step.delayMs - settleMs) : step.delayMs
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
  changeLog: string,
  /** Attempts of an earlier round whose outcome is still unknown (a version-limit refusal came after them). */
  unknownBefore = 0
): Promise<Created | NotCreated> {
  const { log, retry, clock } = deps
  let unknown = unknownBefore
  let failures = 0
  for (let n = 1; ; n++) {
    // A cancel between attempts still says what an earlier one may have stored.
    if (deps.signal?.aborted) return { kind: 'not-created', error: new CancelledError(), unknown, lookFailed: false }
    const answered = sending(deps, { operation: 'upload', changeLog })
    let version: ConnectorVersion
    try {
      version = await create()
    } catch (err) {
      const failure = classifyFailure(err)
      const decision = retry.decide(failure, failures)
      const step = afterUploadFailure(failure, decision, unknown, deps.settleMs)
      failures = step.failures
      // Only a lost answer leaves this attempt open: the look, or the phase's outcome, settles it.
      if (!step.lost) answered()
      if (step.lost) {
        unknown++
        const what = err instanceof AnswerError ? 'was not understood' : 'was lost'
        log.info(`upload: the answer to attempt ${n} ${what} (${errorMessage(err)}); looking for the version in ${deps.inputs.groupType}`)
      }
      if (step.look) {
        let found: Awaited<ReturnType<typeof lookFor>>
        try {
          found = await lookFor(deps, client, sha256)
        } catch (lookErr) {
          return { kind: 'not-created', error: lookErr, unknown, lookFailed: true }
        }
        if (found) return settle(deps, client, sha256, changeLog, found.version, found.listing, unknown - 1)
      }
      if (!decision.retry) return { kind: 'not-created', error: retry.finalError(err, decision), unknown, lookFailed: false }
      log.info(
        `upload: attempt ${n} failed (${step.failures} of ${retry.maxAttempts} tries spent${step.throttled ? '; throttled, which spends none' : ''}): ${errorMessage(err)}; retrying in ${step.delayMs} ms`
      )
      try {
        await clock.sleep(step.delayMs)
      } catch (sleepErr) {
        return { kind: 'not-created', error: sleepErr, unknown, lookFailed: false }
      }
      continue
    }
    answered()
    retry.recordSuccess()
    return settle(deps, client, sha256, changeLog, version, before, unknown)
  }
}

/** Lists the group at growing intervals until a new version with this archive's checksum shows, or the window ends. */
async function lookFor(
  deps: RunDeps,
  client: BoomiClient,
  sha256: string
): Promise<{ version: ConnectorVersion; listing: readonly ConnectorVersion[] } | undefined> {
  const { clock, log } = deps
  let waited = 0
  for (const at of lookSchedule(deps.settleMs)) {
    if (at > waited) await clock.sleep(at - waited)
    waited = at
    stopIfCancelled(deps)
    const listing = await client.listGroup(deps.inputs.groupType)
    const found = findLostUpload(listing, sha256, deps.uploadId)
    if (found.length) {
      // The oldest of those shown is the run's; any other is a twin, deleted in settle().
      const version = found[found.length - 1]
      log.info(`upload: found version ${version.versionId} carrying this archive's checksum after ${waited} ms; it is this run's upload`)
      return { version, listing }
    }
  }
  log.info(`upload: no new version carries this checksum after ${waited} ms`)
  return undefined
}

/**
 * The run's version is known, and reported at once. While an attempt's
 * outcome is unknown, one more listing looks for a twin it stored late; twins
 * are deleted, and one that cannot be deleted is reported so the run fails
 * once its outputs are set.
 */
async function settle(
  deps: RunDeps,
  client: BoomiClient,
  sha256: string,
  changeLog: string,
  kept: ConnectorVersion,
  listing: readonly ConnectorVersion[],
  unknown: number
): Promise<Created> {
  deps.events.report({ type: 'upload', upload: { kind: 'uploaded', version: kept, changeLog, removedTwins: [], strayTwins: [] } })
  const withKept = (l: readonly ConnectorVersion[]): readonly ConnectorVersion[] => (l.some(v => v.versionId === kept.versionId) ? l : [...l, kept])
  let fresh = withKept(listing)
  if (unknown > 0) {
    try {
      // Over the look's listing: a copy it showed stays a twin when this one lags and misses it.
      const seen = new Map(listing.map(v => [v.versionId, v]))
      for (const v of await client.listGroup(deps.inputs.groupType)) seen.set(v.versionId, v)
      fresh = withKept([...seen.values()])
    } catch (err) {
      deps.log.warning(
        `Could not check for a second copy of this archive (${errorMessage(err)}). Version ${kept.versionId} is this run's upload; check group ${deps.inputs.groupType} for another version whose change log ends with this checksum.`
      )
    }
  }
  // Twins appeared during the run, so pruning never weighs them (pruneInputFrom): the listing is handed on as read.
  const created = (): Created => ({ kind: 'created', version: kept, listing: fresh })
  const twins = findLostUpload(fresh, sha256, deps.uploadId).filter(v => v.versionId !== kept.versionId)
  if (!twins.length) return created()
  const gone = (twin: ConnectorVersion): void => deps.events.report({ type: 'twin-deleted', version: twin })
  const stray: ConnectorVersion[] = []
  const left = (twin: ConnectorVersion, why: string): void => {
    deps.log.warning(`Deleting the second copy ${twin.versionId} failed: ${why}`)
    stray.push(twin)
    deps.events.report({ type: 'twin-left', version: twin })
  }
  /**
   * Deletes whose first answer was lost and whose retry failed, or that found nothing: perhaps only because it
   * was done. Each stays open, as sent and not known, until the settling listing has told: a run stopped meanwhile reports it so.
   */
  const unsure: { twin: ConnectorVersion; error: unknown; lost: boolean; answered: () => void }[] = []
  for (const twin of twins) {
    deps.log.warning(
      `Version ${twin.versionId} is a second copy of this archive, left by an upload attempt whose answer was lost; deleting it and keeping ${kept.versionId}.`
    )
    const answered = sending(deps, { operation: 'delete', round: 'twin', version: twin })
    try {
      const answer = await client.deleteVersion(deps.inputs.groupType, twin.versionId)
      if (answer.outcome === 'deleted') gone(twin)
      else unsure.push({ twin, error: answer.error, lost: true, answered })
    } catch (err) {
      // Not found, though a listing showed it live: the listing says whether it is gone.
      if (err instanceof BoomiError && err.status === 404) unsure.push({ twin, error: err, lost: false, answered })
      else left(twin, errorMessage(err))
    } finally {
      if (!unsure.some(u => u.twin === twin)) answered()
    }
  }
  // As for pruning's deletions: one listing says which of them are gone.
  if (unsure.length) {
    let listed: readonly ConnectorVersion[] | undefined
    try {
      listed = await client.listGroup(deps.inputs.groupType)
    } catch (err) {
      // Stopped before the listing told: each of these deletes stays sent and not known, as the record says of such a request.
      if (err instanceof CancelledError) return created()
      deps.log.warning(`Could not list ${deps.inputs.groupType} to see whether the second copies were deleted: ${errorMessage(err)}`)
    }
    for (const { twin, error, lost, answered } of unsure) {
      const now = listed?.find(v => v.versionId === twin.versionId)
      // Deletes are soft: only a listing that shows the twin deleted proves it gone.
      if (now?.deleted === true) gone(twin)
      else left(twin, `${errorMessage(error)} (${lost ? "an earlier attempt's answer was lost, and " : ''}${unsureWhy(listed, now)})`)
      answered()
    }
  }
  if (stray.length) deps.log.warning(`Second copies left: ${ids(stray)}`)
  return created()
}

/** Why a twin delete that may have been done is not known to be: what the settling listing showed. */
function unsureWhy(listed: readonly ConnectorVersion[] | undefined, now: ConnectorVersion | undefined): string {
  if (!listed) return 'the group could not be listed to see whether it is gone'
  if (!now) return 'the listing does not show it at all, though Boomi lists a deleted version as deleted'
  return 'the listing still shows it'
}
