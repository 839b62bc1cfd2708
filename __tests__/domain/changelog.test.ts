import { describe, expect, it } from '@jest/globals'
import {
  CUT_MARKER,
  buildChangeLog,
  carriesUploadId,
  defaultChangeLog,
  matchKind,
  releaseNotes,
  storedSha256,
  withoutTrailerLines
} from '../../src/domain/changelog.js'
import { parseErrorMessage } from '../../src/boomi/client.js'
import { MAX_CHANGE_LOG_TEXT, isVersionLimitRefusal } from '../../src/boomi/contract.js'
import { renderSummary } from '../../src/domain/summary.js'
import type { ConnectorVersion } from '../../src/domain/versions.js'
import { ACTION_VERSION } from '../../src/constants.js'
import { readFileSync } from 'node:fs'

const sha = 'AB'.repeat(32)
const content = 'CD'.repeat(32)
const shaLine = `sha256: ${'ab'.repeat(32)}`
const contentLine = `content-sha256: ${'cd'.repeat(32)}`
const uid = '0123456789abcdef'
const idLine = `upload-id: ${uid}`

describe('buildChangeLog', () => {
  it("ends with a blank line, the run's upload-id line, the content line, and the lower-case sha256 line last", () => {
    expect(buildChangeLog('Fix paging\n\n', { sha256: sha, contentSha256: content }, uid)).toBe(`Fix paging\n\n${idLine}\n${contentLine}\n${shaLine}`)
  })

  it('carries the upload-id and sha256 lines when no content digest is known', () => {
    expect(buildChangeLog('Fix paging  \t\n', { sha256: sha }, uid)).toBe(`Fix paging\n\n${idLine}\n${shaLine}`)
  })

  it('is the trailer alone when the text is blank', () => {
    expect(buildChangeLog(' \n\n', { sha256: sha, contentSha256: content }, uid)).toBe(`${idLine}\n${contentLine}\n${shaLine}`)
  })

  it('keeps a text of exactly the limit whole', () => {
    const text = 'x'.repeat(MAX_CHANGE_LOG_TEXT)
    expect(buildChangeLog(text, { sha256: sha }, uid)).toBe(`${text}\n\n${idLine}\n${shaLine}`)
  })

  it.each(['0123456789ABCDEF', '0123456789abcde', '0123456789abcdef0', '0123456789abcdeg', ' 0123456789abcdef', ''])(
    'refuses an upload ID that is not 16 lower-case hex: %j',
    bad => {
      expect(() => buildChangeLog('notes', { sha256: sha }, bad)).toThrow('upload ID not 16 lower-case hex')
    }
  )

  it("tells this run's copies by the upload-id line, and no other", () => {
    const log = buildChangeLog('notes', { sha256: sha }, uid)
    expect(carriesUploadId(log, uid)).toBe(true)
    expect(carriesUploadId(log, 'fedcba9876543210')).toBe(false)
    expect(carriesUploadId(`notes\n\n  ${idLine}\t\r\n${shaLine}`, uid)).toBe(true)
    expect(carriesUploadId(`notes ${idLine}\n${shaLine}`, uid)).toBe(false)
    expect(carriesUploadId(`notes\n\n${shaLine}`, uid)).toBe(false)
    expect(carriesUploadId(undefined, uid)).toBe(false)
    expect(carriesUploadId('', uid)).toBe(false)
  })

  it('cuts a long text to the limit with a marker, and never the trailer', () => {
    const text = 'line of notes\n'.repeat(1000)
    const log = buildChangeLog(text, { sha256: sha, contentSha256: content }, uid)
    const notes = releaseNotes(log)
    expect(notes.length).toBeLessThanOrEqual(MAX_CHANGE_LOG_TEXT)
    expect(notes.endsWith(CUT_MARKER)).toBe(true)
    expect(text.startsWith(notes.slice(0, -CUT_MARKER.length))).toBe(true)
    expect(log.endsWith(`\n\n${idLine}\n${contentLine}\n${shaLine}`)).toBe(true)
    expect(matchKind(log, { sha256: sha })).toBe('sha256')
  })

  it('fills the limit exactly: the text cut, its trailing white space dropped, then the marker', () => {
    const marker = `\n… (cut: the text was longer than ${MAX_CHANGE_LOG_TEXT} characters)`
    const room = MAX_CHANGE_LOG_TEXT - marker.length
    expect(releaseNotes(buildChangeLog('a'.repeat(5000), { sha256: sha }, uid))).toBe('a'.repeat(room) + marker)
    // The cut falls inside a run of spaces: all of them go, not just the last one.
    const spaced = `${'b'.repeat(room - 3)}   \t${'c'.repeat(2000)}`
    expect(releaseNotes(buildChangeLog(spaced, { sha256: sha }, uid))).toBe('b'.repeat(room - 3) + marker)
  })

  it('does not split a surrogate pair at the cut', () => {
    const text = '😀'.repeat(MAX_CHANGE_LOG_TEXT)
    const notes = releaseNotes(buildChangeLog(text, { sha256: sha }, uid))
    const kept = notes.slice(0, -CUT_MARKER.length)
    expect(kept.length % 2).toBe(0)
    expect(kept).toBe('😀'.repeat(kept.length / 2))
    expect(notes.length).toBeLessThanOrEqual(MAX_CHANGE_LOG_TEXT)
  })
})

