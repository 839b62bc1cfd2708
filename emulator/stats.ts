/**
 * Running counters of finished requests, in total and per connector group, for `GET /__stats`
 * and the CLI's exit line: what a benchmark of several processes sharing one account reads.
 * Counted as requests finish, so a long CLI run needs no pass over its whole request log.
 */
import type { RecordedRequest } from './types.js'

export interface Counts {
  requests: number
  status503: number // answered 503, rate-limited or scripted
  rateLimited: number
  dropped: number // connection closed without an answer (either side)
}

export interface Stats extends Counts {
  byGroup: Record<string, Counts>
}

function zero(): Counts {
  return { requests: 0, status503: 0, rateLimited: 0, dropped: 0 }
}

function add(c: Counts, rec: RecordedRequest): void {
  c.requests++
  if (rec.status === 503) c.status503++
  if (rec.rateLimited) c.rateLimited++
  if (rec.status === 0) c.dropped++
}

export class Counters {
  private total = zero()
  private groups = new Map<string, Counts>()

  note(rec: RecordedRequest): void {
    add(this.total, rec)
    if (rec.groupType === undefined) return
    const g = this.groups.get(rec.groupType) ?? zero()
    add(g, rec)
    this.groups.set(rec.groupType, g)
  }

  snapshot(): Stats {
    const byGroup: Record<string, Counts> = {}
    for (const [name, c] of [...this.groups].sort(([a], [b]) => a.localeCompare(b))) byGroup[name] = { ...c }
    return { ...this.total, byGroup }
  }

  reset(): void {
    this.total = zero()
    this.groups.clear()
  }
}

/** The debug route answers loopback peers only: it needs no credentials, so it must not face a network. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}
