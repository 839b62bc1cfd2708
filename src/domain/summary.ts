// The job summary as Markdown, computed from the run record alone. Every field
// that came from outside (Boomi's answers, file names, messages) goes through
// untrusted.ts before it meets Markdown or HTML.
import { versionSha256 } from './outputs.js'
import type { PlannedVersion } from './plan.js'
import { type RunRecord, type SentRequest, type UploadRecord, runVersion } from './record.js'
import { approxBytes, formatRate, plural, someOf } from '../text.js'
import { mdBlock, mdCode, mdText } from './untrusted.js'

const MATCH_TEXT = { sha256: 'the same archive (sha256)', 'content-sha256': 'the same connector rebuilt (content-sha256)' } as const

export function outcomeText(upload: UploadRecord | undefined, r: RunRecord): string {
  if (r.given) return `No upload: switching version ${r.given.versionId} given by version-id`
  if (!upload) {
    if (!r.error) return 'No upload (prune only)'
    return r.archiveGiven === false ? 'No upload: no archive given' : 'Not uploaded: the run stopped before the upload'
  }
  switch (upload.kind) {
    case 'uploaded':
      return 'Uploaded a new version'
    case 'reused':
      return `${upload.dryRun ? 'Dry run: would reuse' : 'Reused'} the existing version of ${MATCH_TEXT[upload.match]} (no upload)`
    case 'would-upload':
      return 'Dry run: would upload a new version'
    case 'refused-duplicate':
      return `Not uploaded: already a version of the group, ${MATCH_TEXT[upload.match]} (if-exists: fail)`
    case 'failed':
      return upload.mayBeStored ? 'Upload failed, but an attempt whose answer was lost may have stored it (see below)' : 'Upload failed'
    case 'unknown':
      return 'Upload sent, outcome not known: the run was stopped before Boomi answered (see below)'
  }
}

function overview(r: RunRecord): string[] {
  const rows = [`| Result | ${mdText(outcomeText(r.upload, r))} |`]
  if (r.archive) {
    const a = r.archive
    rows.push(
      `| Archive | ${mdCode(a.shownPath)} (${approxBytes(a.size)}) |`,
      `| SHA-256 | ${mdCode(a.sha256)} |`,
      `| Content SHA-256 | ${mdCode(a.contentSha256)} |`
    )
    if (a.connector.className || a.connector.sdkApiVersion) {
      rows.push(`| Connector | ${mdCode(a.connector.className ?? '?')}, SDK API ${mdCode(a.connector.sdkApiVersion ?? '?')} |`)
    }
  }
  const version = runVersion(r)
  if (version) {
    rows.push(
      `| Version ID | ${mdCode(version.versionId)} |`,
      `| Display version | ${mdText(version.displayVersion)} |`,
      `| Uploaded | ${mdText(version.uploadedDate)} |`
    )
    const held = versionSha256(r)
    // After a content match Boomi holds the earlier build: say so beside the local archive's checksum.
    if (held && r.archive && held !== r.archive.sha256) rows.push(`| Version's archive SHA-256 | ${mdCode(held)} (an earlier build of the same content) |`)
    if (version.uploadedBy) rows.push(`| Uploaded by | ${mdText(version.uploadedBy)} |`)
  }
  const twins = secondCopiesRow(r)
  if (twins) rows.push(twins)
  if (r.changeLog?.section) rows.push(`| Change log from | ${mdText(r.changeLog.section)} |`)
  const api = apiRow(r)
  if (api) rows.push(api)
  if (r.throttling && r.throttling.throttled > 0) {
    const t = r.throttling
    rows.push(
      `| Throttling | ${plural(t.throttled, 'answer')} 503/429, ${(t.waitedMs / 1000).toFixed(1)} s spent waiting${t.lowestRate ? `, rate cut to ${formatRate(t.lowestRate)} at the lowest` : ''} |`
    )
  }
  return ['| | |', '| --- | --- |', ...rows, '']
}

/** Second copies of this run's upload that attempts whose answers were lost left (docs/behaviour.md, "Retries and lost answers"). */
function secondCopiesRow(r: RunRecord): string | undefined {
  if (r.upload?.kind !== 'uploaded') return undefined
  const { removedTwins, strayTwins } = r.upload
  const named = (versions: readonly { versionId: string }[]): string =>
    mdText(
      someOf(
        versions.map(v => v.versionId),
        20
      )
    )
  const said: string[] = []
  if (removedTwins.length) said.push(`deleted ${named(removedTwins)}`)
  if (strayTwins.length) said.push(`left, delete them in the Developer tab: ${named(strayTwins)}`)
  return said.length ? `| Second copies | ${said.join('; ')} (made by upload attempts whose answers were lost) |` : undefined
}

