/**
 * How the emulator writes its answers. By default, in the shapes of Boomi's example answers
 * (`__tests__/fixtures/boomi-answers/`): user objects, `@type` tags, the version-change answer
 * with the classification it changed, `numberOfResults` counting the page. An `AnswerShape`
 * varies them within what Boomi's docs leave open (docs/boomi-api.md, "Answers" and "What is
 * uncertain"), so a test can run one release against each variant without special cases.
 * What the account stores does not change with the shape, only how it is written.
 */

export interface AnswerShape {
  /** What `numberOfResults` counts: this page's results (default, as Boomi's paging page reads) or the whole query. */
  numberOfResults?: 'page' | 'query'
  /** Every date written with milliseconds (`2026-11-28T14:03:27.000Z`); default: as stored (whole seconds). */
  milliseconds?: boolean
  /** `versionId` in version-change answers as a JSON number (`42`), not text (`"42"`). */
  numericVersionChangeId?: boolean
  /** Fields nobody documented, in every answer object: an object, a list, a nested `@type`. */
  unknownFields?: boolean
  /**
   * How the fields that only describe are written (users, deletion and review details, links,
   * the classification in a version change; never a field that decides, nor `displayVersion`,
   * which the `display-version` output repeats): `documented` (default: user objects, as the
   * examples), `text` (users as their email, `carLink` and `releaseVersion` given, the
   * classification left out), `null`, `absent` (left out), or `object` (each one an object of
   * its own).
   */
  describing?: 'documented' | 'text' | 'null' | 'absent' | 'object'
}

/**
 * Versions and query pages as this emulator wrote them before it followed Boomi's examples:
 * users as text, `releaseVersion` and `carLink` always given, counts of the whole query (a
 * deleted version also names who deleted it). Version changes keep the documented fields,
 * written as text.
 */
export const EARLIER_SHAPE: AnswerShape = { numberOfResults: 'query', describing: 'text' }

/** Boomi's user object, made from an email: `{email, firstName, lastName}`. */
export function userObject(email: string): object {
  const [local, domain = ''] = email.split('@')
  const org = domain.split('.')[0] ?? ''
  return { email, firstName: local, lastName: org.charAt(0).toUpperCase() + org.slice(1) }
}

/** A date as the shape writes it. */
export function dateOf(shape: AnswerShape, stored: string): string {
  if (!shape.milliseconds) return stored
  const ms = Date.parse(stored)
  return Number.isNaN(ms) ? stored : new Date(ms).toISOString()
}

type Fields = Record<string, unknown>

/** One describing field: its value as documented (undefined: left out) and as text (the earlier shape). */
export type Described = [key: string, documented: unknown, text: unknown]

/** A user field: documented as a user object, as text its email. */
export function user(key: string, email: string | undefined): Described {
  return [key, email === undefined ? undefined : userObject(email), email]
}

/** The describing fields, written as the shape says. */
export function describing(shape: AnswerShape, fields: Described[]): Fields {
  const out: Fields = {}
  const mode = shape.describing ?? 'documented'
  for (const [key, documented, text] of fields) {
    if (mode === 'null') out[key] = null
    else if (mode === 'object') out[key] = { '@type': 'Described', value: text ?? null }
    else if (mode === 'text' && text !== undefined) out[key] = text
    else if (mode === 'documented' && documented !== undefined) out[key] = documented
  }
  return out
}

/** Unknown fields for an answer object, when the shape asks for them. */
export function unknownFields(shape: AnswerShape, where: string): Fields {
  if (!shape.unknownFields) return {}
  return {
    links: [{ rel: 'self', href: `https://api.boomi.example/${where}` }, { rel: 'docs' }],
    audit: { '@type': 'AuditInfo', trace: { id: `${where}-trace`, hops: [1, 2] }, flags: null },
    tagsAddedLater: []
  }
}

const DESCRIBING = ['documented', 'text', 'null', 'absent', 'object'] as const

/**
 * The CLI's `--answers` list: `earlier`, `query-count`, `page-count`, `milliseconds`,
 * `numeric-change-id`, `unknown-fields`, `describing=<documented|text|null|absent|object>`,
 * applied in order; empty: the documented shapes. Throws on an item it does not know.
 */
export function parseAnswerShape(items: readonly string[]): AnswerShape {
  let shape: AnswerShape = {}
  for (const item of items) {
    const [word, value] = item.split('=', 2)
    if (word === 'earlier' && value === undefined) shape = { ...shape, ...EARLIER_SHAPE }
    else if (word === 'query-count' && value === undefined) shape.numberOfResults = 'query'
    else if (word === 'page-count' && value === undefined) shape.numberOfResults = 'page'
    else if (word === 'milliseconds' && value === undefined) shape.milliseconds = true
    else if (word === 'numeric-change-id' && value === undefined) shape.numericVersionChangeId = true
    else if (word === 'unknown-fields' && value === undefined) shape.unknownFields = true
    else if (word === 'describing' && (DESCRIBING as readonly string[]).includes(value ?? '')) shape.describing = value as AnswerShape['describing']
    else {
      throw new Error(
        `unknown answer shape '${item}' (one of earlier, query-count, page-count, milliseconds, numeric-change-id, unknown-fields, describing=${DESCRIBING.join('|')})`
      )
    }
  }
  return shape
}
