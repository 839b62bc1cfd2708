// The command-line tool's entry reads flags and inputs without loading the run:
// a typo fails in milliseconds with exit code 2, before the HTTP stack, env-ci or
// the archive reader is loaded.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

let platformLoaded = false
const runs: unknown[] = []
jest.unstable_mockModule('../../src/cli/platform.js', () => {
  platformLoaded = true
  return { runCli: async (...args: unknown[]) => void runs.push(args) }
})

const TOKEN = 'tok-1234567890'
const ENV = { BOOMI_ACCOUNT_ID: 'acme-Q7XK2P', BOOMI_USERNAME: 'ci@acme.example', BOOMI_API_TOKEN: TOKEN, BOOMI_GROUP_TYPE: 'acme-Q7XK2P-sample' }
/** What --json prints for a run that did nothing, as a run stopped by a bad archive prints it. */
const NOTHING_DONE = {
  'version-id': '',
  'display-version': '',
  'uploaded-date': '',
  sha256: '',
  'content-sha256': '',
  'version-sha256': '',
  'archive-path': '',
  uploaded: false,
  'deleted-version-ids': [],
  'skipped-version-ids': [],
  'classification-changes': []
}

let scratch: string
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'cli-entry-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

afterEach(() => {
  process.exitCode = undefined
})

async function run(args: string[], env: Record<string, string | undefined> = ENV): Promise<{ stderr: string; stdout: string }> {
  const stderr: string[] = []
  const stdout: string[] = []
  const errSpy = jest.spyOn(process.stderr, 'write').mockImplementation(chunk => (stderr.push(String(chunk)), true))
  const outSpy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (stdout.push(String(chunk)), true))
  try {
    const { main } = await import('../../src/cli/main.js')
    await main(args, env)
  } finally {
    errSpy.mockRestore()
    outSpy.mockRestore()
  }
  return { stderr: stderr.join(''), stdout: stdout.join('') }
}

async function main(args: string[], env: Record<string, string | undefined> = ENV): Promise<string> {
  return (await run(args, env)).stderr
}

/** Runs that reach runCli during `fn`. */
async function loadsOf(fn: () => Promise<unknown>): Promise<number> {
  const before = runs.length
  await fn()
  return runs.length - before
}

