import { describe, expect, it } from '@jest/globals'
import {
  PACING_MARGIN,
  CONGESTION_HOLD_MS,
  CUT_FACTOR,
  FLOOR_REQUESTS_PER_SECOND,
  LATE_TOLERANCE_MS,
  MAX_REQUESTS_PER_SECOND,
  MIN_REQUESTS_PER_SECOND,
  PACING_LOG_EVERY_MS,
  Pacer,
  PROBE_REGROWTH_PER_SECOND,
  QUICK_REGROWTH_PER_SECOND,
  REGROWTH_PER_SECOND,
  RESUME_SHARE,
  RESUME_SPREAD
} from '../../src/net/pacer.js'
import { MAX_TIMER_MS } from '../../src/net/retry.js'

/** A clock that moves only when someone sleeps; every sleep is recorded. */
function fakeClock() {
  let t = 0
  const sleeps: number[] = []
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      t += ms
    },
    advance: (ms: number) => void (t += ms),
    sleeps
  }
}

/**
 * A fake clock with a timer queue, so concurrent sleepers wake in time order.
 * `wakeAt` says when a timer due at `at` really fires: later, on a busy machine.
 */
function timerQueue(wakeAt: (at: number) => number = at => at) {
  let t = 0
  const timers: { at: number; seq: number; wake: () => void }[] = []
  let seq = 0
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>(wake => void timers.push({ at: t + ms, seq: seq++, wake })),
    /** Runs the timers until `done` resolves (bounded: at most `maxSteps` wake-ups). */
    async drive(done: Promise<unknown>, maxSteps = 200_000): Promise<void> {
      let finished = false
      void done.then(() => (finished = true))
      for (let i = 0; !finished && i < maxSteps; i++) {
        await new Promise(resolve => setImmediate(resolve))
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
        const next = timers.shift()
        if (next) {
          t = Math.max(t, wakeAt(next.at))
          next.wake()
        }
      }
      await done
    }
  }
}

function maxInWindow(starts: number[], windowMs = 1000): number {
  return Math.max(0, ...starts.map(s => starts.filter(x => x >= s && x < s + windowMs).length))
}

