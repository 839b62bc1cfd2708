import { errorMessage } from '../errors.js'
import { plural } from '../text.js'

export type Sleep = (ms: number) => Promise<void>

/** The longest delay Node's timers take; a longer one fires at once, with a warning. */
export const MAX_TIMER_MS = 2 ** 31 - 1
/**
 * How long one run keeps waiting out throttling (503, 429): wall time from the
 * first throttled answer until a request succeeds again, however many requests
 * are throttled at once and whatever loop is waiting. A crowded account makes
 * a run slower; only a run held back this long without a success fails.
 */
export const THROTTLE_BUDGET_MS = 10 * 60_000

/**
 * What kind of failure an attempt met, decided once at the edge that knows the
 * vendor (src/boomi/failures.ts); this layer knows no vendor's error classes.
 * - throttling: "not now" (503, 429); nothing was done; waits, bounded by time.
 * - transient: no answer (a connection refused, dropped, timed out).
 * - server-error: an answer saying the server failed (5xx other than 503).
 * - client-error: asking again will not change the answer (other 4xx, bad certificates, bugs).
 */
export type FailureKind = 'throttling' | 'transient' | 'server-error' | 'client-error'

export interface Failure {
  kind: FailureKind
  /** The request may have done its work although no answer said so: written, then no answer; or a 5xx other than 503. */
  mayHaveTakenEffect: boolean
  /** What the server asked for (Retry-After, parsed), before our cap. */
  retryAfterMs?: number
  /** For log lines: "HTTP 503", "ECONNRESET". */
  label: string
  /** Tries in all that this kind of failure is worth, whatever max-attempts says (a host name that does not resolve). */
  maxTries?: number
}

export type Classify = (err: unknown) => Failure

export interface RetryPolicy {
  /** Tries of one request against real errors (transient, server-error); throttling is bounded by time instead. */
  maxAttempts: number
  /** First backoff ceiling; doubles each attempt up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
  /** Longest `Retry-After` we honour; a longer one is cut to this. */
  maxRetryAfterMs: number
  sleep: Sleep
  random: () => number
  log: (line: string) => void
  /** Default THROTTLE_BUDGET_MS. */
  throttleBudgetMs?: number
  /** Wall clock (ms) for the throttling budget; Date.now when absent. */
  now?: () => number
}

export const DEFAULT_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 } as const

/** Any delay, however computed, as something setTimeout takes: 0 to MAX_TIMER_MS. */
export function timerDelay(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0
  return Math.min(ms, MAX_TIMER_MS)
}

export const realSleep: Sleep = ms => new Promise(resolve => setTimeout(resolve, timerDelay(ms)))

type DelayPolicy = Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'random'>
type DecisionPolicy = DelayPolicy & Pick<RetryPolicy, 'maxAttempts' | 'throttleBudgetMs'>

/** Full jitter: a uniform draw below the exponential ceiling; `Retry-After` (capped) wins when given. */
export function backoffDelay(attempt: number, failure: Pick<Failure, 'retryAfterMs'>, policy: DelayPolicy): number {
  const asked = cappedRetryAfter(failure, policy)
  if (asked !== undefined) return asked
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return timerDelay(Math.floor(policy.random() * ceiling))
}

function cappedRetryAfter(failure: Pick<Failure, 'retryAfterMs'>, policy: Pick<RetryPolicy, 'maxRetryAfterMs'>): number | undefined {
  if (failure.retryAfterMs === undefined) return undefined
  return timerDelay(Math.min(failure.retryAfterMs, policy.maxRetryAfterMs))
}

/** Where one request stands when an attempt has failed. */
export interface RetryState {
  /** Failures of this request that spent an attempt (throttling does not), before this one. */
  failures: number
  /**
   * Wall time since the run's first throttled answer that no success has
   * followed yet, this answer included; undefined when not throttled.
   */
  throttledForMs?: number
}

export type Step =
  | { retry: true; throttled: boolean; delayMs: number; failures: number }
  | { retry: false; reason: 'not-retryable'; failures: number }
  | { retry: false; reason: 'attempts'; failures: number }
  /** `throttledForMs`: how long the episode had lasted when it was given up (a success after the decision ends the episode, not the story). */
  | { retry: false; reason: 'throttle-budget'; failures: number; throttledForMs: number }

