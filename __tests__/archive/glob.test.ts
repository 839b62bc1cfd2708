import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { glob, segmentRegExp, splitPattern } from '../../src/archive/glob.js'
import { locateArchive } from '../../src/archive/locate.js'
import { sha256File } from '../../src/archive/hash.js'
import { InputError } from '../../src/errors.js'
import { createHash } from 'node:crypto'

describe('splitPattern', () => {
  it('splits POSIX patterns at the first wildcard', () => {
    expect(splitPattern('build/distributions/*.car.zip', '/work', path.posix)).toEqual({ root: '/work/build/distributions', segments: ['*.car.zip'] })
    expect(splitPattern('/abs/**/x.zip', '/work', path.posix)).toEqual({ root: '/abs', segments: ['**', 'x.zip'] })
    expect(splitPattern('../out/*.zip', '/work/repo', path.posix)).toEqual({ root: '/work/out', segments: ['*.zip'] })
  })

  it('takes backslashes, forward slashes and drive letters on Windows', () => {
    expect(splitPattern('build\\distributions\\*.car.zip', 'D:\\a\\repo', path.win32)).toEqual({
      root: 'D:\\a\\repo\\build\\distributions',
      segments: ['*.car.zip']
    })
    expect(splitPattern('build/distributions/*.car.zip', 'D:\\a\\repo', path.win32)).toEqual({
      root: 'D:\\a\\repo\\build\\distributions',
      segments: ['*.car.zip']
    })
    expect(splitPattern('C:\\out\\*\\conn.zip', 'D:\\a\\repo', path.win32)).toEqual({ root: 'C:\\out', segments: ['*', 'conn.zip'] })
    expect(splitPattern('\\\\server\\share\\*.zip', 'D:\\a', path.win32)).toEqual({ root: '\\\\server\\share\\', segments: ['*.zip'] })
  })
})

describe('segmentRegExp', () => {
  it('matches *, ? and classes within one name, not a leading dot', () => {
    expect(segmentRegExp('*.car.zip').test('sample-1.2.car.zip')).toBe(true)
    expect(segmentRegExp('*.car.zip').test('sample.zip')).toBe(false)
    expect(segmentRegExp('*.zip').test('.hidden.zip')).toBe(false)
    expect(segmentRegExp('.*.zip').test('.hidden.zip')).toBe(true)
    expect(segmentRegExp('v?.zip').test('v1.zip')).toBe(true)
    expect(segmentRegExp('v[0-9].zip').test('v7.zip')).toBe(true)
    expect(segmentRegExp('v[!0-9].zip').test('v7.zip')).toBe(false)
    expect(segmentRegExp('a+b(1).zip').test('a+b(1).zip')).toBe(true)
    expect(segmentRegExp('*.ZIP', true).test('x.zip')).toBe(true)
  })

  it('reads a name by characters, not UTF-16 halves: an emoji is one ?, and a range of emoji is a range', () => {
    expect(segmentRegExp('v?.zip').test('v😀.zip')).toBe(true)
    expect(segmentRegExp('[😀-😁].zip').test('😁.zip')).toBe(true)
    expect(segmentRegExp('[😀-😁].zip').test('😂.zip')).toBe(false)
    expect(segmentRegExp('a]b*.zip').test('a]b1.zip')).toBe(true)
    expect(() => segmentRegExp('[😁-😀].zip')).toThrow("invalid character class '[😁-😀]'")
  })
})

