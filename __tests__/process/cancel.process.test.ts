// Cancellation as the runner does it (SIGTERM to the bundled action mid-run): what was
// done is still in the outputs and the summary, and what was sent without an answer is
// reported as not known. Apart from action.process.test.ts, and the requests left in
// flight apart in cancel-in-flight.process.test.ts, so that Jest's workers overlap these
// tests' waits (each outlasts the 4 s grace) with the other process tests.
import { describe, expect, it } from '@jest/globals'
import { actionHarness } from '../helpers/action-harness.js'

const { GROUP, fx, run } = actionHarness()

describe('SIGTERM', () => {
  it('SIGTERM mid-prune: stops starting deletions, writes what was deleted, exits 1', async () => {
    fx.emu.seed(Array.from({ length: 40 }, (_, i) => ({ groupType: GROUP, uploadedDate: new Date(Date.parse('2026-01-01') + i * 86_400_000).toISOString() })))
    let child: import('node:child_process').ChildProcess | undefined
    let stdout = ''
    const r = await run(
      { 'keep-latest': '1', 'requests-per-second': '10' },
      {},
      {
        onSpawn: c => (child = c),
        echo: chunk => {
          stdout += chunk
          if ((stdout.match(/^deleted /gm) ?? []).length >= 3 && child && !child.killed) child.kill('SIGTERM')
        }
      }
    )
    expect(r.code).toBe(1)
    const gone = fx.emu
      .versions(GROUP)
      .filter(v => v.deleted)
      .map(v => v.versionId)
    expect(gone.length).toBeGreaterThanOrEqual(3)
    expect(gone.length).toBeLessThan(39)
    expect(JSON.parse(r.outputs['deleted-version-ids']).sort()).toEqual(gone.sort())
    expect(r.summary).toMatch(/Cancelled/)
    expect(r.summary).toMatch(/not tried \| the run was cancelled/)
    expect(r.errors).toEqual([expect.stringMatching(/cancelled/)])
  })

  it('SIGTERM while deletions hang: after a short grace the outputs still list what was deleted', async () => {
    fx.emu.seed(Array.from({ length: 8 }, (_, i) => ({ groupType: GROUP, uploadedDate: new Date(Date.parse('2026-01-01') + i * 86_400_000).toISOString() })))
    // two deletions answer; the other five are sent at once (10/s, eight at a time) and hang
    fx.emu.script('delete', { hangMs: 0 }, { hangMs: 0 }, ...Array.from({ length: 5 }, () => ({ hangMs: 7_000 })))
    let child: import('node:child_process').ChildProcess | undefined
    let timer: NodeJS.Timeout | undefined
    // Watched at the emulator, not in the log: the log prints deletions oldest first, so a line can wait behind a hung one.
    const watch = setInterval(() => {
      if (fx.emu.versions(GROUP).filter(v => v.deleted).length >= 2 && !timer) timer = setTimeout(() => child?.kill('SIGTERM'), 1000)
    }, 20)
    const r = await run({ 'keep-latest': '1', 'requests-per-second': '10' }, {}, { onSpawn: c => (child = c) }).finally(() => clearInterval(watch))
    clearTimeout(timer)
    expect(r.code).toBe(1)
    const gone = fx.emu
      .versions(GROUP)
      .filter(v => v.deleted)
      .map(v => v.versionId)
    expect(gone).toHaveLength(2)
    expect(JSON.parse(r.outputs['deleted-version-ids']).sort()).toEqual(gone.sort())
    // Lines waiting behind a hung deletion are printed once the run is cancelled.
    expect(r.stdout.match(/^deleted /gm)).toHaveLength(2)
    expect(r.summary).toMatch(/cancelled while requests were in flight/)
    expect(r.errors).toEqual([expect.stringMatching(/cancelled/)])
  })
})
