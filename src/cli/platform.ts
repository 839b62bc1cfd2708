// The command-line platform: the report on stderr, the outputs as JSON on stdout
// and as a dotenv file, the Markdown summary as a file, the CI run read by env-ci.
// Loaded only once the inputs are valid. No decision here: the core runs.
import { writeFile } from 'node:fs/promises'
import { ciRunContext } from '../domain/ci-context.js'
import { dotenvText, typedOutputs } from '../domain/outputs.js'
import { errorMessage } from '../errors.js'
import type { CommandLine } from '../inputs/command-line.js'
import type { Inputs } from '../inputs/read.js'
import { type Platform, runWithPlatform } from '../core/run.js'
import { stderrLog } from './report.js'

export async function runCli(inputs: Inputs, cl: CommandLine, env: NodeJS.ProcessEnv, secrets: readonly string[]): Promise<void> {
  // On a terminal, progress bars; each log line first clears the bar's line.
  const bar = process.stderr.isTTY ? (await import('./progress-bar.js')).terminalProgress(process.stderr) : undefined
  const log = stderrLog(secrets, cl.verbose, text => {
    bar?.clearLine()
    process.stderr.write(text)
  })
  const workspace = process.cwd()
  const platform: Platform = {
    log,
    workspace,
    runContext: async () => {
      const { default: envCi } = await import('env-ci')
      return ciRunContext(envCi({ env, cwd: workspace }), env, cl.tag)
    },
    setOutputs: async outputs => {
      log.startGroup('Outputs')
      for (const [name, value] of Object.entries(outputs)) log.info(`${name}: ${value}`)
      if (cl.json) process.stdout.write(`${JSON.stringify(typedOutputs(outputs))}\n`)
      if (cl.outputFile) await writeTo(cl.outputFile, dotenvText(outputs), '--output-file')
    },
    writeSummary: async markdown => {
      // The report ends with the summary, read as text: Markdown is meant to read that way.
      log.startGroup('Summary')
      for (const line of markdown.split('\n')) if (line.trim()) log.info(line)
      log.endGroup()
      if (cl.summaryFile) await writeTo(cl.summaryFile, markdown, '--summary-file')
    },
    resultsHint: 'Check the paths given to --output-file and --summary-file.',
    progress: bar?.progress
  }
  await runWithPlatform(inputs, platform)
}

async function writeTo(file: string, text: string, flag: string): Promise<void> {
  try {
    await writeFile(file, text)
  } catch (err) {
    throw new Error(`${flag} ${file}: ${errorMessage(err)}`, { cause: err })
  }
}
