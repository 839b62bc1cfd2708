/**
 * A competing client: another tool spending the same account's rate limit (a deployment
 * pipeline on the Platform API, say). It sends read-only queries at a steady rate, on a fixed
 * schedule that does not wait for answers and does not slow down when throttled, so the load
 * it adds is known in advance. Bounded by time and by count; never more than a few requests
 * in flight.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export interface CompetitorOptions {
  apiUrl: string // http only: the competitor plays against the emulator on loopback
  accountId: string
  username: string // without BOOMI_TOKEN.
  apiToken: string
  requestsPerSecond: number // 0 < rate <= 1000
  durationMs: number // 0 < duration <= 24 h
  groupType?: string // the group it lists, default 'competitor-pipeline'
  maxRequests?: number // default: rate × duration
  timeoutMs?: number // per request, default 10 s
}

export interface CompetitorResult {
  sent: number
  throttled: number // answered 503 or 429
  failed: number // any other non-2xx answer, a timeout or a socket error
}

export interface Competitor {
  /** Ends the schedule now, waits for requests in flight, and reports. */
  stop(): Promise<CompetitorResult>
  /** Settles when the schedule has run out (duration or count) and nothing is in flight. */
  done: Promise<CompetitorResult>
}

const MAX_RATE = 1000
const MAX_DURATION_MS = 24 * 3_600_000

function check(o: CompetitorOptions): void {
  if (!(o.requestsPerSecond > 0 && o.requestsPerSecond <= MAX_RATE)) throw new RangeError(`competitor: requestsPerSecond must be in (0, ${MAX_RATE}]`)
  if (!(o.durationMs > 0 && o.durationMs <= MAX_DURATION_MS)) throw new RangeError(`competitor: durationMs must be in (0, ${MAX_DURATION_MS}]`)
  if (o.maxRequests !== undefined && !(Number.isInteger(o.maxRequests) && o.maxRequests >= 0))
    throw new RangeError('competitor: maxRequests must be a whole number')
  if (new URL(o.apiUrl).protocol !== 'http:') throw new RangeError('competitor: apiUrl must be an http: URL')
}

export function startCompetitor(o: CompetitorOptions): Competitor {
  check(o)
  const result: CompetitorResult = { sent: 0, throttled: 0, failed: 0 }
  const max = Math.min(o.maxRequests ?? Infinity, Math.ceil((o.requestsPerSecond * o.durationMs) / 1000))
  const maxInFlight = Math.max(4, Math.ceil(o.requestsPerSecond))
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight })
  const send = querySender(o, agent)
  const inFlight = new Set<Promise<void>>()
  const t0 = performance.now()
  let slot = 0
  let timer: NodeJS.Timeout | undefined
  let finish!: () => void
  const ended = new Promise<void>(resolve => (finish = resolve))

  const tick = (): void => {
    const elapsed = performance.now() - t0
    if (slot >= max || elapsed >= o.durationMs) return finish()
    // A slot whose earlier requests are all still waiting is skipped, not queued: the rate stays the plan's.
    if (inFlight.size < maxInFlight) {
      result.sent++
      const p: Promise<void> = send().then(outcome => {
        if (outcome === 'throttled') result.throttled++
        else if (outcome === 'failed') result.failed++
        inFlight.delete(p)
      })
      inFlight.add(p)
    }
    slot++
    timer = setTimeout(tick, Math.max(0, t0 + (slot * 1000) / o.requestsPerSecond - performance.now()))
  }
  tick()

  const done = ended.then(async () => {
    clearTimeout(timer)
    await Promise.all(inFlight)
    agent.destroy()
    return { ...result }
  })
  return {
    done,
    stop: () => {
      finish()
      return done
    }
  }
}

type Outcome = 'ok' | 'throttled' | 'failed'

function querySender(o: CompetitorOptions, agent: http.Agent): () => Promise<Outcome> {
  const url = `${o.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(o.accountId)}/ConnectorVersion/query`
  const body = JSON.stringify({ QueryFilter: { expression: { argument: [o.groupType ?? 'competitor-pipeline'], operator: 'EQUALS', property: 'GROUP_TYPE' } } })
  const headers = {
    Authorization: `Basic ${Buffer.from(`BOOMI_TOKEN.${o.username}:${o.apiToken}`).toString('base64')}`,
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body))
  }
  return () =>
    new Promise<Outcome>(resolve => {
      const req = http.request(url, { method: 'POST', agent, headers, timeout: o.timeoutMs ?? 10_000 }, res => {
        res.resume()
        res.on('end', () => resolve(classify(res.statusCode ?? 0)))
        res.on('error', () => resolve('failed'))
      })
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', () => resolve('failed'))
      req.end(body)
    })
}

function classify(status: number): Outcome {
  if (status === 503 || status === 429) return 'throttled'
  return status >= 200 && status < 300 ? 'ok' : 'failed'
}
