// The runner interactions the entry needs before it knows the inputs are
// good. They follow the documented workflow-command protocol exactly as
// @actions/core does; core itself is loaded only once there is work to do,
// because loading it (and the HTTP stack it pulls in) triples the start-up
// time of a run that fails on a typo.
import { accessSync, appendFileSync, closeSync, constants as fsConstants, openSync } from 'node:fs'
import { EOL } from 'node:os'

/** As core.getInput: INPUT_<NAME>, spaces as '_', upper-cased, hyphens kept. */
export function getInput(name: string): string {
  return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function setSecret(secret: string): void {
  process.stdout.write(`::add-mask::${escapeData(secret)}${EOL}`)
}

/** As core.setFailed: one error annotation, and the step fails. */
export function setFailed(message: string): void {
  process.exitCode = 1
  process.stdout.write(`::error::${escapeData(message)}${EOL}`)
}

/**
 * As core.setOutput does with GITHUB_OUTPUT: a `name<<delimiter` block per output. No value
 * can end its block: one holding the delimiter is refused, so the delimiter need only be
 * unlikely, not secret (node:crypto, as core uses, would add 5 ms to a run that fails on a
 * typo). Without the file (a runner older than 2022), nothing.
 */
export function setOutputs(outputs: Readonly<Record<string, string>>): void {
  const file = process.env.GITHUB_OUTPUT
  if (!file) return
  const delimiter = `ghadelimiter_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2)}`
  for (const [name, value] of Object.entries(outputs)) {
    if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} holds its own delimiter`)
  }
  appendFileSync(
    file,
    Object.entries(outputs)
      .map(([name, value]) => `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`)
      .join('')
  )
}

/** As core.summary's write: the Markdown appended to GITHUB_STEP_SUMMARY, when the runner gives one. */
export function writeSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) appendFileSync(file, markdown)
}

/** The files the runner gives a step for its results, as @actions/core uses them. */
export const OUTPUT_FILE = 'GITHUB_OUTPUT'
export const SUMMARY_FILE = 'GITHUB_STEP_SUMMARY'

export interface UnusableFile {
  variable: typeof OUTPUT_FILE | typeof SUMMARY_FILE
  /** One sentence naming the variable, the path and what to do. */
  problem: string
}

/**
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, when set, checked before anything is sent to
 * Boomi: a run that uploads and prunes, then cannot write its outputs, has changed the
 * account and still fails. Each is opened write-only to append, which changes nothing,
 * and closed; as @actions/core requires, the file must exist already (the runner creates
 * both), and the summary must be readable too. Non-blocking and write-only, so a FIFO
 * without a reader is refused (ENXIO) rather than hanging the step when core writes it.
 * Not set: nothing to check (core then prints outputs as commands).
 */
export function unusableResultFiles(env: NodeJS.ProcessEnv = process.env): UnusableFile[] {
  const unusable: UnusableFile[] = []
  for (const variable of [OUTPUT_FILE, SUMMARY_FILE] as const) {
    const file = env[variable]
    if (!file) continue
    try {
      closeSync(openSync(file, fsConstants.O_WRONLY | fsConstants.O_APPEND | (fsConstants.O_NONBLOCK ?? 0)))
      if (variable === SUMMARY_FILE) accessSync(file, fsConstants.R_OK)
    } catch (err) {
      unusable.push({
        variable,
        problem: `${variable} names '${file}', which cannot be appended to: ${why((err as NodeJS.ErrnoException).code, variable === SUMMARY_FILE ? 'read and write' : 'write')}. The runner sets ${variable} to a file it creates for each step; outside GitHub Actions, leave it unset or name an existing file the step may write. Nothing was sent to Boomi.`
      })
    }
  }
  return unusable
}

/** What went wrong, from the error's code: Node's own message repeats the path. */
function why(code: string | undefined, access: string): string {
  switch (code) {
    case 'ENOENT':
      return 'it does not exist'
    case 'EISDIR':
      return 'it is a directory'
    case 'ENOTDIR':
      return 'a part of its path is not a directory'
    case 'EACCES':
    case 'EPERM':
      return `no permission to ${access} it`
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENXIO':
      return 'it is a FIFO (named pipe) that nothing reads'
    default:
      return code ?? 'it cannot be opened'
  }
}
