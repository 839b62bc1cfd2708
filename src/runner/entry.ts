// Reads the inputs and loads the rest only when they are valid, so a
// misconfigured step fails in milliseconds. Exported for @github/local-action,
// which imports an entry and calls its run().
import { errorMessage } from '../errors.js'
import { readInputs } from '../inputs/read.js'
import { getInput, setFailed, setSecret } from './commands.js'

export async function run(): Promise<void> {
  try {
    const inputs = readInputs(getInput, setSecret)
    const { runAction } = await import('./wiring.js')
    await runAction(inputs)
  } catch (err) {
    setFailed(errorMessage(err))
  }
}
