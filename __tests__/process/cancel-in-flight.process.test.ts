// Cancellation with a request in flight (SIGTERM to the bundled action while Boomi holds
// its answer past the grace): the outputs and the summary say its outcome is not known.
// Apart from cancel.process.test.ts so that Jest's workers overlap the two files' waits.
import { describe, expect, it } from '@jest/globals'
import type { ActionRun } from '../../scripts/run-action.js'
import { actionHarness } from '../helpers/action-harness.js'

const { GROUP, ARCHIVE, fx, run, archive } = actionHarness()

describe('SIGTERM with a request in flight', () => {
  /** Runs the action and sends SIGTERM `afterMs` after a line matching `when` appears; the run then hangs past the grace. */
  function runUntil(extra: Record<string, string>, when: RegExp, afterMs = 300): Promise<ActionRun> {
    let child: import('node:child_process').ChildProcess | undefined
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

  it('SIGTERM while a classification change was sent and not answered: the outputs and the summary say its outcome is not known', async () => {
    archive()
    fx.emu.seed([{ groupType: GROUP, uploadedDate: '2026-11-01T00:00:00Z', inUse: 'uat' }])
    fx.emu.setClassification(GROUP, 'prod', { versionId: fx.emu.live(GROUP)[0].versionId, visibility: 'PRIVATE' })
    // uat is answered; prod's change is read and then held past the grace
    fx.emu.script('versionChange', { hangMs: 0 }, { hangMs: 8_000 })
    const r = await runUntil({ archive: ARCHIVE, classifications: 'uat, prod' }, /Switching .*-prod to version/)
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

  it('SIGTERM while an upload was sent and not answered: version-id empty, uploaded unknown, the summary names the sha256 line', async () => {
    const sha = archive()
    // the body is read, then the answer is held past the grace (the version is stored after it)
    fx.emu.script('create', { hangMs: 8_000 })
    const r = await runUntil({ archive: ARCHIVE }, /Uploading /)
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ 'version-id': '', uploaded: 'unknown', sha256: sha })
    expect(r.summary).not.toMatch(/stopped before the upload/)
    expect(r.summary).toMatch(/Upload sent, outcome not known/)
    expect(r.summary).toContain(`ends with the line \`sha256: ${sha}\``)
    expect(r.errors).toEqual([expect.stringMatching(/cancelled/)])
  })
})
