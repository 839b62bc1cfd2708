import { BoomiError, NetworkError, errorMessage } from '../errors.js'

export type Sleep = (ms: number) => Promise<void>

/** The longest delay Node's timers take; a longer one fires at once, with a warning. */
export const MAX_TIMER_MS = 2 ** 31 - 1
/**
 * How long one run keeps waiting out throttling (503, 429), in wall time,
 * however many requests are throttled at once. A crowded account makes a run
 * slower; only a run that has been held back this long in all fails.
 */
export const THROTTLE_BUDGET_MS = 10 * 60_000

export interface RetryPolicy {
  /** Tries of one request against real errors (5xx other than 503, network); throttling is bounded by time instead. */
  maxAttempts: number
  /** First backoff ceiling; doubles each attempt up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
  /** Longest `Retry-After` we honour; a longer one is cut to this. */
  maxRetryAfterMs: number
  sleep: Sleep
  random: () => number
  log: (line: string) => void
  /** The run's account of time spent throttled; without one, each request has a budget of its own. */
  throttle?: ThrottleLedger
  /** Default THROTTLE_BUDGET_MS. */
  throttleBudgetMs?: number
  /** Clock for the throttling budget (ms); Date.now when absent. */
  now?: () => number
}

export const DEFAULT_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 } as const

/** Any delay, however computed, as something setTimeout takes: 0 to MAX_TIMER_MS. */
export function timerDelay(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0
  return Math.min(ms, MAX_TIMER_MS)
}

export const realSleep: Sleep = ms => new Promise(resolve => setTimeout(resolve, timerDelay(ms)))

/**
 * A host name that does not resolve: far more often a mistyped api-url than a
 * passing fault, so it is not retried like one. ENOTFOUND is the resolver's
 * "no such name"; EAI_AGAIN its "try again later", which gets one more try.
 */
