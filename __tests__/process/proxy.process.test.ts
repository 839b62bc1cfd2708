// Requests honour https_proxy / no_proxy (through @actions/http-client's agent).
// The api-url must be https and off loopback for a proxy to be used at all, so
// the "Boomi" here is https://boomi.test: a forwarding proxy on loopback tunnels
// CONNECT boomi.test:443 to a TLS front (certificate for boomi.test, trusted
// through NODE_EXTRA_CA_CERTS) that passes the bytes on to the emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as http from 'node:http'
import * as net from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import * as tls from 'node:tls'
import { Emulator } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { runAction } from '../../scripts/run-action.js'
import { makeConnectorZip } from '../helpers/zip.js'

const CERT = path.resolve('__tests__/fixtures/boomi-test.crt')
const KEY = path.resolve('__tests__/fixtures/boomi-test.key')
const GROUP = 'acme-Q7XK2P-sample'

let emu: Emulator
/** Where the TLS front sends its bytes, and how long its handshakes take. */
let target: Emulator
let handshakeDelayMs = 0
let front: tls.Server
let proxy: http.Server
const connects: string[] = []
const sockets = new Set<net.Socket>()
const workspaces: string[] = []

function port(server: net.Server): number {
  return (server.address() as net.AddressInfo).port
}

beforeAll(async () => {
  emu = new Emulator({ groups: [GROUP] })
  await emu.start()
  target = emu
  const context = tls.createSecureContext({ cert: readFileSync(CERT), key: readFileSync(KEY) })
  // SNICallback runs inside the handshake: delaying it makes a slow handshake, as a far server has.
  const SNICallback = (_name: string, cb: (err: Error | null, ctx?: tls.SecureContext) => void) => setTimeout(() => cb(null, context), handshakeDelayMs)
  front = tls.createServer({ SNICallback }, clear => {
    const upstream = net.connect(target.port, '127.0.0.1')
    sockets.add(clear).add(upstream)
    clear.pipe(upstream).pipe(clear)
    clear.on('error', () => upstream.destroy())
    upstream.on('error', () => clear.destroy())
  })
  await new Promise<void>(resolve => front.listen(0, '127.0.0.1', resolve))
  proxy = http.createServer((_req, res) => res.writeHead(405).end())
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '')
    const upstream = net.connect(port(front), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      client.pipe(upstream).pipe(client)
    })
    sockets.add(client).add(upstream)
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
  })
  await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
})

afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise(resolve => proxy.close(resolve))
  await new Promise(resolve => front.close(resolve))
  await emu.close()
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  emu.reset()
  target = emu
  handshakeDelayMs = 0
  connects.length = 0
})

function workspace(): string {
  const work = mkdtempSync(path.join(tmpdir(), 'proxy-ws-'))
  workspaces.push(work)
  mkdirSync(path.join(work, 'dist'))
  // A real connector zip: the action reads the archive through before any request.
  writeFileSync(path.join(work, 'dist', 'c.car.zip'), makeConnectorZip())
  return work
}

const inputs = () => ({
  'account-id': emu.accountId,
  username: emu.username,
  'api-token': emu.apiToken,
  'group-type': GROUP,
  'api-url': 'https://boomi.test/api/rest/v1',
  archive: 'dist/c.car.zip',
  'requests-per-second': '50'
})

describe('proxy', () => {
  it('sends every request through https_proxy', async () => {
    const r = await runAction(inputs(), { cwd: workspace(), env: { https_proxy: `http://127.0.0.1:${port(proxy)}`, NODE_EXTRA_CA_CERTS: CERT } })
    expect(r.errors).toEqual([])
    expect(r.code).toBe(0)
    expect(r.outputs['uploaded']).toBe('true')
    expect(connects.length).toBeGreaterThanOrEqual(1)
    expect(connects.every(c => c === 'boomi.test:443')).toBe(true)
    expect(emu.requests.map(q => q.operation)).toEqual(['query', 'create'])
    expect(emu.requests.every(q => q.headers.host === 'boomi.test')).toBe(true)
  })

  it('says so when the proxy refuses the tunnel', async () => {
    const refusing = http.createServer()
    refusing.on('connect', (_req: http.IncomingMessage, client: net.Socket) => client.end('HTTP/1.1 403 Forbidden\r\n\r\n'))
    await new Promise<void>(resolve => refusing.listen(0, '127.0.0.1', resolve))
    try {
      const r = await runAction(
        { ...inputs(), 'max-attempts': '1' },
        { cwd: workspace(), env: { https_proxy: `http://127.0.0.1:${port(refusing)}`, NODE_EXTRA_CA_CERTS: CERT } }
      )
      expect(r.code).toBe(1)
      expect(r.errors[0]).toMatch(/the proxy refused the connection .*statusCode=403/)
    } finally {
      await new Promise(resolve => refusing.close(resolve))
    }
  })

  it('bypasses the proxy for hosts in no_proxy', async () => {
    const r = await runAction(
      { ...inputs(), 'max-attempts': '1', 'timeout-seconds': '5' },
      { cwd: workspace(), env: { https_proxy: `http://127.0.0.1:${port(proxy)}`, no_proxy: 'example.com,.test', NODE_EXTRA_CA_CERTS: CERT } }
    )
    expect(r.code).toBe(1)
    expect(connects).toEqual([])
    expect(emu.requests).toEqual([])
  })
})

describe('pacing with slow handshakes', () => {
  it('counts spacing from when a new connection is ready, so the server sees no more than requests-per-second', async () => {
    const limited = new Emulator({ rateLimit: 5 })
    await limited.start()
    try {
      target = limited
      handshakeDelayMs = 300
      seedGroup(limited, { groupType: GROUP, count: 16, seed: 5 })
      const r = await runAction(
        {
          'account-id': limited.accountId,
          username: limited.username,
          'api-token': limited.apiToken,
          'group-type': GROUP,
          'api-url': 'https://boomi.test/api/rest/v1',
          'keep-latest': '1',
          'requests-per-second': '5',
          'max-attempts': '1'
        },
        { cwd: workspace(), env: { https_proxy: `http://127.0.0.1:${port(proxy)}`, NODE_EXTRA_CA_CERTS: CERT } }
      )
      expect(r.errors).toEqual([])
      expect(r.code).toBe(0)
      // several deletions run at once, each on a new connection with a 300 ms handshake
      expect(connects.length).toBeGreaterThan(1)
      expect(limited.requests.filter(q => q.status === 503)).toHaveLength(0)
      expect(limited.maxRequestsInWindow(1000)).toBeLessThanOrEqual(5)
      expect(JSON.parse(r.outputs['deleted-version-ids'])).toHaveLength(15)
    } finally {
      await limited.close()
    }
  })
})
