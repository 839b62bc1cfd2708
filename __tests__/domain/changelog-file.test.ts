import { describe, expect, it } from '@jest/globals'
import { MAX_CHANGE_LOG_FILE_BYTES, headingVersion, pickSection, tagVersion } from '../../src/domain/changelog-file.js'
import { Input } from '../../src/constants.js'
import { InputError } from '../../src/errors.js'

function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('expected an InputError')
}

const keepAChangelog = `# Changelog

All notable changes to this connector are documented here.

## [Unreleased]

- Work in progress

## [1.2.3] - 2026-11-28

### Fixed

- Paging stops at the last page.

## [1.2.2] - 2026-10-01

- First public release.

[Unreleased]: https://github.com/acme/conn/compare/v1.2.3...HEAD
[1.2.3]: https://github.com/acme/conn/compare/v1.2.2...v1.2.3
[1.2.2]: https://github.com/acme/conn/releases/tag/v1.2.2
`

describe('tagVersion', () => {
  it.each([
    ['refs/tags/v1.2.3', '1.2.3'],
    ['refs/tags/1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['1.2.3', '1.2.3'],
    ['V2.0', '2.0'],
    ['1.2.3-rc.1', '1.2.3-rc.1'],
    ['refs/tags/v1.2.3-beta.2+build.7', '1.2.3-beta.2+build.7'],
    ['acme-connector-v1.2.3', '1.2.3'],
    ['release/1.2.3', '1.2.3'],
    ['acme-v1.2.3', '1.2.3'],
    ['my-pkg-v1.2.0', '1.2.0'],
    ['pkg@1.2.3-rc.1', '1.2.3-rc.1'],
    // A pre-release holding `-` and dots is the whole version, not a prefix before a shorter one.
    ['refs/tags/v1.0.0-0.3.7', '1.0.0-0.3.7'],
    ['v2.0.0-rc-1.1', '2.0.0-rc-1.1'],
    ['1.0.0-alpha-1.2', '1.0.0-alpha-1.2'],
    ['refs/heads/main', undefined],
    ['refs/heads/release-1.2.3', undefined],
    ['refs/pull/7/merge', undefined],
    ['main', undefined],
    ['v1', undefined],
    ['', undefined],
    [undefined, undefined],
    [`v${'1.'.repeat(200)}1`, undefined]
  ])('%j → %j', (ref, version) => {
    expect(tagVersion(ref)).toBe(version)
  })
})

describe('headingVersion', () => {
  it.each([
    ['[1.2.3] - 2026-11-28', '1.2.3'],
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['[v1.2.3]', '1.2.3'],
    ['1.2.3 (2026-11-28)', '1.2.3'],
    ['[1.2.3](https://github.com/acme/conn/compare/v1.2.2...v1.2.3) - 2026-11-28', '1.2.3'],
    ['Version 1.2.3-rc.1: the big one', '1.2.3-rc.1'],
    ['[Unreleased]', undefined],
    ['2026-11-28', undefined],
    ['Notes', undefined]
  ])('%j → %j', (heading, version) => {
    expect(headingVersion(heading)).toBe(version)
  })
})

describe('pickSection', () => {
  it.each([
    ['## [1.2.3] - 2026-11-28'],
    ['## 1.2.3'],
    ['## v1.2.3'],
    ['## [v1.2.3]'],
    ['## 1.2.3 (2026-11-28)'],
    ['## [1.2.3](https://github.com/acme/conn/compare/v1.2.2...v1.2.3) - 2026-11-28'],
    ['  ## 1.2.3 ##']
  ])('takes the tag section under %j', heading => {
    const md = `# Changelog\n\n## 1.3.0\n\nNewer\n\n${heading}\n\nThe notes.\n\n## 1.2.2\n\nOlder\n`
    const section = pickSection(md, 'refs/tags/v1.2.3')
    expect(section).toMatchObject({ version: '1.2.3', text: 'The notes.', byTag: true })
  })

  it('takes the tag section from a Keep a Changelog file, without the link definitions', () => {
    expect(pickSection(keepAChangelog, 'refs/tags/v1.2.3')).toEqual({
      heading: '[1.2.3] - 2026-11-28',
      version: '1.2.3',
      text: '### Fixed\n\n- Paging stops at the last page.',
      byTag: true
    })
    expect(pickSection(keepAChangelog, 'v1.2.2').text).toBe('- First public release.')
  })

  it('takes a pre-release section by its tag', () => {
    const md = '## 1.3.0-rc.2\n\nSecond candidate\n\n## 1.3.0-rc.1\n\nFirst candidate\n'
    expect(pickSection(md, 'refs/tags/v1.3.0-rc.1').text).toBe('First candidate')
  })

  it("takes a pre-release's own section, not that of a version its pre-release part ends with", () => {
    const md = '## 2.0.0-rc-1.1\n\nCandidate\n\n## 1.1\n\nOld one-one\n\n## 1.0.0-0.3.7\n\nPre\n\n## 0.3.7\n\nOld\n'
    expect(pickSection(md, 'refs/tags/v1.0.0-0.3.7')).toMatchObject({ version: '1.0.0-0.3.7', text: 'Pre' })
    expect(pickSection(md, 'refs/tags/v2.0.0-rc-1.1')).toMatchObject({ version: '2.0.0-rc-1.1', text: 'Candidate' })
  })

  it('takes the newest released section on a branch run, skipping Unreleased', () => {
    expect(pickSection(keepAChangelog, 'refs/heads/main')).toMatchObject({ version: '1.2.3', byTag: false })
    expect(pickSection(keepAChangelog, undefined)).toMatchObject({ version: '1.2.3', byTag: false })
  })

  it.each(['## Unreleased', '## unreleased', '## [UNRELEASED]', '## Unreleased - 2026-12-01'])('skips %j in any case', heading => {
    expect(pickSection(`${heading}\n\nNot yet\n\n## 0.9.0\n\nReleased\n`, undefined).text).toBe('Released')
  })

  it('refuses a tag no heading names, naming the headings found and the heading to add', () => {
    const err = thrown(() => pickSection(keepAChangelog, 'refs/tags/v9.9.9'))
    expect(err.input).toBe(Input.changeLogFile)
    expect(err.message).toContain('no section for version 9.9.9 of tag refs/tags/v9.9.9')
    expect(err.message).toContain("'## [Unreleased]' (unreleased)")
    expect(err.message).toContain("'## [1.2.3] - 2026-11-28'")
    expect(err.message).toContain("Add a heading '## [9.9.9] - <date>'")
  })

  it('takes the newest section for a tag that names no version', () => {
    expect(pickSection(keepAChangelog, 'refs/tags/nightly')).toMatchObject({ version: '1.2.3', byTag: false })
  })

  it('ignores ## lines inside fenced code', () => {
    const md = '## 2.0.0\n\nUsage:\n\n```md\n## 1.0.0\nnot a heading\n```\n\n~~~~\n## 1.0.0\n~~~\nstill code\n~~~~\n\n## 1.9.0\n\nOlder\n'
    expect(thrown(() => pickSection(md, 'refs/tags/1.0.0')).message).toContain('no section for version 1.0.0')
    expect(pickSection(md, undefined)).toMatchObject({
      version: '2.0.0',
      byTag: false,
      text: 'Usage:\n\n```md\n## 1.0.0\nnot a heading\n```\n\n~~~~\n## 1.0.0\n~~~\nstill code\n~~~~'
    })
  })

  it('keeps ### subsections and ends a section at the next ## or # heading', () => {
    const md = '## 1.1.0\n\n### Added\n\n- a\n\n# Appendix\n\nnot notes\n\n## 1.0.0\n\nb\n'
    expect(pickSection(md, undefined).text).toBe('### Added\n\n- a')
  })

  it('reads CRLF files and a byte-order mark', () => {
    expect(pickSection('\ufeff## 1.0.0\r\n\r\nWindows notes\r\nline two\r\n', 'v1.0.0').text).toBe('Windows notes\nline two')
  })

  it('passes over empty sections for the newest one', () => {
    const md = '## 1.2.0\n\n\n## 1.1.0\n\n[1.1.0]: https://example.com\n\n## 1.0.0\n\nFirst\n'
    expect(pickSection(md, undefined)).toMatchObject({ version: '1.0.0', text: 'First' })
  })

  it("refuses a tag whose own section is empty rather than sending another version's notes", () => {
    const err = thrown(() => pickSection('## 1.2.3\n\n## 1.2.2\n\nOlder\n', 'refs/tags/v1.2.3'))
    expect(err.input).toBe(Input.changeLogFile)
    expect(err.message).toContain("'## 1.2.3'")
    expect(err.message).toContain('empty')
  })

  it('refuses a file with no usable section, naming the headings it saw and the fix', () => {
    const err = thrown(() => pickSection('# Changelog\n\n## [Unreleased]\n\n- soon\n\n## 1.0.0\n\n', 'refs/heads/main'))
    expect(err.input).toBe(Input.changeLogFile)
    expect(err.message).toContain("'## [Unreleased]' (unreleased)")
    expect(err.message).toContain("'## 1.0.0' (empty)")
    expect(err.message).toContain("'## 1.2.3'")
  })

  it('refuses a file without ## headings and names at most five headings', () => {
    expect(thrown(() => pickSection('# Changelog\n\nJust prose.\n', undefined)).message).toContain("no '## ' headings")
    const many = Array.from({ length: 8 }, (_, i) => `## Unreleased ${i}\n\nx\n`).join('\n')
    const message = thrown(() => pickSection(many, undefined)).message
    expect(message.match(/'## /g)).toHaveLength(5 + 1)
    expect(message).toContain('and 3 more')
  })

  it('refuses a file over the size limit, counted in UTF-8 bytes', () => {
    const big = `## 1.0.0\n\n${'é'.repeat(MAX_CHANGE_LOG_FILE_BYTES / 2)}`
    expect(big.length).toBeLessThan(MAX_CHANGE_LOG_FILE_BYTES)
    expect(thrown(() => pickSection(big, undefined)).input).toBe(Input.changeLogFile)
  })

  it('reads a hostile heading line of the largest size allowed without trouble', () => {
    const line = `## ${' '.repeat(MAX_CHANGE_LOG_FILE_BYTES / 2)}x${'# '.repeat(1000)}`
    expect(pickSection(`${line}\n\nbody\n`, undefined).text).toBe('body')
  })
})
