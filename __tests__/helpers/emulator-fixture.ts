// Shared set-up for the process-level tests: one emulator per file, reset
// before each test, and a fresh workspace with build/distributions in it; or, for
// tests that run concurrently (their waits overlap), one of each per test. Each
// emulator's account holds the connector group FIXTURE_GROUP.
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { Emulator } from '../../emulator/server.js'

/**
 * The connector group the fixture's emulators hold (action-harness.ts releases into it): Boomi
 * refuses an upload into a group that was not added on the Developer tab, and so does the emulator.
 */
export const FIXTURE_GROUP = 'acme-Q7XK2P-sample'

type EmulatorOptions = NonNullable<ConstructorParameters<typeof Emulator>[0]>

/** The options with FIXTURE_GROUP among the groups that exist. */
function withFixtureGroup(options: EmulatorOptions): EmulatorOptions {
  return { ...options, groups: [FIXTURE_GROUP, ...(options.groups ?? [])] }
}

export interface Fixture {
  emu: Emulator
  work: string
}

export function useEmulatorWorkspace(): Fixture {
  const fixture = {} as Fixture
  beforeAll(async () => {
    fixture.emu = new Emulator(withFixtureGroup({}))
    await fixture.emu.start()
  })
  afterAll(() => fixture.emu.close())
  beforeEach(() => {
    fixture.emu.reset()
    fixture.work = workspace()
  })
  afterEach(() => rmSync(fixture.work, { recursive: true, force: true }))
  return fixture
}

/** A fresh workspace with build/distributions in it. */
function workspace(): string {
  const work = mkdtempSync(path.join(tmpdir(), 'ws-'))
  mkdirSync(path.join(work, 'build/distributions'), { recursive: true })
  return work
}

/** A fixture of its own, for a test that runs beside others (`it.concurrent`); `close()` removes it. FIXTURE_GROUP exists in its emulator, beside `options.groups`. */
export async function openEmulatorWorkspace(options: EmulatorOptions = {}): Promise<Fixture & { close(): Promise<void> }> {
  const emu = new Emulator(withFixtureGroup(options))
  await emu.start()
  const work = workspace()
  return {
    emu,
    work,
    close: async () => {
      await emu.close()
      rmSync(work, { recursive: true, force: true })
    }
  }
}

/** Runs `test` with a fixture of its own (`options` for its emulator), removed afterwards. */
export async function withEmulatorWorkspace<T>(test: (fx: Fixture) => Promise<T>, options: EmulatorOptions = {}): Promise<T> {
  const fx = await openEmulatorWorkspace(options)
  try {
    return await test(fx)
  } finally {
    await fx.close()
  }
}

/** The variables the runner sets that the default change log is made from. */
export const WORKFLOW_ENV = {
  GITHUB_REPOSITORY: 'acme/sample-connector',
  GITHUB_REF: 'refs/tags/v1.0.0',
  GITHUB_SHA: '3f2c1ab9d0e8',
  GITHUB_RUN_ID: '42',
  GITHUB_SERVER_URL: 'https://github.com'
}
