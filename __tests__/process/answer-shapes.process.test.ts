// The bundled action, run as the runner runs it, against the emulator answering in Boomi's
// documented shapes and then in every variation at once (answer-shapes.test.ts varies them
// one by one, in-process): a release that uploads, switches uat and prunes a group of two
// pages of 100 makes the same decisions and sets the same outputs in both.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import type { AnswerShape } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { makeArchive, runAction, type ActionRun } from '../../scripts/run-action.js'
import { type Fixture, openEmulatorWorkspace } from '../helpers/emulator-fixture.js'

const GROUP = 'acme-Q7XK2P-sample'

const EVERY_VARIATION: AnswerShape = {
  numberOfResults: 'query',
  milliseconds: true,
  numericVersionChangeId: true,
  unknownFields: true,
  describing: 'object'
}

function run(fx: Fixture): Promise<ActionRun> {
  return runAction(
    {
      'account-id': fx.emu.accountId,
      username: fx.emu.username,
      'api-token': fx.emu.apiToken,
      'group-type': GROUP,
      'api-url': fx.emu.apiUrl,
      'requests-per-second': '100',
      archive: 'build/distributions/*.car.zip',
      'change-log': 'Fixes the paging bug',
      'keep-latest': '20',
      classifications: 'uat'
    },
    { cwd: fx.work }
  )
}

const opened: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map(fx => fx.close()))
})

/** A fresh account answering in `shape`: 130 versions over two pages, every protected kind, then one release. */
async function releaseIn(shape: AnswerShape): Promise<{ fx: Fixture; r: ActionRun }> {
  const fx = await openEmulatorWorkspace()
  opened.push(fx)
  fx.emu.setAnswerShape(shape)
  seedGroup(fx.emu, { groupType: GROUP, count: 130, seed: 5, protectedKinds: true })
  makeArchive(path.join(fx.work, 'build/distributions'), 'sample-2.0.car.zip')
  return { fx, r: await run(fx) }
}

/** Every output but the upload date's text, which follows the clock (its form is checked on its own). */
function decided({ fx, r }: { fx: Fixture; r: ActionRun }) {
  const { 'uploaded-date': _date, ...outputs } = r.outputs
  return { code: r.code, errors: r.errors, outputs, operations: fx.emu.requests.map(q => q.operation), live: fx.emu.live(GROUP).map(v => v.versionId) }
}

describe('the bundled action in every answer shape', () => {
  it('documented shapes and every variation at once, side by side: the same decisions and outputs; a re-run reuses', async () => {
    // Two accounts, released to at the same time (each run mostly waits on its requests).
    const [documented, varied] = await Promise.all([releaseIn({}), releaseIn(EVERY_VARIATION)])
    const { fx, r } = documented
    expect(r.code).toBe(0)
    expect(r.outputs.uploaded).toBe('true')
    const versionId = r.outputs['version-id']
    expect(JSON.parse(r.outputs['classification-changes'])).toEqual([{ classificationType: `${GROUP}-uat`, versionId, reviewStatus: 'APPROVED' }])
    expect(JSON.parse(r.outputs['deleted-version-ids']).length).toBeGreaterThan(50)
    expect(fx.emu.requests.map(q => q.operation).slice(0, 3)).toEqual(['query', 'queryMore', 'create'])
    expect(r.outputs['uploaded-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(r.summary).toContain(`| Uploaded by | ${fx.emu.username.replace('@', '\\@')} |`)

    expect(decided(varied)).toEqual(decided(documented))
    expect(varied.r.outputs['uploaded-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(varied.r.warnings.filter(w => /numberOfResults|not understood/.test(w))).toEqual([])

    const again = await run(fx)
    expect(again.code).toBe(0)
    expect(again.outputs).toMatchObject({ uploaded: 'false', 'version-id': versionId, 'deleted-version-ids': '[]' })
  })
})
