// Jobs sharing one account's rate limit, simulated: the action's own Pacer (src/net/pacer.ts)
// in each job and the emulator's RateLimiter (emulator/admission.ts) as the account, on a
// simulated clock. It models the 4-job row of shared-account.ts (each job lists its group,
// then deletes 99 versions, min(8, ceil(rate)) at a time, a throttled request waiting a
// jitter of up to 1 s and then the pacer again) and reproduces what that row measures in
// a minute of real time within a few per cent, in well under a second a run. A change to
// the pacer's constants can so be judged over many seeds before the real bench confirms
// it (docs/benchmarks.md, "Shared-account pacing, simulated").
//
//   npx tsc -p tsconfig.tools.json && node .tools/scripts/bench/pacing-sim.js [seeds]
//
// Prints, for each limiter (counting only accepted requests, or all of them), the median
// and worst over the seeds of: wall time ÷ floor (requests received ÷ limit) and the share
// of answers 503. Deterministic for a given seed list; every loop is bounded.
import { RateLimiter, type RateLimitCounts } from '../../emulator/admission.js'
import { Pacer } from '../../src/net/pacer.js'

interface Scenario {
  jobs: number
  versions: number
  /** The account's limit, requests in any rolling second. */
  limit: number
  counts: RateLimitCounts
  /** Each job's requests-per-second (the action's default). */
  ceiling: number
  seed: number
}

interface Outcome {
  ratio: number
  share503: number
  requests: number
  maxInSecond: number
}

/** A small deterministic generator (the seed picks start offsets, latencies and jitters). */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state / 2 ** 32
  }
}

async function simulate(s: Scenario): Promise<Outcome> {
  const random = generator(s.seed)
  // The pacers' own draws (each cut's resume share) from a second generator, so that a change to them leaves the rest alone.
  const pacerRandom = generator(s.seed ^ 0x5bd1e995)
  let now = 0
  let order = 0
  const timers: { at: number; order: number; wake: () => void }[] = []
  const sleep = (ms: number): Promise<void> => new Promise(wake => void timers.push({ at: now + Math.max(0, ms), order: order++, wake }))
  const limiter = new RateLimiter(s.limit, s.counts)
  const arrivals: number[] = []
  let refused = 0

  async function request(pacer: Pacer): Promise<void> {
    for (let tries = 0; tries < 1000; tries++) {
      await pacer.take()
      await sleep(3 + random() * 2) // on its way
      const no = limiter.refuses(now)
      arrivals.push(now)
      if (no) refused++
      await sleep(25 * (0.5 + random())) // the answer
      pacer.observe(no ? 503 : 200)
      if (!no) return
      await sleep(Math.floor(random() * 1000)) // the retry's jitter (src/net/retry.ts, throttling)
    }
    throw new Error('a request was refused 1,000 times')
  }

  async function job(): Promise<void> {
    await sleep(random() * 300) // processes start a little apart
    const pacer = new Pacer(s.ceiling, () => now, sleep, { random: pacerRandom })
    await request(pacer) // the listing: a query and a page
    await request(pacer)
    let left = s.versions - 1
    const lanes = Math.max(1, Math.min(8, Math.ceil(s.ceiling)))
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (left > 0) {
          left--
          await request(pacer)
        }
      })
    )
  }

  let done = false
  const all = Promise.all(Array.from({ length: s.jobs }, job)).then(() => void (done = true))
  for (let steps = 0; !done; steps++) {
    if (steps > 10_000_000) throw new Error('the simulation did not end')
    await new Promise(resolve => setImmediate(resolve)) // everything due at `now` runs first
    if (done) break
    timers.sort((a, b) => a.at - b.at || a.order - b.order)
    const next = timers.shift()
    if (!next) throw new Error('nothing left to wake')
    now = next.at
    next.wake()
  }
  await all
  let maxInSecond = 0
  for (let i = 0, first = 0; i < arrivals.length; i++) {
    while (arrivals[first] <= arrivals[i] - 1000) first++
    maxInSecond = Math.max(maxInSecond, i - first + 1)
  }
  return { ratio: now / 1000 / (arrivals.length / s.limit), share503: refused / arrivals.length, requests: arrivals.length, maxInSecond }
}

async function main(): Promise<void> {
  const seeds = Math.min(200, Math.max(1, Number(process.argv[2] ?? 20)))
  console.log(`4 jobs × 100 versions, requests-per-second 5 each, one account limited to 10 in any rolling second; ${seeds} seeds`)
  for (const counts of ['accepted', 'all'] as const) {
    const runs: Outcome[] = []
    for (let i = 1; i <= seeds; i++) runs.push(await simulate({ jobs: 4, versions: 100, limit: 10, counts, ceiling: 5, seed: i * 7919 }))
    const sorted = (k: keyof Outcome) => runs.map(r => r[k]).sort((a, b) => a - b)
    const median = (k: keyof Outcome) => sorted(k)[Math.floor(runs.length / 2)]
    const worst = (k: keyof Outcome) => sorted(k)[runs.length - 1]
    const ok = median('ratio') <= 1.3 && median('share503') <= 0.05
    const passed = runs.filter(r => r.ratio <= 1.3 && r.share503 <= 0.05).length
    console.log(
      `  limiter counting ${counts.padEnd(8)}: ratio median ${median('ratio').toFixed(3)}× (worst ${worst('ratio').toFixed(3)}×), ` +
        `503 share median ${(median('share503') * 100).toFixed(1)} % (worst ${(worst('share503') * 100).toFixed(1)} %), ` +
        `max ${worst('maxInSecond')} in a rolling second; target ≤ 1.3×, ≤ 5 %: ${ok ? 'PASS' : 'MISS'} at the median, met by ${passed} of ${runs.length} seeds`
    )
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
