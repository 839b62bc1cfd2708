// The entry the runner starts. It reads the inputs and loads the rest only
// when they are valid, so a misconfigured step fails in milliseconds.
import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { readInputs } from './inputs.js'

async function main(): Promise<void> {
  try {
    const inputs = readInputs(name => core.getInput(name), secret => core.setSecret(secret))
    const { runAction } = await import('./action.js')
    await runAction(inputs)
  } catch (err) {
    core.setFailed(errorMessage(err))
  }
}

void main()
