// Cancellation as the runner does it (SIGTERM to the bundled action mid-run): what was
// done is still in the outputs and the summary, and what was sent without an answer is
// reported as not known. Most of these tests wait out the 4 s grace, so they run
// concurrently, each with an emulator and a workspace of its own.
import { describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import type { ActionRun } from '../../scripts/run-action.js'
import { type ActionHarness, withActionHarness } from '../helpers/action-harness.js'

/** Runs the action and sends SIGTERM `afterMs` after a line matching `when` appears; the run then hangs past the grace. */
function runUntil({ run }: ActionHarness, extra: Record<string, string>, when: RegExp, afterMs = 300): Promise<ActionRun> {
  let child: ChildProcess | undefined
  let stdout = ''
  let timer: NodeJS.Timeout | undefined
  return run(
    extra,
    {},
    {
      onSpawn: c => (child = c),
      echo: chunk => {
        stdout += chunk
        if (when.test(stdout) && !timer) timer = setTimeout(() => child?.kill('SIGTERM'), afterMs)
      }
    }
  ).finally(() => clearTimeout(timer))
}

const daily = (group: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ groupType: group, uploadedDate: new Date(Date.parse('2026-01-01') + i * 86_400_000).toISOString() }))

describe('SIGTERM', () => {
  it.concurrent('SIGTERM mid-prune: stops starting deletions, writes what was deleted, exits 1', () =>
    withActionHarness(async ({ GROUP, fx, run }) => {
      fx.emu.seed(daily(GROUP, 40))
      let child: ChildProcess | undefined
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
  )

  it.concurrent('SIGTERM while deletions hang: after a short grace the outputs still list what was deleted', () =>
    withActionHarness(async ({ GROUP, fx, run }) => {
      fx.emu.seed(daily(GROUP, 8))
      // two deletions answer; the other five are sent at once (10/s, eight at a time) and hang
      fx.emu.script('delete', { hangMs: 0 }, { hangMs: 0 }, ...Array.from({ length: 5 }, () => ({ hangMs: 7_000 })))
      let child: ChildProcess | undefined
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
  )

  // (In one describe block: Jest starts the concurrent tests of one block together, one block after another.)
  it.concurrent('SIGTERM while a classification change was sent and not answered: the outputs and the summary say its outcome is not known', () =>
    withActionHarness(async h => {
      const { GROUP, ARCHIVE, fx } = h
      h.archive()
      fx.emu.seed([{ groupType: GROUP, uploadedDate: '2026-11-01T00:00:00Z', inUse: 'uat' }])
      fx.emu.setClassification(GROUP, 'prod', { versionId: fx.emu.live(GROUP)[0].versionId, visibility: 'PRIVATE' })
      // uat is answered; prod's change is read and then held past the grace
      fx.emu.script('versionChange', { hangMs: 0 }, { hangMs: 8_000 })
      const r = await runUntil(h, { archive: ARCHIVE, classifications: 'uat, prod' }, /Switching .*-prod to version/)
      expect(r.code).toBe(1)
      const id = r.outputs['version-id']
      expect(id).toBe(fx.emu.live(GROUP)[1].versionId)
      expect(JSON.parse(r.outputs['classification-changes'])).toEqual([
        { classificationType: `${GROUP}-uat`, versionId: id, reviewStatus: 'APPROVED' },
        { classificationType: `${GROUP}-prod`, versionId: id, reviewStatus: '', outcome: 'unknown' }
      ])
      expect(r.summary).toMatch(/in flight; their outcome is not known/)
      expect(r.summary).toMatch(new RegExp(`\\| \`${GROUP}-prod\` \\| \`${id}\` \\| – \\| outcome not known`))
      expect(r.summary).toMatch(/### Outcome not known/)
      expect(r.errors).toEqual([expect.stringMatching(/cancelled/)])
    })
  )

  it.concurrent('SIGTERM while an upload was sent and not answered: version-id empty, uploaded unknown, the summary names the sha256 line', () =>
    withActionHarness(async h => {
      const sha = h.archive()
      // the body is read, then the answer is held past the grace (the version is stored after it)
      h.fx.emu.script('create', { hangMs: 8_000 })
      const r = await runUntil(h, { archive: h.ARCHIVE }, /Uploading /)
      expect(r.code).toBe(1)
      expect(r.outputs).toMatchObject({ 'version-id': '', uploaded: 'unknown', sha256: sha })
      expect(r.summary).not.toMatch(/stopped before the upload/)
      expect(r.summary).toMatch(/Upload sent, outcome not known/)
      expect(r.summary).toContain(`ends with the line \`sha256: ${sha}\``)
      expect(r.errors).toEqual([expect.stringMatching(/cancelled/)])
    })
  )
})
