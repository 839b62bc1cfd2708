// The file pass's CRC-32 (src/archive/file-pass.ts): taken once per byte, here or
// by the reading thread, a stored entry's worked out from it, and refused when misused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { crc32 } from 'node:zlib'
import { FilePass, ownReadsBytes } from '../../src/archive/file-pass.js'
import { CHUNK, type Chunks } from '../../src/archive/hash-beside.js'
import { LaneSum, laneSumOf } from '../../src/lane-sum.js'
import { ArchiveFile } from '../../src/archive/open.js'

let dir: string
let bytes: Buffer
const SIZE = 2 * CHUNK + CHUNK / 2 + 99
let file: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'file-pass-'))
  bytes = randomBytes(SIZE) // three of the reading thread's chunks
  file = path.join(dir, 'a.bin')
  writeFileSync(file, bytes)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function withPass(run: (pass: FilePass) => Promise<void>): Promise<void> {
  const opened = await ArchiveFile.open(file)
  try {
    await run(new FilePass(opened, new LaneSum(ownReadsBytes(opened.size))))
  } finally {
    await opened.close()
  }
}

/** Takes `length` bytes through takeSummed, as the walk does, and checks the CRC-32 the pass gives for them. */
async function walkSums(pass: FilePass, length: number): Promise<void> {
  let crc = 0
  for await (const piece of pass.takeSummed(length)) crc = crc32(piece, crc)
  expect(pass.summed()).toBe(crc >>> 0)
}

/** The file's bytes in CHUNK-sized chunks, as the reading thread gives them, with the CRC-32 `sum` says for each (undefined: not taken). */
function besideChunks(sum: (k: number, chunk: Buffer) => number | undefined): Chunks {
  let given = 0
  let released = 0
  return {
    next: async () => bytes.subarray(given * CHUNK, ++given * CHUNK),
    crc: () => sum(released, bytes.subarray(released * CHUNK, (released + 1) * CHUNK)),
    release: () => void released++,
    abandon: () => undefined
  }
}

async function withBeside(chunks: Chunks, run: (pass: FilePass) => Promise<void>): Promise<void> {
  const opened = await ArchiveFile.open(file)
  try {
    await run(new FilePass(opened, new LaneSum(), chunks))
  } finally {
    await opened.close()
  }
}

describe('the file pass', () => {
  it.each([
    ['a large range across two reads, joined', 1000, 1.5 * CHUNK],
    ['a small range, summed here again', 70, 100],
    ['a range that starts a read', CHUNK, 65 * 1024],
    ['a range up to the last byte', 1024, SIZE - 1024]
  ])('%s: the CRC-32, lane sum and sha256 of the whole file, as zlib, lane-sum.ts and crypto take them', async (_what, start, length) => {
    await withPass(async pass => {
      await pass.skipTo(start)
      await walkSums(pass, length)
      const sums = await pass.finish()
      expect(sums.crc32).toBe(crc32(bytes))
      expect(sums.laneSum).toBe(laneSumOf(bytes))
      expect(sums.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    })
  })

  it('a sum asked with no range taken, or a range never summed, is a bug that stops the check', async () => {
    await withPass(async pass => {
      expect(() => pass.summed()).toThrow(/without takeSummed/)
      for await (const piece of pass.takeSummed(10)) expect(piece.length).toBe(10)
      expect(() => pass.takeSummed(10)).toThrow(/never summed/)
      await expect(pass.finish()).rejects.toThrow(/never summed/)
    })
  })

  it('an empty range sums to 0, as zlib says', async () => {
    await withPass(async pass => {
      await pass.skipTo(5)
      await walkSums(pass, 0)
      expect((await pass.finish()).crc32).toBe(crc32(bytes))
    })
  })
})

describe('the file pass beside a reading thread', () => {
  // Three chunks: the thread sums the middle one.
  const ranges: [string, number, number, boolean][] = [
    ['a range over a whole chunk', 1000, 2 * CHUNK, true],
    ['a range inside one chunk', CHUNK + 70, 100, false],
    ['a range from a chunk start to the last byte', CHUNK, SIZE - CHUNK, true]
  ]

  it.each(ranges)("%s: the thread's sum of a chunk untouched here is joined, and the CRC-32s are zlib's", async (_what, start, length, joins) => {
    const joined: number[] = []
    const odd = (k: number, chunk: Buffer): number | undefined => (k % 2 === 1 ? (joined.push(k), crc32(chunk)) : undefined)
    await withBeside(besideChunks(odd), async pass => {
      await pass.skipTo(start)
      await walkSums(pass, length)
      const sums = await pass.finish()
      expect(sums.crc32).toBe(crc32(bytes))
      // the chunks lie outside the sum's memory here: summed through its staging area, the same sum
      expect(sums.laneSum).toBe(laneSumOf(bytes))
      // the reading thread takes the sha256 then
      expect(sums.sha256).toBeUndefined()
    })
    expect(joined).toEqual(joins ? [1] : [])
  })

  it('a sum the thread has not taken yet (or never) is taken here: the same CRC-32s', async () => {
    for (const late of [() => undefined, (k: number, chunk: Buffer) => (k === 2 ? crc32(chunk) : undefined)]) {
      await withBeside(besideChunks(late), async pass => {
        await walkSums(pass, 2 * CHUNK + 5)
        expect((await pass.finish()).crc32).toBe(crc32(bytes))
      })
    }
  })

  it("the thread's sum is what counts for its chunk: a wrong one gives a wrong CRC-32, which a stored entry's check then refuses", async () => {
    await withBeside(
      besideChunks(k => (k === 1 ? 12345 : undefined)),
      async pass => {
        await pass.skipTo(10)
        let crc = 0
        for await (const piece of pass.takeSummed(2 * CHUNK)) crc = crc32(piece, crc)
        expect(pass.summed()).not.toBe(crc >>> 0)
        expect((await pass.finish()).crc32).not.toBe(crc32(bytes))
      }
    )
  })

  it('a chunk partly summed here is summed here to its end, whatever the thread took', async () => {
    await withBeside(
      besideChunks(() => 12345),
      async pass => {
        // every range starts inside a chunk: each chunk is summed here before it is left, so no wrong sum is joined
        for (let k = 0; k < 3; k++) {
          await pass.skipTo(k * CHUNK + 1)
          await walkSums(pass, 1000)
        }
        expect((await pass.finish()).crc32).toBe(crc32(bytes))
      }
    )
  })
})
