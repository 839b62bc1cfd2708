/**
 * Request bodies. Multipart bodies are parsed with busboy as they stream: the archive part is
 * hashed and counted, never kept (flat memory for 1 GB uploads). Other bodies are kept up to
 * 1 MiB.
 */
import type http from 'node:http'
import { createHash } from 'node:crypto'
import busboy from 'busboy'

export const ARCHIVE_PART = 'connectorVersionArchive'
const TEXT_BODY_LIMIT = 1 << 20

export interface Multipart {
  fields: Record<string, string>
  partOrder: string[]
  file?: { fileName: string; size: number; sha256: string; head: Buffer }
  archiveNotAFile: boolean
  duplicates: string[]
  error?: string
}
export interface Body {
  text?: string
  multipart?: Multipart
  aborted: boolean
}

/** Reads the whole request body. Never rejects: parse problems land in `multipart.error`. */
export function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise(resolve => {
    let settled = false
    const settle = (b: Body): void => {
      if (!settled) {
        settled = true
        resolve(b)
      }
    }
    // The client went away before the body was complete.
    req.on('close', () => {
      if (!req.complete) settle({ aborted: true })
    })
    const ct = (req.headers['content-type'] ?? '').toLowerCase()
    if (ct.startsWith('multipart/form-data')) readMultipart(req, mp => settle({ multipart: mp, aborted: false }))
    else readText(req, settle)
  })
}

function readText(req: http.IncomingMessage, settle: (b: Body) => void): void {
  const chunks: Buffer[] = []
  let kept = 0
  req.on('data', (c: Buffer) => {
    if (kept < TEXT_BODY_LIMIT) {
      chunks.push(c.subarray(0, TEXT_BODY_LIMIT - kept))
      kept += Math.min(c.length, TEXT_BODY_LIMIT - kept)
    }
  })
  req.on('end', () => settle({ text: Buffer.concat(chunks).toString('utf8'), aborted: false }))
  req.on('error', () => settle({ aborted: true }))
}

function readMultipart(req: http.IncomingMessage, done: (mp: Multipart) => void): void {
  const mp: Multipart = { fields: {}, partOrder: [], archiveNotAFile: false, duplicates: [] }
  const seen = new Set<string>()
  const filesDone: Promise<void>[] = []
  const noteName = (name: string): void => {
    mp.partOrder.push(name)
    if (seen.has(name)) mp.duplicates.push(name)
    seen.add(name)
  }
  const failAndDrain = (err: unknown): void => {
    mp.error ??= err instanceof Error ? err.message : String(err)
    req.unpipe()
    req.resume() // discard the rest, then answer
  }
  let bb: busboy.Busboy
  try {
    bb = busboy({ headers: req.headers, defParamCharset: 'utf8' })
  } catch (err) {
    failAndDrain(err) // e.g. no boundary
    req.on('end', () => done(mp))
    return
  }
  bb.on('field', (name, value, info) => {
    noteName(name)
    if (name === ARCHIVE_PART) mp.archiveNotAFile = true
    else mp.fields[name] = value
    if (info.valueTruncated) mp.error ??= `part '${name}' is too large`
  })
  bb.on('file', (name, stream, info) => {
    noteName(name)
    if (name !== ARCHIVE_PART || mp.file) {
      stream.resume()
      return
    }
    mp.file = { fileName: info.filename ?? '', size: 0, sha256: '', head: Buffer.alloc(0) }
    filesDone.push(hashArchive(stream, mp.file))
  })
  bb.on('error', (err: unknown) => {
    failAndDrain(err)
    if (req.complete) done(mp)
    else req.on('end', () => done(mp))
  })
  bb.on('close', () => {
    void Promise.all(filesDone).then(() => done(mp))
  })
  req.pipe(bb)
}

/** Counts and hashes the archive part as it streams; keeps only its first two bytes (the zip magic). */
function hashArchive(stream: NodeJS.ReadableStream, file: NonNullable<Multipart['file']>): Promise<void> {
  const hash = createHash('sha256')
  stream.on('data', (c: Buffer) => {
    hash.update(c)
    file.size += c.length
    if (file.head.length < 2) file.head = Buffer.concat([file.head, c.subarray(0, 2 - file.head.length)])
  })
  return new Promise<void>(resolve => {
    stream.on('end', () => {
      file.sha256 = hash.digest('hex')
      resolve()
    })
    stream.on('error', () => resolve())
  })
}
