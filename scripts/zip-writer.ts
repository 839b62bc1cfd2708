// A small zip writer for tests, the demo and the benchmarks, in plain Node (zlib.deflateRawSync, zlib.crc32):
// tests build real archives instead of checking binaries in. It writes what the
// tools that make connector archives write — local headers, a central directory,
// an end record — and lets a test vary the metadata the content digest must ignore
// (times, order, compression, comments, extra fields, permissions) or lie in the
// headers the way a broken or hostile archive would.
import { open } from 'node:fs/promises'
import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  data: Buffer | string
  method?: 'stored' | 'deflate'
  mtime?: Date
  /** Per-entry comment in the central directory. */
  comment?: string
  /** Raw extra field bytes, written in both the local header and the central directory. */
  extra?: Buffer
  /** Unix permission bits (e.g. 0o644), stored in the external attributes. */
  mode?: number
  /** Already deflated bytes to store as the entry's data (with method 'deflate'); `data` is then ignored for the body. */
  compressed?: Buffer
  /** The name's bytes as written, instead of `name` in UTF-8 (`name` still decides directory-ness and order). */
  rawName?: Buffer
  /** The general purpose flags of both headers; 0x0800 (names in UTF-8) unless given. */
  flags?: number
  /** Lies and overrides: the declared uncompressed size and CRC-32 (both headers). */
  declaredSize?: number
  declaredCrc?: number
}

export interface ZipOptions {
  /** Archive comment in the end record. */
  comment?: string
  /** Default for entries without their own. */
  mtime?: Date
  method?: 'stored' | 'deflate'
  /** Bytes written before the first local header (a self-extracting stub, say). */
  prefix?: Buffer
}

const FIXED_TIME = new Date(2026, 0, 2, 3, 4, 6)

function dosTime(d: Date): { time: number; date: number } {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2)
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()
  return { time, date }
}

interface Prepared {
  name: Buffer
  flags: number
  body: Buffer
  /** Bytes of data after the local header: body.length, unless the data is written apart from it. */
  compressedSize: number
  method: number
  crc: number
  size: number
  time: { time: number; date: number }
  extra: Buffer
  comment: Buffer
  mode: number
}

function prepare(e: ZipEntry, opts: ZipOptions): Prepared {
  const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data
  const deflate = (e.method ?? opts.method ?? 'deflate') === 'deflate'
  const body = e.compressed ?? (deflate ? deflateRawSync(data) : data)
  return {
    name: e.rawName ?? Buffer.from(e.name, 'utf8'),
    flags: e.flags ?? 0x0800,
    body,
    compressedSize: body.length,
    method: deflate || e.compressed ? 8 : 0,
    crc: e.declaredCrc ?? crc32(data),
    size: e.declaredSize ?? data.length,
    time: dosTime(e.mtime ?? opts.mtime ?? FIXED_TIME),
    extra: e.extra ?? Buffer.alloc(0),
    comment: Buffer.from(e.comment ?? '', 'utf8'),
    mode: e.mode ?? (e.name.endsWith('/') ? 0o40755 : 0o100644)
  }
}

function localHeader(p: Prepared): Buffer {
  const h = Buffer.alloc(30)
  h.writeUInt32LE(0x04034b50, 0)
  h.writeUInt16LE(20, 4)
  h.writeUInt16LE(p.flags, 6)
  h.writeUInt16LE(p.method, 8)
  h.writeUInt16LE(p.time.time, 10)
  h.writeUInt16LE(p.time.date, 12)
  h.writeUInt32LE(p.crc >>> 0, 14)
  h.writeUInt32LE(p.compressedSize, 18)
  h.writeUInt32LE(p.size >>> 0, 22)
  h.writeUInt16LE(p.name.length, 26)
  h.writeUInt16LE(p.extra.length, 28)
  return Buffer.concat([h, p.name, p.extra])
}

function centralHeader(p: Prepared, offset: number): Buffer {
  const h = Buffer.alloc(46)
  h.writeUInt32LE(0x02014b50, 0)
  h.writeUInt16LE((3 << 8) | 20, 4) // made by Unix, so the mode is read from the high bits
  h.writeUInt16LE(20, 6)
  h.writeUInt16LE(p.flags, 8)
  h.writeUInt16LE(p.method, 10)
  h.writeUInt16LE(p.time.time, 12)
  h.writeUInt16LE(p.time.date, 14)
  h.writeUInt32LE(p.crc >>> 0, 16)
  h.writeUInt32LE(p.compressedSize, 20)
  h.writeUInt32LE(p.size >>> 0, 24)
  h.writeUInt16LE(p.name.length, 28)
  h.writeUInt16LE(p.extra.length, 30)
  h.writeUInt16LE(p.comment.length, 32)
  h.writeUInt32LE(((p.mode & 0xffff) << 16) >>> 0, 38)
  h.writeUInt32LE(offset, 42)
  return Buffer.concat([h, p.name, p.extra, p.comment])
}

