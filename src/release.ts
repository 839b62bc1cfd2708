import { isVersionLimitRefusal } from './boomi-contract.js'
import type { BoomiClient, ConnectorVersion, Logger } from './boomi-client.js'
import { BoomiError, NetworkError } from './errors.js'
import type { StreamBody } from './http.js'
import { findLostUpload } from './plan.js'
import { type RetryPolicy, withRetries } from './retry.js'

export interface UploadResult {
  version: ConnectorVersion
  /** The freshest listing of the group, when the upload had to look again. */
  listing?: ConnectorVersion[]
}

/**
 * An upload whose answer never came may have created the version. Only a clear
 * "not now" (429, 503) or a connection that never opened proves it did not;
 * anything else is looked up before the upload is tried again.
 */
export function mayHaveCreated(err: unknown): boolean {
  if (err instanceof NetworkError) return !err.notSent
  if (err instanceof BoomiError) return err.status >= 500 && err.status !== 503
  return false
}

export class VersionLimitError extends Error {
  constructor(readonly refusal: BoomiError) {
    super(refusal.message)
    this.name = 'VersionLimitError'
  }
}

/**
 * Uploads once, retrying as the policy allows, and never leaves two versions
 * of one archive: after an ambiguous failure the group is listed and a new
 * version carrying the checksum line is taken as this upload.
 */
export async function uploadVersion(
  client: BoomiClient,
  groupType: string,
  sha256: string,
  body: StreamBody,
  listingBefore: readonly ConnectorVersion[],
  policy: RetryPolicy,
  log: Logger
): Promise<UploadResult> {
  const idsBefore = new Set(listingBefore.map(v => v.versionId))
  let listing: ConnectorVersion[] | undefined
  const version = await withRetries(
    'upload',
    policy,
    async () => {
      try {
        return await client.createVersion(groupType, body)
      } catch (err) {
        if (err instanceof BoomiError && isVersionLimitRefusal(err.status, err.boomiMessage)) throw new VersionLimitError(err)
        throw err
      }
    },
    async err => {
      if (!mayHaveCreated(err)) return undefined
      log.info(`upload: the answer was lost (${(err as Error).message}); listing ${groupType} to see whether the version was created`)
      listing = await client.listGroup(groupType)
      const found = findLostUpload(listing, sha256, idsBefore)
      if (found) log.info(`upload: found version ${found.versionId} carrying this archive's checksum; it is this run's upload`)
      else log.info('upload: no new version carries this checksum; the upload did not happen')
      return found
    }
  )
  return { version, listing }
}
