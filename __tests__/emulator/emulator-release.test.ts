/**
 * The action's core (src/core/run.ts, as both front ends run it) against the emulator's
 * connector groups: Boomi wants a group added on the Developer tab before its first upload
 * (docs/boomi-api.md), so a release into a group that does not exist fails on the upload, with the
 * action's hint for it, and leaves nothing behind. Unlike the other emulator tests, this one
 * uses src/: it checks that the emulator's refusal reaches the user as the action words it.
 */
import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { runWithPlatform, type Platform } from '../../src/core/run.js'
import type { Inputs } from '../../src/inputs/read.js'
import { FIXTURE_GROUP, withEmulatorWorkspace, type Fixture } from '../helpers/emulator-fixture.js'
import { makeConnectorZip } from '../helpers/zip.js'

const MISSING = 'acme-Q7XK2P-missing'

interface CoreRun {
  error?: Error
  outputs: Record<string, string>
  summary: string
  warnings: string[]
}

/** One release of a real connector zip into `groupType`, with pruning and a classification switch asked for. */
async function release(fx: Fixture, groupType: string): Promise<CoreRun> {
  writeFileSync(path.join(fx.work, 'build/distributions/sample-1.0.car.zip'), makeConnectorZip())
  const inputs: Inputs = {
    accountId: fx.emu.accountId,
    username: `BOOMI_TOKEN.${fx.emu.username}`,
    apiToken: fx.emu.apiToken,
    groupType,
    archive: 'build/distributions/*.car.zip',
    changeLog: 'First release',
    ifExists: 'skip',
    keepLatest: 3,
    classifications: ['uat'],
    dryRun: false,
    apiUrl: fx.emu.apiUrl,
    apiUrlIsHost: false,
    requestsPerSecond: 50,
    maxAttempts: 2,
    timeoutMs: 10_000
  }
  const run: CoreRun = { outputs: {}, summary: '', warnings: [] }
  const platform: Platform = {
    log: {
      info: () => undefined,
      debug: () => undefined,
      warning: line => void run.warnings.push(line),
      startGroup: () => undefined,
      endGroup: () => undefined
    },
    workspace: fx.work,
    runContext: async () => ({ repository: 'acme/sample-connector', refName: 'v1.0.0', ref: 'refs/tags/v1.0.0', sha: '3f2c1ab9d0e8' }),
    setOutputs: async outputs => void (run.outputs = { ...outputs }),
    writeSummary: async markdown => void (run.summary = markdown),
    resultsHint: ''
  }
  try {
    await runWithPlatform(inputs, platform)
  } catch (err) {
    run.error = err as Error
  }
  return run
}

describe("a release into a connector group that does not exist (the emulator's 400 on create)", () => {
  it("fails on the upload with Boomi's message and the action's hint to add the group; nothing is stored", () =>
    withEmulatorWorkspace(async fx => {
      const run = await release(fx, MISSING)
      expect(run.error).toBeDefined()
      const message = run.error!.message
      expect(message).toContain("Connector group type 'acme-Q7XK2P-missing' does not exist.")
      // src/boomi/refusals.ts, GROUP_EXISTS: the hint for a 400 or 404 on create.
      expect(message).toContain("If this is the group's first upload, check that the connector group exists (Developer tab, Add Connector Group)")
      expect(run.outputs).toMatchObject({ uploaded: 'false', 'version-id': '', 'deleted-version-ids': '[]', 'classification-changes': '[]' })
      // The listing (empty: the group is unknown) then the one refused upload, not retried; nothing after it.
      expect(fx.emu.requests.map(r => [r.operation, r.status])).toEqual([
        ['query', 200],
        ['create', 400]
      ])
      expect(fx.emu.versions()).toEqual([])
      expect(fx.emu.classifications(MISSING)).toEqual({})
    }))

  it('the same release into a declared group that has no versions yet uploads', () =>
    withEmulatorWorkspace(async fx => {
      fx.emu.setClassification(FIXTURE_GROUP, 'uat', { visibility: 'PRIVATE' })
      const run = await release(fx, FIXTURE_GROUP)
      expect(run.error).toBeUndefined()
      expect(run.outputs).toMatchObject({ uploaded: 'true', 'version-id': '1001' })
      expect(fx.emu.live(FIXTURE_GROUP).map(v => v.versionId)).toEqual(['1001'])
      expect(fx.emu.classifications(FIXTURE_GROUP).uat?.versionId).toBe('1001')
    }))
})
