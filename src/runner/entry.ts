// Reads the inputs and loads the rest only when they are valid, so a
// misconfigured step fails in milliseconds. Exported for @github/local-action,
// which imports an entry and calls its run().
import { Input } from '../constants.js'
import { outputsOf } from '../domain/outputs.js'
import type { RunRecord } from '../domain/record.js'
import { renderSummary } from '../domain/summary.js'
import { errorMessage, InputError } from '../errors.js'
import { readInputs } from '../inputs/read.js'
import { getInput, setFailed, setOutputs, setSecret, writeSummary } from './commands.js'

export async function run(): Promise<void> {
  try {
    const inputs = readInputs(getInput, setSecret)
    const { runAction } = await import('./wiring.js')
    await runAction(inputs)
  } catch (err) {
    setFailed(errorMessage(err))
    if (err instanceof InputError) reportNothingDone(errorMessage(err))
  }
}

/**
 * A bad input stops the run before it starts; its outputs and summary are still written
 * (those of a run that did nothing), as for every run that fails, so that a later step
 * reading them (`fromJSON(steps.boomi.outputs.deleted-version-ids)`) does not fail too.
 */
function reportNothingDone(error: string): void {
  const record: RunRecord = { groupType: getInput(Input.groupType).trim() || `(${Input.groupType} not set)`, dryRun: false, error }
  try {
    setOutputs(outputsOf(record))
    writeSummary(renderSummary(record))
  } catch (err) {
    // The error above is the one that matters; this one is said after it.
    setFailed(`Could not write the step's outputs or summary (${errorMessage(err)}). Check GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.`)
  }
}
