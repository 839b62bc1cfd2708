import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  LOG_LINE_GUARD,
  MASK,
  MAX_MD_TEXT,
  MIN_SECRET_FRAGMENT,
  cut,
  forLog,
  mdBlock,
  mdCode,
  mdText,
  scrubSecrets,
  secretForms
} from '../../src/domain/untrusted.js'

// How actions/runner reads a line of output (src/Runner.Common/ActionCommand.cs):
// TryParseV2 wants `::` after TrimStart(); TryParse (v1) finds `##[` anywhere.
// Lines end at \n, \r or \r\n; this check also breaks at U+2028/2029/0085 and
// trims every Unicode space, to be stricter than the runner.
function commandLines(log: string): string[] {
  return log
    .split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
    .filter(line => line.replace(/^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]+/, '').startsWith('::') || line.includes('##['))
}

describe('forLog', () => {
  it.each([
    ['\n::stop-commands::x'],
    ['\r::add-mask::y'],
    ['\r\n::set-output name=a::b'],
    ['\n##[set-output name=a]b'],
    ['message ##[warning]inline v1 command'],
    ['::warning::at the start'],
    ['   \t::error::after spaces'],
    ['\u00a0\u2003\u3000::debug::after Unicode spaces'],
    ['\ufeff\u200b::notice::after zero-width characters'],
    ['ok\u2028::group::after a line separator'],
    ['ok\u0085::endgroup::after NEL'],
    ['\u000b\u000c::error::after a vertical tab and a form feed']
  ])('neutralises %j', text => {
    expect(commandLines(text).length).toBeGreaterThan(0)
    const logged = forLog(text)
    expect(commandLines(logged)).toEqual([])
    expect(logged).toMatch(/::|## \[/)
  })

  // The command-line tool runs on Azure Pipelines, whose agent finds `##vso[` anywhere in a line (its
  // logging commands set variables and paths), and could run on TeamCity (`##teamcity[`).
  it.each([
    [
      'Boomi said: ##vso[task.setvariable variable=BOOMI_API_URL]https://evil.example',
      'Boomi said: ##vso [task.setvariable variable=BOOMI_API_URL]https://evil.example'
    ],
    ['##VSO[task.prependpath]/tmp/x', '##VSO [task.prependpath]/tmp/x'],
    ["x ##teamcity[setParameter name='a' value='b']", "x ##teamcity [setParameter name='a' value='b']"],
    ['##[section]and ##vso[task.complete result=Succeeded]', '## [section]and ##vso [task.complete result=Succeeded]']
  ])("breaks other CIs' in-line commands: %j", (text, logged) => {
    expect(forLog(text)).toBe(logged)
    expect(forLog(text)).not.toMatch(/##(vso|teamcity)?\[/i)
  })

  it('keeps the text readable: a guard in front, the rest as it was', () => {
    expect(forLog('Boomi said:\n::stop-commands::x')).toBe(`Boomi said:\n${LOG_LINE_GUARD}::stop-commands::x`)
    expect(forLog('a\r::add-mask::y')).toBe(`a\n${LOG_LINE_GUARD}::add-mask::y`)
    expect(forLog('see ##[group]x')).toBe('see ## [group]x')
  })

  it('leaves ordinary text alone', () => {
    for (const text of ['Upload failed: HTTP 503: busy', 'a::b in the middle', 'tabs\tand\nnewlines', '# heading', 'ünïcödé 😀']) {
      expect(forLog(text)).toBe(text)
    }
  })

  it('shows control characters as \\uXXXX', () => {
    expect(forLog('bell\u0007 esc\u001b[31m nul\u0000 del\u007f c1\u009b')).toBe('bell\\u0007 esc\\u001b[31m nul\\u0000 del\\u007f c1\\u009b')
  })

  it('never leaves a line that the runner reads as a command (property)', () => {
    const piece = fc.constantFrom(
      '::',
      ':',
      '##[',
      '#',
      '[',
      '\n',
      '\r',
      '\r\n',
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '\u0085',
      '\ufeff',
      '\u200b',
      'x',
      'warning',
      'stop-commands'
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), parts => {
        expect(commandLines(forLog(parts.join('')))).toEqual([])
      }),
      { numRuns: 500 }
    )
  })
})

