// One listing of a group, page by page: bounded in pages and versions, a
// repeated page token refused, Boomi's own count checked, duplicates merged
// and versions of other groups set aside. Pure: the client feeds it pages.
import { AnswerError } from '../errors.js'
import type { ConnectorVersion } from '../domain/versions.js'
import type { QueryPage } from './answers.js'
import { MAX_LISTED_VERSIONS, MAX_QUERY_PAGES } from './contract.js'

export interface Listing {
  versions: ConnectorVersion[]
  /** versionIds of versions that named another group type: left out. */
  foreign: string[]
}

export class ListingPages {
  private readonly tokens = new Set<string>()
  private readonly entries: ConnectorVersion[] = []
  private pages = 0
  private count?: number

  constructor(
    private readonly groupType: string,
    private readonly limits = { pages: MAX_QUERY_PAGES, versions: MAX_LISTED_VERSIONS }
  ) {}

  /** Takes one page; answers the token of the next page, or undefined when this was the last. */
  add(page: QueryPage, operation: string): string | undefined {
    this.pages++
    this.entries.push(...page.result)
    if (page.numberOfResults !== undefined) this.checkCount(page.numberOfResults, operation)
    if (this.entries.length > this.limits.versions) {
      throw new AnswerError(operation, `the listing holds more than ${this.limits.versions} versions, more than an account can have`)
    }
    const token = page.queryToken
    if (token === undefined) return this.checkComplete(operation)
    if (this.tokens.has(token)) throw new AnswerError(operation, 'queryMore returned a token it had already returned')
    if (this.pages >= this.limits.pages) {
      throw new AnswerError(operation, `the listing goes on past ${this.limits.pages} pages, more than an account's versions fill`)
    }
    this.tokens.add(token)
    return token
  }

  private checkCount(count: number, operation: string): void {
    if (this.count !== undefined && count !== this.count) {
      throw new AnswerError(operation, `'numberOfResults' changed from ${this.count} to ${count} between pages`)
    }
    this.count = count
    if (this.entries.length > count) {
      throw new AnswerError(operation, `the pages hold more versions (${this.entries.length}) than 'numberOfResults' says (${count})`)
    }
  }

  private checkComplete(operation: string): undefined {
    if (this.count !== undefined && this.entries.length !== this.count) {
      throw new AnswerError(operation, `'numberOfResults' says ${this.count} versions, but the pages held ${this.entries.length}`)
    }
    return undefined
  }

  get received(): number {
    return this.entries.length
  }

  get expected(): number | undefined {
    return this.count
  }

  /** Identical copies of a version collapse; copies that differ make the listing not understood. */
  finish(operation: string): Listing {
    const byId = new Map<string, { version: ConnectorVersion; json: string }>()
    for (const version of this.entries) {
      const json = JSON.stringify(version)
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
    return { versions, foreign }
  }
}
