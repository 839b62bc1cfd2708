// The upload phase: reuse a version of the same archive or connector, or upload
// one, never knowingly leaving two versions of one archive (docs/behaviour.md, "Identity", "Upload" and "Retries and lost answers").
import type { ArchiveFile } from '../archive/zip.js'
import type { BoomiClient } from '../boomi/client.js'
import { isVersionLimitRefusal, versionLimitIn } from '../boomi/contract.js'
import { Input } from '../constants.js'
import { type ArchiveIds, type MatchKind, buildChangeLog, defaultChangeLog, matchKind } from '../domain/changelog.js'
import { findDuplicates } from '../domain/plan.js'
import type { ArchiveResult, ChangeLogResult, PruneOutcome, UploadRecord } from '../domain/record.js'
import { approxBytes } from '../text.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { BoomiError, CancelledError, errorMessage, sentences } from '../errors.js'
import type { StreamBody } from '../net/transport.js'
import type { RunDeps } from './deps.js'
import { type NotCreated, createWithRecovery } from './lost-answers.js'
import { describe, ids, pruneForRoom, withoutDeleted } from './prune.js'

/** What the upload phase hands to the phases after it. */
export type UploadResult =
  | { kind: 'reused'; version: ConnectorVersion; match: MatchKind; dryRun: boolean }
  | { kind: 'refused-duplicate'; versions: ConnectorVersion[]; match: MatchKind; error: Error }
  | { kind: 'would-upload'; changeLog: string }
  | {
      kind: 'uploaded'
      version: ConnectorVersion
      changeLog: string
      /** The group as the upload last saw it, the new version in it. */
      listing: readonly ConnectorVersion[]
      /** Deletions made to get under the account's version limit before the upload could succeed. */
      earlyPrune?: PruneOutcome
    }
  /** `mayBeStored`: an attempt lost its answer and its version never showed. */
  | { kind: 'failed'; changeLog: string; error: Error; mayBeStored: boolean }

/** The phase, reporting its outcome (an upload reports itself as soon as its version is known). */
export async function uploadPhase(
  deps: RunDeps,
  archive: ArchiveResult,
  file: ArchiveFile,
  text: ChangeLogResult | undefined,
  listing: readonly ConnectorVersion[]
): Promise<UploadResult> {
  const result = await upload(deps, archive, file, text, listing)
  const reported = recordOf(result)
  if (reported) deps.events.report({ type: 'upload', upload: reported })
  return result
}

function recordOf(result: UploadResult): Exclude<UploadRecord, { kind: 'unknown' }> | undefined {
  switch (result.kind) {
    case 'uploaded':
      return undefined
    case 'refused-duplicate':
      return { kind: 'refused-duplicate', versions: result.versions, match: result.match }
    case 'failed':
      return { kind: 'failed', changeLog: result.changeLog, error: result.error.message, mayBeStored: result.mayBeStored }
    default:
      return result
  }
}

async function upload(
  deps: RunDeps,
  archive: ArchiveResult,
  file: ArchiveFile,
  text: ChangeLogResult | undefined,
  listing: readonly ConnectorVersion[]
): Promise<UploadResult> {
  const { inputs, log } = deps
  const archiveIds = { sha256: archive.sha256, contentSha256: archive.contentSha256 }
  const dup = findDuplicates(listing, archiveIds)
  const what = dup?.match === 'content-sha256' ? 'The same connector (content-sha256, rebuilt)' : 'This archive (sha256)'
  if (dup && inputs.ifExists === 'fail') {
    const error = new Error(
      `${what} was already uploaded to ${inputs.groupType} as version ${ids(dup.versions)}, and ${Input.ifExists} is 'fail'. Build a changed connector, or set ${Input.ifExists} to 'skip' to reuse the existing version.`
    )
    return { kind: 'refused-duplicate', versions: dup.versions, match: dup.match, error }
  }
  if (dup && inputs.ifExists === 'skip') {
    log.info(`${what} was already uploaded as version ${describe(dup.versions[0])}; reusing it (${Input.ifExists}: skip).`)
    return { kind: 'reused', version: dup.versions[0], match: dup.match, dryRun: inputs.dryRun }
  }
  if (dup) log.info(`${what} was already uploaded as version ${ids(dup.versions)}; uploading again (${Input.ifExists}: upload).`)

  const changeLog = buildChangeLog(text?.text ?? defaultChangeLog(await deps.runContext()), archiveIds, deps.uploadId)
  if (inputs.dryRun) {
    log.info(`Dry run: would upload ${archive.shownPath} (${approxBytes(archive.size)}) to ${inputs.groupType} with change log:\n${changeLog}`)
    return { kind: 'would-upload', changeLog }
  }
  const makeBody = await deps.multipart()
  const body = makeBody(
    { archive: file, fileName: archive.fileName, size: archive.size, groupType: inputs.groupType, changeLog, sha256: archive.sha256 },
    progressLogger(deps, archive.size)
  )
  log.info(`Uploading ${archive.shownPath} (${approxBytes(archive.size)}) to ${inputs.groupType}`)
  return uploadWithRoom(deps, await deps.client(), body, archiveIds, changeLog, listing)
}

