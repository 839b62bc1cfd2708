import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { constants, crc32, deflateRawSync } from 'node:zlib'
import { readConnectorConfig } from '../../src/archive/connector-config.js'
import { laneSumOf } from '../../src/lane-sum.js'
import { ZIP_LIMITS } from '../../src/archive/limits.js'
import { type ArchiveFacts, type InspectOptions, inspectArchive } from '../../src/archive/zip.js'
import { InputError } from '../../src/errors.js'
import { makeConnectorZip, makeZip } from '../helpers/zip.js'

let dir: string
let count = 0

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'archive-zip-'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function write(bytes: Buffer, name = `a${++count}.zip`): string {
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return file
}

/** inspectArchive, its descriptor closed again: the facts without the open file, the same with the jars inflated ahead of the walk or each in turn. */
async function inspect(file: string, shown: string, limits = ZIP_LIMITS): Promise<Omit<ArchiveFacts, 'file'>> {
  const facts = await inspectWith(file, shown, { limits })
  expect(await inspectWith(file, shown, { limits, aheadBytes: 0 })).toEqual(facts)
  expect(await inspectWith(file, shown, { limits, asyncMinBytes: 0 })).toEqual(facts)
  return facts
}

async function inspectWith(file: string, shown: string, options: InspectOptions): Promise<Omit<ArchiveFacts, 'file'>> {
  const { file: opened, ...facts } = await inspectArchive(file, shown, options)
  await opened.close()
  return facts
}

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** The content digest straight from docs/behaviour.md, "Identity", over entries known by their contents (no zip reading). */
type Tree = Record<string, string | Buffer | { zip: Tree }>
function specDigest(tree: Tree): string {
  const lines = Object.entries(tree)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, v]) => ({ name: Buffer.from(name, 'utf8'), digest: typeof v === 'object' && 'zip' in v ? `zip:${specDigest(v.zip)}` : sha(v) }))
    .sort((a, b) => Buffer.compare(a.name, b.name))
  return sha(lines.map(l => `${l.name.toString('utf8')}\t${l.digest}\n`).join(''))
}

async function refusal(file: string, shown: string, limits = ZIP_LIMITS): Promise<InputError> {
  const refused = (options: InspectOptions): Promise<unknown> =>
    inspectArchive(file, shown, options).then(
      () => undefined,
      (e: unknown) => e
    )
  const err = await refused({ limits })
  expect(((await refused({ limits, aheadBytes: 0 })) as Error | undefined)?.message).toBe((err as Error | undefined)?.message)
  expect(((await refused({ limits, asyncMinBytes: 0 })) as Error | undefined)?.message).toBe((err as Error | undefined)?.message)
  expect(err).toBeInstanceOf(InputError)
  expect((err as InputError).input).toBe('archive')
  expect((err as InputError).message).toContain(`archive ${shown} `)
  return err as InputError
}