describe("withoutTrailerLines: the user's text never carries a line a later run would read as a trailer", () => {
  const hex = 'ab'.repeat(32)
  it('drops exactly the digest lines, whatever their spacing or case, and keeps every other line as a line', () => {
    const text = [
      'Fix paging',
      `sha256: ${hex}`,
      `see sha256: ${hex}`,
      `sha256: ${hex} (from v1.2)`,
      `  Content-SHA256:${hex.toUpperCase()} \t`,
      `sha256: ${hex}0`,
      'Done'
    ].join('\r\n')
    expect(withoutTrailerLines(text)).toEqual({
      text: ['Fix paging', `see sha256: ${hex}`, `sha256: ${hex} (from v1.2)`, `sha256: ${hex}0`, 'Done'].join('\n'),
      dropped: [`sha256: ${hex}`, `Content-SHA256:${hex.toUpperCase()}`]
    })
  })

  it('drops upload-id lines too (any case or spacing), but not one whose ID is not 16 hex', () => {
    const text = ['Fix paging', `upload-id: ${uid}`, ` Upload-ID:${uid.toUpperCase()}`, `upload-id: ${uid}0`, `upload-id: ${uid.slice(1)}`, 'Done'].join('\n')
    expect(withoutTrailerLines(text)).toEqual({
      text: ['Fix paging', `upload-id: ${uid}0`, `upload-id: ${uid.slice(1)}`, 'Done'].join('\n'),
      dropped: [`upload-id: ${uid}`, `Upload-ID:${uid.toUpperCase()}`]
    })
  })

  it('leaves a text without such lines exactly as it was', () => {
    const text = 'Fix paging\r\n\r\nsha256 now shown  '
    expect(withoutTrailerLines(text)).toEqual({ text, dropped: [] })
  })

  it('release notes lose the trailer also when Boomi gives the change log back with line breaks after it', () => {
    const log = buildChangeLog('Fix paging', { sha256: hex, contentSha256: 'c'.repeat(64) }, uid)
    expect(releaseNotes(`${log}\n`)).toBe('Fix paging')
    expect(releaseNotes(`${log}\r\n\r\n`)).toBe('Fix paging')
    expect(releaseNotes(log)).toBe('Fix paging')
  })

  it('keeps the notes around a dropped line in the change log, and the true trailer alone is read', () => {
    const other = 'ef'.repeat(32)
    const log = buildChangeLog(`Fix paging\nsha256: ${other}\nDone`, { sha256: hex }, uid)
    expect(releaseNotes(log)).toBe('Fix paging\nDone')
    expect(matchKind(log, { sha256: other })).toBeUndefined()
    expect(storedSha256(log)).toBe(hex)
  })
})

describe('storedSha256: which archive a version holds, from its last line', () => {
  const a = 'a'.repeat(64)
  it.each([
    ['our trailer', buildChangeLog('notes', { sha256: a, contentSha256: 'c'.repeat(64) }, uid), a],
    ['upper-case hex, trailing blank lines', `x\n\nsha256: ${a.toUpperCase()}\n\n`, a],
    ['only the sha256 line (older uploads)', `sha256: ${a}`, a],
    ['a sha256 line that is not last', `sha256: ${a}\nmore text`, undefined],
    ['a content line last', `sha256: ${a}\ncontent-sha256: ${a}`, undefined],
    ['a short hex', 'sha256: abc', undefined],
    ['a last line with more after the digest', `x\n\nsha256: ${a}0`, undefined],
    ['a last line with a note after the digest', `x\n\nsha256: ${a} (v1.2)`, undefined],
    ['a last line padded with white space', `x\n\n \tsha256: ${a}  `, a],
    ['lines of white space after the trailer', `x\n\nsha256: ${a}\n  \n\t\n`, a],
    ['no change log', undefined, undefined]
  ])('%s', (_name, changeLog, expected) => {
    expect(storedSha256(changeLog)).toBe(expected)
  })
})

