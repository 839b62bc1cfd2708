// What Boomi's listing says, read by the real client over loopback HTTP, decides what
// pruning deletes: each field that decides must reach the planner as Boomi gave it
// (issue 19: a mutant that dropped every version's date made pruning skip everything,
// and no in-process test noticed). docs/behaviour.md, "Pruning".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { performance } from 'node:perf_hooks'
import { Emulator } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import type { VersionRecord } from '../../emulator/types.js'
import { HttpBoomiClient } from '../../src/boomi/client.js'
import { planPrune } from '../../src/domain/plan.js'
import { Pacer } from '../../src/net/pacer.js'
import { realSleep } from '../../src/net/retry.js'
import { createTransport } from '../../src/net/transport.js'

const GROUP = 'acme-Q7XK2P-sample'
let emu: Emulator

beforeAll(async () => {
  emu = new Emulator()
  await emu.start()
})
afterAll(async () => {
  await emu.close()
})

function client(): HttpBoomiClient {
  const quiet = { info: () => undefined, warning: () => undefined, debug: () => undefined }
  return new HttpBoomiClient({
    apiUrl: emu.apiUrl,
    accountId: emu.accountId,
    username: `BOOMI_TOKEN.${emu.username}`,
    apiToken: emu.apiToken,
    timeoutMs: 5000,
    transport: createTransport('boomi-connector-action/test'),
    pacer: new Pacer(100, () => performance.now(), realSleep),
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1, sleep: realSleep, random: Math.random, log: () => undefined },
    log: quiet
  })
}

/** Newest first by date, ties to the larger id: the records' own order, independent of the client. */
function newest(a: VersionRecord, b: VersionRecord): number {
  return Date.parse(b.uploadedDate) - Date.parse(a.uploadedDate) || Number(b.versionId) - Number(a.versionId)
}

describe('a listing read by the client decides pruning', () => {
  it('deletes exactly the live, unprotected versions beyond the newest N, by their dates', async () => {
    emu.reset()
    // Deleted versions, every review status and release versions among 30, in shuffled id order.
    const records = seedGroup(emu, { groupType: GROUP, count: 30, seed: 7, protectedKinds: true })
    const keepLatest = 5
    const live = records.filter(r => !r.deleted).sort(newest)
    const expected = live
      .slice(keepLatest)
      .filter(r => !r.releaseVersion && (r.reviewStatus === undefined || r.reviewStatus === 'CANCELLED'))
      .map(r => r.versionId)
    expect(expected.length).toBeGreaterThan(10)

    const listing = await client().listGroup(GROUP)
    const plan = planPrune({ listing, keepLatest, now: Date.parse('2030-01-01T00:00:00Z') })
    expect(plan.keep.map(p => p.version.versionId)).toEqual(live.slice(0, keepLatest).map(r => r.versionId))
    expect(plan.delete.map(p => p.version.versionId)).toEqual(expected)
    expect(plan.skip.map(p => p.version.versionId).sort()).toEqual(
      live
        .slice(keepLatest)
        .map(r => r.versionId)
        .filter(id => !expected.includes(id))
        .sort()
    )
  })
})
