// The change log sent with an upload, and its trailer: the lines by which a
// later run recognises an earlier upload of the same archive or the same
// connector (docs/behaviour.md, "Identity"). The trailer is ours and is never cut; the text is the
// user's and is cut to what Boomi is thought to keep.
import { MAX_CHANGE_LOG_TEXT } from '../boomi/contract.js'
import { cut } from './untrusted.js'

/** The digests a change log's trailer carries, lower- or upper-case hex. */
export interface ArchiveIds {
  sha256: string
  contentSha256?: string
}

export type MatchKind = 'sha256' | 'content-sha256'

/** Ends a text that was cut to fit; the full text is where the user keeps it, not here. */
export const CUT_MARKER = `\n… (cut: the text was longer than ${MAX_CHANGE_LOG_TEXT} characters)`

function shaLine(ids: ArchiveIds): string {
  return `sha256: ${ids.sha256.toLowerCase()}`
}

function contentLine(ids: ArchiveIds): string | undefined {
  return ids.contentSha256 ? `content-sha256: ${ids.contentSha256.toLowerCase()}` : undefined
}

/**
 * The run's own mark, the same for each of its upload attempts: after a lost
 * answer, a copy of the archive carrying it is this run's, and one without it
 * another run's, never taken or deleted as ours (docs/behaviour.md, "Retries and lost answers").
 */
export function uploadIdLine(uploadId: string): string {
  return `upload-id: ${uploadId}`
}

/** A fresh run's mark: 64 random bits as 16 lower-case hex. */
export const UPLOAD_ID = /^[0-9a-f]{16}$/

function trailerLines(ids: ArchiveIds, uploadId: string): string[] {
  const content = contentLine(ids)
  // `sha256:` stays last: versions uploaded before content digests carry only it.
  return [uploadIdLine(uploadId), ...(content ? [content] : []), shaLine(ids)]
}

/**
 * The user's text as a change log carries it: trailing white space trimmed, cut to
 * MAX_CHANGE_LOG_TEXT with a marker. Release notes are fitted the same way.
 */
export function fitText(text: string): string {
  const trimmed = text.replace(/\s+$/, '')
  if (trimmed.length <= MAX_CHANGE_LOG_TEXT) return trimmed
  // `cut` keeps surrogate pairs whole; its one-unit ellipsis is replaced by the marker.
  const kept = cut(trimmed, MAX_CHANGE_LOG_TEXT - CUT_MARKER.length + 1).slice(0, -1)
  return kept.replace(/\s+$/, '') + CUT_MARKER
}

// Any line a later run could read as a trailer: a digest or upload-id line, whatever the spacing or case.
const TRAILER_SHAPED = /^((content-)?sha256:\s*[0-9a-f]{64}|upload-id:\s*[0-9a-f]{16})$/i

/**
 * The user's text without lines shaped like the trailer. Such a line (notes
 * copied from an earlier release, say) would make a later run take this
 * version for another archive: the trailer is the action's alone
 * (docs/behaviour.md, "Identity"). `dropped` lists the lines, for a warning.
 */
export function withoutTrailerLines(text: string): { text: string; dropped: string[] } {
  const dropped: string[] = []
  const kept = text.split(/\r\n|\r|\n/).filter(line => {
    const shaped = TRAILER_SHAPED.test(line.trim())
    if (shaped) dropped.push(line.trim())
    return !shaped
  })
  return dropped.length ? { text: kept.join('\n'), dropped } : { text, dropped }
}

/**
 * The text (trailer-shaped lines dropped, trailing white space trimmed, cut to
 * MAX_CHANGE_LOG_TEXT with a marker), a blank line, `upload-id: <run's mark>`,
 * `content-sha256: <hex>` when known, `sha256: <hex>` last.
 */
export function buildChangeLog(text: string, ids: ArchiveIds, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new Error(`upload ID not 16 lower-case hex: ${uploadId}`)
  const body = fitText(withoutTrailerLines(text).text)
  const trailer = trailerLines(ids, uploadId).join('\n')
  return body ? `${body}\n\n${trailer}` : trailer
}

function logLines(changeLog: string): string[] {
  return changeLog.split(/\r\n|\r|\n/).map(line => line.trim())
}

/**
 * How a version's change log matches this archive: by its exact bytes
 * (`sha256`, preferred) or by the connector's content (`content-sha256`).
 */
export function matchKind(changeLog: string | undefined, ids: ArchiveIds): MatchKind | undefined {
  if (!changeLog) return undefined
  const lines = new Set(logLines(changeLog))
  if (lines.has(shaLine(ids))) return 'sha256'
  const content = contentLine(ids)
  return content && lines.has(content) ? 'content-sha256' : undefined
}

/** Whether a change log carries this run's mark: an upload of this run, not of another. */
export function carriesUploadId(changeLog: string | undefined, uploadId: string): boolean {
  return !!changeLog && logLines(changeLog).includes(uploadIdLine(uploadId))
}

const TRAILER_LINE = /^((content-)?sha256: [0-9a-f]{64}|upload-id: [0-9a-f]{16})$/i
const SHA_TRAILER = /^sha256: ([0-9a-f]{64})$/i

/**
 * The sha256 of the archive a version holds, from its change log's last line
 * (`sha256: <hex>`, written last by buildChangeLog); undefined when the change
 * log has no such last line (a version not uploaded by this action).
 */
export function storedSha256(changeLog: string | undefined): string | undefined {
  const lines = (changeLog ?? '').split(/\r\n|\r|\n/)
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop()
  return SHA_TRAILER.exec(lines[lines.length - 1]?.trim() ?? '')?.[1].toLowerCase()
}

/** The change log without its trailer lines and the blank line before them: the notes a person wrote. */
export function releaseNotes(changeLog: string): string {
  const lines = changeLog.split(/\r\n|\r|\n/)
  // From the end, trailer lines and blank ones: Boomi may hand the change log back with a line break after the trailer.
  while (lines.length > 0 && (TRAILER_LINE.test(lines[lines.length - 1].trim()) || lines[lines.length - 1].trim() === '')) lines.pop()
  return lines.join('\n')
}

/** What the default change log is made from; the fields of the workflow run. */
export interface RunContext {
  repository?: string
  /** Tag or branch name. */
  refName?: string
  /** The full ref, e.g. refs/tags/v1.2.3: tells a tag from a branch. */
  ref?: string
  sha?: string
  runUrl?: string
}

/** e.g. "acme/connector v1.4.0 (3f2c1ab), https://github.com/acme/connector/actions/runs/42" */
export function defaultChangeLog(ctx: RunContext): string {
  const parts: string[] = []
  if (ctx.repository) parts.push(ctx.repository)
  if (ctx.refName) parts.push(ctx.refName)
  // In brackets after a repository or branch; alone (a CI that names neither), as what it is.
  if (ctx.sha) parts.push(parts.length ? `(${ctx.sha.slice(0, 7)})` : `commit ${ctx.sha.slice(0, 7)}`)
  const what = parts.length ? `Released from ${parts.join(' ')}` : 'Released by boomi-connector-action'
  return ctx.runUrl ? `${what}, ${ctx.runUrl}` : what
}