describe('Pacer at its ceiling', () => {
  it('never lets more than the rate start in any rolling second', async () => {
    for (const rps of [0.5, 1, 1.5, 2.5, 3, 5, 9.9, 10, 25]) {
      const clock = fakeClock()
      const pacer = new Pacer(rps, clock.now, clock.sleep)
      const starts: number[] = []
      for (let i = 0; i < 60; i++) {
        await pacer.take()
        starts.push(clock.now())
        pacer.observe(200)
        clock.advance(i % 7) // the request itself takes a little time
      }
      expect(maxInWindow(starts)).toBeLessThanOrEqual(Math.max(1, Math.floor(rps)))
      // and spends the rate (whole requests a second above 1): within 6 % of the floor
      const span = starts[starts.length - 1] - starts[0]
      const usable = rps >= 1 ? Math.floor(rps) : rps
      expect(span).toBeLessThanOrEqual(((starts.length - 1) * 1000 * 1.06) / usable)
    }
  })

  it('keeps several concurrent callers within the rate', async () => {
    const clock = timerQueue()
    const pacer = new Pacer(4, clock.now, clock.sleep)
    const starts: number[] = []
    const callers = Promise.all(
      [0, 1, 2, 3, 4, 5].map(async () => {
        for (let i = 0; i < 5; i++) {
          await pacer.due()
          await pacer.take()
          starts.push(clock.now())
        }
      })
    )
    await clock.drive(callers)
    expect(starts).toHaveLength(30)
    expect(maxInWindow(starts)).toBeLessThanOrEqual(4)
  })

  it('releases no burst when late timers wake several waiting callers at once (busy machine)', async () => {
    // The event loop is stalled for 350 ms of every second: every timer due inside a stall fires at its end, together.
    const stalled = (at: number): number => (at % 1000 >= 300 && at % 1000 < 650 ? at - (at % 1000) + 650 : at)
    for (const rps of [2, 5, 10]) {
      const clock = timerQueue(stalled)
      const pacer = new Pacer(rps, clock.now, clock.sleep)
      const starts: number[] = []
      // eight callers, as the deletions run, each taking slots in a loop
      const callers = Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = 0; i < 10; i++) {
            await pacer.take()
            starts.push(clock.now())
          }
        })
      )
      await clock.drive(callers)
      expect(starts).toHaveLength(80)
      // the first two go together (nothing before them); from there every gap is kept
      expect(starts[1]).toBe(starts[0])
      for (let i = 2; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(pacer.interval - LATE_TOLERANCE_MS)
      expect(maxInWindow(starts)).toBeLessThanOrEqual(rps)
    }
  })

  it('applies a cut that arrives while callers are already waiting', async () => {
    const clock = timerQueue()
    const pacer = new Pacer(10, clock.now, clock.sleep)
    const starts: number[] = []
    await pacer.take()
    const waiting = Promise.all(
      [0, 1, 2].map(async () => {
        await pacer.take()
        starts.push(clock.now())
      })
    )
    pacer.observe(503) // rate 5 from now on, for the three already queued too
    await clock.drive(waiting)
    expect(starts).toEqual([1, 2, 3].map(k => k * 200 * (1 + PACING_MARGIN)))
  })

  it('spends no slot on a caller whose wait failed, and lets the ones behind it go on', async () => {
    let t = 0
    let calls = 0
    const pacer = new Pacer(
      10,
      () => t,
      async ms => {
        if (++calls === 1) throw new Error('cancelled')
        t += ms
      }
    )
    await pacer.take()
    await pacer.take() // the second of a quiet second: no wait
    expect(t).toBe(0)
    await expect(pacer.take()).rejects.toThrow('cancelled')
    await pacer.take()
    // the slot after the pair, two intervals on; the failed caller took none (it would be three)
    expect(t).toBeCloseTo(2 * pacer.interval, 5)
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

  it('does not let timer lateness add up, yet never lets it shrink the spacing', async () => {
    let t = 0
    const pacer = new Pacer(
      10,
      () => t,
      async ms => void (t += ms + 1)
    ) // every sleep overshoots 1 ms, as Node timers do
    const starts: number[] = []
    for (let i = 0; i < 101; i++) {
      await pacer.take()
      starts.push(t)
    }
    expect(starts[100] - starts[0]).toBeLessThanOrEqual(100 * pacer.interval + 1)
    expect(maxInWindow(starts)).toBeLessThanOrEqual(10)
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
    // the first two go together; every later gap is kept
    expect(starts[1]).toBe(starts[0])
    for (let i = 2; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(pacer.interval - LATE_TOLERANCE_MS)
    // and any run of gaps together loses no more than the tolerance
    expect(starts[starts.length - 1] - starts[1]).toBeGreaterThanOrEqual((starts.length - 1) * pacer.interval - LATE_TOLERANCE_MS)
  })

  it('counts no waiting while nothing was throttled, late wake-ups included', async () => {
    let t = 0
    const pacer = new Pacer(
      5,
      () => t,
      async ms => void (t += ms + 3)
    )
    for (let i = 0; i < 20; i++) {
      await pacer.due()
      await pacer.take()
      pacer.observe(200)
    }
    expect(pacer.stats()).toEqual({ throttled: 0, waitedMs: 0, cuts: 0, rate: 5, lowestRate: 5 })
  })
})

describe('the second request of a quiet second', () => {
  it('goes at once, and the third waits two intervals from the pair', async () => {
    for (const rps of [2, 2.5, 5, 10, 100]) {
      const clock = fakeClock()
      const pacer = new Pacer(rps, clock.now, clock.sleep)
      const starts: number[] = []
      for (let i = 0; i < 4; i++) {
        await pacer.take()
        starts.push(clock.now())
      }
      expect(starts).toEqual([0, 0, 2 * pacer.interval, 3 * pacer.interval])
      expect(pacer.stats().waitedMs).toBe(0)
    }
  })

  it('goes at once after a pause too, and never a third', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(5, clock.now, clock.sleep)
    for (let i = 0; i < 10; i++) await pacer.take()
    clock.advance(5 * pacer.interval) // the last two left within the window: a quiet second is not yet over
    const t0 = clock.now()
    await pacer.take()
    await pacer.take()
    expect(clock.now() - t0).toBeCloseTo(pacer.interval, 5)
    clock.advance(5000)
    const t1 = clock.now()
    await pacer.take()
    await pacer.take()
    await pacer.take()
    expect(clock.sleeps.at(-1)).toBeCloseTo(2 * pacer.interval, 5)
    expect(clock.now() - t1).toBeCloseTo(2 * pacer.interval, 5)
  })

  it('waits for the window, not the whole gap, when the request before the last left long enough ago', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(5, clock.now, clock.sleep)
    await pacer.take() // t = 0
    clock.advance(1200)
    await pacer.take() // t = 1200, past its slot
    expect(clock.now()).toBe(1200)
    clock.advance(20)
    // its slot is 1200 + 1 interval; but the one before the last left at 0, so it may go once a window
    // (5 intervals) and an interval have passed since then
    await pacer.take()
    expect(clock.now()).toBeCloseTo(6 * pacer.interval, 5)
    expect(clock.now()).toBeLessThan(1200 + pacer.interval)
  })

  it('is not for a rate under 2: one request a second is one request a second', async () => {
    for (const rps of [0.5, 1, 1.9]) {
      const clock = fakeClock()
      const pacer = new Pacer(rps, clock.now, clock.sleep)
      await pacer.take()
      await pacer.take()
      expect(clock.now()).toBeCloseTo(pacer.interval, 5)
    }
  })

  it('is not once the account has throttled this run, however quiet it has been since', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(10, clock.now, clock.sleep)
    await pacer.take()
    pacer.observe(503)
    for (let i = 0; i < 2000; i++) pacer.observe(200) // back at the ceiling
    expect(pacer.stats().rate).toBe(10)
    clock.advance(60_000)
    const t0 = clock.now()
    await pacer.take()
    await pacer.take()
    expect(clock.now() - t0).toBeCloseTo(pacer.interval, 5)
  })

  it('is what due() waits for as well', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(5, clock.now, clock.sleep)
    await pacer.take()
    await pacer.due()
    expect(clock.now()).toBe(0)
    await pacer.take()
    await pacer.due()
    expect(clock.now()).toBeCloseTo(2 * pacer.interval, 5)
  })

  it('keeps every rolling second within the rate, whatever the pauses and the late timers (seeded, 12,000 requests)', async () => {
    let state = 7
    const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
    for (const rps of [2, 2.5, 3, 5, 10, 37, 100]) {
      let t = 0
      const pacer = new Pacer(
        rps,
        () => t,
        async ms => void (t += ms + (random() < 0.3 ? random() * 40 : 0))
      )
      const starts: number[] = []
      let pairs = 0
      for (let i = 0; i < 1200; i++) {
        await pacer.take()
        if (starts.length && t === starts[starts.length - 1]) pairs++
        starts.push(t)
        pacer.observe(200)
        // pauses of every length around the window: none, a fraction of a gap, up to two seconds
        const draw = random()
        t += draw < 0.5 ? 0 : draw < 0.8 ? random() * pacer.interval : random() * 2000
      }
      // the window as Boomi counts it, widened by the margin the spacing keeps for a late request
      // (any rate+1 requests in a row span at least rate intervals less the tolerance; 1 ms under that, for rounding)
      expect(maxInWindow(starts, 1000 * (1 + PACING_MARGIN) - LATE_TOLERANCE_MS - 1)).toBeLessThanOrEqual(Math.floor(rps))
      expect(pairs).toBeGreaterThan(10)
    }
  })
})

