import { formatRate, plural } from '../text.js'
import { MAX_TIMER_MS, type Sleep } from './retry.js'

/** The range `requests-per-second` accepts: below it a single gap outlasts a job step; above it no account goes. */
export const MIN_REQUESTS_PER_SECOND = 0.1
export const MAX_REQUESTS_PER_SECOND = 100
/** However hard Boomi throttles, the rate never drops below this (or the ceiling, if lower): a run always moves. */
export const FLOOR_REQUESTS_PER_SECOND = 0.2
/** A throttling answer multiplies the rate by this. */
export const CUT_FACTOR = 0.5
/**
 * After a cut the rate regrows in three stretches, measured against the rate the
 * cut came from. Up to a share of it drawn at random for each cut, between
 * RESUME_SHARE and RESUME_SHARE + RESUME_SPREAD, it returns quickly: the account
 * took that much a moment ago. From there to the rate that was cut it creeps: each
 * step up there is a probe that, once the account is full, costs every job sharing
 * it a 503 (and, where Boomi counts refused requests against the window, refuses
 * everything for up to a second), so such probes stay rare. Past the rate that was
 * cut (room has opened: another job finished) it grows as it always did. The random
 * share keeps jobs cut by the same congestion from all coming back to the same
 * rate and all stepping up together. The cut and the quick return together take a
 * job to 0.5–0.7 of its own rate, a multiplicative decrease, while the creep and
 * the growth past the cut add the same amount to a fast job and a slow one: jobs
 * that started unequal still converge on equal shares (AIMD), more slowly than with
 * one growth rate. docs/benchmarks.md, "Shared-account pacing, simulated", has the
 * figures behind these constants.
 */
export const RESUME_SHARE = 0.5
export const RESUME_SPREAD = 0.2
/** Requests a second the rate gains for each second of sending: up to the resume share, */
export const QUICK_REGROWTH_PER_SECOND = 0.5
/** from there up to the rate that was cut, */
export const PROBE_REGROWTH_PER_SECOND = 0.05
/** and past it. */
export const REGROWTH_PER_SECOND = 0.2
/**
 * Boomi counts requests over a rolling second, so for a second after a cut the
 * window still holds requests sent before it: throttling answers within that
 * time (or within one new interval, if longer) belong to the same congestion.
 */
export const CONGESTION_HOLD_MS = 1000
/** Lines about rate changes are written at most this often. */
export const PACING_LOG_EVERY_MS = 10_000
export const PACING_MARGIN = 0.04
/** Lateness of a wake-up that the margin absorbs (any n gaps together are at least n intervals less this). */
export const LATE_TOLERANCE_MS = 2
const MIN_MARGIN_MS = 2
/** Longest Retry-After the pacer honours, as the retry policy's default. */
const DEFAULT_MAX_RETRY_AFTER_MS = 120_000

export interface PacerStats {
  /** Answers 503 or 429 seen. */
  throttled: number
  /** Wall time during which a request was held back beyond the ceiling's spacing. */
  waitedMs: number
  /** Times the rate was cut (a burst of throttling answers counts once). */
  cuts: number
  /** The current rate, requests a second (before rounding down to whole requests). */
  rate: number
  lowestRate: number
}

export interface PacerOptions {
  /** Told when the rate was cut, and what it came to; at most one line per PACING_LOG_EVERY_MS. */
  onChange?: (line: string) => void
  maxRetryAfterMs?: number
  /** Draws each cut's resume share, in [0, 1); Math.random unless given (tests and the simulation pass a seeded one). */
  random?: () => number
}

/**
 * Spaces requests evenly (but for the pair after a quiet stretch, slot()) so that
 * no rolling second, measured where the server receives them, holds more than the
 * current rate. The transport asks for a
 * slot only once the connection is ready (TCP and TLS done), right before the
 * first byte is written, so a slow handshake does not eat into the spacing.
 * Each gap is a few per cent wider than 1/rate, so that a request delayed on
 * its way (a busy event loop) cannot land in the same second as one sent a
 * full second after its predecessor; and spacing is measured from the moment
 * each request actually left, never from the moment it was planned.
 *
 * The rate adapts below `requestsPerSecond`, the ceiling, because the limit is
 * the account's and other jobs spend it too: additive increase, multiplicative
 * decrease (as TCP), which is what makes jobs sharing an account converge on
 * equal shares. Below the rate that was cut, growth is a fixed amount per second
 * of sending, the same for a fast job and a slow one, while a cut takes more from
 * a fast one; growth proportional to the rate would keep whatever imbalance the
 * jobs started with. (RESUME_SHARE above says how the regrowth runs after a cut.)
 */
