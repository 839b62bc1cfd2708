// Loaded only when a run uploads, so prune-only runs and input errors never
// pay for the multipart code.
import FormData from 'form-data'
import type { StreamBody } from './transport.js'
import { type PositionalFile, writeVerifiedFile } from './verified-read.js'

export interface UploadParts {
  /** The archive's descriptor, the one it was checked and hashed through. */
  archive: PositionalFile
  fileName: string
  /** The size and digest taken when the archive was hashed: what is sent is checked against them. */
  size: number
  groupType: string
  changeLog: string
  /** Lower-case hex; sent as `sha256Checksum` and required of the bytes streamed. */
  sha256: string
}

/**
 * A multipart body written afresh for every attempt, with its exact length
 * known up front. form-data lays out the parts; the file's bytes are written
 * between its head and tail from reused buffers and verified while they go
 * (see verified-read.ts): a file that is no longer the one hashed fails the
 * body before its last byte.
 */
export function multipartBody(parts: UploadParts, onBytes?: (sent: number) => void): StreamBody {
  const form = new FormData()
  form.append('groupType', parts.groupType)
  form.append('changeLog', parts.changeLog)
  form.append('sha256Checksum', parts.sha256)
  // An empty file part: its bytes go where they would be, right before the closing line.
  form.append('connectorVersionArchive', Buffer.alloc(0), { filename: parts.fileName, contentType: 'application/zip' })
  const layout = form.getBuffer()
  const tail = Buffer.from(`\r\n--${form.getBoundary()}--\r\n`, 'latin1')
  if (!layout.subarray(layout.length - tail.length).equals(tail)) throw new Error('form-data laid out the multipart body in an unexpected way')
  const head = layout.subarray(0, layout.length - tail.length)
  return {
    length: layout.length + parts.size,
    headers: form.getHeaders() as Record<string, string>,
    writeTo: async sink => {
      sink.write(head)
      await writeVerifiedFile({ file: parts.archive, size: parts.size }, sink, onBytes)
      sink.write(tail)
    }
  }
}
