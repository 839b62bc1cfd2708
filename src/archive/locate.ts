import { constants as fsConstants, promises as fs } from 'node:fs'
import * as path from 'node:path'
import { Input } from '../constants.js'
import { hasLineOrBidiControl } from '../text.js'
import { InputError } from '../errors.js'
import { BadCharacterClass, exists, glob, hasMagic } from './glob.js'
import { shownName } from './zip-directory.js'

export interface Archive {
  path: string
  fileName: string
  size: number
}

/** True when `p` is below `root` (both absolute, on the same footing: both real paths, or both as written). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)
}

/**
 * Where `file` really is, every symbolic link followed, when that is inside the
 * workspace's own real path; undefined when it leads out. A link inside the
 * workspace to a file inside it is fine; one out of it, or through a linked
 * directory out of it, is not (docs/behaviour.md, "Validation"). Rejects like
 * `fs.realpath` when the file does not exist.
 */
export async function realPathInside(file: string, workspace: string): Promise<string | undefined> {
  const [real, root] = await Promise.all([fs.realpath(file), fs.realpath(workspace)])
  return isInside(root, real) ? real : undefined
}

/** Where a file named relative to the workspace really is, or how it leads out of the workspace. */
export type WorkspaceFile = { path: string } | { outside: 'as written' | 'through a link' }

/**
 * Finds `name` (relative to the workspace, or absolute) by its real path: outside
 * 'as written' is known without touching the disk; outside 'through a link' once
 * every symbolic link is followed. Rejects like `fs.realpath` when the file does not exist.
 */
export async function findInWorkspace(name: string, workspace: string): Promise<WorkspaceFile> {
  const given = path.resolve(workspace, name)
  if (!isInside(path.resolve(workspace), given)) return { outside: 'as written' }
  const real = await realPathInside(given, workspace)
  return real === undefined ? { outside: 'through a link' } : { path: real }
}

// Brace expansion as shells and most glob libraries do it: `{a,b}` or `{1..3}`.
const BRACES = /\{[^{}]*(?:,|\.\.)[^{}]*\}/
// A glob can match thousands of files: the refusal lists a few.
const MAX_LISTED = 20

/** Finds the one file `pattern` names, relative to the workspace, and checks it is a non-empty zip inside it. */
export async function locateArchive(pattern: string, workspace: string): Promise<Archive> {
  const literal = path.resolve(workspace, pattern)
  const literalExists = await exists(literal)
  // Braces are not expanded (one match is wanted, and a second glob dialect is one more thing to get wrong): say so rather than find nothing.
  if (!literalExists && BRACES.test(pattern)) {
    throw new InputError(
      Input.archive,
      `${Input.archive} '${pattern}' uses braces ({a,b}), which are not expanded. Use '*', '?' or '[…]' instead, e.g. build/distributions/*.car.zip, or name the file.`
    )
  }
  // A name that exists as written wins, even if it holds glob characters ('conn[1].zip').
  const matches = hasMagic(pattern) && !literalExists ? await globArchive(pattern, workspace) : [literal]
  // A file's name is outside text: control characters escaped, bounded, as entry names are.
  const shown = (p: string): string => shownName(Buffer.from(path.relative(workspace, p) || p))
  if (matches.length === 0) {
    throw new InputError(
      Input.archive,
      `No file matches ${Input.archive} '${pattern}' (looked in ${workspace}). Check that the build step ran and the path or glob is relative to the workspace, e.g. build/distributions/*.car.zip.`
    )
  }
  if (matches.length > 1) {
    const listed = matches.slice(0, MAX_LISTED).map(shown)
    if (matches.length > MAX_LISTED) listed.push(`and ${(matches.length - MAX_LISTED).toLocaleString('en-US')} more`)
    throw new InputError(
      Input.archive,
      `${Input.archive} '${pattern}' matches ${matches.length.toLocaleString('en-US')} files, but must match exactly one: ${listed.join(', ')}. Narrow the pattern or clean the build directory.`
    )
  }
  const file = matches[0]
  if (!isInside(path.resolve(workspace), file)) {
    throw new InputError(
      Input.archive,
      `${Input.archive} '${pattern}' names ${shownName(Buffer.from(file))}, which is outside the workspace (${workspace}). Give a path or glob relative to the workspace, e.g. build/distributions/*.car.zip.`
    )
  }
  let stat
  try {
    stat = await fs.stat(file)
  } catch {
    throw new InputError(
      Input.archive,
      `No file matches ${Input.archive} '${pattern}': ${shown(file)} does not exist. Check that the build step ran and the path is relative to the workspace.`
    )
  }
  if ((await realPathInside(file, workspace)) === undefined) {
    throw new InputError(
      Input.archive,
      `${Input.archive} '${pattern}' names ${shown(file)}, which leads outside the workspace through a symbolic link. Point it at the archive the build wrote inside the workspace.`
    )
  }
  if (!stat.isFile()) {
    throw new InputError(
      Input.archive,
      `${Input.archive} '${pattern}' names ${shown(file)}, which is not a regular file. Point it at the connector zip itself.`
    )
  }
  if (stat.size === 0) {
    throw new InputError(Input.archive, `${Input.archive} ${shown(file)} is empty. Check the build step that makes the connector zip.`)
  }
  // The path is an output (archive-path) and goes into log lines: one line, in its own order.
  if (hasLineOrBidiControl(path.relative(workspace, file))) {
    throw new InputError(
      Input.archive,
      `${Input.archive} ${shown(file)} has a control character, a line separator or a bidi control in its path (shown escaped). Rename the file: its path is the archive-path output and appears in the log.`
    )
  }
  // Non-blocking, and a regular file by the descriptor too: a FIFO put in its place since the stat must not hang the run.
  const handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK)
  try {
    if (!(await handle.stat()).isFile()) {
      throw new InputError(
        Input.archive,
        `${Input.archive} ${shown(file)} stopped being a regular file while it was checked. Make sure nothing else writes the archive during the release.`
      )
    }
    const head = Buffer.alloc(2)
    await handle.read(head, 0, 2, 0)
    if (head[0] !== 0x50 || head[1] !== 0x4b) {
      throw new InputError(
        Input.archive,
        `${Input.archive} ${shown(file)} is not a zip file (it does not start with 'PK'). Point it at the connector archive built by the Connector SDK, e.g. build/distributions/*.car.zip.`
      )
    }
  } finally {
    await handle.close()
  }
  return { path: file, fileName: path.basename(file), size: stat.size }
}

async function globArchive(pattern: string, workspace: string): Promise<string[]> {
  try {
    return await glob(pattern, workspace)
  } catch (err) {
    if (!(err instanceof BadCharacterClass)) throw err
    throw new InputError(
      Input.archive,
      `${Input.archive} '${pattern}' has an invalid character class '${err.characterClass}': a range must go from the lower character to the higher, e.g. [a-z]. Fix the pattern, or name the file.`
    )
  }
}
