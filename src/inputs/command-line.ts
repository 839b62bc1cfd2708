// The command-line tool's flags and environment, read into the same inputs as
// the Action's: every input of the table is a flag `--<input-name>` or a
// variable `BOOMI_<NAME>`, and a flag wins. Defaults, validation and messages
// stay with the table and read.ts; this file only finds the raw text.
// docs/behaviour.md, "Command-line tool".
import { parseArgs } from 'node:util'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import type { GetInput } from './read.js'
import { INPUTS, type InputSpec } from './table.js'

export const API_TOKEN_FILE = 'api-token-file'

/** The flags that are not inputs: where results go, and what the CI does not say. */
export const EXTRA_FLAGS = {
  [API_TOKEN_FILE]: { value: 'PATH', meaning: 'the path of a file holding the API token, e.g. a GitLab CI variable of type File (else BOOMI_API_TOKEN)' },
  json: { meaning: 'print one JSON object with every output on stdout, however the run ends (everything else goes to stderr)' },
  'output-file': { value: 'FILE', meaning: 'write the outputs as a dotenv file (version_id=…), e.g. for GitLab artifacts:reports:dotenv' },
  'summary-file': { value: 'FILE', meaning: 'write the Markdown summary to this file' },
  tag: { value: 'TAG', meaning: "the tag being released, when the CI's variables do not say (change-log-file takes its section)" },
  verbose: { meaning: 'also print debug lines' },
  help: { meaning: 'print this help' },
  version: { meaning: 'print the version' }
} as const satisfies Record<string, { value?: string; meaning: string }>

export interface CommandLine {
  /** The input's text: the flag, else BOOMI_<NAME>, else ''. The token is never a flag. */
  getInput: GetInput
  apiTokenFile?: string
  json: boolean
  outputFile?: string
  summaryFile?: string
  tag?: string
  verbose: boolean
  help: boolean
  version: boolean
}

type Env = Readonly<Record<string, string | undefined>>

/** `account-id` → `BOOMI_ACCOUNT_ID`. */
export function envName(input: string): string {
  return `BOOMI_${input.toUpperCase().replace(/-/g, '_')}`
}

/**
 * Reads the flags (`--name value`, `--name=value`; booleans bare, or `--no-name`,
 * `--name=true`, `--name=false`) and the environment. A flag that is not known, a
 * value where none belongs, an empty value, a flag given twice (but a list's; a
 * boolean and its `--no-` are one flag), an argument that is no flag, or the token
 * as a flag is a bad input naming the flag.
 */
export function readCommandLine(args: readonly string[], env: Env): CommandLine {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {}
  for (const spec of Object.values(INPUTS) as InputSpec[]) {
    // A list may be given as one flag (`--classifications dev,uat`) or several.
    options[spec.name] = spec.kind === 'boolean' ? { type: 'boolean' } : spec.kind === 'list' ? { type: 'string', multiple: true } : { type: 'string' }
  }
  for (const [name, extra] of Object.entries(EXTRA_FLAGS)) options[name] = { type: 'value' in extra ? 'string' : 'boolean' }
  if (args.some(a => a === `--${Input.apiToken}` || a.startsWith(`--${Input.apiToken}=`))) {
    throw new InputError(
      `--${Input.apiToken}`,
      `--${Input.apiToken} is refused: a token on the command line shows in the process list and the shell history. Put it in the environment as ${envName(Input.apiToken)}, or in a file named by --${API_TOKEN_FILE}.`
    )
  }
  const booleans = new Set(Object.keys(options).filter(name => options[name].type === 'boolean'))
  const end = args.indexOf('--')
  const given = args.map((arg, i) => (end >= 0 && i >= end ? arg : booleanWithValue(arg, booleans)))
  let parsed: ReturnType<typeof parseArgs>
  try {
    // Positionals are allowed here only to be refused below, without echoing them.
    parsed = parseArgs({ args: given, options, strict: true, allowPositionals: true, allowNegative: true, tokens: true })
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err)
    const flag = /'(-{1,2}[^' ]+)/.exec(text)?.[1] ?? ''
    throw new InputError(flag, `${text.replace(/\. To specify a positional argument.*$/s, '').replace(/\.?$/, '.')} See --help for the flags.`, { cause: err })
  }
  const seen = new Set<string>()
  const tokens = parsed.tokens ?? []
  for (const [i, token] of tokens.entries()) {
    if (token.kind === 'positional') throw unexpectedArgument(token.index, token.value, tokens[i - 1])
    if (token.kind !== 'option') continue
    // `--archive "$ZIP"` with ZIP not set would turn a release into a prune without a word; so
    // would a value of white space only, which read.ts trims to nothing.
    if (token.value !== undefined && token.value.trim() === '') {
      throw new InputError(
        `--${token.name}`,
        `--${token.name} is given an empty value (from a variable that is not set?). Give it a value, or leave the flag out for its variable or its default.`
      )
    }
    // Last-wins would be a trap in a release: `--archive a.zip --archive b.zip` uploading b.zip without a word.
    if (seen.has(token.name) && !options[token.name].multiple) {
      throw new InputError(`--${token.name}`, `--${token.name} is given twice. Give it once: the second value would replace the first without a word.`)
    }
    seen.add(token.name)
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>
  const text = (name: string): string | undefined => {
    const v = values[name]
    return typeof v === 'string' ? v : undefined
  }
  const getInput: GetInput = name => {
    if (name === Input.apiToken) return env[envName(name)] ?? ''
    const v = values[name]
    // One per line: a value ending in a comma (`--classifications dev,`) then joins the next as in a YAML block.
    if (Array.isArray(v)) return v.join('\n')
    if (typeof v === 'boolean') return String(v)
    if (typeof v === 'string') return v
    return env[envName(name)] ?? ''
  }
  return {
    getInput,
    apiTokenFile: text(API_TOKEN_FILE),
    json: values.json === true,
    outputFile: text('output-file'),
    summaryFile: text('summary-file'),
    tag: text('tag'),
    verbose: values.verbose === true,
    help: values.help === true,
    version: values.version === true
  }
}

