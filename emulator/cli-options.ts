/**
 * The emulator CLI's flags, read strictly: a bad value stops the CLI with a usage message
 * rather than starting an emulator that is not the one asked for.
 */
import { parseArgs } from 'node:util'
import { RATE_LIMIT_COUNTS, type RateLimitCounts } from './admission.js'
import type { EmulatorOptions } from './server.js'
import { parseAnswerShape } from './shape.js'

export const DEFAULT_GROUP = 'acme-Q7XK2P-sample'
const DEFAULT_COMPETE_MS = 3_600_000

const FLAGS = {
  port: { type: 'string', default: '0' },
  group: { type: 'string', multiple: true },
  seed: { type: 'string' },
  'rate-limit': { type: 'string' },
  'rate-limit-counts': { type: 'string' },
  'latency-ms': { type: 'string' },
  'max-versions': { type: 'string' },
  'page-size': { type: 'string' },
  'account-id': { type: 'string' },
  username: { type: 'string' },
  'api-token': { type: 'string' },
  prefix: { type: 'string', multiple: true },
  'retired-prefix': { type: 'string', multiple: true },
  'refused-prefix': { type: 'string', multiple: true },
  answers: { type: 'string', multiple: true },
  'compete-rps': { type: 'string' },
  'compete-duration-ms': { type: 'string' },
  'compete-group': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

/** Every flag's name, without `--`. */
export const FLAG_NAMES = Object.keys(FLAGS) as readonly (keyof typeof FLAGS)[]

/** `--help`: every flag, one line each, in the order of FLAGS: [flag and value, meaning]. */
const HELP: Record<keyof typeof FLAGS, [string, string]> = {
  port: ['--port N', 'port to listen on (default 0: any free port)'],
  group: ['--group TYPE', `a connector group that exists; a create into any other answers 400 (repeatable or a comma list; default ${DEFAULT_GROUP})`],
  seed: ['--seed N', 'give each group N versions, one a day up to yesterday, protected kinds included from 13 (default 0)'],
  'rate-limit': ['--rate-limit N', 'requests per rolling second for the account; beyond it 503 (default none)'],
  'rate-limit-counts': ['--rate-limit-counts accepted|all', 'which requests count against the rate limit (default accepted)'],
  'latency-ms': ['--latency-ms N', 'delay before every answer (default 0)'],
  'max-versions': ['--max-versions N', 'live versions the account may hold (default 1500)'],
  'page-size': ['--page-size N', 'versions per query page (default 100)'],
  'account-id': ['--account-id ID', 'the account ID (default acme-Q7XK2P)'],
  username: ['--username NAME', 'the user, without BOOMI_TOKEN. (default ci-bot@acme.example)'],
  'api-token': ['--api-token TOKEN', 'the API token the account accepts (default emu-token-5f2c9a7b1d3e)'],
  prefix: ['--prefix PATH', 'an API path prefix served (repeatable; default /api/rest/v1)'],
  'retired-prefix': ['--retired-prefix PATH', 'a prefix that answers 410, endpoint retired (repeatable)'],
  'refused-prefix': ['--refused-prefix PATH[=STATUS]', 'a prefix this account may not use: answers STATUS, 403 unless given (repeatable)'],
  answers: [
    '--answers SHAPE',
    'vary the answers within what Boomi documents: earlier, query-count, page-count, milliseconds, numeric-change-id, unknown-fields, describing=documented|text|null|absent|object (repeatable)'
  ],
  'compete-rps': ['--compete-rps N', 'run a competing client in this process: N queries a second on this account'],
  'compete-duration-ms': ['--compete-duration-ms N', 'how long the competing client runs (default 3600000)'],
  'compete-group': ['--compete-group TYPE', 'the group the competing client queries (default competitor-pipeline)'],
  quiet: ['--quiet', 'no line per request on stderr'],
  help: ['--help, -h', 'print this help and exit']
}

const WIDTH = Math.max(...Object.values(HELP).map(([flag]) => flag.length))

export const USAGE = [
  'Usage: node .tools/emulator/cli.js [flags]',
  '',
  'A Boomi Connector API emulator: one account on loopback, which any number of clients can share.',
  'Prints one JSON line (apiUrl, credentials, groups, statsUrl) once listening; SIGINT or SIGTERM stops it.',
  '',
  ...Object.values(HELP).map(([flag, meaning]) => `  ${flag.padEnd(WIDTH)}  ${meaning}`),
  ''
].join('\n')

export interface CliOptions {
  emulator: EmulatorOptions
  groups: string[] // the groups that exist (also in `emulator.groups`), each seeded with `seed` versions
  seed: number
  compete?: { requestsPerSecond: number; durationMs: number; groupType: string }
  quiet: boolean // no line per request on stderr
  help: boolean // print USAGE and exit 0, start nothing
}

export class UsageError extends Error {}

function num(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a number from ${min} to ${max} (got '${value}')`)
  return n
}

/** Repeatable flags also take comma lists: `--group a --group b` or `--group a,b`. */
function list(values: string[] | undefined): string[] | undefined {
  const items = values?.flatMap(v => v.split(',')).map(v => v.trim())
  if (items?.some(v => v === '')) throw new UsageError('an empty item in a list flag')
  return items
}

/** `/partner/api/rest/v1=403` (or the prefix alone, 403): a prefix the account may not use. */
function refusedPrefixes(items: string[] | undefined): Record<string, number> | undefined {
  if (!items) return undefined
  const out: Record<string, number> = {}
  for (const item of items) {
    const [prefix, status = '403'] = item.split('=')
    out[prefix] = num('refused-prefix', status, 400, 499)!
    if (!Number.isInteger(out[prefix])) throw new UsageError(`--refused-prefix takes PREFIX=STATUS, a 4xx status (got '${item}')`)
  }
  return out
}

function rateLimitCounts(value: string | undefined): RateLimitCounts | undefined {
  if (value === undefined) return undefined
  const found = RATE_LIMIT_COUNTS.find(c => c === value)
  if (!found) throw new UsageError(`--rate-limit-counts must be one of ${RATE_LIMIT_COUNTS.join(', ')} (got '${value}')`)
  return found
}

export function parseCliOptions(argv: string[]): CliOptions {
  let values
  try {
    values = parseArgs({ args: argv, strict: true, allowPositionals: false, options: FLAGS }).values
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
  // The other flags' values are not judged: `--help` answers whatever else is on the line.
  if (values.help) return { ...parseCliOptions([]), help: true }
  const groups = [...new Set(list(values.group) ?? [DEFAULT_GROUP])]
  const rps = num('compete-rps', values['compete-rps'], 0.001, 1000)
  let answers
  try {
    answers = parseAnswerShape(list(values.answers) ?? [])
  } catch (err) {
    throw new UsageError(`--answers: ${err instanceof Error ? err.message : String(err)}`)
  }
  return {
    emulator: {
      port: num('port', values.port, 0, 65535),
      rateLimit: num('rate-limit', values['rate-limit'], 1),
      rateLimitCounts: rateLimitCounts(values['rate-limit-counts']),
      latencyMs: num('latency-ms', values['latency-ms'], 0, 600_000),
      maxVersions: num('max-versions', values['max-versions'], 0),
      pageSize: num('page-size', values['page-size'], 1),
      accountId: values['account-id'],
      username: values.username,
      apiToken: values['api-token'],
      prefixes: list(values.prefix),
      retiredPrefixes: list(values['retired-prefix']),
      refusedPrefixes: refusedPrefixes(list(values['refused-prefix'])),
      answers,
      groups
    },
    groups,
    seed: num('seed', values.seed, 0, 100_000) ?? 0,
    compete:
      rps === undefined
        ? undefined
        : {
            requestsPerSecond: rps,
            durationMs: num('compete-duration-ms', values['compete-duration-ms'], 1, 86_400_000) ?? DEFAULT_COMPETE_MS,
            groupType: values['compete-group'] ?? 'competitor-pipeline'
          },
    quiet: values.quiet ?? false,
    help: false
  }
}
