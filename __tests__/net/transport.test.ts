// The transport's own edges, against loopback servers that do what Boomi, a
// proxy or a kept-alive connection may do: answer early, answer before the
// request, refuse a tunnel; and against a pacer that holds or cancels a request.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import * as net from 'node:net'
import { classifyFailure } from '../../src/boomi/failures.js'
import { proxyAgentFor } from '../../src/core/proxy-agent.js'
import { CancelledError, NetworkError } from '../../src/errors.js'
import { laneSumOf } from '../../src/lane-sum.js'
import { multipartBody } from '../../src/net/multipart.js'
import { createTransport, type HttpRequest } from '../../src/net/transport.js'
import type { PositionalFile } from '../../src/net/verified-read.js'
import { HostileServer } from '../helpers/hostile-server.js'

/** Servers and sockets a test opened, all closed after it. */
const servers: net.Server[] = []
const sockets = new Set<net.Socket>()
let hostile: HostileServer | undefined

afterEach(async () => {
  for (const s of sockets) s.destroy()
  sockets.clear()
  await Promise.all(servers.splice(0).map(s => new Promise(resolve => s.close(resolve))))
  await hostile?.close()
  hostile = undefined
})

/** A TCP server on loopback that hands each connection to `onSocket`; each connection's close is recorded. */
async function rawServer(onSocket: (socket: net.Socket) => void): Promise<{ port: number; closed: Promise<void>[] }> {
  const closed: Promise<void>[] = []
  const server = net.createServer(socket => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    closed.push(new Promise(resolve => socket.once('close', () => resolve())))
    onSocket(socket)
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as net.AddressInfo).port, closed }
}

/** True when `p` settles within `ms`; false otherwise. The timer never outlives the wait. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<false>(resolve => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([p.then(() => true), late])
  } finally {
    clearTimeout(timer)
  }
}

function request(port: number, extra: Partial<HttpRequest> = {}): HttpRequest {
  return {
    operation: 'delete',
    method: 'DELETE',
    url: new URL(`http://127.0.0.1:${port}/v1/acct/ConnectorVersion`),
    headers: {},
    body: '{}',
    timeoutMs: 60_000,
    ...extra
  }
}

/** An archive in memory, as the upload reads it: the real multipart body over it, with how its writing ended. */
function upload(size: number) {
  const bytes = Buffer.alloc(size, 0x61)
  const file: PositionalFile = {
    path: 'memory.car.zip',
    laneSum: laneSumOf(bytes),
    read: async (into, position, length = into.length) => bytes.copy(into, 0, position, Math.min(position + length, size)),
    changed: async () => undefined
  }
  let passed = 0
  const body = multipartBody({ archive: file, fileName: 'c.car.zip', size, groupType: 'g', changeLog: '', sha256: '0'.repeat(64) }, n => (passed = n))
  let ended: Promise<unknown> = new Promise(() => undefined)
  const writeTo = body.writeTo
  body.writeTo = sink => {
    const writing = writeTo(sink)
    ended = writing.then(
      () => 'finished',
      (err: unknown) => err
    )
    return writing
  }
  return { body, ended: () => ended, passed: () => passed }
}

describe('an answer that comes before the body is written', () => {
  it('closes the connection and stops the body, so nothing keeps the process alive', async () => {
    let held: net.Socket | undefined
    const server = await rawServer(socket =>
      socket.once('data', () => {
        // "Not now", on the headers alone; then the server stops reading, and keeps the connection.
        socket.write('HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}')
        socket.pause()
        held = socket
      })
    )
    const { body, ended, passed } = upload(32 * 1024 * 1024)
    const res = await createTransport('test')(request(server.port, { operation: 'create', method: 'POST', body }))
    expect(res.status).toBe(503)
    // The body was cut: it neither finished nor goes on.
    expect(await within(ended(), 3000)).toBe(true)
    const outcome = await ended()
    expect(outcome).toBeInstanceOf(Error)
    expect((outcome as Error).message).toMatch(/closed before its body was written/)
    expect(passed()).toBeLessThan(body.length)
    // Read on, the server finds the connection closed behind what had reached it (not kept alive for the next request).
    held?.resume()
    expect(await within(server.closed[0], 3000)).toBe(true)
  })
})

