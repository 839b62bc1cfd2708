/** The line that marks a version as an upload of one exact archive (SPEC §3.3). */
export function checksumLine(sha256: string): string {
  return `sha256: ${sha256.toLowerCase()}`
}

/** The change log sent: the text, a blank line, and the checksum line last. */
export function buildChangeLog(text: string, sha256: string): string {
  return `${text.replace(/\s+$/, '')}\n\n${checksumLine(sha256)}`
}

export function hasChecksumLine(changeLog: string | undefined, sha256: string): boolean {
  if (!changeLog) return false
  const wanted = checksumLine(sha256)
  return changeLog.split(/\r?\n/).some(line => line.trim() === wanted)
}

/** What the default change log is made from; the fields of the workflow run. */
export interface RunContext {
  repository?: string
  /** Tag or branch name. */
  refName?: string
  sha?: string
  runUrl?: string
}

/** e.g. "acme/connector v1.4.0 (3f2c1ab), https://github.com/acme/connector/actions/runs/42" */
export function defaultChangeLog(ctx: RunContext): string {
  const parts: string[] = []
  if (ctx.repository) parts.push(ctx.repository)
  if (ctx.refName) parts.push(ctx.refName)
  if (ctx.sha) parts.push(`(${ctx.sha.slice(0, 7)})`)
  const what = parts.length ? `Released from ${parts.join(' ')}` : 'Released by boomi-connector-action'
  return ctx.runUrl ? `${what}, ${ctx.runUrl}` : what
}
