// The client against a loopback server playing a broken or hostile Boomi
// (issue 12 points 1–5, 7, 8, 13): whatever it cannot understand stops it.
import { afterEach, describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { HttpBoomiClient, type RequestPacer } from '../../src/boomi/client.js'
import { isVersionLimitRefusal, MAX_QUERY_PAGES } from '../../src/boomi/contract.js'
import { AnswerError, BoomiError } from '../../src/errors.js'
import { createTransport } from '../../src/net/transport.js'
import { HostileServer, type Script, versionJson } from '../helpers/hostile-server.js'

const GROUP = 'acme-Q7XK2P-sample'
const TOKEN = 'tok-9f8e7d6c5b4a3210fedcba'
const USER = 'BOOMI_TOKEN.ci@acme.example'

let server: HostileServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

interface Seen {
  lines: string[]
  observed: [number, number | undefined][]
}

async function against(script: Script, maxAttempts = 1): Promise<{ c: HttpBoomiClient; seen: Seen; hits: HostileServer['hits'] }> {
  server = await new HostileServer(script).start()
  const seen: Seen = { lines: [], observed: [] }
  const pacer: RequestPacer = {
    due: async () => undefined,
    take: async () => undefined,
    observe: (status, retryAfterMs) => void seen.observed.push([status, retryAfterMs])
  }
  const c = new HttpBoomiClient({
    apiUrl: `${server.base}/partner/api/rest/v1`,
    accountId: 'acct',
    username: USER,
    apiToken: TOKEN,
    timeoutMs: 20_000,
    transport: createTransport('test'),
    pacer,
    retry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1, sleep: async () => undefined, random: () => 0, log: l => void seen.lines.push(l) },
    log: { info: l => void seen.lines.push(l), warning: l => void seen.lines.push(`warning: ${l}`), debug: () => undefined }
  })
  return { c, seen, hits: server.hits }
}

const json = (value: unknown) => ({ status: 200, body: JSON.stringify(value) })
const queryPage = (result: unknown[], extra: Record<string, unknown> = {}) => json({ '@type': 'QueryResult', ...extra, result })

describe('listings that are not understood fail the run instead of reading as an empty group', () => {
  it.each([['{}'], ['null'], ['[]'], ['{"numberOfResults":3,"result":"three"}']])('a 200 of %s', async body => {
    const { c, hits } = await against(() => ({ status: 200, body }), 3)
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(AnswerError)
    expect(err.message).toMatch(/^query answer not understood: /)
    expect(hits).toHaveLength(1) // not retried: asking again would not help
  })

  it('a queryToken returned twice', async () => {
    const { c, hits } = await against(() => queryPage([versionJson(1, GROUP)], { queryToken: 'again' }))
    await expect(c.listGroup(GROUP)).rejects.toThrow(/queryMore returned a token it had already returned/)
    expect(hits).toHaveLength(2)
  })

  it('fresh tokens for ever: stops at the page bound', async () => {
    const { c, hits } = await against((_hit, i) => queryPage([], { queryToken: `fresh-${i}` }))
    await expect(c.listGroup(GROUP)).rejects.toThrow(AnswerError)
    expect(hits).toHaveLength(MAX_QUERY_PAGES)
  })
})

describe('numberOfResults only describes', () => {
  it('a count that fits neither reading is one warning; the listing stands', async () => {
    const { c, seen } = await against(() => queryPage([versionJson(1, GROUP)], { numberOfResults: 2 }))
    expect((await c.listGroup(GROUP)).map(v => v.versionId)).toEqual(['1'])
    expect(seen.lines.filter(l => l.startsWith('warning: '))).toEqual([expect.stringMatching(/'numberOfResults' \(2\) fits neither/)])
  })

  it.each([
    ['counting each page', [2, 1]],
    ['counting the query', [3, 3]]
  ])('%s, over two pages: no warning', async (_name, [first, second]) => {
    const { c, seen } = await against((_hit, i) =>
      i === 0
        ? queryPage([versionJson(1, GROUP), versionJson(2, GROUP)], { numberOfResults: first, queryToken: 'p2' })
        : queryPage([versionJson(3, GROUP)], { numberOfResults: second })
    )
    expect((await c.listGroup(GROUP)).map(v => v.versionId)).toEqual(['1', '2', '3'])
    expect(seen.lines.filter(l => l.startsWith('warning: '))).toEqual([])
  })
})

