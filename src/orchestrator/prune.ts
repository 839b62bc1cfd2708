// The prune phase (docs/behaviour.md, "Pruning"): plan with the pure planner, then delete, a few
// at a time (the client paces them). A refusal is a skip; any other failure is
// recorded and the rest go on, except 401, 403, 405 and 415, which would fail
// the same way for every one, and a cancelled run, which starts nothing new.
import type { BoomiClient } from '../boomi/client.js'
import { isDeleteRefusal, stopsDeletes } from '../boomi/contract.js'
import { mayHaveTakenEffect } from '../boomi/failures.js'
import { type PlannedVersion, type PrunePlan, planPrune, unreadDecidingField } from '../domain/plan.js'
import type { PruneOutcome, PruneResult } from '../domain/record.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { ACTION_VERSION } from '../constants.js'
import { BoomiError, WithdrawnError, errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import { plural, someOf } from '../text.js'
import type { RunDeps } from './deps.js'
import { sending } from './journal.js'
import type { UploadResult } from './upload.js'

export function describe(v: ConnectorVersion): string {
  const parts = [v.displayVersion ? `display version ${v.displayVersion}` : undefined, v.uploadedDate ? `uploaded ${v.uploadedDate}` : undefined].filter(
    Boolean
  )
  return parts.length ? `${v.versionId} (${parts.join(', ')})` : v.versionId
}

/** How many IDs a message names: a listing may hold thousands of matches. */
const MAX_IDS_SHOWN = 20

export function ids(versions: readonly ConnectorVersion[]): string {
  return someOf(
    versions.map(v => v.versionId),
    MAX_IDS_SHOWN
  )
}

/** The listing as it stands after these deletions: new objects, the originals untouched. */
export function withoutDeleted(listing: readonly ConnectorVersion[], outcome: PruneOutcome | undefined): readonly ConnectorVersion[] {
  if (!outcome) return listing
  const gone = new Set(outcome.deleted.map(d => d.version.versionId))
  return listing.map(v => (gone.has(v.versionId) ? { ...v, deleted: true } : v))
}

export interface PruneInput {
  listing: readonly ConnectorVersion[]
  runVersion?: ConnectorVersion
  uploaded: boolean
  pendingUpload: boolean
  /** Versions Boomi already refused to delete in this run: not asked for again. */
  refusedBefore: ReadonlySet<string>
}

/**
 * Pruning's input from what came before it, the one seam between the upload
 * and pruning: after an upload, the versions of the run's first listing as the
 * upload last saw them (the early prune's deletions marked deleted, its
 * refusals not asked for again) and the new version, the newest; otherwise the
 * run's one listing. A version that appeared during the run (another job's
 * upload, a second copy of this run's, removed or left) is not pruning's to
 * weigh: it takes no place and is never deleted here.
 */
export function pruneInputFrom(listing: readonly ConnectorVersion[], upload: UploadResult | undefined, runVersion: ConnectorVersion | undefined): PruneInput {
  if (upload?.kind !== 'uploaded') {
    return { listing, runVersion, uploaded: false, pendingUpload: upload?.kind === 'would-upload', refusedBefore: new Set() }
  }
  const first = new Set(listing.map(v => v.versionId))
  const weighed = upload.listing.filter(v => first.has(v.versionId) || v.versionId === upload.version.versionId)
  return {
    listing: withoutDeleted(weighed, upload.earlyPrune),
    runVersion: upload.version,
    uploaded: true,
    pendingUpload: false,
    refusedBefore: new Set(upload.earlyPrune?.skipped.map(s => s.version.versionId) ?? [])
  }
}

export async function prunePhase(deps: RunDeps, keepLatest: number, p: PruneInput): Promise<PruneResult & { outcome: PruneOutcome }> {
  const { inputs, log } = deps
  const planned = planPrune({
    listing: p.listing,
    keepLatest,
    minAgeDays: inputs.minAgeDays,
    now: deps.clock.now(),
    runVersionId: p.runVersion?.versionId,
    runVersionUploaded: p.uploaded,
    pendingUpload: p.pendingUpload
  })
  const plan = { ...planned, delete: planned.delete.filter(d => !p.refusedBefore.has(d.version.versionId)) }
  const result: PruneResult = { keepLatest, minAgeDays: inputs.minAgeDays, kept: plan.keep.length }
  deps.events.report({ type: 'prune-plan', round: 'prune', plan: result, skip: plan.skip, delete: plan.delete })
  logPlan(log, plan, inputs.dryRun)
  let outcome: PruneOutcome
  if (inputs.dryRun) {
    for (const item of plan.delete) deps.events.report({ type: 'deleted', item })
    outcome = { deleted: plan.delete, skipped: plan.skip, failed: [], notTried: [] }
  } else {
    outcome = await executePrune(deps, await deps.client(), plan, 'prune')
  }
  const verb = inputs.dryRun ? 'would delete' : 'deleted'
  log.info(`Pruning: kept ${plan.keep.length}, ${verb} ${outcome.deleted.length}, skipped ${outcome.skipped.length}, failed ${outcome.failed.length}`)
  return { ...result, outcome }
}

/** At the account's version limit: delete what the finished run would have deleted anyway (the pending upload counts as the newest). */
export async function pruneForRoom(deps: RunDeps, client: BoomiClient, listing: readonly ConnectorVersion[], keepLatest: number): Promise<PruneOutcome> {
  const plan = planPrune({ listing, keepLatest, minAgeDays: deps.inputs.minAgeDays, now: deps.clock.now(), pendingUpload: true })
  deps.events.report({
    type: 'prune-plan',
    round: 'room',
    plan: { keepLatest, minAgeDays: deps.inputs.minAgeDays, kept: plan.keep.length },
    skip: plan.skip,
    delete: plan.delete
  })
  logPlan(deps.log, plan, false)
  return executePrune(deps, client, plan, 'room')
}

function logPlan(log: Logger, plan: PrunePlan, dryRun: boolean): void {
  log.info(`Plan: keep ${plan.keep.length}, ${dryRun ? 'would delete' : 'delete'} ${plan.delete.length}, skip ${plan.skip.length}`)
  for (const k of plan.keep) log.debug(`keep ${describe(k.version)}: ${k.reason}`)
  // Oldest first, the order the deletions are made and logged in.
  for (const d of [...plan.delete].reverse()) log.info(`${dryRun ? 'would delete' : 'delete'} ${describe(d.version)}: ${d.reason}`)
  for (const s of plan.skip) log.info(`skip ${describe(s.version)}: ${s.reason}`)
  const unread = plan.skip.filter(s => unreadDecidingField(s.version))
  if (unread.length) {
    const reasons = [...new Set(unread.map(s => s.reason))]
    const named = unread.slice(0, 10).map(s => s.version.versionId)
    log.warning(
      `${plural(unread.length, 'version')} (${named.join(', ')}${unread.length > 10 ? ', …' : ''}) left alone because a field that decides was not understood (${reasons.slice(0, 5).join('; ')}${reasons.length > 5 ? '; …' : ''}): pruning cannot delete such versions. If Boomi gives ordinary versions these values, please report them, naming release ${ACTION_VERSION}.`
    )
  }
}

/** A deletion whose outcome only a listing can tell: refused after a lost answer, not found, or its answer lost. */
interface Unsure {
  item: PlannedVersion
  refusal?: string
  /** The refusal when it was a 404: if the listing still shows the version, the delete did not reach it. */
  notFound?: string
  failure?: string
  /** Closes the journaled request once the listing has told. */
  answered: () => void
}

function notFoundOf(err: unknown, refusal: string | undefined): string | undefined {
  return err instanceof BoomiError && err.status === 404 ? refusal : undefined
}

function refusalOf(err: unknown): string | undefined {
  return err instanceof BoomiError && isDeleteRefusal(err.status) ? `refused by Boomi: ${err.boomiMessage || `HTTP ${err.status}`}` : undefined
}

/**
 * Lines about deletions that run a few at a time, printed in the order the
 * deletions were started (oldest first, as the plan reads), each as soon as
 * every earlier one has printed. Once the run is cancelled, whatever waits is
 * printed at once: a forced stop must not swallow what was done.
 */
class InPlanOrder {
  private next = 0
  private readonly waiting = new Map<number, () => void>()
  private readonly onAbort = (): void => this.flush()

  constructor(private readonly signal?: AbortSignal) {
    signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  close(): void {
    this.signal?.removeEventListener('abort', this.onAbort)
    this.flush()
  }

  emit(index: number, line: () => void): void {
    this.waiting.set(index, line)
    if (this.signal?.aborted) this.flush()
    while (this.waiting.has(this.next)) this.take(this.next++)
  }

  private flush(): void {
    for (const index of [...this.waiting.keys()].sort((a, b) => a - b)) this.take(index)
  }

  private take(index: number): void {
    const line = this.waiting.get(index)
    this.waiting.delete(index)
    line?.()
  }
}

/** Carries out the plan's deletions, oldest first, reporting each; the outcome is in the plan's order. */
export async function executePrune(deps: RunDeps, client: BoomiClient, plan: PrunePlan, round: 'room' | 'prune'): Promise<PruneOutcome> {
  const { log, signal, events } = deps
  const group = deps.inputs.groupType
  const deleted: PlannedVersion[] = []
  const skipped: PlannedVersion[] = [...plan.skip]
  const failed: PruneOutcome['failed'] = []
  const notTried: ConnectorVersion[] = []
  const unsure: Unsure[] = []
  const queue = [...plan.delete].reverse()
  const ordered = new InPlanOrder(signal)
  let started = 0
  let stop = false
  let done = 0
  const notTry = (version: ConnectorVersion): void => {
    notTried.push(version)
    events.report({ type: 'not-tried', version })
  }
  let finished = 0
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const index = started++
      if (stop || signal?.aborted) {
        notTry(item.version)
        ordered.emit(index, () => undefined)
        continue
      }
      const answered = sending(deps, { operation: 'delete', round, version: item.version })
      try {
        // A delete still waiting for its turn when another's answer stops the deletions is not sent.
        const answer = await client.deleteVersion(group, item.version.versionId, () => !stop)
        deps.progress?.prune(++finished, plan.delete.length)
        if (answer.outcome === 'unknown') {
          // An attempt lost its answer, and what came after failed: perhaps only because it was already done.
          const refusal = refusalOf(answer.error)
          unsure.push({ item, refusal, notFound: notFoundOf(answer.error, refusal), failure: refusal ? undefined : errorMessage(answer.error), answered })
          ordered.emit(index, () => done++)
          if (answer.error instanceof BoomiError && stopsDeletes(answer.error.status)) stop = true
          continue
        }
        deleted.push(item)
        events.report({ type: 'deleted', item })
        answered()
        const version = item.version
        // Progress counts completions as they come; the log lines follow the plan's order.
        ordered.emit(index, () => log.info(`deleted ${describe(version)} [${++done}/${plan.delete.length}]`))
      } catch (err) {
        deps.progress?.prune(++finished, plan.delete.length)
        const refusal = refusalOf(err)
        // Boomi answered no: that is so whether or not the run has been cancelled since.
        const refused = refusal !== undefined && (err as BoomiError).status !== 404
        // Never sent (taken back when its turn came), or stopped by the cancel without effect: not tried.
        if (err instanceof WithdrawnError || (signal?.aborted && !refused && !mayHaveTakenEffect(err))) {
          answered()
          notTry(item.version)
          ordered.emit(index, () => done++)
          continue
        }
        const version = item.version
        if (refused) {
          const skip = { version, reason: refusal }
          skipped.push(skip)
          events.report({ type: 'refused', item: skip })
          answered()
          ordered.emit(index, () => {
            done++
            log.warning(`Version ${describe(version)} was not deleted: ${refusal}`)
          })
        } else if (refusal || mayHaveTakenEffect(err)) {
          unsure.push({ item, refusal, notFound: notFoundOf(err, refusal), failure: refusal ? undefined : errorMessage(err), answered })
          ordered.emit(index, () => done++)
        } else {
          const error = errorMessage(err)
          failed.push({ version, error })
          events.report({ type: 'delete-failed', version, error })
          answered()
          ordered.emit(index, () => {
            done++
            log.warning(`Deleting version ${describe(version)} failed: ${error}`)
          })
        }
        if (err instanceof BoomiError && stopsDeletes(err.status)) stop = true
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.deleteConcurrency, queue.length)) }, worker))
  } finally {
    ordered.close()
  }
  const settled = unsure.length ? await settleUnsure(deps, client, unsure) : { deleted: [], skipped: [], failed: [] }
  const order = new Map(plan.delete.map((p, i) => [p.version.versionId, i]))
  const all = [...deleted, ...settled.deleted].sort((a, b) => (order.get(a.version.versionId) ?? 0) - (order.get(b.version.versionId) ?? 0))
  return { deleted: all, skipped: [...skipped, ...settled.skipped], failed: [...failed, ...settled.failed], notTried }
}

