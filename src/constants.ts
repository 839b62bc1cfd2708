// Input and output names are part of the action's public contract (action.yml,
// README, users' workflows): they are declared once, here.

export const Input = {
  accountId: 'account-id',
  username: 'username',
  apiToken: 'api-token',
  groupType: 'group-type',
  archive: 'archive',
  changeLog: 'change-log',
  changeLogFile: 'change-log-file',
  expectedSha256: 'expected-sha256',
  ifExists: 'if-exists',
  keepLatest: 'keep-latest',
  minAgeDays: 'min-age-days',
  classifications: 'classifications',
  versionId: 'version-id',
  dryRun: 'dry-run',
  apiUrl: 'api-url',
  requestsPerSecond: 'requests-per-second',
  maxAttempts: 'max-attempts',
  timeoutSeconds: 'timeout-seconds'
} as const

export const Output = {
  versionId: 'version-id',
  displayVersion: 'display-version',
  uploadedDate: 'uploaded-date',
  sha256: 'sha256',
  contentSha256: 'content-sha256',
  versionSha256: 'version-sha256',
  archivePath: 'archive-path',
  uploaded: 'uploaded',
  deletedVersionIds: 'deleted-version-ids',
  skippedVersionIds: 'skipped-version-ids',
  classificationChanges: 'classification-changes'
} as const

export const ACTION_NAME = 'boomi-connector-action'
// Kept in step with package.json by a test.
export const ACTION_VERSION = '1.0.0'
