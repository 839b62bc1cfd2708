// The phases that read the workspace: the archive (located, checked, hashed)
// and the change log file. Both come before the first request, so anything
// wrong with them is a bad input that costs no request (docs/behaviour.md, "Validation").
import * as path from 'node:path'
import type { Archive } from '../archive/locate.js'
import type { ArchiveFacts, ArchiveFile } from '../archive/zip.js'
import { ARCHIVE_SIZE_GUIDANCE_BYTES } from '../boomi/contract.js'
import { Input } from '../constants.js'
import { MAX_CHANGE_LOG_FILE_BYTES, pickSection } from '../domain/changelog-file.js'
import { withoutTrailerLines } from '../domain/changelog.js'
import type { ArchiveResult, ChangeLogResult } from '../domain/record.js'
import { cut } from '../domain/untrusted.js'
import { approxBytes, plural, someOf } from '../text.js'
import { InputError, errorMessage } from '../errors.js'
import type { RunDeps } from './deps.js'

/** The archive's facts for the record, and the descriptor the upload reads the same bytes through (the caller closes it). */
export interface CheckedArchive {
  archive: ArchiveResult
  file: ArchiveFile
}

export async function archivePhase(deps: RunDeps, pattern: string): Promise<CheckedArchive> {
  const { log, clock } = deps
  const found = await deps.locateArchive(pattern)
  const shownPath = path.relative(deps.workspace, found.path).split(path.sep).join('/') || found.fileName
  log.info(`Archive: ${shownPath} (${approxBytes(found.size)})`)
  if (found.size > ARCHIVE_SIZE_GUIDANCE_BYTES) {
    log.warning(
      `${shownPath} is ${approxBytes(found.size)}, over Boomi's guidance of ${approxBytes(ARCHIVE_SIZE_GUIDANCE_BYTES)}; Boomi may refuse or slow down on it.`
    )
  }
  const started = clock.now()
  const { file, ...facts } = await deps.inspectArchive(found.path, shownPath)
  try {
    // The size the descriptor had when opened: what was hashed, and what the upload sends.
    return { archive: checked(deps, { ...found, size: file.size }, shownPath, facts, clock.now() - started), file }
  } catch (err) {
    await file.close()
    throw err
  }
}

function checked(deps: RunDeps, found: Archive, shownPath: string, facts: Omit<ArchiveFacts, 'file'>, ms: number): ArchiveResult {
  const { log, inputs } = deps
  const seconds = Math.max(ms, 1) / 1000
  log.info(`sha256: ${facts.sha256} (${approxBytes(found.size / seconds)}/s)`)
  log.info(`content-sha256: ${facts.contentSha256} (${facts.entries} entries)`)
  const { className, sdkApiVersion } = facts.connector
  if (className || sdkApiVersion) log.info(`Connector: ${className ?? '?'} (sdkApiVersion ${sdkApiVersion ?? '?'})`)
  for (const warning of facts.layoutWarnings) log.warning(`${shownPath}: ${warning}`)
  if (inputs.expectedSha256 && facts.sha256 !== inputs.expectedSha256) {
    throw new InputError(
      Input.expectedSha256,
      `The archive's sha256 is ${facts.sha256}, but ${Input.expectedSha256} is ${inputs.expectedSha256}. Nothing was uploaded. Check that the right archive was built, or update ${Input.expectedSha256}.`
    )
  }
  return { path: found.path, shownPath, fileName: found.fileName, size: found.size, ...facts }
}

/** The change log's text: the input, the file's section for this release, or (undefined) one made later from the workflow run. */
export async function changeLogPhase(deps: RunDeps): Promise<ChangeLogResult | undefined> {
  const found = await changeLogText(deps)
  if (!found) return undefined
  const { text, dropped } = withoutTrailerLines(found.text)
  if (dropped.length) {
    const from = found.source === 'file' ? `${Input.changeLogFile} ${deps.inputs.changeLogFile}` : Input.changeLog
    deps.log.warning(
      `Dropped ${plural(dropped.length, 'line')} of ${from} shaped like the trailer that identifies the archive: ${quoted(dropped)}. The true trailer is appended after the text.`
    )
  }
  return { ...found, text }
}

/** How many dropped lines the warning quotes: a change-log file of 1 MiB may hold thousands. */
const MAX_DROPPED_SHOWN = 5

function quoted(lines: readonly string[]): string {
  return someOf(
    lines.map(line => `'${cut(line, 90)}'`),
    MAX_DROPPED_SHOWN
  )
}

async function changeLogText(deps: RunDeps): Promise<ChangeLogResult | undefined> {
  const { inputs, log } = deps
  if (inputs.changeLog !== undefined) return { text: inputs.changeLog, source: 'input' }
  if (!inputs.changeLogFile) return undefined
  const outside = (how: string): InputError =>
    new InputError(
      Input.changeLogFile,
      `${Input.changeLogFile} '${inputs.changeLogFile}' ${how}. Give the path of a Markdown changelog inside the workspace, relative to it, e.g. CHANGELOG.md.`
    )
  let markdown: string
  try {
    // Compared by real path before it is opened, and the real path is what is read.
    const file = await deps.findInWorkspace(inputs.changeLogFile)
    if ('outside' in file) throw outside(file.outside === 'as written' ? 'is outside the workspace' : 'leads outside the workspace through a symbolic link')
    markdown = await deps.readTextFile(file.path, MAX_CHANGE_LOG_FILE_BYTES)
  } catch (err) {
    if (err instanceof InputError) throw err
    throw new InputError(
      Input.changeLogFile,
      `Cannot read ${Input.changeLogFile} '${inputs.changeLogFile}' (${errorMessage(err)}). Give the path of a Markdown changelog relative to the workspace, e.g. CHANGELOG.md, and check it is checked out.`,
      { cause: err }
    )
  }
  const section = pickSection(markdown, (await deps.runContext()).ref)
  if (section.byTag) log.info(`Change log: section '${section.heading}' of ${inputs.changeLogFile}`)
  else log.warning(`Change log: this run is not for a version tag, so it takes the newest released section, '${section.heading}' of ${inputs.changeLogFile}.`)
  return { text: section.text, source: 'file', section: section.heading }
}
