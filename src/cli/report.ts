// The human report on stderr: phases, lines, warnings, the error. Every line goes
// through forLog (no control character reaches the terminal, no line reads as a
// workflow command when the tool runs inside GitHub Actions) and loses any
// secret the inputs named, as the runner's masking would.
import { errorMessage, InputError } from '../errors.js'
import { forLog } from '../domain/untrusted.js'
import { envName } from '../inputs/command-line.js'
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

/** One line naming where the bad value came from: `--keep-latest / BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'. …` */
export function errorLine(err: unknown, secrets: readonly string[]): string {
  let where = ''
  if (err instanceof InputError) {
    const name = err.input
    where = !name || name.startsWith('-') ? name : name === Input.apiToken ? envName(name) : `--${name} / ${envName(name)}`
  }
  return `${CLI_NAME}: error: ${where ? `${where}: ` : ''}${redact(forLog(errorMessage(err)), secrets)}\n`
}
