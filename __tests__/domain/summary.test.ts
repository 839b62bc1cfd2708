// The job summary (src/domain/summary.ts): what its Result row says of a run that
// never meant to upload, the title of the release notes in a dry run, and its size,
// which GitHub bounds at 1 MiB (a larger summary is dropped whole).
import { describe, expect, it } from '@jest/globals'
import { MAX_DESCRIBING_LENGTH } from '../../src/boomi/answers.js'
import { MAX_LISTED_VERSIONS, MAX_VERSION_ID_LENGTH } from '../../src/boomi/contract.js'
import type { ApiContact } from '../../src/domain/contact.js'
import { outputsOf } from '../../src/domain/outputs.js'
import type { PlannedVersion } from '../../src/domain/plan.js'
import type { RunRecord } from '../../src/domain/record.js'
import { renderSummary } from '../../src/domain/summary.js'
import { MAX_MD_BLOCK, MAX_MD_TEXT } from '../../src/domain/untrusted.js'
import type { ConnectorVersion } from '../../src/domain/versions.js'
import type { Inputs } from '../../src/inputs/read.js'
import { FakeBoomi, GROUP, makeInputs, runFake, useWorkspace } from '../helpers/fake-run.js'

const ws = useWorkspace()

/** A run as the core runs it: the API contact is in the record once a request was made, as core/run.ts reports it. */
async function summaryOf(boomi: FakeBoomi, inputs: Partial<Inputs>): Promise<string> {
  let contacted = false
  const contact: ApiContact = { apiUrl: 'https://api.boomi.com/api/rest/v1', found: false, refused: [], notices: [] }
  const run = await runFake(boomi, makeInputs(inputs), ws.dir, {
    client: async () => ((contacted = true), boomi),
    apiContact: () => (contacted ? contact : undefined)
  })
  return renderSummary(run.record)
}

/** The Result row's text, Markdown escapes undone. */
const result = (md: string): string | undefined => /^\| Result \| (.*) \|$/m.exec(md)?.[1].replace(/\\(.)/g, '$1')

describe('the Result row of a run that failed', () => {
  it.each([
    ['prune only, the listing refused', { archive: undefined, keepLatest: 1 }, (b: FakeBoomi) => void (b.listFailures = [401])],
    ['prune only, a deletion failed', { archive: undefined, keepLatest: 1 }, (b: FakeBoomi) => void (b.deleteFailAfter = { count: 0, status: 500 })],
    ['version-id not a version of the group', { archive: undefined, versionId: '9999', classifications: ['prod'] }, () => undefined],
    ['version-id, the listing refused', { archive: undefined, versionId: '1001', classifications: ['prod'] }, (b: FakeBoomi) => void (b.listFailures = [401])],
    [
      'version-id, a change-log-file outside the workspace (before any request)',
      { archive: undefined, versionId: '1001', classifications: ['prod'], changeLogFile: '../../etc/passwd' },
      () => undefined
    ]
  ])('%s: no upload was meant, and it says so', async (_case, inputs, setup) => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    setup(boomi)
    const md = await summaryOf(boomi, inputs)
    expect(md).toMatch(/> \*\*Failed:\*\* /)
    expect(result(md)).toBe('No upload: no archive given')
  })

  it('an archive that was not found: the run meant to upload and stopped before it', async () => {
    const md = await summaryOf(new FakeBoomi(), { archive: 'missing.car.zip', keepLatest: 1 })
    expect(result(md)).toBe('Not uploaded: the run stopped before the upload')
  })

  it('an archive checked, then the listing refused: stopped before the upload', async () => {
    const boomi = new FakeBoomi()
    boomi.listFailures = [401]
    expect(result(await summaryOf(boomi, {}))).toBe('Not uploaded: the run stopped before the upload')
  })

  it('prune only, and it went well', async () => {
    const boomi = new FakeBoomi()
    boomi.seed(3)
    expect(result(await summaryOf(boomi, { archive: undefined, keepLatest: 1 }))).toBe('No upload (prune only)')
  })
})

describe('the release notes', () => {
  it('a dry run shows the notes that would be sent, a real run the notes sent', async () => {
    const dry = await summaryOf(new FakeBoomi(), { changeLog: 'Notes', classifications: ['uat'], dryRun: true })
    expect(dry).toContain('<summary>Release notes that would be sent</summary>')
    expect(dry).not.toContain('<summary>Release notes sent</summary>')
    const real = await summaryOf(new FakeBoomi(), { changeLog: 'Notes', classifications: ['uat'] })
    expect(real).toContain('<summary>Release notes sent</summary>')
  })
})

