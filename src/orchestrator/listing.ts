// The run's one listing of the group: duplicate detection, version-id and
// pruning all read it (docs/behaviour.md, "Identity").
import { Input } from '../constants.js'
import type { ConnectorVersion } from '../domain/versions.js'
import type { RunDeps } from './deps.js'

const CLASSIFICATION_SUFFIX = /-(dev|test|qa|sit|uat|stage|staging|preprod|prod|production)$/i

export async function listingPhase(deps: RunDeps): Promise<readonly ConnectorVersion[]> {
  const { inputs, log } = deps
  const listing = await (await deps.client()).listGroup(inputs.groupType)
  const deleted = listing.filter(v => v.deleted).length
  log.info(`${listing.length - deleted} live versions (${deleted} deleted ones also listed)`)
  if (listing.length === 0) {
    deps.events.report({ type: 'empty-group' })
    emptyGroup(deps)
  }
  return listing
}

/**
 * Boomi answers an unknown group type with an empty listing, so an empty group
 * is named: a first upload, or a group-type spelled otherwise than on the
 * Developer tab (docs/behaviour.md, "First contact").
 */
function emptyGroup(deps: RunDeps): void {
  const { inputs, log } = deps
  const tab = 'the Type column of the Developer tab, without the classification'
  if (inputs.archive && inputs.dryRun) {
    // The real run's upload is what tells a first upload from a group that does not exist.
    log.warning(
      `Group ${inputs.groupType} has no versions, and Boomi lists a group that does not exist the same way: a dry run cannot tell. Check that the connector group exists (Developer tab, Add Connector Group) and that ${Input.groupType} is spelled as ${tab}.`
    )
  } else if (inputs.archive)
    log.info(`Group ${inputs.groupType} has no versions: this is its first upload, or ${Input.groupType} is spelled otherwise than ${tab}.`)
  else log.warning(`Group ${inputs.groupType} has no versions in account ${inputs.accountId}: check that ${Input.groupType} is spelled as ${tab}.`)
  const suffix = CLASSIFICATION_SUFFIX.exec(inputs.groupType)
  if (suffix) {
    log.warning(
      `Group ${inputs.groupType} has no versions, and its name ends with '${suffix[0]}', which looks like a classification. ${Input.groupType} is the connector type without its classification, e.g. ${inputs.groupType.slice(0, suffix.index)}.`
    )
  }
}
