// Everything a run touches outside its own logic. The runner supplies the real
// ones; tests supply a fake client, a fake clock and a recording log.
import type { Archive, WorkspaceFile } from '../archive/locate.js'
import type { ArchiveFacts } from '../archive/zip.js'
import type { BoomiClient } from '../boomi/client.js'
import type { RunContext } from '../domain/changelog.js'
import type { ApiContact } from '../domain/contact.js'
import type { EventLog, ThrottleStats } from '../domain/record.js'
import type { Inputs } from '../inputs/read.js'
import type { Logger } from '../logger.js'
import type { RetryStrategy } from '../net/retry.js'
import type { StreamBody } from '../net/transport.js'
import type { UploadParts } from '../net/multipart.js'

export interface ActionLog extends Logger {
  startGroup(name: string): void
  endGroup(): void
}

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export type MakeBody = (parts: UploadParts, onBytes?: (sent: number) => void) => StreamBody

/** Where the run says how far it got, for a progress bar or periodic lines (src/core/progress.ts). */
export interface Progress {
  /** Bytes of this attempt's body sent so far; a new attempt starts again from 0. */
  upload(sent: number, total: number): void
  /** Deletions finished (done or failed) of those planned. */
  prune(done: number, total: number): void
}

export interface RunDeps {
  inputs: Inputs
  workspace: string
  /** Built on first use: an archive that fails its checks must not cost a connection. */
  client: () => Promise<BoomiClient>
  multipart: () => Promise<MakeBody>
  /** The one file the archive input names in the workspace, checked to be a non-empty zip inside it (src/archive/locate.ts). */
  locateArchive: (pattern: string) => Promise<Archive>
  /** Where a file named relative to the workspace really is, or how it leads outside it. */
  findInWorkspace: (name: string) => Promise<WorkspaceFile>
  inspectArchive: (file: string, shownName: string) => Promise<ArchiveFacts>
  readTextFile: (file: string, maxBytes: number) => Promise<string>
  runContext: () => Promise<RunContext>
  log: ActionLog
  clock: Clock
  /** The run's one retry strategy: the client's requests and the upload's attempts all ask it. */
  retry: RetryStrategy
  /**
   * This run's mark in the change log of each upload attempt (16 random hex): after a lost
   * answer, it tells this run's copies from another run's upload of the same archive.
   */
  uploadId: string
  /** How long Boomi is given to show an upload whose answer was lost, looked for at growing intervals. */
  settleMs: number
  deleteConcurrency: number
  /** Aborted when the runner cancels the job: no new request is started. */
  signal?: AbortSignal
  throttling?: () => ThrottleStats
  /** Which API root answered and what Boomi said about its API; undefined before the client is made. */
  apiContact?: () => ApiContact | undefined
  progress?: Progress
  /** What the run did, reported as it happens; the record, outputs and summary are folded from it. */
  events: EventLog
}
