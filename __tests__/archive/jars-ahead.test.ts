// The archive's jars inflated ahead of the walk (src/archive/digest.ts, JarsAhead):
// which jars go ahead, and that they are walked in file order, each as soon as it is
// inflated or once the bytes held ahead pass the window. The answers are checked
// both ways on real archives in archive-digest.test.ts.
import { describe, expect, it } from '@jest/globals'
import { JarsAhead, deflateBound, release } from '../../src/archive/digest.js'
import type { CentralEntry } from '../../src/archive/zip-directory.js'

const entry = (over: Partial<CentralEntry> = {}): CentralEntry => ({
  key: 'lib/a.jar',
  flags: 0,
  method: 8,
  crc32: 0,
  compressedSize: 900,
  uncompressedSize: 1000,
  localHeaderOffset: 0,
  ...over
})

/** A promise settled from outside, and whether it was. */
function later<T>(): { promise: Promise<T>; resolve(value: T): void; reject(err: Error): void } {
  let resolve!: (value: T) => void
  let reject!: (err: Error) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

describe('which jars go ahead', () => {
  const ahead = new JarsAhead(10_000)

  it('a deflated one that declares no more than the window', () => {
    const narrow = new JarsAhead(1000)
    expect(narrow.takes(entry())).toBe(true)
    expect(narrow.takes(entry({ uncompressedSize: 1001, compressedSize: 900 }))).toBe(false)
  })

  it('not a stored one, an encrypted one, or one of another method: they take the walk in turn (which refuses the last two)', () => {
    expect(ahead.takes(entry({ method: 0, compressedSize: 1000 }))).toBe(false)
    expect(ahead.takes(entry({ flags: 1 }))).toBe(false)
    expect(ahead.takes(entry({ method: 12 }))).toBe(false)
  })

  it('not one that stores more than deflate could make of its declared size: its bytes are never gathered whole', () => {
    expect(ahead.takes(entry({ compressedSize: deflateBound(1000) }))).toBe(true)
    expect(ahead.takes(entry({ compressedSize: deflateBound(1000) + 1 }))).toBe(false)
    // Deflate's stored blocks cost 5 bytes in 65,535 (zlib's smallest, 16 KiB, 5 in 16,384): the bound leaves room for both.
    expect(deflateBound(1024 * 1024)).toBeGreaterThan(1024 * 1024 + 5 * 64 + 5)
    expect(deflateBound(0)).toBeGreaterThanOrEqual(5)
    // Room for those blocks and little more: a jar that stores twice what it declares is no deflate stream.
    expect(deflateBound(1024 * 1024)).toBeLessThan(1.01 * 1024 * 1024)
    expect(ahead.takes(entry({ compressedSize: 2000 }))).toBe(false)
  })

  it('none with no window', () => {
    expect(new JarsAhead(0).takes(entry())).toBe(false)
  })
})

describe('the order jars are walked in', () => {
  it('holds a jar from when it is added until it is walked', async () => {
    const ahead = new JarsAhead(10_000)
    expect(ahead.holding).toBe(false)
    ahead.add(entry(), Promise.resolve(Buffer.alloc(0)), async () => undefined)
    expect(ahead.holding).toBe(true)
    await ahead.walk(true)
    expect(ahead.holding).toBe(false)
  })

  it('file order, each once inflated: a later jar inflated first waits for the one before it', async () => {
    const ahead = new JarsAhead(10_000)
    const walked: string[] = []
    const a = later<Buffer>()
    const b = later<Buffer>()
    ahead.add(entry(), a.promise, async body => void walked.push(`a:${body}`))
    ahead.add(entry(), b.promise, async body => void walked.push(`b:${body}`))
    b.resolve(Buffer.from('B'))
    await tick()
    await ahead.walk(false)
    expect(walked).toEqual([])
    a.resolve(Buffer.from('A'))
    await tick()
    await ahead.walk(false)
    expect(walked).toEqual(['a:A', 'b:B'])
  })

  it('the oldest, inflated or not, while the bytes held pass the window', async () => {
    const ahead = new JarsAhead(2 * 1900)
    const walked: number[] = []
    const pending = [later<Buffer>(), later<Buffer>(), later<Buffer>()]
    pending.forEach((p, i) => ahead.add(entry(), p.promise, async () => void walked.push(i)))
    // Three jars of 900 + 1000 bytes against a window of two: the first is walked as soon as it is inflated.
    const walking = ahead.walk(false)
    await tick()
    expect(walked).toEqual([])
    pending[0].resolve(Buffer.alloc(0))
    await walking
    expect(walked).toEqual([0])
    await ahead.walk(false)
    expect(walked).toEqual([0])
  })

  it('every one with `all`, and a jar that failed to inflate stops the walk there with its own error, for good', async () => {
    const ahead = new JarsAhead(10_000)
    const walked: number[] = []
    const ok = later<Buffer>()
    const bad = later<Buffer>()
    ahead.add(entry(), ok.promise, async () => void walked.push(0))
    ahead.add(entry(), bad.promise, async () => void walked.push(1))
    ahead.add(entry(), Promise.resolve(Buffer.alloc(0)), async () => void walked.push(2))
    ok.resolve(Buffer.alloc(0))
    bad.reject(new Error('entry lib/b.jar does not inflate'))
    await tick()
    // Known to have failed is as good as inflated: the refusal comes at once, not when the window fills.
    await expect(ahead.walk(false)).rejects.toThrow('entry lib/b.jar does not inflate')
    expect(walked).toEqual([0])
    // The walk after a refusal (the caller's, before it rethrows): the jar after the broken one is not walked.
    await ahead.walk(true)
    expect(walked).toEqual([0])
  })

  it("a jar whose walk fails stops it too: a later broken jar never replaces the first one's refusal", async () => {
    const ahead = new JarsAhead(10_000)
    const walked: number[] = []
    const broken = (i: number) => async () => {
      walked.push(i)
      throw new Error(`entry lib/${i}.jar fails its CRC check`)
    }
    ahead.add(entry(), Promise.resolve(Buffer.alloc(1)), broken(0))
    ahead.add(entry(), Promise.resolve(Buffer.alloc(1)), broken(1))
    ahead.add(entry(), Promise.resolve(Buffer.alloc(1)), async () => void walked.push(2))
    await tick()
    await expect(ahead.walk(false)).rejects.toThrow('entry lib/0.jar fails its CRC check')
    await ahead.walk(true)
    expect(walked).toEqual([0])
  })
})

describe('release', () => {
  it('leaves an empty buffer alone: zlib answers every empty output with one shared buffer', () => {
    const empty = Buffer.alloc(0)
    release(empty)
    release(empty)
    expect(empty.buffer.byteLength).toBe(0)
    expect(Buffer.concat([empty, Buffer.from('x')]).toString()).toBe('x')
  })

  it('frees a buffer that is the whole of its memory, and nothing that shares memory with another', () => {
    const whole = Buffer.allocUnsafeSlow(64 * 1024)
    release(whole)
    expect(whole.buffer.byteLength).toBe(0)
    // zlib's output: the declared size plus its one spare byte, seen as a view of the declared size.
    const inflated = Buffer.allocUnsafeSlow(64 * 1024 + 1).subarray(0, 64 * 1024)
    release(inflated)
    expect(inflated.buffer.byteLength).toBe(0)
    const pooled = Buffer.allocUnsafe(100)
    const poolSize = pooled.buffer.byteLength
    release(pooled)
    expect(pooled.buffer.byteLength).toBe(poolSize)
    const big = Buffer.allocUnsafeSlow(64 * 1024)
    for (const view of [big.subarray(0, 1000), big.subarray(1), big.subarray(0, 60 * 1024)]) {
      release(view)
      expect(big.buffer.byteLength).toBe(64 * 1024)
    }
    const shared = Buffer.from(new SharedArrayBuffer(64 * 1024))
    release(shared)
    expect(shared.buffer.byteLength).toBe(64 * 1024)
  })

  it('leaves the buffer to the garbage collector on a Node without ArrayBuffer transfer (Node 20, the command-line tool)', () => {
    const transfer = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'transfer')
    expect(transfer).toBeDefined()
    delete (ArrayBuffer.prototype as { transfer?: unknown }).transfer
    try {
      const whole = Buffer.allocUnsafeSlow(64 * 1024)
      expect(() => release(whole)).not.toThrow()
      expect(whole.buffer.byteLength).toBe(64 * 1024)
    } finally {
      Object.defineProperty(ArrayBuffer.prototype, 'transfer', transfer!)
    }
  })
})
