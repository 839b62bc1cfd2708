// The command-line tool's flags and variables: the same inputs as the Action's,
// read from `--<input-name>` or `BOOMI_<NAME>`, a flag winning; the token never
// from a flag. Validation itself is read.ts's (inputs.test.ts).
import { describe, expect, it } from '@jest/globals'
import { errorLine, redact } from '../../src/cli/report.js'
import { MAX_FAILURE_MESSAGE } from '../../src/domain/untrusted.js'
import { InputError } from '../../src/errors.js'
import { envName, helpText, readCommandLine } from '../../src/inputs/command-line.js'
import { invalid, readClassifications, readInputs } from '../../src/inputs/read.js'
import { INPUTS, type InputSpec } from '../../src/inputs/table.js'

const ENV = { BOOMI_ACCOUNT_ID: 'acme-Q7XK2P', BOOMI_USERNAME: 'ci@acme.example', BOOMI_API_TOKEN: 'tok-1234567890', BOOMI_GROUP_TYPE: 'acme-Q7XK2P-sample' }

function caught(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('expected an InputError')
}

describe('flags and variables', () => {
  it('every input of the table is a BOOMI_ variable, hyphens as underscores', () => {
    expect(envName('account-id')).toBe('BOOMI_ACCOUNT_ID')
    expect(envName('requests-per-second')).toBe('BOOMI_REQUESTS_PER_SECOND')
  })

  it('a flag wins over the variable; a variable fills in what no flag gives', () => {
    const cl = readCommandLine(['--group-type', 'from-flag', '--keep-latest=3'], { ...ENV, BOOMI_KEEP_LATEST: '9', BOOMI_MIN_AGE_DAYS: '7' })
    expect(cl.getInput('group-type')).toBe('from-flag')
    expect(cl.getInput('keep-latest')).toBe('3')
    expect(cl.getInput('min-age-days')).toBe('7')
    expect(cl.getInput('archive')).toBe('')
  })

  it('the inputs read from flags and variables are the typed inputs of the Action', () => {
    const cl = readCommandLine(['--keep-latest', '5', '--dry-run', '--classifications', 'dev', '--classifications', 'uat', '--archive', 'a.zip'], ENV)
    const inputs = readInputs(cl.getInput, () => undefined)
    expect(inputs).toMatchObject({
      accountId: 'acme-Q7XK2P',
      username: 'BOOMI_TOKEN.ci@acme.example',
      apiToken: 'tok-1234567890',
      keepLatest: 5,
      dryRun: true,
      classifications: ['dev', 'uat'],
      ifExists: 'skip',
      requestsPerSecond: 5
    })
  })

  it('a boolean comes from its variable when the bare flag is absent', () => {
    expect(readCommandLine([], { ...ENV, BOOMI_DRY_RUN: 'TRUE' }).getInput('dry-run')).toBe('TRUE')
    expect(readCommandLine(['--dry-run'], { ...ENV, BOOMI_DRY_RUN: 'false' }).getInput('dry-run')).toBe('true')
  })

  it.each([['--api-token', 'x'], ['--api-token=x']])('%s is refused, saying where the token goes', (...args) => {
    const err = caught(() => readCommandLine(args, ENV))
    expect(err.input).toBe('--api-token')
    expect(err.message).toMatch(/process list.*BOOMI_API_TOKEN.*--api-token-file/)
  })

  it('the token comes from BOOMI_API_TOKEN only', () => {
    expect(readCommandLine([], ENV).getInput('api-token')).toBe('tok-1234567890')
  })

  it.each([
    [['--bogus'], '--bogus'],
    [['--dry-run=yes'], '--dry-run'],
    [['stray'], '']
  ])('%j is a bad input naming the flag', (args, flag) => {
    const err = caught(() => readCommandLine(args, ENV))
    expect(err.input).toBe(flag)
    expect(err.message).toMatch(/See --help/)
  })

  it.each([
    [['--archive', 'a.zip', '--archive', 'b.zip'], '--archive'],
    [['--keep-latest', '5', '--keep-latest=50'], '--keep-latest'],
    [['--dry-run', '--dry-run'], '--dry-run'],
    [['--output-file', 'a.env', '--output-file', 'b.env'], '--output-file'],
    [['--api-token-file', 'a', '--api-token-file', 'b'], '--api-token-file'],
    [['--json', '--json'], '--json']
  ])('%j: a flag given twice is a bad input naming it, not the last value silently', (args, flag) => {
    const err = caught(() => readCommandLine(args, ENV))
    expect(err.input).toBe(flag)
    expect(err.message).toBe(`${flag} is given twice. Give it once: the second value would replace the first without a word.`)
  })

  it.each([
    [['--archive', ''], '--archive'],
    [['--archive='], '--archive'],
    [['--classifications', 'dev', '--classifications', ''], '--classifications'],
    [['--keep-latest', ''], '--keep-latest'],
    [['--api-token-file', ''], '--api-token-file'],
    [['--output-file='], '--output-file']
  ])('%j: a flag with an empty value (a variable not set?) is a bad input, not the flag left out', (args, flag) => {
    // `--archive "$ZIP"` with ZIP unset would otherwise prune without uploading, over BOOMI_ARCHIVE too.
    const err = caught(() => readCommandLine(args, { ...ENV, BOOMI_ARCHIVE: 'set.zip' }))
    expect(err.input).toBe(flag)
    expect(err.message).toBe(
      `${flag} is given an empty value (from a variable that is not set?). Give it a value, or leave the flag out for its variable or its default.`
    )
  })

  it.each([
    [['--archive', ' '], '--archive'],
    [['--archive=\t'], '--archive'],
    [['--keep-latest', '\n'], '--keep-latest'],
    [['--classifications', 'dev', '--classifications', '  '], '--classifications']
  ])('%j: a flag whose value is white space only is refused as empty, not read as the flag left out', (args, flag) => {
    // read.ts trims every value: `--archive " "` would otherwise prune without uploading, over BOOMI_ARCHIVE too.
    const err = caught(() => readCommandLine(args, { ...ENV, BOOMI_ARCHIVE: 'set.zip' }))
    expect(err.input).toBe(flag)
    expect(err.message).toMatch(/is given an empty value/)
  })

  it('an empty variable is the variable not set, as in the Action', () => {
    expect(readCommandLine([], { ...ENV, BOOMI_ARCHIVE: '' }).getInput('archive')).toBe('')
  })

  it('--classifications, documented as repeatable, may be given several times', () => {
    expect(readCommandLine(['--classifications', 'dev', '--classifications=uat'], ENV).getInput('classifications')).toBe('dev\nuat')
    // A value ending in a comma joins the next one as a line of a YAML block does: one separator, not an empty item.
    const trailing = readCommandLine(['--classifications', 'dev,', '--classifications', 'uat'], ENV).getInput('classifications')
    expect(readClassifications(trailing, 'g')).toEqual(['dev', 'uat'])
  })

  it('the extra flags are read', () => {
    const cl = readCommandLine(['--json', '--output-file', 'o.env', '--summary-file=s.md', '--tag', 'v1.2.3', '--api-token-file', 't'], ENV)
    expect(cl).toMatchObject({ json: true, outputFile: 'o.env', summaryFile: 's.md', tag: 'v1.2.3', apiTokenFile: 't', help: false })
  })
})

