// The zip format's directories, read by our own small reader (docs/boomi-api.md,
// "The archive"): the end record, the central directory and the local headers.
// It replaced yauzl because yauzl's per-entry events and promises cost more than
// inflating and hashing a jar's small classes (a 40 MB connector holds ~20,000),
// and because it decodes names (CP437, the Unicode-path extra field, `\` to `/`)
// where the content digest needs the bytes Java's class loader sees.
// Every number read here is untrusted: each offset and length is checked against
// the bytes it points into before it is used.
import { cut } from '../domain/untrusted.js'
import { BYTE_CONTROLS } from '../text.js'
import { ZipDefect } from './zip-errors.js'

export interface CentralEntry {
  /**
   * The name's bytes as stored (never decoded, rewritten or replaced by an extra
   * field), as a latin1 string: one character per byte, so comparing two compares bytes.
   */
  key: string
  flags: number
  method: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

/** Where the central directory is, from the end record (zip64 when the classic one overflows). */
export interface EndRecord {
  count: number
  offset: number
  size: number
}

/** Positional reads over a zip: the archive's descriptor, or a nested zip in memory. */
export type ReadAt = (position: number, length: number) => Promise<Buffer> | Buffer

const END_SIGNATURE = 0x06054b50
const END_LENGTH = 22
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_LOCATOR_LENGTH = 20
const ZIP64_END_SIGNATURE = 0x06064b50
const ZIP64_END_LENGTH = 56
const CENTRAL_SIGNATURE = 0x02014b50
const CENTRAL_LENGTH = 46
const LOCAL_SIGNATURE = 0x04034b50
export const LOCAL_LENGTH = 30
const ZIP64_EXTRA = 0x0001
const STRONG_ENCRYPTION = 0x40
/** The end record sits in the last 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = END_LENGTH + 0xffff

/** Finds the end record of a zip of `size` bytes; a defect if there is none or it points outside the zip. */
export async function readEnd(read: ReadAt, size: number): Promise<EndRecord> {
  if (size < END_LENGTH) throw new ZipDefect('it is too short to hold an end of central directory record')
  const tailStart = Math.max(0, size - END_SEARCH)
  const tail = await read(tailStart, size - tailStart)
  // From the end backwards; the record's comment must run exactly to the end of the zip.
  let at = -1
  for (let i = tail.length - END_LENGTH; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_SIGNATURE && tail.readUInt16LE(i + 20) === tail.length - i - END_LENGTH) {
      at = i
      break
    }
  }
  if (at < 0) throw new ZipDefect('its end of central directory record was not found')
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw new ZipDefect('it spans several disks')
  let count = tail.readUInt16LE(at + 10)
  let cdSize = tail.readUInt32LE(at + 12)
  let offset = tail.readUInt32LE(at + 16)
  const endAt = tailStart + at
  let directoryEnd = endAt
  // As Java reads it: a zip64 end record named by a locator just before the end record is used
  // whenever it agrees with the classic fields (each equal, or saturated), needed or not (some
  // writers always add one); it must be there and valid only when a classic field is saturated.
  const saturated = count === 0xffff || cdSize === 0xffffffff || offset === 0xffffffff
  const locatorAt = at - ZIP64_LOCATOR_LENGTH
  if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_LOCATOR_SIGNATURE) {
    const zip64At = readUInt64(tail, locatorAt + 8)
    const inside = zip64At + ZIP64_END_LENGTH <= tailStart + locatorAt
    const record = inside ? await read(zip64At, ZIP64_END_LENGTH) : undefined
    if (record?.readUInt32LE(0) === ZIP64_END_SIGNATURE) {
      const [count64, size64, offset64] = [readUInt64(record, 32), readUInt64(record, 40), readUInt64(record, 48)]
      const agrees = (count === 0xffff || count === count64) && (cdSize === 0xffffffff || cdSize === size64) && (offset === 0xffffffff || offset === offset64)
      if (agrees) {
        count = count64
        cdSize = size64
        offset = offset64
        directoryEnd = zip64At
      } else if (saturated) throw new ZipDefect('its zip64 end record disagrees with its end record')
    } else if (saturated) {
      throw new ZipDefect(inside ? 'its zip64 end record has an invalid signature' : 'its zip64 end record lies outside the zip')
    }
  }
  if (offset + cdSize > directoryEnd) throw new ZipDefect('its central directory runs past its end record')
  // Java, Python and unzip find the directory at its end record less its size: one that ends
  // before may be a decoy, with the directory they read (and other entries) after it.
  if (offset + cdSize < directoryEnd) {
    const record = directoryEnd === endAt ? 'end record' : 'zip64 end record'
    // Java would also read a self-extracting archive whose offsets were left as they were; no connector build writes one.
    throw new ZipDefect(
      `it ends at byte ${offset + cdSize}, ${directoryEnd - offset - cdSize} bytes before its ${record}, where zip tools look for it: ` +
        'bytes were added before the zip (as in a self-extracting archive) or it holds a second directory'
    )
  }
  return { count, offset, size: cdSize }
}

