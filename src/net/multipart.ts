// Loaded only when a run uploads, so prune-only runs and input errors never
// pay for the multipart code.
import { createReadStream } from 'node:fs'
import FormData from 'form-data'
import type { Readable } from 'node:stream'
import type { StreamBody } from './transport.js'

export interface UploadParts {
  archivePath: string
  fileName: string
  size: number
  groupType: string
  changeLog: string
  sha256: string
}

// Large reads keep the upload close to the disk's and socket's pace (64 KiB default chunks cost a lot of time).
const READ_CHUNK = 1024 * 1024

/** A multipart body made afresh on each `open()`, with its exact length known up front. */
export function multipartBody(parts: UploadParts, onBytes?: (sent: number) => void): StreamBody {
  const build = (file: Readable | Buffer, boundary?: string): FormData => {
    const form = new FormData()
    // Each part's header embeds the boundary when appended, so it is fixed first.
    if (boundary) form.setBoundary(boundary)
    form.append('groupType', parts.groupType)
    form.append('changeLog', parts.changeLog)
    form.append('sha256Checksum', parts.sha256)
    form.append('connectorVersionArchive', file, {
      filename: parts.fileName,
      contentType: 'application/zip',
      knownLength: parts.size
    })
    return form
  }
  // The length and headers depend only on the text parts and the file's known
  // size, so a probe with an empty placeholder measures them without opening the file.
  const probe = build(Buffer.alloc(0))
  const boundary = probe.getBoundary()
  return {
    length: probe.getLengthSync(),
    headers: probe.getHeaders() as Record<string, string>,
    open: () => {
      const file = createReadStream(parts.archivePath, { highWaterMark: READ_CHUNK })
      if (onBytes) {
        let sent = 0
        file.on('data', chunk => onBytes((sent += chunk.length)))
      }
      return build(file, boundary)
    }
  }
}
