// What a run stopped before it began leaves behind (a bad input; for the Action, a
// GITHUB_OUTPUT that cannot be written): the outputs of a run that did nothing and a
// summary saying why, so that a later step reading them does not fail too. One function
// for both front ends, which load it before they know the inputs are good: it must stay
// light (the domain's pure functions only, no HTTP stack, no @actions/*).
import { outputsOf } from '../domain/outputs.js'
import type { RunRecord } from '../domain/record.js'
import { renderSummary } from '../domain/summary.js'
import { scrubSecrets, secretForms } from '../domain/untrusted.js'

export interface NothingDone {
  outputs: Record<string, string>
  /** The Markdown summary. */
  summary: string
}

/**
 * `groupType` is the group-type input as given, possibly empty; `groupTypeName` is how the
 * front end names that input (`group-type`, `--group-type / BOOMI_GROUP_TYPE`), for the
 * summary's title when it was not given. Both texts come from the user, unchecked: the
 * `secrets` (the token as given) are scrubbed from them.
 */
export function nothingDone(error: string, groupType: string, groupTypeName: string, secrets: readonly string[]): NothingDone {
  const scrub = (text: string): string => scrubSecrets(text, secretForms(secrets))
  const record: RunRecord = { groupType: scrub(groupType.trim()) || `(${groupTypeName} not set)`, dryRun: false, error: scrub(error) }
  return { outputs: outputsOf(record), summary: renderSummary(record) }
}
