import { describe, expect, it } from '@jest/globals'
import { BoomiError, NetworkError } from '../src/errors.js'
import {
  MAX_TIMER_MS,
  THROTTLE_BUDGET_MS,
  ThrottleLedger,
  backoffDelay,
  gaveUp,
  isRetryable,
  nextStep,
  parseRetryAfter,
  timerDelay,
  withRetries,
  type RetryPolicy
} from '../src/net/retry.js'

/** A policy whose sleep moves a fake clock and records each delay. */
function policy(maxAttempts: number, random = () => 0.5, extra: Partial<RetryPolicy> = {}) {
  let t = 0
  const sleeps: number[] = []
  const lines: string[] = []
  const p: RetryPolicy = {
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
  }
  return { p, sleeps, lines, clock: { now: () => t, advance: (ms: number) => void (t += ms) } }
}

const busy = (retryAfterMs?: number) => new BoomiError('query', 503, 'busy', retryAfterMs)
const slowDown = (retryAfterMs?: number) => new BoomiError('query', 429, 'slow down', retryAfterMs)
const broken = (retryAfterMs?: number) => new BoomiError('query', 500, 'internal', retryAfterMs)
const dropped = () => new NetworkError('query', 'ECONNRESET', 'dropped', false)
const unresolved = (code: string) => new NetworkError('query', code, `getaddrinfo ${code} api.boomi.cmo`, true)
const badCert = () => new NetworkError('query', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify', true)

describe('nextStep: the one retry decision', () => {
  const base = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, random: () => 0.5 }
  const fresh = { failures: 0, throttledMs: 0 }
  const cases: [string, unknown, { failures: number; throttledMs: number }, object][] = [
    ['a 401 is final', new BoomiError('q', 401, ''), fresh, { retry: false, reason: 'not-retryable' }],
    ['a 404 is final', new BoomiError('q', 404, ''), fresh, { retry: false, reason: 'not-retryable' }],
    ['a bug is final', new Error('bug'), fresh, { retry: false, reason: 'not-retryable' }],
    ['a certificate failure is final', badCert(), fresh, { retry: false, reason: 'not-retryable' }],
    ['a host name that does not exist is final', unresolved('ENOTFOUND'), fresh, { retry: false, reason: 'not-retryable' }],
    ["a resolver's 'try again' is tried once more", unresolved('EAI_AGAIN'), fresh, { retry: true, throttled: false, failures: 1 }],
    [
      "a resolver's second 'try again' is final, attempts left or not",
      unresolved('EAI_AGAIN'),
      { failures: 1, throttledMs: 0 },
      { retry: false, reason: 'not-retryable', failures: 2 }
    ],
    ['a 500 spends an attempt, backs off', broken(), fresh, { retry: true, throttled: false, delayMs: 500, failures: 1 }],
    ['the backoff doubles', broken(), { failures: 2, throttledMs: 0 }, { retry: true, throttled: false, delayMs: 2000, failures: 3 }],
    ['a dropped connection spends an attempt', dropped(), fresh, { retry: true, throttled: false, failures: 1 }],
    ['the fifth real failure of five ends it', broken(), { failures: 4, throttledMs: 0 }, { retry: false, reason: 'attempts', failures: 5 }],
    ['a 503 after four real failures still retries', busy(), { failures: 4, throttledMs: 0 }, { retry: true, throttled: true, failures: 4 }],
    ['a 429 spends no attempt', slowDown(), fresh, { retry: true, throttled: true, failures: 0 }],
    ['throttling without Retry-After waits a short jitter', busy(), fresh, { retry: true, throttled: true, delayMs: 500 }],
    ['Retry-After is honoured', slowDown(7000), fresh, { retry: true, throttled: true, delayMs: 7000 }],
    ['Retry-After: 0 retries at once', busy(0), fresh, { retry: true, throttled: true, delayMs: 0 }],
    ['a day of Retry-After on a 503 is cut to 120 s', busy(86_400_000), fresh, { retry: true, delayMs: 120_000 }],
    ['a day of Retry-After on a 500 is cut to 120 s (issue 12.6)', broken(86_400_000), fresh, { retry: true, delayMs: 120_000 }],
    ['10^9 s of Retry-After does not overflow', busy(1e12), fresh, { retry: true, delayMs: 120_000 }],
    [
      'a wait that would overrun the throttling budget ends it',
      busy(7000),
      { failures: 0, throttledMs: THROTTLE_BUDGET_MS - 6999 },
      { retry: false, reason: 'throttle-budget' }
    ],
    ['a wait that fits the budget exactly goes ahead', busy(7000), { failures: 0, throttledMs: THROTTLE_BUDGET_MS - 7000 }, { retry: true, delayMs: 7000 }],
    ['a spent budget ends it even without a wait', busy(0), { failures: 0, throttledMs: THROTTLE_BUDGET_MS + 1 }, { retry: false, reason: 'throttle-budget' }],
    ['a spent throttling budget does not stop real errors', broken(), { failures: 0, throttledMs: THROTTLE_BUDGET_MS * 2 }, { retry: true, throttled: false }]
  ]
  it.each(cases)('%s', (_name, err, state, expected) => {
    expect(nextStep(err, state, base)).toMatchObject(expected)
  })

  it('honours a policy budget other than the default', () => {
    expect(nextStep(busy(2000), { failures: 0, throttledMs: 9000 }, { ...base, throttleBudgetMs: 10_000 })).toMatchObject({ retry: false })
    expect(nextStep(busy(1000), { failures: 0, throttledMs: 9000 }, { ...base, throttleBudgetMs: 10_000 })).toMatchObject({ retry: true })
  })
})

