import { ARCHIVE_SIZE_GUIDANCE_BYTES, MAX_VERSIONS_PER_ACCOUNT } from '../boomi/contract.js'
import type { BoomiClient, ConnectorVersion, Logger } from '../boomi/client.js'
import { type RunContext, buildChangeLog, defaultChangeLog } from '../domain/changelog.js'
import { Input, Output } from '../constants.js'
import { type Archive, locateArchive } from '../archive/locate.js'
import { sha256File } from '../archive/hash.js'
import { InputError, errorMessage } from '../errors.js'
import type { StreamBody } from '../net/transport.js'
import type { Inputs } from '../inputs/read.js'
import { type PrunePlan, findDuplicates, planPrune } from '../domain/plan.js'
import { type PruneOutcome, describe, executePrune } from './prune.js'
import { type UploadPolicy, VersionLimitError, uploadVersion } from './upload.js'
import { type Report, formatBytes, renderSummary } from '../domain/summary.js'
import type { UploadParts } from '../net/multipart.js'

export interface ActionLog extends Logger {
  startGroup(name: string): void
  endGroup(): void
}

/** Everything the run touches outside its own logic, so tests can supply each piece. */
export interface RunDeps {
  inputs: Inputs
  workspace: string
  /** Built on first use: an archive that fails its checks must not cost a connection. */
  client: () => Promise<BoomiClient>
  multipart: () => Promise<(parts: UploadParts, onBytes?: (sent: number) => void) => StreamBody>
  runContext: () => Promise<RunContext>
  log: ActionLog
  setOutput: (name: string, value: string) => void
  writeSummary: (markdown: string) => Promise<void>
  uploadPolicy: UploadPolicy
  now: () => number
  deleteConcurrency: number
}

export async function run(deps: RunDeps): Promise<void> {
  const { inputs, log } = deps
  const report: Report = { groupType: inputs.groupType, dryRun: inputs.dryRun, outcome: inputs.archive ? 'not-uploaded' : 'none' }
  const outputs = new Map<string, string>([
    [Output.versionId, ''],
    [Output.displayVersion, ''],
    [Output.uploadedDate, ''],
    [Output.sha256, ''],
    [Output.uploaded, 'false'],
    [Output.deletedVersionIds, '[]'],
    [Output.skippedVersionIds, '[]']
  ])
  try {
    await release(deps, report, outputs)
  } catch (err) {
    report.error = errorMessage(err)
    throw err
  } finally {
    for (const [name, value] of outputs) deps.setOutput(name, value)
    try {
      await deps.writeSummary(renderSummary(report))
    } catch (err) {
      log.warning(`Could not write the job summary: ${errorMessage(err)}`)
    }
  }
}

async function phase<T>(log: ActionLog, name: string, body: () => Promise<T>): Promise<T> {
  log.startGroup(name)
  try {
    return await body()
  } finally {
    log.endGroup()
  }
}

