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
  quiet: { type: 'boolean' }
} as const

export interface CliOptions {
  emulator: EmulatorOptions
  groups: string[] // each seeded with `seed` versions
  seed: number
  compete?: { requestsPerSecond: number; durationMs: number; groupType: string }
  quiet: boolean // no line per request on stderr
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
      answers
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
    quiet: values.quiet ?? false
  }
}