describe('requests-per-second range (issue 12.9: a tiny rate overflowed the timers)', () => {
  it('refuses a rate outside the documented range', () => {
    const clock = fakeClock()
    for (const rps of [0.0000001, 0, -1, Number.NaN, Infinity, MAX_REQUESTS_PER_SECOND + 1]) {
      expect(() => new Pacer(rps, clock.now, clock.sleep)).toThrow(RangeError)
    }
  })

  it('at the slowest allowed rate, every wait fits a timer and the run moves', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(MIN_REQUESTS_PER_SECOND, clock.now, clock.sleep)
    for (let i = 0; i < 5; i++) {
      await pacer.due()
      await pacer.take()
      pacer.observe(503, 1e12)
    }
    expect(clock.sleeps.length).toBeGreaterThan(0)
    for (const ms of clock.sleeps) expect(ms).toBeLessThanOrEqual(MAX_TIMER_MS)
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(120_000)
  })

  it('accepts both ends of the range', () => {
    const clock = fakeClock()
    expect(new Pacer(MIN_REQUESTS_PER_SECOND, clock.now, clock.sleep).interval).toBeGreaterThan(10_000)
    expect(new Pacer(MAX_REQUESTS_PER_SECOND, clock.now, clock.sleep).interval).toBeGreaterThan(10)
  })
})

