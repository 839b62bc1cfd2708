import { isVersionLimitRefusal } from '../boomi/contract.js'
import type { BoomiClient, ConnectorVersion, Logger } from '../boomi/client.js'
import { BoomiError, errorMessage } from '../errors.js'
import type { StreamBody } from '../net/transport.js'
import { findDuplicates, findLostUpload } from '../domain/plan.js'
import { type RetryPolicy, backoffDelay, gaveUp, isRetryable, mayHaveTakenEffect } from '../net/retry.js'

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
  /** Second copies of this archive that could not be deleted; the run must fail once its outputs are set. */
  strayTwins: ConnectorVersion[]
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
 * new version carrying the checksum line as this upload. Whenever an answer
 * was lost, however the attempts end, it waits and looks once more before
 * returning: an attempt that Boomi stored late shows up as a twin, and twins
 * are deleted.
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
  const look = async (): Promise<ConnectorVersion | undefined> => {
    log.info(`upload: waiting ${policy.settleMs} ms, then listing ${groupType} to see whether a lost attempt created the version`)
    await policy.sleep(policy.settleMs)
    listing = await client.listGroup(groupType)
    const found = findLostUpload(listing, sha256, idsBefore)
    log.info(
      found
        ? `upload: found version ${found.versionId} carrying this archive's checksum; it is this run's upload`
        : 'upload: no new version carries this checksum'
    )
    return found
  }

  let version: ConnectorVersion | undefined
  for (let n = 1; !version; n++) {
    try {
      version = await createOnce(client, groupType, body)
    } catch (err) {
      const retryable = isRetryable(err)
      const lost = retryable && mayHaveTakenEffect(err)
      if (lost) {
        answerLost = true
        log.info(`upload: the answer was lost (${errorMessage(err)})`)
      }
      // A refusal, or running out of attempts, after a lost answer: the lost attempt may be the version.
      if (lost || ((!retryable || n >= policy.maxAttempts) && answerLost)) {
        version = await look()
        if (version) break
      }
      if (!retryable) {
        if (answerLost && err instanceof Error)
          err.message += '. An earlier attempt lost its answer; if Boomi stores it later, a re-run will find and reuse it.'
        throw err
      }
      if (n >= policy.maxAttempts) throw gaveUp(err, n)
      // After a lost answer the settle wait has already spaced the attempts; a Retry-After still counts.
      const delay = lost ? Math.max(0, (err instanceof BoomiError ? (err.retryAfterMs ?? 0) : 0) - policy.settleMs) : backoffDelay(n, err, policy)
      policy.log(`upload: attempt ${n} of ${policy.maxAttempts} failed: ${errorMessage(err)}; retrying in ${delay} ms`)
      await policy.sleep(delay)
    }
  }
  if (!answerLost) return { version, listing, strayTwins: [] }
  const checked = await removeLateTwins(client, groupType, sha256, idsBefore, version, policy, log)
  return { version, listing: checked.listing ?? listing, strayTwins: checked.stray }
}

async function createOnce(client: BoomiClient, groupType: string, body: StreamBody): Promise<ConnectorVersion> {
  try {
    return await client.createVersion(groupType, body)
  } catch (err) {
    if (err instanceof BoomiError && isVersionLimitRefusal(err.status, err.boomiMessage)) throw new VersionLimitError(err)
    throw err
  }
}

/**
 * The last look after a lost answer: any other new version with this
 * checksum is a copy an attempt left behind; it is deleted. A failure to look
 * is a warning (the version is kept and reported); a copy that cannot be
 * deleted is returned so the run can fail after setting its outputs.
 */
async function removeLateTwins(
  client: BoomiClient,
  groupType: string,
  sha256: string,
  idsBefore: ReadonlySet<string>,
  kept: ConnectorVersion,
  policy: UploadPolicy,
  log: Logger
): Promise<{ listing?: ConnectorVersion[]; stray: ConnectorVersion[] }> {
  log.info(`upload: an attempt's answer was lost; waiting ${policy.settleMs} ms and checking that it left no second version`)
  await policy.sleep(policy.settleMs)
  const twinsIn = (listing: ConnectorVersion[]): ConnectorVersion[] =>
    findDuplicates(listing, sha256).filter(v => !idsBefore.has(v.versionId) && v.versionId !== kept.versionId)
  let listing: ConnectorVersion[]
  try {
    listing = await client.listGroup(groupType)
  } catch (err) {
    log.warning(
      `Could not check for a second copy of this archive (${errorMessage(err)}). Version ${kept.versionId} is this run's upload; check group ${groupType} for another version whose change log ends with this checksum.`
    )
    return { stray: [] }
  }
  const twins = twinsIn(listing)
  let failed = false
  for (const twin of twins) {
    log.warning(
      `Version ${twin.versionId} is a second copy of this archive, left by an upload attempt whose answer was lost; deleting it and keeping ${kept.versionId}.`
    )
    try {
      await client.deleteVersion(groupType, twin.versionId)
      twin.deleted = true
    } catch (err) {
      failed = true
      log.warning(`Deleting the second copy ${twin.versionId} failed: ${errorMessage(err)}`)
    }
  }
  if (!listing.some(v => v.versionId === kept.versionId)) listing.push(kept)
  if (!failed) return { listing, stray: [] }
  // A delete whose answer was lost may have worked: the listing has the last word.
  try {
    const again = await client.listGroup(groupType)
    if (!again.some(v => v.versionId === kept.versionId)) again.push(kept)
    return { listing: again, stray: twinsIn(again) }
  } catch {
    return { listing, stray: twins.filter(t => t.deleted !== true) }
  }
}
