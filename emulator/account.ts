/** The state one emulated Boomi account holds, as the operations see it. */
import type { ClassificationBook } from './classifications.js'
import type { AnswerShape } from './shape.js'
import type { VersionStore } from './storage.js'
import type { VersionChangeRecord } from './types.js'

export interface Account {
  accountId: string
  username: string
  store: VersionStore
  /**
   * The connector groups that exist (docs/boomi-api.md: a group must exist before its first upload,
   * Developer tab, Add Connector Group; the API creates none). Declared ones, and every group
   * a version was seeded into. A create into any other group is refused.
   */
  groups: Set<string>
  book: ClassificationBook
  versionChanges: VersionChangeRecord[]
  now: () => Date
  maxVersions: number
  pageSize: number
  /** How answers are written (see shape.ts); the Emulator may change it between tests. */
  shape: AnswerShape
}
