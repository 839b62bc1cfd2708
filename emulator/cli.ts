/**
 * Standalone Boomi emulator, one account that several action processes can share:
 *   node .tools/emulator/cli.js [--port 0] [--group acme-Q7XK2P-sample …] [--seed 250]
 *     [--rate-limit 10 [--rate-limit-counts accepted|all]] [--latency-ms 0] [--max-versions 1500] [--page-size 100]
 *     [--account-id …] [--username …] [--api-token …]
 *     [--prefix /api/rest/v1 …] [--retired-prefix /api/rest/v0 …] [--refused-prefix /partner/api/rest/v1=403 …]
 *     [--answers query-count,milliseconds,numeric-change-id,unknown-fields,describing=text | earlier]
 *     [--compete-rps 5 [--compete-duration-ms 3600000] [--compete-group competitor-pipeline]]
 *     [--quiet] [--help]
 * `--group`, the prefix flags and `--answers` repeat, or take comma lists. The groups named by `--group` exist in the
 * account (default acme-Q7XK2P-sample): a create into any other group answers 400, as Boomi wants a group added on the
 * Developer tab before its first upload; a query of any group answers, an unknown one an empty listing. A refused prefix answers its status
 * (403 unless given) to good credentials, as an account without the Partner API may be answered. `--answers` varies the shapes
 * of the answers within what Boomi's docs allow (see shape.ts); by default they are as documented. Each group gets `--seed N` versions
 * (every protected kind included when N >= 13, classifications uat and prod among them),
 * ending about a day before now so that age-based pruning has something to show.
 * `--rate-limit-counts all` makes refused requests count against the rolling second too.
 * `--compete-rps` runs a competing client inside this process against this same account.
 *
 * `--help` prints every flag, one line each, and exits 0. Prints one JSON line to stdout once listening (apiUrl, credentials, groups, statsUrl), then
 * human lines to stderr (one per request unless --quiet). `GET /__stats` (loopback only)
 * answers the counters as JSON. On SIGINT/SIGTERM: a last JSON line with the counters (and
 * the competitor's) on stdout, then exit 0.
 */
import { parseCliOptions, USAGE, UsageError } from './cli-options.js'
import { startCompetitor, type Competitor } from './competitor.js'
import { Emulator } from './server.js'
import { seedGroups } from './seed.js'

function describe(emu: Emulator, groups: string[]): string {
  const lines = [`Boomi emulator listening on ${emu.apiUrl}`, `  account ${emu.accountId}, user BOOMI_TOKEN.${emu.username}, token ${emu.apiToken}`]
  if (emu.prefixes.length > 1) lines.push(`  also serving ${emu.prefixes.slice(1).join(', ')}`)
  lines.push(`  api-url ${emu.hostUrl} finds the prefix`)
  for (const g of groups) {
    const all = emu.versions(g)
    const live = all.filter(v => !v.deleted).length
    lines.push(`  group ${g}: ${all.length} versions (${live} live, ${all.length - live} deleted)`)
    for (const [label, c] of Object.entries(emu.classifications(g))) {
      lines.push(`    classification ${g}-${label} (${c.visibility}) → version ${c.versionId ?? 'none'}`)
    }
  }
  lines.push('  a create into any other group answers 400: the group does not exist')
  lines.push(`  counters: GET ${emu.statsUrl}`)
  return `${lines.join('\n')}\n`
}

async function main(): Promise<void> {
  const o = parseCliOptions(process.argv.slice(2))
  if (o.help) {
    process.stdout.write(USAGE)
    return
  }
  const emu = new Emulator({
    ...o.emulator,
    onRecord: o.quiet
      ? undefined
      : r => process.stderr.write(`${r.method} ${r.path} -> ${r.status || 'dropped'} (${r.operation}${r.rateLimited ? ', rate-limited' : ''})\n`)
  })
  seedGroups(emu, o.groups, o.seed)
  await emu.start()
  const { apiUrl, accountId, username, apiToken, statsUrl } = emu
  process.stdout.write(`${JSON.stringify({ apiUrl, accountId, username, apiToken, groupType: o.groups[0], groupTypes: o.groups, statsUrl })}\n`)
  process.stderr.write(describe(emu, o.groups))

  let competitor: Competitor | undefined
  if (o.compete) {
    competitor = startCompetitor({ apiUrl, accountId, username, apiToken, ...o.compete })
    process.stderr.write(`  competing client: ${o.compete.requestsPerSecond} queries/s for ${o.compete.durationMs} ms\n`)
  }

  const stop = async (signal: string): Promise<void> => {
    process.stderr.write(`emulator: ${signal}, stopping\n`)
    const competed = await competitor?.stop()
    const stats = emu.stats()
    process.stdout.write(`${JSON.stringify({ ...stats, ...(competed ? { competitor: competed } : {}) })}\n`)
    process.stderr.write(`emulator: ${stats.requests} requests, ${stats.status503} answered 503 (${stats.rateLimited} rate-limited)\n`)
    await emu.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`)
  if (err instanceof UsageError) process.stderr.write('Run with --help for the flags.\n')
  process.exit(err instanceof UsageError ? 2 : 1)
})