export function isNameNotResolved(err: unknown): err is NetworkError {
  return err instanceof NetworkError && (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN')
}

/** How many tries a name that does not resolve gets in all, however high max-attempts is. */
export const NAME_RESOLUTION_TRIES = 2

/** 429, 5xx and network failures may pass; any other answer will not change by asking again. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof NetworkError && err.code === 'ENOTFOUND') return false
  // A certificate that fails verification will fail the same way next time.
  if (err instanceof NetworkError) return !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(err.code)
  if (err instanceof BoomiError) return err.status === 429 || err.status >= 500
  return false
}

/** "Not now": the account's rate limit or a busy Boomi. Nothing was done, and asking later will do. */
export function isThrottling(err: unknown): err is BoomiError {
  return err instanceof BoomiError && (err.status === 503 || err.status === 429)
}

/**
 * A failure that may nonetheless have done the work: an answer that never came
 * after the request was written, or a 5xx other than 503. Only a clear "not
 * now" (429, 503) or a request that was never written proves nothing happened.
 */
export function mayHaveTakenEffect(err: unknown): boolean {
  if (err instanceof NetworkError) return !err.notSent
  if (err instanceof BoomiError) return err.status >= 500 && err.status !== 503
  return false
}

type DelayPolicy = Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'random'>

/** Full jitter: a uniform draw below the exponential ceiling; `Retry-After` wins when given. */
export function backoffDelay(attempt: number, err: unknown, policy: DelayPolicy): number {
  const asked = retryAfter(err, policy)
  if (asked !== undefined) return asked
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return timerDelay(Math.floor(policy.random() * ceiling))
}

function retryAfter(err: unknown, policy: Pick<RetryPolicy, 'maxRetryAfterMs'>): number | undefined {
  if (!(err instanceof BoomiError) || err.retryAfterMs === undefined) return undefined
  return timerDelay(Math.min(err.retryAfterMs, policy.maxRetryAfterMs))
}

/** Where one request stands: what its failures so far have spent. */
export interface RetryState {
  /** Failures that spent an attempt (throttling does not), before this one. */
  failures: number
  /** Time already spent waiting out throttling: the run's, with a ledger in the policy. */
  throttledMs: number
}

export type Step =
  | { retry: true; throttled: boolean; delayMs: number; failures: number }
  | { retry: false; reason: 'not-retryable' | 'attempts' | 'throttle-budget'; failures: number }

/**
 * The one decision after a failed attempt: retry, after how long, or stop.
 * Throttling does not spend `maxAttempts`; it waits as Boomi asks (Retry-After)
 * or for a short jitter — the pacer, cut by the same answer, spaces what
 * follows — until the throttling budget would be overrun. Anything else
 * retryable spends an attempt and backs off exponentially.
 */
export function nextStep(err: unknown, state: RetryState, policy: DelayPolicy & Pick<RetryPolicy, 'maxAttempts' | 'throttleBudgetMs'>): Step {
  if (!isRetryable(err)) return { retry: false, reason: 'not-retryable', failures: state.failures + 1 }
  if (isThrottling(err)) {
    const delayMs = retryAfter(err, policy) ?? timerDelay(Math.floor(policy.random() * policy.baseDelayMs))
    if (state.throttledMs + delayMs > (policy.throttleBudgetMs ?? THROTTLE_BUDGET_MS)) {
      return { retry: false, reason: 'throttle-budget', failures: state.failures }
    }
    return { retry: true, throttled: true, delayMs, failures: state.failures }
  }
  const failures = state.failures + 1
  // Raising max-attempts would not help a name that does not resolve: its message points at api-url instead.
  if (isNameNotResolved(err) && failures >= NAME_RESOLUTION_TRIES) return { retry: false, reason: 'not-retryable', failures }
  if (failures >= policy.maxAttempts) return { retry: false, reason: 'attempts', failures }
  return { retry: true, throttled: false, delayMs: backoffDelay(failures, err, policy), failures }
}

/**
 * Wall time spent waiting out throttling, across every request that shares it:
 * two requests throttled over the same second spend one second, not two.
 */
export class ThrottleLedger {
  private until = -Infinity
  private spent = 0

  get spentMs(): number {
    return this.spent
  }

  record(from: number, to: number): void {
    const start = Math.max(from, this.until)
    if (to > start) this.spent += to - start
    this.until = Math.max(this.until, to)
  }
}

/**
 * Runs `attempt` until it succeeds, fails for good, spends `maxAttempts` on
 * real errors, or overruns the throttling budget. `recover` is asked after
 * each retryable failure (the last one too) whether the work was done after
 * all, e.g. an upload whose answer was lost; a result from it ends the loop.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  recover?: (err: unknown, n: number) => Promise<T | undefined>
): Promise<T> {
  const ledger = policy.throttle ?? new ThrottleLedger()
  const now = policy.now ?? Date.now
  let failures = 0
  for (let n = 1; ; n++) {
    const started = now()
    try {
      return await attempt(n)
    } catch (err) {
      if (recover && isRetryable(err)) {
        const recovered = await recover(err, n)
        if (recovered !== undefined) return recovered
      }
      const step = nextStep(err, { failures, throttledMs: ledger.spentMs }, policy)
      if (!step.retry) throw finalError(err, step, ledger.spentMs, policy)
      failures = step.failures
      policy.log(`${what}: ${describeRetry(err, step, ledger.spentMs, policy)}`)
      await policy.sleep(step.delayMs)
      if (step.throttled) ledger.record(started, now())
    }
  }
}

/** The log line for a retry: "attempt i of N failed: …" or, for throttling, the budget spent. */
export function describeRetry(
  err: unknown,
  step: Extract<Step, { retry: true }>,
  throttledMs: number,
  policy: Pick<RetryPolicy, 'maxAttempts' | 'throttleBudgetMs'>
): string {
  if (!step.throttled) return `attempt ${step.failures} of ${policy.maxAttempts} failed: ${errorMessage(err)}; retrying in ${step.delayMs} ms`
  const status = err instanceof BoomiError ? err.status : '?'
  const budgetS = Math.round((policy.throttleBudgetMs ?? THROTTLE_BUDGET_MS) / 1000)
  return `throttled (${status}), waiting ${step.delayMs} ms; ${Math.round(throttledMs / 1000)} s of the ${budgetS} s throttling budget used`
}

/** The error a finished retry loop throws: the failure itself, with how the tries ran out when they did. */
export function finalError(err: unknown, step: Extract<Step, { retry: false }>, throttledMs: number, policy: Pick<RetryPolicy, 'throttleBudgetMs'>): unknown {
  if (step.reason === 'attempts') return gaveUp(err, step.failures)
  if (step.reason === 'not-retryable') return err
  const budgetS = Math.round((policy.throttleBudgetMs ?? THROTTLE_BUDGET_MS) / 1000)
  return withNote(
    err,
    `gave up after ${Math.round(throttledMs / 1000)} s of throttling, near the ${budgetS} s limit; the account's rate limit is spent by other jobs or tools: run fewer at once, or lower requests-per-second`
  )
}

/** The last failure, saying that the tries ran out and how to allow more. */
export function gaveUp(err: unknown, attempts: number): unknown {
  return withNote(err, `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}; raise max-attempts to try longer`)
}

/**
 * A copy of the error (same class and fields, so callers still tell a
 * BoomiError from a NetworkError) with a note added to its message and the
 * original as its cause; the thrown error itself is left as it was.
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
  if (/^\d+(\.\d+)?$/.test(text)) return timerDelay(Math.round(Number(text) * 1000))
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return timerDelay(date - now)
}