describe('glob and locateArchive on disk', () => {
  let dir: string
  const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)])
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'glob-'))
    mkdirSync(path.join(dir, 'build/distributions'), { recursive: true })
    mkdirSync(path.join(dir, 'two/a'), { recursive: true })
    mkdirSync(path.join(dir, 'two/b'), { recursive: true })
    mkdirSync(path.join(dir, 'adir.zip'))
    writeFileSync(path.join(dir, 'build/distributions/sample-1.0.car.zip'), zip)
    writeFileSync(path.join(dir, 'two/a/c.car.zip'), zip)
    writeFileSync(path.join(dir, 'two/b/c.car.zip'), zip)
    writeFileSync(path.join(dir, 'empty.zip'), '')
    writeFileSync(path.join(dir, 'notzip.zip'), 'hello')
    // a link loop (creating links needs extra rights on Windows; skip the loop there)
    if (process.platform !== 'win32') symlinkSync(dir, path.join(dir, 'two/loop'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('finds by glob and by ** without following link loops', async () => {
    expect(await glob('build/distributions/*.car.zip', dir)).toEqual([path.join(dir, 'build/distributions/sample-1.0.car.zip')])
    expect(await glob('two/**/*.car.zip', dir)).toEqual([path.join(dir, 'two/a/c.car.zip'), path.join(dir, 'two/b/c.car.zip')])
    expect(await glob('nothing/*.zip', dir)).toEqual([])
  })

  it('takes a name that exists as written, even with glob characters in it', async () => {
    writeFileSync(path.join(dir, 'conn[1].zip'), zip)
    writeFileSync(path.join(dir, 'conn1.zip'), zip)
    expect((await locateArchive('conn[1].zip', dir)).fileName).toBe('conn[1].zip')
  })

  it('locates exactly one zip', async () => {
    const a = await locateArchive('build/distributions/*.car.zip', dir)
    expect(a.fileName).toBe('sample-1.0.car.zip')
    expect(a.size).toBe(zip.length)
    expect((await locateArchive(path.join(dir, 'two/a/c.car.zip'), dir)).size).toBe(zip.length)
  })

  describe('the archive must resolve inside the workspace', () => {
    let outside: string
    let ws: string
    beforeAll(() => {
      outside = mkdtempSync(path.join(tmpdir(), 'outside-'))
      ws = path.join(dir, 'ws')
      mkdirSync(path.join(ws, 'build'), { recursive: true })
      writeFileSync(path.join(outside, 'other.car.zip'), zip)
      writeFileSync(path.join(ws, 'build/real.car.zip'), zip)
      symlinkSync(path.join(outside, 'other.car.zip'), path.join(ws, 'build/link.car.zip'))
      symlinkSync(outside, path.join(ws, 'linked'))
      symlinkSync(path.join(ws, 'build/real.car.zip'), path.join(ws, 'inside-link.zip'))
    })
    afterAll(() => rmSync(outside, { recursive: true, force: true }))

    it.each([
      ['an absolute path elsewhere', () => path.join(outside, 'other.car.zip'), /outside the workspace/],
      ['a relative path out', () => path.relative(ws, path.join(outside, 'other.car.zip')), /outside the workspace/],
      ['a glob out', () => '../*.none/../two/a/*.car.zip', /outside the workspace/],
      ['a symbolic link to a file outside', () => 'build/link.car.zip', /leads outside the workspace through a symbolic link/],
      ['a path through a linked directory outside', () => 'linked/other.car.zip', /leads outside the workspace through a symbolic link/],
      ['a glob through a linked directory outside', () => 'linked/*.car.zip', /leads outside the workspace through a symbolic link/]
    ])('refuses %s', async (_name, pattern, message) => {
      const err = await locateArchive(pattern(), ws).catch(e => e)
      expect(err).toBeInstanceOf(InputError)
      expect((err as InputError).input).toBe('archive')
      expect((err as Error).message).toMatch(message)
    })

    it('takes a symbolic link inside the workspace to a file inside it', async () => {
      expect((await locateArchive('inside-link.zip', ws)).size).toBe(zip.length)
    })
  })

  it.each(['build/{a,b}.car.zip', 'build/sample-{1..3}.car.zip'])('refuses braces %s with a hint, rather than matching nothing', async pattern => {
    const err = await locateArchive(pattern, dir).catch(e => e)
    expect(err).toBeInstanceOf(InputError)
    expect((err as Error).message).toMatch(/uses braces .* are not expanded. Use '\*', '\?' or '\[…\]' instead/)
  })

  it('takes a name with braces that exists as written', async () => {
    writeFileSync(path.join(dir, 'conn{a,b}.zip'), zip)
    expect((await locateArchive('conn{a,b}.zip', dir)).fileName).toBe('conn{a,b}.zip')
  })

  it.each([
    ['two/*/c.car.zip', /matches 2 files.*two[\\/]a[\\/]c\.car\.zip, two[\\/]b[\\/]c\.car\.zip/],
    ['build/*.car.zip', /No file matches/],
    ['missing.zip', /does not exist/],
    ['adir.zip', /not a regular file/],
    ['empty.zip', /is empty/],
    ['notzip.zip', /not a zip file/]
  ])('refuses %s with a message a user can act on', async (pattern, message) => {
    const err = await locateArchive(pattern, dir).catch(e => e)
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe('archive')
    expect((err as Error).message).toMatch(message)
  })

  it('refuses an invalid character class as a bad archive input naming it, whether or not its directory exists', async () => {
    for (const pattern of ['build/distributions/[z-a]*.zip', 'nowhere/v[9-0].zip']) {
      const err = await locateArchive(pattern, dir).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(InputError)
      expect((err as InputError).input).toBe('archive')
      expect((err as Error).message).toContain(`archive '${pattern}' has an invalid character class '${/\[.*\]/.exec(pattern)![0]}'`)
    }
  })

  it('lists at most 20 of many matches, then how many more', async () => {
    mkdirSync(path.join(dir, 'many'))
    for (let i = 0; i < 3000; i++) writeFileSync(path.join(dir, `many/c${String(i).padStart(4, '0')}.zip`), zip)
    const message = ((await locateArchive('many/*.zip', dir).catch((e: unknown) => e)) as Error).message
    expect(message).toContain(`matches 3,000 files, but must match exactly one: ${path.join('many', 'c0000.zip')}, `)
    expect(message).toContain(`${path.join('many', 'c0019.zip')}, and 2,980 more. Narrow the pattern`)
    expect(message).not.toContain('c0020.zip')
  })

  // Names with control characters cannot be made on Windows.
  const posixIt = process.platform === 'win32' ? it.skip : it
  posixIt('escapes control characters in the file names it shows', async () => {
    mkdirSync(path.join(dir, 'ctl'))
    writeFileSync(path.join(dir, 'ctl/a\nb.zip'), zip)
    writeFileSync(path.join(dir, 'ctl/c\x1b[31m.zip'), zip)
    writeFileSync(path.join(dir, 'ctl/e\x1b.zip'), '')
    const messages = await Promise.all(['ctl/*.zip', 'ctl/e\x1b.zip'].map(p => locateArchive(p, dir).catch((e: unknown) => (e as Error).message)))
    expect(messages[0]).toContain(`${path.join('ctl', 'a\\x0ab.zip')}, ${path.join('ctl', 'c\\x1b[31m.zip')}, ${path.join('ctl', 'e\\x1b.zip')}`)
    expect(messages[1]).toContain(`archive ${path.join('ctl', 'e\\x1b.zip')} is empty`)
    expect(messages.join('')).not.toContain('\n')
    expect(messages.join('')).not.toContain('\x1b')
  })

  posixIt.each([['line\nbreak.zip'], ['esc\x1b.zip'], ['c1\u009b.zip'], ['sep\u2028.zip'], ['rtl\u202Egpj.zip'], ['iso\u2066x.zip']])(
    'refuses the one archive matched when its path holds a control character, a line separator or a bidi control (%j): it would be the archive-path output',
    async name => {
      mkdirSync(path.join(dir, 'odd'), { recursive: true })
      writeFileSync(path.join(dir, 'odd', name), zip)
      try {
        const err = await locateArchive(`odd/${name}`, dir).catch((e: unknown) => e)
        expect(err).toBeInstanceOf(InputError)
        expect((err as InputError).message).toMatch(
          /has a control character, a line separator or a bidi control in its path \(shown escaped\)\. Rename the file/
        )
      } finally {
        rmSync(path.join(dir, 'odd', name))
      }
    }
  )

  posixIt.each([['conn-\u{1F468}\u200D\u{1F4BB}.zip'], ['\u0645\u06CC\u200C\u062E\u0648\u0627\u0647.zip']])(
    'takes a path with a zero-width joiner or non-joiner, as emoji and Persian write them (%j)',
    async name => {
      writeFileSync(path.join(dir, name), zip)
      try {
        expect((await locateArchive(name, dir)).fileName).toBe(name)
      } finally {
        rmSync(path.join(dir, name))
      }
    }
  )

  it('hashes streamed, matching a one-shot hash', async () => {
    const file = path.join(dir, 'big.bin')
    const data = Buffer.alloc(9 * 1024 * 1024 + 17, 7)
    writeFileSync(file, data)
    expect(await sha256File(file)).toBe(createHash('sha256').update(data).digest('hex'))
  })
})