describe('content digest', () => {
  it('is the same for a rebuild with new times, another order and another compression; the sha256 differs', async () => {
    const first = makeConnectorZip({ mtime: new Date(2026, 10, 28, 9, 0, 0), order: 'sorted', method: 'deflate' })
    const again = makeConnectorZip({ mtime: new Date(2026, 10, 28, 9, 0, 42), order: 'reversed', method: 'stored' })
    const a = await inspect(write(first), 'build/a.car.zip')
    const b = await inspect(write(again), 'build/b.car.zip')
    expect(a.sha256).not.toBe(b.sha256)
    expect(a.contentSha256).toBe(b.contentSha256)
    expect(a.contentSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('ignores comments, extra fields and permissions', async () => {
    const plain = makeZip([{ name: 'lib/x.jar', data: makeZip([{ name: 'X.class', data: 'x' }]) }])
    const decorated = makeZip(
      [
        {
          name: 'lib/x.jar',
          data: makeZip([{ name: 'X.class', data: 'x', comment: 'inner', mode: 0o100755, extra: Buffer.from([0xfe, 0xca, 0, 0]) }], { comment: 'jar' }),
          comment: 'outer',
          mode: 0o100600,
          extra: Buffer.from([0x75, 0x78, 1, 0, 9])
        }
      ],
      { comment: 'built by CI' }
    )
    const a = await inspect(write(plain), 'p.zip')
    const b = await inspect(write(decorated), 'd.zip')
    expect(a.contentSha256).toBe(b.contentSha256)
    expect(a.sha256).not.toBe(b.sha256)
  })

  it('changes when code in the inner jar changes', async () => {
    const v1 = await inspect(write(makeConnectorZip({ jarFiles: { 'com/acme/sample/Op.class': 'op v1' } })), 'v1.zip')
    const v2 = await inspect(write(makeConnectorZip({ jarFiles: { 'com/acme/sample/Op.class': 'op v2' } })), 'v2.zip')
    expect(v1.contentSha256).not.toBe(v2.contentSha256)
  })

  it('matches the definition computed independently of any zip reading', async () => {
    const manifest = 'Manifest-Version: 1.0\r\n\r\n'
    const inner: Tree = { 'META-INF/': '', 'META-INF/MANIFEST.MF': manifest, 'b/B.class': 'bee', 'a/Ä.class': Buffer.from([0, 1, 2]) }
    const jar = makeZip(
      Object.entries(inner).map(([name, data]) => ({ name, data: data as string | Buffer, method: name.endsWith('/') ? 'stored' : 'deflate' }))
    )
    const outer = makeZip([
      { name: 'lib/connector.jar', data: jar },
      { name: 'Z-last.txt', data: 'z', method: 'stored' },
      { name: 'META-INF/connector-config.xml', data: '<GenericConnector/>' },
      { name: 'lib/', data: '' }
    ])
    const facts = await inspect(write(outer), 'o.zip')
    expect(facts.contentSha256).toBe(
      specDigest({ 'lib/connector.jar': { zip: inner }, 'Z-last.txt': 'z', 'META-INF/connector-config.xml': '<GenericConnector/>', 'lib/': '' })
    )
    expect(facts.sha256).toBe(sha(outer))
    expect(facts.entries).toBe(3)
  })

  it('digests a .jar that is not a zip as its bytes, with a warning', async () => {
    const facts = await inspect(write(makeZip([{ name: 'lib/broken.JAR', data: 'not a zip at all' }])), 'n.zip')
    expect(facts.contentSha256).toBe(specDigest({ 'lib/broken.JAR': 'not a zip at all' }))
    expect(facts.layoutWarnings.join('\n')).toContain('lib/broken.JAR is named like a zip but does not read as one')
  })

  it('digests a nested jar with a corrupt entry as its bytes, with a warning', async () => {
    const jar = makeZip([{ name: 'X.class', data: 'x', method: 'stored', declaredCrc: 1234 }])
    const facts = await inspect(write(makeZip([{ name: 'lib/x.jar', data: jar }])), 'c.zip')
    expect(facts.contentSha256).toBe(specDigest({ 'lib/x.jar': jar }))
    expect(facts.layoutWarnings.join('\n')).toContain('lib/x.jar!/X.class fails its CRC check')
  })

  it('reads nested zips two levels deep and digests the third level as bytes', async () => {
    const level3 = makeZip([{ name: 'deep.txt', data: 'deep' }])
    const level2: Tree = { 'c.car': level3, 'two.txt': '2' }
    const level1: Tree = { 'b.zip': { zip: level2 }, 'one.txt': '1' }
    const b = makeZip([
      { name: 'c.car', data: level3 },
      { name: 'two.txt', data: '2' }
    ])
    const a = makeZip([
      { name: 'b.zip', data: b },
      { name: 'one.txt', data: '1' }
    ])
    const facts = await inspect(write(makeZip([{ name: 'lib/a.jar', data: a }])), 'deep.zip')
    expect(facts.contentSha256).toBe(specDigest({ 'lib/a.jar': { zip: level1 } }))
    expect(facts.layoutWarnings.join('\n')).not.toContain('does not read')
  })

  it('digests many nested jars of mixed sizes and methods, read ahead into reused buffers', async () => {
    // Sizes go down and up so that a reused buffer is larger than the jar it holds;
    // a stored jar's stored class is a view into that buffer.
    const trees = [6000, 300, 9000, 1200, 50, 7000].map((n, i) => ({ [`p${i}/C.class`]: randomBytes(n), [`p${i}/R.txt`]: 'x'.repeat(n) }))
    const jars = trees.map(t => makeZip(Object.entries(t).map(([name, data]) => ({ name, data, method: 'stored' as const }))))
    const outer = makeZip(jars.map((data, i) => ({ name: `lib/d${i}.jar`, data, method: i % 2 ? 'deflate' : 'stored' })))
    const facts = await inspect(write(outer), 'many.zip')
    expect(facts.contentSha256).toBe(specDigest(Object.fromEntries(trees.map((t, i) => [`lib/d${i}.jar`, { zip: t }]))))
    expect(facts.layoutWarnings.join('\n')).not.toContain('does not read')
  })

  it('digests a nested jar larger than the buffer bound as its bytes', async () => {
    const jar = makeZip([{ name: 'Big.class', data: randomBytes(4096), method: 'stored' }])
    const limits = { ...ZIP_LIMITS, maxNestedBufferBytes: 1024 }
    const facts = await inspect(write(makeZip([{ name: 'lib/big.jar', data: jar }])), 'big.zip', limits)
    expect(facts.contentSha256).toBe(specDigest({ 'lib/big.jar': jar }))
  })
})

describe('names as stored', () => {
  /** An Info-ZIP Unicode Path extra field (0x7075) whose CRC matches `raw`, naming `unicode` instead. */
  function unicodePath(raw: string, unicode: string): Buffer {
    const name = Buffer.from(unicode, 'utf8')
    const field = Buffer.alloc(4 + 5 + name.length)
    field.writeUInt16LE(0x7075, 0)
    field.writeUInt16LE(5 + name.length, 2)
    field.writeUInt8(1, 4)
    field.writeUInt32LE(crc32(Buffer.from(raw, 'utf8')), 5)
    name.copy(field, 9)
    return field
  }
  const jar = makeZip([{ name: 'a/A.class', data: 'class bytes' }])

  it('a backslash is part of the name: another digest than the slash, and a warning', async () => {
    const slash = await inspect(write(makeZip([{ name: 'lib/x.jar', data: jar }])), 'slash.zip')
    const backslash = await inspect(write(makeZip([{ name: 'lib\\x.jar', data: jar }])), 'backslash.zip')
    expect(backslash.contentSha256).not.toBe(slash.contentSha256)
    expect(backslash.contentSha256).toBe(specDigest({ 'lib\\x.jar': { zip: { 'a/A.class': 'class bytes' } } }))
    expect(backslash.layoutWarnings).toContainEqual(expect.stringContaining('lib\\x.jar has a backslash in its name; Java does not read \\ as a separator'))
    expect(slash.layoutWarnings.join('\n')).not.toContain('backslash')
  })

  it('a backslash inside a nested jar is warned about with its place', async () => {
    const inner = makeZip([{ name: 'com\\acme\\A.class', data: 'a' }])
    const facts = await inspect(write(makeZip([{ name: 'lib/c.jar', data: inner }])), 'nested-backslash.zip')
    expect(facts.layoutWarnings).toContainEqual(expect.stringContaining('lib/c.jar!/com\\acme\\A.class has a backslash'))
  })

  it('a Unicode-path extra field naming another file changes nothing: the stored name counts', async () => {
    const plain = await inspect(write(makeZip([{ name: 'lib/a.jar', data: jar }])), 'plain.zip')
    const other = await inspect(write(makeZip([{ name: 'lib/b.jar', data: jar }])), 'other.zip')
    const renamed = await inspect(write(makeZip([{ name: 'lib/a.jar', data: jar, extra: unicodePath('lib/a.jar', 'lib/b.jar') }])), 'renamed.zip')
    expect(renamed.contentSha256).toBe(plain.contentSha256)
    expect(renamed.contentSha256).not.toBe(other.contentSha256)
  })

  it('the UTF-8 flag decodes nothing: bytes that decode alike differ, the same bytes agree', async () => {
    // 0x8E is 'Ä' in CP437, the code page of unflagged names; C3 84 is 'Ä' in UTF-8.
    const cp437 = { name: 'lib/A.class', rawName: Buffer.from([0x6c, 0x69, 0x62, 0x2f, 0x8e]), data: 'x', flags: 0 }
    const utf8 = { name: 'lib/Ä', data: 'x' }
    const a = await inspect(write(makeZip([cp437])), 'cp437.zip')
    const b = await inspect(write(makeZip([utf8])), 'utf8.zip')
    const c = await inspect(write(makeZip([{ ...utf8, flags: 0 }])), 'utf8-unflagged.zip')
    expect(a.contentSha256).not.toBe(b.contentSha256)
    expect(c.contentSha256).toBe(b.contentSha256)
    expect(b.contentSha256).toBe(specDigest({ 'lib/Ä': 'x' }))
  })

  it('shows a name that is not UTF-8 with its bytes escaped', async () => {
    const facts = await inspect(write(makeZip([{ name: 'lib/x.jar', rawName: Buffer.from('lib/\xff\\.jar', 'latin1'), data: 'not a zip' }])), 'latin.zip')
    expect(facts.layoutWarnings).toContainEqual(expect.stringContaining('lib/\\xff\\.jar is named like a zip but does not read as one'))
  })

  it.each([
    ['an absolute path', '/etc/passwd', 'has an absolute path as its name'],
    ['a drive letter', 'C:\\evil.class', 'has an absolute path as its name'],
    ["a '..' segment", 'lib/../../evil.jar', "has a '..' segment in its name"],
    ["a '..' segment after a backslash", 'lib\\..\\evil.jar', "has a '..' segment in its name"],
    ['a NUL byte', 'lib/a\u0000.jar', 'has a control character in its name']
  ])('refuses %s in an entry name', async (_, name, problem) => {
    const err = await refusal(write(makeZip([{ name, data: 'x' }])), 'names.zip')
    expect(err.message).toContain(problem)
    expect(err.message).not.toContain(String.fromCharCode(0))
  })
})

describe('a checked archive', () => {
  const good = makeConnectorZip({ method: 'stored' })

  it('refuses a truncated zip', async () => {
    const err = await refusal(write(good.subarray(0, good.length - 30)), 'build/t.car.zip')
    expect(err.message).toContain('is not a readable zip: its central directory cannot be read')
  })

  it('refuses a zip cut inside its entries, the central directory kept', async () => {
    // The end of the file is intact, so the directory reads; an entry's bytes point past what is left.
    const cut = Buffer.concat([good.subarray(0, 200), good.subarray(good.length - 400)])
    const err = await refusal(write(cut), 'cut.zip')
    expect(err.message).toMatch(/is not a readable zip: (entry \S+|its central directory)/)
  })

  it('refuses an entry whose bytes fail their CRC, naming the entry', async () => {
    const zip = makeZip([
      { name: 'META-INF/connector-config.xml', data: '<GenericConnector/>', method: 'stored' },
      { name: 'lib/x.jar', data: 'jar bytes, stored', method: 'stored' }
    ])
    const at = zip.indexOf('jar bytes, stored')
    zip[at + 3] ^= 0x20
    const err = await refusal(write(zip), 'crc.zip')
    expect(err.message).toContain('is not a readable zip: entry lib/x.jar fails its CRC check. Rebuild the archive')
  })

  it('of two broken jars held ahead, names the first, however fast each inflates', async () => {
    // Noise does not compress: each jar is some 100 kB deflated, so both go to zlib's threads.
    const noise = (seed: string): Buffer => Buffer.concat(Array.from({ length: 3200 }, (_, i) => createHash('sha256').update(`${seed}${i}`).digest()))
    const zip = makeZip([
      { name: 'META-INF/connector-config.xml', data: '<GenericConnector/>', method: 'stored' },
      { name: 'lib/a.jar', data: noise('a'), method: 'deflate', declaredCrc: 1 },
      { name: 'lib/b.jar', data: noise('b'), method: 'deflate', declaredCrc: 2 },
      { name: 'lib/c.jar', data: 'stored after them', method: 'stored' }
    ])
    for (let i = 0; i < 5; i++) {
      const err = await refusal(write(zip), 'two.zip')
      expect(err.message).toContain('is not a readable zip: entry lib/a.jar fails its CRC check')
    }
  })

  it('refuses a tiny jar that inflates past its declared size and breaks after it, alike on every path', async () => {
    // Under zlib's 64-byte smallest output piece its threads would read on to the break; such a jar inflates here.
    const compressed = Buffer.concat([deflateRawSync(Buffer.from('x'.repeat(40)), { finishFlush: constants.Z_SYNC_FLUSH }), Buffer.from([0xff, 0xff])])
    const zip = makeZip([
      { name: 'META-INF/connector-config.xml', data: '<GenericConnector/>', method: 'stored' },
      { name: 'lib/t.jar', data: '', method: 'deflate', compressed, declaredSize: 10 }
    ])
    const err = await refusal(write(zip), 'tiny.zip')
    expect(err.message).toContain('is not a readable zip: entry lib/t.jar inflates past the 10 bytes it declares')
  })

  it('refuses a deflated entry that does not inflate', async () => {
    const zip = makeZip([{ name: 'lib/x.jar', data: 'hello hello hello hello', method: 'deflate' }])
    const start = 30 + 'lib/x.jar'.length
    zip[start] = 0xff // a reserved block type
    const err = await refusal(write(zip), 'inflate.zip')
    expect(err.message).toContain('entry lib/x.jar')
  })

  it('refuses a file that is not a zip', async () => {
    const err = await refusal(write(Buffer.from('PK but then just text, no central directory\n')), 'notes.zip')
    expect(err.message).toContain('central directory cannot be read')
  })

  it('refuses two entries with one name', async () => {
    const err = await refusal(
      write(
        makeZip([
          { name: 'lib/x.jar', data: 'one' },
          { name: 'lib/x.jar', data: 'two' }
        ])
      ),
      'dup.zip'
    )
    expect(err.message).toContain('entry lib/x.jar appears twice')
  })

  it('refuses entries whose bytes overlap (a zip read front to back cannot go back)', async () => {
    const zip = makeZip([
      { name: 'a.txt', data: 'same bytes', method: 'stored' },
      { name: 'b.txt', data: 'same bytes', method: 'stored' }
    ])
    const second = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 4)
    zip.writeUInt32LE(0, second + 42) // b.txt's local header is now a.txt's
    const err = await refusal(write(zip), 'overlap.zip')
    expect(err.message).toContain('entry b.txt overlaps the entry before it')
  })

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'fifo.car.zip')
    execFileSync('mkfifo', [fifo])
    const started = performance.now()
    const err = await refusal(fifo, 'fifo.car.zip')
    expect(performance.now() - started).toBeLessThan(5000)
    expect(err.message).toContain('archive fifo.car.zip cannot be read (it is not a regular file)')
  })

  it('refuses an entry name with a control character', async () => {
    const err = await refusal(write(makeZip([{ name: 'lib/a\tb.jar', data: 'x' }])), 'ctl.zip')
    expect(err.message).toContain('control character')
  })
})

