import { promises as fs } from 'node:fs'
import * as nodePath from 'node:path'

type PathApi = typeof nodePath.posix

const MAGIC = /[*?[]/

/** A pattern that holds a '[…]' no regular expression can take: a range from a higher character to a lower one ('[z-a]'). */
export class BadCharacterClass extends Error {
  constructor(readonly characterClass: string) {
    super(`invalid character class '${characterClass}'`)
    this.name = 'BadCharacterClass'
  }
}

/**
 * A pattern split into the directory to start from and the segments still to
 * match. `path.resolve` does the platform's work: on Windows it takes either
 * slash and keeps a drive letter or UNC root whole.
 */
export function splitPattern(pattern: string, cwd: string, path: PathApi = nodePath): { root: string; segments: string[] } {
  const absolute = path.resolve(cwd, pattern)
  const { root } = path.parse(absolute)
  const rest = absolute
    .slice(root.length)
    .split(path.sep)
    .filter(s => s !== '')
  let i = 0
  while (i < rest.length && !MAGIC.test(rest[i])) i++
  return { root: path.join(root, ...rest.slice(0, i)), segments: rest.slice(i) }
}

export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern)
}

/** A glob segment ('*', '?', '[a-z]', '[!x]') as a regular expression for one name, read by code points. */
export function segmentRegExp(segment: string, caseInsensitive = false): RegExp {
  let out = ''
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]
    if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2)
      if (end === -1) {
        out += '\\['
        continue
      }
      let body = segment.slice(i + 1, end)
      const negate = body.startsWith('!') || body.startsWith('^')
      if (negate) body = body.slice(1)
      const characterClass = `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`
      try {
        new RegExp(characterClass, 'u')
      } catch {
        throw new BadCharacterClass(segment.slice(i, end + 1))
      }
      out += characterClass
      i = end
    } else out += c.replace(/[.+^${}()|\\/\]]/g, '\\$&')
  }
  // As in a shell, wildcards do not match a leading dot unless the pattern has one.
  const dot = segment.startsWith('.') ? '' : '(?!\\.)'
  // 'u': a character is a code point, so '?' matches one emoji and '[😀-😁]' is a range of two.
  return new RegExp(`^${dot}${out}$`, caseInsensitive ? 'iu' : 'u')
}

/**
 * Every path matching `pattern` (relative to `cwd`), sorted. Supports '*', '?',
 * '[…]' within a segment and '**' for any depth; symbolic links to
 * directories are not followed by '**', so a link loop cannot hang the walk.
 * Throws BadCharacterClass, whatever is on the disk, for a '[…]' that cannot match.
 */
export async function glob(pattern: string, cwd: string, path: PathApi = nodePath): Promise<string[]> {
  const { root, segments } = splitPattern(pattern, cwd, path)
  const caseInsensitive = path.sep === '\\'
  const results = new Set<string>()
  const regExps = segments.map(s => (s !== '**' && MAGIC.test(s) ? segmentRegExp(s, caseInsensitive) : undefined))

  const walk = async (dir: string, i: number): Promise<void> => {
    if (i === segments.length) {
      results.add(dir)
      return
    }
    const segment = segments[i]
    if (segment === '**') {
      await walk(dir, i + 1)
      for (const entry of await list(dir)) {
        if (entry.isDirectory()) await walk(path.join(dir, entry.name), i)
      }
      return
    }
    if (!MAGIC.test(segment)) {
      const next = path.join(dir, segment)
      if (i + 1 === segments.length ? await exists(next) : await isDir(next)) await walk(next, i + 1)
      return
    }
    const re = regExps[i]!
    for (const entry of await list(dir)) {
      if (!re.test(entry.name)) continue
      const next = path.join(dir, entry.name)
      if (i + 1 === segments.length) results.add(next)
      else if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDir(next)))) await walk(next, i + 1)
    }
  }

  if (segments.length === 0) {
    if (await exists(root)) results.add(root)
  } else if (await isDir(root)) {
    await walk(root, 0)
  }
  return [...results].sort()
}

async function list(dir: string): Promise<import('node:fs').Dirent[]> {
  try {
    return await fs.readdir(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p)
    return true
  } catch {
    return false
  }
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory()
  } catch {
    return false
  }
}
