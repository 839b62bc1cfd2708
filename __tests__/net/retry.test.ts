import { describe, expect, it } from '@jest/globals'
import { classifyFailure } from '../../src/boomi/failures.js'
import { AnswerError, BoomiError, NetworkError } from '../../src/errors.js'
import {
  type Failure,
  MAX_TIMER_MS,
  RetryStrategy,
  THROTTLE_BUDGET_MS,
  backoffDelay,
  gaveUp,
  nextStep,
  parseRetryAfter,
  timerDelay,
  withRetries,
  type RetryPolicy
} from '../../src/net/retry.js'

/** A strategy whose sleep moves a fake clock and records each delay. */
function policy(maxAttempts: number, random = () => 0.5, extra: Partial<RetryPolicy> = {}) {
  let t = 0
  const sleeps: number[] = []
  const lines: string[] = []
  const p = new RetryStrategy({
    maxAttempts,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
    sleep: async ms => {
      sleeps.push(ms)
      t += ms
    },
    random,
    log: line => lines.push(line),
    now: () => t,
    ...extra
  })
  return { p, sleeps, lines, clock: { now: () => t, advance: (ms: number) => void (t += ms) } }
}

const busy = (retryAfterMs?: number) => new BoomiError('query', 503, 'busy', retryAfterMs)
const slowDown = (retryAfterMs?: number) => new BoomiError('query', 429, 'slow down', retryAfterMs)
const broken = (retryAfterMs?: number) => new BoomiError('query', 500, 'internal', retryAfterMs)
const dropped = () => new NetworkError('query', 'ECONNRESET', 'dropped', false)
const unresolved = (code: string) => new NetworkError('query', code, `getaddrinfo ${code} api.boomi.cmo`, true)
const badCert = () => new NetworkError('query', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify', true)

const throttling = (retryAfterMs?: number): Failure => ({ kind: 'throttling', mayHaveTakenEffect: false, retryAfterMs, label: 'HTTP 503' })
const serverError = (retryAfterMs?: number): Failure => ({ kind: 'server-error', mayHaveTakenEffect: true, retryAfterMs, label: 'HTTP 500' })
const transient: Failure = { kind: 'transient', mayHaveTakenEffect: true, label: 'ECONNRESET' }
const nameNotResolvedYet: Failure = { kind: 'transient', mayHaveTakenEffect: false, label: 'EAI_AGAIN', maxTries: 2 }
const clientError: Failure = { kind: 'client-error', mayHaveTakenEffect: false, label: 'HTTP 401' }

describe('classifyFailure: every failure read once, at the Boomi edge', () => {
  const cases: [string, unknown, Partial<Failure>][] = [
    ['503 is throttling, nothing done', busy(2000), { kind: 'throttling', mayHaveTakenEffect: false, retryAfterMs: 2000 }],
    ['429 is throttling, nothing done', slowDown(), { kind: 'throttling', mayHaveTakenEffect: false }],
    ['500 is a server error that may have done the work', broken(), { kind: 'server-error', mayHaveTakenEffect: true }],
    ['502 may have done the work', new BoomiError('create', 502, ''), { kind: 'server-error', mayHaveTakenEffect: true }],
    ['504 may have done the work', new BoomiError('create', 504, ''), { kind: 'server-error', mayHaveTakenEffect: true }],
    ['401 is final', new BoomiError('query', 401, ''), { kind: 'client-error', mayHaveTakenEffect: false }],
    ['404 is final', new BoomiError('query', 404, ''), { kind: 'client-error' }],
    ['499 is final', new BoomiError('query', 499, ''), { kind: 'client-error' }],
    ['a dropped connection after writing is transient and may have done the work', dropped(), { kind: 'transient', mayHaveTakenEffect: true }],
    [
      'a refused connection is transient and did nothing',
      new NetworkError('query', 'ECONNREFUSED', 'refused', true),
      { kind: 'transient', mayHaveTakenEffect: false }
    ],
    ['a certificate failure is final', badCert(), { kind: 'client-error' }],
    ['a host name that does not exist is final', unresolved('ENOTFOUND'), { kind: 'client-error' }],
    ["a resolver's 'try again' is worth two tries in all", unresolved('EAI_AGAIN'), { kind: 'transient', maxTries: 2 }],
    ['a bug is final', new Error('bug'), { kind: 'client-error', mayHaveTakenEffect: false }],
    [
      'a listing answered 2xx but not understood is final and changed nothing',
      new AnswerError('query', 'odd'),
      { kind: 'client-error', mayHaveTakenEffect: false }
    ],
    [
      'an upload answered 2xx but not understood is final and may have stored it',
      new AnswerError('create', 'odd'),
      { kind: 'client-error', mayHaveTakenEffect: true }
    ],
    ['a delete answered but not understood may have deleted it', new AnswerError('delete', 'too large'), { kind: 'client-error', mayHaveTakenEffect: true }],
    [
      'a version change answered 2xx but not understood may have made it',
      new AnswerError('version change', 'odd'),
      { kind: 'client-error', mayHaveTakenEffect: true }
    ],
    ['a thrown string is final', 'odd', { kind: 'client-error' }]
  ]
  it.each(cases)('%s', (_name, err, expected) => {
    expect(classifyFailure(err)).toMatchObject(expected)
  })
})

describe('nextStep: the one retry decision', () => {
  const base = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, random: () => 0.5 }
  const fresh = { failures: 0 }
  const cases: [string, Failure, { failures: number; throttledForMs?: number }, object][] = [
    ['a client error is final, and counts as a failure of the request', clientError, { failures: 2 }, { retry: false, reason: 'not-retryable', failures: 3 }],
    ['a server error spends an attempt, backs off', serverError(), fresh, { retry: true, throttled: false, delayMs: 500, failures: 1 }],
    ['the backoff doubles', serverError(), { failures: 2 }, { retry: true, throttled: false, delayMs: 2000, failures: 3 }],
    ['the fourth failure draws below 8 s', serverError(), { failures: 3 }, { retry: true, delayMs: 4000, failures: 4 }],
    ['a transient failure spends an attempt', transient, fresh, { retry: true, throttled: false, failures: 1 }],
    ['the fifth real failure of five ends it', serverError(), { failures: 4 }, { retry: false, reason: 'attempts', failures: 5 }],
    ['throttling after four real failures still retries', throttling(), { failures: 4, throttledForMs: 0 }, { retry: true, throttled: true, failures: 4 }],
    ['throttling spends no attempt', throttling(), { failures: 0, throttledForMs: 0 }, { retry: true, throttled: true, failures: 0 }],
    ['throttling without Retry-After waits a short jitter', throttling(), { failures: 0, throttledForMs: 0 }, { retry: true, throttled: true, delayMs: 500 }],
    ['Retry-After is honoured', throttling(7000), { failures: 0, throttledForMs: 0 }, { retry: true, throttled: true, delayMs: 7000 }],
    ['Retry-After: 0 retries at once', throttling(0), { failures: 0, throttledForMs: 0 }, { retry: true, throttled: true, delayMs: 0 }],
    ['a day of Retry-After on a 503 is cut to 120 s', throttling(86_400_000), { failures: 0, throttledForMs: 0 }, { retry: true, delayMs: 120_000 }],
    ['a day of Retry-After on a 500 is cut to 120 s (issue 12.6)', serverError(86_400_000), fresh, { retry: true, delayMs: 120_000 }],
    ['10^9 s of Retry-After does not overflow', throttling(1e12), { failures: 0, throttledForMs: 0 }, { retry: true, delayMs: 120_000 }],
    ["a resolver's 'try again' is tried once more", nameNotResolvedYet, fresh, { retry: true, throttled: false, failures: 1 }],
    [
      "a resolver's second 'try again' is final, attempts left or not",
      nameNotResolvedYet,
      { failures: 1 },
      { retry: false, reason: 'not-retryable', failures: 2 }
    ],
    [
      'a wait that would start the next attempt past the budget ends it',
      throttling(7000),
      { failures: 0, throttledForMs: THROTTLE_BUDGET_MS - 6999 },
      { retry: false, reason: 'throttle-budget', throttledForMs: THROTTLE_BUDGET_MS - 6999 }
    ],
    [
      'a wait that fits the budget exactly goes ahead',
      throttling(7000),
      { failures: 0, throttledForMs: THROTTLE_BUDGET_MS - 7000 },
      { retry: true, delayMs: 7000 }
    ],
    [
      'a spent budget ends it even without a wait',
      throttling(0),
      { failures: 0, throttledForMs: THROTTLE_BUDGET_MS + 1 },
      { retry: false, reason: 'throttle-budget' }
    ],
    [
      'a spent throttling budget does not stop real errors',
      serverError(),
      { failures: 0, throttledForMs: THROTTLE_BUDGET_MS * 2 },
      { retry: true, throttled: false }
    ]
  ]
  it.each(cases)('%s', (_name, failure, state, expected) => {
    expect(nextStep(failure, state, base)).toMatchObject(expected)
  })

  it('honours a policy budget other than the default', () => {
    expect(nextStep(throttling(2000), { failures: 0, throttledForMs: 9000 }, { ...base, throttleBudgetMs: 10_000 })).toMatchObject({ retry: false })
    expect(nextStep(throttling(1000), { failures: 0, throttledForMs: 9000 }, { ...base, throttleBudgetMs: 10_000 })).toMatchObject({ retry: true })
  })
})

