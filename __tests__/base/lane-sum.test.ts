// The lane sum (src/lane-sum.ts), what the upload checks its bytes against: pinned on its
// definition (computed here from it, word by word, independently of the module), the same
// through WebAssembly and through JavaScript, the same however the bytes are split and
// wherever they lie, and different for the changes it is there to catch.
import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { LaneSum, laneSumOf } from '../../src/lane-sum.js'

/** The sum by its definition: 16-byte blocks (the last padded with zeros), then one block holding the byte count. */
function byDefinition(data: Buffer): string {
  const padded = Buffer.alloc(Math.ceil(data.length / 16) * 16 + 16)
  data.copy(padded)
  padded.writeUIntLE(data.length, padded.length - 16, 6)
  const s1 = [0, 0, 0, 0]
  const s2 = [0, 0, 0, 0]
  for (let block = 0; block < padded.length; block += 16) {
    for (let lane = 0; lane < 4; lane++) {
      s1[lane] = (s1[lane] + padded.readUInt32LE(block + 4 * lane)) % 2 ** 32
      s2[lane] = (s2[lane] + s1[lane]) % 2 ** 32
    }
  }
  const out = Buffer.alloc(32)
  for (let lane = 0; lane < 4; lane++) {
    out.writeUInt32LE(s1[lane], 4 * lane)
    out.writeUInt32LE(s2[lane], 16 + 4 * lane)
  }
  return out.toString('hex')
}

const LENGTHS = [0, 1, 15, 16, 17, 31, 32, 33, 1000, 65536 + 7, 3 * 65536 + 15]

describe('the lane sum', () => {
  it.each(LENGTHS)('of %i random bytes is its definition, through WebAssembly and through JavaScript, staged or in place', length => {
    const data = randomBytes(length)
    for (const wasm of [true, false]) {
      const sum = new LaneSum(length, { wasm })
      expect(sum.native).toBe(wasm)
      sum.update(data)
      const inPlace = new LaneSum(length, { wasm })
      data.copy(inPlace.region(0, length))
      inPlace.update(inPlace.region(0, length))
      expect([sum.digest(), inPlace.digest()]).toEqual([byDefinition(data), byDefinition(data)])
    }
  })

  it('of a known input: the words and the sums of sums, lane by lane', () => {
    // Two blocks of words 1..8, then the count (32, in lane 0). Lane 0: s1 1, 6, 38; s2 1, 7, 45.
    // Lane 1: s1 2, 8, 8; s2 2, 10, 18. Lane 2: s1 3, 10, 10; s2 3, 13, 23. Lane 3: s1 4, 12, 12; s2 4, 16, 28.
    const data = Buffer.alloc(32)
    for (let i = 0; i < 8; i++) data.writeUInt32LE(i + 1, 4 * i)
    const hex = laneSumOf(data)
    const words = Array.from({ length: 8 }, (_, i) => Buffer.from(hex, 'hex').readUInt32LE(4 * i))
    expect(words).toEqual([38, 8, 10, 12, 45, 18, 23, 28])
  })

  it('is the same however the bytes are split, read into its region or staged from elsewhere', () => {
    const data = randomBytes(200_003)
    const whole = laneSumOf(data)
    for (const inRegion of [true, false]) {
      const sum = new LaneSum(inRegion ? data.length : 0)
      const bytes = inRegion ? sum.region(0, data.length) : Buffer.from(data)
      if (inRegion) data.copy(bytes)
      // Pieces of every size around a block, a staging area's worth and more.
      const sizes = [1, 3, 15, 16, 17, 100, 65536, 65537, 70_000]
      for (let at = 0, i = 0; at < data.length; i++) {
        const n = Math.min(sizes[i % sizes.length], data.length - at)
        sum.update(bytes.subarray(at, at + n))
        at += n
      }
      expect(sum.digest()).toBe(whole)
    }
  })

  it('sums bytes read into its region where they lie, and copies no one else’s into it', () => {
    const sum = new LaneSum(64)
    const region = sum.region(0, 64)
    expect(region.buffer).toBe(sum.memory)
    const foreign = randomBytes(64)
    sum.update(foreign)
    // The region is the readers': staged bytes go elsewhere.
    expect(region.equals(Buffer.alloc(64))).toBe(true)
    region.fill(7)
    sum.update(region)
    expect(sum.digest()).toBe(byDefinition(Buffer.concat([foreign, Buffer.alloc(64, 7)])))
    expect(region.equals(Buffer.alloc(64, 7))).toBe(true)
  })

  it('can be asked for its digest on the way: the sum goes on', () => {
    // 257 bytes: one byte pending, and a byte count whose second byte is not 0 (what the last block held before).
    for (const length of [257, 1001]) {
      const a = randomBytes(length)
      const b = randomBytes(999)
      const sum = new LaneSum()
      sum.update(a)
      expect(sum.digest()).toBe(byDefinition(a))
      expect(sum.digest()).toBe(byDefinition(a))
      sum.update(b)
      expect(sum.digest()).toBe(byDefinition(Buffer.concat([a, b])))
    }
  })

  it('differs for the changes the upload must catch: a byte changed anywhere, blocks swapped, zeros added or removed', () => {
    const data = randomBytes(4096)
    const sum = laneSumOf(data)
    for (const at of [0, 1, 15, 16, 2047, 4095]) {
      const changed = Buffer.from(data)
      changed[at] ^= 0x01
      expect(laneSumOf(changed)).not.toBe(sum)
    }
    const swapped = Buffer.concat([data.subarray(16, 32), data.subarray(0, 16), data.subarray(32)])
    expect(laneSumOf(swapped)).not.toBe(sum)
    expect(laneSumOf(Buffer.concat([data, Buffer.alloc(1)]))).not.toBe(sum)
    expect(laneSumOf(Buffer.alloc(16))).not.toBe(laneSumOf(Buffer.alloc(0)))
  })

  it('has room for its sums whatever the region, its last block ending at a page boundary or just past one', () => {
    // The region, a staging area of 64 KiB and 96 bytes of sums: these regions put their end around 2 × 64 KiB.
    for (let region = 65536 - 100; region <= 65536 - 60; region += 4) {
      const data = randomBytes(1000 + (region % 16))
      const sum = new LaneSum(region)
      sum.update(data)
      expect(sum.digest()).toBe(byDefinition(data))
    }
  })

  it('gives readers only the room it has', () => {
    const sum = new LaneSum(100)
    expect(sum.region(0, 100).length).toBe(100)
    expect(sum.region(99, 1).length).toBe(1)
    for (const [offset, length] of [
      [0, 101],
      [100, 1],
      [-1, 1],
      [0, -1]
    ])
      expect(() => sum.region(offset, length)).toThrow(new RangeError(`no room for ${length} bytes at ${offset} of 100`))
  })
})