it('a bad input exits 2 naming the flag, and never loads the run', async () => {
  const stderr = await main(['--keep-latest', 'zero'])
  expect(stderr).toMatch(/^boomi-connector-release: error: --keep-latest \/ BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'/)
  expect(process.exitCode).toBe(2)
  expect(platformLoaded).toBe(false)
})

it('good inputs load the run once, with the secrets to hide', async () => {
  await main(['--keep-latest', '3'])
  expect(platformLoaded).toBe(true)
  expect(runs).toHaveLength(1)
  const [inputs, , , secrets] = runs[0] as [{ keepLatest: number }, unknown, unknown, string[]]
  expect(inputs.keepLatest).toBe(3)
  expect(secrets).toContain('tok-1234567890')
  expect(process.exitCode).toBeUndefined()
})

describe('--output-file and --summary-file are checked before anything is sent', () => {
  it.each([
    ['--output-file', 'no/such/dir/out.env', /--output-file: Cannot write --output-file '.*no\/such\/dir\/out\.env': its directory does not exist\. Create/],
    ['--summary-file', 'no/such/dir/summary.md', /--summary-file: Cannot write --summary-file '.*summary\.md': its directory does not exist/],
    ['--output-file', '.', /--output-file: Cannot write --output-file '.*': it is a directory\. Name a file/]
  ])('%s %s is a bad input, and the run is never started', async (flag, file, message) => {
    const target = path.join(scratch, file)
    let stderr = ''
    expect(await loadsOf(async () => (stderr = await main(['--keep-latest', '3', flag, target])))).toBe(0)
    expect(stderr).toMatch(message)
    expect(process.exitCode).toBe(2)
  })

  it('a file that may not be written is a bad input', async () => {
    // A folder without write permission stops anyone but root; as root (CI containers often are),
    // a read-only sysctl, which the kernel refuses to open for writing even to root (EACCES, or
    // EROFS where /proc/sys is mounted read-only).
    const asRoot = process.getuid?.() === 0
    const locked = path.join(scratch, 'locked')
    if (!asRoot) {
      mkdirSync(locked)
      chmodSync(locked, 0o500)
    }
    try {
      const target = asRoot ? '/proc/sys/kernel/osrelease' : path.join(locked, 'out.env')
      const stderr = await main(['--keep-latest', '3', '--output-file', target])
      expect(stderr).toMatch(/--output-file: Cannot write --output-file '.*': (no permission to write it|the file system is read-only)/)
      expect(process.exitCode).toBe(2)
    } finally {
      if (!asRoot) chmodSync(locked, 0o700)
    }
  })

  it.each([
    ['the same path', 'new.txt', 'new.txt'],
    ['a file and a link to it', 'same.txt', 'link.txt'],
    ['a new file, once through a linked folder', 'new.txt', 'alias/new.txt']
  ])('both naming %s is a bad input: the summary would overwrite the dotenv', async (_what, a, b) => {
    writeFileSync(path.join(scratch, 'same.txt'), '')
    if (!existsSync(path.join(scratch, 'link.txt'))) symlinkSync('same.txt', path.join(scratch, 'link.txt'))
    if (!existsSync(path.join(scratch, 'alias'))) symlinkSync('.', path.join(scratch, 'alias'))
    let stderr = ''
    const n = await loadsOf(
      async () => (stderr = await main(['--keep-latest', '3', '--output-file', path.join(scratch, a), '--summary-file', path.join(scratch, b)]))
    )
    expect(n).toBe(0)
    expect(stderr).toMatch(/--summary-file: --output-file and --summary-file name the same file/)
    expect(process.exitCode).toBe(2)
  })

  it('files that can be written: the run starts, and the check leaves nothing behind', async () => {
    const existing = path.join(scratch, 'existing.env')
    writeFileSync(existing, 'kept=1\n')
    const fresh = path.join(scratch, 'fresh.md')
    expect(await loadsOf(() => main(['--keep-latest', '3', '--output-file', existing, '--summary-file', fresh]))).toBe(1)
    expect(process.exitCode).toBeUndefined()
    expect(readFileSync(existing, 'utf8')).toBe('kept=1\n')
    expect(existsSync(fresh)).toBe(false)
  })
})

describe('the token never reaches the terminal', () => {
  it('the token given where --api-token-file wants a path is not echoed; the message says what the flag takes', async () => {
    const secret = 'sEcReT-token-from-a-variable-0123'
    const stderr = await main(['--keep-latest', '3', '--api-token-file', secret], { ...ENV, BOOMI_API_TOKEN: undefined })
    expect(stderr).not.toContain(secret)
    expect(stderr).toMatch(/^boomi-connector-release: error: --api-token-file: Cannot read the file named by --api-token-file \(ENOENT/)
    expect(stderr).toMatch(/path of a file holding the API token.*GitLab CI, a variable of type File/)
    expect(process.exitCode).toBe(2)
  })

  it('BOOMI_API_TOKEN is hidden from the errors of the flags themselves', async () => {
    for (const args of [['--keep-latest', '5', TOKEN], [`--${TOKEN}`], ['--archive', 'a.zip', '--', TOKEN]]) {
      const stderr = await main(args)
      expect(stderr).not.toContain(TOKEN)
      expect(stderr).toMatch(/^boomi-connector-release: error: /)
      expect(process.exitCode).toBe(2)
    }
  })

  it('a stray argument is not echoed (it may be a secret the tool does not know): its position and length are', async () => {
    const stderr = await main(['--keep-latest', '5', 'unknown-secret-value'])
    expect(stderr).not.toContain('unknown-secret-value')
    expect(stderr).toMatch(/Unexpected argument 3 \(20 characters, after --keep-latest and its value\)/)
    expect(process.exitCode).toBe(2)
  })
})

describe('--json prints one JSON object however the run ends', () => {
  it.each([
    ['an invalid value', ['--keep-latest', 'zero', '--json']],
    ['a flag that does not parse', ['--json', '--bogus']],
    ['a stray argument', ['--json', 'stray']],
    ['a token file that cannot be read', ['--json', '--keep-latest', '3', '--api-token-file', path.join('no', 'such', 'token')]]
  ])('%s: exit 2, and the outputs of a run that did nothing on stdout', async (_what, args) => {
    const { stdout } = await run(args)
    expect(process.exitCode).toBe(2)
    expect(stdout.endsWith('\n')).toBe(true)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(stdout)).toEqual(NOTHING_DONE)
  })

  it('without --json, stdout stays empty', async () => {
    expect((await run(['--keep-latest', 'zero'])).stdout).toBe('')
  })

  it.each([['--json=0'], ['--json=no'], ['--json=false'], ['--no-json'], ['--json=']])(
    'flags that do not parse and %s: stdout stays empty (only --json or --json=true asks)',
    async flag => {
      expect((await run(['--bogus', flag])).stdout).toBe('')
      expect(JSON.parse((await run(['--bogus', `${flag}`, '--json=TRUE '])).stdout)).toEqual(NOTHING_DONE)
    }
  )
})

describe('inertJson: the one line of --json is no command to any CI', () => {
  it('writes the [ of ##vso[, ##[ and ##teamcity[ as \\u005b, and reads back the same', async () => {
    const { inertJson } = await import('../../src/cli/report.js')
    const value = { 'display-version': 'x ##vso[task.setvariable variable=A]b', list: ['##[group]', '##TeamCity[m]', '[ok] ## ['] }
    const line = inertJson(value)
    expect(line).not.toMatch(/##(vso|teamcity)?\[/i)
    expect(line).toContain('##vso\\u005btask')
    expect(JSON.parse(line)).toEqual(value)
    expect(inertJson({ a: 'plain [x]' })).toBe(JSON.stringify({ a: 'plain [x]' }))
  })
})

describe('a token file', () => {
  it.each([
    ['empty', '\n', /--api-token-file: The file named by --api-token-file is empty\. Put the API token in it/],
    ['of two lines', 'tok-one\ntok-two\n', /--api-token-file: The file named by --api-token-file holds more than one line or a control character/]
  ])('%s is blamed on --api-token-file, not BOOMI_API_TOKEN, with no Actions example', async (_what, text, message) => {
    const file = path.join(scratch, 'token')
    writeFileSync(file, text)
    const stderr = await main(['--keep-latest', '3', '--api-token-file', file])
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/BOOMI_API_TOKEN:|\$\{\{/)
    expect(stderr).not.toContain('tok-one')
    expect(process.exitCode).toBe(2)
  })

  it('that cannot be read is a bad input naming --api-token-file', async () => {
    const stderr = await main(['--keep-latest', '3', '--api-token-file', '/nonexistent/boomi-token'])
    expect(stderr).toMatch(/error: --api-token-file: Cannot read the file named by --api-token-file \(ENOENT/)
    expect(process.exitCode).toBe(2)
  })
})

describe('a bad input still writes --output-file and --summary-file, as the Action writes its outputs and summary', () => {
  const files = (name: string): { env: string; md: string; args: string[] } => {
    const env = path.join(scratch, `${name}.env`)
    const md = path.join(scratch, `${name}.md`)
    return { env, md, args: ['--output-file', env, '--summary-file', md] }
  }
  /** The summary's text with Markdown's and HTML's escapes undone. */
  const summaryText = (file: string): string => readFileSync(file, 'utf8').replace(/\\(.)/g, '$1').replace(/&#39;/g, "'").replace(/&gt;/g, '>')

  it('an invalid value: the outputs of a run that did nothing, and a summary naming the flag', async () => {
    const f = files('invalid')
    let stderr = ''
    expect(await loadsOf(async () => (stderr = await main(['--keep-latest', 'zero', ...f.args])))).toBe(0)
    expect(process.exitCode).toBe(2)
    expect(stderr).toMatch(/^boomi-connector-release: error: --keep-latest \/ BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'.*\n$/)
    const dotenv = readFileSync(f.env, 'utf8')
    expect(dotenv).toContain('version_id=\n')
    expect(dotenv).toContain('uploaded=false\n')
    expect(dotenv).toContain('deleted_version_ids=[]\n')
    expect(dotenv).toContain('classification_changes=[]\n')
    expect(summaryText(f.md)).toMatch(
      /^## Boomi connector release: `acme-Q7XK2P-sample`\n\n> \*\*Failed:\*\* --keep-latest \/ BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'\. .*e\.g\. --keep-latest 20\./
    )
  })

  it('a missing required value: the summary names the flag and the variable, the token stays hidden', async () => {
    const f = files('missing')
    await main(['--keep-latest', '3', ...f.args], { ...ENV, BOOMI_GROUP_TYPE: undefined, BOOMI_ACCOUNT_ID: undefined })
    expect(process.exitCode).toBe(2)
    expect(readFileSync(f.env, 'utf8')).toContain('uploaded=false\n')
    const summary = summaryText(f.md)
    expect(summary).toMatch(
      /^## Boomi connector release: `?\(--group-type \/ BOOMI_GROUP_TYPE not set\)`?\n\n> \*\*Failed:\*\* --account-id \/ BOOMI_ACCOUNT_ID: /
    )
    expect(summary).not.toContain(TOKEN)
  })

  it('a token file that cannot be read: the files are written too', async () => {
    const f = files('token')
    await main(['--keep-latest', '3', '--api-token-file', path.join(scratch, 'no-such-token'), ...f.args], { ...ENV, BOOMI_API_TOKEN: undefined })
    expect(process.exitCode).toBe(2)
    expect(summaryText(f.md)).toMatch(/Failed:\*\* --api-token-file: Cannot read the file/)
    expect(existsSync(f.env)).toBe(true)
  })

  it('a bad input and a result file that cannot be written: both said on stderr, no file written, exit 2', async () => {
    const env = path.join(scratch, 'kept-out.env')
    const stderr = await main(['--keep-latest', 'zero', '--output-file', env, '--summary-file', path.join(scratch, 'no/such/dir/s.md')])
    expect(process.exitCode).toBe(2)
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/error: --keep-latest \/ BOOMI_KEEP_LATEST: Invalid keep-latest 'zero'/),
      expect.stringMatching(/error: --summary-file: Cannot write --summary-file '.*s\.md': its directory does not exist/)
    ])
    expect(existsSync(env)).toBe(false)
  })

  it('the result files themselves the bad input: said on stderr, exit 2, and the other file is not written', async () => {
    const env = path.join(scratch, 'alone.env')
    const stderr = await main(['--keep-latest', '3', '--output-file', env, '--summary-file', path.join(scratch, 'no/such/dir/s.md')])
    expect(process.exitCode).toBe(2)
    expect(stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/error: --summary-file: Cannot write --summary-file/)])
    expect(existsSync(env)).toBe(false)
  })

  it.each([
    ['an unknown flag', ['--keep-lastest', '20']],
    ['an empty value', ['--archive', '', '--keep-latest', '20']],
    ['a flag given twice', ['--dry-run', '--no-dry-run', '--keep-latest', '20']],
    ['the token as a flag', ['--api-token', 'pasted', '--keep-latest', '20']],
    ['a stray argument', ['stray', '--keep-latest', '20']]
  ])('flags that do not parse (%s): the files are found among the arguments and written all the same', async (_what, args) => {
    const f = files(`unparsed-${args[0].replace(/\W/g, '')}`)
    await main([...args, '--group-type', 'acme-Q7XK2P-other', ...f.args])
    expect(process.exitCode).toBe(2)
    expect(readFileSync(f.env, 'utf8')).toContain('uploaded=false\n')
    const summary = summaryText(f.md)
    expect(summary).toMatch(/^## Boomi connector release: `acme-Q7XK2P-other`\n\n> \*\*Failed:\*\* /)
    expect(summary).not.toContain('pasted')
  })

  it("flags that do not parse, the files given after a `--` or as another flag's value: none is written", async () => {
    const f = files('after-end')
    await main(['--bogus', '--', ...f.args])
    await main(['--bogus', '--output-file', '--summary-file', f.md])
    expect(process.exitCode).toBe(2)
    expect(existsSync(f.env)).toBe(false)
    expect(existsSync(path.join(scratch, '--summary-file'))).toBe(false)
    expect(existsSync(f.md)).toBe(true)
  })

  it('the token never reaches the summary file, not even through the group type the title shows', async () => {
    const f = files('token-title')
    await main(['--keep-latest', 'zero', ...f.args], { ...ENV, BOOMI_GROUP_TYPE: `acme ${TOKEN}` })
    expect(process.exitCode).toBe(2)
    const md = readFileSync(f.md, 'utf8')
    expect(md).toMatch(/^## Boomi connector release: `acme \*\*\*`/)
    expect(md).not.toContain(TOKEN)
  })
})