export class Pacer {
  private readonly ceiling: number
  private readonly floor: number
  private readonly ceilingIntervalMs: number
  private readonly maxRetryAfterMs: number
  private readonly onChange?: (line: string) => void
  private rate: number
  private intervalMs: number
  private next = -Infinity
  private last = -Infinity
  /** When the request before the last one left: after a quiet stretch the next request goes without its gap (slot()). */
  private beforeLast = -Infinity
  /** The slot the ceiling alone would give the next request: waits up to it are not throttling. */
  private ceilingNext = -Infinity
  private lastCutAt = -Infinity
  /** The rate the last cut came from (none yet: Infinity), and the rate up to which it regrows quickly. */
  private cutFrom = Infinity
  private resumeAt = 0
  private readonly random: () => number
  private counted = { until: -Infinity, ms: 0 }
  /** The callers of take(), one after another. */
  private queue: Promise<void> = Promise.resolve()
  private tally = { throttled: 0, cuts: 0, lowestRate: 0 }
  private log = { at: -Infinity, pending: false, atCeiling: true }

  constructor(
    requestsPerSecond: number,
    private readonly now: () => number,
    private readonly sleep: Sleep,
    options: PacerOptions = {}
  ) {
    if (!(requestsPerSecond >= MIN_REQUESTS_PER_SECOND && requestsPerSecond <= MAX_REQUESTS_PER_SECOND)) {
      throw new RangeError(`requests-per-second must be between ${MIN_REQUESTS_PER_SECOND} and ${MAX_REQUESTS_PER_SECOND}, not ${requestsPerSecond}`)
    }
    this.ceiling = requestsPerSecond
    this.floor = Math.min(FLOOR_REQUESTS_PER_SECOND, requestsPerSecond)
    this.rate = this.tally.lowestRate = requestsPerSecond
    this.ceilingIntervalMs = this.intervalMs = intervalFor(requestsPerSecond)
    this.maxRetryAfterMs = Math.min(options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS, MAX_TIMER_MS)
    this.onChange = options.onChange
    this.random = options.random ?? Math.random
  }

  get interval(): number {
    return this.intervalMs
  }

  /**
   * Resolves once the next slot is due, reserving nothing. Waiting here before
   * taking a kept-alive connection from the pool means a connection is not
   * held idle through a long wait, where the server might close it.
   */
  async due(): Promise<void> {
    for (let wait = this.slot() - this.now(); wait > 0; wait = this.slot() - this.now()) {
      this.countHeld(this.now(), this.slot())
      await this.sleep(Math.min(wait, MAX_TIMER_MS))
    }
  }

