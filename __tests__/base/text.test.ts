// The base layer's text (src/text.ts): the control-character sets each place uses, and
// the two ways of writing a number of bytes. The sets differ on purpose, so each place
// is pinned on the characters that tell the sets apart: \t, DEL, a C1 control (NEL,
// U+0085) and a line separator (U+2028).
import { describe, expect, it } from '@jest/globals'
import { shownName } from '../../src/archive/zip-directory.js'
import { causeText } from '../../src/archive/zip-errors.js'
import { readVersion } from '../../src/boomi/answers.js'
import { dotenvText } from '../../src/domain/outputs.js'
import { forLog, mdCode, mdText, oneLine } from '../../src/domain/untrusted.js'
import { InputError } from '../../src/errors.js'
import { readInputs } from '../../src/inputs/read.js'
import { approxBytes, exactBytes, formatRate, hasByteControl, hasTextControl, plural } from '../../src/text.js'

/** Every UTF-16 unit for which `has` is true, as hex. */
function members(has: (text: string) => boolean): string[] {
  const found: string[] = []
  for (let code = 0; code <= 0xffff; code++) if (has(String.fromCharCode(code))) found.push(code.toString(16))
  return found
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => (from + i).toString(16))

describe('control characters', () => {
  it('the byte set is C0 and DEL, nothing above: C1 bytes of a latin1 name are parts of UTF-8 characters', () => {
    expect(members(hasByteControl)).toEqual([...range(0, 0x1f), '7f'])
  })

  it('the text set is C0, DEL, C1, the line and paragraph separators, and the invisible format characters', () => {
    expect(members(hasTextControl)).toEqual([
      ...range(0, 0x1f),
      ...range(0x7f, 0x9f),
      // Zero-width space, non-joiner, joiner; left-to-right and right-to-left marks.
      ...range(0x200b, 0x200f),
      '2028',
      '2029',
      // Bidi embeddings and overrides.
      ...range(0x202a, 0x202e),
      // Word joiner; bidi isolates.
      '2060',
      ...range(0x2066, 0x2069),
      // Zero-width no-break space (byte order mark).
      'feff'
    ])
  })

  // Trojan Source: an override or isolate reorders what a reader sees; a zero-width character hides text.
  const invisible = ['\u202e', '\u202a', '\u2066', '\u2069', '\u200b', '\u200d', '\u200e', '\u2060', '\ufeff']
  it.each(invisible)('%j is shown as \\uXXXX in the log, the summary text and its code', ch => {
    const shown = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
    for (const escape of [forLog, mdText, mdCode]) {
      const out = escape(`v1.2${ch}.3-evil`)
      expect(out).not.toContain(ch)
      expect(out).toContain(shown)
    }
  })

  // Already in the set: pinned beside the others (mdText escapes the backslash for Markdown).
  it('the line and paragraph separators are shown as \\uXXXX in the log, the summary text and its code', () => {
    for (const escape of [forLog, mdText, mdCode]) expect(escape('a\u2028b\u2029c')).toMatch(/^(<code>)?a\\{1,2}u2028b\\{1,2}u2029c(<\/code>)?$/)
  })

  it('finds a control character anywhere in a text, not only alone', () => {
    expect(hasByteControl('name\u0001.txt')).toBe(true)
    expect(hasTextControl('token\u2028more')).toBe(true)
    expect(hasTextControl('plain text, é and ü')).toBe(false)
  })

  const username = (value: string): unknown => {
    const values: Record<string, string> = {
      'account-id': 'acme-Q7XK2P',
      username: value,
      'api-token': 'tok-secret-123',
      'group-type': 'acme-Q7XK2P-sample',
      archive: 'build/*.car.zip'
    }
    try {
      return readInputs(
        name => values[name] ?? '',
        () => undefined
      ).username
    } catch (err) {
      return err instanceof InputError ? 'refused' : err
    }
  }
  const versionId = (id: string): unknown => {
    try {
      return readVersion({ versionId: id }, 'query').versionId
    } catch {
      return 'refused'
    }
  }

  // What each place does with the four telling characters; a change of set shows as a changed row.
  it.each([
    ['an input refuses DEL (byte set)', () => username('ci\u007fbot'), 'refused'],
    ['an input takes a C1 character (byte set)', () => username('ci\u0085bot'), 'BOOMI_TOKEN.ci\u0085bot'],
    ["Boomi's version id may hold no C1 character (text set)", () => versionId('10\u008542'), 'refused'],
    ["Boomi's version id may hold no line separator (text set)", () => versionId('10\u202842'), 'refused'],
    ["Boomi's version id may hold é", () => versionId('10é42'), '10é42'],
    ['a zip name escapes DEL (byte set)', () => shownName(Buffer.from('a\u007fb.class', 'utf8')), 'a\\x7fb.class'],
    ['a zip name keeps a UTF-8 C1 character (byte set)', () => shownName(Buffer.from('a\u0085b.class', 'utf8')), 'a\u0085b.class'],
    ['a zip error turns \\t and DEL into spaces, keeps C1 (byte set)', () => causeText(new Error('a\tb\u007fc\u0085d')), 'a b c\u0085d'],
    ['a log line shows C1 and DEL escaped, keeps \\t (text set but \\t and \\n)', () => forLog('a\tb\u007fc\u0085d'), 'a\tb\\u007fc\\u0085d'],
    ['one line takes C1 and the separators for spaces (text set and white space)', () => oneLine('a\u0085b\u2028c\u0001d'), 'a b c d'],
    [
      'a dotenv value escapes DEL and U+2028, keeps C1 (byte set and separators)',
      () => dotenvText({ x: 'a\u007fb\u2028c\u0085d' }),
      'x="a\\u007fb\\u2028c\u0085d"\n'
    ]
  ])('%s', (_case, run, expected) => {
    expect(run()).toEqual(expected)
  })
})

