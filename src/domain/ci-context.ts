// The CI run, for the default change log and the tag that change-log-file takes
// its section from, as the command-line tool sees it: what env-ci read from the
// CI's own variables, completed where env-ci leaves a field out, and `--tag`.
// docs/behaviour.md, "Command-line tool".
import type { RunContext } from './changelog.js'

/** The fields of env-ci's answer that are used. */
export interface CiFacts {
  service?: string
  commit?: string
  tag?: string
  branch?: string
  slug?: string
  buildUrl?: string
}

type Env = Readonly<Record<string, string | undefined>>

const TAG_REF = 'refs/tags/'

/**
 * `tag` (the --tag flag) wins: it is what the user said. Otherwise env-ci's tag;
 * else a branch that is really a tag ref (GitHub's GITHUB_REF and Azure's
 * BUILD_SOURCEBRANCH, which env-ci passes on as a branch); else Jenkins' TAG_NAME.
 */
export function ciRunContext(ci: CiFacts, env: Env, tag?: string): RunContext {
  const branchRef = known(ci.branch)
  const tagName = known(tag) ?? known(ci.tag) ?? (branchRef?.startsWith(TAG_REF) ? branchRef.slice(TAG_REF.length) : undefined) ?? jenkinsTag(ci, env)
  const branch = branchRef?.startsWith('refs/') ? branchRef.replace(/^refs\/heads\//, '') : branchRef
  const refName = tagName ?? (branch && !branch.startsWith('refs/') ? branch : undefined)
  return {
    repository:
      known(ci.slug) ??
      (ci.service === 'azurePipelines' ? known(env.BUILD_REPOSITORY_NAME) : undefined) ??
      (ci.service === 'jenkins' ? repositoryOf(env.GIT_URL) : undefined),
    refName,
    ref: tagName ? `${TAG_REF}${tagName}` : refName ? `refs/heads/${refName}` : undefined,
    sha: known(ci.commit),
    runUrl:
      (ci.service === 'gitlab' ? url(env.CI_PIPELINE_URL) : undefined) ?? url(ci.buildUrl) ?? (ci.service === 'azurePipelines' ? azureRunUrl(env) : undefined)
  }
}

function jenkinsTag(ci: CiFacts, env: Env): string | undefined {
  return ci.service === 'jenkins' ? known(env.TAG_NAME) : undefined
}

/**
 * `owner/name` from the clone URL Jenkins' git plugin sets (GIT_URL): `https://host/acme/connector.git`,
 * `git@host:acme/connector.git`. Only the path's last two parts are taken: the URL may carry credentials.
 */
function repositoryOf(gitUrl: string | undefined): string | undefined {
  const value = known(gitUrl)
  if (!value) return undefined
  // scheme://[user@]host[:port]/path, or scp-style [user@]host:path.
  const repoPath = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value.replace(/^[^:]+:\/\/[^/]*/, '') : value.replace(/^[^:/]*:/, '')
  const parts = repoPath
    .replace(/[?#].*$/, '')
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter(Boolean)
  if (parts.length < 2) return undefined
  const [owner, name] = parts.slice(-2)
  return /^[\w.-]+$/.test(owner) && /^[\w.-]+$/.test(name) ? `${owner}/${name}` : undefined
}

/** Azure's run page, from the organisation, project and build (env-ci builds no URL for Azure). */
function azureRunUrl(env: Env): string | undefined {
  const base = known(env.SYSTEM_COLLECTIONURI)
  const project = known(env.SYSTEM_TEAMPROJECT)
  const build = known(env.BUILD_BUILDID)
  if (!base || !project || !build) return undefined
  return url(`${base.replace(/\/+$/, '')}/${encodeURIComponent(project)}/_build/results?buildId=${encodeURIComponent(build)}`)
}

/** Empty text, and env-ci's fields made from a missing variable ("undefined"), say nothing. */
function known(text: string | undefined): string | undefined {
  const trimmed = text?.trim()
  return trimmed && trimmed !== 'undefined' ? trimmed : undefined
}

/** env-ci builds URLs from templates: one with a missing part is no URL. */
function url(text: string | undefined): string | undefined {
  const value = known(text)
  if (!value || /(^|\/)undefined(\/|$)/.test(value)) return undefined
  try {
    const parsed = new URL(value)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? value : undefined
  } catch {
    return undefined
  }
}
