import type { ConnectorVersion } from '../boomi/client.js'
import type { PlannedVersion } from './plan.js'
import type { PruneFailure } from '../orchestrator/prune.js'

export type UploadOutcome = 'uploaded' | 'reused' | 'would-upload' | 'would-reuse' | 'refused-duplicate' | 'upload-failed' | 'not-uploaded' | 'none'

export interface Report {
  groupType: string
  dryRun: boolean
  archive?: { fileName: string; size: number; sha256: string }
  outcome: UploadOutcome
  version?: ConnectorVersion
  changeLog?: string
  prune?: {
    keepLatest: number
    minAgeDays?: number
    kept: number
    deleted: PlannedVersion[]
    skipped: PlannedVersion[]
    failed: PruneFailure[]
  }
  error?: string
}

const OUTCOME_TEXT: Record<UploadOutcome, string> = {
  uploaded: 'Uploaded a new version',
  reused: 'Reused the existing version of this archive (no upload)',
  'would-upload': 'Dry run: would upload a new version',
  'would-reuse': 'Dry run: would reuse the existing version of this archive',
  'refused-duplicate': 'Not uploaded: this archive is already a version of the group (if-exists: fail)',
  'upload-failed': 'Upload failed',
  'not-uploaded': 'Not uploaded: the run stopped before the upload',
  none: 'No upload (prune only)'
}

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>') || '–'
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KiB', 'MiB', 'GiB']
  let value = n
  let unit = 'B'
  for (const u of units) {
    if (value < 1024) break
    value /= 1024
    unit = u
  }
  return `${value.toFixed(1)} ${unit}`
}

/** The job summary as Markdown: the version, its checksum, and every pruning decision with its reason. */
export function renderSummary(r: Report): string {
  const lines: string[] = []
  lines.push(`## Boomi connector release: \`${r.groupType}\`${r.dryRun ? ' (dry run)' : ''}`, '')
  if (r.error) lines.push(`> **Failed:** ${cell(r.error)}`, '')
  lines.push('| | |', '| --- | --- |')
  lines.push(`| Result | ${OUTCOME_TEXT[r.outcome]} |`)
  if (r.archive) {
    lines.push(`| Archive | \`${cell(r.archive.fileName)}\` (${formatBytes(r.archive.size)}) |`)
    lines.push(`| SHA-256 | \`${r.archive.sha256}\` |`)
  }
  if (r.version) {
    lines.push(`| Version ID | \`${cell(r.version.versionId)}\` |`)
    lines.push(`| Display version | ${cell(r.version.displayVersion)} |`)
    lines.push(`| Uploaded | ${cell(r.version.uploadedDate)} |`)
  }
  lines.push('')
  if (r.changeLog) {
    lines.push('<details><summary>Change log</summary>', '', '```text', r.changeLog.replace(/```/g, "'''"), '```', '', '</details>', '')
  }
  if (r.prune) {
    const p = r.prune
    const verb = r.dryRun ? 'would delete' : 'deleted'
    lines.push(`### Pruning: keep the newest ${p.keepLatest}${p.minAgeDays !== undefined ? `, nothing younger than ${p.minAgeDays} days` : ''}`, '')
    lines.push(`Kept ${p.kept}, ${verb} ${p.deleted.length}, skipped ${p.skipped.length}${p.failed.length ? `, failed ${p.failed.length}` : ''}.`, '')
    const rows = [
      ...p.deleted.map(d => ({ ...d, action: r.dryRun ? 'would delete' : 'deleted' })),
      ...p.skipped.map(s => ({ ...s, action: 'skipped' })),
      ...p.failed.map(f => ({ version: f.version, reason: f.error, action: 'failed' }))
    ]
    if (rows.length) {
      lines.push('| Version ID | Display version | Uploaded | Action | Reason |', '| --- | --- | --- | --- | --- |')
      for (const row of rows) {
        lines.push(
          `| \`${cell(row.version.versionId)}\` | ${cell(row.version.displayVersion)} | ${cell(row.version.uploadedDate)} | ${row.action} | ${cell(row.reason)} |`
        )
      }
      lines.push('')
    }
  }
  return lines.join('\n')
}