describe('--help and errors', () => {
  it('--help lists every input of the table with its meaning, its variable and its default', () => {
    const help = helpText('boomi-connector-release', '1.0.0')
    for (const spec of Object.values(INPUTS) as InputSpec[]) {
      expect(help).toContain(spec.meaning)
      expect(help).toContain(envName(spec.name))
      if (spec.name !== 'api-token') expect(help).toContain(`--${spec.name}`)
      if (spec.default) expect(help).toContain(`default ${spec.default}`)
    }
    expect(help).not.toMatch(/--api-token\s+</)
  })

  it('a bad input names the flag and its variable', () => {
    const line = errorLine(new InputError('keep-latest', "Invalid keep-latest 'zero'."), [])
    expect(line).toBe("boomi-connector-release: error: --keep-latest / BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'.\n")
  })

  it.each([
    ["Invalid keep-latest 'zero'", { BOOMI_KEEP_LATEST: 'zero' }, 'e.g. --keep-latest 20.'],
    ["Invalid min-age-days 'old'", { BOOMI_KEEP_LATEST: '3', BOOMI_MIN_AGE_DAYS: 'old' }, 'e.g. --min-age-days 30.'],
    ["Invalid classifications 'u t'", { BOOMI_ARCHIVE: 'a.zip', BOOMI_CLASSIFICATIONS: 'u t' }, 'e.g. --classifications dev,uat.'],
    ["Invalid dry-run 'yes'", { BOOMI_KEEP_LATEST: '3', BOOMI_DRY_RUN: 'yes' }, 'e.g. --dry-run.'],
    ['version-id is set but classifications is empty', { BOOMI_VERSION_ID: '1042' }, 'e.g. --classifications prod.'],
    [
      'Input required and not supplied: api-token',
      { BOOMI_KEEP_LATEST: '3', BOOMI_API_TOKEN: '' },
      'e.g. BOOMI_API_TOKEN from a secret variable of the CI, or --api-token-file PATH.'
    ],
    ["Invalid expected-sha256 'abc'", { BOOMI_ARCHIVE: 'a.zip', BOOMI_EXPECTED_SHA256: 'abc' }, `e.g. --expected-sha256 ${'0123456789abcdef'.repeat(4)}.`]
  ])('%s: the example is a flag, not a line of a workflow', (start, env, example) => {
    const err = caught(() => readInputs(readCommandLine([], { ...ENV, ...env }).getInput, () => undefined))
    expect(err.message).toMatch(new RegExp(`^${start}`))
    const line = errorLine(err, [])
    expect(line).toContain(example)
    expect(line).not.toMatch(/e\.g\. [a-z-]+: |\$\{\{/)
  })

  it('every invalid value of the table gets a flag-shaped example in the command-line tool', () => {
    for (const spec of Object.values(INPUTS) as InputSpec[]) {
      const line = errorLine(invalid(spec, 'x'), [])
      expect(line).not.toMatch(/e\.g\. [a-z-]+: |\$\{\{/)
    }
  })

  it('secrets and control characters never reach the terminal', () => {
    const line = errorLine(new Error('refused tok-1234567890 \u001b[2J'), ['tok-1234567890'])
    expect(line).not.toContain('tok-1234567890')
    expect(line).not.toContain('\u001b')
    expect(redact('a s3cret b s3cret', ['s3cret'])).toBe('a *** b ***')
  })

  it('the error line is cut as the action cuts its failure, after the secrets are taken out', () => {
    // Pruning's closing error names every failed deletion with Boomi's words: 1,500 of them ran to megabytes.
    const line = errorLine(new Error(`Pruning failed: ${'1234-'.repeat(50_000)}`), [])
    expect(line.length).toBeLessThan(MAX_FAILURE_MESSAGE + 100)
    expect(line).toMatch(/^boomi-connector-release: error: Pruning failed: 1234-1234-.*…\n$/)
    // A secret the cut would split is taken out whole first.
    const secret = 'tok-1234567890'
    const straddling = errorLine(new Error(`${'x'.repeat(MAX_FAILURE_MESSAGE - 20)} ${secret}`), [secret])
    expect(straddling).not.toContain('tok-12345')
  })
})

describe('a boolean flag can be turned off, and then wins over its variable', () => {
  it.each([
    [['--no-dry-run'], 'false'],
    [['--dry-run=false'], 'false'],
    [['--dry-run=FALSE'], 'false'],
    [['--dry-run=true'], 'true'],
    [['--dry-run'], 'true']
  ])('%j with BOOMI_DRY_RUN=true and =false: the flag decides', (args, expected) => {
    for (const variable of ['true', 'false']) {
      const cl = readCommandLine(args, { ...ENV, BOOMI_KEEP_LATEST: '3', BOOMI_DRY_RUN: variable })
      expect(cl.getInput('dry-run')).toBe(expected)
      expect(readInputs(cl.getInput, () => undefined).dryRun).toBe(expected === 'true')
    }
  })

  it('without the flag, the variable decides', () => {
    expect(readInputs(readCommandLine([], { ...ENV, BOOMI_KEEP_LATEST: '3', BOOMI_DRY_RUN: 'true' }).getInput, () => undefined).dryRun).toBe(true)
  })

  it.each([
    ['json', (cl: ReturnType<typeof readCommandLine>) => cl.json],
    ['verbose', (cl: ReturnType<typeof readCommandLine>) => cl.verbose]
  ])('every boolean flag takes the same forms: --%s', (name, read) => {
    expect(read(readCommandLine([`--${name}`], ENV))).toBe(true)
    expect(read(readCommandLine([`--${name}=true`], ENV))).toBe(true)
    expect(read(readCommandLine([`--no-${name}`], ENV))).toBe(false)
    expect(read(readCommandLine([`--${name}=false`], ENV))).toBe(false)
  })

  it.each([
    [['--dry-run', '--no-dry-run'], '--dry-run'],
    [['--no-dry-run', '--dry-run=true'], '--dry-run']
  ])('%j: on and off is a flag given twice', (args, flag) => {
    const err = caught(() => readCommandLine(args, ENV))
    expect(err.input).toBe(flag)
    expect(err.message).toMatch(/is given twice/)
  })

  it.each([['--dry-run=yes'], ['--dry-run='], ['--json=secret-ish-value']])('%s: a value other than true or false is refused, not shown', arg => {
    const err = caught(() => readCommandLine([arg], ENV))
    expect(err.input).toBe(arg.slice(0, arg.indexOf('=')))
    expect(err.message).toMatch(/takes no value, or =true or =false: give --[a-z-]+ to turn it on, --no-[a-z-]+ to turn it off\. See --help/)
    expect(err.message).not.toMatch(/yes|secret/)
  })

  it.each([['--no-archive'], ['--no-keep-latest']])('%s: only a boolean flag has a --no- form', arg => {
    expect(caught(() => readCommandLine([arg, '--keep-latest', '3'], ENV)).message).toMatch(/Unknown option '--no-/)
  })

  it('after --, nothing is read as a flag', () => {
    expect(caught(() => readCommandLine(['--', '--dry-run=false'], ENV)).message).toMatch(/Unexpected argument 2/)
  })

  it('--help says how', () => {
    const help = helpText('boomi-connector-release', '1.0.0')
    expect(help).toContain('--dry-run, --no-dry-run')
    expect(help).toMatch(/off with --no-<flag> \(--no-dry-run, or --dry-run=false\), whatever its variable says/)
  })
})

describe("the command-line tool's messages use its own words, not the Action's", () => {
  it('a cancelled run points at the outputs and the summary, not a job summary', async () => {
    const { CancelledError } = await import('../../src/errors.js')
    const line = errorLine(new CancelledError(), [])
    expect(line).toBe('boomi-connector-release: error: The run was cancelled; what it did before that is in the outputs and the summary.\n')
  })
})