/** Uploads; at the account's version limit, prunes first (when allowed) and tries once more. */
async function uploadWithRoom(
  deps: RunDeps,
  client: BoomiClient,
  body: StreamBody,
  archiveIds: ArchiveIds,
  changeLog: string,
  listing: readonly ConnectorVersion[]
): Promise<UploadResult> {
  const { inputs, log, clock } = deps
  const sha256 = archiveIds.sha256
  const started = clock.now()
  const attempt = async (before: readonly ConnectorVersion[], unknownBefore = 0) => {
    const created = await createWithRecovery(deps, client, () => client.createVersion(inputs.groupType, body), before, sha256, changeLog, unknownBefore)
    if (created.kind === 'created') {
      log.info(`Uploaded version ${describe(created.version)} in ${((clock.now() - started) / 1000).toFixed(1)} s`)
      warnIfTrailerLost(deps, created.version, archiveIds, changeLog)
    }
    return created
  }
  const failed = (error: Error, earlier: NotCreated) => ({ kind: 'failed' as const, changeLog, error, mayBeStored: earlier.unknown > 0 })
  const first = await attempt(listing)
  if (first.kind === 'created') return { ...first, kind: 'uploaded', changeLog }
  if (first.lookFailed || !isVersionLimit(first.error)) return failed(notCreatedError(deps, first, sha256), first)
  const limit = first.error as BoomiError
  if (inputs.keepLatest === undefined) {
    const message = `Boomi refused the upload: the account holds its maximum of ${versionLimitIn(limit.boomiMessage)} connector versions (Boomi said: ${limit.boomiMessage}). Set ${Input.keepLatest} to prune old versions of ${inputs.groupType} before uploading, or delete unused versions in the Developer tab.`
    return failed(withMayBeStored(new Error(message, { cause: limit }), first, deps, sha256), first)
  }
  // Cancelled before or while making room: what was not deleted says nothing about keep-latest.
  const cancelled = (): UploadResult => failed(withMayBeStored(new CancelledError(), first, deps, sha256), first)
  if (deps.signal?.aborted) return cancelled()
  log.warning(
    `Boomi refused the upload: the account is at its version limit (${limit.boomiMessage}). Pruning ${inputs.groupType} first, then uploading once more.`
  )
  const earlyPrune = await pruneForRoom(deps, client, listing, inputs.keepLatest)
  if (deps.signal?.aborted) return cancelled()
  if (earlyPrune.deleted.length === 0) {
    const why = earlyPrune.failed.length ? `deleting failed (${earlyPrune.failed[0].error})` : `pruning ${inputs.groupType} to ${inputs.keepLatest} freed none`
    const message = `Boomi refused the upload because the account holds its maximum of ${versionLimitIn(limit.boomiMessage)} connector versions, and ${why}. Delete unused versions of other connector groups, or lower ${Input.keepLatest}${inputs.minAgeDays === undefined ? '' : ` or ${Input.minAgeDays}, which keeps every version younger than it`}.`
    return failed(withMayBeStored(new Error(message, { cause: limit }), first, deps, sha256), first)
  }
  const again = await attempt(withoutDeleted(listing, earlyPrune), first.unknown)
  if (again.kind === 'created') return { ...again, kind: 'uploaded', changeLog, earlyPrune }
  return failed(notCreatedError(deps, again, sha256), again)
}

/**
 * How much change log Boomi keeps is not known (docs/boomi-api.md, "What is
 * uncertain"). A version given back without this archive's checksum line will
 * not be recognised by a re-run, which would upload the archive again.
 */
function warnIfTrailerLost(deps: RunDeps, version: ConnectorVersion, archiveIds: ArchiveIds, sent: string): void {
  // An answer without a change log tells nothing; the next listing's will. Either line lets a re-run find it.
  if (version.changeLog === undefined || matchKind(version.changeLog, archiveIds) !== undefined) return
  deps.log.warning(
    `Boomi gave version ${version.versionId} back with a change log that carries neither of this archive's checksum lines (${version.changeLog.length} of the ${sent.length} characters sent): a re-run will not recognise it and would upload the archive again. Shorten the change log, and please report this with the two lengths.`
  )
}

function isVersionLimit(err: unknown): boolean {
  return err instanceof BoomiError && isVersionLimitRefusal(err.status, err.boomiMessage)
}

/** The error for an upload that made no version this run knows of, saying so when one may exist (docs/behaviour.md, "Retries and lost answers"). */
function notCreatedError(deps: RunDeps, r: NotCreated, sha256: string): Error {
  if (r.lookFailed) {
    return withMayBeStored(new Error(`Looking for the upload after its answer was lost failed: ${errorMessage(r.error)}`, { cause: r.error }), r, deps, sha256)
  }
  return withMayBeStored(asError(r.error), r, deps, sha256)
}

function withMayBeStored(err: Error, r: NotCreated, deps: RunDeps, sha256: string): Error {
  if (r.unknown === 0) return err
  return new Error(sentences(err.message, mayBeStoredText(deps.inputs.groupType, sha256)), { cause: err })
}

/** What to check when an upload may have been stored without this run seeing it. */
export function mayBeStoredText(groupType: string, sha256: string): string {
  return `An upload attempt's answer was lost or not understood, and its version was not seen, so Boomi may have stored it: look in the Developer tab for a version of ${groupType} whose change log ends with the line "sha256: ${sha256}". A re-run with this archive finds and reuses it.`
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(errorMessage(err))
}

/** The bytes sent, for the platform's progress bar or the periodic lines of a log. */
function progressLogger(deps: RunDeps, total: number): (sent: number) => void {
  return sent => deps.progress?.upload(sent, total)
}
