// The layer rules of eslint.config.js, each checked on a probe: a file that breaks the
// rule must fail lint with it, and its allowed neighbour must pass. The probes are linted
// as text under a virtual path, so the project's own config decides by the path alone.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { ESLint } from 'eslint'

let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() })
})

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map(m => m.ruleId ?? `fatal: ${m.message}`)
}

const use = (name: string): string => `\nexport const probe = ${name}\n`

describe('lint closes the boundaries between layers', () => {
  it.each([
    ['domain: bare fs', 'src/domain/probe.ts', "import fs from 'fs'" + use('fs')],
    ['domain: fs/promises', 'src/domain/probe.ts', "import { readFile } from 'fs/promises'" + use('readFile')],
    ['domain: node:fs/promises', 'src/domain/probe.ts', "import { readFile } from 'node:fs/promises'" + use('readFile')],
    ['domain: bare http', 'src/domain/probe.ts', "import * as http from 'http'" + use('http')],
    ['domain: bare https', 'src/domain/probe.ts', "import * as https from 'https'" + use('https')],
    ['domain: bare net', 'src/domain/probe.ts', "import * as net from 'net'" + use('net')],
    ['domain: child_process', 'src/domain/probe.ts', "import { spawn } from 'child_process'" + use('spawn')],
    ['domain: createRequire', 'src/domain/probe.ts', "import { createRequire } from 'node:module'" + use('createRequire')],
    ['domain: the net layer', 'src/domain/probe.ts', "import { multipartBody } from '../net/multipart.js'" + use('multipartBody')],
    ['boomi: bare fs', 'src/boomi/probe.ts', "import { readFileSync } from 'fs'" + use('readFileSync')],
    ['inputs: bare net', 'src/inputs/probe.ts', "import { connect } from 'net'" + use('connect')],
    ['net: child_process', 'src/net/probe.ts', "import { spawn } from 'node:child_process'" + use('spawn')],
    ['archive: bare http', 'src/archive/probe.ts', "import { request } from 'http'" + use('request')],
    ['orchestrator: the concrete client', 'src/orchestrator/probe.ts', "import { HttpBoomiClient } from '../boomi/client.js'" + use('HttpBoomiClient')],
    ['orchestrator: the transport', 'src/orchestrator/probe.ts', "import { createTransport } from '../net/transport.js'" + use('createTransport')],
    ['orchestrator: locating the archive', 'src/orchestrator/release.ts', "import { locateArchive } from '../archive/locate.js'" + use('locateArchive')],
    [
      'orchestrator: locating the archive in its phase',
      'src/orchestrator/inputs-phase.ts',
      "import { locateArchive } from '../archive/locate.js'" + use('locateArchive')
    ],
    [
      'orchestrator: finding a workspace file',
      'src/orchestrator/inputs-phase.ts',
      "import { findInWorkspace } from '../archive/locate.js'" + use('findInWorkspace')
    ],
    ['orchestrator: reading the archive', 'src/orchestrator/inputs-phase.ts', "import { inspectArchive } from '../archive/zip.js'" + use('inspectArchive')],
    ['orchestrator: bare fs', 'src/orchestrator/probe.ts', "import { promises } from 'fs'" + use('promises')],
    ['orchestrator: node:fs', 'src/orchestrator/probe.ts', "import { statSync } from 'node:fs'" + use('statSync')],
    ['orchestrator: the runner', 'src/orchestrator/probe.ts', "import { runAction } from '../runner/wiring.js'" + use('runAction')],
    ['errors.ts: another layer', 'src/errors.ts', "import { forLog } from './domain/untrusted.js'" + use('forLog')],
    ['constants.ts: another layer', 'src/constants.ts', "import { ZIP_LIMITS } from './archive/limits.js'" + use('ZIP_LIMITS')],
    ['constants.ts: bare fs', 'src/constants.ts', "import fs from 'fs'" + use('fs')],
    ['errors.ts: @actions/core', 'src/errors.ts', "import * as core from '@actions/core'" + use('core')],
    ['text.ts: another layer', 'src/text.ts', "import { forLog } from './domain/untrusted.js'" + use('forLog')],
    ['text.ts: bare fs', 'src/text.ts', "import { readFileSync } from 'fs'" + use('readFileSync')],
    ['logger.ts: another layer', 'src/logger.ts', "import type { ActionLog } from './orchestrator/deps.js'\nexport type Probe = ActionLog\n"],
    ['logger.ts: @actions/core', 'src/logger.ts', "import * as core from '@actions/core'" + use('core')]
  ])('refuses a static import (%s)', async (_case, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual(['no-restricted-imports'])
  })

  it.each([
    ['domain', 'src/domain/probe.ts', "export const probe = async () => import('node:fs')\n"],
    ['domain, an allowed module', 'src/domain/probe.ts', "export const probe = async () => import('./untrusted.js')\n"],
    ['orchestrator, a computed name', 'src/orchestrator/probe.ts', 'export const probe = async (name: string) => import(name)\n'],
    ['archive', 'src/archive/probe.ts', "export const probe = async () => import('node:http')\n"],
    ['errors.ts', 'src/errors.ts', "export const probe = async () => import('./domain/plan.js')\n"],
    ['text.ts', 'src/text.ts', "export const probe = async () => import('./constants.js')\n"]
  ])('refuses a dynamic import (%s)', async (_case, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual(['no-restricted-syntax'])
  })

  // The neighbours: the same kind of import where the layer allows it, so the refusals above are the rules' doing.
  it.each([
    ['domain: node:path', 'src/domain/probe.ts', "import * as path from 'node:path'" + use('path')],
    ['domain: a type from node:fs', 'src/domain/probe.ts', "import type { Stats } from 'node:fs'\nexport type Probe = Stats\n"],
    [
      'orchestrator: the client interface',
      'src/orchestrator/probe.ts',
      "import type { BoomiClient } from '../boomi/client.js'\nexport type Probe = BoomiClient\n"
    ],
    [
      "orchestrator: the archive's types",
      'src/orchestrator/inputs-phase.ts',
      "import type { Archive } from '../archive/locate.js'\nexport type Probe = Archive\n"
    ],
    ['orchestrator: a domain decision', 'src/orchestrator/probe.ts', "import { planPrune } from '../domain/plan.js'" + use('planPrune')],
    ['archive: fs', 'src/archive/probe.ts', "import { promises } from 'node:fs'" + use('promises')],
    ['net: http', 'src/net/probe.ts', "import * as http from 'node:http'" + use('http')],
    ['errors.ts: constants.ts', 'src/errors.ts', "import { Input } from './constants.js'" + use('Input')],
    ['boomi: the base Logger', 'src/boomi/probe.ts', "import type { Logger } from '../logger.js'\nexport type Probe = Logger\n"],
    ['net: the base text module', 'src/net/probe.ts', "import { hasByteControl } from '../text.js'" + use('hasByteControl')],
    ['inputs: the base text module', 'src/inputs/probe.ts', "import { hasByteControl } from '../text.js'" + use('hasByteControl')],
    ['runner: a dynamic import', 'src/runner/probe.ts', "export const probe = async () => import('../archive/zip.js')\n"],
    ['core: a dynamic import', 'src/core/probe.ts', "export const probe = async () => import('../net/multipart.js')\n"]
  ])('allows %s', async (_case, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([])
  })
})