async function release(deps: RunDeps, report: Report, outputs: Map<string, string>): Promise<void> {
  const { inputs, log } = deps
  const dry = inputs.dryRun ? ' (dry run: nothing will be uploaded or deleted)' : ''
  log.info(`Group ${inputs.groupType} in account ${inputs.accountId} at ${inputs.apiUrl}${dry}`)

  // Archive checks come first: a wrong archive is a bad input and costs no request.
  let archive: Archive | undefined
  if (inputs.archive) {
    const pattern = inputs.archive
    archive = await phase(log, 'Archive', async () => {
      const found = await locateArchive(pattern, deps.workspace)
      log.info(`Archive: ${found.path} (${formatBytes(found.size)})`)
      if (found.size > ARCHIVE_SIZE_GUIDANCE_BYTES) {
        log.warning(
          `${found.fileName} is ${formatBytes(found.size)}, over Boomi's guidance of ${formatBytes(ARCHIVE_SIZE_GUIDANCE_BYTES)}; Boomi may refuse or slow down on it.`
        )
      }
      return found
    })
  }

  let sha256: string | undefined
  let listing: ConnectorVersion[]
  const client = deps.client()
  if (archive) {
    const found = archive
    // Without an expected checksum nothing about the group depends on the hash,
    // so the listing is fetched while the archive is being read.
    const early = inputs.expectedSha256 ? undefined : client.then(c => c.listGroup(inputs.groupType))
    early?.catch(() => undefined)
    sha256 = await phase(log, 'Checksum', async () => {
      const started = deps.now()
      const hex = await sha256File(found.path)
      const seconds = Math.max(deps.now() - started, 1) / 1000
      log.info(`sha256: ${hex} (${formatBytes(found.size / seconds)}/s)`)
      if (inputs.expectedSha256 && hex !== inputs.expectedSha256) {
        throw new InputError(
          Input.expectedSha256,
          `The archive's sha256 is ${hex}, but ${Input.expectedSha256} is ${inputs.expectedSha256}. Nothing was uploaded. Check that the right archive was built, or update ${Input.expectedSha256}.`
        )
      }
      return hex
    })
    outputs.set(Output.sha256, sha256)
    report.archive = { fileName: found.fileName, size: found.size, sha256 }
    listing = await phase(log, `Listing ${inputs.groupType}`, async () =>
      logListing(log, inputs.groupType, await (early ?? client.then(c => c.listGroup(inputs.groupType))))
    )
  } else {
    listing = await phase(log, `Listing ${inputs.groupType}`, async () => logListing(log, inputs.groupType, await (await client).listGroup(inputs.groupType)))
  }

  let runVersion: ConnectorVersion | undefined
  let uploaded = false
  let pendingUpload = false
  let earlyPrune: PruneOutcome | undefined
  let strayTwins: ConnectorVersion[] = []
  const recordPrune = (outcome: PruneOutcome, kept: number): void => {
    outputs.set(Output.deletedVersionIds, JSON.stringify(outcome.deleted.map(d => d.version.versionId)))
    outputs.set(Output.skippedVersionIds, JSON.stringify(outcome.skipped.map(s => s.version.versionId)))
    if (inputs.keepLatest !== undefined) {
      report.prune = {
        keepLatest: inputs.keepLatest,
        minAgeDays: inputs.minAgeDays,
        kept,
        deleted: outcome.deleted,
        skipped: outcome.skipped,
        failed: outcome.failed
      }
    }
  }

  if (archive && sha256) {
    const found = archive
    const hex = sha256
    await phase(log, 'Upload', async () => {
      const duplicates = findDuplicates(listing, hex)
      if (duplicates.length && inputs.ifExists !== 'upload') {
        const newest = duplicates[0]
        if (inputs.ifExists === 'fail') {
          report.outcome = 'refused-duplicate'
          throw new Error(
            `This archive (sha256 ${hex}) was already uploaded to ${inputs.groupType} as version ${ids(duplicates)}, and ${Input.ifExists} is 'fail'. Build a changed archive, or set ${Input.ifExists} to 'skip' to reuse the existing version.`
          )
        }
        runVersion = newest
        report.outcome = inputs.dryRun ? 'would-reuse' : 'reused'
        report.changeLog = newest.changeLog
        log.info(`This archive was already uploaded as version ${describe(newest)}; reusing it (${Input.ifExists}: skip).`)
        return
      }
      if (duplicates.length) log.info(`This archive was already uploaded as version ${ids(duplicates)}; uploading again (${Input.ifExists}: upload).`)

      const text = inputs.changeLog ?? defaultChangeLog(await deps.runContext())
      const changeLog = buildChangeLog(text, hex)
      report.changeLog = changeLog
      if (inputs.dryRun) {
        pendingUpload = true
        report.outcome = 'would-upload'
        log.info(`Dry run: would upload ${found.fileName} (${formatBytes(found.size)}) to ${inputs.groupType} with change log:\n${changeLog}`)
        return
      }

      report.outcome = 'upload-failed'
      const makeBody = await deps.multipart()
      const body = makeBody(
        { archivePath: found.path, fileName: found.fileName, size: found.size, groupType: inputs.groupType, changeLog, sha256: hex },
        progressLogger(log, found.size, deps.now)
      )
      const c = await client
      log.info(`Uploading ${found.fileName} (${formatBytes(found.size)}) to ${inputs.groupType}`)
      const started = deps.now()
      let result
      try {
        result = await uploadVersion(c, inputs.groupType, hex, body, listing, deps.uploadPolicy, log)
      } catch (err) {
        if (!(err instanceof VersionLimitError)) throw err
        if (inputs.keepLatest === undefined) {
          throw new Error(
            `Boomi refused the upload: the account holds its maximum of ${MAX_VERSIONS_PER_ACCOUNT} connector versions (Boomi said: ${err.refusal.boomiMessage}). Set ${Input.keepLatest} to prune old versions of ${inputs.groupType} before uploading, or delete unused versions in the Developer tab.`,
            { cause: err }
          )
        }
        log.warning(
          `Boomi refused the upload: the account is at its version limit (${err.refusal.boomiMessage}). Pruning ${inputs.groupType} first, then uploading once more.`
        )
        // The pending upload counts as the newest: this deletes what the finished run would have deleted anyway.
        const plan = planPrune({ listing, keepLatest: inputs.keepLatest, minAgeDays: inputs.minAgeDays, now: deps.now(), pendingUpload: true })
        logPlan(log, plan, false)
        earlyPrune = await executePrune(c, inputs.groupType, plan, deps.deleteConcurrency, log)
        markDeleted(listing, earlyPrune)
        recordPrune(earlyPrune, plan.keep.length)
        if (earlyPrune.deleted.length === 0) {
          const why = earlyPrune.failed.length ? pruneFailures(earlyPrune) : `pruning ${inputs.groupType} to ${inputs.keepLatest} freed none`
          throw new Error(
            `Boomi refused the upload because the account holds its maximum of ${MAX_VERSIONS_PER_ACCOUNT} connector versions, and ${why}. Delete unused versions of other connector groups, or lower ${Input.keepLatest}.`,
            { cause: err }
          )
        }
        result = await uploadVersion(c, inputs.groupType, hex, body, listing, deps.uploadPolicy, log)
      }
      if (result.listing) {
        listing = result.listing
        if (earlyPrune) markDeleted(listing, earlyPrune)
      }
      runVersion = result.version
      strayTwins = result.strayTwins
      if (!listing.some(v => v.versionId === result.version.versionId)) listing.push(result.version)
      uploaded = true
      report.outcome = 'uploaded'
      log.info(`Uploaded version ${describe(result.version)} in ${((deps.now() - started) / 1000).toFixed(1)} s`)
    })
  }

  if (runVersion) {
    report.version = runVersion
    outputs.set(Output.versionId, runVersion.versionId)
    outputs.set(Output.displayVersion, runVersion.displayVersion ?? '')
    outputs.set(Output.uploadedDate, runVersion.uploadedDate ?? '')
  }
  outputs.set(Output.uploaded, String(uploaded))

  const keepLatest = inputs.keepLatest
  if (keepLatest !== undefined) {
    await phase(log, 'Prune', async () => {
      const plan = planPrune({
        listing,
        keepLatest,
        minAgeDays: inputs.minAgeDays,
        now: deps.now(),
        runVersionId: runVersion?.versionId,
        runVersionUploaded: uploaded,
        pendingUpload
      })
      if (earlyPrune) {
        // Versions Boomi already refused before the upload are not asked for again.
        const refused = new Set(earlyPrune.skipped.map(s => s.version.versionId))
        plan.delete = plan.delete.filter(d => !refused.has(d.version.versionId))
      }
      logPlan(log, plan, inputs.dryRun)
      let outcome: PruneOutcome
      if (inputs.dryRun) {
        outcome = { deleted: plan.delete, skipped: plan.skip, failed: [], notTried: [] }
      } else {
        outcome = await executePrune(await client, inputs.groupType, plan, deps.deleteConcurrency, log)
      }
      if (earlyPrune) {
        const early = earlyPrune
        outcome = {
          deleted: [...early.deleted, ...outcome.deleted],
          skipped: [...early.skipped, ...outcome.skipped.filter(s => !early.skipped.some(e => e.version.versionId === s.version.versionId))],
          failed: [...early.failed, ...outcome.failed],
          notTried: [...early.notTried, ...outcome.notTried]
        }
      }
      recordPrune(outcome, plan.keep.length)
      const verb = inputs.dryRun ? 'would delete' : 'deleted'
      log.info(`Pruning: kept ${plan.keep.length}, ${verb} ${outcome.deleted.length}, skipped ${outcome.skipped.length}, failed ${outcome.failed.length}`)
      if (outcome.failed.length || outcome.notTried.length) throw new Error(`Pruning failed: ${pruneFailures(outcome)}.`)
    })
  }
  if (strayTwins.length) {
    throw new Error(
      `Version ${runVersion?.versionId} was uploaded, but an attempt whose answer was lost also stored ${ids(strayTwins)}, a second copy of this archive, and it could not be deleted. Delete ${ids(strayTwins)} in the Developer tab.`
    )
  }
}

