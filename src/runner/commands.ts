// The runner interactions the entry needs before it knows the inputs are
// good. They follow the documented workflow-command protocol exactly as
// @actions/core does; core itself is loaded only once there is work to do,
// because loading it (and the HTTP stack it pulls in) triples the start-up
// time of a run that fails on a typo.
import { appendFileSync } from 'node:fs'
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
