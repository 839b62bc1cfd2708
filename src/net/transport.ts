import * as http from 'node:http'
import * as https from 'node:https'
import * as tls from 'node:tls'
import type { Writable } from 'node:stream'
import { AnswerError, NetworkError, type Operation } from '../errors.js'
import { exactBytes } from '../text.js'

/** A body that can be produced afresh for every attempt (a stream is single-use). */
export interface StreamBody {
  length: number
  headers: Record<string, string>
  /**
   * Writes exactly `length` bytes to `sink`, afresh on every call, and resolves
   * once they are written (it never ends the sink). If it fails (say the file is
   * no longer the one hashed), the request is cut before its end and the body's
   * own error is the request's: a local failure, never a lost answer.
   */
  writeTo(sink: Writable): Promise<void>
}

export interface HttpRequest {
  operation: Operation
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
 * No Boomi answer comes near this (a full page is 100 versions with change logs
 * of a few KB); an answer beyond it is refused while it streams, so a broken or
 * hostile server cannot make the run hold it in memory.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024

export interface TransportOptions {
  maxAnswerBytes?: number
  /**
   * The agent for a URL. The runner passes @actions/http-client's choice, so
   * `https_proxy`, `no_proxy` and runner proxy settings are honoured; without
   * it, direct keep-alive connections (tests on loopback).
   */
  agentFor?: (url: string) => http.Agent
}

/**
 * Sends requests with node's http(s) over the agent `agentFor` chooses. Node's
 * request is used directly (rather than HttpClient.request) to enforce a limit
 * on the whole request, abort it cleanly, bound the answer, and stream a body
 * of known length without buffering it.
 */
export function createTransport(userAgent: string, options: TransportOptions = {}): Transport {
  const direct = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) }
  const agentFor = options.agentFor ?? ((url: string) => (url.startsWith('https:') ? direct.https : direct.http))
  const maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES
  return async req => {
    await req.beforeConnect?.()
    return exchange(req, requestOptions(req, userAgent, agentFor(req.url.href)), maxAnswerBytes)
  }
}

function requestOptions(req: HttpRequest, userAgent: string, agent: http.Agent): https.RequestOptions {
  const isHttps = req.url.protocol === 'https:'
  const headers: Record<string, string | number> = { ...req.headers, 'User-Agent': userAgent }
  if (typeof req.body === 'string') {
    headers['Content-Length'] = Buffer.byteLength(req.body)
  } else if (req.body) {
    Object.assign(headers, req.body.headers)
    headers['Content-Length'] = req.body.length
  }
  return {
    method: req.method,
    host: req.url.hostname.replace(/^\[|\]$/g, ''),
    port: req.url.port || (isHttps ? 443 : 80),
    path: req.url.pathname + req.url.search,
    headers,
    agent
  }
}

function exchange(req: HttpRequest, options: https.RequestOptions, maxAnswerBytes: number): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    let sent = false
    let settled = false
    const settle = (err: Error | undefined, answer?: HttpResponse): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (err) reject(err)
      else resolve(answer as HttpResponse)
      // An answer before the body's end (a 503 or 413 on the headers): the rest is not wanted, and a
      // server that stops reading would hold the body, the socket and the process for good.
      if (err || !request.writableFinished) request.destroy()
    }
    const fail = (code: string, detail: string): void => settle(new NetworkError(req.operation, code, detail, !sent))
    const request = (req.url.protocol === 'https:' ? https : http).request(options, res => {
      // Nothing was asked yet, so this is no answer to it: a server closing an idle kept-alive connection (a 408).
      if (!sent) return fail('ECONNRESET', 'the connection was closed before the request was sent')
      readAnswer(req.operation, res, maxAnswerBytes, settle)
    })
    request.on('error', err => fail(errorCode(err), describeNetworkError(err)))
    const started = Date.now()
    const limit = (ms: number): NodeJS.Timeout =>
      setTimeout(() => fail('ETIMEDOUT', `no complete answer within ${req.timeoutMs / 1000} s (timeout-seconds)`), ms)
    let timer = limit(req.timeoutMs)

    const write = (): void => {
      if (settled) return
      sent = true
      writeBody(request, req.body, err => settle(err))
    }
    // Nothing is written until the connection is ready: headers go out with the first write.
    whenReady(request, () => {
      if (!req.beforeSend) return write()
      // The wait for a pacer slot is not the request's: its time stops until the slot is taken.
      clearTimeout(timer)
      const spent = Date.now() - started
      req.beforeSend().then(
        () => {
          if (settled) return
          timer = limit(req.timeoutMs - spent)
          write()
        },
        // The pacer's own failure (a cancelled run) is the request's, as it is.
        (err: unknown) => settle(err instanceof Error ? err : new Error(String(err)))
      )
    })
  })
}

