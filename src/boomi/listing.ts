// One listing of a group, page by page: bounded in pages and versions, a
// repeated page token refused, duplicates merged and versions of other groups
// set aside. Boomi's `numberOfResults` may count the page or the whole query
// (docs/boomi-api.md, "Reading answers"): either reading is accepted, and one
// that fits neither is noted, never a failure. Pure: the client feeds it pages.
import { AnswerError, type Operation } from '../errors.js'
import type { ConnectorVersion } from '../domain/versions.js'
import { plural } from '../text.js'
import type { QueryPage } from './answers.js'
import { MAX_LISTED_VERSIONS, MAX_QUERY_PAGES } from './contract.js'

export interface Listing {
  versions: ConnectorVersion[]
  /** versionIds of versions that named another group type: left out. */
  foreign: string[]
  /** Set when Boomi's counts fit neither reading: worth a warning, not a failure. */
  countNote?: string
}

/** The fields of a version that decide something (answers.ts reads them strictly). */
const DECIDING = [
  'versionId',
  'groupType',
  'changeLog',
  'uploadedDate',
  'deleted',
  'reviewStatus',
  'releaseVersion'
] as const satisfies readonly (keyof ConnectorVersion)[]

export class ListingPages {
  private readonly tokens = new Set<string>()
  private readonly entries: ConnectorVersion[] = []
  private pages = 0
  /** Each page's count as Boomi gave it, beside the number of results the page held. */
  private readonly counts: { given: number; held: number }[] = []

  constructor(
    private readonly groupType: string,
    private readonly limits = { pages: MAX_QUERY_PAGES, versions: MAX_LISTED_VERSIONS }
  ) {}

  /** Takes one page; answers the token of the next page, or undefined when this was the last. */
  add(page: QueryPage, operation: Operation): string | undefined {
    this.pages++
    this.entries.push(...page.result)
    if (page.numberOfResults !== undefined) this.counts.push({ given: page.numberOfResults, held: page.result.length })
    if (this.entries.length > this.limits.versions) {
      throw new AnswerError(operation, `the listing holds more than ${this.limits.versions} versions, more than an account can have`)
    }
    const token = page.queryToken
    if (token === undefined) return undefined
    if (this.tokens.has(token)) throw new AnswerError(operation, 'queryMore returned a token it had already returned')
    if (this.pages >= this.limits.pages) {
      throw new AnswerError(operation, `the listing goes on past ${this.limits.pages} pages, more than an account's versions fill`)
    }
    this.tokens.add(token)
    return token
  }

  get received(): number {
    return this.entries.length
  }

  /** The count on the latest page that gave one: of that page or of the query, as Boomi meant it. */
  get lastCount(): number | undefined {
    return this.counts.at(-1)?.given
  }

  /** Undefined when every count Boomi gave fits one reading: each page's own size, or the whole listing's. */
  private countNote(): string | undefined {
    if (this.counts.length === 0) return undefined
    const perPage = this.counts.every(c => c.given === c.held)
    const perQuery = this.counts.every(c => c.given === this.entries.length)
    if (perPage || perQuery) return undefined
    const given = this.counts.map(c => c.given).join(', ')
    return `'numberOfResults' (${given}) fits neither this page's results nor the whole listing (${this.entries.length} over ${plural(this.pages, 'page')})`
  }

  /**
   * Copies of a version that agree on every field that decides collapse into the first;
   * copies that disagree on one make the listing not understood. Fields that only describe
   * may differ between copies (docs/boomi-api.md, "Reading answers").
   */
  finish(operation: Operation): Listing {
    const byId = new Map<string, { version: ConnectorVersion; json: string }>()
    for (const version of this.entries) {
      const json = JSON.stringify(DECIDING.map(key => version[key] ?? null))
      const seen = byId.get(version.versionId)
      if (!seen) byId.set(version.versionId, { version, json })
      else if (seen.json !== json) {
        throw new AnswerError(operation, `version ${JSON.stringify(version.versionId)} is listed twice with different fields`)
      }
    }
    const versions: ConnectorVersion[] = []
    const foreign: string[] = []
    for (const { version } of byId.values()) {
      if (version.groupType !== undefined && version.groupType !== this.groupType) foreign.push(version.versionId)
      else versions.push(version)
    }
    const countNote = this.countNote()
    return countNote === undefined ? { versions, foreign } : { versions, foreign, countNote }
  }
}