describe('RetryStrategy: the throttling episode', () => {
  it('counts wall time from the first throttled answer, the attempts and the pacing included', () => {
    const { p, clock } = policy(5, () => 0.5, { throttleBudgetMs: 10_000 })
    expect(p.decide(throttling(1000), 0)).toMatchObject({ retry: true })
    // the attempt, and a pacer holding it back, take time that no planned delay shows
    clock.advance(8500)
    expect(p.decide(throttling(1000), 0)).toMatchObject({ retry: true })
    clock.advance(600)
    expect(p.decide(throttling(1000), 0)).toMatchObject({ retry: false, reason: 'throttle-budget' })
    expect(p.throttledMs).toBe(9100)
  })

  it('a success ends the episode: a later throttled answer starts a new budget', () => {
    const { p, clock } = policy(5, () => 0.5, { throttleBudgetMs: 10_000 })
    p.decide(throttling(), 0)
    clock.advance(9000)
    p.recordSuccess()
    clock.advance(60_000)
    expect(p.decide(throttling(1000), 0)).toMatchObject({ retry: true })
    clock.advance(2000)
    expect(p.throttledMs).toBe(11_000)
  })

  it('counts only the time spent throttled, episode by episode, however late the first one starts', () => {
    const { p, clock } = policy(5)
    clock.advance(1000)
    p.recordSuccess() // no episode open: nothing to count
    expect(p.throttledMs).toBe(0)
    p.decide(throttling(), 0)
    clock.advance(4000)
    p.recordSuccess()
    expect(p.throttledMs).toBe(4000)
    clock.advance(10_000) // not throttled: not counted
    expect(p.throttledMs).toBe(4000)
    p.decide(throttling(), 0)
    clock.advance(1500)
    expect(p.throttledMs).toBe(5500)
  })

  it('gives up naming the episode as it stood at the decision, even when a success (the look after a lost answer) closed it since', () => {
    const { p, clock } = policy(5, () => 0.5, { throttleBudgetMs: 10_000 })
    p.decide(throttling(), 0)
    clock.advance(9800)
    const step = p.decide(throttling(500), 0)
    expect(step).toMatchObject({ retry: false, reason: 'throttle-budget', throttledForMs: 9800 })
    clock.advance(300)
    p.recordSuccess() // the upload's look for its version, a listing that succeeded
    if (step.retry) throw new Error('expected to give up')
    expect((p.finalError(new Error('HTTP 503: busy'), step) as Error).message).toBe(
      "HTTP 503: busy (gave up after 10 s of throttling, near the 10 s limit; the account's rate limit is spent by other jobs or tools: run fewer at once, or lower requests-per-second)"
    )
  })

  it('one episode for every request: another request throttled meanwhile shares the budget', () => {
    const { p, clock } = policy(5, () => 0.5, { throttleBudgetMs: 10_000 })
    p.decide(throttling(), 0) // request A
    clock.advance(9800)
    expect(p.decide(throttling(500), 0)).toMatchObject({ retry: false, reason: 'throttle-budget' }) // request B, first throttled answer of its own
  })
})