describe('the wait for a pacer slot', () => {
  it('is not counted against timeout-seconds: a slot that comes after the limit still sends the request', async () => {
    hostile = await new HostileServer(() => ({ status: 200, body: '{}' })).start()
    const port = Number(new URL(hostile.base).port)
    const slot = () => new Promise<void>(resolve => setTimeout(resolve, 2500))
    const res = await createTransport('test')(request(port, { timeoutMs: 1000, beforeSend: slot }))
    expect(res.status).toBe(200)
    expect(hostile.hits).toHaveLength(1)
    expect(hostile.hits[0].complete).toBe(true)
  })

  it('a cancel while waiting for the slot fails the request with the cancel itself, not as a network error', async () => {
    hostile = await new HostileServer(() => ({ status: 200, body: '{}' })).start()
    const port = Number(new URL(hostile.base).port)
    const transport = createTransport('test')
    const cancelled = new CancelledError()
    const err = await transport(request(port, { beforeSend: async () => Promise.reject(cancelled) })).catch(e => e)
    expect(err).toBe(cancelled)
    expect(classifyFailure(err).kind).toBe('client-error')
    const early = new CancelledError()
    expect(await transport(request(port, { beforeConnect: async () => Promise.reject(early) })).catch(e => e)).toBe(early)
    expect(hostile.hits).toHaveLength(0)
  })
})

describe('an answer that comes before the request was written', () => {
  it('is a connection closed before the request was sent (a 408 on an idle connection), not a refusal', async () => {
    // What Node's http server does to a connection idle past its headersTimeout.
    const server = await rawServer(socket => socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'))
    let release: () => void = () => undefined
    const slot = new Promise<void>(resolve => (release = resolve))
    try {
      const err = await createTransport('test')(request(server.port, { beforeSend: () => slot })).catch(e => e)
      expect(err).toBeInstanceOf(NetworkError)
      expect(err.notSent).toBe(true)
      expect(err.message).toMatch(/the connection was closed before the request was sent/)
      expect(classifyFailure(err)).toMatchObject({ kind: 'transient', mayHaveTakenEffect: false })
    } finally {
      release()
    }
  })
})

describe('a proxy that refuses the tunnel', () => {
  const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'] as const
  let saved: Partial<Record<(typeof PROXY_VARS)[number], string>> = {}
  afterEach(() => {
    for (const name of PROXY_VARS) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
    saved = {}
  })

  it.each([
    [407, 'Proxy Authentication Required'],
    [403, 'Forbidden']
  ])('a %i is not retried, was not sent, and says so without the proxy credentials', async (status, reason) => {
    const connects: string[] = []
    const proxy = http.createServer((_req, res) => res.writeHead(405).end())
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      connects.push(req.url ?? '')
      sockets.add(client)
      client.on('error', () => undefined)
      client.end(`HTTP/1.1 ${status} ${reason}\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n`)
    })
    servers.push(proxy)
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
    for (const name of PROXY_VARS) saved[name] = process.env[name]
    for (const name of PROXY_VARS) delete process.env[name]
    process.env.https_proxy = `http://proxy-user:pr0xy-s3cret@127.0.0.1:${(proxy.address() as net.AddressInfo).port}`

    const transport = createTransport('test', { agentFor: proxyAgentFor('test') })
    const err = await transport({ ...request(0), url: new URL('https://boomi.test/partner/api/rest/v1/acct/ConnectorVersion') }).catch(e => e)
    expect(connects).toEqual(['boomi.test:443'])
    expect(err).toBeInstanceOf(NetworkError)
    expect(err.notSent).toBe(true)
    expect(err.message).toMatch(new RegExp(`the proxy refused the connection \\(.*statusCode=${status}\\)\\. Check HTTPS_PROXY`))
    expect(err.message).not.toMatch(/pr0xy-s3cret|proxy-user/)
    expect(classifyFailure(err)).toMatchObject({ kind: 'client-error', mayHaveTakenEffect: false })
  })
})
