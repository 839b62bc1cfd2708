// Reads the inputs and loads the rest only when they are valid, so a
// misconfigured step fails in milliseconds. Exported for @github/local-action,
// which imports an entry and calls its run().
import { Input } from '../constants.js'
import { nothingDone } from '../core/nothing-done.js'
import { MAX_FAILURE_MESSAGE, cut, forLog } from '../domain/untrusted.js'
import { errorMessage } from '../errors.js'
import { type Inputs, readInputs } from '../inputs/read.js'
import { OUTPUT_FILE, SUMMARY_FILE, getInput, setFailed, setOutputs, setSecret, unusableResultFiles, writeSummary } from './commands.js'

export async function run(): Promise<void> {
  let inputs: Inputs
  try {
    inputs = readInputs(getInput, setSecret)
  } catch (err) {
    // A results file that cannot be written is skipped, and said after the input error: writing one (a FIFO without a reader) could hang the step.
    const unusable = unusableResultFiles()
    reportNothingDone(
      errorMessage(err),
      unusable.map(u => u.variable)
    )
    for (const u of unusable) fail(u.problem)
    return
  }
  // Where the results go, before anything is sent: a run that changed the account must be able to say so.
  const unusable = unusableResultFiles()
  if (unusable.length) {
    reportNothingDone(
      unusable.map(u => u.problem).join(' '),
      unusable.map(u => u.variable)
    )
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
 * A run stopped before it starts (a bad input, a results file that cannot be written) fails
 * with `error`; its outputs and summary are still written (those of a run that did nothing),
 * as for every run that fails, so that a later step reading them
 * (`fromJSON(steps.boomi.outputs.deleted-version-ids)`) does not fail too. Each to its file,
 * but for the `unusable` ones, which the caller names. Only here: a run that started writes
 * its own, once, however it ends.
 */
function reportNothingDone(error: string, unusable: readonly string[] = []): void {
  fail(error)
  const { outputs, summary } = nothingDone(error, getInput(Input.groupType), Input.groupType, [getInput(Input.apiToken)])
  const problems: string[] = []
  const write = (variable: string, publish: () => void): void => {
    if (unusable.includes(variable)) return
    try {
      publish()
    } catch (err) {
      problems.push(`${variable}: ${errorMessage(err)}`)
    }
  }
  write(OUTPUT_FILE, () => setOutputs(outputs))
  write(SUMMARY_FILE, () => writeSummary(summary))
  // The error above is the one that matters; this one is said after it.
  if (problems.length) fail(`Could not write the step's outputs or summary (${problems.join('; ')}). Check ${OUTPUT_FILE} and ${SUMMARY_FILE}.`)
}