/** Which API root served the run, and the api-url that pins it when it was found (docs/behaviour.md, "Finding the prefix"). */
function apiRow(r: RunRecord): string | undefined {
  const api = r.api
  if (!api?.apiUrl) return undefined
  if (!api.found) return `| API | ${mdCode(api.apiUrl)} |`
  if (!api.refused.length) return `| API | ${mdCode(api.apiUrl)}: path prefix found; api-url set to this value pins it |`
  const refused = api.refused.map(x => `${x.prefix} answered HTTP ${x.status}`).join(', ')
  return `| API | ${mdCode(api.apiUrl)}: path prefix found after ${mdText(refused)}; set api-url to this value to skip that request |`
}

/** What a dry run proved, and what only a real run can (docs/behaviour.md, "First contact"). */
function dryRunSection(r: RunRecord): string[] {
  if (!r.dryRun) return []
  const proved: string[] = []
  const unproved: string[] = []
  if (r.api?.apiUrl) proved.push(`Credentials, host and path prefix: Boomi answered the listing of ${mdCode(r.groupType)} at ${mdCode(r.api.apiUrl)}.`)
  else unproved.push('Credentials, host and path prefix: the listing did not succeed.')
  if (r.archive) proved.push(`Archive: ${mdCode(r.archive.shownPath)} read as a zip, its checksums and layout checked.`)
  // Without change-log or change-log-file, the upload phase makes the text from the workflow run.
  const made = r.upload && 'changeLog' in r.upload ? 'workflow-run' : undefined
  const source = r.changeLog?.source ?? made
  if (source) proved.push(`Change log: ${CHANGE_LOG_SOURCE[source]}, its trailer checked.`)
  if (r.emptyGroup) {
    unproved.push(
      `That connector group ${mdCode(r.groupType)} exists: its listing is empty, as Boomi lists a group that does not exist. A first upload needs the group (Developer tab, Add Connector Group).`
    )
  }
  unproved.push('The privileges to upload, delete and switch classifications: a dry run sends none of those requests.')
  if (r.switches?.length) {
    unproved.push(`Whether ${r.switches.map(x => mdCode(x.classificationType)).join(', ')} exist for this group: Boomi says so only when a switch is sent.`)
  }
  const list = (items: string[]): string[] => items.map(x => `- ${x}`)
  return ['### Dry run', '', 'Proved:', '', ...list(proved.length ? proved : ['nothing: the run stopped first.']), '', 'Not proved:', '', ...list(unproved), '']
}

const CHANGE_LOG_SOURCE = { input: 'from change-log', file: 'from change-log-file', 'workflow-run': 'made from the CI run' } as const

/** Deprecation, Sunset, Warning and Link headers from Boomi, one line each. */
function noticeSection(r: RunRecord): string[] {
  const notices = r.api?.notices ?? []
  if (!notices.length) return []
  return [
    '### Notices from Boomi',
    '',
    '| Operation | Header | Value |',
    '| --- | --- | --- |',
    ...notices.map(n => `| ${mdText(n.operation)} | ${mdText(n.header)} | ${mdText(n.value)} |`),
    ''
  ]
}

function changeLogSection(r: RunRecord): string[] {
  const u = r.upload
  const text = u?.kind === 'reused' ? u.version.changeLog : u && 'changeLog' in u ? u.changeLog : undefined
  if (!text) return []
  return ['<details><summary>Change log</summary>', '', mdBlock(text), '', '</details>', '']
}

function switchSection(r: RunRecord): string[] {
  if (!r.switches?.length) return []
  const lines = ['### Classifications', '', '| Classification | Version ID | Review status | Note |', '| --- | --- | --- | --- |']
  const rows = r.switches.map(s => (): string => {
    const note = s.outcomeUnknown
      ? `outcome not known: ${s.error ?? 'the run was stopped before Boomi answered'}`
      : s.notRequested
        ? 'not requested: the run was cancelled'
        : s.error
          ? `failed: ${s.error}`
          : s.reviewStatus === 'APPROVED'
            ? 'switched'
            : s.reviewStatus === 'PENDING'
              ? 'awaiting approval or a scheduled release'
              : s.reviewStatus === 'REJECTED' || s.reviewStatus === 'CANCELLED'
                ? 'not switched'
                : r.dryRun
                  ? 'dry run: would request'
                  : ''
    const said = s.reviewReason ? `Boomi: ${s.reviewReason}` : ''
    // Empty in a dry run that would upload: the version does not exist yet.
    return `| ${mdCode(s.classificationType)} | ${s.versionId ? mdCode(s.versionId) : 'the one this run would upload'} | ${mdText(s.reviewStatus || '–')} | ${mdText([note, said].filter(Boolean).join('; '))} |`
  })
  lines.push(...cappedRows(rows, 4))
  const notes = r.releaseNotes
  if (notes) lines.push('', `<details><summary>Release notes ${r.dryRun ? 'that would be sent' : 'sent'}</summary>`, '', mdBlock(notes), '', '</details>')
  return [...lines, '']
}

/**
 * A table's bounds: GitHub drops a job summary over 1 MiB whole, a group may list thousands
 * of versions, and nothing bounds how many classifications are given. The log names every
 * one, the outputs every ID.
 */
