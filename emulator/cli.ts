/**
 * Standalone Boomi emulator:
 *   node .tools/emulator/cli.js [--port 0] [--group acme-Q7XK2P-sample] [--seed 250]
 *     [--rate-limit 10] [--latency-ms 0] [--max-versions 1500] [--page-size 100]
 *     [--account-id …] [--username …] [--api-token …] [--prefix /partner/api/rest/v1]
 * Prints one JSON line to stdout once listening (apiUrl and credentials), then human lines to
 * stderr (one per request). Stops cleanly on SIGINT/SIGTERM.
 *
 * `--seed N` puts N versions (every protected kind included when N >= 13) into the group,
 * ending about a day before now so that age-based pruning has something to show.
 */
import { parseArgs } from 'node:util'
import { Emulator } from './server.js'
import { seedGroup } from './seed.js'

function num(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n < min) {
    process.stderr.write(`emulator: --${name} must be a number >= ${min} (got '${value}')\n`)
    process.exit(2)
  }
  return n
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      group: { type: 'string', default: 'acme-Q7XK2P-sample' },
      seed: { type: 'string' },
      'rate-limit': { type: 'string' },
      'latency-ms': { type: 'string' },
      'max-versions': { type: 'string' },
      'page-size': { type: 'string' },
      'account-id': { type: 'string' },
      username: { type: 'string' },
      'api-token': { type: 'string' },
      prefix: { type: 'string' }
    }
  })
  const groupType = values.group
  const emu = new Emulator({
    port: num('port', values.port, 0),
    rateLimit: num('rate-limit', values['rate-limit'], 1),
    latencyMs: num('latency-ms', values['latency-ms'], 0),
    maxVersions: num('max-versions', values['max-versions'], 0),
    pageSize: num('page-size', values['page-size'], 1),
    accountId: values['account-id'],
    username: values.username,
    apiToken: values['api-token'],
    prefix: values.prefix,
    onRecord: r => process.stderr.write(`${r.method} ${r.path} -> ${r.status || 'dropped'} (${r.operation}${r.rateLimited ? ', rate-limited' : ''})\n`)
  })

  const count = num('seed', values.seed, 0) ?? 0
  if (count > 0) {
    const spacingHours = 24
    const startDate = new Date(Date.now() - count * spacingHours * 3_600_000)
    startDate.setUTCHours(9, 0, 0, 0)
    seedGroup(emu, { groupType, count, seed: 1, startDate, spacingHours, protectedKinds: count >= 13 })
  }

  await emu.start()
  const { apiUrl, accountId, username, apiToken } = emu
  process.stdout.write(`${JSON.stringify({ apiUrl, accountId, username, apiToken, groupType })}\n`)
  const all = emu.versions(groupType)
  const live = all.filter(v => !v.deleted)
  process.stderr.write(
    `Boomi emulator listening on ${apiUrl}\n` +
      `  account ${accountId}, user BOOMI_TOKEN.${username}, token ${apiToken}\n` +
      `  group ${groupType}: ${all.length} versions (${live.length} live, ${all.length - live.length} deleted)\n`
  )
  for (const v of live.filter(v => v.inUse || v.reviewStatus || v.releaseVersion)) {
    const kinds = [v.inUse && `in use by '${v.inUse}'`, v.reviewStatus && `review ${v.reviewStatus}`, v.releaseVersion && 'release version']
      .filter(Boolean)
      .join(', ')
    process.stderr.write(`  version ${v.versionId} (${v.uploadedDate}): ${kinds}\n`)
  }

  const stop = (signal: string): void => {
    process.stderr.write(`emulator: ${signal}, stopping\n`)
    void emu.close().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
