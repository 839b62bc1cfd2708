// What is sent is what was hashed (issue 12 point 10): an archive that changed
// after hashing aborts the upload before its last byte, as a local error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { appendFileSync, createReadStream, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Writable } from 'node:stream'
import { laneSumOf } from '../../src/lane-sum.js'
import FormData from 'form-data'
import { ArchiveFile } from '../../src/archive/open.js'
import { HttpBoomiClient } from '../../src/boomi/client.js'
import { ArchiveChangedError, NetworkError } from '../../src/errors.js'
import { multipartBody } from '../../src/net/multipart.js'
import { isRetryable, mayHaveTakenEffect } from '../../src/boomi/failures.js'
import { createTransport } from '../../src/net/transport.js'
import { writeVerifiedFile } from '../../src/net/verified-read.js'
import { HostileServer, versionJson } from '../helpers/hostile-server.js'

const GROUP = 'acme-Q7XK2P-sample'
// Over three read chunks, so the held-back last chunk is not the whole file.
const SIZE = 3 * 1024 * 1024 + 123

let dir: string
let server: HostileServer
let answers: number[] = []

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'verify-'))
  server = await new HostileServer((_hit, i) => ({ status: answers[i] ?? 200, body: JSON.stringify(versionJson(100 + i, GROUP)) })).start()
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})
afterEach(() => {
  server.hits.length = 0
  answers = []
})

function archive(name: string): { file: string; sha256: string } {
  const bytes = Buffer.alloc(SIZE)
  for (let i = 0; i < SIZE; i++) bytes[i] = (i * 31) & 0xff
  bytes.write('PK\x03\x04', 0, 'latin1')
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return { file, sha256: createHash('sha256').update(bytes).digest('hex') }
}

function client(): HttpBoomiClient {
  const quiet = () => undefined
  return new HttpBoomiClient({
    apiUrl: `${server.base}/partner/api/rest/v1`,
    accountId: 'acct',
    username: 'BOOMI_TOKEN.u',
    apiToken: 'secret-token',
    timeoutMs: 60_000,
    transport: createTransport('test'),
    pacer: { due: async () => undefined, take: async () => undefined, observe: () => undefined },
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1, sleep: async () => undefined, random: Math.random, log: quiet },
    log: { info: quiet, warning: quiet, debug: quiet }
  })
}

/** Descriptors opened by a test, closed after it. */
const opened: ArchiveFile[] = []
afterEach(async () => {
  for (const f of opened.splice(0)) await f.close()
})

/** The archive opened and marked checked, as inspectArchive leaves it for the upload. */
async function openFile(file: string): Promise<ArchiveFile> {
  const f = await ArchiveFile.open(file)
  opened.push(f)
  const bytes = readFileSync(file)
  f.checked({ sha256: createHash('sha256').update(bytes).digest('hex'), laneSum: laneSumOf(bytes) })
  return f
}

async function body(file: string, sha256: string) {
  return multipartBody({ archive: await openFile(file), fileName: 'c.car.zip', size: SIZE, groupType: GROUP, changeLog: 'notes', sha256 })
}

/** The upload failed locally, and no request since `from` reached the server whole. */
async function expectCut(err: unknown, from: number, reached = true): Promise<void> {
  expect(err).toBeInstanceOf(ArchiveChangedError)
  expect(err).not.toBeInstanceOf(NetworkError)
  expect(isRetryable(err)).toBe(false)
  expect(mayHaveTakenEffect(err)).toBe(false)
  await server.settled()
  const hits = server.hits.slice(from)
  if (reached) expect(hits.length).toBe(1)
  for (const hit of hits) {
    expect(hit.complete).toBe(false)
    expect(hit.bytes).toBeLessThan(Number(hit.headers['content-length']))
  }
}

