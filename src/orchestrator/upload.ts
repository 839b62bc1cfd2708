// The upload phase: reuse a version of the same archive or connector, or upload
// one, never knowingly leaving two versions of one archive (SPEC §3.3–§3.5).
import type { BoomiClient } from '../boomi/client.js'
import { MAX_VERSIONS_PER_ACCOUNT, isVersionLimitRefusal } from '../boomi/contract.js'
import { Input } from '../constants.js'
import { buildChangeLog, defaultChangeLog } from '../domain/changelog.js'
import { findDuplicates } from '../domain/plan.js'
import type { ArchiveResult, ChangeLogResult, PruneOutcome, UploadResult } from '../domain/record.js'
import { formatBytes } from '../domain/summary.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { BoomiError, VersionLimitError, errorMessage } from '../errors.js'
import type { StreamBody } from '../net/transport.js'
import type { RunDeps } from './deps.js'
import { createWithRecovery } from './lost-answers.js'
import { describe, ids, pruneForRoom, withoutDeleted } from './prune.js'

export async function uploadPhase(
  deps: RunDeps,
  archive: ArchiveResult,
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

  const changeLog = buildChangeLog(text?.text ?? defaultChangeLog(await deps.runContext()), archiveIds)
  if (inputs.dryRun) {
    log.info(`Dry run: would upload ${archive.shownPath} (${formatBytes(archive.size)}) to ${inputs.groupType} with change log:\n${changeLog}`)
    return { kind: 'would-upload', changeLog }
  }
  const makeBody = await deps.multipart()
  const body = makeBody(
    { archivePath: archive.path, fileName: archive.fileName, size: archive.size, groupType: inputs.groupType, changeLog, sha256: archive.sha256 },
    progressLogger(deps, archive.size)
  )
  log.info(`Uploading ${archive.shownPath} (${formatBytes(archive.size)}) to ${inputs.groupType}`)
  return uploadWithRoom(deps, await deps.client(), body, archive.sha256, changeLog, listing)
}

/** Uploads; at the account's version limit, prunes first (when allowed) and tries once more. */
async function uploadWithRoom(
  deps: RunDeps,
  client: BoomiClient,
  body: StreamBody,
  sha256: string,
  changeLog: string,
  listing: readonly ConnectorVersion[]
): Promise<UploadResult> {
  const { inputs, log, clock } = deps
  const started = clock.now()
  const attempt = async (before: readonly ConnectorVersion[], earlyPrune?: PruneOutcome, unknownBefore = 0): Promise<UploadResult> => {
    const created = await createWithRecovery(deps, client, () => createOnce(client, inputs.groupType, body), before, sha256, unknownBefore)
    const seconds = (clock.now() - started) / 1000
    log.info(`Uploaded version ${describe(created.version)} in ${seconds.toFixed(1)} s`)
    return { kind: 'uploaded', version: created.version, changeLog, listing: created.listing, strayTwins: created.strayTwins, earlyPrune, seconds }
  }
  try {
    return await attempt(listing)
  } catch (err) {
    if (!(err instanceof VersionLimitError)) return { kind: 'failed', changeLog, error: asError(err) }
    if (inputs.keepLatest === undefined) {
      const message = `Boomi refused the upload: the account holds its maximum of ${MAX_VERSIONS_PER_ACCOUNT} connector versions (Boomi said: ${err.refusal.boomiMessage}). Set ${Input.keepLatest} to prune old versions of ${inputs.groupType} before uploading, or delete unused versions in the Developer tab.`
      return { kind: 'failed', changeLog, error: new Error(message, { cause: err }) }
    }
    log.warning(
      `Boomi refused the upload: the account is at its version limit (${err.refusal.boomiMessage}). Pruning ${inputs.groupType} first, then uploading once more.`
    )
    const earlyPrune = await pruneForRoom(deps, client, listing, inputs.keepLatest)
    if (earlyPrune.deleted.length === 0) {
      const why = earlyPrune.failed.length
        ? `deleting failed (${earlyPrune.failed[0].error})`
        : `pruning ${inputs.groupType} to ${inputs.keepLatest} freed none`
      const message = `Boomi refused the upload because the account holds its maximum of ${MAX_VERSIONS_PER_ACCOUNT} connector versions, and ${why}. Delete unused versions of other connector groups, or lower ${Input.keepLatest}.`
      return { kind: 'failed', changeLog, error: new Error(message, { cause: err }), earlyPrune }
    }
    try {
      return await attempt(withoutDeleted(listing, earlyPrune), earlyPrune, err.unknownAttempts)
    } catch (again) {
      return { kind: 'failed', changeLog, error: asError(again), earlyPrune }
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

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(errorMessage(err))
}

/** The bytes sent, for the platform's progress bar or the periodic lines of a log. */
function progressLogger(deps: RunDeps, total: number): (sent: number) => void {
  return sent => deps.progress?.upload(sent, total)
}
