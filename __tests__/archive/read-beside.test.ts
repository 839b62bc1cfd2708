// The reading thread of a large archive (src/archive/hash-beside.ts): it reads the
// file once into shared chunks and takes its sha256 while the walk uses the same
// bytes. Each test is bounded in time: a wait that never ends is a failure here,
// not a hung run.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { crc32 } from 'node:zlib'
import { CHUNK, type ReadBeside, besideBytes, readBeside as startReading } from '../../src/archive/hash-beside.js'
import { LaneSum } from '../../src/lane-sum.js'
import { inspectArchive } from '../../src/archive/zip.js'
import { InputError } from '../../src/errors.js'
import { makeZip } from '../helpers/zip.js'

let dir: string
let bytes: Buffer
let file: string
const fds: number[] = []

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'read-beside-'))
  bytes = randomBytes(6 * CHUNK + 99) // seven chunks: more than the thread may read ahead
  file = path.join(dir, 'a.bin')
  writeFileSync(file, bytes)
})
afterAll(() => {
  for (const fd of fds) closeSync(fd)
  rmSync(dir, { recursive: true, force: true })
})

/** Every reading thread a test starts, stopped after it (a failed test must not leave one waiting for ever). */
const readers: ReadBeside[] = []
afterEach(async () => {
  for (const reader of readers.splice(0)) await reader.stop()
})

function readBeside(fd: number, size: number, sum = new LaneSum(besideBytes(size))): ReadBeside {
  const reader = startReading(fd, size, sum)
  readers.push(reader)
  return reader
}

function open(name = file): number {
  const fd = openSync(name, 'r')
  fds.push(fd)
  return fd
}

/** `promise`, or a failure after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)))
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('the reading thread', () => {
  it("gives the file's bytes in order, in the lane sum's memory, and its sha256", async () => {
    const sum = new LaneSum(besideBytes(bytes.length))
    const reading = readBeside(open(), bytes.length, sum)
    const seen: Buffer[] = []
    let at = 0
    while (at < bytes.length) {
      const chunk = await within(reading.chunks.next(), 5000)
      expect(chunk.buffer).toBe(sum.memory)
      seen.push(Buffer.from(chunk))
      at += chunk.length
      reading.chunks.release()
    }
    expect(Buffer.concat(seen).equals(bytes)).toBe(true)
    expect(await within(reading.sha256, 5000)).toBe(createHash('sha256').update(bytes).digest('hex'))
    await reading.stop()
  })

  it("sums a chunk when it is ahead of a slower walk, and every sum it gives is zlib's", async () => {
    const reading = readBeside(open(), bytes.length)
    let at = 0
    let given = 0
    while (at < bytes.length) {
      const chunk = await within(reading.chunks.next(), 5000)
      // A slow walk: the thread reads ahead of it and has time to sum.
      await sleep(30)
      const crc = reading.chunks.crc()
      if (crc !== undefined) {
        given++
        expect(crc).toBe(crc32(bytes.subarray(at, at + chunk.length)))
      }
      at += chunk.length
      reading.chunks.release()
    }
    expect(given).toBeGreaterThan(0)
    await within(reading.sha256, 5000)
    await reading.stop()
  })

  it('never reads into a chunk still held, however far ahead it may run', async () => {
    const reading = readBeside(open(), bytes.length)
    const first = await within(reading.chunks.next(), 5000)
    const second = await within(reading.chunks.next(), 5000)
    // The thread fills every other slot meanwhile, then must wait for these two.
    await sleep(200)
    expect(first.equals(bytes.subarray(0, CHUNK))).toBe(true)
    expect(second.equals(bytes.subarray(CHUNK, 2 * CHUNK))).toBe(true)
    // Given back one by one, the rest still arrives whole.
    reading.chunks.release()
    let at = 2 * CHUNK
    while (at < bytes.length) {
      const chunk = await within(reading.chunks.next(), 5000)
      expect(chunk.equals(bytes.subarray(at, at + chunk.length))).toBe(true)
      at += chunk.length
      reading.chunks.release()
    }
    await within(reading.sha256, 5000)
    await reading.stop()
  })

  it('a file shorter than its size fails the wait with the point it ended at, instead of hanging it', async () => {
    const short = path.join(dir, 'short.bin')
    writeFileSync(short, bytes.subarray(0, CHUNK + 10))
    const reading = readBeside(open(short), 3 * CHUNK)
    await within(reading.chunks.next(), 5000)
    reading.chunks.release()
    await within(reading.chunks.next(), 5000)
    reading.chunks.release()
    await expect(within(reading.chunks.next(), 5000)).rejects.toThrow(`unexpected end of file at byte ${CHUNK + 10}`)
    await expect(reading.sha256).rejects.toThrow(/unexpected end of file/)
    await reading.stop()
  })

  it('refuses a lane sum without room for its chunks', () => {
    expect(() => startReading(open(), bytes.length, new LaneSum(besideBytes(bytes.length) - 1))).toThrow(RangeError)
  })

  it('stops at once while it waits for a chunk to be given back', async () => {
    const reading = readBeside(open(), bytes.length)
    await within(reading.chunks.next(), 5000)
    await sleep(100) // it has read ahead and waits now
    reading.chunks.abandon()
    await expect(within(reading.sha256, 5000)).rejects.toThrow(/stopped before the end/)
    await within(reading.stop(), 5000)
  })
})

describe('a large archive checked with the reading thread', () => {
  it('reads on to the end of the file after the last entry the walk takes (bytes it never walks)', async () => {
    // 10 MiB that no entry holds lie between the last entry and the central directory.
    const small = makeZip([{ name: 'a.txt', data: 'a', method: 'stored' }])
    const directoryAt = small.readUInt32LE(small.length - 22 + 16)
    const pad = randomBytes(5 * CHUNK)
    const zip = Buffer.concat([small.subarray(0, directoryAt), pad, small.subarray(directoryAt)])
    zip.writeUInt32LE(directoryAt + pad.length, zip.length - 22 + 16)
    const name = path.join(dir, 'tail.zip')
    writeFileSync(name, zip)
    const facts = await within(inspectArchive(name, 'tail.zip', { workerMinBytes: 0 }), 10_000)
    await facts.file.close()
    expect(facts.sha256).toBe(createHash('sha256').update(zip).digest('hex'))
  })

  it('a broken entry early in it is refused, and the reading thread does not hold the check', async () => {
    const zip = makeZip([
      { name: 'a.bin', data: randomBytes(1000), method: 'stored', declaredCrc: 1 },
      { name: 'b.bin', data: randomBytes(5 * CHUNK), method: 'stored' }
    ])
    const name = path.join(dir, 'broken.zip')
    writeFileSync(name, zip)
    const err = await within(inspectArchive(name, 'broken.zip', { workerMinBytes: 0 }), 10_000).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(InputError)
    expect((err as Error).message).toMatch(/entry a\.bin fails its CRC check/)
  })
})