describe('Pacer adapting to throttling', () => {
  it('cuts the rate once for a burst of throttling answers, and again for a later one', () => {
    const clock = fakeClock()
    const pacer = new Pacer(8, clock.now, clock.sleep)
    pacer.observe(503)
    pacer.observe(503)
    clock.advance(CONGESTION_HOLD_MS - 1)
    pacer.observe(429)
    expect(pacer.stats()).toMatchObject({ throttled: 3, cuts: 1, rate: 8 * CUT_FACTOR })
    clock.advance(1)
    pacer.observe(503)
    expect(pacer.stats()).toMatchObject({ throttled: 4, cuts: 2, rate: 8 * CUT_FACTOR * CUT_FACTOR })
  })

  it('never goes below the floor, so a run always moves', () => {
    const clock = fakeClock()
    const pacer = new Pacer(5, clock.now, clock.sleep)
    for (let i = 0; i < 50; i++) {
      pacer.observe(503)
      clock.advance(20_000)
    }
    expect(pacer.stats().rate).toBe(FLOOR_REQUESTS_PER_SECOND)
    expect(pacer.interval).toBeLessThanOrEqual(1000 / FLOOR_REQUESTS_PER_SECOND + 300)
  })

  it('a ceiling below the floor stays the ceiling', () => {
    const clock = fakeClock()
    const pacer = new Pacer(0.1, clock.now, clock.sleep)
    pacer.observe(503)
    expect(pacer.stats().rate).toBe(0.1)
  })

  it('spaces the next request by the new rate at once, counting the held time', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(10, clock.now, clock.sleep)
    await pacer.take()
    const sent = clock.now()
    pacer.observe(503) // rate 5: 200 ms (and the margin) apart instead of 100
    await pacer.due()
    await pacer.take()
    expect(clock.now() - sent).toBeCloseTo(200 * (1 + PACING_MARGIN), 5)
    expect(pacer.stats().waitedMs).toBeCloseTo(100 * (1 + PACING_MARGIN), 5)
  })

  it('honours Retry-After by pushing the next slot, capped at 120 s', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(5, clock.now, clock.sleep)
    const ceilingGap = pacer.interval
    await pacer.take()
    pacer.observe(503, 7000)
    await pacer.due()
    await pacer.take()
    expect(clock.now()).toBe(7000)
    // the first gap would have been waited anyway
    expect(pacer.stats().waitedMs).toBe(7000 - ceilingGap)
    pacer.observe(429, 1e9 * 1000) // Retry-After: 1000000000 seconds
    await pacer.due()
    await pacer.take()
    expect(clock.now()).toBe(7000 + 120_000)
  })

  it('after a cut, regrows quickly to the drawn share of the rate that was cut, creeps up to that rate, grows as before past it, and stops at the ceiling', async () => {
    const clock = fakeClock()
    const pacer = new Pacer(10, clock.now, clock.sleep, { random: () => 0.5 })
    /** Seconds of sending (every answer good) until the rate reaches `rate`. */
    const secondsTo = async (rate: number): Promise<number> => {
      const started = clock.now()
      for (let i = 0; pacer.stats().rate < rate && i < 10_000; i++) {
        await pacer.take()
        pacer.observe(200)
      }
      return (clock.now() - started) / 1000
    }
    const within = (seconds: number, expected: number) => {
      expect(seconds).toBeGreaterThan(0.8 * expected)
      expect(seconds).toBeLessThan(1.2 * expected)
    }
    const share = RESUME_SHARE + 0.5 * RESUME_SPREAD
    pacer.observe(503) // from 10: halved, back quickly to 10 × share, then creeping
    expect(pacer.stats().rate).toBe(10 * CUT_FACTOR)
    within(await secondsTo(10 * share), (10 * share - 10 * CUT_FACTOR) / QUICK_REGROWTH_PER_SECOND)
    within(await secondsTo(10 * share + 1), 1 / PROBE_REGROWTH_PER_SECOND)
    clock.advance(CONGESTION_HOLD_MS)
    const cutFrom = pacer.stats().rate
    pacer.observe(503) // a second congestion, from below the ceiling
    expect(pacer.stats().rate).toBeCloseTo(cutFrom * CUT_FACTOR, 9)
    within(await secondsTo(cutFrom * share), (cutFrom * share - cutFrom * CUT_FACTOR) / QUICK_REGROWTH_PER_SECOND)
    within(await secondsTo(cutFrom), (cutFrom - cutFrom * share) / PROBE_REGROWTH_PER_SECOND)
    within(await secondsTo(cutFrom + 1), 1 / REGROWTH_PER_SECOND) // past the rate that was cut: room has opened
    for (let i = 0; i < 500; i++) {
      await pacer.take()
      pacer.observe(200)
    }
    expect(pacer.stats()).toMatchObject({ rate: 10, cuts: 2 })
    expect(pacer.stats().lowestRate).toBeCloseTo(cutFrom * CUT_FACTOR, 9)
  })

  it('draws the quick return of each cut between RESUME_SHARE and RESUME_SHARE + RESUME_SPREAD of the rate that was cut', async () => {
    for (const [draw, share] of [
      [0, RESUME_SHARE],
      [0.999999, RESUME_SHARE + RESUME_SPREAD]
    ]) {
      const clock = fakeClock()
      const pacer = new Pacer(10, clock.now, clock.sleep, { random: () => draw })
      pacer.observe(503)
      // the quick stretch ends at 10 × share: from there one request a second more takes the creep's time
      for (let i = 0; pacer.stats().rate < 10 * share && i < 10_000; i++) {
        await pacer.take()
        pacer.observe(200)
      }
      const reached = pacer.stats().rate
      const started = clock.now()
      for (let i = 0; pacer.stats().rate < reached + 0.5 && i < 10_000; i++) {
        await pacer.take()
        pacer.observe(200)
      }
      expect((clock.now() - started) / 1000).toBeGreaterThan(0.8 * (0.5 / PROBE_REGROWTH_PER_SECOND))
      expect(reached).toBeLessThan(10 * share + 0.1)
    }
  })

  it('counts one throttling answer in the singular', () => {
    const clock = fakeClock()
    const lines: string[] = []
    const pacer = new Pacer(5, clock.now, clock.sleep, { onChange: line => lines.push(line) })
    pacer.observe(503)
    expect(lines).toEqual(['Boomi is throttling this account: so far 1 answer 503/429 and 1 cut of the rate; now 2/s (ceiling 5/s)'])
  })

  it('counts answers and cuts from the start of the run in every line, not since the line before', () => {
    const clock = fakeClock()
    const lines: string[] = []
    const pacer = new Pacer(5, clock.now, clock.sleep, { onChange: line => lines.push(line) })
    pacer.observe(503)
    clock.advance(2000)
    pacer.observe(503)
    clock.advance(2000)
    pacer.observe(503)
    expect(lines).toHaveLength(1)
    clock.advance(PACING_LOG_EVERY_MS)
    pacer.observe(503)
    expect(pacer.stats()).toMatchObject({ throttled: 4, cuts: 4 })
    expect(lines[1]).toBe('Boomi is throttling this account: so far 4 answers 503/429 and 4 cuts of the rate; now 0.31/s (ceiling 5/s)')
  })

  it('neither cuts nor regrows on errors that are not throttling', () => {
    const clock = fakeClock()
    const pacer = new Pacer(4, clock.now, clock.sleep)
    pacer.observe(503)
    for (const status of [500, 502, 504, 0]) pacer.observe(status)
    expect(pacer.stats()).toMatchObject({ rate: 2, cuts: 1, throttled: 1 })
  })

  it('logs the cut at once, then at most one line per interval, and the return to the ceiling', async () => {
    const clock = fakeClock()
    const lines: string[] = []
    const pacer = new Pacer(5, clock.now, clock.sleep, { onChange: line => lines.push(line) })
    for (let i = 0; i < 600; i++) {
      await pacer.take()
      pacer.observe(i < 300 && i % 3 === 0 ? 503 : 200)
    }
    expect(lines[0]).toMatch(/throttling this account: so far 1 answer 503\/429 and 1 cut of the rate; now 2\/s \(ceiling 5\/s\)/)
    const spanMs = clock.now()
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(spanMs / PACING_LOG_EVERY_MS) + 1)
    expect(lines.length).toBeLessThan(600 / 10)
    expect(lines[lines.length - 1]).toMatch(/back at its ceiling, 5\/s; it went as low as/)
  })
})

