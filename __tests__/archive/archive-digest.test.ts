// The content digest's checks on hostile and unusual archives, through inspectArchive:
// what a nested jar may hold (it is read only here, so every check on it is digest.ts's
// own), what the central directory may say about the entries (order, overlaps, methods,
// encryption, sizes past the end), and the bounds at their exact edges.
// docs/behaviour.md, "Validation" and "Identity".
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import { AHEAD_BYTES, digestArchive, newWalkState } from '../../src/archive/digest.js'
import { FilePass, ownReadsBytes } from '../../src/archive/file-pass.js'
import { LaneSum } from '../../src/lane-sum.js'
import { ZIP_LIMITS, type ZipLimits } from '../../src/archive/limits.js'
import type { ArchiveFile } from '../../src/archive/open.js'
import { type InspectOptions, inspectArchive } from '../../src/archive/zip.js'
import { InputError } from '../../src/errors.js'
import { type ZipEntry, makeZip } from '../helpers/zip.js'

let dir: string
let count = 0
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'archive-digest-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** The content digest by its definition (name TAB digest, sorted by the name's bytes); a { zip } is `zip:` and its own digest. */
type Tree = Record<string, string | Buffer | { zip: Tree }>
function digestOf(tree: Tree): string {
  const lines = Object.entries(tree)
    .map(([name, v]) => ({ name: Buffer.from(name, 'utf8'), digest: typeof v === 'object' && 'zip' in v ? `zip:${digestOf(v.zip)}` : sha(v) }))
    .sort((a, b) => Buffer.compare(a.name, b.name))
  return sha(lines.map(l => `${l.name.toString('utf8')}\t${l.digest}\n`).join(''))
}

interface Read {
  digest: string
  warnings: string[]
  connector: object
}

/**
 * What inspectArchive makes of `zip`: its digest and warnings, or the refusal's
 * message. The same whether the archive's jars inflate ahead of the walk or each in
 * turn as it is read, and whether a jar ahead inflates here or on zlib's threads
 * whatever its size: every case here checks that too.
 */
async function read(zip: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<Read | string> {
  const file = path.join(dir, `z${++count}.zip`)
  writeFileSync(file, zip)
  const ahead = await readWith(file, { limits })
  expect(await readWith(file, { limits, aheadBytes: 0 })).toEqual(ahead)
  expect(await readWith(file, { limits, asyncMinBytes: 0 })).toEqual(ahead)
  return ahead
}

async function readWith(file: string, options: InspectOptions): Promise<Read | string> {
  try {
    const facts = await inspectArchive(file, 'a.zip', options)
    await facts.file.close()
    return { digest: facts.contentSha256, warnings: facts.layoutWarnings, connector: facts.connector }
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as Error).message
  }
}

async function digest(zip: Buffer, limits?: ZipLimits): Promise<string> {
  const r = await read(zip, limits)
  if (typeof r === 'string') throw new Error(`refused: ${r}`)
  return r.digest
}

async function refusal(zip: Buffer, limits?: ZipLimits): Promise<string> {
  const r = await read(zip, limits)
  if (typeof r !== 'string') throw new Error('read, not refused')
  return r
}

// Central directory record fields (the local headers keep what makeZip wrote).
const FLAGS = 8
const METHOD = 10
const OFFSET = 42

/** `zip` (from makeZip, no comment) with its central directory's records edited, reordered or added to. */
function editCentral(zip: Buffer, edit: (records: Buffer[]) => Buffer[]): Buffer {
  const endAt = zip.length - 22
  const size = zip.readUInt32LE(endAt + 12)
  const at = zip.readUInt32LE(endAt + 16)
  const records: Buffer[] = []
  for (let p = at; p < at + size;) {
    const length = 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32)
    records.push(Buffer.from(zip.subarray(p, p + length)))
    p += length
  }
  const edited = edit(records)
  const cd = Buffer.concat(edited)
  const end = Buffer.from(zip.subarray(endAt))
  end.writeUInt16LE(edited.length, 8)
  end.writeUInt16LE(edited.length, 10)
  end.writeUInt32LE(cd.length, 12)
  return Buffer.concat([zip.subarray(0, at), cd, end])
}

const directorySize = (zip: Buffer): number => zip.readUInt32LE(zip.length - 22 + 12)

/**
 * A zip of one stored entry whose local header and bytes sit at the very end of the
 * file, in the end record's comment; it declares `declared` bytes, and its CRC-32 is
 * that of the bytes actually there.
 */
