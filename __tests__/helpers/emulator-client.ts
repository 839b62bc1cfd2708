// A tiny hand-written client for the emulator's own tests: requests built by hand, so that
// the emulator is checked against docs/boomi-api.md and not against src/'s client.
import { createHash } from 'node:crypto'
import type { Emulator } from '../../emulator/server.js'

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
export const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`

export interface Part {
  name: string
  value: string | Buffer
  fileName?: string
}

export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----emutest${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.fileName !== undefined ? `; filename="${p.fileName}"` : ''}`
    const type = p.fileName !== undefined ? 'Content-Type: application/zip\r\n' : ''
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${type}\r\n`), Buffer.from(p.value), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (r: Response): Promise<any> => JSON.parse(await r.text())

/** Requests to one emulator, under its first prefix unless `apiUrl` says otherwise. */
export function clientOf(emu: Emulator, apiUrl = emu.apiUrl) {
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    Authorization: basic(`BOOMI_TOKEN.${emu.username}`, emu.apiToken),
    Accept: 'application/json',
    ...extra
  })
  const url = (tail: string): string => `${apiUrl}/${emu.accountId}/${tail}`
  const postJson = (tail: string, body: unknown): Promise<Response> =>
    fetch(url(tail), { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: typeof body === 'string' ? body : JSON.stringify(body) })
  return {
    headers,
    url,
    query: (groupType: string): Promise<Response> =>
      postJson('ConnectorVersion/query', { QueryFilter: { expression: { argument: [groupType], operator: 'EQUALS', property: 'GROUP_TYPE' } } }),
    queryMore: (token: string): Promise<Response> =>
      fetch(url('ConnectorVersion/queryMore'), { method: 'POST', headers: headers({ 'Content-Type': 'text/plain' }), body: token }),
    del: (groupType: string, versionId: string): Promise<Response> =>
      fetch(url('ConnectorVersion'), {
        method: 'DELETE',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ groupType, versionId })
      }),
    change: (body: unknown): Promise<Response> => postJson('ConnectorVersionChange', body),
    create: (parts: Part[]): Promise<Response> => {
      const { body, contentType } = multipart(parts)
      return fetch(url('ConnectorVersion'), { method: 'POST', headers: headers({ 'Content-Type': contentType }), body })
    }
  }
}

export function uploadParts(file: Buffer, groupType: string, changeLog?: string): Part[] {
  return [
    { name: 'connectorVersionArchive', value: file, fileName: 'sample.car.zip' },
    { name: 'groupType', value: groupType },
    ...(changeLog === undefined ? [] : [{ name: 'changeLog', value: changeLog }]),
    { name: 'sha256Checksum', value: sha256(file) }
  ]
}
