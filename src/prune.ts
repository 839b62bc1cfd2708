import { isDeleteRefusal } from './boomi-contract.js'
import type { BoomiClient, ConnectorVersion, Logger } from './boomi-client.js'
import { BoomiError, errorMessage } from './errors.js'
import type { PlannedVersion, PrunePlan } from './plan.js'

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
          outcome.skipped.push({ version: item.version, reason })
          log.warning(`Version ${describe(item.version)} was not deleted: ${reason}`)
        } else {
          outcome.failed.push({ version: item.version, error: errorMessage(err) })
          log.warning(`Deleting version ${describe(item.version)} failed: ${errorMessage(err)}`)
          if (err instanceof BoomiError && (err.status === 401 || err.status === 403)) stop = errorMessage(err)
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker))
  // Report in the plan's order (newest first), whatever order the workers finished in.
  const order = new Map(plan.delete.map((p, i) => [p.version.versionId, i]))
  outcome.deleted.sort((a, b) => (order.get(a.version.versionId) ?? 0) - (order.get(b.version.versionId) ?? 0))
  return outcome
}