describe('matchKind', () => {
  const ids = { sha256: sha, contentSha256: content }

  it.each([
    ['both lines', `notes\n\n${contentLine}\n${shaLine}`, 'sha256'],
    ['only the sha256 line (an upload from before content digests)', `notes\n\n${shaLine}`, 'sha256'],
    ['only the content line (a rebuild)', `notes\n\ncontent-sha256: ${'cd'.repeat(32)}\nsha256: ${'ef'.repeat(32)}`, 'content-sha256'],
    ['lines with CRLF and padding', `notes\r\n\r\n  ${contentLine} \r\n\t${shaLine}\r\n`, 'sha256'],
    ['a line in upper case as stored by hand', `notes\n\nsha256: ${sha}`, undefined],
    ['the digest inside a longer line', `x ${shaLine}`, undefined],
    ['the content digest under the sha256 name', `notes\n\nsha256: ${'cd'.repeat(32)}`, undefined],
    ['another archive', `notes\n\nsha256: ${'00'.repeat(32)}`, undefined],
    ['no change log', undefined, undefined]
  ])('%s', (_name, log, expected) => {
    expect(matchKind(log, ids)).toBe(expected)
  })

  it('matches by sha256 only when no content digest is known', () => {
    expect(matchKind(`${contentLine}\n${shaLine}`, { sha256: sha })).toBe('sha256')
    expect(matchKind(`${contentLine}\nsha256: ${'00'.repeat(32)}`, { sha256: sha })).toBeUndefined()
  })
})

describe('releaseNotes', () => {
  it.each([
    ['Fix paging', 'Fix paging'],
    ['## 1.2.3\n\n- Fix paging\n- sha256 now shown\n', '## 1.2.3\n\n- Fix paging\n- sha256 now shown'],
    ['', '']
  ])('round-trips %j', (text, notes) => {
    expect(releaseNotes(buildChangeLog(text, { sha256: sha, contentSha256: content }, uid))).toBe(notes)
    expect(releaseNotes(buildChangeLog(text, { sha256: sha }, uid))).toBe(notes)
  })

  it.each([
    ['a padded trailer and a blank line of spaces before it', `notes\n \t\n  ${contentLine} \n\t${shaLine}\t`, 'notes'],
    ['a checksum inside a longer last line', `notes\n\nsee ${shaLine}`, `notes\n\nsee ${shaLine}`],
    ['a checksum line with more after the digest', `notes\n\n${shaLine}0`, `notes\n\n${shaLine}0`],
    ['an upload-id line before the digests', `notes\n\n${idLine}\n${contentLine}\n${shaLine}`, 'notes'],
    ['an upload-id line with a short ID', `notes\n\nupload-id: ${uid.slice(1)}\n${shaLine}`, `notes\n\nupload-id: ${uid.slice(1)}`]
  ])('reads %s', (_name, log, notes) => {
    expect(releaseNotes(log)).toBe(notes)
  })

  it('leaves a log without a trailer as it is', () => {
    expect(releaseNotes('Uploaded by hand\n\nsee sha256 below')).toBe('Uploaded by hand\n\nsee sha256 below')
  })
})

describe('defaultChangeLog', () => {
  it('makes a default line from the workflow run', () => {
    expect(defaultChangeLog({ repository: 'acme/conn', refName: 'v1.4.0', sha: '3f2c1ab9d0e', runUrl: 'https://github.com/acme/conn/actions/runs/42' })).toBe(
      'Released from acme/conn v1.4.0 (3f2c1ab), https://github.com/acme/conn/actions/runs/42'
    )
    expect(defaultChangeLog({})).toBe('Released by boomi-connector-action')
  })

  it('a commit alone (no repository, no branch) is named as a commit, not in empty brackets', () => {
    expect(defaultChangeLog({ sha: '3f2c1ab9d0e', runUrl: 'https://ci.example/job/7' })).toBe('Released from commit 3f2c1ab, https://ci.example/job/7')
    expect(defaultChangeLog({ refName: 'main', sha: '3f2c1ab9d0e' })).toBe('Released from main (3f2c1ab)')
  })
})

