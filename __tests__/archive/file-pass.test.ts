// The file pass's CRC-32 (src/archive/file-pass.ts): taken once per byte, joined
// from the walk's own sum where the walk takes one, and refused when misused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { crc32 } from 'node:zlib'
import { FilePass } from '../../src/archive/file-pass.js'
import { ArchiveFile } from '../../src/archive/open.js'

let dir: string
let bytes: Buffer
let file: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'file-pass-'))
  bytes = randomBytes(5 * 1024 * 1024 + 99) // three reads of 2 MiB
  file = path.join(dir, 'a.bin')
  writeFileSync(file, bytes)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function withPass(run: (pass: FilePass) => Promise<void>): Promise<void> {
  const opened = await ArchiveFile.open(file)
  try {
    await run(new FilePass(opened))
  } finally {
    await opened.close()
  }
}

/** Takes `length` bytes through takeSummed, sums them as the walk does, and hands the sum back. */
async function walkSums(pass: FilePass, length: number): Promise<void> {
  let crc = 0
  for await (const piece of pass.takeSummed(length)) crc = crc32(piece, crc)
  pass.summed(crc)
}

describe('the file pass', () => {
  it.each([
    ['a large range across two reads, joined', 1000, 3 * 1024 * 1024],
    ['a small range, summed here again', 70, 100],
    ['a range that starts a read', 2 * 1024 * 1024, 65 * 1024],
    ['a range up to the last byte', 1024, 5 * 1024 * 1024 + 99 - 1024]
  ])('%s: the CRC-32 and sha256 of the whole file, as zlib and crypto take them', async (_what, start, length) => {
    await withPass(async pass => {
      await pass.skipTo(start)
      await walkSums(pass, length)
      const sums = await pass.finish()
      expect(sums.crc32).toBe(crc32(bytes))
      expect(sums.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    })
  })

  it('a sum handed back with no range taken, or a range never summed, is a bug that stops the check', async () => {
    await withPass(async pass => {
      expect(() => pass.summed(0)).toThrow(/without takeSummed/)
      for await (const piece of pass.takeSummed(10)) expect(piece.length).toBe(10)
      expect(() => pass.takeSummed(10)).toThrow(/never summed/)
      await expect(pass.finish()).rejects.toThrow(/never summed/)
    })
  })

  it('a wrong sum handed back gives a wrong CRC-32, which the upload then refuses: the joining trusts the walk', async () => {
    await withPass(async pass => {
      for await (const piece of pass.takeSummed(100_000)) expect(piece.length).toBeGreaterThan(0)
      pass.summed(12345)
      expect((await pass.finish()).crc32).not.toBe(crc32(bytes))
    })
  })
})