/**
 * The one decision after a failed attempt: retry, after how long, or stop.
 * Throttling does not spend `maxAttempts`; it waits as Boomi asks (Retry-After)
 * or for a short jitter (the pacer, cut by the same answer, spaces what
 * follows), and stops once the next attempt would start past the budget,
 * counted in wall time from the first throttled answer: the attempts
 * themselves and the pacer's spacing count too. Anything else retryable spends
 * an attempt and backs off exponentially.
 */
export function nextStep(failure: Failure, state: RetryState, policy: DecisionPolicy): Step {
  if (failure.kind === 'client-error') return { retry: false, reason: 'not-retryable', failures: state.failures + 1 }
  if (failure.kind === 'throttling') {
    const delayMs = cappedRetryAfter(failure, policy) ?? timerDelay(Math.floor(policy.random() * policy.baseDelayMs))
    const throttledForMs = state.throttledForMs ?? 0
    if (throttledForMs + delayMs > (policy.throttleBudgetMs ?? THROTTLE_BUDGET_MS)) {
      return { retry: false, reason: 'throttle-budget', failures: state.failures, throttledForMs }
    }
    return { retry: true, throttled: true, delayMs, failures: state.failures }
  }
  const failures = state.failures + 1
  // Raising max-attempts would not help a name that does not resolve: its message points at api-url instead.
  if (failure.maxTries !== undefined && failures >= failure.maxTries) return { retry: false, reason: 'not-retryable', failures }
  if (failures >= policy.maxAttempts) return { retry: false, reason: 'attempts', failures }
  return { retry: true, throttled: false, delayMs: backoffDelay(failures, failure, policy), failures }
}

/**
 * The run's one retry strategy, shared by every request (the upload, its looks
 * after a lost answer, listings, deletes, version changes): the policy, and
 * the one piece of state that crosses requests, the throttling episode. It
 * starts at the first throttled answer and ends at the next success of any
 * request, so a crowded account slows the run and only one held back for the
 * whole budget fails, whichever loop is waiting.
 */
export class RetryStrategy {
  private throttledSince?: number
  private throttledTotal = 0
  private readonly now: () => number

  constructor(readonly policy: RetryPolicy) {
    this.now = policy.now ?? Date.now
  }

  get maxAttempts(): number {
    return this.policy.maxAttempts
  }

  /** What to do after an attempt failed with `failure`, `failures` real failures of this request before it. */
  decide(failure: Failure, failures: number): Step {
    const now = this.now()
    if (failure.kind === 'throttling') this.throttledSince ??= now
    const throttledForMs = this.throttledSince === undefined ? undefined : now - this.throttledSince
    return nextStep(failure, { failures, throttledForMs }, this.policy)
  }

  /** A request succeeded: Boomi is taking requests again, and the throttling episode (if any) is over. */
  recordSuccess(): void {
    if (this.throttledSince === undefined) return
    this.throttledTotal += this.now() - this.throttledSince
    this.throttledSince = undefined
  }

  /** Wall time spent in throttling episodes so far, the open one included. */
  get throttledMs(): number {
    return this.throttledTotal + (this.throttledSince === undefined ? 0 : this.now() - this.throttledSince)
  }

  /** The ongoing episode's length so far, for log lines. */
  private get episodeMs(): number {
    return this.throttledSince === undefined ? 0 : this.now() - this.throttledSince
  }

  sleep(ms: number): Promise<void> {
    return this.policy.sleep(ms)
  }

  log(line: string): void {
    this.policy.log(line)
  }

  /** The log line for a retry: "attempt i of N failed: …" or, for throttling, the budget spent. */
  describe(err: unknown, failure: Failure, step: Extract<Step, { retry: true }>): string {
    if (!step.throttled) return `attempt ${step.failures} of ${this.policy.maxAttempts} failed: ${errorMessage(err)}; retrying in ${step.delayMs} ms`
    return `throttled (${failure.label}), waiting ${step.delayMs} ms; ${Math.round(this.episodeMs / 1000)} s of the ${this.budgetS} s throttling budget used`
  }

