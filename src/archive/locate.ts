import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { exists, glob, hasMagic } from './glob.js'

export interface Archive {
  path: string
  fileName: string
  size: number
}

/** Finds the one file `pattern` names, relative to the workspace, and checks it is a non-empty zip. */
export async function locateArchive(pattern: string, workspace: string): Promise<Archive> {
  const literal = path.resolve(workspace, pattern)
  // A name that exists as written wins, even if it holds glob characters ('conn[1].zip').
  const matches = hasMagic(pattern) && !(await exists(literal)) ? await glob(pattern, workspace) : [literal]
  const shown = (p: string): string => path.relative(workspace, p) || p
  if (matches.length === 0) {
    throw new InputError(
      Input.archive,
      `No file matches ${Input.archive} '${pattern}' (looked in ${workspace}). Check that the build step ran and the path or glob is relative to the workspace, e.g. build/distributions/*.car.zip.`
    )
  }
  if (matches.length > 1) {
    throw new InputError(
      Input.archive,
      `${Input.archive} '${pattern}' matches ${matches.length} files, but must match exactly one: ${matches.map(shown).join(', ')}. Narrow the pattern or clean the build directory.`
    )
  }
  const file = matches[0]
  let stat
  try {
    stat = await fs.stat(file)
  } catch {
    throw new InputError(
      Input.archive,
      `No file matches ${Input.archive} '${pattern}': ${shown(file)} does not exist. Check that the build step ran and the path is relative to the workspace.`
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
  const handle = await fs.open(file, 'r')
  try {
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