// Undoes mdText's escaping, to show nothing was lost or added.
function decodeMdText(md: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
  return md
    .replace(/<br>/g, '\n')
    .replace(/&(amp|lt|gt|quot|#39);/g, e => entities[e])
    .replace(/\\(.)/g, '$1')
}

// Characters that start Markdown or HTML when not escaped by a backslash (or, for &, not an entity we wrote).
function activeCharacters(md: string): string[] {
  const found: string[] = []
  // A line break or an entity stands between its neighbours: `:/<br>/` and `:&amp;//` hold no `://`
  // (fast-check found both when they were read as removed).
  const text = md.replace(/<br>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, ' ')
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if ('`*_[]()#|!~$@<>&"\'\n\r'.includes(text[i])) found.push(text[i])
    else if (/^(www\.|:\/\/)/i.test(text.slice(i, i + 4))) found.push(text.slice(i, i + 4))
  }
  return found
}

describe('mdText', () => {
  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['<script>alert(1)</script>'],
    ['<a href="https://evil.example">click</a>'],
    ['[x](javascript:alert(1))'],
    ['![img](https://evil.example/p.png)'],
    ['``code` breakout'],
    ['a | b | c'],
    ['**bold** _em_ ~~strike~~ $x$ @someone #42'],
    ['&lt;already escaped&gt; &#60;'],
    ['\\| backslash before a pipe'],
    ['line one\r\nline two\rline three\nline four']
  ])('makes %j inert and keeps its text', text => {
    const md = mdText(text)
    expect(activeCharacters(md)).toEqual([])
    expect(decodeMdText(md)).toBe(text.replace(/\r\n?/g, '\n'))
  })

  it.each([
    ['- list', '\\- list'],
    ['+ list', '\\+ list'],
    ['1. ordered', '1\\. ordered'],
    ['  42) ordered', '  42\\) ordered'],
    ['=== underline', '\\=== underline'],
    ['> quote', '&gt; quote'],
    ['# heading', '\\# heading'],
    ['a - b 1. c', 'a - b 1. c']
  ])('escapes %j, which only starts a block at the start of a line', (text, md) => {
    expect(mdText(text)).toBe(md)
  })

  it.each([
    ['see https://evil.example/p?q=1', 'see https\\://evil.example/p?q=1'],
    ['HTTP://evil.example', 'HTTP\\://evil.example'],
    ['ftp://files.example', 'ftp\\://files.example'],
    ['go to www.evil.example now', 'go to www\\.evil.example now'],
    ['WwW.evil.example', 'WwW\\.evil.example'],
    ['10:30 at _www.example', '10:30 at \\_www\\.example']
  ])('does not leave %j to be autolinked', (text, md) => {
    expect(mdText(text)).toBe(md)
    expect(decodeMdText(mdText(text))).toBe(text)
  })

  it('escapes each line of a multi-line text and joins them with <br>', () => {
    expect(mdText('ok\n- item\n1. one')).toBe('ok<br>\\- item<br>1\\. one')
  })

  it('shows a missing value as a dash', () => {
    expect(mdText(undefined)).toBe('–')
  })

  it('is bounded, cutting before escaping so no entity is split', () => {
    const md = mdText('<'.repeat(MAX_MD_TEXT * 2))
    expect(md).toBe(`${'&lt;'.repeat(MAX_MD_TEXT - 1)}…`)
    expect(mdText('abcdef', 4)).toBe('abc…')
  })

  it('is inert and lossless for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom(...'`*_[]()#|!~$@:/<>&"\'\\-+=.1 \n\raxw') }), text => {
        const md = mdText(text)
        expect(activeCharacters(md)).toEqual([])
        expect(decodeMdText(md)).toBe(text.replace(/\r\n?/g, '\n'))
      }),
      { numRuns: 500 }
    )
  })
})

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
}

describe('mdCode', () => {
  it.each([
    ['123456', '`123456`'],
    ['a`b', '``a`b``'],
    ['``x``', '``` ``x`` ```'],
    ['`', '`` ` ``'],
    [' padded ', '`  padded  `']
  ])('fences %j so nothing inside can close it', (text, md) => {
    expect(mdCode(text)).toBe(md)
  })

  it('uses <code> with inert content for text a backtick span cannot hold', () => {
    expect(mdCode('a|b.zip')).toBe('<code>a\\|b.zip</code>')
    expect(mdCode('two\nlines')).toBe('<code>two lines</code>')
    expect(mdCode('<img src=x onerror=alert(1)>|')).toBe('<code>&lt;img src=x onerror=alert\\(1\\)&gt;\\|</code>')
    expect(mdCode('')).toBe('<code></code>')
    expect(mdCode('bell\u0007')).toBe('<code>bell\\\\u0007</code>')
  })

  it('never lets the text out of the span (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom('`', '|', ' ', '\n', '<', 'a', '*', '\\') }), text => {
        const md = mdCode(text)
        const span = /^(`+)( ?)([^]*)\2\1$/.exec(md)
        if (span) {
          expect(span[3]).toBe(text)
          expect(longestBacktickRun(span[3])).toBeLessThan(span[1].length)
          expect(span[3]).not.toMatch(/[|\n\r]/)
        } else {
          const inner = /^<code>([^]*)<\/code>$/.exec(md)
          expect(inner).not.toBeNull()
          expect(activeCharacters(inner![1])).toEqual([])
          expect(inner![1]).not.toContain('<br>')
        }
      }),
      { numRuns: 500 }
    )
  })
})

describe('mdBlock', () => {
  it('opens with a text fence longer than any backtick run inside', () => {
    expect(mdBlock('plain')).toBe('```text\nplain\n```')
    expect(mdBlock('```\n</details><img src=x onerror=alert(1)>\n```')).toBe('````text\n```\n</details><img src=x onerror=alert(1)>\n```\n````')
    expect(mdBlock('a\r\nb\rc\u001b')).toBe('```text\na\nb\nc\\u001b\n```')
  })

  it('cannot be closed early by its text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom('`', '~', ' ', '\n', '\r', 'a') }), text => {
        const lines = mdBlock(text).split('\n')
        const fence = /^(`{3,})text$/.exec(lines[0])
        expect(fence).not.toBeNull()
        expect(lines[lines.length - 1]).toBe(fence![1])
        const inner = lines.slice(1, -1).join('\n')
        expect(longestBacktickRun(inner)).toBeLessThan(fence![1].length)
        expect(inner).not.toContain('\r')
      }),
      { numRuns: 500 }
    )
  })
})

// Every piece of a secret of MIN_SECRET_FRAGMENT characters that appears in the text.
function leakedFragments(text: string, secrets: readonly string[]): string[] {
  const leaks: string[] = []
  for (let i = 0; i + MIN_SECRET_FRAGMENT <= text.length; i++) {
    const piece = text.slice(i, i + MIN_SECRET_FRAGMENT)
    if (secrets.some(s => s.includes(piece))) leaks.push(piece)
  }
  return leaks
}

describe('scrubSecrets', () => {
  const token = 'tok-9f8e7d6c5b4a39281706'
  const basic = Buffer.from(`BOOMI_TOKEN.ada@acme.example:${token}`).toString('base64')

  it('masks the token, the Basic value, and their encoded forms', () => {
    const secrets = secretForms([token, basic])
    const text = `token=${token} auth=Basic ${basic} url=${encodeURIComponent(basic)} b64=${Buffer.from(token).toString('base64')}`
    expect(scrubSecrets(text, secrets)).toBe('token=*** auth=Basic *** url=*** b64=***')
  })

  it('masks a prefix left by a cut and a suffix left by an echo that started late', () => {
    const echoed = `invalid credentials for ${basic}`.slice(0, 40)
    expect(leakedFragments(echoed, [basic]).length).toBeGreaterThan(0)
    expect(scrubSecrets(echoed, [basic])).toBe(`invalid credentials for ${MASK}`)
    expect(scrubSecrets(`${token.slice(7)} was refused`, [token])).toBe(`${MASK} was refused`)
    expect(scrubSecrets(`key ${token.slice(3, 12)} in the middle`, [token])).toBe(`key ${MASK} in the middle`)
  })

  it('leaves pieces shorter than a fragment, and text without secrets, alone', () => {
    expect(scrubSecrets(`ids ${token.slice(0, MIN_SECRET_FRAGMENT - 1)} and more`, [token])).toBe(`ids ${token.slice(0, MIN_SECRET_FRAGMENT - 1)} and more`)
    expect(scrubSecrets('Upload failed: HTTP 503', [token, basic])).toBe('Upload failed: HTTP 503')
    expect(scrubSecrets('anything', [])).toBe('anything')
    expect(scrubSecrets('anything', [''])).toBe('anything')
  })

  it('masks a short secret whole, even one inside the mask', () => {
    expect(scrubSecrets('pin 1234 again 1234', ['1234'])).toBe('pin *** again ***')
    expect(scrubSecrets('a*b', ['*'])).toBe('a***b')
  })

  it('masks again where masking lines up a new fragment', () => {
    // `ab` + mask + `cdef` reads `ab***c`: a piece of a secret that itself holds `***`.
    expect(scrubSecrets('abzzzzzzcdef', ['zzzzzz', 'ab***c'])).toBe('***def')
  })

  it('leaves no piece of a secret of six or more characters (property)', () => {
    const unit = fc.constantFrom('a', 'b', 'c', '*', '=', '%', 'Z')
    const secret = fc.string({ unit, minLength: MIN_SECRET_FRAGMENT, maxLength: 30 })
    const slice = (secrets: string[]) =>
      fc.tuple(fc.nat({ max: secrets.length - 1 }), fc.nat(), fc.nat()).map(([k, a, b]) => {
        const s = secrets[k]
        const start = a % (s.length - MIN_SECRET_FRAGMENT + 1)
        return s.slice(start, start + MIN_SECRET_FRAGMENT + (b % (s.length - start - MIN_SECRET_FRAGMENT + 1)))
      })
    const scenario = fc
      .array(secret, { minLength: 1, maxLength: 3 })
      .chain(secrets => fc.tuple(fc.constant(secrets), fc.array(fc.oneof(slice(secrets), fc.string({ unit, maxLength: 8 })), { maxLength: 8 })))
    fc.assert(
      fc.property(scenario, ([secrets, parts]) => {
        expect(leakedFragments(scrubSecrets(parts.join(''), secrets), secrets)).toEqual([])
      }),
      { numRuns: 1000 }
    )
  })
})

describe('cut', () => {
  it.each([
    ['abcdef', 6, 'abcdef'],
    ['abcdefg', 6, 'abcde…'],
    ['abc', 1, '…'],
    ['abc', 0, ''],
    ['a😀b', 3, 'a…'],
    ['a😀b', 4, 'a😀b'],
    ['😀😀😀', 4, '😀…']
  ])('cut(%j, %i) → %j', (text, max, expected) => {
    expect(cut(text, max)).toBe(expected)
  })

  it('never exceeds the limit nor leaves half a surrogate pair (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.nat({ max: 40 }), (text, max) => {
        const out = cut(text, max)
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 0))
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
      }),
      { numRuns: 500 }
    )
  })
})