/** "2 deletions failed (7 done, 3 not tried): 1001, 1002: <message>" — identical messages said once. */
function pruneFailures(outcome: PruneOutcome): string {
  const byMessage = new Map<string, string[]>()
  for (const f of outcome.failed) byMessage.set(f.error, [...(byMessage.get(f.error) ?? []), f.version.versionId])
  const untried = outcome.notTried.length ? `, ${outcome.notTried.length} not tried after it` : ''
  const reasons = [...byMessage].map(([message, ids]) => `${ids.join(', ')}: ${message}`).join('; ')
  return `${outcome.failed.length} deletion${outcome.failed.length === 1 ? '' : 's'} failed (${outcome.deleted.length} done${untried}): ${reasons}`
}

function logListing(log: Logger, groupType: string, listing: ConnectorVersion[]): ConnectorVersion[] {
  const deleted = listing.filter(v => v.deleted === true).length
  log.info(`${listing.length - deleted} live versions (${deleted} deleted ones also listed)`)
  const classification = /-(dev|test|qa|sit|uat|stage|staging|preprod|prod|production)$/i.exec(groupType)
  if (listing.length === 0 && classification) {
    log.warning(
      `Group ${groupType} has no versions, and its name ends with '${classification[0]}', which looks like a classification. ${Input.groupType} is the connector type without its classification, e.g. ${groupType.slice(0, classification.index)}.`
    )
  }
  return listing
}