describe('the archive streamed is the archive hashed', () => {
  it('an unchanged archive arrives whole', async () => {
    const { file, sha256 } = archive('same.car.zip')
    const v = await client().createVersion(GROUP, await body(file, sha256))
    expect(v.versionId).toBe('100')
    expect(server.hits[0].complete).toBe(true)
  })

  it('changed in place between two opens: the second attempt is cut before its end', async () => {
    const { file, sha256 } = archive('changed.car.zip')
    const upload = await body(file, sha256)
    answers = [503]
    await expect(client().createVersion(GROUP, upload)).rejects.toThrow(/503/)
    expect(server.hits[0].complete).toBe(true)
    const bytes = Buffer.alloc(1, 0xee)
    writeFileSync(file, bytes, { flag: 'r+' }) // same size, first byte changed
    const err = await client()
      .createVersion(GROUP, upload)
      .catch(e => e)
    await expectCut(err, 1, false)
    expect((err as Error).message).toMatch(/it was written to \(its modification or change time moved\)/)
  })

  it('bytes that differ from those hashed, though the file looks untouched, are cut before the last chunk', async () => {
    const { file } = archive('lying.car.zip')
    const real = await openFile(file)
    // A file system that keeps the times (or a write the times miss): only the digest can tell.
    const lying = {
      path: file,
      laneSum: real.laneSum,
      changed: async () => undefined,
      read: async (into: Buffer, position: number, length?: number) => {
        const n = await real.read(into, position, length)
        if (position === 0 && n > 100) into[100] ^= 1
        return n
      }
    }
    const sink = new SlowSink(0)
    const err = await writeVerifiedFile({ file: lying, size: SIZE }, sink).catch(e => e)
    expect(err).toBeInstanceOf(ArchiveChangedError)
    expect((err as Error).message).toMatch(/its lane sum is now [0-9a-f]{16}…, not the [0-9a-f]{16}… of the bytes hashed/)
    expect(Buffer.concat(sink.taken).length).toBeLessThan(SIZE)
  })

  it('grown: cut as soon as it passes the size hashed', async () => {
    const { file, sha256 } = archive('grown.car.zip')
    appendFileSync(file, Buffer.alloc(5000, 1))
    const err = await client()
      .createVersion(GROUP, await body(file, sha256))
      .catch(e => e)
    await expectCut(err, 0)
    expect((err as Error).message).toMatch(/grew beyond the 3145851 bytes hashed/)
  })

  it('shrunk: cut at once, not left to time out', async () => {
    const { file, sha256 } = archive('shrunk.car.zip')
    truncateSync(file, SIZE - 10)
    const err = await client()
      .createVersion(GROUP, await body(file, sha256))
      .catch(e => e)
    await expectCut(err, 0)
    expect((err as Error).message).toMatch(/is now 3145841 bytes, not the 3145851 hashed/)
  })

  it('deleted after it was opened: a local error, not a lost answer to retry', async () => {
    const { file, sha256 } = archive('gone.car.zip')
    const upload = await body(file, sha256)
    unlinkSync(file)
    const err = await client()
      .createVersion(GROUP, upload)
      .catch(e => e)
    await expectCut(err, 0, false)
    expect((err as Error).message).toMatch(/its path no longer names it \(ENOENT\)/)
  })

  it('swapped for another file after the check: refused, and nothing of the other file is sent', async () => {
    const { file, sha256 } = archive('swapped.car.zip')
    const upload = await body(file, sha256)
    const other = path.join(dir, 'other.car.zip')
    writeFileSync(other, Buffer.alloc(SIZE, 0x42))
    renameSync(other, file)
    const err = await client()
      .createVersion(GROUP, upload)
      .catch(e => e)
    await expectCut(err, 0, false)
    expect((err as Error).message).toMatch(/its path now names another file/)
    expect(server.hits.every(h => !h.body.includes('BBBBBBBB'))).toBe(true)
  })

  it('a FIFO put in its place after the check: refused at once, never opened, never waited on', async () => {
    const { file, sha256 } = archive('fifo.car.zip')
    const upload = await body(file, sha256)
    unlinkSync(file)
    execFileSync('mkfifo', [file])
    const started = performance.now()
    const err = await client()
      .createVersion(GROUP, upload)
      .catch(e => e)
    expect(performance.now() - started).toBeLessThan(5000)
    await expectCut(err, 0, false)
    expect((err as Error).message).toMatch(/its path now names another file/)
    unlinkSync(file)
  })
})

/** A sink that takes each write after `delayMs`, remembering which buffers it was handed and what they held when taken. */
class SlowSink extends Writable {
  readonly buffers = new Set<ArrayBufferLike>()
  readonly taken: Buffer[] = []
  constructor(private readonly delayMs: number) {
    super({ highWaterMark: 1 })
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error) => void): void {
    this.buffers.add(chunk.buffer)
    setTimeout(() => {
      this.taken.push(Buffer.from(chunk))
      done()
    }, this.delayMs)
  }
}

describe('the body is written from a few reused buffers', () => {
  it('a 12 MiB archive passes through three buffers, each refilled only after the socket took it', async () => {
    const bytes = Buffer.alloc(12 * 1024 * 1024 + 5)
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE(i, i)
    const file = path.join(dir, 'reused.car.zip')
    writeFileSync(file, bytes)
    const sink = new SlowSink(2)
    const passed: number[] = []
    await writeVerifiedFile({ file: await openFile(file), size: bytes.length }, sink, n => passed.push(n))
    // Fresh buffers per read would be 13 here, each left to the garbage collector.
    expect(sink.buffers.size).toBeLessThanOrEqual(3)
    expect(Buffer.concat(sink.taken).equals(bytes)).toBe(true)
    expect(passed.at(-1)).toBe(bytes.length)
  })

  it('a sink that closes half-way ends the write at once instead of waiting on it', async () => {
    const { file } = archive('closed.car.zip')
    const sink = new Writable({ highWaterMark: 1, write: () => undefined }) // takes nothing, ever
    setTimeout(() => sink.destroy(), 20)
    await expect(writeVerifiedFile({ file: await openFile(file), size: SIZE }, sink)).rejects.toThrow(/closed before its body was written/)
  })

  it('the multipart body is byte for byte what form-data streams for the same parts', async () => {
    const { file, sha256 } = archive('layout.car.zip')
    const made = multipartBody({
      archive: await openFile(file),
      fileName: 'c "x".car.zip',
      size: SIZE,
      groupType: GROUP,
      changeLog: 'notes\r\n\r\nsha256: x',
      sha256
    })
    const sink = new SlowSink(0)
    await made.writeTo(sink)
    const boundary = /boundary=(\S+)$/.exec(made.headers['content-type'])![1]
    const form = new FormData()
    form.setBoundary(boundary)
    form.append('groupType', GROUP)
    form.append('changeLog', 'notes\r\n\r\nsha256: x')
    form.append('sha256Checksum', sha256)
    form.append('connectorVersionArchive', createReadStream(file), { filename: 'c "x".car.zip', contentType: 'application/zip', knownLength: SIZE })
    const expected: Buffer[] = []
    const collect = new Writable({ write: (chunk: Buffer, _encoding, done) => (expected.push(Buffer.from(chunk)), done()) })
    await new Promise(resolve => form.pipe(collect).on('finish', resolve))
    const written = Buffer.concat(sink.taken)
    expect(written.equals(Buffer.concat(expected))).toBe(true)
    expect(written.length).toBe(made.length)
  })
})