function tailZip(name: string, data: string, declared: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8')
  const body = Buffer.from(data, 'utf8')
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt32LE(crc32(body), 16)
  central.writeUInt32LE(declared, 20)
  central.writeUInt32LE(declared, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  central.writeUInt32LE(46 + nameBytes.length + 22, OFFSET)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(nameBytes.length, 26)
  const comment = Buffer.concat([local, nameBytes, body])
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(46 + nameBytes.length, 12)
  end.writeUInt16LE(comment.length, 20)
  return Buffer.concat([central, nameBytes, end, comment])
}

const MiB = 1024 * 1024

describe('entries the archive itself holds', () => {
  it('refuses an encrypted entry and one of an unsupported method, even when its bytes would read', async () => {
    const encrypted = editCentral(makeZip([{ name: 'secret.txt', data: 'plain after all', method: 'stored' }]), ([r]) => {
      r.writeUInt16LE(r.readUInt16LE(FLAGS) | 0x1, FLAGS)
      return [r]
    })
    expect(await refusal(encrypted)).toContain('is not a readable zip: entry secret.txt is encrypted')
    // Method 9 (deflate64) over bytes that happen to be plain deflate.
    const deflate64 = editCentral(makeZip([{ name: 'data.bin', data: 'deflated bytes', method: 'deflate' }]), ([r]) => {
      r.writeUInt16LE(9, METHOD)
      return [r]
    })
    expect(await refusal(deflate64)).toContain('is not a readable zip: entry data.bin uses compression method 9')
  })

  it('refuses a plain entry whose bytes fail their CRC, stored or deflated', async () => {
    for (const method of ['stored', 'deflate'] as const) {
      const zip = makeZip([
        { name: 'README.txt', data: 'read me', method, declaredCrc: crc32('read me') ^ 1 },
        { name: 'META-INF/connector-config.xml', data: '<GenericConnector/>' }
      ])
      expect(await refusal(zip)).toContain('entry README.txt fails its CRC check')
    }
  })

  it('walks the entries in file order whatever order the central directory lists them in', async () => {
    const tree = { 'b.txt': 'bee', 'a.txt': 'a', 'c/C.class': randomBytes(300) }
    const zip = makeZip(Object.entries(tree).map(([name, data]) => ({ name, data })))
    const reversed = editCentral(zip, records => records.reverse())
    expect(await digest(reversed)).toBe(digestOf(tree))
  })

  it('sorts the digest lines by name whatever order the entries lie in', async () => {
    const names = ['m', 'b/x', 'z', 'a', 'B', 'b', 'ab', 'y/1', 'c', 'A', 'aa', 'x']
    const tree = Object.fromEntries(names.map(n => [n, `data of ${n}`]))
    expect(await digest(makeZip(names.map(name => ({ name, data: tree[name] }))))).toBe(digestOf(tree))
  })

  it("reads an entry that ends at the file's last byte and refuses one that declares a byte more", async () => {
    expect(await digest(tailZip('tail.txt', 'the last bytes', 14))).toBe(digestOf({ 'tail.txt': 'the last bytes' }))
    // A bad zip, not an archive that changed under us.
    expect(await refusal(tailZip('tail.txt', 'the last bytes', 15))).toContain('is not a readable zip: entry tail.txt runs past the end of the file')
  })

  it('reads a deflated entry whose bytes straddle two reads of the file', async () => {
    // The file is read 2 MiB at a time; this entry's 300 kB of compressed bytes start 1000 bytes before the boundary.
    const filler = randomBytes(2 * MiB - 1000 - 30 - 'filler.bin'.length)
    const straddling = randomBytes(300_000)
    const zip = makeZip([
      { name: 'filler.bin', data: filler, method: 'stored' },
      { name: 'S.class', data: straddling, method: 'deflate' }
    ])
    expect(await digest(zip)).toBe(digestOf({ 'filler.bin': filler, 'S.class': straddling }))
  })

  it("refuses '..' as a whole name's first or last segment", async () => {
    expect(await refusal(makeZip([{ name: '../evil.class', data: 'x' }]))).toContain("entry ../evil.class has a '..' segment in its name")
    expect(await refusal(makeZip([{ name: 'lib/..', data: 'x' }]))).toContain("entry lib/.. has a '..' segment in its name")
    // '..' inside a segment is an ordinary name.
    expect(await digest(makeZip([{ name: 'lib/a..b/..c', data: 'x' }]))).toBe(digestOf({ 'lib/a..b/..c': 'x' }))
  })
})

/** `zip` (from makeZip, no comment) with its end record counting `count` entries, as a tool without zip64 writes 65,536 + `count`. */
function counted(zip: Buffer, count: number): Buffer {
  const out = Buffer.from(zip)
  out.writeUInt16LE(count, out.length - 22 + 8)
  out.writeUInt16LE(count, out.length - 22 + 10)
  return out
}

/**
 * [good entry][its directory][evil entry][its directory][end record]: the end record's
 * size is the second directory's, as Java, Python and unzip find it (end record less
 * size), but its offset names the first. The two names are as long, so are the directories.
 */
function decoy(good: string, evil: string): Buffer {
  const first = makeZip([{ name: 'Main.class', data: good }])
  const head = first.subarray(0, first.length - 22)
  const zip = makeZip([{ name: 'Main.class', data: evil }], { prefix: head })
  zip.writeUInt32LE(first.readUInt32LE(first.length - 22 + 16), zip.length - 22 + 16)
  return zip
}

/** `zip` (from makeZip, no comment) as a zip64 tool writes it: a zip64 end record and its locator before the end record, which defers to them. */
/** `zip` with a zip64 end record and locator added; `saturate`: the classic fields then say 0xFFFF… (else they keep their values, as some writers leave them). */
function asZip64(zip: Buffer, saturate = true): Buffer {
  const endAt = zip.length - 22
  const count = zip.readUInt16LE(endAt + 10)
  const size = zip.readUInt32LE(endAt + 12)
  const offset = zip.readUInt32LE(endAt + 16)
  const record = Buffer.alloc(56)
  record.writeUInt32LE(0x06064b50, 0)
  record.writeBigUInt64LE(44n, 4)
  record.writeUInt16LE(45, 12)
  record.writeUInt16LE(45, 14)
  record.writeBigUInt64LE(BigInt(count), 24)
  record.writeBigUInt64LE(BigInt(count), 32)
  record.writeBigUInt64LE(BigInt(size), 40)
  record.writeBigUInt64LE(BigInt(offset), 48)
  const locator = Buffer.alloc(20)
  locator.writeUInt32LE(0x07064b50, 0)
  locator.writeBigUInt64LE(BigInt(endAt), 8)
  locator.writeUInt32LE(1, 16)
  const end = Buffer.from(zip.subarray(endAt))
  if (saturate) {
    end.writeUInt16LE(0xffff, 8)
    end.writeUInt16LE(0xffff, 10)
    end.writeUInt32LE(0xffffffff, 12)
    end.writeUInt32LE(0xffffffff, 16)
  }
  return Buffer.concat([zip.subarray(0, endAt), record, locator, end])
}

describe('the central directory and its end record', () => {
  const tree = { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' }
  const zip = makeZip(Object.entries(tree).map(([name, data]) => ({ name, data })))

  it('refuses a directory holding more entries than its end record counts (a count past 65,535 wrapped), and digests such a jar as bytes', async () => {
    expect(await digest(zip)).toBe(digestOf(tree))
    const wrapped = counted(zip, 2)
    expect(await refusal(wrapped)).toContain(
      `is not a readable zip: its central directory cannot be read (its end record counts 2 entries, but they fill only ${directorySize(zip) - 51} of the directory's ${directorySize(zip)} bytes`
    )
    const r = await read(makeZip([{ name: 'lib/w.jar', data: wrapped }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/w.jar': wrapped }) })
    expect((r as Read).warnings.join('\n')).toContain("lib/w.jar's central directory cannot be read (its end record counts 2 entries")
  })

  it('refuses a directory that does not end where its end record begins: tools that find it from the end would read another', async () => {
    const zip = decoy('good', 'evil')
    const firstEnd = zip.readUInt32LE(zip.length - 22 + 16) + directorySize(zip)
    expect(await refusal(zip)).toContain(
      `is not a readable zip: its central directory cannot be read (it ends at byte ${firstEnd}, ${zip.length - 22 - firstEnd} bytes before its end record`
    )
    expect(await refusal(zip)).toContain('bytes were added before the zip (as in a self-extracting archive) or it holds a second directory')
    const r = await read(makeZip([{ name: 'lib/d.jar', data: zip }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/d.jar': zip }) })
    expect((r as Read).warnings.join('\n')).toContain("lib/d.jar's central directory cannot be read (it ends at byte")
  })

  it('refuses a zip with bytes before it and its offsets left as they were (a self-extracting stub), saying so', async () => {
    const prefixed = Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), zip])
    expect(await refusal(prefixed)).toContain(
      `it ends at byte ${zip.length - 22}, 17 bytes before its end record, where zip tools look for it: bytes were added before the zip (as in a self-extracting archive)`
    )
  })

  it('reads a zip64 directory, which ends where the zip64 end record begins, in the archive and in a jar', async () => {
    expect(await digest(asZip64(zip))).toBe(digestOf(tree))
    const r = await read(makeZip([{ name: 'lib/z.jar', data: asZip64(zip) }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/z.jar': { zip: tree } }) })
    expect((r as Read).warnings.join('\n')).not.toContain('lib/z.jar')
    // The directory read from the zip64 record must end at that record, not at the classic one.
    const gap = asZip64(Buffer.concat([zip.subarray(0, zip.length - 22), Buffer.alloc(8), zip.subarray(zip.length - 22)]))
    expect(await refusal(gap)).toContain('8 bytes before its zip64 end record')
  })

  it('reads a zip64 end record that agrees with real classic fields (Commons Compress, Zip64Mode.Always), and refuses one that disagrees', async () => {
    expect(await digest(asZip64(zip, false))).toBe(digestOf(tree))
    const disagreeing = asZip64(zip, false)
    // The zip64 record's entry count (at 32 from its start) says 4 where the classic field says 3.
    disagreeing.writeBigUInt64LE(4n, zip.length - 22 + 32)
    expect(await refusal(disagreeing)).toContain('bytes before its end record')
    const saturated = asZip64(zip)
    saturated.writeBigUInt64LE(4n, zip.length - 22 + 32)
    expect(await refusal(saturated)).toContain('its central directory ends after 3 of its 4 entries')
  })

  it('refuses an entry whose local header the directory places past the end of the file: a defect, not a file cut short while read', async () => {
    for (const at of [zip.length - 10, 1_000_000]) {
      const past = editCentral(zip, ([a, b, c]) => {
        b.writeUInt32LE(at, OFFSET)
        return [a, b, c]
      })
      expect(await refusal(past)).toContain(
        `is not a readable zip: the central directory places entry b.txt past the end of the file (its local header at byte ${at}, in a file of ${zip.length} bytes)`
      )
    }
  })
})

describe('a nested zip is told apart from bytes', () => {
  it("a plain file holding exactly a jar's digest lines does not give that jar's digest", async () => {
    const jar = makeZip([{ name: 'X.class', data: 'x' }])
    const real = makeZip([{ name: 'lib/a.jar', data: jar }])
    // The text a jar's own content digest is the sha256 of, stored where the jar was.
    const forged = makeZip([{ name: 'lib/a.jar', data: `X.class\t${sha('x')}\n` }])
    const [a, b] = [await digest(real), await digest(forged)]
    expect(a).not.toBe(b)
    expect(a).toBe(sha(`lib/a.jar\tzip:${sha(`X.class\t${sha('x')}\n`)}\n`))
    expect(b).toBe(sha(`lib/a.jar\t${sha(`X.class\t${sha('x')}\n`)}\n`))
  })
})

describe('directory entries', () => {
  it('reads one stored empty, or deflated to an empty stream as Java writes it, with no line in the digest, in the archive and in a jar', async () => {
    const jar = makeZip([
      { name: 'META-INF/', data: '', method: 'deflate' },
      { name: 'X.class', data: 'x' }
    ])
    // What Java's ZipOutputStream writes for a directory: the 2 bytes of an empty deflate stream, CRC-32 0.
    expect(deflateRawSync(Buffer.alloc(0))).toEqual(Buffer.from([0x03, 0x00]))
    const zip = makeZip([
      { name: 'lib/', data: '', method: 'stored' },
      { name: 'META-INF/', data: '', method: 'deflate' },
      { name: 'lib/x.jar', data: jar }
    ])
    expect(await digest(zip)).toBe(digestOf({ 'lib/x.jar': { zip: { 'X.class': 'x' } } }))
  })

  it('refuses one that declares data or fails its checks, in the archive, and digests such a jar as bytes', async () => {
    const bad: [ZipEntry, string][] = [
      [{ name: 'dir/', data: 'hidden', method: 'stored', declaredCrc: 1 }, 'entry dir/ is a directory (its name ends in /) but declares 6 bytes of data'],
      [
        { name: 'dir/', data: '', compressed: randomBytes(50), declaredSize: 1000 },
        'entry dir/ is a directory (its name ends in /) but declares 1,000 bytes of data'
      ],
      [{ name: 'dir/', data: '', method: 'stored', declaredCrc: 5 }, 'entry dir/ fails its CRC check'],
      [{ name: 'dir/', data: '', compressed: Buffer.from('garbage!') }, 'entry dir/ does not inflate']
    ]
    for (const [entry, problem] of bad) {
      const zip = makeZip([entry, { name: 'a.txt', data: 'a' }])
      expect(await refusal(zip)).toContain(`is not a readable zip: ${problem}`)
      const r = await read(makeZip([{ name: 'lib/d.jar', data: zip }]))
      expect(r).toMatchObject({ digest: digestOf({ 'lib/d.jar': zip }) })
      expect((r as Read).warnings.join('\n')).toContain(`lib/d.jar!/${problem.slice('entry '.length)}`)
    }
  })
})

describe('nested archives', () => {
  const jarOf = (tree: Record<string, string | Buffer>, method: 'stored' | 'deflate' = 'stored'): Buffer =>
    makeZip(Object.entries(tree).map(([name, data]) => ({ name, data, method })))

  it('reads as a zip only a name that ends in .jar, .zip or .car', async () => {
    const jar = jarOf({ 'X.class': 'x' })
    const zip = makeZip([
      { name: 'lib/a.jar.txt', data: jar },
      { name: 'lib/b.JAR', data: jar }
    ])
    const r = await read(zip)
    expect(r).toMatchObject({ digest: digestOf({ 'lib/a.jar.txt': jar, 'lib/b.JAR': { zip: { 'X.class': 'x' } } }) })
  })

  it("digests right a jar's stored jar followed by deflated ones: a stored jar is a view of its parent, never lent out again", async () => {
    // A tiny stored jar, then jars that inflate to far more than they store, then enough bytes for the parent to
    // have room: were the stored jar's place lent out, the next jar would inflate over its own compressed bytes.
    const inner = (n: number): Buffer => jarOf({ [`C${n}.class`]: Buffer.alloc(5000, `class ${n} `) })
    const tail = randomBytes(50_000)
    const parent = makeZip([
      { name: 'one.jar', data: jarOf({ 'C1.class': 'c' }), method: 'stored' },
      { name: 'two.jar', data: inner(2), method: 'deflate' },
      { name: 'three.jar', data: inner(3), method: 'deflate' },
      { name: 'Z.bin', data: tail, method: 'stored' }
    ])
    const tree = (n: number): { zip: Tree } => ({ zip: { [`C${n}.class`]: Buffer.alloc(5000, `class ${n} `) } })
    const r = await read(makeZip([{ name: 'lib/parent.jar', data: parent }]))
    expect(r).toMatchObject({
      digest: digestOf({ 'lib/parent.jar': { zip: { 'one.jar': { zip: { 'C1.class': 'c' } }, 'two.jar': tree(2), 'three.jar': tree(3), 'Z.bin': tail } } })
    })
    expect((r as Read).warnings.join('\n')).not.toContain('does not read as one')
  })

  it('digests a tiny stored .jar that is not a zip as its bytes', async () => {
    const r = await read(makeZip([{ name: 'lib/x.jar', data: 'not a zip', method: 'stored' }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/x.jar': 'not a zip' }) })
    expect((r as Read).warnings.join('\n')).toContain('lib/x.jar is named like a zip but does not read as one')
  })

  it('digests as bytes a jar with an encrypted entry or one of an unsupported method', async () => {
    const encrypted = editCentral(jarOf({ 'X.class': 'x' }), ([r]) => {
      r.writeUInt16LE(r.readUInt16LE(FLAGS) | 0x1, FLAGS)
      return [r]
    })
    const deflate64 = editCentral(jarOf({ 'X.class': 'x' }, 'deflate'), ([r]) => {
      r.writeUInt16LE(9, METHOD)
      return [r]
    })
    const r = await read(
      makeZip([
        { name: 'lib/e.jar', data: encrypted },
        { name: 'lib/m.jar', data: deflate64 }
      ])
    )
    expect(r).toMatchObject({ digest: digestOf({ 'lib/e.jar': encrypted, 'lib/m.jar': deflate64 }) })
    const warnings = (r as Read).warnings.join('\n')
    expect(warnings).toContain('lib/e.jar!/X.class is encrypted')
    expect(warnings).toContain('lib/m.jar!/X.class uses compression method 9')
  })

  it('digests as bytes a jar whose entries overlap', async () => {
    // Both names point at the first entry's header; each reads alone.
    const same = 'x'.repeat(100)
    const jar = editCentral(jarOf({ 'a.txt': same, 'b.txt': same }), ([a, b]) => {
      b.writeUInt32LE(a.readUInt32LE(OFFSET), OFFSET)
      return [a, b]
    })
    const r = await read(makeZip([{ name: 'lib/o.jar', data: jar }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/o.jar': jar }) })
    expect((r as Read).warnings.join('\n')).toContain('lib/o.jar!/b.txt overlaps the entry before it')
  })

  it('digests as bytes a jar whose entry runs past its end, even when the bytes there pass the CRC', async () => {
    const fits = tailZip('T.class', 'class bytes', 11)
    const past = tailZip('T.class', 'class bytes', 12)
    const r = await read(
      makeZip([
        { name: 'lib/fits.jar', data: fits },
        { name: 'lib/past.jar', data: past }
      ])
    )
    expect(r).toMatchObject({ digest: digestOf({ 'lib/fits.jar': { zip: { 'T.class': 'class bytes' } }, 'lib/past.jar': past }) })
  })

  it('digests as bytes a jar whose central directory does not parse', async () => {
    const jar = editCentral(jarOf({ 'X.class': 'x' }), ([r]) => {
      r.writeUInt32LE(0, 0)
      return [r]
    })
    const r = await read(makeZip([{ name: 'lib/d.jar', data: jar }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/d.jar': jar }) })
    expect((r as Read).warnings.join('\n')).toContain("lib/d.jar's central directory cannot be read")
  })

  it('names a warning two levels down by its whole path', async () => {
    const b = makeZip([{ name: 'x\\y.class', data: 'y' }])
    const a = makeZip([{ name: 'b.zip', data: b }])
    const r = await read(makeZip([{ name: 'lib/a.jar', data: a }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/a.jar': { zip: { 'b.zip': { zip: { 'x\\y.class': 'y' } } } } }) })
    expect((r as Read).warnings).toContainEqual(expect.stringContaining('lib/a.jar!/b.zip!/x\\y.class has a backslash in its name'))
  })

  it('streams an entry of a nested jar larger than one inflate call, and checks its CRC', async () => {
    const big = Buffer.alloc(9 * MiB, 'abcdefgh')
    const good = makeZip([
      { name: 'Big.class', data: big, method: 'deflate' },
      { name: 'Big.bin', data: big, method: 'stored' }
    ])
    const bad = makeZip([{ name: 'Big.class', data: big, method: 'deflate', declaredCrc: crc32(big) ^ 1 }])
    const r = await read(
      makeZip([
        { name: 'lib/good.jar', data: good, method: 'deflate' },
        { name: 'lib/bad.jar', data: bad, method: 'deflate' }
      ])
    )
    expect(r).toMatchObject({ digest: digestOf({ 'lib/good.jar': { zip: { 'Big.class': big, 'Big.bin': big } }, 'lib/bad.jar': bad }) })
    // The one warning: a large stored entry is hashed as it is, never taken for a zip or for deflate.
    expect((r as Read).warnings.filter(w => w.includes('does not read'))).toEqual([expect.stringContaining('lib/bad.jar!/Big.class fails its CRC check')])
  })

  it("reads as a zip a jar's stored jar larger than one inflate call", async () => {
    const big = randomBytes(9 * MiB)
    const inner = makeZip([{ name: 'Big.bin', data: big, method: 'stored' }])
    const outer = makeZip([{ name: 'inner.jar', data: inner, method: 'stored' }])
    const r = await read(makeZip([{ name: 'lib/a.jar', data: outer, method: 'stored' }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/a.jar': { zip: { 'inner.jar': { zip: { 'Big.bin': big } } } } }) })
    expect((r as Read).warnings.join('\n')).not.toContain('does not read')
  })

  it("checks the CRC-32 of a jar's own jar before reading it as a zip", async () => {
    const inner = jarOf({ 'I.class': 'i' })
    const outer = makeZip([{ name: 'inner.jar', data: inner, method: 'stored', declaredCrc: crc32(inner) ^ 1 }])
    const r = await read(makeZip([{ name: 'lib/a.jar', data: outer }]))
    expect(r).toMatchObject({ digest: digestOf({ 'lib/a.jar': outer }) })
    expect((r as Read).warnings).toContainEqual(expect.stringContaining('(entry lib/a.jar!/inner.jar fails its CRC check)'))
  })

  it('digests right a stored jar read after a small jar inflated in one call', async () => {
    // The small jar's body comes from zlib; the stored jar after it holds deflated classes
    // that inflate while it is read: neither may share memory with the other.
    const small = jarOf({ 'A.class': 'a' })
    const classes = Object.fromEntries([1, 2, 3, 4].map(i => [`p/C${i}.class`, randomBytes(500)]))
    const stored = jarOf(classes, 'deflate')
    const tree: Tree = { 'lib/a.jar': { zip: { 'A.class': 'a' } }, 'lib/b.jar': { zip: classes } }
    const zip = makeZip([
      { name: 'lib/a.jar', data: small, method: 'deflate' },
      { name: 'lib/b.jar', data: stored, method: 'stored' }
    ])
    expect(await digest(zip)).toBe(digestOf(tree))
  })
})

describe('bounds at their edges', () => {
  it('reads connector-config.xml of exactly the size bound', async () => {
    const config = '<GenericConnector sdkApiVersion="2"><connectorClassName>a.B</connectorClassName></GenericConnector>'
    const zip = makeZip([{ name: 'META-INF/connector-config.xml', data: config }])
    const limits = (bytes: number): ZipLimits => ({ ...ZIP_LIMITS, maxConfigBytes: bytes })
    expect(await read(zip, limits(config.length))).toMatchObject({ connector: { className: 'a.B', sdkApiVersion: '2' } })
    expect(await read(zip, limits(config.length - 1))).toMatchObject({ connector: {} })
  })

  it('reads a zip of exactly the entries per zip, and in all, that the limits allow', async () => {
    const jar = makeZip(['A', 'B', 'C'].map(n => ({ name: `${n}.class`, data: n })))
    const zip = makeZip([
      { name: 'lib/a.jar', data: jar },
      { name: 'lib/b.jar', data: jar }
    ])
    const tree: Tree = {
      'lib/a.jar': { zip: { 'A.class': 'A', 'B.class': 'B', 'C.class': 'C' } },
      'lib/b.jar': { zip: { 'A.class': 'A', 'B.class': 'B', 'C.class': 'C' } }
    }
    // 2 + 3 + 3 entries; the largest zip holds 3.
    expect(await digest(zip, { ...ZIP_LIMITS, maxEntriesPerZip: 3, maxEntriesTotal: 8 })).toBe(digestOf(tree))
    expect(await refusal(zip, { ...ZIP_LIMITS, maxEntriesPerZip: 2 })).toContain('refused as a possible zip bomb')
    expect(await refusal(zip, { ...ZIP_LIMITS, maxEntriesTotal: 7 })).toContain('refused as a possible zip bomb')
  })

  it("reads a central directory of exactly the limit's size and refuses one a byte larger, nested ones too", async () => {
    const jar = makeZip([{ name: 'X.class', data: 'x' }])
    const zip = makeZip([
      { name: 'lib/x.jar', data: jar },
      { name: 'README.txt', data: 'hi' }
    ])
    const outer = directorySize(zip)
    expect(directorySize(jar)).toBeLessThan(outer)
    const limit = (bytes: number): ZipLimits => ({ ...ZIP_LIMITS, maxDirectoryBytes: bytes })
    expect(await digest(zip, limit(outer))).toBe(digestOf({ 'lib/x.jar': { zip: { 'X.class': 'x' } }, 'README.txt': 'hi' }))
    expect(await refusal(zip, limit(outer - 1))).toContain("refused as a possible zip bomb: the archive's central directory is")
    expect(await refusal(zip, limit(directorySize(jar) - 1))).toContain('refused as a possible zip bomb')
  })

  it('spends the nested-buffer budget along the whole path, three levels down', async () => {
    const d = makeZip([{ name: 'd.txt', data: randomBytes(200), method: 'stored' }])
    const c = makeZip([{ name: 'c.car', data: d, method: 'stored' }])
    const b = makeZip([{ name: 'b.zip', data: c, method: 'stored' }])
    const zip = makeZip([{ name: 'lib/a.jar', data: b, method: 'stored' }])
    const limits = (budget: number): ZipLimits => ({ ...ZIP_LIMITS, maxNestingDepth: 3, maxNestedBufferBytes: budget })
    const all = b.length + c.length + d.length
    const dText = d.subarray(30 + 'd.txt'.length, 30 + 'd.txt'.length + 200)
    expect(await digest(zip, limits(all))).toBe(digestOf({ 'lib/a.jar': { zip: { 'b.zip': { zip: { 'c.car': { zip: { 'd.txt': dText } } } } } } }))
    expect(await digest(zip, limits(all - 1))).toBe(digestOf({ 'lib/a.jar': { zip: { 'b.zip': { zip: { 'c.car': d } } } } }))
  })
})

describe('jars inflated ahead of the walk (each case read both ways: see read())', () => {
  const jar = (name: string, n = 1): Buffer =>
    makeZip(Array.from({ length: n }, (_, i) => ({ name: `${name}/C${i}.class`, data: Buffer.alloc(3000, `${name} ${i} `), method: 'deflate' as const })))
  const tree = (name: string, n = 1): { zip: Tree } => ({
    zip: Object.fromEntries(Array.from({ length: n }, (_, i) => [`${name}/C${i}.class`, Buffer.alloc(3000, `${name} ${i} `)]))
  })

  it('gives every jar its digest and its warning in file order, between stored jars and plain entries', async () => {
    const zip = makeZip([
      { name: 'lib/a.jar', data: jar('a', 3) },
      { name: 'lib/b.jar', data: 'a stored jar that is not a zip', method: 'stored' },
      { name: 'README.txt', data: 'hi', method: 'deflate' },
      { name: 'lib/c.jar', data: jar('c', 2) },
      { name: 'lib/d.jar', data: 'a deflated jar that is not a zip', method: 'deflate' },
      { name: 'lib/e.jar', data: jar('e'), method: 'stored' }
    ])
    const r = await read(zip)
    expect(r).toMatchObject({
      digest: digestOf({
        'lib/a.jar': tree('a', 3),
        'lib/b.jar': 'a stored jar that is not a zip',
        'README.txt': 'hi',
        'lib/c.jar': tree('c', 2),
        'lib/d.jar': 'a deflated jar that is not a zip',
        'lib/e.jar': tree('e')
      })
    })
    expect((r as Read).warnings.filter(w => w.includes('does not read as one'))).toEqual([
      expect.stringContaining('lib/b.jar is named like a zip'),
      expect.stringContaining('lib/d.jar is named like a zip')
    ])
  })

  it('refuses the first broken entry in file order, whatever was read past it, and leaves no promise unhandled', async () => {
    const unhandled: unknown[] = []
    const note = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', note)
    try {
      // a.jar inflates; b.jar's bytes are not deflate; c.txt fails its CRC after them.
      const zip = makeZip([
        { name: 'lib/a.jar', data: jar('a', 50) },
        { name: 'lib/b.jar', data: jar('b'), compressed: Buffer.alloc(64, 0xff) },
        { name: 'lib/c.jar', data: jar('c') },
        { name: 'c.txt', data: 'x', method: 'stored', declaredCrc: crc32('x') ^ 1 }
      ])
      expect(await refusal(zip)).toMatch(/entry lib\/b\.jar does not inflate/)
      const sound = makeZip([
        { name: 'lib/a.jar', data: jar('a', 50) },
        { name: 'lib/b.jar', data: jar('b') },
        { name: 'c.txt', data: 'x', method: 'stored', declaredCrc: crc32('x') ^ 1 }
      ])
      expect(await refusal(sound)).toContain('entry c.txt fails its CRC check')
      // A jar that inflates past what it declares, one that holds less, one whose CRC is wrong.
      const a = jar('a')
      expect(await refusal(makeZip([{ name: 'lib/a.jar', data: a, declaredSize: a.length - 1 }]))).toContain(
        `entry lib/a.jar inflates past the ${a.length - 1} bytes`
      )
      expect(await refusal(makeZip([{ name: 'lib/a.jar', data: a, declaredSize: a.length + 1 }]))).toContain(
        `entry lib/a.jar holds ${a.length} bytes, not the ${a.length + 1}`
      )
      expect(await refusal(makeZip([{ name: 'lib/a.jar', data: a, declaredCrc: crc32(a) ^ 1 }]))).toContain('entry lib/a.jar fails its CRC check')
      await new Promise(resolve => setTimeout(resolve, 20))
    } finally {
      process.off('unhandledRejection', note)
    }
    expect(unhandled).toEqual([])
  })

  it('reads a jar whose bytes straddle two reads of the file', async () => {
    // The file is read 2 MiB at a time: a stored filler puts the jar across the first boundary.
    const classes = makeZip(Array.from({ length: 40 }, (_, i) => ({ name: `s/C${i}.class`, data: randomBytes(5000), method: 'deflate' as const })))
    const zip = makeZip([
      { name: 'filler.bin', data: Buffer.alloc(2 * MiB - 50_000, 7), method: 'stored' },
      { name: 'lib/s.jar', data: classes }
    ])
    expect((await read(zip)) as Read).toMatchObject({ warnings: expect.not.arrayContaining([expect.stringContaining('does not read')]) })
  })

  it('walks a stored jar only after the deflated jars before it, however fast it is read: the bounds are spent in file order', async () => {
    // a.jar inflates to some MiB (it takes zlib a few ms), b.jar is stored right after it; the bound on entries
    // in all is passed at b.jar, in file order. Were b.jar walked first, a.jar would be the one refused.
    const a = makeZip(Array.from({ length: 400 }, (_, i) => ({ name: `a/C${i}.class`, data: Buffer.alloc(10_000, `a ${i} `), method: 'deflate' as const })))
    const b = makeZip([{ name: 'b/B.class', data: 'b', method: 'stored' }])
    const zip = makeZip([
      { name: 'lib/a.jar', data: a },
      { name: 'lib/b.jar', data: b, method: 'stored' }
    ])
    expect(await refusal(zip, { ...ZIP_LIMITS, maxEntriesTotal: 2 + 400 })).toContain('at lib/b.jar')
  })

  it("walks a small jar (inflated here, not on zlib's threads) only after the large jars before it", async () => {
    // a.jar is large enough for zlib's threads, b.jar small enough to inflate here; the bound is passed at b.jar.
    const a = makeZip(Array.from({ length: 400 }, (_, i) => ({ name: `a/C${i}.class`, data: randomBytes(400), method: 'deflate' as const })))
    const b = makeZip([{ name: 'b/B.class', data: 'b', method: 'deflate' }])
    const zip = makeZip([
      { name: 'lib/a.jar', data: a },
      { name: 'lib/b.jar', data: b }
    ])
    expect(await refusal(zip, { ...ZIP_LIMITS, maxEntriesTotal: 2 + 400 })).toContain('at lib/b.jar')
    expect(await digest(zip)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('spends the bound on entries in file order: the refusal names the jar that passes it, however far ahead the walk read', async () => {
    // Three jars of 4 classes: the archive's 3 entries and a.jar's 4 fit a bound of 10, b.jar's do not.
    const zip = makeZip([
      { name: 'lib/a.jar', data: jar('a', 4) },
      { name: 'lib/b.jar', data: jar('b', 4) },
      { name: 'lib/c.jar', data: jar('c', 4) }
    ])
    expect(await refusal(zip, { ...ZIP_LIMITS, maxEntriesTotal: 10 })).toContain('at lib/b.jar')
    expect(await digest(zip, { ...ZIP_LIMITS, maxEntriesTotal: 15 })).toBe(
      digestOf({ 'lib/a.jar': tree('a', 4), 'lib/b.jar': tree('b', 4), 'lib/c.jar': tree('c', 4) })
    )
  })
})

describe('a walk that gives up', () => {
  it('leaves no failed read behind when it refuses an entry with the next read in flight', async () => {
    // The file is read 2 MiB at a time, one read ahead; every read after the first fails (an I/O error).
    const zip = makeZip([
      { name: 'bad.txt', data: 'x', method: 'stored', declaredCrc: crc32('x') ^ 1 },
      { name: 'filler.bin', data: Buffer.alloc(3 * MiB), method: 'stored' }
    ])
    let reads = 0
    const file = {
      size: zip.length,
      read: (into: Buffer, position: number, length: number): Promise<number> =>
        ++reads > 1 ? Promise.reject(new Error('EIO: i/o error, read')) : Promise.resolve(zip.copy(into, 0, position, position + length))
    }
    const unhandled: unknown[] = []
    const note = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', note)
    try {
      const walk = digestArchive(
        { size: zip.length, readExact: (p, l) => zip.subarray(p, p + l) },
        new FilePass(file as unknown as ArchiveFile, new LaneSum(ownReadsBytes(zip.length))),
        newWalkState(ZIP_LIMITS),
        ''
      )
      await expect(walk).rejects.toThrow('entry bad.txt fails its CRC check')
      await new Promise(resolve => setTimeout(resolve, 20))
    } finally {
      process.off('unhandledRejection', note)
    }
    expect(reads).toBe(2)
    expect(unhandled).toEqual([])
  })
})

describe("the walk's inflate stream", () => {
  it('is closed when the walk ends, finished or failed', async () => {
    const good = makeZip([{ name: 'a.txt', data: 'a'.repeat(1000) }])
    const bad = makeZip([{ name: 'bad.txt', data: 'x', method: 'stored', declaredCrc: crc32('x') ^ 1 }])
    for (const [zip, fails] of [
      [good, false],
      [bad, true]
    ] as const) {
      const state = newWalkState(ZIP_LIMITS)
      const close = jest.spyOn(state.inflater, 'close')
      const file = {
        size: zip.length,
        read: (into: Buffer, position: number, length: number) => Promise.resolve(zip.copy(into, 0, position, position + length))
      }
      const walk = digestArchive(
        { size: zip.length, readExact: (p, l) => zip.subarray(p, p + l) },
        new FilePass(file as unknown as ArchiveFile, new LaneSum(ownReadsBytes(zip.length))),
        state,
        ''
      )
      if (fails) await expect(walk).rejects.toThrow('entry bad.txt fails its CRC check')
      else await walk
      expect(close).toHaveBeenCalledTimes(1)
    }
  })
})

describe('what an entry may make the check hold in memory at once', () => {
  /** The buffers asked of Buffer (ours and zlib's) while `zip` is read: the largest, and how many of 4 KiB or more (Buffer's pool serves smaller ones). */
  async function buffersWhileReading(zip: Buffer, options: InspectOptions = {}): Promise<{ largest: number; unpooled: number }> {
    const file = path.join(dir, `z${++count}.zip`)
    writeFileSync(file, zip)
    let largest = 0
    let unpooled = 0
    const spies = (['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const).map(name => {
      const real = Buffer[name].bind(Buffer) as (size: number, ...rest: unknown[]) => Buffer
      return jest.spyOn(Buffer, name).mockImplementation(((size: number, ...rest: unknown[]) => {
        largest = Math.max(largest, size)
        if (size >= 4096) unpooled++
        return real(size, ...rest)
      }) as never)
    })
    try {
      expect(typeof (await readWith(file, options))).toBe('object')
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    return { largest, unpooled }
  }
  /** The largest buffer asked for, whether the jars inflate ahead of the walk or each in turn. */
  const largestBufferWhileReading = async (zip: Buffer): Promise<number> =>
    Math.max((await buffersWhileReading(zip)).largest, (await buffersWhileReading(zip, { aheadBytes: 0 })).largest)

  // The two reused 2 MiB reads of the file and zlib's 1 MiB pieces: nothing near the entry's size.
  const BOUND = 3 * MiB

  it('a plain entry larger than one inflate call is hashed as it inflates, never held whole', async () => {
    const zip = makeZip([{ name: 'data/big.bin', data: Buffer.alloc(12 * MiB, 'abcdefgh'), method: 'deflate' }])
    expect(await largestBufferWhileReading(zip)).toBeLessThan(BOUND)
  })

  it("a jar's class larger than one inflate call is hashed as it inflates, never held whole", async () => {
    const jar = makeZip([{ name: 'Big.class', data: Buffer.alloc(12 * MiB, 'abcdefgh'), method: 'deflate' }])
    expect(await largestBufferWhileReading(makeZip([{ name: 'lib/big.jar', data: jar }]))).toBeLessThan(BOUND)
  })

  it("a jar's classes inflate into reused buffers: no buffer per class, however many there are", async () => {
    const jar = (classes: number): Buffer =>
      makeZip(
        Array.from({ length: classes }, (_, i) => ({ name: `com/acme/C${i}.class`, data: Buffer.alloc(6000, `class C${i} `), method: 'deflate' as const }))
      )
    const archive = (classes: number): Buffer => makeZip([{ name: 'lib/dep.jar', data: jar(classes), method: 'deflate' }])
    for (const aheadBytes of [AHEAD_BYTES, 0]) {
      const few = await buffersWhileReading(archive(10), { aheadBytes })
      const many = await buffersWhileReading(archive(500), { aheadBytes })
      expect(many.unpooled - few.unpooled).toBeLessThan(10)
    }
  })

  it('a header that declares far fewer bytes than it stores compressed cannot make the check buffer them whole, in the archive or in a jar', async () => {
    const honest = deflateRawSync(Buffer.alloc(1000, 'x'))
    // A valid deflate stream of 1000 bytes, then 10 MiB that a lying header counts as compressed data.
    const lying = Buffer.concat([honest, randomBytes(10 * MiB)])
    const entry = { data: Buffer.alloc(1000, 'x'), compressed: lying, method: 'deflate' as const }
    expect(await largestBufferWhileReading(makeZip([{ name: 'data/lying.bin', ...entry }]))).toBeLessThan(BOUND)
    expect(await largestBufferWhileReading(makeZip([{ name: 'lib/lying.jar', ...entry }]))).toBeLessThan(BOUND)
  })
})
