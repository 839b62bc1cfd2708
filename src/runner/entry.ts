// Reads the inputs and loads the rest only when they are valid, so a
// misconfigured step fails in milliseconds. Exported for @github/local-action,
// which imports an entry and calls its run().
import { Input } from '../constants.js'
import { outputsOf } from '../domain/outputs.js'
import type { RunRecord } from '../domain/record.js'
import { renderSummary } from '../domain/summary.js'
import { MAX_FAILURE_MESSAGE, cut, forLog } from '../domain/untrusted.js'
import { errorMessage } from '../errors.js'
import { type Inputs, readInputs } from '../inputs/read.js'
import { getInput, setFailed, setOutputs, setSecret, writeSummary } from './commands.js'

export async function run(): Promise<void> {
  let inputs: Inputs
  try {
    inputs = readInputs(getInput, setSecret)
  } catch (err) {
    fail(errorMessage(err))
    reportNothingDone(errorMessage(err))
    return
  }
  try {
    const { runAction } = await import('./wiring.js')
    // The run publishes its outputs and summary however it ends, a bad input found on the way included.
    await runAction(inputs)
  } catch (err) {
    fail(errorMessage(err))
  }
}

/** The failure, made safe for the log as every other line is (file and entry names may hold anything) and bounded. */
function fail(message: string): void {
  setFailed(cut(forLog(message), MAX_FAILURE_MESSAGE))
}

/**
 * A bad input stops the run before it starts; its outputs and summary are still written
 * (those of a run that did nothing), as for every run that fails, so that a later step
 * reading them (`fromJSON(steps.boomi.outputs.deleted-version-ids)`) does not fail too.
 * Only here: a run that started writes its own, once, however it ends.
 */
function reportNothingDone(error: string): void {
  const record: RunRecord = { groupType: getInput(Input.groupType).trim() || `(${Input.groupType} not set)`, dryRun: false, error }
  try {
    setOutputs(outputsOf(record))
    writeSummary(renderSummary(record))
  } catch (err) {
    // The error above is the one that matters; this one is said after it.
    fail(`Could not write the step's outputs or summary (${errorMessage(err)}). Check GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.`)
  }
}
