// Shared set-up for the process-level tests: one emulator per file, reset
// before each test, and a fresh workspace with build/distributions in it.
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { Emulator } from '../../emulator/server.js'

export interface Fixture {
  emu: Emulator
  work: string
}

export function useEmulatorWorkspace(): Fixture {
  const fixture = {} as Fixture
  beforeAll(async () => {
    fixture.emu = new Emulator()
    await fixture.emu.start()
  })
  afterAll(() => fixture.emu.close())
  beforeEach(() => {
    fixture.emu.reset()
    fixture.work = mkdtempSync(path.join(tmpdir(), 'ws-'))
    mkdirSync(path.join(fixture.work, 'build/distributions'), { recursive: true })
  })
  afterEach(() => rmSync(fixture.work, { recursive: true, force: true }))
  return fixture
}

/** The variables the runner sets that the default change log is made from. */
export const WORKFLOW_ENV = {
  GITHUB_REPOSITORY: 'acme/sample-connector',
  GITHUB_REF: 'refs/tags/v1.0.0',
  GITHUB_SHA: '3f2c1ab9d0e8',
  GITHUB_RUN_ID: '42',
  GITHUB_SERVER_URL: 'https://github.com'
}
