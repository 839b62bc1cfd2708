// The bundled action, run as the runner runs it, against the emulator answering in Boomi's
// documented shapes and then in every variation at once (answer-shapes.test.ts varies them
// one by one, in-process): a release that uploads, switches uat and prunes a group of two
// pages of 100 makes the same decisions and sets the same outputs in both.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import type { AnswerShape } from '../../emulator/server.js'
import { seedGroup } from '../../emulator/seed.js'
import { makeArchive, runAction, type ActionRun } from '../../scripts/run-action.js'
import { useEmulatorWorkspace } from '../helpers/emulator-fixture.js'

const GROUP = 'acme-Q7XK2P-sample'
const fx = useEmulatorWorkspace()

const EVERY_VARIATION: AnswerShape = {
  numberOfResults: 'query',
  milliseconds: true,
  numericVersionChangeId: true,
  unknownFields: true,
  describing: 'object'
}

function run(): Promise<ActionRun> {
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

/** A fresh account answering in `shape`: 130 versions over two pages, every protected kind, then one release. */
async function releaseIn(shape: AnswerShape): Promise<ActionRun> {
  fx.emu.reset()
  fx.emu.setAnswerShape(shape)
  seedGroup(fx.emu, { groupType: GROUP, count: 130, seed: 5, protectedKinds: true })
  makeArchive(path.join(fx.work, 'build/distributions'), 'sample-2.0.car.zip')
  return run()
}

/** Every output but the upload date's text, which follows the clock (its form is checked on its own). */
function decided(r: ActionRun) {
  const { 'uploaded-date': _date, ...outputs } = r.outputs
  return { code: r.code, errors: r.errors, outputs, operations: fx.emu.requests.map(q => q.operation), live: fx.emu.live(GROUP).map(v => v.versionId) }
}

describe('the bundled action in every answer shape', () => {
  let want: ReturnType<typeof decided> | undefined
  let versionId = ''

  // The first process test of a run may wait for the bundle (jest.global-setup.js): a longer timeout.
  it('documented shapes: uploads, switches uat, prunes two pages of 100', async () => {
    const documented = await releaseIn({})
    expect(documented.code).toBe(0)
    expect(documented.outputs.uploaded).toBe('true')
    versionId = documented.outputs['version-id']
    expect(JSON.parse(documented.outputs['classification-changes'])).toEqual([{ classificationType: `${GROUP}-uat`, versionId, reviewStatus: 'APPROVED' }])
    expect(JSON.parse(documented.outputs['deleted-version-ids']).length).toBeGreaterThan(50)
    expect(fx.emu.requests.map(q => q.operation).slice(0, 3)).toEqual(['query', 'queryMore', 'create'])
    expect(documented.outputs['uploaded-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(documented.summary).toContain(`| Uploaded by | ${fx.emu.username.replace('@', '\\@')} |`)
    want = decided(documented)

    const again = await run()
    expect(again.code).toBe(0)
    expect(again.outputs).toMatchObject({ uploaded: 'false', 'version-id': versionId, 'deleted-version-ids': '[]' })
  }, 180_000)

  it('every variation at once: the same decisions and outputs', async () => {
    expect(want).toBeDefined()
    const varied = await releaseIn(EVERY_VARIATION)
    expect(decided(varied)).toEqual(want)
    expect(varied.outputs['uploaded-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(varied.warnings.filter(w => /numberOfResults|not understood/.test(w))).toEqual([])
  }, 60_000)
})