/** The `count` entries of a central directory held whole in `cd`. */
export function parseCentral(cd: Buffer, count: number): CentralEntry[] {
  const entries: CentralEntry[] = new Array<CentralEntry>(count)
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_LENGTH > cd.length) throw new ZipDefect(`its central directory ends after ${i} of its ${count} entries`)
    if (cd.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new ZipDefect(`its central directory has an invalid entry header at entry ${i + 1}`)
    const flags = cd.readUInt16LE(p + 8)
    const nameLength = cd.readUInt16LE(p + 28)
    const extraLength = cd.readUInt16LE(p + 30)
    const commentLength = cd.readUInt16LE(p + 32)
    const nameAt = p + CENTRAL_LENGTH
    const next = nameAt + nameLength + extraLength + commentLength
    if (next > cd.length) throw new ZipDefect(`its central directory ends inside entry ${i + 1}`)
    const entry: CentralEntry = {
      // Read from the directory without a Buffer view per name: a jar holds thousands.
      key: cd.toString('latin1', nameAt, nameAt + nameLength),
      flags,
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42)
    }
    if (flags & STRONG_ENCRYPTION) throw new ZipDefect(`entry ${shownKey(entry.key)} uses strong encryption`)
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      zip64Sizes(entry, cd.subarray(nameAt + nameLength, nameAt + nameLength + extraLength))
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw new ZipDefect(`entry ${shownKey(entry.key)} is stored but declares ${entry.compressedSize} bytes stored and ${entry.uncompressedSize} inflated`)
    }
    entries[i] = entry
    p = next
  }
  // Java and Python read every entry the directory holds: the count of a zip of more than
  // 65,535 entries written without zip64 wraps, and must not hide the ones past it.
  if (p !== cd.length) {
    throw new ZipDefect(
      `its end record counts ${count} entries, but they fill only ${p} of the directory's ${cd.length} bytes (more than 65,535 entries written without zip64?)`
    )
  }
  return entries
}

/** The zip64 extended information extra field: the 8-byte values of the fields that read 0xffffffff, in this order. */
function zip64Sizes(entry: CentralEntry, extra: Buffer): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i)
    const length = extra.readUInt16LE(i + 2)
    const data = extra.subarray(i + 4, i + 4 + length)
    i += 4 + length
    if (id !== ZIP64_EXTRA) continue
    let at = 0
    const next = (what: string): number => {
      if (at + 8 > data.length) throw new ZipDefect(`entry ${shownKey(entry.key)}'s zip64 field lacks its ${what}`)
      at += 8
      return readUInt64(data, at - 8)
    }
    if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next('uncompressed size')
    if (entry.compressedSize === 0xffffffff) entry.compressedSize = next('compressed size')
    if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next('header offset')
    return
  }
}

/** The length of a local header (fixed part, name, extra field) from its first 30 bytes, at `at` in `source`. */
export function localHeaderLength(source: Buffer, at: number, entry: CentralEntry): number {
  if (at + LOCAL_LENGTH > source.length || source.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw new ZipDefect(`entry ${shownKey(entry.key)} cannot be read (invalid local file header signature)`)
  }
  return LOCAL_LENGTH + source.readUInt16LE(at + 26) + source.readUInt16LE(at + 28)
}

/** A 64-bit little-endian count, refused past 2^53 (no real zip comes near; a hostile one must not wrap). */
function readUInt64(b: Buffer, at: number): number {
  const value = b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 0x1_0000_0000
  if (!Number.isSafeInteger(value)) throw new ZipDefect('it declares a size or offset beyond 2^53')
  return value
}

const MAX_SHOWN_NAME = 300
// The byte set: a name's bytes above 0x7f are already \xNN or part of a UTF-8 character, and
// a message that shows the name is escaped again for the log (untrusted.ts).
const NAME_CONTROL = new RegExp(`[${BYTE_CONTROLS}]`, 'g')

/**
 * A name as messages show it: UTF-8 where its bytes are UTF-8, each other byte
 * as \xNN, control characters escaped, bounded. For reading only: the digest and
 * every comparison use the bytes.
 */
export function shownName(name: Buffer): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(name)
  } catch {
    text = Array.from(name, b => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('')
  }
  const escaped = text.replace(NAME_CONTROL, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  return cut(escaped, MAX_SHOWN_NAME)
}

/** An entry's name (CentralEntry.key) as messages show it: see shownName. */
export const shownKey = (key: string): string => shownName(Buffer.from(key, 'latin1'))
