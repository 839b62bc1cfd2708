import { describe, expect, it } from '@jest/globals'
import { readInputs } from '../../src/inputs/read.js'
import { InputError } from '../../src/errors.js'
import { INPUTS } from '../../src/inputs/table.js'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

const base: Record<string, string> = {
  'account-id': 'acme-Q7XK2P',
  username: 'ci-bot@acme.example',
  'api-token': 'tok-secret-123',
  'group-type': 'acme-Q7XK2P-sample',
  archive: 'build/*.car.zip'
}

function read(overrides: Record<string, string | undefined> = {}) {
  const values = { ...base, ...overrides }
  const masked: string[] = []
  const inputs = readInputs(
    name => values[name] ?? '',
    s => masked.push(s)
  )
  return { inputs, masked }
}

function failure(overrides: Record<string, string | undefined>): InputError {
  try {
    read(overrides)
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected an InputError')
}

describe('readInputs', () => {
  it('applies the defaults of action.yml', () => {
    const { inputs } = read()
    expect(inputs).toMatchObject({
      username: 'BOOMI_TOKEN.ci-bot@acme.example',
      ifExists: 'skip',
      dryRun: false,
      apiUrl: 'https://api.boomi.com',
      apiUrlIsHost: true,
      requestsPerSecond: 5,
      maxAttempts: 5,
      timeoutMs: 300_000
    })
    expect(inputs.keepLatest).toBeUndefined()
    expect(inputs.changeLog).toBeUndefined()
  })

  it('masks the token and the Basic credentials before validating anything else', () => {
    const masked: string[] = []
    expect(() =>
      readInputs(
        name => (name === 'api-token' ? 'tok-secret-123' : ''),
        s => masked.push(s)
      )
    ).toThrow(InputError)
    expect(masked).toContain('tok-secret-123')
    const { masked: all } = read()
    expect(all).toContain(Buffer.from('BOOMI_TOKEN.ci-bot@acme.example:tok-secret-123').toString('base64'))
  })

  it('keeps an existing BOOMI_TOKEN. prefix', () => {
    expect(read({ username: 'BOOMI_TOKEN.x@y.z' }).inputs.username).toBe('BOOMI_TOKEN.x@y.z')
  })

  it.each(['account-id', 'username', 'api-token', 'group-type'])('names a missing required input: %s', name => {
    const err = failure({ [name]: '' })
    expect(err.input).toBe(name)
    expect(err.message).toContain(`Input required and not supplied: ${name}`)
  })

  it.each([
    ['if-exists', 'replace', 'skip'],
    ['keep-latest', '0', 'at least 1'],
    ['keep-latest', '2.5', 'whole number'],
    ['keep-latest', 'ten', 'whole number'],
    ['min-age-days', '-1', '0 or more'],
    ['min-age-days', 'soon', '0 or more'],
    ['dry-run', 'yes', 'true or false'],
    ['requests-per-second', '0', 'from 0.1 to 100'],
    ['requests-per-second', '0.0000001', 'from 0.1 to 100'],
    ['requests-per-second', '1000', 'from 0.1 to 100'],
    ['requests-per-second', '1e3', 'from 0.1 to 100'],
    ['account-id', '..', 'account ID'],
    ['account-id', '.', 'account ID'],
    ['api-url', 'https://api.boomi.com/partner/api/rest/v1?', 'query or fragment'],
    ['api-url', 'https://api.boomi.com/partner/api/rest/v1#', 'query or fragment'],
    ['username', 'ci\u0007bot', 'control characters'],
    ['classifications', 'uat,,prod', 'given once'],
    ['classifications', 'u at', 'without spaces'],
    ['classifications', 'uat, uat', 'given once'],
    ['max-attempts', '0', 'at least 1'],
    ['max-attempts', '1.5', 'at least 1'],
    ['timeout-seconds', '0', 'from 0.001 to 2147483'],
    ['timeout-seconds', 'never', 'from 0.001 to 2147483'],
    ['timeout-seconds', '0.0005', 'from 0.001 to 2147483'],
    ['expected-sha256', 'abc', '64 hexadecimal'],
    ['api-url', 'http://api.boomi.com/partner/api/rest/v1', 'https'],
    ['api-url', 'not a url', 'absolute URL'],
    ['api-url', 'https://u:p@api.boomi.com/x', 'credentials'],
    ['account-id', 'acme/other', 'account ID'],
    ['group-type', 'has space', 'classification']
  ])('refuses %s=%s', (name, value, fix) => {
    const err = failure({ 'keep-latest': name === 'min-age-days' ? '3' : undefined, [name]: value })
    expect(err.input).toBe(name)
    expect(err.message).toContain(name)
    expect(err.message).toContain(fix)
  })

  it.each([
    ['https://BOOMI_TOKEN.ci:s3cr%2Fet-pass@api.boomi.com:99999'],
    ['https://ci:s3cr%2Fet-pass@api.boomi.com:99999/x'],
    ['https:ci:s3cr%2Fet-pass@api.boomi.com'],
    ['https:\\\\ci:s3cr%2Fet-pass@api.boomi.com:99999'],
    ['https://ci:s3cr%2Fet-pass@api.boomi.com/x?y']
  ])('api-url %s carries credentials: refused as such, the URL never echoed, whether or not it parses', value => {
    const err = failure({ 'api-url': value })
    expect(err.input).toBe('api-url')
    expect(err.message).toContain('must not carry credentials')
    expect(err.message).not.toContain('s3cr')
  })

  it.each([
    ['https://ci:12/s3cret@api.boomi.com'],
    ['https://BOOMI_TOKEN.ci:9f8e/s3cret@api.boomi.com/api/rest/v1'],
    ['https://ci:pa?s3cret@api.boomi.com'],
    ['https://ci:pa#s3cret@api.boomi.com'],
    ['https://ci:pa\\s3cret@api.boomi.com']
  ])("api-url %s: a password holding '/', '?', '#' or '\\' is credentials still: refused as such, never echoed, never read as host and port", value => {
    // The URL parser ends the authority at the first of them: `https://ci:12/…@api.boomi.com` is host `ci`, port 12.
    const err = failure({ 'api-url': value })
    expect(err.input).toBe('api-url')
    expect(err.message).toContain('must not carry credentials')
    expect(err.message).not.toContain('s3cr')
  })

  it.each([
    ['query', `https://api.boomi.com/?${'q'.repeat(5000)}`],
    ['https', `http://api.boomi.com/${'p'.repeat(5000)}`]
  ])('an api-url refused for its %s shows at most 100 characters of it', (_why, value) => {
    const err = failure({ 'api-url': value })
    expect(err.input).toBe('api-url')
    expect(err.message).toContain(`'${value.slice(0, 100)}…'`)
    expect(err.message.length).toBeLessThan(400)
  })

  it('a value cut for a message keeps no half of a surrogate pair', () => {
    const err = failure({ 'group-type': `${'a'.repeat(99)}\u{1F600} b` })
    expect(err.message).toContain(`'${'a'.repeat(99)}…'`)
    expect(err.message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })

  it.each([
    ['group-type', 'BEL', 'acme-Q7XK2P-\u0007sample'],
    ['group-type', 'zero-width space', 'acme-Q7XK2P-sample\u200b'],
    ['group-type', 'right-to-left override', '\u202eacme-Q7XK2P-sample'],
    ['group-type', 'C1 NEL', 'acme-Q7XK2P-\u0085sample'],
    ['version-id', 'right-to-left override', '10\u202e42'],
    ['version-id', 'zero-width space', '1042\u200b'],
    ['version-id', 'C1 NEL', '10\u008542'],
    ['classifications', 'zero-width space', 'u\u200bat'],
    ['classifications', 'right-to-left override', '\u202euat'],
    ['classifications', 'C1 NEL', 'uat\u0085']
  ])('%s holding a %s (pasted from a page?) is refused before any request', (name, _what, value) => {
    const err = failure({
      [name]: value,
      classifications: name === 'version-id' ? 'prod' : name === 'classifications' ? value : '',
      archive: name === 'version-id' ? '' : 'a.zip'
    })
    expect(err.input).toBe(name)
    expect(err.message).toContain(`Invalid ${name} '`)
  })

  it('refuses min-age-days without keep-latest', () => {
    const err = failure({ 'min-age-days': '30' })
    expect(err.input).toBe('min-age-days')
    expect(err.message).toContain('keep-latest')
  })

  it('refuses a run with neither archive nor keep-latest', () => {
    const err = failure({ archive: '' })
    expect(err.message).toMatch(/Nothing to do/)
    expect(err.message).toContain('archive')
    expect(err.message).toContain('keep-latest')
  })

  it('accepts a prune-only run', () => {
    const { inputs } = read({ archive: '', 'keep-latest': '10', 'min-age-days': '0.5' })
    expect(inputs.archive).toBeUndefined()
    expect(inputs.keepLatest).toBe(10)
    expect(inputs.minAgeDays).toBe(0.5)
  })

  it('reads YAML booleans in any case and if-exists words', () => {
    expect(read({ 'dry-run': 'TRUE' }).inputs.dryRun).toBe(true)
    expect(read({ 'dry-run': 'False' }).inputs.dryRun).toBe(false)
    expect(read({ 'if-exists': 'Upload' }).inputs.ifExists).toBe('upload')
  })

  it('allows http only on loopback and trims a trailing slash', () => {
    expect(read({ 'api-url': 'http://127.0.0.1:8080/partner/api/rest/v1/' }).inputs.apiUrl).toBe('http://127.0.0.1:8080/partner/api/rest/v1')
    expect(read({ 'api-url': 'http://localhost:1/api/rest/v1' }).inputs.apiUrl).toBe('http://localhost:1/api/rest/v1')
    expect(read({ 'api-url': 'http://[::1]:1/x' }).inputs.apiUrl).toBe('http://[::1]:1/x')
    expect(failure({ 'api-url': 'http://127.0.0.1.example.com/x' }).input).toBe('api-url')
  })

  it('lower-cases expected-sha256 and converts the numbers', () => {
    const { inputs } = read({ 'expected-sha256': 'A'.repeat(64), 'requests-per-second': '2.5', 'max-attempts': '1', 'timeout-seconds': '0.5' })
    expect(inputs.expectedSha256).toBe('a'.repeat(64))
    expect(inputs.requestsPerSecond).toBe(2.5)
    expect(inputs.maxAttempts).toBe(1)
    expect(inputs.timeoutMs).toBe(500)
  })

  it('reads classifications: commas or new lines, full types lose the group prefix', () => {
    expect(read({ classifications: 'dev, uat\nacme-Q7XK2P-sample-prod\n' }).inputs.classifications).toEqual(['dev', 'uat', 'prod'])
    expect(read().inputs.classifications).toEqual([])
    // a comma at the end of a line is part of the line break, not an empty item
    expect(read({ classifications: 'dev,\nuat' }).inputs.classifications).toEqual(['dev', 'uat'])
    expect(read({ classifications: 'dev, \r\nuat,\r\n' }).inputs.classifications).toEqual(['dev', 'uat'])
  })

  it.each([
    [',uat', 'item 1 is empty'],
    ['dev,,uat', 'item 2 is empty'],
    ['dev\n\nuat', 'item 2 is empty'],
    ['uat, uat', "'uat' is given twice"],
    ['[dev, uat]', "'[dev' holds '[', ']' or ';'"],
    ['dev;uat', "'dev;uat' holds '[', ']' or ';'"]
  ])('classifications %j: refused before any request, saying what is wrong (%s)', (value, what) => {
    const err = failure({ classifications: value })
    expect(err.input).toBe('classifications')
    expect(err.message).toContain(`Invalid classifications: ${what}`)
  })

  it.each(['s3cr\u0000et', 's3cr\u0085et', 's3cr\u200bet', 's3cr\u202eet'])(
    'a token with a control, bidi or zero-width character (%j) is refused without echoing it',
    token => {
      // The log shows such a character escaped, and the runner's masking, which knows the token as given, would miss that form.
      const err = failure({ 'api-token': token })
      expect(err.input).toBe('api-token')
      expect(err.message).not.toContain('s3cr')
      expect(err.message).toContain('without control characters')
    }
  )

  it.each([
    [{ 'change-log': 'x', 'change-log-file': 'CHANGELOG.md' }, 'change-log-file'],
    [{ 'version-id': '1001', classifications: 'prod' }, 'version-id'],
    [{ archive: '', 'version-id': '1001' }, 'version-id'],
    [{ archive: '', classifications: 'uat', 'keep-latest': '3' }, 'classifications']
  ])('refuses the combination %j', (overrides, input) => {
    expect(failure(overrides).input).toBe(input)
  })

  it('version-id with classifications is something to do', () => {
    const { inputs } = read({ archive: '', 'version-id': '1001', classifications: 'prod' })
    expect(inputs).toMatchObject({ versionId: '1001', classifications: ['prod'] })
  })

  it.each([
    ['https://api.boomi.com', 'https://api.boomi.com', true],
    ['https://api.platform.gb.boomi.com/', 'https://api.platform.gb.boomi.com', true],
    ['http://127.0.0.1:8080//', 'http://127.0.0.1:8080', true],
    ['https://api.boomi.com/api/rest/v1', 'https://api.boomi.com/api/rest/v1', false],
    ['https://api.boomi.com/partner/api/rest/v1/', 'https://api.boomi.com/partner/api/rest/v1', false],
    ['https://api.boomi.com/x', 'https://api.boomi.com/x', false]
  ])('api-url %s: a host alone finds its prefix, a path is used as given', (given, apiUrl, apiUrlIsHost) => {
    expect(read({ 'api-url': given }).inputs).toMatchObject({ apiUrl, apiUrlIsHost })
  })

  it('every default in the input table is the one action.yml declares', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: string; required?: boolean }> }
    const declared = Object.values(INPUTS)
    expect(declared.map(s => s.name).sort()).toEqual(Object.keys(action.inputs).sort())
    for (const spec of declared) {
      expect([spec.name, action.inputs[spec.name].default ?? '']).toEqual([spec.name, spec.default])
      expect([spec.name, action.inputs[spec.name].required === true]).toEqual([spec.name, 'required' in spec && spec.required === true])
    }
  })

  it('refuses expected-sha256 without an archive', () => {
    expect(failure({ archive: '', 'keep-latest': '3', 'expected-sha256': 'a'.repeat(64) }).input).toBe('expected-sha256')
  })
})