/**
 * `--dry-run=true` as `--dry-run`, `--dry-run=false` as `--no-dry-run` (any case), for
 * every boolean flag: a CI passes a variable's value as `--dry-run=$DRY_RUN`. Any other
 * value is refused without being shown, as an unexpected argument is.
 */
function booleanWithValue(arg: string, booleans: ReadonlySet<string>): string {
  const m = /^--([^=]+)=(.*)$/s.exec(arg)
  if (!m || !booleans.has(m[1])) return arg
  const value = m[2].trim().toLowerCase()
  if (value === 'true') return `--${m[1]}`
  if (value === 'false') return `--no-${m[1]}`
  throw new InputError(
    `--${m[1]}`,
    `--${m[1]} takes no value, or =true or =false: give --${m[1]} to turn it on, --no-${m[1]} to turn it off. See --help for the flags.`
  )
}

/**
 * An argument that is no flag, by its position and length and the flag before it,
 * never by its text: it may be a secret the tool does not know of (a token pasted
 * after a flag's value, or where a variable expanded unquoted), and an error line
 * is printed where anyone reading the CI log sees it. Its first characters would
 * help little and give away part of a secret.
 */
function unexpectedArgument(index: number, value: string, before: { kind: string; name?: string; value?: string } | undefined): InputError {
  const after = before?.kind === 'option' ? `, after --${before.name}${before.value !== undefined ? ' and its value' : ''}` : ''
  return new InputError(
    '',
    `Unexpected argument ${index + 1} (${value.length} characters${after}): this command takes flags only, and the argument is not shown, as it may be a secret. Quote a value that holds spaces. See --help for the flags.`
  )
}

/** --help, from the input table: every flag with its meaning, its variable and its default. */
export function helpText(command: string, version: string): string {
  const lists = (Object.values(INPUTS) as InputSpec[])
    .filter(spec => spec.kind === 'list')
    .map(spec => `--${spec.name}`)
    .join(', ')
  const lines = [
    `${command} ${version}: release a Boomi custom connector from any CI.`,
    '',
    `Usage: ${command} [flags]`,
    '',
    `Every input is a flag or a BOOMI_<NAME> variable; a flag wins. Each flag is given once, but ${lists} may repeat. The token comes only from ${envName(Input.apiToken)} or --${API_TOKEN_FILE}.`,
    `A flag without a value is on when given (--${Input.dryRun}, or --${Input.dryRun}=true) and off with --no-<flag> (--no-${Input.dryRun}, or --${Input.dryRun}=false), whatever its variable says.`,
    '',
    'Inputs:'
  ]
  for (const spec of Object.values(INPUTS) as InputSpec[]) {
    const flag =
      spec.name === Input.apiToken ? `(${envName(spec.name)})` : spec.kind === 'boolean' ? `--${spec.name}, --no-${spec.name}` : `--${spec.name} <value>`
    const facts = [spec.required ? 'required' : spec.default ? `default ${spec.default}` : '', spec.name === Input.apiToken ? '' : envName(spec.name)]
    lines.push(`  ${flag}`, `      ${spec.meaning}${facts.some(Boolean) ? ` (${facts.filter(Boolean).join('; ')})` : ''}`)
  }
  lines.push('', 'Other flags:')
  for (const [name, extra] of Object.entries(EXTRA_FLAGS)) {
    lines.push(`  --${name}${'value' in extra ? ` <${extra.value}>` : ''}`, `      ${extra.meaning}`)
  }
  lines.push('', 'Exit codes: 0 success; 1 the run failed; 2 a bad input (nothing was sent).')
  return lines.join('\n') + '\n'
}
