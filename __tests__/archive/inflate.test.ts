// One zlib stream reused for a zip's entries (src/archive/inflate.ts): on this Node it
// must be the native one, and it must answer every entry as inflateRawSync does,
// refusals worded alike, a failed entry leaving the next one unharmed.
import { describe, expect, it, jest } from '@jest/globals'
import { constants, deflateRawSync } from 'node:zlib'
import { Inflater, inflateAsync } from '../../src/archive/inflate.js'
import { ZipDefect } from '../../src/archive/zip-errors.js'

const text = Buffer.from('class Main { public static void main(String[] a) {} }\n'.repeat(200))
const raw = deflateRawSync(text)
// Not deflate, whatever follows: the first block's type (the first byte's bits 1-2, here 11) is the reserved one.
const noise = Buffer.alloc(5000, 0xff)
// All of `text`, not ended, then a block of the reserved type: broken only past the text.
const brokenAfter = Buffer.concat([deflateRawSync(text, { finishFlush: constants.Z_SYNC_FLUSH }), Buffer.from([0xff, 0xff])])

/** What `inflater` makes of `input` declared as `declared` bytes: the bytes, or the refusal. */
function attempt(inflater: Inflater, input: Buffer, declared: number): Buffer | string {
  try {
    return Buffer.from(inflater.inflate(input, 0, input.length, declared, Buffer.alloc(declared + 1), 'lib/a.jar!/Main.class'))
  } catch (err) {
    expect(err).toBeInstanceOf(ZipDefect)
    return (err as ZipDefect).problem
  }
}

const cases: [string, Buffer, number][] = [
  ['an honest entry', raw, text.length],
  ['an empty one', deflateRawSync(Buffer.alloc(0)), 0],
  ['one longer than it declares', raw, text.length - 1],
  ['one far longer than it declares', raw, 100],
  ['one shorter than it declares', raw, text.length + 1],
  ['one cut short', raw.subarray(0, raw.length >> 1), text.length],
  ['one that is not deflate', noise, 5000],
  ['an honest entry with bytes after its end', Buffer.concat([raw, noise]), text.length],
  // Past its declared size well before it breaks: refused as too long on every path, whatever lies after.
  ['one far longer than it declares and broken past that', brokenAfter, 100],
  ['one declared empty that is not', deflateRawSync(Buffer.from('x')), 0]
]

