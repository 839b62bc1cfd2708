// Loaded only when a run uploads, so prune-only runs and input errors never
// pay for the multipart code.
import FormData from 'form-data'
import type { Readable } from 'node:stream'
import type { StreamBody } from './transport.js'
import { verifiedFileStream } from './verified-read.js'

export interface UploadParts {
  archivePath: string
  fileName: string
  /** The size and digest taken when the archive was hashed: what is sent is checked against them. */
  size: number
  groupType: string
  changeLog: string
  /** Lower-case hex; sent as `sha256Checksum` and required of the bytes streamed. */
  sha256: string
}

/**
 * A multipart body made afresh on each `open()`, with its exact length known up
 * front. The file part is verified while it streams (see verified-read.ts): a
 * file that is no longer the one hashed fails the body before its last byte.
 */
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
    open: () => build(verifiedFileStream({ path: parts.archivePath, size: parts.size, sha256: parts.sha256 }, onBytes), boundary)
  }
}
