// Reads the flags and the environment, and loads the rest only when the inputs
// are valid, so a typo fails in milliseconds with exit code 2 and nothing sent.
import { readFile } from 'node:fs/promises'
import { ACTION_VERSION, Input } from '../constants.js'
import { outputsOf, typedOutputs } from '../domain/outputs.js'
import { InputError } from '../errors.js'
import { API_TOKEN_FILE, type CommandLine, envName, helpText, readCommandLine } from '../inputs/command-line.js'
import { readInputs } from '../inputs/read.js'
import { hasByteControl } from '../text.js'
import { CLI_NAME, errorLine, errorText, inertJson } from './report.js'
import { checkResultFiles, resultFlagsIn, writeNothingDone } from './result-files.js'

export const EXIT_FAILED = 1
export const EXIT_BAD_INPUT = 2

/** Prints the outputs as the one JSON object of --json. */
export type PrintOutputs = (outputs: Readonly<Record<string, string>>) => void

export async function main(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  // Hidden from every line from the start, the errors of the flags included: a token
  // pasted as an argument must not come back in "Unexpected argument '…'".
  const envToken = env[envName(Input.apiToken)]?.trim()
  const secrets: string[] = envToken ? [envToken] : []
  // Until the flags parse, --json is taken from the raw arguments.
  let json = jsonAsked(args)
  let printed = false
  const printOutputs: PrintOutputs = outputs => {
    if (printed) return
    printed = true
    process.stdout.write(`${inertJson(typedOutputs(outputs))}\n`)
  }
  let cl: CommandLine | undefined
  // A failure before the result files are checked leaves the results of a run that did nothing; after, either
  // the files are the problem or the run writes its own.
  let leaveNothingDone = true
  try {
    const line = (cl = readCommandLine(args, env))
    json = line.json
    if (line.help) return void process.stdout.write(helpText(CLI_NAME, ACTION_VERSION))
    if (line.version) return void process.stdout.write(`${ACTION_VERSION}\n`)
    const token = line.apiTokenFile ? await tokenFrom(line.apiTokenFile, Boolean(envToken)) : undefined
    const inputs = readInputs(
      name => (name === Input.apiToken && token !== undefined ? token : line.getInput(name)),
      s => void secrets.push(s)
    )
    leaveNothingDone = false
    await checkResultFiles(line)
    const { runCli } = await import('./platform.js')
    await runCli(inputs, line, env, secrets, printOutputs)
  } catch (err) {
    process.stderr.write(errorLine(err, secrets))
    process.exitCode = err instanceof InputError ? EXIT_BAD_INPUT : EXIT_FAILED
    // As the Action's: the outputs and the summary of a run that did nothing, where the flags say (or, unparsed, the arguments).
    if (leaveNothingDone) {
      await writeNothingDone(cl ?? resultFlagsIn(args, env), errorText(err, secrets), secrets).catch(
        fileErr => void process.stderr.write(errorLine(fileErr, secrets))
      )
    }
  }
  // However the run ended, --json prints one object: a run stopped before it began did nothing.
  if (json) printOutputs(outputsOf({ groupType: '', dryRun: false }))
}

/**
 * `--json` (or `--json=true`) among the arguments before a `--`, and not turned off after:
 * what the user asked for when the flags do not parse. Any other value is not a yes.
 */
function jsonAsked(args: readonly string[]): boolean {
  const end = args.indexOf('--')
  let asked = false
  for (const a of end < 0 ? args : args.slice(0, end)) {
    if (a === '--json' || /^--json=\s*true\s*$/i.test(a)) asked = true
    else if (a === '--no-json' || a.startsWith('--json=')) asked = false
  }
  return asked
}

/**
 * The token from the file --api-token-file names. No message repeats the path or
 * the file's text: a token passed where the path belongs (a GitLab variable of type
 * Variable instead of File) would be printed, and Node's own messages hold the path.
 */
async function tokenFrom(file: string, envTokenSet: boolean): Promise<string> {
  const flag = `--${API_TOKEN_FILE}`
  const instead = envTokenSet ? `or leave out ${flag} to use ${envName(Input.apiToken)}` : `or set ${envName(Input.apiToken)} instead`
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable'
    const notThere = code === 'ENOENT' || code === 'ENAMETOOLONG'
    throw new InputError(
      flag,
      `Cannot read the file named by ${flag} (${code}). It takes the path of a file holding the API token (in GitLab CI, a variable of type File)${notThere ? ', not the token itself' : ''}; ${instead}.`,
      { cause: err }
    )
  }
  const token = text.trim()
  if (!token) throw new InputError(flag, `The file named by ${flag} is empty. Put the API token in it (in GitLab CI, a variable of type File), ${instead}.`)
  if (hasByteControl(token)) {
    throw new InputError(flag, `The file named by ${flag} holds more than one line or a control character. It must hold the API token alone, on one line.`)
  }
  return token
}
