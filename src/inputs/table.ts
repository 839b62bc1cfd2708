// Every input of action.yml, declared once: its kind, its default and the
// example its error message gives. A test compares each default with action.yml.
import { DEFAULT_API_URL } from '../boomi/contract.js'
import { Input } from '../constants.js'
import { MAX_REQUESTS_PER_SECOND, MIN_REQUESTS_PER_SECOND } from '../net/pacer.js'

export type InputKind = 'text' | 'secret' | 'one-of' | 'boolean' | 'whole' | 'decimal' | 'hex' | 'url' | 'list'

export interface InputSpec {
  name: string
  kind: InputKind
  required?: boolean
  /** As in action.yml; '' when the input is optional and empty means "not used". */
  default: string
  /** What the input does, in one line: the command-line tool's --help. */
  meaning: string
  /** What a good value looks like, for the sentence "Expected …". */
  expected: string
  example: string
  choices?: readonly string[]
  min?: number
  max?: number
}

/** Node's timers hold at most 2^31-1 ms (24.8 days). */
export const MAX_TIMEOUT_SECONDS = 2_147_483

export const INPUTS = {
  accountId: {
    name: Input.accountId,
    meaning: 'Boomi account ID (Settings > Account Information)',
    kind: 'text',
    required: true,
    default: '',
    expected: "the account ID shown in Boomi under Settings > Account Information (letters, digits, '.', '_' and '-', at least one letter or digit)",
    example: 'acme-Q7XK2P'
  },
  username: {
    name: Input.username,
    meaning: 'Boomi user name that owns the API token',
    kind: 'text',
    required: true,
    default: '',
    expected: "the Boomi user name the API token belongs to, without ':' or control characters (BOOMI_TOKEN. is added for you)",
    example: 'ci-bot@acme.example'
  },
  apiToken: {
    name: Input.apiToken,
    meaning: 'Boomi API token of that user',
    kind: 'secret',
    required: true,
    default: '',
    expected: 'a Boomi API token from a secret, without control characters',
    example: 'api-token: ${{ secrets.BOOMI_API_TOKEN }}'
  },
  groupType: {
    name: Input.groupType,
    meaning: "connector group type: the Developer tab's Type column without its classification",
    kind: 'text',
    required: true,
    default: '',
    expected: "the Type column of the Developer tab without its classification (no spaces, '/' or control characters)",
    example: 'acme-Q7XK2P-sample'
  },
  archive: {
    name: Input.archive,
    meaning: 'path or glob of the connector archive to upload (exactly one file); empty: no upload',
    kind: 'text',
    default: '',
    expected: 'a path or glob relative to the workspace',
    example: 'build/distributions/*.car.zip'
  },
  changeLog: {
    name: Input.changeLog,
    meaning: "text of the new version's change log; empty: a line made from the CI run",
    kind: 'text',
    default: '',
    expected: 'the text of the change log',
    example: 'Fixes paging'
  },
  changeLogFile: {
    name: Input.changeLogFile,
    meaning: 'Markdown changelog whose section for the released version becomes the change log',
    kind: 'text',
    default: '',
    expected: 'a Markdown changelog in the workspace',
    example: 'CHANGELOG.md'
  },
  expectedSha256: {
    name: Input.expectedSha256,
    meaning: 'refuse to upload unless the archive has this sha256',
    kind: 'hex',
    default: '',
    expected: "64 hexadecimal characters, the first field of 'sha256sum <archive>'",
    example: 'expected-sha256: ${{ needs.build.outputs.sha256 }}'
  },
  ifExists: {
    name: Input.ifExists,
    meaning: 'when the group already has this archive: skip (reuse it), fail, or upload anyway',
    kind: 'one-of',
    default: 'skip',
    expected: 'one of: skip (reuse the existing version), fail, upload',
    example: 'skip',
    choices: ['skip', 'fail', 'upload']
  },
  keepLatest: {
    name: Input.keepLatest,
    meaning: 'after the upload, prune the group down to this many newest versions; empty: no pruning',
    kind: 'whole',
    default: '',
    expected: 'a whole number of versions to keep, at least 1',
    example: 'keep-latest: 20',
    min: 1
  },
  minAgeDays: {
    name: Input.minAgeDays,
    meaning: 'with keep-latest: never delete a version younger than this many days',
    kind: 'decimal',
    default: '',
    expected: 'a number of days, 0 or more',
    example: 'min-age-days: 30',
    min: 0
  },
  classifications: {
    name: Input.classifications,
    meaning: "classifications to switch to this run's version, e.g. dev, uat",
    kind: 'list',
    default: '',
    expected: 'classification labels separated by commas or new lines, each without spaces and given once',
    example: 'classifications: dev, uat'
  },
  versionId: {
    name: Input.versionId,
    meaning: 'with classifications: switch them to this uploaded version instead of uploading',
    kind: 'text',
    default: '',
    expected: 'the ID of an uploaded version of the group',
    example: "version-id: '1042'"
  },
  dryRun: {
    name: Input.dryRun,
    meaning: 'read, plan and report, but never upload, delete or switch',
    kind: 'boolean',
    default: 'false',
    expected: 'true or false',
    example: 'dry-run: true'
  },
  apiUrl: {
    name: Input.apiUrl,
    meaning: 'Boomi API host (the path prefix is found), or host with prefix (used as given)',
    kind: 'url',
    default: DEFAULT_API_URL,
    expected:
      'an absolute URL: a host alone (the path prefix is then found) or a host with its path prefix, using https (plain http only on loopback), without query or fragment',
    example: DEFAULT_API_URL
  },
  requestsPerSecond: {
    name: Input.requestsPerSecond,
    meaning: 'ceiling on the request rate; the rate adapts below it when Boomi throttles',
    kind: 'decimal',
    default: '5',
    expected: `a number from ${MIN_REQUESTS_PER_SECOND} to ${MAX_REQUESTS_PER_SECOND} (Boomi allows about 10 requests a second per account)`,
    example: '5',
    min: MIN_REQUESTS_PER_SECOND,
    max: MAX_REQUESTS_PER_SECOND
  },
  maxAttempts: {
    name: Input.maxAttempts,
    meaning: 'tries of one request on a 5xx or a network error',
    kind: 'whole',
    default: '5',
    expected: 'a whole number of tries, at least 1 (1 means no retries)',
    example: '5',
    min: 1
  },
  timeoutSeconds: {
    name: Input.timeoutSeconds,
    meaning: 'limit for one request, in seconds',
    kind: 'decimal',
    default: '300',
    expected: `a number of seconds from 0.001 to ${MAX_TIMEOUT_SECONDS}`,
    example: '300',
    min: 0.001,
    max: MAX_TIMEOUT_SECONDS
  }
} as const satisfies Record<string, InputSpec>