describe('the size of the summary', () => {
  // Each escapes to the most: `"` is `&quot;` in text, `|` takes a backslash in code.
  const hostile = (n: number): string => '"|'.repeat(n).slice(0, n)
  const version = (i: number): ConnectorVersion => ({
    versionId: `${i}${hostile(MAX_VERSION_ID_LENGTH)}`.slice(0, MAX_VERSION_ID_LENGTH),
    groupType: GROUP,
    displayVersion: hostile(MAX_DESCRIBING_LENGTH),
    uploadedDate: '2026-01-01T00:00:00.000+00:00',
    uploadedBy: hostile(MAX_DESCRIBING_LENGTH),
    changeLog: hostile(MAX_MD_BLOCK),
    deleted: false,
    releaseVersion: false
  })
  const planned = (i: number): PlannedVersion => ({ version: version(i), reason: hostile(2 * MAX_MD_TEXT) })
  const third = MAX_LISTED_VERSIONS / 3
  const ids = (from: number): number[] => Array.from({ length: third }, (_, i) => from + i)

  /** The largest record the readers allow: the most versions, every describing field at its longest and most escaped. */
  const worst: RunRecord = {
    groupType: hostile(200),
    dryRun: false,
    error: hostile(20 * MAX_MD_TEXT),
    archive: {
      path: '/w/a.car.zip',
      shownPath: hostile(4096),
      fileName: 'a.car.zip',
      size: 1,
      sha256: 'a'.repeat(64),
      contentSha256: 'c'.repeat(64),
      connector: { className: hostile(256), sdkApiVersion: hostile(256) },
      layoutWarnings: []
    },
    changeLog: { text: '\u0001'.repeat(20 * MAX_MD_BLOCK), source: 'file', section: hostile(1000) },
    upload: { kind: 'uploaded', version: version(0), changeLog: '\u0001'.repeat(20 * MAX_MD_BLOCK), removedTwins: [], strayTwins: [] },
    switches: Array.from({ length: 10 }, (_, i) => ({
      classificationType: `${GROUP}-${i}`,
      versionId: version(0).versionId,
      reviewStatus: '',
      error: hostile(2 * MAX_MD_TEXT),
      reviewReason: hostile(2 * MAX_MD_TEXT)
    })),
    prune: { keepLatest: 1, kept: 1 },
    pruning: {
      deleted: ids(0).map(planned),
      skipped: ids(third).map(planned),
      failed: ids(2 * third).map(i => ({ version: version(i), error: hostile(2 * MAX_MD_TEXT) })),
      notTried: [],
      unknown: []
    },
    unknown: [],
    api: {
      apiUrl: 'https://api.boomi.com/api/rest/v1',
      found: true,
      refused: [],
      notices: Array.from({ length: 8 }, (_, i) => ({ operation: 'query', header: `Warning-${i}`, value: hostile(300) }))
    }
  }

  it('stays well under the 1 MiB GitHub accepts, with every version listed in the outputs', () => {
    const md = renderSummary(worst)
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(512 * 1024)
    expect(JSON.parse(outputsOf(worst)['deleted-version-ids'])).toHaveLength(third)
    expect(JSON.parse(outputsOf(worst)['skipped-version-ids'])).toHaveLength(third)
  })

  it('the pruning table shows at most 200 rows, then how many more the log names', () => {
    const plain = (i: number): PlannedVersion => ({
      version: { versionId: String(1000 + i), displayVersion: `1.${i}`, uploadedDate: '2026-01-01T00:00:00Z', deleted: false, releaseVersion: false },
      reason: 'older than the newest 1'
    })
    const record: RunRecord = {
      groupType: GROUP,
      dryRun: false,
      prune: { keepLatest: 1, kept: 1 },
      pruning: { deleted: ids(0).map(plain), skipped: [], failed: [], notTried: [], unknown: [] }
    }
    const rows = renderSummary(record)
      .split('\n')
      .filter(line => /^\| `\d+` \|/.test(line))
    expect(rows).toHaveLength(200)
    expect(renderSummary(record)).toContain(`| … and ${third - 200} more: see the log | | | | |`)
    expect(JSON.parse(outputsOf(record)['deleted-version-ids'])).toHaveLength(third)
  })

  it('the classifications table is capped the same way: nothing bounds how many labels are given', () => {
    const record: RunRecord = {
      groupType: GROUP,
      dryRun: false,
      switches: Array.from({ length: 5000 }, (_, i) => ({ classificationType: `${GROUP}-c${i}`, versionId: '1001', reviewStatus: 'APPROVED' }))
    }
    const md = renderSummary(record)
    expect(md.split('\n').filter(line => line.startsWith(`| \`${GROUP}-c`))).toHaveLength(200)
    expect(md).toContain('| … and 4800 more: see the log | | | |')
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(128 * 1024)
  })
})

describe('second copies of the upload', () => {
  it('names those deleted and those left, twenty of each at most, and nothing when there were none', async () => {
    const bare = await summaryOf(new FakeBoomi(), {})
    expect(bare).not.toContain('Second copies')
    const run = await runFake(new FakeBoomi(), makeInputs(), ws.dir)
    const upload = run.record.upload
    if (upload?.kind !== 'uploaded') throw new Error('no upload')
    const twin = (id: number): ConnectorVersion => ({ ...upload.version, versionId: String(id) })
    const md = renderSummary({
      ...run.record,
      upload: { ...upload, removedTwins: Array.from({ length: 25 }, (_, i) => twin(3000 + i)), strayTwins: [twin(4000)] }
    })
    const listed = Array.from({ length: 20 }, (_, i) => 3000 + i).join(', ')
    expect(md).toContain(
      `| Second copies | deleted ${listed} and 5 more; left, delete them in the Developer tab: 4000 (made by upload attempts whose answers were lost) |`
    )
    expect(JSON.parse(outputsOf({ ...run.record, upload: { ...upload, removedTwins: [twin(3001), twin(3000)] } })['deleted-version-ids'])).toEqual([
      '3001',
      '3000'
    ])
  })
})
