// The step's outputs, computed from the run record alone (action.yml). A request
// sent and never answered is no success: an upload whose outcome is not known
// gives `uploaded: unknown` and no version-id, a version change whose outcome
// is not known carries `outcome: "unknown"` (docs/behaviour.md, "Cancellation").
import { Output } from '../constants.js'
import { BYTE_CONTROLS, LINE_SEPARATORS } from '../text.js'
import { storedSha256 } from './changelog.js'
import { type RunRecord, runVersion } from './record.js'

export function outputsOf(r: RunRecord): Record<string, string> {
  const version = runVersion(r)
  const pruning = r.pruning
  return {
    [Output.versionId]: version?.versionId ?? '',
    [Output.displayVersion]: version?.displayVersion ?? '',
    [Output.uploadedDate]: version?.uploadedDate ?? '',
    [Output.sha256]: r.archive?.sha256 ?? '',
    [Output.contentSha256]: r.archive?.contentSha256 ?? '',
    [Output.versionSha256]: versionSha256(r) ?? '',
    [Output.archivePath]: r.archive?.shownPath ?? '',
    [Output.uploaded]: uploaded(r),
    [Output.deletedVersionIds]: JSON.stringify(deletedIds(r)),
    [Output.skippedVersionIds]: JSON.stringify(pruning?.skipped.map(s => s.version.versionId) ?? []),
    [Output.classificationChanges]: JSON.stringify(
      (r.switches ?? [])
        .filter(s => !s.notRequested)
        .map(s => ({
          classificationType: s.classificationType,
          versionId: s.versionId,
          reviewStatus: s.reviewStatus,
          ...(s.outcomeUnknown ? { outcome: 'unknown' } : {})
        }))
    )
  }
}

/** Every version the run deleted: second copies of its own upload first (the newest), then pruning's, newest first. */
function deletedIds(r: RunRecord): string[] {
  const twins = r.upload?.kind === 'uploaded' ? r.upload.removedTwins : []
  return [...twins, ...(r.pruning?.deleted.map(d => d.version) ?? [])].map(v => v.versionId)
}

/** `true` when this run created a version; `unknown` when an attempt may have and the run never learnt whether. */
function uploaded(r: RunRecord): string {
  if (r.upload?.kind === 'uploaded') return 'true'
  if (r.upload?.kind === 'unknown' || (r.upload?.kind === 'failed' && r.upload.mayBeStored)) return 'unknown'
  return 'false'
}

/**
 * Which bytes Boomi holds in the run's version: its trailer's `sha256`. After
 * a content match this is the earlier build's, not `sha256`; an upload whose
 * answer carried no change log is known by the one this run sent.
 */
export function versionSha256(r: RunRecord): string | undefined {
  const version = runVersion(r)
  const stored = storedSha256(version?.changeLog)
  if (stored || r.upload?.kind !== 'uploaded') return stored
  return storedSha256(r.upload.changeLog)
}

/** Outputs whose text is JSON (arrays), and the one that is a boolean: typed as such in the command-line tool's --json. */
const JSON_OUTPUTS: ReadonlySet<string> = new Set([Output.deletedVersionIds, Output.skippedVersionIds, Output.classificationChanges])
const BOOLEAN_OUTPUTS: ReadonlySet<string> = new Set([Output.uploaded])

export type TypedOutput = string | boolean | unknown[]

/** The outputs with arrays as arrays and booleans as booleans, for one JSON object; a value that is neither `true` nor `false` (an outcome not known) stays text. */
export function typedOutputs(outputs: Readonly<Record<string, string>>): Record<string, TypedOutput> {
  const typed: Record<string, TypedOutput> = {}
  for (const [name, value] of Object.entries(outputs)) {
    typed[name] = JSON_OUTPUTS.has(name) ? (JSON.parse(value) as unknown[]) : BOOLEAN_OUTPUTS.has(name) ? booleanOrText(value) : value
  }
  return typed
}

/** `true` and `false` as booleans; `unknown` (an upload whose outcome is not known) stays text, never false. */
function booleanOrText(value: string): boolean | string {
  return value === 'true' ? true : value === 'false' ? false : value
}

/**
 * A dotenv file of the outputs: `version_id=1042`, one line each. Names use `_`
 * for `-` (GitLab's dotenv report and most readers take only letters, digits and
 * `_`). A value of plain characters is written as it is, since GitLab keeps
 * quotes as part of the value; any other value (spaces, quotes, `#`, `$`, a line
 * break: all possible in a display version or a file name) is double-quoted with
 * `\`, `"`, `$`, `` ` `` and line breaks escaped, so that no reader can take part of
 * it for another variable or a comment.
 */
export function dotenvText(outputs: Readonly<Record<string, string>>): string {
  return Object.entries(outputs)
    .map(([name, value]) => `${name.replace(/-/g, '_')}=${dotenvValue(value)}\n`)
    .join('')
}

const PLAIN_VALUE = /^[A-Za-z0-9_.,:/@+\-[\]{}"]*$/
// What could end a dotenv line or hide in one: C0, DEL and the line separators. C1 controls are left as they are.
const DOTENV_ESCAPED = new RegExp(`[${BYTE_CONTROLS}${LINE_SEPARATORS}]`, 'g')

function dotenvValue(value: string): string {
  // A plain value may hold `"` (JSON arrays) but not start with one: a reader would take it for a quoted value;
  // and only in pairs: an odd one opens a quote that a shell sourcing the file closes on a later line.
  if (PLAIN_VALUE.test(value) && !value.startsWith('"') && value.split('"').length % 2 === 1) return value
  const escaped = value
    .replace(/[\\"$`]/g, ch => `\\${ch}`)
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
  return `"${escaped.replace(DOTENV_ESCAPED, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`
}
