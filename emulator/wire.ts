/**
 * The wire format: JSON or XML as the `Accept` header asks (the platform answers XML unless
 * told otherwise), Boomi's error shape, and writing or dropping an answer.
 */
import type http from 'node:http'

/** What the emulator decided to answer: a JSON-able payload (rendered as JSON or XML). */
export interface Answer {
  status: number
  payload: object
  headers?: Record<string, string>
  versionId?: string
}

/** An answer already rendered to bytes-to-be. */
export interface Rendered {
  status: number
  contentType: string
  body: string
  headers?: Record<string, string>
}

export type StatusFault = { status: number; body?: string; contentType?: string; headers?: Record<string, string> }

/** Boomi's refusal, as `error-403.json` shows it: the message alone. */
export function errorPayload(message: string): object {
  return { message }
}

export function errorAnswer(status: number, message: string): Answer {
  return { status, payload: errorPayload(message) }
}

export function render(req: http.IncomingMessage, a: Answer): Rendered {
  const json = wantsJson(req)
  return {
    status: a.status,
    contentType: json ? 'application/json' : 'application/xml',
    body: json ? JSON.stringify(a.payload) : toXml(a.payload, a.status >= 400 ? 'error' : undefined),
    headers: a.headers
  }
}

/** A scripted status: Boomi's error shape unless the script gives a body of its own. */
export function renderFault(req: http.IncomingMessage, f: StatusFault): Rendered {
  if (f.body === undefined) return render(req, { status: f.status, payload: errorPayload(`Injected fault: HTTP ${f.status}`), headers: f.headers })
  return { status: f.status, contentType: f.contentType ?? guessType(f.body), body: f.body, headers: f.headers }
}

export function send(res: http.ServerResponse, r: Rendered, extraHeaders: Record<string, string>): void {
  const buf = Buffer.from(r.body, 'utf8')
  res.writeHead(r.status, {
    ...extraHeaders,
    'Content-Type': `${r.contentType}; charset=utf-8`,
    'Content-Length': String(buf.length),
    ...r.headers
  })
  res.end(buf)
}

/** The connection goes away without an answer: the client sees a socket error. */
export function drop(req: http.IncomingMessage): void {
  req.socket.destroy()
}

function wantsJson(req: http.IncomingMessage): boolean {
  return /application\/json/i.test(req.headers.accept ?? '')
}

function guessType(body: string): string {
  try {
    JSON.parse(body)
    return 'application/json'
  } catch {
    return 'text/plain'
  }
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A simple XML rendering, the root named by `@type`; errors become <error><message>…</message></error>. */
export function toXml(payload: object, rootTag?: string): string {
  const type = (payload as { '@type'?: string })['@type']
  const root = rootTag ?? (type === 'Error' ? 'error' : (type ?? 'result'))
  const el = (tag: string, v: unknown): string => {
    if (v === undefined) return ''
    if (Array.isArray(v)) return v.map(x => el(tag, x)).join('')
    if (isPlainObject(v)) {
      const inner = Object.entries(v)
        .filter(([k]) => k !== '@type')
        .map(([k, x]) => el(k, x))
        .join('')
      return `<${tag}>${inner}</${tag}>`
    }
    return `<${tag}>${xmlEscape(String(v))}</${tag}>`
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${el(root, payload)}`
}
