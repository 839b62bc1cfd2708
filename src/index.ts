// The entry the runner starts. It reads the inputs and loads the rest only
// when they are valid, so a misconfigured step fails in milliseconds.
import { errorMessage } from './errors.js'
import { readInputs } from './inputs.js'
import { getInput, setFailed, setSecret } from './workflow-commands.js'

async function main(): Promise<void> {
  try {
    const inputs = readInputs(getInput, setSecret)
    const { runAction } = await import('./action.js')
    await runAction(inputs)
  } catch (err) {
    setFailed(errorMessage(err))
  }
}

void main()