const MAX_TABLE_ROWS = 200
const MAX_TABLE_BYTES = 128 * 1024

/** Rows rendered until either bound is reached, then one row saying how many more the log has. */
function cappedRows(all: (() => string)[], columns: number): string[] {
  const rows: string[] = []
  let bytes = 0
  for (const render of all) {
    const line = render()
    bytes += Buffer.byteLength(line, 'utf8') + 1
    if (rows.length === MAX_TABLE_ROWS || bytes > MAX_TABLE_BYTES) break
    rows.push(line)
  }
  if (rows.length < all.length) rows.push(`| … and ${all.length - rows.length} more: see the log |${' |'.repeat(columns - 1)}`)
  return rows
}

function pruneSection(r: RunRecord): string[] {
  const outcome = r.pruning
  if (!outcome) return []
  const verb = r.dryRun ? 'would delete' : 'deleted'
  const lines: string[] = []
  if (r.prune) {
    const p = r.prune
    lines.push(`### Pruning: keep the newest ${p.keepLatest}${p.minAgeDays !== undefined ? `, nothing younger than ${plural(p.minAgeDays, 'day')}` : ''}`, '')
    lines.push(
      `Kept ${p.kept}, ${verb} ${outcome.deleted.length}, skipped ${outcome.skipped.length}${outcome.failed.length ? `, failed ${outcome.failed.length}` : ''}${outcome.unknown.length ? `, outcome not known ${outcome.unknown.length}` : ''}.`,
      ''
    )
  } else {
    lines.push('### Pruning before the upload (account at its version limit)', '')
  }
  const row = (v: PlannedVersion['version'], action: string, reason: string) => (): string =>
    `| ${mdCode(v.versionId)} | ${mdText(v.displayVersion)} | ${mdText(v.uploadedDate)} | ${action} | ${mdText(reason)} |`
  const all = [
    ...outcome.deleted.map(d => row(d.version, verb, d.reason)),
    ...outcome.skipped.map(s => row(s.version, 'skipped', s.reason)),
    ...outcome.failed.map(f => row(f.version, 'failed', f.error)),
    ...outcome.unknown.map(v => row(v, 'outcome not known', 'the delete was sent and the run was stopped before Boomi answered')),
    ...outcome.notTried.map(v =>
      row(
        v,
        'not tried',
        r.cancelled ? 'the run was cancelled' : "an earlier deletion failed as every deletion would (credentials, privileges, or the delete's form)"
      )
    )
  ]
  const rows = cappedRows(all, 5)
  if (rows.length) lines.push('| Version ID | Display version | Uploaded | Action | Reason |', '| --- | --- | --- | --- | --- |', ...rows, '')
  return lines
}

/** What to check in the Developer tab for each request whose outcome nobody knows. */
function unknownSection(r: RunRecord): string[] {
  const checks = (r.unknown ?? []).map(q => checkFor(q, r))
  if (r.upload?.kind === 'failed' && r.upload.mayBeStored) checks.unshift(checkFor({ operation: 'upload', changeLog: r.upload.changeLog }, r))
  // A change that failed in a way that may have made it (its request was answered, so the journal holds it no more).
  for (const s of r.switches ?? [])
    if (s.outcomeUnknown) checks.push(checkFor({ operation: 'change', classificationType: s.classificationType, versionId: s.versionId }, r))
  if (!checks.length) return []
  return ['### Outcome not known', '', 'Boomi may have done these; check in the Developer tab:', '', ...[...new Set(checks)].map(c => `- ${c}`), '']
}

function checkFor(q: SentRequest, r: RunRecord): string {
  const group = mdCode(r.groupType)
  switch (q.operation) {
    case 'upload': {
      const line = r.archive ? mdCode(`sha256: ${r.archive.sha256}`) : "this archive's sha256 line"
      return `Upload: look in group ${group} for a version whose change log ends with the line ${line}. If there is one, Boomi stored this upload; a re-run with this archive finds and reuses it.`
    }
    case 'change':
      return `Version change: see which version classification ${mdCode(q.classificationType)} uses (this run asked for ${mdCode(q.versionId)}).`
    case 'delete':
      return `Delete: see whether version ${mdCode(q.version.versionId)} of ${group} is still there.`
  }
}

/** The job summary: the version, its checksums, switches, and every pruning decision with its reason. */
export function renderSummary(r: RunRecord): string {
  const lines = [`## Boomi connector release: ${mdCode(r.groupType)}${r.dryRun ? ' (dry run)' : ''}`, '']
  if (r.cancelled) lines.push('> **Cancelled:** the run was stopped; this is what it did before that.', '')
  if (r.error) lines.push(`> **Failed:** ${mdText(r.error)}`, '')
  return [
    ...lines,
    ...overview(r),
    ...unknownSection(r),
    ...dryRunSection(r),
    ...changeLogSection(r),
    ...switchSection(r),
    ...pruneSection(r),
    ...noticeSection(r)
  ].join('\n')
}
