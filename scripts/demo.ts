// `npm run demo`: the action's main job, end to end, against the bundled
// Boomi emulator: a release that switches uat and prunes, then a re-run of the same archive.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { Emulator } from '../emulator/server.js'
import { seedGroup } from '../emulator/seed.js'
import { makeArchive, runAction, type ActionRun } from './run-action.js'

const GROUP = 'acme-Q7XK2P-sample'

function show(title: string, r: ActionRun): void {
  console.log(`\n── ${title}: exit code ${r.code} ──`)
  console.log('Outputs:')
  for (const [name, value] of Object.entries(r.outputs)) console.log(`  ${name.padEnd(20)} ${value}`)
  console.log('\nJob summary (GITHUB_STEP_SUMMARY):\n')
  console.log(r.summary.replace(/^/gm, '  '))
}

/** Shows the action's log roughly as the runner does: groups as headings, no debug or mask commands. */
function lineRenderer(): (chunk: string) => void {
  let pending = ''
  return chunk => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      if (line.startsWith('::debug::') || line.startsWith('::add-mask::') || line === '::endgroup::') continue
      const text = line
        .replace(/^::group::(.*)$/, '▸ $1')
        .replace(/^::warning::(.*)$/, 'Warning: $1')
        .replace(/^::error::(.*)$/, 'Error: $1')
        .replace(/%0A/g, '\n  │   ')
      console.log(`  │ ${text}`)
    }
  }
}

async function main(): Promise<void> {
  // The group exists in the account, as if added on the Developer tab: Boomi refuses uploads into any other.
  const emu = new Emulator({ groups: [GROUP] })
  await emu.start()
  const work = mkdtempSync(path.join(tmpdir(), 'boomi-demo-'))
  try {
    // A group with history: 24 versions over the past weeks, some under review, one in use by 'prod'.
    const start = new Date(Date.now() - 25 * 86_400_000)
    seedGroup(emu, { groupType: GROUP, count: 24, seed: 2026, startDate: start, protectedKinds: true })
    console.log(`Emulator: ${emu.apiUrl} (account ${emu.accountId}), group ${GROUP} seeded with ${emu.live(GROUP).length} live versions`)
    mkdirSync(path.join(work, 'build/distributions'), { recursive: true })
    makeArchive(path.join(work, 'build/distributions'), 'sample-connector-1.4.0.car.zip', 256 * 1024, 7)

    const inputs = {
      'account-id': emu.accountId,
      username: emu.username,
      'api-token': emu.apiToken,
      'group-type': GROUP,
      // A host alone, like the default https://api.boomi.com: the run finds the path prefix.
      'api-url': emu.hostUrl,
      archive: 'build/distributions/*.car.zip',
      classifications: 'uat',
      'keep-latest': '10',
      'min-age-days': '3'
    }
    const env = {
      GITHUB_REPOSITORY: 'acme/sample-connector',
      GITHUB_REF: 'refs/tags/v1.4.0',
      GITHUB_SHA: '3f2c1ab9d0e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4',
      GITHUB_RUN_ID: '4242',
      GITHUB_SERVER_URL: 'https://github.com'
    }
    const echo = lineRenderer()

    console.log('\n── Run 1: release v1.4.0, switch uat, keep-latest: 10, min-age-days: 3 ──\n')
    const first = await runAction(inputs, { cwd: work, env, echo })
    show('Run 1', first)

    console.log('\n── Run 2: the same archive again (a re-run of the workflow) ──\n')
    const second = await runAction(inputs, { cwd: work, env, echo })
    show('Run 2', second)

    const ok =
      first.code === 0 &&
      second.code === 0 &&
      first.outputs['uploaded'] === 'true' &&
      second.outputs['uploaded'] === 'false' &&
      first.outputs['version-id'] === second.outputs['version-id'] &&
      emu.classifications(GROUP).uat?.versionId === first.outputs['version-id'] &&
      JSON.parse(second.outputs['classification-changes'] ?? '[]')[0]?.reviewStatus === 'APPROVED'
    console.log(`\nEmulator received ${emu.requests.length} requests; the group now has ${emu.live(GROUP).length} live versions.`)
    console.log(
      ok
        ? 'Demo OK: the first run uploaded, switched uat and pruned; the re-run reused the same version and switched uat again.'
        : 'Demo FAILED: see the runs above.'
    )
    process.exitCode = ok ? 0 : 1
  } finally {
    await emu.close()
    rmSync(work, { recursive: true, force: true })
  }
}

void main()
