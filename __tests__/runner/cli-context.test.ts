// The CI run as the command-line tool hands it to the core: env-ci's answer on each
// CI system's variables. In a merge or pull request, env-ci's `branch` is the
// request's target; the commit is on its source branch, which names the release.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { RunContext } from '../../src/domain/changelog.js'
import type { Platform } from '../../src/core/platform.js'
import type { Inputs } from '../../src/inputs/read.js'

const platforms: Platform[] = []
jest.unstable_mockModule('../../src/core/run.js', () => ({
  runWithPlatform: async (_inputs: Inputs, platform: Platform) => void platforms.push(platform)
}))

const { runCli, tagAtHead } = await import('../../src/cli/platform.js')
const { readCommandLine } = await import('../../src/inputs/command-line.js')
const { defaultChangeLog } = await import('../../src/domain/changelog.js')

async function context(env: Record<string, string>): Promise<RunContext> {
  await runCli({} as Inputs, readCommandLine([], env), env, [], () => undefined)
  return platforms[platforms.length - 1].runContext()
}

it.each([
  [
    'a GitLab merge request: the source branch, not the target',
    {
      GITLAB_CI: 'true',
      CI_MERGE_REQUEST_ID: '311',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/paging',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_COMMIT_REF_NAME: 'feature/paging',
      CI_COMMIT_SHA: 'abcdef1234',
      CI_PROJECT_PATH: 'acme/conn'
    },
    'Released from acme/conn feature/paging (abcdef1)'
  ],
  [
    'an Azure pull request: the source branch, not the target',
    {
      BUILD_BUILDURI: 'vstfs:///Build/Build/9',
      SYSTEM_PULLREQUEST_PULLREQUESTID: '17',
      SYSTEM_PULLREQUEST_SOURCEBRANCH: 'refs/heads/feature/paging',
      SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main',
      BUILD_SOURCEBRANCH: 'refs/pull/17/merge',
      BUILD_SOURCEVERSION: 'abcdef1234',
      BUILD_REPOSITORY_NAME: 'conn'
    },
    'Released from conn feature/paging (abcdef1)'
  ],
  [
    "a Jenkins multibranch pull request: CHANGE_BRANCH, not the job's PR-42",
    {
      JENKINS_URL: 'https://ci.acme.example/',
      CHANGE_ID: '42',
      CHANGE_BRANCH: 'feature/paging',
      CHANGE_TARGET: 'main',
      BRANCH_NAME: 'PR-42',
      GIT_COMMIT: 'abcdef1234'
    },
    'Released from feature/paging (abcdef1)'
  ],
  [
    "a Jenkins tag build with the git plugin's GIT_URL: the repository from its path, credentials never",
    { JENKINS_URL: 'https://ci.acme.example/', TAG_NAME: 'v1.2.3', GIT_COMMIT: 'abcdef1234', GIT_URL: 'https://ci-bot:s3cret@git.acme.example/acme/conn.git' },
    'Released from acme/conn v1.2.3 (abcdef1)'
  ],
  [
    'a Jenkins build with an scp-style GIT_URL',
    { JENKINS_URL: 'https://ci.acme.example/', BRANCH_NAME: 'main', GIT_COMMIT: 'abcdef1234', GIT_URL: 'git@github.com:acme/conn.git' },
    'Released from acme/conn main (abcdef1)'
  ],
  [
    'a Jenkins build whose GIT_URL names no owner: no repository',
    { JENKINS_URL: 'https://ci.acme.example/', BRANCH_NAME: 'main', GIT_COMMIT: 'abcdef1234', GIT_URL: 'https://git.acme.example/conn.git' },
    'Released from main (abcdef1)'
  ],
  [
    'a GitHub pull request: GITHUB_HEAD_REF',
    {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/5/merge',
      GITHUB_HEAD_REF: 'feature/paging',
      GITHUB_BASE_REF: 'main',
      GITHUB_SHA: 'abcdef1234',
      GITHUB_REPOSITORY: 'acme/conn'
    },
    'Released from acme/conn feature/paging (abcdef1)'
  ],
  [
    'a GitLab branch pipeline: its branch, as before',
    { GITLAB_CI: 'true', CI_COMMIT_REF_NAME: 'main', CI_COMMIT_SHA: 'abcdef1234', CI_PROJECT_PATH: 'acme/conn' },
    'Released from acme/conn main (abcdef1)'
  ]
])('%s', async (_what, env, changeLog) => {
  const ctx = await context(env)
  expect(defaultChangeLog({ ...ctx, runUrl: undefined })).toBe(changeLog)
})

describe('outside a CI: the tag from git', () => {
  let repo = ''
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
      cwd: repo
    })
  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'cli-git-'))
    git('init', '-q')
    git('commit', '-q', '--allow-empty', '-m', 'first')
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  it('no tag at HEAD: none; one: that one; two: none (which one is released is not known)', async () => {
    expect(await tagAtHead(repo)).toBeUndefined()
    git('tag', 'v1.2.0')
    expect(await tagAtHead(repo)).toBe('v1.2.0')
    git('tag', 'latest')
    expect(await tagAtHead(repo)).toBeUndefined()
    git('tag', '-d', 'latest')
  })

  it('no repository: none, and no failure', async () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'cli-nogit-'))
    try {
      expect(await tagAtHead(plain)).toBeUndefined()
    } finally {
      rmSync(plain, { recursive: true, force: true })
    }
  })

  it('a run outside any CI at a tagged commit is a tag run: change-log-file takes that section', async () => {
    const before = process.cwd()
    process.chdir(repo)
    try {
      const ctx = await context({ PATH: process.env.PATH ?? '' })
      expect(ctx.refName).toBe('v1.2.0')
      expect(ctx.ref).toBe('refs/tags/v1.2.0')
    } finally {
      process.chdir(before)
    }
  })
})