describe('listings read safely', () => {
  it('the newest version listed on two pages counts once', async () => {
    const newest = versionJson(3, GROUP, { uploadedDate: '2024-03-01T00:00:00Z' })
    const { c } = await against((_hit, i) =>
      i === 0
        ? queryPage([versionJson(1, GROUP), versionJson(2, GROUP), newest], { numberOfResults: 4, queryToken: 'p2' })
        : queryPage([newest], { numberOfResults: 4 })
    )
    expect((await c.listGroup(GROUP)).map(v => v.versionId)).toEqual(['1', '2', '3'])
  })

  it('a version listed twice with different fields', async () => {
    const { c } = await against((_hit, i) =>
      i === 0 ? queryPage([versionJson(1, GROUP)], { queryToken: 'p2' }) : queryPage([versionJson(1, GROUP, { reviewStatus: 'APPROVED' })])
    )
    await expect(c.listGroup(GROUP)).rejects.toThrow(/listed twice with different fields/)
  })

  it('versions of another group are left out and reported once, escaped', async () => {
    const { c, seen } = await against(() =>
      queryPage([versionJson(1, GROUP), versionJson('::warning x', 'other-group'), versionJson(9, 'other-group', { changeLog: 'sha256: abc' })])
    )
    expect((await c.listGroup(GROUP)).map(v => v.versionId)).toEqual(['1'])
    const warnings = seen.lines.filter(l => l.startsWith('warning: '))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/held 2 versions of other groups, left out: "::warning x", "9"/)
    expect(warnings[0].split('\n').every(line => !line.trimStart().startsWith('::'))).toBe(true)
  })

  it('tolerant spellings of protection and strict deletion reach the caller normalised', async () => {
    const { c } = await against(() =>
      queryPage([
        versionJson(1, GROUP, { reviewStatus: ' approved' }),
        versionJson(2, GROUP, { releaseVersion: 'TRUE' }),
        versionJson(3, GROUP, { deleted: 'true' }),
        versionJson(4, GROUP, { releaseVersion: 'perhaps' })
      ])
    )
    const [a, b, d, e] = await c.listGroup(GROUP)
    expect(a.reviewStatus).toBe('APPROVED')
    expect(b.releaseVersion).toBe(true)
    expect(d.deleted).toBe(true)
    expect(e.releaseVersion).toBe('unclear')
  })

  it('a deleted flag that reads neither way fails the listing', async () => {
    const { c } = await against(() => queryPage([versionJson(1, GROUP, { deleted: 'soon' })]))
    await expect(c.listGroup(GROUP)).rejects.toThrow(/'deleted' of version "1" is neither true nor false/)
  })
})

describe('bounded answers', () => {
  const HUGE = 300 * 1024 * 1024

  /** 300 MB made lazily, 64 KiB at a time; counts what it produced. */
  function lazy(produced: { bytes: number }): () => Readable {
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    return () =>
      new Readable({
        read() {
          if (produced.bytes >= HUGE) return void this.push(null)
          produced.bytes += chunk.length
          this.push(chunk)
        }
      })
  }

  it('a 300 MB answer is refused while it streams, at the limit', async () => {
    const produced = { bytes: 0 }
    const { c } = await against(() => ({ status: 200, body: lazy(produced) }))
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(AnswerError)
    expect(err.message).toContain('larger than 16 MiB, the most this release reads')
    expect(produced.bytes).toBeLessThan(HUGE / 4)
  })

  it('an answer that declares 300 MB is refused before it is read', async () => {
    const produced = { bytes: 0 }
    const { c } = await against(() => ({ status: 500, body: lazy(produced), headers: { 'Content-Length': String(HUGE) } }), 3)
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(AnswerError)
    expect(produced.bytes).toBeLessThan(HUGE / 4)
  })
})

