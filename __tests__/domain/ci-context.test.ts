// The CI run as the command-line tool reads it: env-ci on each CI system's own
// variables, completed by ciRunContext. One row per system; `ref` is what
// change-log-file takes its section from, so a tag must read as refs/tags/….
import { expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import envCi from 'env-ci'
import type { RunContext } from '../../src/domain/changelog.js'
import { ciRunContext } from '../../src/domain/ci-context.js'

type Row = [string, Record<string, string>, string | undefined, RunContext]

const rows: Row[] = [
  [
    'GitHub Actions, a tag',
    {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/conn',
      GITHUB_REF: 'refs/tags/v1.2.3',
      GITHUB_SHA: 'abc1234def',
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://github.com'
    },
    undefined,
    { repository: 'acme/conn', refName: 'v1.2.3', ref: 'refs/tags/v1.2.3', sha: 'abc1234def', runUrl: 'https://github.com/acme/conn/actions/runs/42' }
  ],
  [
    'GitLab CI, a tag',
    {
      GITLAB_CI: 'true',
      CI_COMMIT_TAG: 'v1.2.3',
      CI_COMMIT_REF_NAME: 'v1.2.3',
      CI_COMMIT_SHA: 'fed9876cba',
      CI_PROJECT_PATH: 'acme/conn',
      CI_PROJECT_URL: 'https://gitlab.example/acme/conn',
      CI_PIPELINE_ID: '77',
      CI_PIPELINE_URL: 'https://gitlab.example/acme/conn/-/pipelines/77'
    },
    undefined,
    { repository: 'acme/conn', refName: 'v1.2.3', ref: 'refs/tags/v1.2.3', sha: 'fed9876cba', runUrl: 'https://gitlab.example/acme/conn/-/pipelines/77' }
  ],
  [
    'GitLab CI, a branch',
    { GITLAB_CI: 'true', CI_COMMIT_REF_NAME: 'main', CI_COMMIT_SHA: 'fed9876cba', CI_PROJECT_PATH: 'acme/conn' },
    undefined,
    { repository: 'acme/conn', refName: 'main', ref: 'refs/heads/main', sha: 'fed9876cba', runUrl: undefined }
  ],
  [
    'Azure Pipelines, a tag',
    {
      BUILD_BUILDURI: 'vstfs:///Build/Build/9',
      BUILD_SOURCEBRANCH: 'refs/tags/v1.2.3',
      BUILD_SOURCEVERSION: '0a1b2c3d4e',
      BUILD_REPOSITORY_NAME: 'conn',
      BUILD_BUILDID: '9',
      SYSTEM_COLLECTIONURI: 'https://dev.azure.com/acme/',
      SYSTEM_TEAMPROJECT: 'Connectors'
    },
    undefined,
    {
      repository: 'conn',
      refName: 'v1.2.3',
      ref: 'refs/tags/v1.2.3',
      sha: '0a1b2c3d4e',
      runUrl: 'https://dev.azure.com/acme/Connectors/_build/results?buildId=9'
    }
  ],
  [
    'Azure Pipelines, a branch',
    { BUILD_BUILDURI: 'vstfs:///Build/Build/9', BUILD_SOURCEBRANCH: 'refs/heads/release/1.2.3', BUILD_SOURCEVERSION: '0a1b2c3d4e' },
    undefined,
    { repository: undefined, refName: 'release/1.2.3', ref: 'refs/heads/release/1.2.3', sha: '0a1b2c3d4e', runUrl: undefined }
  ],
  [
    'Jenkins, a tag build',
    {
      JENKINS_URL: 'https://ci.acme.example/',
      TAG_NAME: 'v1.2.3',
      GIT_COMMIT: '5e6f7a8b9c',
      BUILD_URL: 'https://ci.acme.example/job/conn/12/',
      BUILD_NUMBER: '12'
    },
    undefined,
    { repository: undefined, refName: 'v1.2.3', ref: 'refs/tags/v1.2.3', sha: '5e6f7a8b9c', runUrl: 'https://ci.acme.example/job/conn/12/' }
  ],
  [
    'Bitbucket Pipelines, a tag',
    { BITBUCKET_BUILD_NUMBER: '31', BITBUCKET_TAG: 'v1.2.3', BITBUCKET_COMMIT: '1122334455', BITBUCKET_REPO_FULL_NAME: 'acme/conn' },
    undefined,
    {
      repository: 'acme/conn',
      refName: 'v1.2.3',
      ref: 'refs/tags/v1.2.3',
      sha: '1122334455',
      runUrl: 'https://bitbucket.org/acme/conn/addon/pipelines/home#!/results/31'
    }
  ],
  ['no CI: --tag and plain git', {}, 'v1.2.3', { repository: undefined, refName: 'v1.2.3', ref: 'refs/tags/v1.2.3', sha: undefined, runUrl: undefined }],
  [
    '--tag wins over the CI',
    { GITLAB_CI: 'true', CI_COMMIT_TAG: 'v9.9.9', CI_PROJECT_PATH: 'acme/conn' },
    'v1.2.3',
    { repository: 'acme/conn', refName: 'v1.2.3', ref: 'refs/tags/v1.2.3', sha: undefined, runUrl: undefined }
  ]
]

it.each(rows)('%s', (_name, env, tag, expected) => {
  // Outside any git repository, so plain git finds nothing: the row is the CI's variables alone.
  const cwd = mkdtempSync(path.join(tmpdir(), 'ci-context-'))
  try {
    expect(ciRunContext(envCi({ env, cwd }), env, tag)).toEqual(expected)
  } finally {
    rmSync(cwd, { recursive: true, force: true })
  }
})

it('plain git gives the commit and branch outside any CI', () => {
  expect(ciRunContext({ commit: 'abcdef1234', branch: 'main' }, {})).toEqual({
    repository: undefined,
    refName: 'main',
    ref: 'refs/heads/main',
    sha: 'abcdef1234',
    runUrl: undefined
  })
})

it('a URL env-ci built from a missing variable is no URL', () => {
  expect(ciRunContext({ service: 'gitlab', buildUrl: 'undefined/pipelines/undefined' }, {}).runUrl).toBeUndefined()
})
