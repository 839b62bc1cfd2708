// The CI run as the command-line tool hands it to the core: env-ci's answer on each
// CI system's variables. In a merge or pull request, env-ci's `branch` is the
// request's target; the commit is on its source branch, which names the release.
import { expect, it, jest } from '@jest/globals'
import type { RunContext } from '../../src/domain/changelog.js'
import type { Platform } from '../../src/core/platform.js'
import type { Inputs } from '../../src/inputs/read.js'

const platforms: Platform[] = []
jest.unstable_mockModule('../../src/core/run.js', () => ({
  runWithPlatform: async (_inputs: Inputs, platform: Platform) => void platforms.push(platform)
}))

const { runCli } = await import('../../src/cli/platform.js')
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