describe('an answer not understood: where to look', () => {
  it('the first one points at api-url; one after an answer was understood says api-url is right and the shape is new', async () => {
    const { c } = await against((_hit, index) =>
      index === 0 ? { status: 200, body: '<html>login</html>' } : index === 1 ? queryPage([]) : { status: 200, body: '{"odd": true}' }
    )
    const first = await c.listGroup(GROUP).catch(e => e)
    expect(first).toBeInstanceOf(AnswerError)
    expect(first.message).toMatch(/Check api-url/)
    expect(await c.listGroup(GROUP)).toEqual([])
    const later = await c.changeVersion(`${GROUP}-uat`, '12', 'n').catch(e => e)
    expect(later).toBeInstanceOf(AnswerError)
    expect(later.message).not.toMatch(/Check api-url/)
    expect(later.message).toMatch(/^version change answer not understood: .*Boomi's API has answered this run before, so api-url is right: .*Please report it/)
  })
})

describe('refusals', () => {
  it('a 429 whose text mentions a maximum of versions is throttling, not the version limit', async () => {
    const { c } = await against(() => ({
      status: 429,
      body: JSON.stringify({ message: 'Too many requests: maximum of 10 per second for connector versions' })
    }))
    const err = await c.createVersion(GROUP, { length: 0, headers: {}, writeTo: async () => undefined }).catch(e => e)
    expect(err).toBeInstanceOf(BoomiError)
    expect(err.status).toBe(429)
    expect(isVersionLimitRefusal(err.status, err.boomiMessage)).toBe(false)
  })

  it('an error body echoing the credentials shows no piece of them', async () => {
    const basic = Buffer.from(`${USER}:${TOKEN}`).toString('base64')
    // The token starts just before character 500, where the text used to be cut: its prefix survived.
    const echo = `proxy error ${'-'.repeat(470)} password=${TOKEN} Authorization: Basic ${basic}`
    const { c } = await against(() => ({ status: 500, body: echo, headers: { 'Content-Type': 'text/html' } }))
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err).toBeInstanceOf(BoomiError)
    for (const piece of [TOKEN.slice(0, 6), TOKEN.slice(-6), basic.slice(0, 6), basic.slice(-8)]) expect(err.message).not.toContain(piece)
  })

  it("an error body naming the user keeps the name (no secret, and the 401 hint asks to check it), not the word 'Basic'", async () => {
    const { c } = await against(() => ({ status: 401, body: `Basic authentication failed for user ${USER}`, headers: { 'Content-Type': 'text/plain' } }))
    const err = await c.listGroup(GROUP).catch(e => e)
    expect(err.message).toContain(`Basic authentication failed for user ${USER}`)
  })

  it('versions whose describing fields or review status echo the token, in any case, hand none of it on', async () => {
    const basic = Buffer.from(`${USER}:${TOKEN}`).toString('base64')
    const echoing = { displayVersion: `v ${TOKEN}`, uploadedBy: { email: basic }, carLink: `https://x.example/${TOKEN}`, reviewStatus: TOKEN }
    const { c } = await against((_hit, i) =>
      i === 0 ? queryPage([versionJson(1, GROUP, echoing)]) : json({ ...versionJson(2, GROUP, { ...echoing, changeLog: 'n' }) })
    )
    const listed = await c.listGroup(GROUP)
    const created = await c.createVersion(GROUP, { length: 0, headers: {}, writeTo: async () => undefined })
    // The unknown status is kept upper-cased, as read, so that is the form it would have shown the token in.
    expect(listed[0].reviewStatus).toBe('***')
    expect(listed[0].displayVersion).toBe('v ***')
    for (const text of [JSON.stringify(listed), JSON.stringify(created)]) {
      for (const piece of [TOKEN, TOKEN.toUpperCase(), basic].flatMap(s => [s.slice(0, 6), s.slice(-6)])) expect(text).not.toContain(piece)
    }
  })

  it('every answer reaches the pacer with its Retry-After', async () => {
    const { c, seen } = await against((_hit, i) => (i === 0 ? { status: 503, body: '{}', headers: { 'Retry-After': '2' } } : queryPage([])), 2)
    await c.listGroup(GROUP)
    expect(seen.observed).toEqual([
      [503, 2000],
      [200, undefined]
    ])
  })
})

describe("a version change's reviewReason only describes", () => {
  const change = (extra: Record<string, unknown>) => json({ classificationType: `${GROUP}-uat`, versionId: '12', reviewStatus: 'REJECTED', ...extra })

  it('is kept as one inert line, scrubbed of the token and cut', async () => {
    const reason = `Rejected by ${TOKEN}\r\n::error::forged\u0007 ${'x'.repeat(2000)}`
    const { c } = await against(() => change({ reviewReason: reason }))
    const answer = await c.changeVersion(`${GROUP}-uat`, '12', 'n')
    expect(answer.reviewStatus).toBe('REJECTED')
    expect(answer.reviewReason).toBeDefined()
    expect(answer.reviewReason).not.toContain(TOKEN)
    expect(answer.reviewReason).not.toMatch(/[\r\n]/)
    expect(answer.reviewReason).not.toContain(String.fromCharCode(7))
    expect(answer.reviewReason).toMatch(/^Rejected by \*\*\* ::error::forged x+/)
    expect(answer.reviewReason!.length).toBeLessThanOrEqual(520)
  })

  it.each([[''], ['   '], [null], [42], [{ text: 'no' }], [['no']]])('%j is left out, and the answer still reads', async reviewReason => {
    const { c } = await against(() => change({ reviewReason }))
    expect(await c.changeVersion(`${GROUP}-uat`, '12', 'n')).toEqual({ classificationType: `${GROUP}-uat`, versionId: '12', reviewStatus: 'REJECTED' })
  })
})