/** A zip of `entries`, written in the order given. */
export function makeZip(entries: ZipEntry[], opts: ZipOptions = {}): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = opts.prefix?.length ?? 0
  if (opts.prefix) parts.push(opts.prefix)
  for (const e of entries) {
    const p = prepare(e, opts)
    const header = localHeader(p)
    central.push(centralHeader(p, offset))
    parts.push(header, p.body)
    offset += header.length + p.body.length
  }
  return Buffer.concat([...parts, centralDirectory(central, offset, Buffer.from(opts.comment ?? '', 'utf8'))])
}

/** The central directory's headers, then the end record pointing at them from `offset`. */
function centralDirectory(central: Buffer[], offset: number, comment = Buffer.alloc(0)): Buffer {
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(central.length, 8)
  end.writeUInt16LE(central.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  end.writeUInt16LE(comment.length, 20)
  return Buffer.concat([cd, end, comment])
}

/** A stored entry whose data is `block` written `repeat` times: gigabytes without holding them. */
export interface RepeatedEntry {
  name: string
  block: Buffer
  repeat: number
}

/** A zip of stored `entries` written to `file` as it goes, so that a benchmark's 1 GiB archive never sits in memory. */
export async function writeStoredZipFile(file: string, entries: RepeatedEntry[]): Promise<void> {
  const handle = await open(file, 'w')
  const central: Buffer[] = []
  let offset = 0
  try {
    for (const e of entries) {
      let crc = 0
      for (let i = 0; i < e.repeat; i++) crc = crc32(e.block, crc)
      const size = e.block.length * e.repeat
      const p = { ...prepare({ name: e.name, data: Buffer.alloc(0), method: 'stored' }, {}), crc, size, compressedSize: size }
      const header = localHeader(p)
      central.push(centralHeader(p, offset))
      await handle.write(header)
      for (let i = 0; i < e.repeat; i++) await handle.write(e.block)
      offset += header.length + size
    }
    await handle.write(centralDirectory(central, offset))
  } finally {
    await handle.close()
  }
}

export interface ConnectorZipOptions {
  className?: string
  sdk?: string
  /** Extra files in lib/connector.jar (name → content), beside the connector class. */
  jarFiles?: Record<string, string>
  mtime?: Date
  order?: 'sorted' | 'reversed'
  method?: 'stored' | 'deflate'
  /** More entries in the outer archive, e.g. a large resource for a size test. */
  extraEntries?: ZipEntry[]
}

const ordered = (entries: ZipEntry[], order: 'sorted' | 'reversed'): ZipEntry[] => {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return order === 'reversed' ? sorted.reverse() : sorted
}

const DESCRIPTOR = '<?xml version="1.0" encoding="UTF-8"?>\n<GenericConnectorDescriptor>\n  <operation types="GET" />\n</GenericConnectorDescriptor>\n'

/**
 * A realistic connector archive: META-INF/connector-config.xml,
 * META-INF/connector-descriptor.xml, lib/connector.jar
 * (itself a zip with a manifest and classes) and lib/dep.jar (a dependency jar).
 */
export function makeConnectorZip(opts: ConnectorZipOptions = {}): Buffer {
  const className = opts.className ?? 'com.acme.sample.SampleConnector'
  const sdk = opts.sdk ?? '2.0.0'
  const order = opts.order ?? 'sorted'
  const common = { mtime: opts.mtime, method: opts.method }
  const classPath = `${className.replace(/\./g, '/')}.class`
  const jar = makeZip(
    ordered(
      [
        { name: 'META-INF/', data: '', method: 'stored' },
        { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\r\nCreated-By: Gradle\r\n\r\n', ...common },
        { name: classPath, data: `\xca\xfe\xba\xbe class ${className} v1`, ...common },
        ...Object.entries(opts.jarFiles ?? {}).map(([name, data]) => ({ name, data, ...common }))
      ],
      order
    ),
    { mtime: opts.mtime }
  )
  const dep = makeZip([{ name: 'org/dep/Util.class', data: 'dependency bytes', ...common }], { mtime: new Date(2020, 5, 1) })
  const config =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<GenericConnector sdkApiVersion="${sdk}">\n` +
    `  <connectorClassName>${className}</connectorClassName>\n` +
    '</GenericConnector>\n'
  return makeZip(
    ordered(
      [
        { name: 'META-INF/', data: '', method: 'stored' },
        { name: 'META-INF/connector-config.xml', data: config, ...common },
        { name: 'META-INF/connector-descriptor.xml', data: DESCRIPTOR, ...common },
        { name: 'lib/', data: '', method: 'stored' },
        { name: 'lib/connector.jar', data: jar, ...common },
        { name: 'lib/dep.jar', data: dep, ...common },
        ...(opts.extraEntries ?? [])
      ],
      order
    ),
    { mtime: opts.mtime }
  )
}
