// Where the results go, checked before the first request: a run that uploads and
// prunes, then cannot write --output-file, has changed the account and still
// fails. Each file is opened for writing and closed, without changing it; one
// this check creates is removed again. The same file named twice is refused: the
// summary would replace the dotenv, which GitLab would then reject.
// A run stopped before it began writes them too, as the Action does: the outputs of
// a run that did nothing, and a summary naming the bad input.
import { constants as fsConstants, promises as fs } from 'node:fs'
import * as path from 'node:path'
import { Input } from '../constants.js'
import { nothingDone } from '../core/nothing-done.js'
import { dotenvText } from '../domain/outputs.js'
import { InputError, errorMessage } from '../errors.js'
import { type CommandLine, envName } from '../inputs/command-line.js'
import { inputName } from './report.js'

export const OUTPUT_FILE_FLAG = '--output-file'
export const SUMMARY_FILE_FLAG = '--summary-file'

/** Writes one result file; a failure names the flag and the file. */
export async function writeResultFile(file: string, text: string, flag: string): Promise<void> {
  try {
    await fs.writeFile(file, text)
  } catch (err) {
    throw new Error(`${flag} ${file}: ${errorMessage(err)}`, { cause: err })
  }
}

/**
 * The results of a run stopped before it began by `error` (a bad input, as the command
 * line says it), written where --output-file and --summary-file say. Throws a bad input
 * naming the flag when one of them cannot be written: then neither is.
 */
export async function writeNothingDone(cl: ResultFlags, error: string, secrets: readonly string[]): Promise<void> {
  if (!cl.outputFile && !cl.summaryFile) return
  await checkResultFiles(cl)
  const { outputs, summary } = nothingDone(error, cl.getInput(Input.groupType), inputName(Input.groupType), secrets)
  if (cl.outputFile) await writeResultFile(cl.outputFile, dotenvText(outputs), OUTPUT_FILE_FLAG)
  if (cl.summaryFile) await writeResultFile(cl.summaryFile, summary, SUMMARY_FILE_FLAG)
}

export type ResultFlags = Pick<CommandLine, 'outputFile' | 'summaryFile' | 'getInput'>

/**
 * When the flags do not parse (a flag unknown or given twice, an empty value, a stray
 * argument): --output-file, --summary-file and --group-type as the arguments before a
 * `--` give them (the last of each), the group from its variable else, so that the
 * result files of a run stopped by that are written all the same.
 */
export function resultFlagsIn(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ResultFlags {
  const end = args.indexOf('--')
  const given = end < 0 ? args : args.slice(0, end)
  const last = (flag: string): string | undefined => {
    let value: string | undefined
    given.forEach((arg, i) => {
      if (arg === flag && i + 1 < given.length && !given[i + 1].startsWith('-')) value = given[i + 1]
      else if (arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1)
    })
    return value?.trim() || undefined
  }
  return {
    outputFile: last(OUTPUT_FILE_FLAG),
    summaryFile: last(SUMMARY_FILE_FLAG),
    getInput: name => (name === Input.groupType ? (last(`--${name}`) ?? env[envName(name)] ?? '') : '')
  }
}

/** Throws a bad input naming the flag when --output-file or --summary-file cannot be written. */
export async function checkResultFiles(cl: Pick<CommandLine, 'outputFile' | 'summaryFile'>): Promise<void> {
  const targets = [
    { flag: OUTPUT_FILE_FLAG, file: cl.outputFile, example: 'boomi.env' },
    { flag: SUMMARY_FILE_FLAG, file: cl.summaryFile, example: 'boomi-summary.md' }
  ].filter((t): t is { flag: string; file: string; example: string } => Boolean(t.file))
  for (const target of targets) await checkWritable(target)
  if (targets.length === 2 && (await identity(targets[0].file)) === (await identity(targets[1].file))) {
    throw new InputError(
      SUMMARY_FILE_FLAG,
      `--output-file and --summary-file name the same file ('${targets[1].file}'): the summary would replace the outputs. Name two files, e.g. --output-file boomi.env --summary-file boomi-summary.md.`
    )
  }
}

async function checkWritable({ flag, file, example }: { flag: string; file: string; example: string }): Promise<void> {
  try {
    // A new file is created, and removed again: the run writes it at its end.
    const created = await fs.open(file, 'wx').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST') return undefined
      throw err
    })
    if (created) {
      await created.close()
      await fs.rm(file, { force: true })
      return
    }
    // An existing one is opened to append, which changes nothing; non-blocking, so a FIFO without a reader does not hang the run.
    const handle = await fs.open(file, fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_NONBLOCK)
    await handle.close()
  } catch (err) {
    throw new InputError(flag, `Cannot write ${flag} '${file}': ${problem(err, file, example)}`, { cause: err })
  }
}

/** What went wrong, from the error's code: Node's own message repeats the path. */
function problem(err: unknown, file: string, example: string): string {
  const code = (err as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return 'its directory does not exist. Create the directory first, or name a file in an existing one.'
    case 'EISDIR':
      return `it is a directory. Name a file, e.g. ${path.join(file, example)}.`
    case 'ENOTDIR':
      return 'a part of its path is not a directory. Name a file in an existing directory.'
    case 'EACCES':
    case 'EPERM':
      return 'no permission to write it. Name a file the job may write, e.g. one in the working directory.'
    case 'EROFS':
      return 'the file system is read-only. Name a file the job may write, e.g. one in the working directory.'
    default:
      return `${code ?? 'it cannot be opened for writing'}. Name a file the job may write, e.g. one in the working directory.`
  }
}

/** The file itself when it exists (a link and its target are one file), else its real directory and its name. */
async function identity(file: string): Promise<string> {
  const absolute = path.resolve(file)
  try {
    const stat = await fs.stat(absolute)
    return `${stat.dev}:${stat.ino}`
  } catch {
    // Not there (yet): compared by where it would be.
  }
  try {
    return path.join(await fs.realpath(path.dirname(absolute)), path.basename(absolute))
  } catch {
    return absolute
  }
}
