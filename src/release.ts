import { isVersionLimitRefusal } from './boomi-contract.js'
import type { BoomiClient, ConnectorVersion, Logger } from './boomi-client.js'
import { BoomiError, errorMessage } from './errors.js'
import type { StreamBody } from './http.js'
import { findDuplicates, findLostUpload } from './plan.js'
import { type RetryPolicy, backoffDelay, isRetryable, mayHaveTakenEffect } from './retry.js'

export interface UploadPolicy extends RetryPolicy {
  /**
   * How long Boomi is given to finish an upload whose answer was lost before
   * the group is listed to look for it: a gateway's 504 or our own timeout can
   * come while Boomi is still storing the version.
   */
  settleMs: number
}

export interface UploadResult {
  version: ConnectorVersion
  /** The freshest listing of the group, when the upload had to look again. */
  listing?: ConnectorVersion[]
}

export class VersionLimitError extends Error {
  constructor(readonly refusal: BoomiError) {
    super(refusal.message)
    this.name = 'VersionLimitError'
  }
}

/**
 * Uploads once, retrying as the policy allows, and never knowingly leaves two
 * versions of one archive. After a failure that may have created the version
 * (see mayHaveTakenEffect) it waits `settleMs`, lists the group, and takes a
 * new version carrying the checksum line as this upload. If a retry then
 * succeeds, it waits and looks once more: an earlier attempt that Boomi
 * finished late shows up as a twin, and the twin is deleted.
 */
export async function uploadVersion(
  client: BoomiClient,
  groupType: string,
  sha256: string,
  body: StreamBody,
  listingBefore: readonly ConnectorVersion[],
  policy: UploadPolicy,
  log: Logger
): Promise<UploadResult> {
  const idsBefore = new Set(listingBefore.map(v => v.versionId))
  let listing: ConnectorVersion[] | undefined
  let answerLost = false
  for (let n = 1; ; n++) {
    try {
      const version = await createOnce(client, groupType, body)
      if (answerLost) listing = await removeLateTwins(client, groupType, sha256, idsBefore, version, policy, log)
      return { version, listing }
    } catch (err) {
      if (!isRetryable(err)) throw err
      const lost = mayHaveTakenEffect(err)
      if (lost) {
        answerLost = true
        log.info(
          `upload: the answer was lost (${errorMessage(err)}); waiting ${policy.settleMs} ms, then listing ${groupType} to see whether the version was created`
        )
        await policy.sleep(policy.settleMs)
        listing = await client.listGroup(groupType)
        const found = findLostUpload(listing, sha256, idsBefore)
        if (found) {
          log.info(`upload: found version ${found.versionId} carrying this archive's checksum; it is this run's upload`)
          return { version: found, listing }
        }
        log.info('upload: no new version carries this checksum; the upload did not happen')
      }
      if (n >= policy.maxAttempts) {
        if (err instanceof Error) err.message = `${err.message} (gave up after ${n} attempt${n === 1 ? '' : 's'}; raise max-attempts to try longer)`
        throw err
      }
      // After a lost answer the settle wait has already spaced the attempts.
      const delay = lost ? 0 : backoffDelay(n, err, policy)
      policy.log(`upload: attempt ${n} of ${policy.maxAttempts} failed: ${errorMessage(err)}; retrying in ${delay} ms`)
      await policy.sleep(delay)
    }
  }
}

async function createOnce(client: BoomiClient, groupType: string, body: StreamBody): Promise<ConnectorVersion> {
  try {
    return await client.createVersion(groupType, body)
  } catch (err) {
    if (err instanceof BoomiError && isVersionLimitRefusal(err.status, err.boomiMessage)) throw new VersionLimitError(err)
    throw err
  }
}

async function removeLateTwins(
  client: BoomiClient,
  groupType: string,
  sha256: string,
  idsBefore: ReadonlySet<string>,
  kept: ConnectorVersion,
  policy: UploadPolicy,
  log: Logger
): Promise<ConnectorVersion[]> {
  log.info(`upload: an earlier attempt's answer was lost; waiting ${policy.settleMs} ms and checking that it did not create a second version`)
  await policy.sleep(policy.settleMs)
  const listing = await client.listGroup(groupType)
  const twins = findDuplicates(listing, sha256).filter(v => !idsBefore.has(v.versionId) && v.versionId !== kept.versionId)
  for (const twin of twins) {
    log.warning(
      `Version ${twin.versionId} is a second copy of this archive, created late by an upload attempt whose answer was lost; deleting it and keeping ${kept.versionId}.`
    )
    try {
      await client.deleteVersion(groupType, twin.versionId)
      twin.deleted = true
    } catch (err) {
      log.warning(`Could not delete the second copy ${twin.versionId}: ${errorMessage(err)}. Delete it in Boomi's Developer tab.`)
    }
  }
  if (!listing.some(v => v.versionId === kept.versionId)) listing.push(kept)
  return listing
}
