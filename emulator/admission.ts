/**
 * Admission, decided when a request's headers arrive, in this order (tests depend on it):
 *   1. rate limit: `limit` arrivals already counted in (now-1000 ms, now] → 503. The limit
 *      is the account's: every group, every client and every path share it. Which arrivals
 *      count is the limiter's mode (`RateLimitCounts`): by default only accepted ones, so
 *      rate-limited arrivals do not count against later ones (the forgiving choice); with
 *      'all', every arrival counts, refused ones included (the strict choice). Boomi does
 *      not say which it has (docs/boomi-api.md, "What is uncertain"), so the pacing is
 *      measured against both;
 *   2. auth (Basic, `BOOMI_TOKEN.<username>` / apiToken) → 401;
 *   3. wrong account ID in the path → 403;
 *   3b. a prefix the account may not use (`refusedPrefixes`) → its status (403, or 401);
 *   4. the next scripted fault for the operation, if any (so 401/403/503-limited requests
 *      never consume a fault).
 */
import type { Fault, Operation } from './types.js'
import { errorAnswer, type Answer } from './wire.js'

/** Which arrivals a rate limiter counts against its rolling second. */
export type RateLimitCounts = 'accepted' | 'all'
export const RATE_LIMIT_COUNTS: readonly RateLimitCounts[] = ['accepted', 'all']

export class RateLimiter {
  private counted: number[] = [] // arrival times inside the last second that count against the limit

  constructor(
    private readonly limit: number | undefined,
    private readonly counts: RateLimitCounts = 'accepted'
  ) {}

  /** Whether an arrival at `t` (ms) is turned away; an admitted one is counted, and in mode 'all' a refused one too. */
  refuses(t: number): boolean {
    if (this.limit === undefined) return false
    let first = 0
    while (first < this.counted.length && this.counted[first] <= t - 1000) first++
    if (first > 0) this.counted.splice(0, first)
    const refused = this.counted.length >= this.limit
    if (!refused || this.counts === 'all') this.counted.push(t)
    return refused
  }

  reset(): void {
    this.counted = []
  }
}

export class FaultScript {
  private queues = new Map<Operation, Fault[]>()

  add(op: Operation, faults: Fault[]): void {
    this.queues.set(op, [...(this.queues.get(op) ?? []), ...faults])
  }

  next(op: Operation): Fault | undefined {
    return this.queues.get(op)?.shift()
  }

  pending(op?: Operation): number {
    if (op) return this.queues.get(op)?.length ?? 0
    let n = 0
    for (const q of this.queues.values()) n += q.length
    return n
  }

  clear(): void {
    this.queues.clear()
  }
}

export interface Credentials {
  accountId: string
  username: string
  apiToken: string
}

export function authorized(header: string | undefined, c: Credentials): boolean {
  const m = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')
  if (!m) return false
  const decoded = Buffer.from(m[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return false
  return decoded.slice(0, colon) === `BOOMI_TOKEN.${c.username}` && decoded.slice(colon + 1) === c.apiToken
}

/** Steps 2 and 3: the refusal to answer, or undefined when the caller may go on. */
export function refusal(authorization: string | undefined, account: string | undefined, c: Credentials): Answer | undefined {
  if (!authorized(authorization, c)) {
    return { ...errorAnswer(401, 'Unauthorized: invalid user name or API token.'), headers: { 'WWW-Authenticate': 'Basic realm="Boomi"' } }
  }
  if (account !== undefined && account !== c.accountId) return errorAnswer(403, `Forbidden: you do not have access to account ${account}.`)
  return undefined
}

export function rateLimitAnswer(limit: number | undefined, accountId: string): Answer {
  return errorAnswer(503, `Rate limit exceeded: more than ${limit} requests in one second for account ${accountId}. Try again later.`)
}