describe('hostile archives', () => {
  /** `mib` MiB of zeros as one raw deflate stream, built from one deflated MiB repeated (about 1 KiB each). */
  function zeroBomb(mib: number): { compressed: Buffer; crc: number; size: number } {
    const zeros = Buffer.alloc(1024 * 1024)
    const block = deflateRawSync(zeros, { finishFlush: constants.Z_SYNC_FLUSH })
    let crc = 0
    for (let i = 0; i < mib; i++) crc = crc32(zeros, crc)
    const compressed = Buffer.concat([...Array<Buffer>(mib).fill(block), deflateRawSync(Buffer.alloc(0))])
    return { compressed, crc, size: mib * 1024 * 1024 }
  }

  it('refuses a zip bomb by its declared sizes, naming the limit', async () => {
    const bomb = zeroBomb(1100)
    const entries = [1, 2, 3, 4].map(i => ({ name: `b${i}.bin`, data: '', compressed: bomb.compressed, declaredSize: bomb.size, declaredCrc: bomb.crc }))
    const zip = makeZip(entries)
    expect(zip.length).toBeLessThan(8 * 1024 * 1024)
    const err = await refusal(write(zip), 'bomb.zip')
    expect(err.message).toContain('refused as a possible zip bomb')
    expect(err.message).toContain('limit of 4 GiB')
    expect(err.message).toContain('declared')
  })

  it('refuses an entry that inflates past its declared size', async () => {
    const bomb = zeroBomb(8)
    const zip = makeZip([{ name: 'small.txt', data: '', compressed: bomb.compressed, declaredSize: 1000, declaredCrc: bomb.crc }])
    const err = await refusal(write(zip), 'liar.zip')
    expect(err.message).toContain('is not a readable zip: entry small.txt inflates past the 1000 bytes it declares')
  })

  it('stops a large entry that inflates past its declared size', async () => {
    const data = randomBytes(2 * 1024 * 1024)
    const zip = makeZip([{ name: 'lib/large.jar', data: '', compressed: deflateRawSync(data), declaredSize: 1024 * 1024, declaredCrc: crc32(data) }])
    const err = await refusal(write(zip), 'large-liar.zip')
    expect(err.message).toContain('entry lib/large.jar inflates past the 1048576 bytes it declares')
  })

  it('counts nested inflation against the same limit', async () => {
    const jar = makeZip([{ name: 'X.class', data: Buffer.alloc(3000), method: 'deflate' }])
    const limits = { ...ZIP_LIMITS, maxInflatedBytes: 2000 + jar.length }
    const err = await refusal(write(makeZip([{ name: 'lib/x.jar', data: jar, method: 'stored' }])), 'nest.zip', limits)
    expect(err.message).toContain('lib/x.jar would inflate to more than the limit')
  })

  // The classic end record counts at most 65,535 entries, the default bound itself; going past it
  // takes zip64, which this writer does not make. The bounds are the same code at any value.
  it('refuses more entries in one zip than the limit, before reading them', async () => {
    const zip = makeZip(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}`, data: '', method: 'stored' as const })))
    const err = await refusal(write(zip), 'many.zip', { ...ZIP_LIMITS, maxEntriesPerZip: 1000 })
    expect(err.message).toContain('the archive holds 1,001 entries, more than the limit of 1,000 per zip')
  })

  it('refuses more entries in all than the limit, nested jars counted', async () => {
    const jar = makeZip(Array.from({ length: 600 }, (_, i) => ({ name: `C${i}.class`, data: '', method: 'stored' as const })))
    const zip = makeZip(['a', 'b'].map(n => ({ name: `lib/${n}.jar`, data: jar })))
    const err = await refusal(write(zip), 'nested-many.zip', { ...ZIP_LIMITS, maxEntriesTotal: 1000 })
    expect(err.message).toContain('more than 1,000 entries in all, nested archives counted (the limit), at lib/b.jar')
  })
})

describe('layout', () => {
  it('reads the connector class and SDK version without warnings from a well-formed archive', async () => {
    const facts = await inspect(write(makeConnectorZip({ className: 'com.acme.Conn', sdk: '2.3.0' })), 'ok.zip')
    expect(facts.connector).toEqual({ className: 'com.acme.Conn', sdkApiVersion: '2.3.0' })
    expect(facts.layoutWarnings).toEqual([])
    expect(facts.entries).toBe(4)
  })

  it('warns, never refuses, when the config, the descriptor and lib/*.jar are missing', async () => {
    const facts = await inspect(write(makeZip([{ name: 'README.txt', data: 'hi' }])), 'bare.zip')
    expect(facts.connector).toEqual({})
    expect(facts.layoutWarnings).toEqual([
      expect.stringContaining('no META-INF/connector-config.xml'),
      expect.stringContaining('no META-INF/connector-descriptor.xml'),
      expect.stringContaining('no lib/*.jar')
    ])
  })

  it('warns when only the descriptor is missing', async () => {
    const config = '<GenericConnector sdkApiVersion="2"><connectorClassName>a.B</connectorClassName></GenericConnector>'
    const zip = makeZip([
      { name: 'META-INF/connector-config.xml', data: config },
      { name: 'lib/c.jar', data: makeZip([{ name: 'a/B.class', data: 'b' }]) }
    ])
    const facts = await inspect(write(zip), 'nodesc.zip')
    expect(facts.layoutWarnings).toEqual([expect.stringMatching(/^The archive has no META-INF\/connector-descriptor.xml; /)])
  })

  it('warns about another root, a missing class and a missing SDK version', async () => {
    const zip = makeZip([
      { name: 'META-INF/connector-config.xml', data: '<Connector version="1"><name>x</name></Connector>' },
      { name: 'META-INF/connector-descriptor.xml', data: '<GenericConnectorDescriptor/>' },
      { name: 'lib/c.jar', data: makeZip([{ name: 'C.class', data: 'c' }]) }
    ])
    const facts = await inspect(write(zip), 'odd.zip')
    expect(facts.layoutWarnings).toEqual([
      expect.stringContaining('root element is <Connector>, not <GenericConnector>'),
      expect.stringContaining('no sdkApiVersion attribute'),
      expect.stringContaining('no connectorClassName element')
    ])
  })

  it('does not read a config larger than its bound', async () => {
    const zip = makeZip([
      { name: 'META-INF/connector-config.xml', data: `<GenericConnector sdkApiVersion="2"><connectorClassName>a.B</connectorClassName></GenericConnector>` },
      { name: 'lib/c.jar', data: 'x' }
    ])
    const facts = await inspect(write(zip), 'cfg.zip', { ...ZIP_LIMITS, maxConfigBytes: 10 })
    expect(facts.connector).toEqual({})
    expect(facts.layoutWarnings[0]).toContain('larger than 10 bytes')
  })

  it('reads a config of thousands of unterminated comments at once, not in time that grows with their number times its size', async () => {
    // 64 Ki of '<!--' (256 KiB): a comment strip that backtracked took 5 to 18 s over it, each of the three reads, and
    // so ran past this test's 5 s timeout (the suite's is 30 s); a linear one takes milliseconds.
    const config = `<GenericConnector sdkApiVersion="2"><connectorClassName>a.B</connectorClassName>${'<!--'.repeat(64 * 1024)}</GenericConnector>`
    const facts = await inspect(write(makeZip([{ name: 'META-INF/connector-config.xml', data: config }])), 'comments.zip')
    expect(facts.connector).toEqual({ className: 'a.B', sdkApiVersion: '2' })
  }, 5000)

  it.each([
    [
      'comments, a declaration and entities',
      '\uFEFF<?xml version="1.0"?>\n<!-- c --><GenericConnector sdkApiVersion=\'1.0&#46;2\'>\n<!-- <connectorClassName>no.Pe</connectorClassName> -->\n<connectorClassName> com.acme.&#x41;bc </connectorClassName></GenericConnector>',
      { className: 'com.acme.Abc', sdkApiVersion: '1.0.2' },
      0
    ],
    [
      'a namespace prefix',
      '<g:GenericConnector xmlns:g="urn:x" sdkApiVersion="2"><g:connectorClassName>a.B</g:connectorClassName></g:GenericConnector>',
      { className: 'a.B', sdkApiVersion: '2' },
      0
    ],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e "a.B">]><GenericConnector sdkApiVersion="2"><connectorClassName>&e;</connectorClassName></GenericConnector>', {}, 1],
    [
      'a class name that is not one',
      '<GenericConnector sdkApiVersion="2"><connectorClassName>::error::hi</connectorClassName></GenericConnector>',
      { sdkApiVersion: '2' },
      1
    ],
    ['no element at all', 'just text', {}, 1],
    // As in the prolog, a comment that never ends runs to the end of the text.
    ['an unterminated comment', '<GenericConnector sdkApiVersion="2"><!-- <connectorClassName>no.Pe</connectorClassName>', { sdkApiVersion: '2' }, 1]
  ])('reads connector-config.xml with %s', (_, xml, connector, warnings) => {
    const read = readConnectorConfig(Buffer.from(xml, 'utf8'))
    expect(read.connector).toEqual(connector)
    expect(read.warnings).toHaveLength(warnings)
  })
})

describe('the sha256 from the same read', () => {
  it('agrees with createHash over an archive of several read chunks, bytes before, between and after the entries counted', async () => {
    const payload = randomBytes(5 * 1024 * 1024 + 3)
    const zip = makeZip(
      [
        { name: 'lib/big.jar', data: payload, method: 'stored' },
        { name: 'lib/c.jar', data: makeZip([{ name: 'C.class', data: 'c' }]) }
      ],
      { prefix: Buffer.from('a stub before the zip'), comment: 'and a comment after it' }
    )
    const facts = await inspect(write(zip), 'large.zip')
    expect(facts.sha256).toBe(sha(zip))
    expect(facts.contentSha256).toBe(specDigest({ 'lib/big.jar': payload, 'lib/c.jar': { zip: { 'C.class': 'c' } } }))
  })

  it('a worker reading the same descriptor beside the walk gives the same sums, and the upload gets the CRC-32', async () => {
    const payload = randomBytes(5 * 1024 * 1024 + 3)
    const zip = makeZip([
      { name: 'lib/big.jar', data: payload, method: 'stored' },
      { name: 'lib/c.jar', data: makeZip([{ name: 'C.class', data: 'c' }]) }
    ])
    const file = write(zip)
    const here = await inspectArchive(file, 'here.zip')
    const beside = await inspectArchive(file, 'beside.zip', { workerMinBytes: 0 })
    await here.file.close()
    await beside.file.close()
    expect(beside.sha256).toBe(sha(zip))
    expect(here.sha256).toBe(sha(zip))
    expect(beside.file.laneSum).toBe(laneSumOf(zip))
    expect(here.file.laneSum).toBe(laneSumOf(zip))
    expect(beside.contentSha256).toBe(here.contentSha256)
  })

  it("the stored entries' CRC-32s are worked out from the file's, and the file's lane sum is the one of its bytes, on either thread", async () => {
    // Stored entries large and small, a stored jar that is a zip and one past the nested budget, deflated
    // ones between them, bytes before the zip and a comment after: every range the pass takes or skips.
    const manual = randomBytes(3 * 1024 * 1024 + 11) // spans two 2 MiB reads
    const aClass = randomBytes(200 * 1024)
    const jar = makeZip([{ name: 'A.class', data: aClass, method: 'stored' }])
    const big = randomBytes(300 * 1024)
    const tail = randomBytes(70 * 1024)
    const zip = makeZip(
      [
        { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' },
        { name: 'docs/manual.bin', data: manual, method: 'stored' },
        { name: 'small.txt', data: 'stored, under the joining size', method: 'stored' },
        { name: 'lib/a.jar', data: jar, method: 'stored' },
        { name: 'lib/b.jar', data: makeZip([{ name: 'B.class', data: 'b' }]) },
        { name: 'lib/big.jar', data: big, method: 'stored' },
        { name: 'z.bin', data: tail, method: 'stored' }
      ],
      { prefix: randomBytes(1000), comment: 'a comment after it' }
    )
    const file = write(zip)
    // The nested budget keeps big.jar out of memory: it is summed as it passes, like manual.bin.
    const limits = { ...ZIP_LIMITS, maxNestedBufferBytes: 250 * 1024 }
    for (const workerFrom of [Infinity, 0]) {
      const facts = await inspectArchive(file, 'joined.zip', { limits, workerMinBytes: workerFrom })
      await facts.file.close()
      expect(facts.file.laneSum).toBe(laneSumOf(zip))
      expect(facts.sha256).toBe(sha(zip))
      expect(facts.contentSha256).toBe(
        specDigest({
          'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\n',
          'docs/manual.bin': manual,
          'small.txt': 'stored, under the joining size',
          'lib/a.jar': { zip: { 'A.class': aClass } },
          'lib/b.jar': { zip: { 'B.class': 'b' } },
          'lib/big.jar': big,
          'z.bin': tail
        })
      )
    }
  })
})
