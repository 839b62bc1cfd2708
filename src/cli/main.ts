// Reads the flags and the environment, and loads the rest only when the inputs
// are valid, so a typo fails in milliseconds with exit code 2 and nothing sent.
import { readFile } from 'node:fs/promises'
import { ACTION_VERSION, Input } from '../constants.js'
import { errorMessage, InputError } from '../errors.js'
import { API_TOKEN_FILE, envName, helpText, readCommandLine } from '../inputs/command-line.js'
import { readInputs } from '../inputs/read.js'
import { CLI_NAME, errorLine } from './report.js'

export const EXIT_FAILED = 1
export const EXIT_BAD_INPUT = 2

export async function main(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const secrets: string[] = []
  try {
    const cl = readCommandLine(args, env)
    if (cl.help) return void process.stdout.write(helpText(CLI_NAME, ACTION_VERSION))
    if (cl.version) return void process.stdout.write(`${ACTION_VERSION}\n`)
    const token = cl.apiTokenFile ? await tokenFrom(cl.apiTokenFile) : undefined
    const inputs = readInputs(
      name => (name === Input.apiToken && token !== undefined ? token : cl.getInput(name)),
      s => void secrets.push(s)
    )
    const { runCli } = await import('./platform.js')
    await runCli(inputs, cl, env, secrets)
  } catch (err) {
    process.stderr.write(errorLine(err, secrets))
    process.exitCode = err instanceof InputError ? EXIT_BAD_INPUT : EXIT_FAILED
  }
}

async function tokenFrom(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch (err) {
    throw new InputError(
      `--${API_TOKEN_FILE}`,
      `Cannot read --${API_TOKEN_FILE} '${file}' (${errorMessage(err)}). Name a file holding the API token, or set ${envName(Input.apiToken)}.`,
      { cause: err }
    )
  }
}