  /** The error a finished retry loop throws: the failure itself, with how the tries ran out when they did. */
  finalError(err: unknown, step: Extract<Step, { retry: false }>): unknown {
    if (step.reason === 'attempts') return gaveUp(err, step.failures)
    if (step.reason === 'not-retryable') return err
    // The episode as it stood when the budget ran out: the upload may have looked for its version since, and that listing's success closed it.
    return withNote(
      err,
      `gave up after ${Math.round(step.throttledForMs / 1000)} s of throttling, near the ${this.budgetS} s limit; the account's rate limit is spent by other jobs or tools: run fewer at once, or lower requests-per-second`
    )
  }

  private get budgetS(): number {
    return Math.round((this.policy.throttleBudgetMs ?? THROTTLE_BUDGET_MS) / 1000)
  }
}

/**
 * Runs `attempt` until it succeeds, fails for good, spends `maxAttempts` on
 * real errors, or overruns the throttling budget; `classify` is the edge's
 * reading of each failure.
 */
export async function withRetries<T>(what: string, strategy: RetryStrategy, classify: Classify, attempt: (n: number) => Promise<T>): Promise<T> {
  let failures = 0
  for (let n = 1; ; n++) {
    try {
      const result = await attempt(n)
      strategy.recordSuccess()
      return result
    } catch (err) {
      const failure = classify(err)
      const step = strategy.decide(failure, failures)
      if (!step.retry) throw strategy.finalError(err, step)
      failures = step.failures
      strategy.log(`${what}: ${strategy.describe(err, failure, step)}`)
      await strategy.sleep(step.delayMs)
    }
  }
}

/** The last failure, saying that the tries ran out and how to allow more. */
export function gaveUp(err: unknown, attempts: number): unknown {
  return withNote(err, `gave up after ${plural(attempts, 'attempt')}; raise max-attempts to try longer`)
}

/**
 * A copy of the error (same class and fields, so callers still tell one kind
 * from another) with a note added to its message and the original as its
 * cause; the thrown error itself is left as it was.
 */
function withNote(err: unknown, note: string): unknown {
  if (!(err instanceof Error)) return new Error(`${errorMessage(err)} (${note})`, { cause: err })
  const copy = Object.create(Object.getPrototypeOf(err) as object, Object.getOwnPropertyDescriptors(err)) as Error
  Object.defineProperty(copy, 'message', { value: `${err.message} (${note})`, writable: true, configurable: true })
  Object.defineProperty(copy, 'cause', { value: err, writable: true, configurable: true })
  return copy
}

/** Longer than any date or number Boomi would send: not read at all. */
const MAX_RETRY_AFTER_TEXT = 64

/** `Retry-After` as seconds or an HTTP date, at most MAX_TIMER_MS; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value || value.length > MAX_RETRY_AFTER_TEXT) return undefined
  const text = value.trim()
  // delay-seconds; a fraction is not in RFC 9110, but is read as meant.
  if (/^\d+(\.\d+)?$/.test(text)) return timerDelay(Math.round(Number(text) * 1000))
  const date = parseHttpDate(text, now)
  return date === undefined ? undefined : timerDelay(date - now)
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = `(?<month>${MONTHS.join('|')})`
const TIME = '(?<hour>\\d\\d):(?<minute>\\d\\d):(?<second>\\d\\d)'
/** RFC 9110 §5.6.7's three forms of an HTTP-date, all in GMT. */
const HTTP_DATES = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  new RegExp(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?<day>\\d\\d) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  new RegExp(`^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>\\d\\d)-${MONTH}-(?<year>\\d\\d) ${TIME} GMT$`),
  // asctime: Sun Nov  6 08:49:37 1994 (GMT, though it does not say so)
  new RegExp(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`)
]

/** An HTTP-date as ms since the epoch; undefined for any other text, or a day or time that does not exist. */
function parseHttpDate(text: string, now: number): number | undefined {
  const parts = HTTP_DATES.map(form => form.exec(text)?.groups).find(groups => groups !== undefined)
  if (!parts) return undefined
  const [day, hour, minute, second] = [parts.day, parts.hour, parts.minute, parts.second].map(Number)
  let year = Number(parts.year)
  // A two-digit year (RFC 850) is the latest with those digits that is at most 50 years ahead.
  if (parts.year.length === 2) {
    year += 2000
    if (year > new Date(now).getUTCFullYear() + 50) year -= 100
  }
  const date = new Date(Date.UTC(year, MONTHS.indexOf(parts.month), day, hour, minute, second))
  if (date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined
  return date.getTime()
}
