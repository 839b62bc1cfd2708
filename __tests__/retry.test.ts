import { describe, expect, it } from '@jest/globals'
import { BoomiError, NetworkError } from '../src/errors.js'
import { backoffDelay, isRetryable, parseRetryAfter, withRetries, type RetryPolicy } from '../src/net/retry.js'
import { Pacer } from '../src/net/pacer.js'

function policy(maxAttempts: number, random = () => 0.5) {
  const sleeps: number[] = []
  const lines: string[] = []
  const p: RetryPolicy = {
    maxAttempts,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
    sleep: async ms => void sleeps.push(ms),
    random,
    log: line => lines.push(line)
  }
  return { p, sleeps, lines }
}

const busy = () => new BoomiError('query', 503, 'busy')

describe('withRetries', () => {
  it('retries 429, 5xx and network errors with logged, jittered backoff', async () => {
    const { p, sleeps, lines } = policy(5)
    const failures = [busy(), new BoomiError('query', 429, 'slow down'), new NetworkError('query', 'ECONNRESET', 'dropped', false)]
    let calls = 0
    const result = await withRetries('query', p, async () => {
      calls++
      const f = failures.shift()
      if (f) throw f
      return 'ok'
    })
    expect(result).toBe('ok')
    expect(calls).toBe(4)
    expect(sleeps).toEqual([500, 1000, 2000])
    expect(lines[0]).toMatch(/^query: attempt 1 of 5 failed: query failed: HTTP 503: busy; retrying in 500 ms$/)
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

  it('gives up after max-attempts with the last error and says so', async () => {
    const { p } = policy(3)
    let calls = 0
    await expect(
      withRetries('query', p, async () => {
        calls++
        throw busy()
      })
    ).rejects.toThrow(/HTTP 503: busy \(gave up after 3 attempts; raise max-attempts/)
    expect(calls).toBe(3)
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

  it('honours Retry-After over the backoff, within its cap', () => {
    const p = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000, random: () => 0.99 }
    expect(backoffDelay(1, new BoomiError('q', 503, '', 7000), p)).toBe(7000)
    expect(backoffDelay(1, new BoomiError('q', 503, '', 10_000_000), p)).toBe(120_000)
    expect(backoffDelay(10, busy(), p)).toBe(Math.floor(0.99 * 30_000))
    expect(backoffDelay(3, busy(), { ...p, random: () => 0 })).toBe(0)
  })

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000)
    expect(parseRetryAfter('0', 0)).toBe(0)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(undefined, 0)).toBeUndefined()
  })

  it('classifies', () => {
    expect(isRetryable(new BoomiError('x', 500, ''))).toBe(true)
    expect(isRetryable(new BoomiError('x', 404, ''))).toBe(false)
    expect(isRetryable(new Error('bug'))).toBe(false)
  })
})

describe('Pacer', () => {
  function fakeClock() {
    let t = 0
    return { now: () => t, sleep: async (ms: number) => void (t += ms), advance: (ms: number) => void (t += ms) }
  }

  it('never lets more than the rate start in any rolling second', async () => {
    for (const rps of [0.5, 1, 1.5, 2.5, 3, 5, 9.9, 10, 25]) {
      const clock = fakeClock()
      const pacer = new Pacer(rps, clock.now, clock.sleep)
      const starts: number[] = []
      for (let i = 0; i < 60; i++) {
        await pacer.take()
        starts.push(clock.now())
        clock.advance(i % 7) // the request itself takes a little time
      }
      for (let i = 0; i < starts.length; i++) {
        const inWindow = starts.filter(s => s >= starts[i] && s < starts[i] + 1000).length
        expect(inWindow).toBeLessThanOrEqual(Math.max(1, Math.floor(rps)))
      }
      // and spends the rate (whole requests a second above 1): within 6 % of the floor
      const span = starts[starts.length - 1] - starts[0]
      const usable = rps >= 1 ? Math.floor(rps) : rps
      expect(span).toBeLessThanOrEqual(((starts.length - 1) * 1000 * 1.06) / usable)
    }
  })

  it('keeps several concurrent callers within the rate', async () => {
    // a fake clock with a timer queue, so concurrent sleepers wake in time order
    let t = 0
    const timers: { at: number; wake: () => void }[] = []
    const sleep = (ms: number) => new Promise<void>(wake => void timers.push({ at: t + ms, wake }))
    const pacer = new Pacer(4, () => t, sleep)
    const starts: number[] = []
    let done = false
    const callers = Promise.all(
      [0, 1, 2, 3, 4, 5].map(async () => {
        for (let i = 0; i < 5; i++) {
          await pacer.take()
          starts.push(t)
        }
      })
    ).then(() => (done = true))
    while (!done) {
      await new Promise(resolve => setImmediate(resolve))
      timers.sort((a, b) => a.at - b.at)
      const next = timers.shift()
      if (next) {
        t = Math.max(t, next.at)
        next.wake()
      }
    }
    await callers
    expect(starts).toHaveLength(30)
    for (const s of starts) expect(starts.filter(x => x >= s && x < s + 1000).length).toBeLessThanOrEqual(4)
  })

  it('does not make a caller wait after a pause', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(2, clock.now, clock.sleep)
    await pacer.take()
    clock.advance(5000)
    const before = clock.now()
    await pacer.take()
    expect(clock.now()).toBe(before)
  })

  it('measures from the actual start when a wake-up is late', async () => {
    let t = 0
    const pacer = new Pacer(
      10,
      () => t,
      async ms => void (t += ms + 40)
    ) // every sleep overshoots 40 ms
    const starts: number[] = []
    for (let i = 0; i < 5; i++) {
      await pacer.take()
      starts.push(t)
    }
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(pacer.interval)
  })
})