describe('withRetries', () => {
  it('retries 429, 5xx and network errors, logging each retry', async () => {
    const { p, sleeps, lines } = policy(5)
    const failures = [broken(), slowDown(), dropped()]
    let calls = 0
    const result = await withRetries('query', p, async () => {
      calls++
      const f = failures.shift()
      if (f) throw f
      return 'ok'
    })
    expect(result).toBe('ok')
    expect(calls).toBe(4)
    expect(sleeps).toEqual([500, 500, 1000])
    expect(lines[0]).toMatch(/^query: attempt 1 of 5 failed: query failed: HTTP 500: internal; retrying in 500 ms$/)
    expect(lines[1]).toMatch(/^query: throttled \(429\), waiting 500 ms; 0 s of the 600 s throttling budget used$/)
    expect(lines[2]).toMatch(/^query: attempt 2 of 5 failed: query failed: dropped; retrying in 1000 ms$/)
  })

  it('does not retry other 4xx', async () => {
    const { p, sleeps } = policy(5)
    let calls = 0
    await expect(
      withRetries('delete', p, async () => {
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
      withRetries('query', p, async () => {
        calls++
        throw broken()
      })
    ).rejects.toThrow(/HTTP 500: internal \(gave up after 3 attempts; raise max-attempts/)
    expect(calls).toBe(3)
  })

  it('does not spend max-attempts on throttling: ten 503s then success with max-attempts 2', async () => {
    const { p, lines } = policy(2)
    let calls = 0
    const result = await withRetries('query', p, async () => {
      if (++calls <= 10) throw busy()
      return 'ok'
    })
    expect(result).toBe('ok')
    expect(calls).toBe(11)
    expect(lines.filter(l => l.includes('throttled (503)'))).toHaveLength(10)
  })

  it('bounds throttling by time: persistent 503s give up once the budget would be overrun', async () => {
    const { p, sleeps, clock } = policy(5, () => 0.5, { throttleBudgetMs: 60_000 })
    let calls = 0
    await expect(
      withRetries('query', p, async () => {
        calls++
        clock.advance(200) // the request and the pacer's spacing
        throw busy(5000)
      })
    ).rejects.toThrow(/HTTP 503: busy \(gave up after \d+ s of throttling, near the 60 s limit/)
    const waited = sleeps.reduce((a, b) => a + b, 0) + calls * 200
    expect(waited).toBeLessThanOrEqual(60_000)
    expect(waited).toBeGreaterThan(60_000 - 5200 - 200)
    expect(calls).toBe(12)
  })

  it('shares the throttling budget of the run through a ledger, counting overlapping waits once', async () => {
    const ledger = new ThrottleLedger()
    const { p, clock } = policy(5, () => 0.5, { throttle: ledger, throttleBudgetMs: 30_000 })
    // two requests throttled over the same 10 s spend 10 s, not 20
    ledger.record(0, 10_000)
    ledger.record(2_000, 10_000)
    expect(ledger.spentMs).toBe(10_000)
    clock.advance(10_000)
    await expect(
      withRetries('delete 1', p, async () => {
        throw busy(8000)
      })
    ).rejects.toThrow(/gave up after 26 s of throttling/)
    expect(ledger.spentMs).toBe(26_000)
    // the run's budget is now nearly spent for every other request too
    await expect(withRetries('delete 2', p, async () => Promise.reject(busy(8000)))).rejects.toThrow(/throttling/)
  })

  it('lets recover end the loop with a result, even after the last attempt', async () => {
    const { p } = policy(1)
    const result = await withRetries(
      'upload',
      p,
      async () => {
        throw new BoomiError('create', 504, 'gateway timeout')
      },
      async () => 'found'
    )
    expect(result).toBe('found')
  })

  it('sleeps no longer than Node timers allow, whatever the server says (issue 12.6)', async () => {
    const { p, sleeps } = policy(5, () => 0.5, { maxRetryAfterMs: 1e15, throttleBudgetMs: Infinity })
    const failures = [broken(1e15), busy(1e15)]
    await withRetries('query', p, async () => {
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
})

describe('backoffDelay', () => {
  const p = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, random: () => 0.99 }
  it('honours Retry-After over the backoff, within its cap', () => {
    expect(backoffDelay(1, busy(7000), p)).toBe(7000)
    expect(backoffDelay(1, busy(10_000_000), p)).toBe(120_000)
    expect(backoffDelay(10, busy(), p)).toBe(Math.floor(0.99 * 30_000))
    expect(backoffDelay(3, busy(), { ...p, random: () => 0 })).toBe(0)
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
    expect(parseRetryAfter(new Date(8.64e15).toUTCString(), 0)).toBe(MAX_TIMER_MS)
  })

  it('does not read an over-long header at all', () => {
    expect(parseRetryAfter('1'.repeat(65), 0)).toBeUndefined()
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
})

describe('isRetryable', () => {
  it('classifies', () => {
    expect(isRetryable(new BoomiError('x', 500, ''))).toBe(true)
    expect(isRetryable(new BoomiError('x', 404, ''))).toBe(false)
    expect(isRetryable(new Error('bug'))).toBe(false)
    expect(isRetryable(badCert())).toBe(false)
  })
})
