import { isDeleteRefusal } from '../boomi/contract.js'
import type { BoomiClient, ConnectorVersion, Logger } from '../boomi/client.js'
import { BoomiError, errorMessage } from '../errors.js'
import { mayHaveTakenEffect } from '../net/retry.js'
import type { PlannedVersion, PrunePlan } from '../domain/plan.js'

export interface PruneFailure {
  version: ConnectorVersion
  error: string
}

export interface PruneOutcome {
  deleted: PlannedVersion[]
  /** The plan's skips, then the deletions Boomi refused, with Boomi's reason. */
  skipped: PlannedVersion[]
  failed: PruneFailure[]
  /** Deletions not tried because credentials or privileges failed on an earlier one. */
  notTried: ConnectorVersion[]
}

export function describe(v: ConnectorVersion): string {
  const parts = [v.displayVersion ? `display version ${v.displayVersion}` : undefined, v.uploadedDate ? `uploaded ${v.uploadedDate}` : undefined].filter(
    Boolean
  )
  return parts.length ? `${v.versionId} (${parts.join(', ')})` : v.versionId
}

/**
 * Carries out the plan's deletions, oldest first, a few at a time (the client
 * paces them). A refusal is a skip; any other failure is recorded and the rest
 * go on, except 401/403, which would fail the same way for every one.
 */
export async function executePrune(client: BoomiClient, groupType: string, plan: PrunePlan, concurrency: number, log: Logger): Promise<PruneOutcome> {
  const outcome: PruneOutcome = { deleted: [], skipped: [...plan.skip], failed: [], notTried: [] }
  const queue = [...plan.delete].reverse()
  // Refused after a lost answer, or not found: perhaps deleted by an earlier attempt; looked up at the end.
  const unsure: Unsure[] = []
  let stop: string | undefined
  let done = 0

  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (stop) {
        outcome.notTried.push(item.version)
        continue
      }
      try {
        await client.deleteVersion(groupType, item.version.versionId)
        outcome.deleted.push(item)
        log.info(`deleted ${describe(item.version)} [${++done}/${plan.delete.length}]`)
      } catch (err) {
        done++
        if (err instanceof BoomiError && isDeleteRefusal(err.status)) {
          const reason = `refused by Boomi: ${err.boomiMessage || `HTTP ${err.status}`}`
          if (err.afterLostAnswer || err.status === 404) unsure.push({ item, refusal: reason })
          else {
            outcome.skipped.push({ version: item.version, reason })
            log.warning(`Version ${describe(item.version)} was not deleted: ${reason}`)
          }
        } else if (mayHaveTakenEffect(err)) {
          // The last attempt's answer was lost: the delete may have happened.
          unsure.push({ item, failure: errorMessage(err) })
        } else {
          outcome.failed.push({ version: item.version, error: errorMessage(err) })
          log.warning(`Deleting version ${describe(item.version)} failed: ${errorMessage(err)}`)
          if (err instanceof BoomiError && (err.status === 401 || err.status === 403)) stop = errorMessage(err)
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker))
  if (unsure.length) await settleUnsure(client, groupType, unsure, outcome, log)
  // Report in the plan's order (newest first), whatever order the workers finished in.
  const order = new Map(plan.delete.map((p, i) => [p.version.versionId, i]))
  outcome.deleted.sort((a, b) => (order.get(a.version.versionId) ?? 0) - (order.get(b.version.versionId) ?? 0))
  return outcome
}

/** A deletion whose outcome only a listing can tell: refused after a lost answer, not found, or its answer lost. */
interface Unsure {
  item: PlannedVersion
  refusal?: string
  failure?: string
}

/** One more listing tells whether a delete whose answer was lost did happen. */
async function settleUnsure(client: BoomiClient, groupType: string, unsure: Unsure[], outcome: PruneOutcome, log: Logger): Promise<void> {
  log.info(`${unsure.length} deletion(s) lost their answer or found nothing to delete; listing ${groupType} to see whether they happened`)
  let listing: ConnectorVersion[]
  try {
    listing = await client.listGroup(groupType)
  } catch (err) {
    for (const { item } of unsure)
      outcome.failed.push({ version: item.version, error: `outcome unknown: the answer was lost and the group could not be listed (${errorMessage(err)})` })
    return
  }
  const byId = new Map(listing.map(v => [v.versionId, v]))
  for (const { item, refusal, failure } of unsure) {
    const now = byId.get(item.version.versionId)
    if (!now || now.deleted === true) {
      outcome.deleted.push(item)
      log.info(`deleted ${describe(item.version)} (its answer was lost; the listing shows it deleted)`)
    } else if (refusal) {
      outcome.skipped.push({ version: item.version, reason: refusal })
      log.warning(`Version ${describe(item.version)} was not deleted: ${refusal}`)
    } else {
      outcome.failed.push({ version: item.version, error: failure ?? 'the delete failed' })
      log.warning(`Deleting version ${describe(item.version)} failed: ${failure}`)
    }
  }
}