describe('Inflater', () => {
  it('reuses the native stream on the Node this runs on', () => {
    expect(new Inflater().reusing).toBe(true)
    expect(new Inflater(false).reusing).toBe(false)
  })

  it.each(cases)('answers %s as inflateRawSync does', (_name, input, declared) => {
    const reused = attempt(new Inflater(), input, declared)
    expect(reused).toEqual(attempt(new Inflater(false), input, declared))
    if (typeof reused !== 'string') expect(reused).toEqual(text.subarray(0, declared))
  })

  it.each(cases)("answers %s on zlib's threads (inflateAsync) as it does here", async (_name, input, declared) => {
    const here = attempt(new Inflater(), input, declared)
    const there = await inflateAsync(input, declared, 'lib/a.jar!/Main.class').then(
      out => Buffer.from(out),
      (err: unknown) => {
        expect(err).toBeInstanceOf(ZipDefect)
        return (err as ZipDefect).problem
      }
    )
    expect(there).toEqual(here)
  })

  it("on zlib's threads, stops a bomb at its first buffer, one byte past its declared size", async () => {
    const bomb = deflateRawSync(Buffer.alloc(16 * 1024 * 1024))
    const outputs: number[] = []
    const spy = jest.spyOn(Buffer, 'allocUnsafe').mockImplementation(((size: number) => {
      outputs.push(size)
      return Buffer.allocUnsafeSlow(size)
    }) as never)
    try {
      await expect(inflateAsync(bomb, 100_000, 'a')).rejects.toThrow('entry a inflates past the 100000 bytes it declares')
    } finally {
      spy.mockRestore()
    }
    // zlib's first output buffer only: it is refused as soon as it is full, nothing near 16 MiB.
    expect(outputs.filter(size => size > 4096)).toEqual([100_001])
  })

  it.each([true, false])('words each refusal as the check always has (native stream: %s), the entry named when it fails', reuse => {
    const inflater = new Inflater(reuse)
    const named = (): string => 'lib/a.jar!/Main.class'
    expect(() => inflater.inflate(noise, 0, noise.length, 5000, Buffer.alloc(5001), named)).toThrow(/^entry lib\/a\.jar!\/Main\.class does not inflate/)
    expect(() => inflater.inflate(raw, 0, raw.length, 100, Buffer.alloc(101), named)).toThrow(
      'entry lib/a.jar!/Main.class inflates past the 100 bytes it declares'
    )
    expect(attempt(inflater, raw, text.length - 1)).toBe(`entry lib/a.jar!/Main.class inflates past the ${text.length - 1} bytes it declares`)
    expect(attempt(inflater, raw, text.length + 1)).toBe(`entry lib/a.jar!/Main.class holds ${text.length} bytes, not the ${text.length + 1} it declares`)
    expect(attempt(inflater, raw.subarray(0, 10), text.length)).toBe('entry lib/a.jar!/Main.class does not inflate (unexpected end of file)')
    expect(attempt(inflater, noise, 5000)).toMatch(/^entry lib\/a\.jar!\/Main\.class does not inflate \(invalid .+\)$/)
  })

  it('inflates every entry right after one that failed, whichever way it failed', () => {
    const inflater = new Inflater()
    for (const [, input, declared] of cases) {
      attempt(inflater, input, declared)
      expect(attempt(inflater, raw, text.length)).toEqual(text)
    }
  })

  it('writes into the buffer it is given and no further than one byte past the declared size', () => {
    const out = Buffer.alloc(text.length + 10, 0xee)
    const view = new Inflater().inflate(raw, 0, raw.length, text.length, out, 'a')
    expect(view.buffer).toBe(out.buffer)
    expect(view.byteOffset).toBe(out.byteOffset)
    expect(out.subarray(text.length + 1).every(b => b === 0xee)).toBe(true)
    expect(() => new Inflater().inflate(raw, 0, raw.length, text.length, Buffer.alloc(text.length), 'a')).toThrow(RangeError)
  })

  it.each([true, false])('reads only the bytes it is pointed at inside a larger buffer (native stream: %s)', reuse => {
    // What lies before and after is deflate too: a reader off by a byte would inflate it or fail on it.
    const other = deflateRawSync(Buffer.from('not this one'))
    const zip = Buffer.concat([other, raw, other])
    const inflater = new Inflater(reuse)
    expect(Buffer.from(inflater.inflate(zip, other.length, raw.length, text.length, Buffer.alloc(text.length + 1), 'a'))).toEqual(text)
    expect(() => inflater.inflate(zip, other.length, raw.length - 10, text.length, Buffer.alloc(text.length + 1), 'a')).toThrow(ZipDefect)
    // Refused before zlib sees them: out-of-range offsets are a bug here, never a defect of the archive.
    const outside = new RegExp(`^bytes .+ lie outside a source of ${zip.length}$`)
    const late = zip.length - raw.length + 1
    expect(() => inflater.inflate(zip, late, raw.length, text.length, Buffer.alloc(text.length + 1), 'a')).toThrow(
      `bytes ${late}–${zip.length + 1} lie outside a source of ${zip.length}`
    )
    expect(() => inflater.inflate(zip, 1, zip.length, text.length, Buffer.alloc(text.length + 1), 'a')).toThrow(outside)
    expect(() => inflater.inflate(zip, -1, raw.length, text.length, Buffer.alloc(text.length + 1), 'a')).toThrow(outside)
  })

  it('refuses an output with no byte to spare, whole or in pieces', async () => {
    async function* one(): AsyncGenerator<Buffer> {
      yield raw
    }
    await expect(new Inflater().inflateFrom(one(), text.length, Buffer.alloc(text.length), 'a')).rejects.toThrow(RangeError)
    await expect(new Inflater(false).inflateFrom(one(), text.length, Buffer.alloc(text.length), 'a')).rejects.toThrow(RangeError)
  })

  it('without the native stream, a bomb is stopped at its declared size: no buffer near what it would inflate to', () => {
    const bomb = deflateRawSync(Buffer.alloc(8 * 1024 * 1024))
    let largest = 0
    const spies: { mockRestore(): void }[] = (['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const).map(name => {
      const real = Buffer[name].bind(Buffer) as (size: number, ...rest: unknown[]) => Buffer
      return jest.spyOn(Buffer, name).mockImplementation(((size: number, ...rest: unknown[]) => {
        largest = Math.max(largest, size)
        return real(size, ...rest)
      }) as never)
    })
    // zlib gathers its output pieces with Buffer.concat: what it was asked to gather counts too.
    const concat = Buffer.concat.bind(Buffer)
    spies.push(
      jest.spyOn(Buffer, 'concat').mockImplementation(((list: readonly Uint8Array[], length?: number) => {
        largest = Math.max(largest, length ?? list.reduce((n, b) => n + b.length, 0))
        return concat(list, length)
      }) as never)
    )
    try {
      expect(() => new Inflater(false).inflate(bomb, 0, bomb.length, 1000, Buffer.alloc(1001), 'a')).toThrow('inflates past the 1000 bytes')
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    expect(largest).toBeLessThan(64 * 1024)
  })

  it('can be closed and used again', () => {
    const inflater = new Inflater()
    inflater.close()
    expect(attempt(inflater, raw, text.length)).toEqual(text)
    inflater.close()
    inflater.close()
    expect(attempt(inflater, raw, text.length)).toEqual(text)
  })
})

describe('Inflater, the compressed bytes in pieces', () => {
  async function* split(input: Buffer, size: number): AsyncGenerator<Buffer> {
    // One reused buffer, as the file's reads are: a piece is valid only until the next is asked for.
    const reused = Buffer.alloc(size)
    for (let at = 0; at < input.length; at += size) {
      const n = input.copy(reused, 0, at, at + size)
      yield reused.subarray(0, n)
    }
  }

  async function attemptFrom(inflater: Inflater, input: Buffer, declared: number, size: number): Promise<Buffer | string> {
    try {
      return Buffer.from(await inflater.inflateFrom(split(input, size), declared, Buffer.alloc(declared + 1), 'lib/a.jar'))
    } catch (err) {
      expect(err).toBeInstanceOf(ZipDefect)
      return (err as ZipDefect).problem.replace('lib/a.jar', 'lib/a.jar!/Main.class')
    }
  }

  it.each(cases)('answers %s as it does whole, in pieces of any size, with or without the native stream', async (_name, input, declared) => {
    const whole = attempt(new Inflater(), input, declared)
    for (const size of [1, 7, 1000, input.length + 1]) {
      expect(await attemptFrom(new Inflater(), input, declared, size)).toEqual(whole)
      expect(await attemptFrom(new Inflater(false), input, declared, size)).toEqual(whole)
    }
  })

  it('inflates the next entry right after one that failed', async () => {
    const inflater = new Inflater()
    for (const [, input, declared] of cases) {
      await attemptFrom(inflater, input, declared, 100)
      expect(await attemptFrom(inflater, raw, text.length, 100)).toEqual(text)
    }
  })

  it('reads every piece, even those after the end of the deflate stream', async () => {
    let asked = 0
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const piece of split(Buffer.concat([raw, noise]), 500)) {
        asked++
        yield piece
      }
    }
    await new Inflater().inflateFrom(counted(), text.length, Buffer.alloc(text.length + 1), 'a')
    expect(asked).toBe(Math.ceil((raw.length + noise.length) / 500))
  })
})
