import { createInflateRaw, inflateRawSync } from 'node:zlib'
import { ZipDefect, causeText } from './zip-errors.js'

// Up to this declared size an entry inflates in one synchronous call into one
// buffer of its declared size: a jar's classes (5 kB on average) would pay zlib's
// thread pool (~50 µs a call) and chunk concatenation otherwise. Larger ones
// stream in 1 MiB pieces, so memory stays bounded whatever an entry declares.
export const SYNC_MAX_INFLATED = 8 * 1024 * 1024
const STREAM_CHUNK = 1024 * 1024
const MIN_CHUNK = 64 // zlib's smallest output chunk

/**
 * `raw` inflated in one call. The output chunk is the declared size plus one
 * byte, so zlib writes into one buffer of that size (no concatenation) and one
 * byte past the declared size tells "too long" from "exactly right".
 */
export function inflateWhole(raw: Buffer, declared: number, label: string | (() => string)): Buffer {
  const name = (): string => (typeof label === 'string' ? label : label())
  let out: Buffer
  try {
    out = inflateRawSync(raw, { chunkSize: Math.max(MIN_CHUNK, declared + 1), maxOutputLength: declared + 1 })
  } catch (err) {
    const code = (err as { code?: unknown }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipDefect(`entry ${name()} inflates past the ${declared} bytes it declares`)
    throw new ZipDefect(`entry ${name()} does not inflate (${causeText(err)})`)
  }
  if (out.length !== declared) throw new ZipDefect(`entry ${name()} holds ${out.length} bytes, not the ${declared} it declares`)
  return out
}

/**
 * Inflates compressed pieces as they come, handing each inflated piece to
 * `onOutput` before the next compressed piece is asked for (so a piece may be a
 * view into a reused buffer). Stops at the declared size plus one byte.
 */
export async function inflateStream(input: AsyncIterable<Buffer>, declared: number, label: string, onOutput: (piece: Buffer) => void): Promise<void> {
  const inflate = createInflateRaw({ chunkSize: STREAM_CHUNK })
  let total = 0
  let failure: Error | undefined
  inflate.on('data', (piece: Buffer) => {
    total += piece.length
    if (total > declared) {
      failure ??= new ZipDefect(`entry ${label} inflates past the ${declared} bytes it declares`)
      inflate.destroy()
      return
    }
    if (!failure) onOutput(piece)
  })
  const done = new Promise<void>((resolve, reject) => {
    inflate.once('end', resolve)
    inflate.once('close', () => (failure ? reject(failure) : resolve()))
    inflate.once('error', err => {
      failure ??= new ZipDefect(`entry ${label} does not inflate (${causeText(err)})`)
      reject(failure)
    })
  })
  done.catch(() => undefined)
  try {
    for await (const piece of input) {
      if (failure) break
      // The piece may be reused once asked past: wait until zlib has taken it.
      await Promise.race([new Promise<void>(resolve => inflate.write(piece, () => resolve())), done])
    }
    if (!failure) inflate.end()
    await done
  } finally {
    inflate.destroy()
  }
  if (failure) throw failure
  if (total !== declared) throw new ZipDefect(`entry ${label} holds ${total} bytes, not the ${declared} it declares`)
}
