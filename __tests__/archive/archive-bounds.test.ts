// The archive's hostile-input bounds, pinned at their edges (issue 19: digest.ts's total
// inflation across nested zips and the nested-buffer budget survived mutation). Each case
// is an archive and a limit, one byte apart: at the bound it is read, one byte below it is
// refused or read as bytes. docs/behaviour.md, "Checksum".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { ZIP_LIMITS, type ZipLimits } from '../../src/archive/limits.js'
import { type InspectOptions, inspectArchive } from '../../src/archive/zip.js'
import { InputError } from '../../src/errors.js'
import { makeZip } from '../helpers/zip.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'archive-bounds-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function write(bytes: Buffer): string {
  const file = path.join(dir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.zip`)
  writeFileSync(file, bytes)
  return file
}

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** The content digest by its definition: name TAB digest per file, sorted by name; a zip read as one is its own digest. */
type Tree = Record<string, string | Buffer | { zip: Tree }>
function digestOf(tree: Tree): string {
  const lines = Object.entries(tree)
    .map(([name, v]) => `${name}\t${typeof v === 'object' && 'zip' in v ? `zip:${digestOf(v.zip)}` : sha(v)}\n`)
    .sort((a, b) => Buffer.compare(Buffer.from(a.split('\t')[0]), Buffer.from(b.split('\t')[0])))
  return sha(lines.join(''))
}

/** The digest, or the refusal's message: the same whether the jars inflate ahead of the walk or each in turn. */
async function outcome(zip: Buffer, limits: ZipLimits): Promise<string> {
  const file = write(zip)
  const ahead = await outcomeWith(file, { limits })
  expect(await outcomeWith(file, { limits, aheadBytes: 0 })).toBe(ahead)
  expect(await outcomeWith(file, { limits, asyncMinBytes: 0 })).toBe(ahead)
  return ahead
}

async function outcomeWith(file: string, options: InspectOptions): Promise<string> {
  try {
    const { file: opened, contentSha256 } = await inspectArchive(file, 'bounds.zip', options)
    await opened.close()
    return contentSha256
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as Error).message
  }
}

describe('total inflation, nested zips counted', () => {
  // Two jars, each a few hundred bytes that inflate to 3000: each alone fits any limit
  // used here, only their sum does not.
  const jar = makeZip([{ name: 'X.class', data: Buffer.alloc(3000), method: 'deflate' }])
  const zip = makeZip([
    { name: 'lib/a.jar', data: jar, method: 'stored' },
    { name: 'lib/b.jar', data: jar, method: 'stored' }
  ])
  const total = 2 * jar.length + 2 * 3000
  const tree: Tree = { 'lib/a.jar': { zip: { 'X.class': Buffer.alloc(3000) } }, 'lib/b.jar': { zip: { 'X.class': Buffer.alloc(3000) } } }

  it('reads an archive that inflates to exactly the limit', async () => {
    expect(await outcome(zip, { ...ZIP_LIMITS, maxInflatedBytes: total })).toBe(digestOf(tree))
  })

  it('refuses it one byte below, at the nested zip that goes past the sum', async () => {
    const message = await outcome(zip, { ...ZIP_LIMITS, maxInflatedBytes: total - 1 })
    expect(message).toContain(`lib/b.jar would inflate to more than the limit of ${(total - 1).toLocaleString('en-US')} bytes in all`)
  })
})

describe('the nested-buffer budget along a path', () => {
  // a.jar holds b.zip: reading b.zip as a zip holds both in memory at once.
  const deep = randomBytes(1000)
  const inner = makeZip([{ name: 'deep.txt', data: deep, method: 'stored' }])
  const middle = makeZip([
    { name: 'b.zip', data: inner, method: 'stored' },
    { name: 'two.txt', data: '2', method: 'stored' }
  ])
  const zip = makeZip([{ name: 'lib/a.jar', data: middle, method: 'deflate' }])
  const budget = (bytes: number): ZipLimits => ({ ...ZIP_LIMITS, maxNestedBufferBytes: bytes })

  it('reads both as zips when both fit together', async () => {
    const tree: Tree = { 'lib/a.jar': { zip: { 'b.zip': { zip: { 'deep.txt': deep } }, 'two.txt': '2' } } }
    expect(await outcome(zip, budget(middle.length + inner.length))).toBe(digestOf(tree))
  })

  it('digests the inner zip as bytes when it fits alone but not beside its parent', async () => {
    const tree: Tree = { 'lib/a.jar': { zip: { 'b.zip': inner, 'two.txt': '2' } } }
    expect(inner.length).toBeLessThan(middle.length)
    expect(await outcome(zip, budget(middle.length + inner.length - 1))).toBe(digestOf(tree))
  })

  it('digests the outer jar as bytes when it alone does not fit', async () => {
    expect(await outcome(zip, budget(middle.length - 1))).toBe(digestOf({ 'lib/a.jar': middle }))
  })
})