/** Collects the answer up to the limit; beyond it the socket is destroyed and the answer refused. */
function readAnswer(operation: Operation, res: http.IncomingMessage, maxBytes: number, settle: (err: Error | undefined, answer?: HttpResponse) => void): void {
  const tooLarge = (): void => {
    settle(new AnswerError(operation, `the answer is larger than ${exactBytes(maxBytes)}, the most this release reads of one answer`))
    res.destroy()
  }
  const declared = Number(res.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge()
  const chunks: Buffer[] = []
  let total = 0
  res.on('data', (chunk: Buffer) => {
    total += chunk.length
    if (total > maxBytes) return tooLarge()
    chunks.push(chunk)
  })
  res.on('error', err => settle(new NetworkError(operation, errorCode(err), `the answer was cut off (${err.message})`, false)))
  res.on('aborted', () => settle(new NetworkError(operation, 'ECONNRESET', 'the answer was cut off', false)))
  res.on('end', () => settle(undefined, { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
}

function writeBody(request: http.ClientRequest, body: string | StreamBody | undefined, onBodyError: (err: Error) => void): void {
  if (body === undefined || typeof body === 'string') {
    request.end(body)
    return
  }
  // The body's own error (a local failure) is the request's: never counted as a lost answer.
  body.writeTo(request).then(
    () => request.end(),
    (err: unknown) => onBodyError(err instanceof Error ? err : new Error(String(err)))
  )
}

function whenReady(request: http.ClientRequest, onReady: () => void): void {
  let ready = false
  const once = (): void => {
    if (ready) return
    ready = true
    onReady()
  }
  request.on('socket', socket => {
    if (request.reusedSocket) once()
    else if (socket instanceof tls.TLSSocket) {
      if (handshakeDone(socket)) once()
      else socket.once('secureConnect', once)
    } else if (socket.connecting) socket.once('connect', once)
    else once()
  })
}

function handshakeDone(socket: tls.TLSSocket): boolean {
  // Both stay unset until the handshake ends (getProtocol() answers earlier, so it cannot tell).
  return socket.authorized || socket.authorizationError != null
}

/**
 * The code of a NetworkError for a tunnel the proxy refused with 407 (credentials wanted or wrong)
 * or 403 (not allowed): the same request would be refused again, and nothing reached Boomi.
 */
export const PROXY_REFUSED = 'EPROXYREFUSED'

/** The status a proxy refused the tunnel with: the proxy agent reports it as a reset, in its message only. */
function proxyStatus(err: Error): number | undefined {
  const status = /tunneling socket could not be established, statusCode=(\d+)/i.exec(err.message)?.[1]
  return status === undefined ? undefined : Number(status)
}

function errorCode(err: Error): string {
  const proxy = proxyStatus(err)
  if (proxy === 407 || proxy === 403) return PROXY_REFUSED
  return (err as NodeJS.ErrnoException).code ?? 'ERROR'
}

function describeNetworkError(err: Error): string {
  const code = errorCode(err)
  // Never the proxy's URL: it may hold credentials.
  if (code === PROXY_REFUSED) return `the proxy refused the connection (${err.message}). Check HTTPS_PROXY (or https_proxy) and the credentials in it`
  // The proxy agent reports a refused CONNECT as a reset; its message says what the proxy answered.
  if (/tunneling socket/i.test(err.message)) return `the proxy refused the connection (${err.message})`
  if (code === 'ECONNRESET' || err.message === 'socket hang up') return 'the connection was dropped before an answer came'
  if (code === 'ECONNREFUSED') return `the connection was refused (${err.message})`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `the host name could not be resolved (${err.message}). Check the host in api-url, e.g. https://api.boomi.com, or https://api.platform.gb.boomi.com for the EU platform`
  }
  return err.message || code
}