describe('withRetries', () => {
  it('retries 429, 5xx and network errors, logging each retry', async () => {
    const { p, sleeps, lines } = policy(5)
    const failures = [broken(), slowDown(), dropped()]
    let calls = 0
    const result = await withRetries('query', p, classifyFailure, async () => {
      calls++
      const f = failures.shift()
      if (f) throw f
      return 'ok'
    })
    expect(result).toBe('ok')
    expect(calls).toBe(4)
    expect(sleeps).toEqual([500, 500, 1000])
    expect(lines[0]).toMatch(/^query: attempt 1 of 5 failed: query failed: HTTP 500: internal; retrying in 500 ms$/)
    expect(lines[1]).toMatch(/^query: throttled \(HTTP 429\), waiting 500 ms; 0 s of the 600 s throttling budget used$/)
    expect(lines[2]).toMatch(/^query: attempt 2 of 5 failed: query failed: dropped; retrying in 1000 ms$/)
  })

  it('does not retry other 4xx', async () => {
    const { p, sleeps } = policy(5)
    let calls = 0
    await expect(
      withRetries('delete', p, classifyFailure, async () => {
        calls++
        throw new BoomiError('delete', 401, 'Unauthorized')
      })
    ).rejects.toThrow(/HTTP 401/)
    expect(calls).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('gives up after max-attempts of real errors with the last error and says so', async () => {
    const { p } = policy(3)
    let calls = 0
    await expect(
      withRetries('query', p, classifyFailure, async () => {
        calls++
        throw broken()
      })
    ).rejects.toThrow(/HTTP 500: internal \(gave up after 3 attempts; raise max-attempts/)
    expect(calls).toBe(3)
  })

  it('does not spend max-attempts on throttling: ten 503s then success with max-attempts 2', async () => {
    const { p, lines } = policy(2)
    let calls = 0
    const result = await withRetries('query', p, classifyFailure, async () => {
      if (++calls <= 10) throw busy()
      return 'ok'
    })
    expect(result).toBe('ok')
    expect(calls).toBe(11)
    expect(lines.filter(l => l.includes('throttled (HTTP 503)'))).toHaveLength(10)
  })

  it('bounds throttling by wall time: persistent 503s stop once the next attempt would start past the budget', async () => {
    const { p, sleeps, clock } = policy(5, () => 0.5, { throttleBudgetMs: 60_000 })
    let calls = 0
    await expect(
      withRetries('query', p, classifyFailure, async () => {
        calls++
        clock.advance(200) // the request and the pacer's spacing
        throw busy(5000)
      })
    ).rejects.toThrow(/HTTP 503: busy \(gave up after \d+ s of throttling, near the 60 s limit/)
    // from the first throttled answer (after the first request) to the last answer: the budget and one request at most
    const spent = sleeps.reduce((a, b) => a + b, 0) + (calls - 1) * 200
    expect(spent).toBeLessThanOrEqual(60_000 + 200)
    expect(spent).toBeGreaterThan(60_000 - 5200)
    expect(calls).toBe(12)
  })

  it('a success ends the throttling episode: the next request throttled has the whole budget again', async () => {
    const { p, clock } = policy(5, () => 0.5, { throttleBudgetMs: 10_000 })
    const run = (waits: number[]) =>
      withRetries('query', p, classifyFailure, async () => {
        const wait = waits.shift()
        if (wait !== undefined) throw busy(wait)
        return 'ok'
      })
    await expect(run([9000])).resolves.toBe('ok')
    clock.advance(500)
    await expect(run([2000, 2000])).resolves.toBe('ok')
    expect(p.throttledMs).toBe(13_000)
  })

  it('says how much of the throttling budget is spent, in seconds of wall time', async () => {
    const { p, lines, clock } = policy(5, () => 0.5, { throttleBudgetMs: 60_000 })
    const err = await withRetries('query', p, classifyFailure, async () => {
      clock.advance(200)
      throw busy(5000)
    }).catch((e: unknown) => e as Error)
    expect(lines[0]).toMatch(/; 0 s of the 60 s throttling budget used$/)
    expect(lines[1]).toMatch(/; 5 s of the 60 s throttling budget used$/) // 5000 ms asleep and 200 ms asking
    expect(lines[2]).toMatch(/; 10 s of the 60 s throttling budget used$/)
    const spentS = Math.round(p.throttledMs / 1000)
    expect(spentS).toBeGreaterThan(50)
    expect(err.message).toContain(`(gave up after ${spentS} s of throttling, near the 60 s limit;`)
  })

  it('sleeps no longer than Node timers allow, whatever the server says (issue 12.6)', async () => {
    const { p, sleeps } = policy(5, () => 0.5, { maxRetryAfterMs: 1e15, throttleBudgetMs: Infinity })
    const failures = [broken(1e15), busy(1e15)]
    await withRetries('query', p, classifyFailure, async () => {
      const f = failures.shift()
      if (f) throw f
      return 'ok'
    })
    expect(sleeps).toEqual([MAX_TIMER_MS, MAX_TIMER_MS])
  })
})

describe('gaveUp', () => {
  it('adds the note to a copy of the same class with the original as cause, leaving the thrown error alone', () => {
    const original = broken()
    const given = gaveUp(original, 3) as BoomiError
    expect(given).toBeInstanceOf(BoomiError)
    expect(given.status).toBe(500)
    expect(given.message).toMatch(/HTTP 500: internal \(gave up after 3 attempts; raise max-attempts to try longer\)$/)
    expect(given.cause).toBe(original)
    expect(original.message).toBe('query failed: HTTP 500: internal')
  })

  it('notes a failure that is not an Error on a new Error, keeping its text and the value as the cause', () => {
    const given = gaveUp('socket closed', 2) as Error
    expect(given).toBeInstanceOf(Error)
    expect(given.message).toBe('socket closed (gave up after 2 attempts; raise max-attempts to try longer)')
    expect(given.cause).toBe('socket closed')
  })

  it("leaves the copy's message and cause as open as any error's: changed by a caller, or noted again", () => {
    const noted = gaveUp(gaveUp(broken(), 2), 3) as BoomiError
    expect(noted.message).toMatch(/internal \(gave up after 2 attempts; .*\) \(gave up after 3 attempts; /)
    noted.message = 'rewritten'
    noted.cause = 'another'
    expect([noted.message, noted.cause]).toEqual(['rewritten', 'another'])
  })
})

describe('backoffDelay', () => {
  const p = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, random: () => 0.99 }
  it('honours Retry-After over the backoff, within its cap', () => {
    expect(backoffDelay(1, { retryAfterMs: 7000 }, p)).toBe(7000)
    expect(backoffDelay(1, { retryAfterMs: 10_000_000 }, p)).toBe(120_000)
    expect(backoffDelay(10, {}, p)).toBe(Math.floor(0.99 * 30_000))
    expect(backoffDelay(3, {}, { ...p, random: () => 0 })).toBe(0)
  })

  it('full jitter: a uniform draw below a ceiling that doubles per attempt', () => {
    expect(backoffDelay(1, {}, { ...p, random: () => 0.5 })).toBe(500)
    expect(backoffDelay(2, {}, { ...p, random: () => 0.5 })).toBe(1000)
    expect(backoffDelay(3, {}, { ...p, random: () => 0.5 })).toBe(2000)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds or a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000)
    expect(parseRetryAfter('0', 0)).toBe(0)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(undefined, 0)).toBeUndefined()
  })

  it('a date in the past is 0', () => {
    expect(parseRetryAfter(new Date(1000).toUTCString(), 1_000_000)).toBe(0)
  })

  it('10^9 seconds, or more digits than a number holds, fits a timer (issue 12.6)', () => {
    expect(parseRetryAfter('1000000000', 0)).toBe(MAX_TIMER_MS)
    expect(parseRetryAfter('9'.repeat(60), 0)).toBe(MAX_TIMER_MS)
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', 0)).toBe(MAX_TIMER_MS)
  })

  it('does not read an over-long header at all', () => {
    expect(parseRetryAfter('1'.repeat(65), 0)).toBeUndefined()
  })

  // A clock of today: V8's Date.parse reads many non-dates (' 5', '1.5') as days of 2001, in the past by now.
  const today = Date.parse('2026-12-02T15:00:00Z')

  it('reads seconds with a fraction, and with white space around them, up to 64 characters in all', () => {
    expect(parseRetryAfter('1.5', today)).toBe(1500)
    expect(parseRetryAfter('1.25', today)).toBe(1250)
    expect(parseRetryAfter(' 5\t', today)).toBe(5000)
    expect(parseRetryAfter('5'.padStart(64), today)).toBe(5000)
    expect(parseRetryAfter('5'.padStart(65), today)).toBeUndefined()
  })

  it('reads a date that ends in digits (the asctime form) as a date', () => {
    const asctime = 'Sun Nov  6 08:49:37 1994'
    expect(parseRetryAfter(asctime, Date.UTC(1994, 10, 6, 8, 49, 7))).toBe(30_000)
  })

  it('takes a header that starts with seconds but goes on as unreadable, not as those seconds or as 0', () => {
    for (const value of ['1e3', '0x10', '12abc', '5 s']) expect(parseRetryAfter(value, today)).toBeUndefined()
  })

  // RFC 9110 §10.2.3 and §5.6.7: delay-seconds, or an HTTP-date in one of its three forms, always GMT.
  it('reads a date only in the three HTTP-date forms, as GMT whatever the local zone', () => {
    const at = Date.UTC(2026, 5, 1, 12, 0, 0)
    expect(parseRetryAfter('Mon, 01 Jun 2026 12:00:30 GMT', at)).toBe(30_000)
    expect(parseRetryAfter('Monday, 01-Jun-26 12:00:30 GMT', at)).toBe(30_000)
    expect(parseRetryAfter('Mon Jun  1 12:00:30 2026', at)).toBe(30_000)
    expect(parseRetryAfter('Mon Jun 11 12:00:30 2026', at)).toBe(10 * 86_400_000 + 30_000)
    // A two-digit year more than 50 years ahead is the last century's; exactly 50 ahead is not.
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 7))).toBe(30_000)
    expect(parseRetryAfter('Friday, 01-Jun-76 12:00:00 GMT', at)).toBe(MAX_TIMER_MS)
    expect(parseRetryAfter('Monday, 01-Jun-77 12:00:00 GMT', at)).toBe(0)
  })

  it('reads every month by its name', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    for (const [i, month] of months.entries()) {
      const day = new Date(Date.UTC(2026, i, 2)).toUTCString().slice(0, 3)
      expect([month, parseRetryAfter(`${day}, 02 ${month} 2026 00:00:00 GMT`, Date.UTC(2026, i, 1))]).toEqual([month, 86_400_000])
    }
  })

  it('takes anything else as unreadable: signs, a trailing dot, dates without GMT or in other forms', () => {
    for (const value of [
      '-5',
      '+5',
      '5.',
      '.5',
      'garbage 2099',
      'Mon, 01 Jun 2026 12:00:30',
      'Mon, 01 Jun 2026 12:00:30 UTC',
      'Mon, 01 Jun 2026 12:00:30 +0000',
      'Mon, 1 Jun 2026 12:00:30 GMT',
      'mon, 01 jun 2026 12:00:30 gmt',
      '2026-06-01T12:00:30Z',
      'Mon, 31 Jun 2026 12:00:30 GMT',
      'Mon, 01 Jun 2026 24:00:30 GMT',
      'Mon, 01 Jun 2026 12:60:30 GMT',
      'Mon, 01 Jun 2026 12:00:60 GMT',
      'June 1, 2026'
    ]) {
      expect([value, parseRetryAfter(value, Date.UTC(2026, 5, 1, 12, 0, 0))]).toEqual([value, undefined])
    }
  })
})

describe('timerDelay', () => {
  it('turns any number into a delay setTimeout takes', () => {
    expect(timerDelay(1e15)).toBe(MAX_TIMER_MS)
    expect(timerDelay(Infinity)).toBe(MAX_TIMER_MS)
    expect(timerDelay(Number.NaN)).toBe(0)
    expect(timerDelay(-5)).toBe(0)
    expect(timerDelay(250)).toBe(250)
  })

  it('makes the longest delay one that a Node timer waits for, rather than firing at once with a warning', async () => {
    let fired = false
    const timer = setTimeout(() => (fired = true), timerDelay(Number.MAX_SAFE_INTEGER))
    await new Promise(resolve => setTimeout(resolve, 30))
    clearTimeout(timer)
    expect(fired).toBe(false)
  })
})
