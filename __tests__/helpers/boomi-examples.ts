// Boomi's example answers (__tests__/fixtures/boomi-answers/, see its README),
// read from the repository's own copy so that the tests stand alone.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'

// Jest runs from the repository's root, as the other tests that read files assume.
const DIR = path.join('__tests__', 'fixtures', 'boomi-answers')

export const EXAMPLE_FILES = [
  'version.json',
  'query-page-1.json',
  'query-page-2.json',
  'version-change.json',
  'version-change-pending.json',
  'classification.json',
  'error-403.json'
] as const
export type ExampleFile = (typeof EXAMPLE_FILES)[number]

/** The file's text, exactly as stored. */
export function exampleText(name: ExampleFile): string {
  return readFileSync(path.join(DIR, name), 'utf8')
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function example(name: ExampleFile): any {
  return JSON.parse(exampleText(name))
}

/** The group the examples are about, and its classifications. */
export const EXAMPLE_GROUP = 'acme-Q7XK2P-sample'