describe('parseErrorMessage', () => {
  it.each([
    ['{"message":"Bad groupType"}', 'application/json', 'Bad groupType'],
    ['{"error":{"message":"Nested reason"}}', 'application/json', 'Nested reason'],
    ['{"@type":"Error","message":"Typed reason","statusCode":"400"}', 'application/json', 'Typed reason'],
    ['<?xml version="1.0"?><error><message>Xml &amp; reason</message></error>', 'application/xml', 'Xml & reason'],
    ['<html><body>Gateway Timeout</body></html>', 'text/html', '<html><body>Gateway Timeout</body></html>'],
    ['plain   text\nhere', 'text/plain', 'plain text here'],
    ['', 'text/plain', '']
  ])('reads %s', (body, type, expected) => {
    expect(parseErrorMessage(body, type)).toBe(expected)
  })

  it('takes the first <message> and the first close after it, any case, else the whole body', () => {
    expect(parseErrorMessage('<error><MESSAGE>first</Message><message>second</message></error>')).toBe('first')
    expect(parseErrorMessage('<error><message><![CDATA[a <b> c]]></message></error>')).toBe('a <b> c')
    expect(parseErrorMessage('<error><message>never closed</error>')).toBe('<error><message>never closed</error>')
  })

  it('reads an answer of many <message> openings and no close at once, not in time that grows with their number times its size', () => {
    // 150,000 openings (1.35 MB): the lazy pattern it replaced rescanned to the end from each, 3 s for 50,000 and 25 s for
    // these under Jest (an answer may be 16 MiB), blocking the event loop, so no timeout or cancel could act. Found in linear time, it takes
    // milliseconds. A liveness bound with a margin of about a thousand, not a speed measurement: Jest's timeout cannot
    // interrupt a synchronous call, so the time is read here.
    const body = '<message>'.repeat(150_000)
    const started = performance.now()
    expect(parseErrorMessage(body, 'text/xml')).toBe(body)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('summary', () => {
  const version = (v: Partial<ConnectorVersion> & { versionId: string }): ConnectorVersion => ({ deleted: false, releaseVersion: false, ...v })

  it('escapes table cells and shows pruning decisions', () => {
    const md = renderSummary({
      groupType: 'g',
      dryRun: true,
      archive: {
        path: '/w/a|b.zip',
        shownPath: 'a|b.zip',
        fileName: 'a|b.zip',
        size: 2048,
        sha256: 'ab'.repeat(32),
        contentSha256: 'cd'.repeat(32),
        connector: {},
        layoutWarnings: []
      },
      upload: { kind: 'would-upload', changeLog: 'x' },
      prune: { keepLatest: 2, kept: 2 },
      pruning: {
        deleted: [{ version: version({ versionId: '7', displayVersion: '3' }), reason: 'older' }],
        skipped: [{ version: version({ versionId: '8' }), reason: 'review status PENDING' }],
        failed: [],
        notTried: [],
        unknown: []
      }
    })
    expect(md).toContain('a\\|b.zip')
    expect(md).not.toMatch(/[^\\]\|b\.zip/)
    expect(md).toContain('(dry run)')
    expect(md).toMatch(/\| `7` \| 3 \| – \| would delete \| older \|/)
    expect(md).toMatch(/\| `8` \| – \| – \| skipped \| review status PENDING \|/)
  })
})

it('ACTION_VERSION follows package.json', () => {
  expect(ACTION_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
})

describe('version-limit refusal (src/boomi/contract.ts)', () => {
  it.each([
    [400, 'The account has reached the maximum of 1500 connector versions. Delete unused connector versions and try again.', true],
    [409, 'Connector versions limit reached for this account', true],
    [400, 'The connector version archive exceeds the maximum size of 40 MB.', false],
    [413, 'Connector versions are limited to a maximum of 40MB.', false],
    [400, 'Maximum upload for connector versions is 40MB', false],
    [400, 'Invalid connector descriptor', false],
    [503, 'The account has reached the maximum of 1500 connector versions.', false]
  ])('%i %s → %s', (status, message, expected) => {
    expect(isVersionLimitRefusal(status, message)).toBe(expected)
  })
})
