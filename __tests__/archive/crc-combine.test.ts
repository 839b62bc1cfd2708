// The file's CRC-32 joined from a stored entry's own sum (src/archive/crc-combine.ts)
// must equal zlib's CRC-32 of the bytes laid end to end, for every split.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { crc32 } from 'node:zlib'
import { crc32Combine } from '../../src/archive/crc-combine.js'

describe('crc32Combine', () => {
  it('is the CRC-32 of the two byte strings end to end, whatever they hold and however long', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 5000 }), fc.nat(), (a, b, start) => {
        const crcA = crc32(a, start % 2 ? start : 0) // a running sum, not only a fresh one
        expect(crc32Combine(crcA, crc32(b), b.length)).toBe(crc32(b, crcA))
      }),
      { numRuns: 300 }
    )
  })

  it('holds over a long run of bytes (5 MiB, every bit of its length)', () => {
    const head = Buffer.from('PK\x03\x04 a local header')
    const body = Buffer.alloc(5 * 1024 * 1024 + 7, 0xa5)
    expect(crc32Combine(crc32(head), crc32(body), body.length)).toBe(crc32(Buffer.concat([head, body])))
  })

  it('an empty second part leaves the first sum as it is', () => {
    expect(crc32Combine(0xdeadbeef, 0, 0)).toBe(0xdeadbeef)
    expect(crc32Combine(0, 0, 0)).toBe(0)
  })

  it('joins in any grouping, lengths past 4 GiB included (what a ZIP64 archive may hold)', () => {
    const [x, y, z] = [crc32('x'), crc32('yy'), crc32('zzz')]
    for (const [m, n] of [
      [3, 5],
      [2 ** 32 + 17, 3 * 2 ** 31],
      [2 ** 40 + 1, 2 ** 45 - 3]
    ]) {
      const left = crc32Combine(crc32Combine(x, y, m), z, n)
      const right = crc32Combine(x, crc32Combine(y, z, n), m + n)
      expect(left).toBe(right)
    }
  })

  it('refuses a length it cannot represent exactly rather than join it wrongly', () => {
    expect(() => crc32Combine(1, 2, -1)).toThrow(RangeError)
    expect(() => crc32Combine(1, 2, 2 ** 53)).toThrow(RangeError)
    expect(() => crc32Combine(1, 2, 1.5)).toThrow(RangeError)
  })
})
