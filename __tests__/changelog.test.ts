import { describe, expect, it } from '@jest/globals'
import { buildChangeLog, checksumLine, defaultChangeLog, hasChecksumLine } from '../src/domain/changelog.js'
import { parseErrorMessage } from '../src/boomi/client.js'
import { isVersionLimitRefusal } from '../src/boomi/contract.js'
import { renderSummary } from '../src/domain/summary.js'
import { ACTION_VERSION } from '../src/constants.js'
import { readFileSync } from 'node:fs'

const sha = 'AB'.repeat(32)

describe('change log', () => {
  it('ends with a blank line and the lower-case checksum line', () => {
    expect(buildChangeLog('Fix paging\n\n', sha)).toBe(`Fix paging\n\nsha256: ${'ab'.repeat(32)}`)
    expect(checksumLine(sha)).toBe(`sha256: ${'ab'.repeat(32)}`)
    expect(hasChecksumLine(buildChangeLog('x', sha), sha)).toBe(true)
    expect(hasChecksumLine(`x sha256: ${'ab'.repeat(32)}`, sha)).toBe(false)
  })

  it('makes a default line from the workflow run', () => {
    expect(defaultChangeLog({ repository: 'acme/conn', refName: 'v1.4.0', sha: '3f2c1ab9d0e', runUrl: 'https://github.com/acme/conn/actions/runs/42' })).toBe(
      'Released from acme/conn v1.4.0 (3f2c1ab), https://github.com/acme/conn/actions/runs/42'
    )
    expect(defaultChangeLog({})).toBe('Released by boomi-connector-action')
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
})

describe('summary', () => {
  it('escapes table cells and shows pruning decisions', () => {
    const md = renderSummary({
      groupType: 'g',
      dryRun: true,
      outcome: 'would-upload',
      archive: { fileName: 'a|b.zip', size: 2048, sha256: 'ab'.repeat(32) },
      prune: {
        keepLatest: 2,
        kept: 2,
        deleted: [{ version: { versionId: '7', displayVersion: '3' }, reason: 'older' }],
        skipped: [{ version: { versionId: '8' }, reason: 'review status PENDING' }],
        failed: []
      }
    })
    expect(md).toContain('a\\|b.zip')
    expect(md).toContain('(dry run)')
    expect(md).toMatch(/\| `7` \| 3 \| – \| would delete \| older \|/)
    expect(md).toMatch(/\| `8` \| – \| – \| skipped \| review status PENDING \|/)
  })
})

it('ACTION_VERSION follows package.json', () => {
  expect(ACTION_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
})

describe('version-limit refusal (src/boomi-contract.ts)', () => {
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
