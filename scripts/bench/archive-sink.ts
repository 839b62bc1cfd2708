// A server that answers the two requests a release of a new archive makes (the
// group's listing, empty; the upload, a new version) and otherwise only counts
// the bytes it receives: no multipart parsing, no hashing. Against the emulator,
// whose parsing and hashing of the body load the same 2 cores, the client's own
// cost is hidden; against this sink the action and `curl -F` are compared on
// what they do themselves (issue 22.4). Loopback only, port 0.
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type EmulatorInfo, GROUP } from './lib.js'

export interface ByteSink {
  info: EmulatorInfo
  /** Bytes of request bodies received so far. */
  bytes(): number
  stop(): Promise<void>
}

export async function startByteSink(): Promise<ByteSink> {
  let received = 0
  let versions = 0
  const server: Server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (received += chunk.length))
    req.on('end', () => {
      const json = (body: unknown): void => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.method === 'POST' && req.url?.endsWith('/ConnectorVersion/query')) {
        return json({ '@type': 'QueryResult', numberOfResults: 0, result: [] })
      }
      if (req.method === 'POST' && req.url?.endsWith('/ConnectorVersion')) {
        versions++
        return json({
          '@type': 'ConnectorVersion',
          groupType: GROUP,
          versionId: String(versions),
          uploadedDate: new Date().toISOString(),
          deleted: false,
          uploadedBy: { email: 'bench@example.com' }
        })
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"message":"not found"}')
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    info: { apiUrl: `http://127.0.0.1:${port}/api/rest/v1`, accountId: 'bench-account', username: 'bench', apiToken: 'bench-token', groupType: GROUP },
    bytes: () => received,
    stop: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}
