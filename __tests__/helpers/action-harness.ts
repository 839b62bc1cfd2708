// What the process tests of the action share: one emulator and workspace per test
// (emulator-fixture.ts), the inputs of a run against it, and a real connector zip.
// `actionHarness()` is set up by the file's hooks; `withActionHarness` gives a test
// running concurrently a harness of its own.
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { type ActionRun, runAction } from '../../scripts/run-action.js'
import { type Fixture, useEmulatorWorkspace, withEmulatorWorkspace } from './emulator-fixture.js'
import { makeConnectorZip } from './zip.js'

export type ActionHarness = ReturnType<typeof harnessOn>

export function actionHarness(): ActionHarness {
  return harnessOn(useEmulatorWorkspace())
}

/** Runs `test` with a harness of its own (an emulator and a workspace), removed afterwards. */
export function withActionHarness(test: (h: ActionHarness) => Promise<void>): Promise<void> {
  return withEmulatorWorkspace(fx => test(harnessOn(fx)))
}

function harnessOn(fx: Fixture) {
  const GROUP = 'acme-Q7XK2P-sample'
  const ARCHIVE = 'build/distributions/*.car.zip'

  function inputs(extra: Record<string, string> = {}): Record<string, string> {
    return {
      'account-id': fx.emu.accountId,
      username: fx.emu.username,
      'api-token': fx.emu.apiToken,
      'group-type': GROUP,
      'api-url': fx.emu.apiUrl,
      'requests-per-second': '50',
      ...extra
    }
  }

  function run(extra: Record<string, string> = {}, env: Record<string, string> = {}, opts: Parameters<typeof runAction>[1] = {}): Promise<ActionRun> {
    return runAction(inputs(extra), { cwd: fx.work, env, ...opts })
  }

  /** Writes a real connector zip; returns its sha256. */
  function archive(name = 'sample-1.0.car.zip', opts: Parameters<typeof makeConnectorZip>[0] = {}): string {
    const bytes = makeConnectorZip(opts)
    writeFileSync(path.join(fx.work, 'build/distributions', name), bytes)
    return createHash('sha256').update(bytes).digest('hex')
  }

  return { GROUP, ARCHIVE, fx, inputs, run, archive }
}