  /**
   * Resolves when the caller may send its request; concurrent callers queue in
   * order, and each one's wait starts only once the one before it was released.
   * A slot is never reserved ahead: on a busy machine timers fire late, and
   * slots reserved in advance would then all come due together and go as a
   * burst. Each release measures its spacing from the previous release as it
   * happened, and re-reads the spacing after every wake-up, so a cut or a
   * Retry-After that arrives during the wait applies to it.
   */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.release())
    // A caller whose wait failed (a cancelled sleep) must not stop the ones queued behind it.
    this.queue = turn.catch(() => undefined)
    return turn
  }

  private async release(): Promise<void> {
    let slept = false
    let due = this.slot()
    for (let wait = due - this.now(); wait > 0; wait = due - this.now()) {
      this.countHeld(this.now(), due)
      await this.sleep(Math.min(wait, MAX_TIMER_MS))
      slept = true
      due = this.slot()
    }
    const now = this.now()
    // Timers fire a millisecond or so late, which would add up to about 1 %: a wake-up's lateness,
    // up to the tolerance, is taken off the next gap, so gaps never shrink by more than it and any
    // run of n gaps together stays at least n intervals less the tolerance.
    const credit = slept ? Math.min(Math.max(now - this.next, 0), LATE_TOLERANCE_MS) : 0
    // A request that went before its slot (the second of a quiet stretch) moves the schedule on
    // from that slot, not from its own start: the one after it keeps the spacing of both.
    const from = Math.max(now, this.next)
    this.beforeLast = this.last
    this.last = now
    this.next = from + this.intervalMs - credit
    this.ceilingNext = from + this.ceilingIntervalMs - credit
  }

  /**
   * When the next request may go: its slot, one interval after the last one left; or
   * sooner, after a quiet stretch. A rolling window of `rate` intervals (a second and
   * the margin) holds at most `rate` requests when they are spaced; two together fit
   * any rate of 2 or more. So once the request before the last left a window and an
   * interval ago, the last one is alone in the window and the next may join it at
   * once. The schedule still runs from the slot, so the requests after the pair keep
   * their spacing, and no third can follow them early: the one before it left within
   * the window. The extra interval keeps a pair from following a pair. Never once the
   * account has throttled this run: its cuts and Retry-After hold every slot.
   * (docs/behaviour.md, "Pacing", says why no window can then hold more than the rate.)
   */
  private slot(): number {
    const whole = Math.floor(this.rate)
    if (whole < 2 || this.tally.throttled > 0) return this.next
    return Math.min(this.next, this.beforeLast + (whole + 1) * this.intervalMs)
  }

  /** Every answer's status (and Retry-After, parsed) goes here: throttling cuts the rate, good answers regrow it. */
  observe(status: number, retryAfterMs?: number): void {
    const now = this.now()
    if (status === 503 || status === 429) this.throttledAt(now, retryAfterMs)
    else if (status >= 200 && status < 500) this.regrow()
    this.report(now)
  }

  stats(): PacerStats {
    return { throttled: this.tally.throttled, waitedMs: this.counted.ms, cuts: this.tally.cuts, rate: this.rate, lowestRate: this.tally.lowestRate }
  }

  private throttledAt(now: number, retryAfterMs: number | undefined): void {
    this.tally.throttled++
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      const until = now + Math.min(retryAfterMs, this.maxRetryAfterMs)
      this.countHeld(now, until)
      this.next = Math.max(this.next, until)
    }
    if (now - this.lastCutAt < Math.max(CONGESTION_HOLD_MS, this.intervalMs)) return
    this.lastCutAt = now
    this.tally.cuts++
    this.cutFrom = this.rate
    this.resumeAt = this.rate * (RESUME_SHARE + this.random() * RESUME_SPREAD)
    this.setRate(Math.max(this.floor, this.rate * CUT_FACTOR))
    // The new spacing counts from the last request sent, so the very next one already obeys it.
    this.next = Math.max(this.next, this.last + this.intervalMs)
    this.log.pending = true
    this.log.atCeiling = false
  }

  private regrow(): void {
    if (this.rate >= this.ceiling) return
    const perSecond = this.rate < this.resumeAt ? QUICK_REGROWTH_PER_SECOND : this.rate < this.cutFrom ? PROBE_REGROWTH_PER_SECOND : REGROWTH_PER_SECOND
    // One answer stands for one interval of sending, so the growth per second is the same at any rate.
    this.setRate(Math.min(this.ceiling, this.rate + (perSecond * this.intervalMs) / 1000))
  }

  private setRate(rate: number): void {
    this.rate = rate
    this.tally.lowestRate = Math.min(this.tally.lowestRate, rate)
    this.intervalMs = intervalFor(rate)
  }

  /** Adds [from, to] beyond the ceiling's slot to the time held; overlapping holds count once. */
  private countHeld(from: number, to: number): void {
    const start = Math.max(from, this.ceilingNext, this.counted.until)
    if (to > start) this.counted.ms += to - start
    this.counted.until = Math.max(this.counted.until, to)
  }

  private report(now: number): void {
    if (now - this.log.at < PACING_LOG_EVERY_MS || !this.onChange) return
    if (this.log.pending) {
      // Both counts run from the start of the run: a reader adds nothing up across lines.
      this.write(
        now,
        `Boomi is throttling this account: so far ${plural(this.tally.throttled, 'answer')} 503/429 and ${plural(this.tally.cuts, 'cut')} of the rate; now ${formatRate(this.rate)} (ceiling ${formatRate(this.ceiling)})`
      )
    } else if (!this.log.atCeiling && this.rate >= this.ceiling) {
      this.log.atCeiling = true
      this.write(now, `request rate back at its ceiling, ${formatRate(this.ceiling)}; it went as low as ${formatRate(this.tally.lowestRate)}`)
    }
  }

  private write(now: number, line: string): void {
    this.log.at = now
    this.log.pending = false
    this.onChange?.(line)
  }
}

/** A rolling second holds whole requests: 2.5 a second allows 2 in any one of them. */
function intervalFor(rate: number): number {
  const base = 1000 / (rate >= 1 ? Math.floor(rate) : rate)
  return base + Math.max(base * PACING_MARGIN, MIN_MARGIN_MS)
}
