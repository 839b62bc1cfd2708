// The human report on stderr: phases, lines, warnings, the error. Every line goes
// through forLog (no control character reaches the terminal, no line reads as a
// workflow command when the tool runs inside GitHub Actions) and loses any
// secret the inputs named, as the runner's masking would.
import { errorMessage, InputError } from '../errors.js'
import { MAX_FAILURE_MESSAGE, cut, forLog } from '../domain/untrusted.js'
import { API_TOKEN_FILE, envName } from '../inputs/command-line.js'
import { INPUTS, type InputSpec } from '../inputs/table.js'
import { Input } from '../constants.js'
import type { ActionLog } from '../orchestrator/deps.js'

export const CLI_NAME = 'boomi-connector-release'

export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) if (secret) out = out.split(secret).join('***')
  return out
}

export function stderrLog(secrets: readonly string[], verbose: boolean, write = (s: string) => void process.stderr.write(s)): ActionLog {
  const line = (prefix: string, text: string): void => write(`${prefix}${redact(forLog(text), secrets)}\n`)
  return {
    info: text => line('', text),
    warning: text => line('warning: ', text),
    debug: text => (verbose ? line('debug: ', text) : undefined),
    startGroup: name => line('\n== ', `${name} ==`),
    endGroup: () => undefined
  }
}

/**
 * One line of JSON that no CI reads as a command: the Azure Pipelines agent finds `##vso[`
 * anywhere in a line of output, GitHub's runner `##[`, TeamCity `##teamcity[`. Such a `[`,
 * only ever inside a string here, is written `\u005b`, which every JSON reader reads back.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/##(vso|teamcity)?\[/gi, match => `${match.slice(0, -1)}\\u005b`)
}

/** How the command-line tool names an input: its flag and its variable (`--keep-latest / BOOMI_KEEP_LATEST`); the token, its variable alone. */
export function inputName(name: string): string {
  return name === Input.apiToken ? envName(name) : `--${name} / ${envName(name)}`
}

/** One line naming where the bad value came from: `--keep-latest / BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'. …` */
export function errorLine(err: unknown, secrets: readonly string[]): string {
  return `${CLI_NAME}: error: ${errorText(err, secrets)}\n`
}

/** The error as errorLine says it, without the command's name: also the failure of a summary file. */
export function errorText(err: unknown, secrets: readonly string[]): string {
  let where = ''
  if (err instanceof InputError) {
    const name = err.input
    where = !name || name.startsWith('-') ? name : inputName(name)
  }
  // Redacted before it is cut, so that a cut cannot leave part of a secret for redact() to miss.
  const message = redact(forLog(`${where ? `${where}: ` : ''}${flagShaped(errorMessage(err))}`), secrets)
  return cut(message, MAX_FAILURE_MESSAGE)
}

const SPECS: ReadonlyMap<string, InputSpec> = new Map((Object.values(INPUTS) as InputSpec[]).map(spec => [spec.name, spec]))

/**
 * The inputs' messages are shared with the action, and their examples are lines of
 * a workflow (`e.g. keep-latest: 20.`); here each becomes the flag (`e.g.
 * --keep-latest 20.`). An example naming no input, or one that cannot be put as a
 * flag, stays as it is.
 */
export function flagShaped(message: string): string {
  return message.replace(/\be\.g\. ([a-z][a-z0-9-]*): (.+?)\.(?=\s|$)/g, (all, name: string, value: string) => {
    const example = flagExample(name, value)
    return example ? `e.g. ${example}.` : all
  })
}

/** An example for a value any sha256 has the shape of. */
const SHA256_EXAMPLE = '0123456789abcdef'.repeat(4)

function flagExample(name: string, value: string): string | undefined {
  const spec = SPECS.get(name)
  if (!spec) return undefined
  if (spec.name === Input.apiToken) return `${envName(spec.name)} from a secret variable of the CI, or --${API_TOKEN_FILE} PATH`
  if (spec.name === Input.expectedSha256) return `--${spec.name} ${SHA256_EXAMPLE}`
  if (value.includes('${{')) return undefined
  if (spec.kind === 'boolean') return value === 'true' ? `--${spec.name}` : undefined
  let text = value.replace(/^'(.*)'$/, '$1')
  // One argument: `dev, uat` unquoted would be two.
  if (spec.kind === 'list') text = text.replace(/,\s+/g, ',')
  return `--${spec.name} ${/^[\w.,:/@+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`}`
}
