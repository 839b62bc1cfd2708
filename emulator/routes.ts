/**
 * Which operation a request names. The emulator serves only its prefixes (docs/boomi-api.md, "Hosts and prefixes" leaves the
 * real one uncertain, so a test can serve either, both, mark one retired, or refuse one as an
 * account without the Partner API might be refused).
 */
import { errorAnswer, type Answer } from './wire.js'
import type { Operation } from './types.js'

export interface Route {
  op: Operation
  account?: string // the account ID in the path, under a served prefix
  retired: boolean // under a prefix that answers 410
  refusedWith?: number // under a prefix this account may not use: the status it answers once credentials pass
}

const TAILS: Record<string, Exclude<Operation, 'unknown'>> = {
  'POST ConnectorVersion': 'create',
  'POST ConnectorVersion/query': 'query',
  'POST ConnectorVersion/queryMore': 'queryMore',
  'DELETE ConnectorVersion': 'delete',
  'POST ConnectorVersionChange': 'versionChange'
}

/** '/partner/api/rest/v1/' → '/partner/api/rest/v1'; a prefix must be an absolute path. */
export function normalizePrefix(prefix: string): string {
  const p = prefix.replace(/\/+$/, '')
  if (!p.startsWith('/') || /[?#\s]/.test(p)) throw new Error(`emulator: bad prefix '${prefix}' (an absolute path, e.g. /api/rest/v1)`)
  return p
}

function under(pathname: string, prefixes: readonly string[]): string | undefined {
  return prefixes.filter(p => pathname.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0]
}

export function routeOf(
  method: string,
  pathname: string,
  served: readonly string[],
  retired: readonly string[],
  refused: ReadonlyMap<string, number> = new Map()
): Route {
  const prefix = under(pathname, [...served, ...refused.keys()])
  if (prefix === undefined) return { op: 'unknown', retired: under(pathname, retired) !== undefined }
  const [account, ...rest] = pathname.slice(prefix.length + 1).split('/')
  return { op: TAILS[`${method} ${rest.join('/')}`] ?? 'unknown', account, retired: false, refusedWith: refused.get(prefix) }
}

/** The answer under a refused prefix: Boomi's documented 403 text, or a 401 as for bad credentials. */
export function prefixRefusal(status: number): Answer {
  if (status === 401) return { ...errorAnswer(401, 'Unauthorized'), headers: { 'WWW-Authenticate': 'Basic realm="Boomi"' } }
  if (status === 403) return errorAnswer(403, 'Access denied due to insufficient permissions.')
  return errorAnswer(status, `Refused: HTTP ${status}`)
}

/** The answer to a path the emulator does not serve. */
export function notServed(route: Route, method: string, pathname: string): Answer {
  if (route.retired) return errorAnswer(410, `Gone: ${method} ${pathname} is no longer served. Use the current API path.`)
  return errorAnswer(404, `Not found: ${method} ${pathname}`)
}
