// Messages read as prose whatever text they carry: Boomi's messages often end
// with a period, and a template that adds its own must not print "token.. Check".
// Every template reachable here is fed sentences that end in '.', '!' or '?'.
import { describe, expect, it } from '@jest/globals'
import { MAX_VERSIONS_PER_ACCOUNT, versionLimitIn } from '../../src/boomi/contract.js'
import { hintFor } from '../../src/boomi/refusals.js'
import { outputsOf } from '../../src/domain/outputs.js'
import { renderSummary } from '../../src/domain/summary.js'
import { AnswerError, BoomiError, InputError, type Operation, sentences } from '../../src/errors.js'
import { readInputs } from '../../src/inputs/read.js'
import { INPUTS } from '../../src/inputs/table.js'
import { DEFAULT_BACKOFF, RetryStrategy, gaveUp } from '../../src/net/retry.js'
import type { DeleteAnswer } from '../../src/boomi/client.js'
import type { VersionChange } from '../../src/domain/versions.js'
import { FakeBoomi, makeInputs, runFake, useWorkspace } from '../helpers/fake-run.js'

const ws = useWorkspace()

/** Two stops in a row, or a stop, blank and stop: what a template makes of a sentence that already ended. */
const DOUBLED = /(?<!\.)\.\.(?!\.)|[.!?]\s+[.!?]/

function expectProse(text: string): void {
  expect(text).not.toMatch(DOUBLED)
}

const ENDINGS = ['Invalid token.', 'Denied!', 'Why?', 'No stop', '']

describe('sentences', () => {
  it.each([
    [['a', 'b'], 'a. b'],
    [['a.', 'b'], 'a. b'],
    [['a!', 'b.'], 'a! b.'],
    [['a. ', undefined, '', 'b'], 'a. b'],
    [[undefined, 'b'], 'b']
  ] as const)('%j → %j', (parts, joined) => {
    expect(sentences(...parts)).toBe(joined)
  })
})

describe('errors built from Boomi text that ends a sentence', () => {
  const operations: Operation[] = ['query', 'queryMore', 'create', 'delete', 'version change']
  const statuses = [400, 401, 403, 404, 409, 410, 429, 500, 503]
  const cases = operations.flatMap(op => statuses.flatMap(status => ENDINGS.map(text => [op, status, text] as const)))

  it.each(cases)('%s %i %j', (operation, status, text) => {
    const err = new BoomiError(operation, status, text, undefined, hintFor(operation, status, 'acme-Q7XK2P-sample-uat'))
    expectProse(err.message)
    expectProse((gaveUp(err, 3) as Error).message)
    const strategy = new RetryStrategy({ ...DEFAULT_BACKOFF, maxAttempts: 3, sleep: async () => undefined, random: () => 0.5, log: () => undefined })
    expectProse((strategy.finalError(err, { retry: false, reason: 'throttle-budget', failures: 0, throttledForMs: 600_000 }) as Error).message)
  })

  it("the 401 reads 'token. Check', not 'token.. Check' (issue 21)", () => {
    expect(new BoomiError('query', 401, 'Invalid token.', undefined, hintFor('query', 401)).message).toMatch(/HTTP 401: Invalid token\. Check username/)
  })

  it.each(ENDINGS)('an answer not understood: %j', problem => {
    expectProse(new AnswerError('query', problem).message)
  })
})

describe('input errors with values that end a sentence', () => {
  const base: Record<string, string> = {
    'account-id': 'acme-Q7XK2P',
    username: 'ci-bot@acme.example',
    'api-token': 'tok-secret-123',
    'group-type': 'acme-Q7XK2P-sample',
    archive: 'build/*.car.zip'
  }
  const bad: Record<string, string>[] = [
    ...Object.values(INPUTS).map(spec => ({ [spec.name]: 'not right.' })),
    ...Object.values(INPUTS).map(spec => ({ [spec.name]: '' })),
    { 'expected-sha256': 'a'.repeat(64), archive: '' },
    { 'min-age-days': '3' },
    { 'change-log': 'x.', 'change-log-file': 'CHANGELOG.md' },
    { 'version-id': '12.' },
    { classifications: 'uat.', archive: '' },
    { archive: '' },
    { 'api-url': 'https://u:p@api.boomi.com.' },
    { 'api-url': 'https://api.boomi.com/x?.' },
    { 'api-url': 'http://api.boomi.com.' }
  ]
  it.each(bad)('%j', overrides => {
    const values = { ...base, ...overrides }
    let message = ''
    try {
      readInputs(
        name => values[name] ?? '',
        () => undefined
      )
    } catch (err) {
      expect(err).toBeInstanceOf(InputError)
      message = (err as Error).message
    }
    expectProse(message)
  })
})

/** A Boomi whose every refusal is worded as a sentence, with the hint the real client would add. */
class PoliteBoomi extends FakeBoomi {
  override async deleteVersion(_groupType: string, versionId: string): Promise<DeleteAnswer> {
    this.calls.push(`delete ${versionId}`)
    throw new BoomiError('delete', 500, 'An internal error occurred.', undefined, hintFor('delete', 500))
  }

  override async changeVersion(classificationType: string): Promise<VersionChange> {
    this.calls.push(`change ${classificationType}`)
    throw new BoomiError('version change', 400, 'Classification not found.', undefined, hintFor('version change', 400, classificationType))
  }
}

describe('a whole run whose refusals all end a sentence', () => {
  async function everything(run: Awaited<ReturnType<typeof runFake>>): Promise<void> {
    expect(run.error).toBeDefined()
    expectProse(run.error!.message)
    for (const line of run.lines) expectProse(line)
    expectProse(renderSummary(run.record))
  }

  it('failed deletions and a refused classification change, reported together at the end', async () => {
    const boomi = new PoliteBoomi()
    boomi.seed(4)
    const run = await runFake(boomi, makeInputs({ keepLatest: 1, classifications: ['uat'], maxAttempts: 1 }), ws.dir)
    expect(run.error?.message).toMatch(/classification change.*Pruning failed/)
    await everything(run)
  })

  it('an upload refused after an attempt whose answer was lost', async () => {
    const boomi = new FakeBoomi()
    boomi.createSteps = ['lost', { status: 400, message: 'The archive is not valid.' }]
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toMatch(/not valid\. An upload attempt's answer was lost or not understood/)
    await everything(run)
  })

  it.each([
    ['The account has reached the maximum of 2000 connector versions.', 2000],
    ['Version limit exceeded: maximum is 1,750 versions per account.', 1750],
    ['Too many versions: limit reached.', MAX_VERSIONS_PER_ACCOUNT]
  ])('the version limit is the number Boomi gave: %j', async (message, limit) => {
    expect(versionLimitIn(message)).toBe(limit)
    const boomi = new FakeBoomi()
    boomi.createSteps = [{ status: 400, message }]
    const run = await runFake(boomi, makeInputs(), ws.dir)
    expect(run.error?.message).toContain(`maximum of ${limit} connector versions (Boomi said: ${message})`)
    if (limit !== 1500) expect(run.error?.message).not.toContain('1500')
    expect(outputsOf(run.record).uploaded).toBe('false')
    await everything(run)
  })
})
