import { BoomiError, NetworkError, errorMessage } from '../errors.js'

export type Sleep = (ms: number) => Promise<void>

export interface RetryPolicy {
  maxAttempts: number
  /** First backoff ceiling; doubles each attempt up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
  /** Longest `Retry-After` we honour; a longer one is cut to this. */
  maxRetryAfterMs: number
  sleep: Sleep
  random: () => number
  log: (line: string) => void
}

export const DEFAULT_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 } as const

export const realSleep: Sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

/** 429, 5xx and network failures may pass; any other answer will not change by asking again. */
export function isRetryable(err: unknown): boolean {
  // A certificate that fails verification will fail the same way next time.
  if (err instanceof NetworkError) return !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(err.code)
  if (err instanceof BoomiError) return err.status === 429 || err.status >= 500
  return false
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

/** Full jitter: a uniform draw below the exponential ceiling; `Retry-After` wins when given. */
export function backoffDelay(attempt: number, err: unknown, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'random'>): number {
  if (err instanceof BoomiError && err.retryAfterMs !== undefined) {
    return Math.min(err.retryAfterMs, policy.maxRetryAfterMs)
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.floor(policy.random() * ceiling)
}

/**
 * Runs `attempt` until it succeeds, fails for good, or `maxAttempts` tries are
 * spent. `recover` is asked after each retryable failure (the last one too)
 * whether the work was done after all, e.g. an upload whose answer was lost;
 * a result from it ends the loop.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  recover?: (err: unknown, n: number) => Promise<T | undefined>
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (err) {
      if (!isRetryable(err)) throw err
      if (recover) {
        const recovered = await recover(err, n)
        if (recovered !== undefined) return recovered
      }
      if (n >= policy.maxAttempts) throw gaveUp(err, n)
      const delay = backoffDelay(n, err, policy)
      policy.log(`${what}: attempt ${n} of ${policy.maxAttempts} failed: ${errorMessage(err)}; retrying in ${delay} ms`)
      await policy.sleep(delay)
    }
  }
}

/** The last failure, saying that the tries ran out and how to allow more. */
export function gaveUp(err: unknown, attempts: number): unknown {
  if (err instanceof Error) err.message = `${err.message} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}; raise max-attempts to try longer)`
  return err
}

/** `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
