// The three runner interactions the entry needs before it knows the inputs are
// good. They follow the documented workflow-command protocol exactly as
// @actions/core does; core itself is loaded only once there is work to do,
// because loading it (and the HTTP stack it pulls in) triples the start-up
// time of a run that fails on a typo.
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
