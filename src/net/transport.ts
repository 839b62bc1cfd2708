import * as http from 'node:http'
import * as https from 'node:https'
import * as tls from 'node:tls'
import type { Readable } from 'node:stream'
import { HttpClient } from '@actions/http-client'
import { NetworkError } from '../errors.js'

/** A body that can be produced afresh for every attempt (a stream is single-use). */
export interface StreamBody {
  length: number
  headers: Record<string, string>
  open(): Readable
}

export interface HttpRequest {
  operation: string
  method: string
  url: URL
  headers: Record<string, string>
  body?: string | StreamBody
  timeoutMs: number
  /**
   * Awaited once the connection is ready (TCP connected and TLS done, or a
   * kept-alive socket reused) and before a byte of the request is written: the
   * pacer waits here, so a slow handshake is not counted as spacing.
   */
  beforeSend?: () => Promise<void>
  /** Awaited before a connection is sought at all (the pacer's `due`). */
  beforeConnect?: () => Promise<void>
}

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
}

export type Transport = (req: HttpRequest) => Promise<HttpResponse>

/**
 * Sends requests with node's http(s) over the agent that @actions/http-client
 * chooses, so `https_proxy`, `no_proxy` and runner proxy settings are honoured.
 * Node's request is used directly (rather than HttpClient.request) to enforce a
 * limit on the whole request, abort it cleanly, and stream a body of known
 * length without buffering it.
 */
export function createTransport(userAgent: string): Transport {
  const proxyAware = new HttpClient(userAgent, undefined, { keepAlive: true, allowRetries: false })
  return async req => {
    await req.beforeConnect?.()
    return new Promise<HttpResponse>((resolve, reject) => {
      const isHttps = req.url.protocol === 'https:'
      const headers: Record<string, string | number> = { ...req.headers, 'User-Agent': userAgent }
      if (typeof req.body === 'string') {
        headers['Content-Length'] = Buffer.byteLength(req.body)
      } else if (req.body) {
        Object.assign(headers, req.body.headers)
        headers['Content-Length'] = req.body.length
      }
      const options: https.RequestOptions = {
        method: req.method,
        host: req.url.hostname.replace(/^\[|\]$/g, ''),
        port: req.url.port || (isHttps ? 443 : 80),
        path: req.url.pathname + req.url.search,
        headers,
        agent: proxyAware.getAgent(req.url.href)
      }
      let sent = false
      let settled = false
      const fail = (code: string, detail: string): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        reject(new NetworkError(req.operation, code, detail, !sent))
      }
      const request = (isHttps ? https : http).request(options, res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', err => fail(errorCode(err), `the answer was cut off (${err.message})`))
        res.on('end', () => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })
        })
      })
      request.on('error', err => fail(errorCode(err), describeNetworkError(err)))
      const timer = setTimeout(() => {
        fail('ETIMEDOUT', `no complete answer within ${req.timeoutMs / 1000} s (timeout-seconds)`)
        request.destroy()
      }, req.timeoutMs)

      const write = (): void => {
        if (settled) return
        sent = true
        if (req.body === undefined || typeof req.body === 'string') {
          request.end(req.body)
        } else {
          const source = req.body.open()
          source.on('error', err => {
            fail('EREAD', `could not read the archive while sending it: ${err.message}`)
            request.destroy()
          })
          source.pipe(request)
        }
      }
      let ready = false
      const onReady = (): void => {
        if (ready) return
        ready = true
        if (!req.beforeSend) return write()
        req.beforeSend().then(write, err => {
          fail('EABORT', String(err))
          request.destroy()
        })
      }
      // Nothing is written until the connection is ready: headers go out with the first write.
      request.on('socket', socket => {
        if (request.reusedSocket) onReady()
        else if (socket instanceof tls.TLSSocket) {
          if (handshakeDone(socket)) onReady()
          else socket.once('secureConnect', onReady)
        } else if (socket.connecting) socket.once('connect', onReady)
        else onReady()
      })
    })
  }
}

function handshakeDone(socket: tls.TLSSocket): boolean {
  // Both stay unset until the handshake ends (getProtocol() answers earlier, so it cannot tell).
  return socket.authorized || socket.authorizationError != null
}

function errorCode(err: Error): string {
  return (err as NodeJS.ErrnoException).code ?? 'ERROR'
}

function describeNetworkError(err: Error): string {
  const code = errorCode(err)
  // The proxy agent reports a refused CONNECT as a reset; its message says what the proxy answered.
  if (/tunneling socket/i.test(err.message)) return `the proxy refused the connection (${err.message})`
  if (code === 'ECONNRESET' || err.message === 'socket hang up') return 'the connection was dropped before an answer came'
  if (code === 'ECONNREFUSED') return `the connection was refused (${err.message})`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name could not be resolved (${err.message})`
  return err.message || code
}