describe('byte counts', () => {
  it.each([
    [4 * 1024 ** 3, '4 GiB'],
    [1024 ** 3, '1 GiB'],
    [48 * 1024 ** 2, '48 MiB'],
    [1024 ** 2, '1 MiB'],
    [1536 * 1024 ** 2, '1536 MiB'],
    [1024 ** 2 + 1, '1,048,577 bytes'],
    [65_535, '65,535 bytes'],
    [1024, '1,024 bytes'],
    [0, '0 bytes']
  ])('exactBytes(%d) is %s: a limit, never rounded', (n, shown) => {
    expect(exactBytes(n)).toBe(shown)
  })

  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [1024 ** 2, '1.0 MiB'],
    [Math.round(40.3 * 1024 ** 2), '40.3 MiB'],
    [1024 ** 3 - 1, '1024.0 MiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
    [2048 * 1024 ** 3, '2048.0 GiB']
  ])('approxBytes(%d) is %s: a size, to one decimal', (n, shown) => {
    expect(approxBytes(n)).toBe(shown)
  })
})

describe('counts and rates', () => {
  it.each([
    [0, '0 answers'],
    [1, '1 answer'],
    [2, '2 answers'],
    [11, '11 answers']
  ])('plural(%d) is %s', (n, shown) => {
    expect(plural(n, 'answer')).toBe(shown)
  })

  it.each([
    [100, '100/s'],
    [5, '5/s'],
    [2.99, '2/s'],
    [2.5, '2/s'],
    [1, '1/s'],
    [0.999, '1/s'],
    [0.625, '0.63/s'],
    [0.3125, '0.31/s'],
    [0.2, '0.2/s'],
    [0.1, '0.1/s']
  ])('formatRate(%d) is %s: whole requests from 1 a second, as a rolling second holds them', (rate, shown) => {
    expect(formatRate(rate)).toBe(shown)
  })
})
