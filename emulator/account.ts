/** The state one emulated Boomi account holds, as the operations see it. */
import type { ClassificationBook } from './classifications.js'
import type { AnswerShape } from './shape.js'
import type { VersionStore } from './storage.js'
import type { VersionChangeRecord } from './types.js'

export interface Account {
  accountId: string
  username: string
  store: VersionStore
  book: ClassificationBook
  versionChanges: VersionChangeRecord[]
  now: () => Date
  maxVersions: number
  pageSize: number
  /** How answers are written (see shape.ts); the Emulator may change it between tests. */
  shape: AnswerShape
}