/** One more listing tells whether a delete whose answer was lost did happen. */
async function settleUnsure(deps: RunDeps, client: BoomiClient, unsure: Unsure[]): Promise<Omit<PruneOutcome, 'notTried'>> {
  const { log, events } = deps
  const out: Omit<PruneOutcome, 'notTried'> = { deleted: [], skipped: [], failed: [] }
  log.info(`${plural(unsure.length, 'deletion')} lost the answer or found nothing to delete; listing ${deps.inputs.groupType} to see what happened`)
  let listing: readonly ConnectorVersion[]
  try {
    listing = await client.listGroup(deps.inputs.groupType)
  } catch (err) {
    for (const { item, answered } of unsure) {
      const error = `outcome unknown: the answer was lost and the group could not be listed (${errorMessage(err)})`
      out.failed.push({ version: item.version, error })
      events.report({ type: 'delete-failed', version: item.version, error })
      answered()
    }
    return out
  }
  const byId = new Map(listing.map(v => [v.versionId, v]))
  for (const { item, refusal, notFound, failure, answered } of unsure) {
    const now = byId.get(item.version.versionId)
    if (now?.deleted === true) {
      out.deleted.push(item)
      events.report({ type: 'deleted', item })
      log.info(`deleted ${describe(item.version)} (its answer was lost; the listing shows it deleted)`)
    } else if (!now) {
      // Deletes are soft: a deleted version is listed as deleted. One not listed at all proves nothing.
      const error = `outcome unknown: ${refusal ?? failure ?? 'the delete failed'}, and the listing does not show the version at all (Boomi lists a deleted version as deleted)`
      out.failed.push({ version: item.version, error })
      events.report({ type: 'delete-failed', version: item.version, error })
      log.warning(`Deleting version ${describe(item.version)} failed: ${error}`)
    } else if (notFound !== undefined) {
      // Not a refusal of this version: Boomi says it has no such thing while listing it.
      const error = `${notFound}, yet the listing shows it: the delete request may not be the form Boomi serves (docs/boomi-api.md, "What is uncertain")`
      out.failed.push({ version: item.version, error })
      events.report({ type: 'delete-failed', version: item.version, error })
      log.warning(`Deleting version ${describe(item.version)} failed: ${error}`)
    } else if (refusal) {
      const skip = { version: item.version, reason: refusal }
      out.skipped.push(skip)
      events.report({ type: 'refused', item: skip })
      log.warning(`Version ${describe(item.version)} was not deleted: ${refusal}`)
    } else {
      const error = failure ?? 'the delete failed'
      out.failed.push({ version: item.version, error })
      events.report({ type: 'delete-failed', version: item.version, error })
      log.warning(`Deleting version ${describe(item.version)} failed: ${error}`)
    }
    answered()
  }
  return out
}
