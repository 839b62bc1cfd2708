// The release process, run for real on a scratch clone: scripts/release.sh refuses what
// would mislabel a release and makes only a local tag; scripts/move-major-tag.sh (what the
// release workflow runs) moves the major tag. Nothing is pushed: the clone's origin is a
// local repository, and the test checks it never receives a tag.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

// Each script starts git, node and npm several times: slow on a busy machine, never hanging.
jest.setTimeout(90_000)

// Made in a hook, not at load time: under a -t that runs none of these tests Jest runs neither hook.
let root = ''
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'release-process-'))
})
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true })
})

// No user or system git configuration: a signing or hook setting of this machine must not leak in.
const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.invalid',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.invalid'
}

const RELEASED = '## [1.0.0] - 2026-12-02\n\n### Added\n\n- Everything.\n'

function changelog(unreleased: string, released = RELEASED): string {
  return `# Changelog\n\nIntro text.\n\n## [Unreleased]\n\n${unreleased}${released}\n[Unreleased]: https://example.invalid/compare\n`
}

let seed: string
let work: string
let n = 0

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim()
}

/** A repository shaped like this one, as far as the scripts look: cloned, so its branch has an upstream. */
function scratch(files: { changelog?: string; actionVersion?: string } = {}): void {
  n++
  seed = path.join(root, `seed-${n}`)
  work = path.join(root, `work-${n}`)
  mkdirSync(path.join(seed, 'scripts'), { recursive: true })
  mkdirSync(path.join(seed, 'src'))
  mkdirSync(path.join(seed, 'dist'))
  for (const script of ['release.sh', 'move-major-tag.sh']) copyFileSync(path.join('scripts', script), path.join(seed, 'scripts', script))
  writeFileSync(path.join(seed, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', scripts: { bundle: 'node -e 0' } }))
  writeFileSync(path.join(seed, 'src/constants.ts'), `export const ACTION_VERSION = '${files.actionVersion ?? '1.0.0'}'\n`)
  writeFileSync(path.join(seed, 'CHANGELOG.md'), files.changelog ?? changelog(''))
  writeFileSync(path.join(seed, 'dist/index.js'), '// bundle\n')
  writeFileSync(path.join(seed, '.gitignore'), 'node_modules/\n')
  git(seed, 'init', '-q', '-b', 'main')
  git(seed, 'add', '-A')
  git(seed, 'commit', '-q', '-m', 'scratch')
  git(root, 'clone', '-q', seed, work)
  mkdirSync(path.join(work, 'node_modules'))
}

function run(script: string, ...args: string[]) {
  const r = spawnSync('bash', [path.join(work, 'scripts', script), ...args], { cwd: work, env, encoding: 'utf8' })
  return { code: r.status, out: r.stdout + r.stderr }
}

function tags(cwd: string): string[] {
  return git(cwd, 'tag', '-l').split('\n').filter(Boolean)
}

function commitOf(ref: string): string {
  return git(work, 'rev-parse', `${ref}^{commit}`)
}

describe('scripts/release.sh on a scratch clone', () => {
  it('refuses while [Unreleased] has entries, naming them, and tags nothing', () => {
    scratch({ changelog: changelog('### Added\n\n- A feature not yet released.\n\n') })
    const r = run('release.sh', 'v1.0.0')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/- A feature not yet released\./)
    expect(r.out).toMatch(/\[Unreleased\] section still has entries/)
    expect(tags(work)).toEqual([])
  })

  it('refuses when ACTION_VERSION is not the version', () => {
    scratch({ actionVersion: '0.9.0' })
    const r = run('release.sh', 'v1.0.0')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/ACTION_VERSION '0\.9\.0', not '1\.0\.0'/)
    expect(tags(work)).toEqual([])
  })

  it('refuses a version without a dated section', () => {
    scratch({ changelog: changelog('', '## [1.0.0]\n\n- Undated.\n') })
    const r = run('release.sh', 'v1.0.0')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/no '## \[1\.0\.0\] - YYYY-MM-DD' section/)
    expect(tags(work)).toEqual([])
  })

  it('tags vX.Y.Z locally, annotated, pushes nothing, and leaves the major tag to the workflow', () => {
    scratch()
    const r = run('release.sh', 'v1.0.0')
    expect(r.out).toMatch(/created tag v1\.0\.0/)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/git push origin refs\/tags\/v1\.0\.0/)
    expect(tags(work)).toEqual(['v1.0.0'])
    expect(git(work, 'cat-file', '-t', 'v1.0.0')).toBe('tag')
    expect(tags(seed)).toEqual([])
  })
})

describe('scripts/move-major-tag.sh, as the release workflow runs it', () => {
  it('creates v1 at v1.0.0, leaves it for a pre-release and an older fix, moves it for a newer release', () => {
    scratch()
    git(work, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0')
    expect(run('move-major-tag.sh', 'v1.0.0').out).toMatch(/created v1 at/)
    expect(commitOf('v1')).toBe(commitOf('v1.0.0'))

    git(work, 'commit', '-q', '--allow-empty', '-m', 'next')
    git(work, 'tag', '-a', 'v1.1.0-rc.1', '-m', 'rc')
    expect(run('move-major-tag.sh', 'v1.1.0-rc.1').out).toMatch(/pre-release; v1 is left where it is/)
    expect(commitOf('v1')).toBe(commitOf('v1.0.0'))

    git(work, 'tag', '-a', 'v1.1.0', '-m', 'v1.1.0')
    expect(run('move-major-tag.sh', 'v1.1.0').out).toMatch(/moved v1 from/)
    expect(commitOf('v1')).toBe(commitOf('v1.1.0'))

    git(work, 'tag', '-a', 'v1.0.1', '-m', 'fix', commitOf('v1.0.0'))
    expect(run('move-major-tag.sh', 'v1.0.1').out).toMatch(/v1\.1\.0 is newer than v1\.0\.1; v1 is left where it is/)
    expect(commitOf('v1')).toBe(commitOf('v1.1.0'))
    expect(tags(seed)).toEqual([])
  })
})
