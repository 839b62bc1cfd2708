// What a front end gives the run: the only things that differ between the
// GitHub Action (src/runner/) and the command-line tool (src/cli/). Everything
// else, every decision included, is the same core for both.
import type { RunContext } from '../domain/changelog.js'
import type { ActionLog, Progress } from '../orchestrator/deps.js'

export interface Platform {
  /** Every line of the run; the front end keeps outside text from being read as a command by its platform. */
  log: ActionLog
  /** Where relative paths (archive, change-log-file) are resolved. */
  workspace: string
  /** The CI run, for the default change log and the tag of change-log-file. */
  runContext(): Promise<RunContext>
  /** Publishes every output by name; throws naming what could not be written. */
  setOutputs(outputs: Readonly<Record<string, string>>): Promise<void>
  /** Publishes the Markdown summary, or does nothing where there is nowhere to put it; throws naming the target. */
  writeSummary(markdown: string): Promise<void>
  /** Where to look when an output or the summary could not be written, e.g. "Check GITHUB_OUTPUT and GITHUB_STEP_SUMMARY." */
  resultsHint: string
  /** A progress bar, on a terminal; without one, the core prints periodic lines to the log. */
  progress?: Progress
}
