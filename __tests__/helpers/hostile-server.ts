// A loopback server that plays a broken or hostile Boomi: each request is
// answered by the test's script. It records what arrived, and whether a body
// arrived whole, so a test can tell "Boomi could have stored it" from "it could not".
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Readable } from 'node:stream'

export interface Hit {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  /** The body as text (first 1 MiB). */
  body: string
  bytes: number
  /** True once the body arrived to the end and matched its Content-Length. */
  complete: boolean
  /** True once the request ended or was cut. */
  settled: boolean
}

export interface Reply {
  status: number
  body?: string | (() => Readable)
  headers?: Record<string, string>
}

export type Script = (hit: Hit, index: number) => Reply

const KEPT_TEXT = 1 << 20

export class HostileServer {
  readonly hits: Hit[] = []
  private server?: http.Server

  constructor(private readonly script: Script) {}

  get base(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => this.handle(req, res))
    this.server = server
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    return this
  }

  async close(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    const done = new Promise<void>(resolve => server.close(() => resolve()))
    server.closeAllConnections()
    await done
  }

  /** Resolves once every request seen so far has ended or been cut (bounded by the caller's test timeout). */
  async settled(): Promise<void> {
    while (this.hits.some(h => !h.settled)) await new Promise(resolve => setTimeout(resolve, 5))
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const hit: Hit = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: '', bytes: 0, complete: false, settled: false }
    const index = this.hits.push(hit) - 1
    const chunks: Buffer[] = []
    let kept = 0
    req.on('data', (chunk: Buffer) => {
      hit.bytes += chunk.length
      if (kept < KEPT_TEXT) chunks.push(chunk.subarray(0, KEPT_TEXT - kept))
      kept += chunk.length
    })
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    req.on('close', () => {
      hit.settled = true
    })
    req.on('end', () => {
      hit.body = Buffer.concat(chunks).toString('utf8')
      const declared = req.headers['content-length']
      hit.complete = declared === undefined || Number(declared) === hit.bytes
      hit.settled = true
      this.reply(res, this.script(hit, index))
    })
  }

  private reply(res: http.ServerResponse, reply: Reply): void {
    const headers = { 'Content-Type': 'application/json', ...reply.headers }
    if (typeof reply.body === 'function') {
      res.writeHead(reply.status, headers)
      const stream = reply.body()
      stream.on('error', () => res.destroy())
      res.on('close', () => stream.destroy())
      stream.pipe(res)
      return
    }
    res.writeHead(reply.status, headers).end(reply.body ?? '')
  }
}

/** The JSON text of a version object as Boomi writes it, with overrides. */
export function versionJson(versionId: string | number, groupType: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@type': 'ConnectorVersion',
    versionId,
    groupType,
    displayVersion: String(versionId),
    changeLog: '',
    uploadedDate: '2024-01-01T00:00:00Z',
    deleted: false,
    releaseVersion: false,
    ...extra
  }
}