function logPlan(log: Logger, plan: PrunePlan, dryRun: boolean): void {
  log.info(`Plan: keep ${plan.keep.length}, ${dryRun ? 'would delete' : 'delete'} ${plan.delete.length}, skip ${plan.skip.length}`)
  for (const k of plan.keep) log.debug(`keep ${describe(k.version)}: ${k.reason}`)
  for (const d of plan.delete) log.info(`${dryRun ? 'would delete' : 'delete'} ${describe(d.version)}: ${d.reason}`)
  for (const s of plan.skip) log.info(`skip ${describe(s.version)}: ${s.reason}`)
}

function ids(versions: readonly ConnectorVersion[]): string {
  return versions.map(v => v.versionId).join(', ')
}

function markDeleted(listing: ConnectorVersion[], outcome: PruneOutcome): void {
  const gone = new Set(outcome.deleted.map(d => d.version.versionId))
  for (const v of listing) if (gone.has(v.versionId)) v.deleted = true
}

/** Logs upload progress at most every 10 seconds, so a large archive shows it is moving. */
function progressLogger(log: Logger, total: number, now: () => number): (sent: number) => void {
  let last = now()
  return sent => {
    const t = now()
    if (t - last < 10_000 || sent >= total) return
    last = t
    log.info(`… sent ${formatBytes(sent)} of ${formatBytes(total)} (${Math.floor((sent / total) * 100)}%)`)
  }
}