describe('jobs sharing one account limit', () => {
  /**
   * Two jobs, each a loop of paced requests, against one limiter of 10 a
   * rolling second that answers 503 beyond it (rejected requests do not count).
   */
  async function share(startCuts: [number, number], seconds: number, seed = 1) {
    const clock = timerQueue()
    let state = seed
    // the jobs' resume draws, from one small seeded generator: the same run every time
    const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
    const accepted: number[] = []
    const serve = (): number => {
      const t = clock.now()
      while (accepted.length && accepted[0] <= t - 1000) accepted.shift()
      if (accepted.length >= 10) return 503
      accepted.push(t)
      return 200
    }
    const pacers = startCuts.map(() => new Pacer(8, clock.now, clock.sleep, { random }))
    const done = [0, 0]
    const late = [0, 0]
    const jobs = pacers.map(async (pacer, i) => {
      // An unequal start, as if one job had been throttled before and the other not.
      for (let cut = 0; cut < startCuts[i]; cut++) {
        pacer.observe(503)
        await clock.sleep(CONGESTION_HOLD_MS)
      }
      await clock.sleep(CONGESTION_HOLD_MS * (4 - startCuts[i]))
      while (clock.now() < seconds * 1000) {
        await pacer.due()
        await pacer.take()
        const status = serve()
        pacer.observe(status)
        if (status === 200) {
          done[i]++
          if (clock.now() > (seconds * 1000) / 2) late[i]++
        }
      }
    })
    await clock.drive(Promise.all(jobs))
    return { done, late, pacers }
  }

  it('converges on a fair share from an unfair start (AIMD), and uses most of the limit', async () => {
    // The resume shares are drawn from a seeded generator (so every run is the same); several seeds, so no lucky draw passes it.
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { late, pacers } = await share([0, 3], 600, seed)
      // second half of the run: each job within 30 % of the other
      expect(Math.min(...late) / Math.max(...late)).toBeGreaterThan(0.7)
      // and together they use at least 80 % of the 10/s over that half
      expect(late[0] + late[1]).toBeGreaterThan(0.8 * 10 * 300)
      expect(pacers[1].stats().lowestRate).toBe(1)
    }
  })

  it.each([0, 0.5, 0.999])(
    'narrows the gap between two jobs with every shared congestion (Chiu-Jain), where proportional growth would keep it (resume draw %p)',
    async draw => {
      const clock = timerQueue()
      // ceilings far above the account's 10/s, so that only the congestion limits them: 12.5/s and 3.1/s
      const pacers = [new Pacer(100, clock.now, clock.sleep, { random: () => draw }), new Pacer(100, clock.now, clock.sleep, { random: () => draw })]
      const startCuts = [3, 5]
      const gaps: number[] = []
      let lastCongestion = -Infinity
      const rates = () => pacers.map(p => p.stats().rate)
      const jobs = pacers.map(async (pacer, i) => {
        for (let cut = 0; cut < startCuts[i]; cut++) {
          pacer.observe(503)
          await clock.sleep(CONGESTION_HOLD_MS)
        }
        await clock.sleep(CONGESTION_HOLD_MS * (6 - startCuts[i]))
        while (gaps.length < 6 && clock.now() < 600_000) {
          await pacer.due()
          await pacer.take()
          const [a, b] = rates()
          // both are told at once when together they pass 10 a second
          if (a + b > 10 && clock.now() - lastCongestion > CONGESTION_HOLD_MS) {
            lastCongestion = clock.now()
            for (const p of pacers) p.observe(503)
            gaps.push(Math.abs(rates()[0] - rates()[1]))
          } else pacer.observe(200)
        }
      })
      await clock.drive(Promise.all(jobs))
      expect(gaps).toHaveLength(6)
      expect(gaps[0]).toBeGreaterThan(2)
      // a cut and its quick return keep 0.5–0.7 of each rate, the same growth then adds to both: every congestion narrows the gap
      for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1] * 0.85)
      expect(gaps[5]).toBeLessThan(gaps[0] / 10)
    }
  )
})
