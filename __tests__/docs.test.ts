// action.yml, the README's tables and src/constants.ts must agree: users read
// the first two, the code reads the third.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Input, Output } from '../src/constants.js'

const actionYml = readFileSync('action.yml', 'utf8')
const readme = readFileSync('README.md', 'utf8')

/** Top-level keys of a block in action.yml, with their `default:` when given. */
function block(name: 'inputs' | 'outputs'): Map<string, { required: boolean; default?: string }> {
  const text = actionYml.split(new RegExp(`^${name}:\\n`, 'm'))[1].split(/^\S/m)[0]
  const entries = new Map<string, { required: boolean; default?: string }>()
  for (const part of text.split(/^ {2}(?=[a-z0-9-]+:\s*$)/m).slice(1)) {
    const key = part.slice(0, part.indexOf(':'))
    const def = /^ {4}default: '(.*)'$/m.exec(part)
    entries.set(key, { required: /^ {4}required: true$/m.test(part), default: def ? def[1] : undefined })
  }
  return entries
}

/** Rows of the README table under a heading: first cell (unquoted) → second cell. */
function table(heading: string): Map<string, string> {
  const section = readme.split(`\n## ${heading}\n`)[1].split('\n## ')[0]
  const rows = new Map<string, string>()
  for (const line of section.split('\n')) {
    const m = /^\| `([a-z0-9-]+)` \| ([^|]*) \|/.exec(line)
    if (m) rows.set(m[1], m[2].trim())
  }
  return rows
}

describe('documentation matches the code', () => {
  it('action.yml declares exactly the inputs and outputs of src/constants.ts', () => {
    expect([...block('inputs').keys()].sort()).toEqual(Object.values(Input).sort())
    expect([...block('outputs').keys()].sort()).toEqual(Object.values(Output).sort())
  })

  it("the README's inputs table lists every input with action.yml's default", () => {
    const rows = table('Inputs')
    const inputs = block('inputs')
    expect([...rows.keys()].sort()).toEqual([...inputs.keys()].sort())
    for (const [name, spec] of inputs) {
      const shown = rows.get(name)
      if (spec.required) expect(shown).toBe('required')
      else if (!spec.default) expect(shown).toBe('empty')
      else expect(shown).toBe(`\`${spec.default}\``)
    }
  })

  it("the README's outputs table lists every output", () => {
    expect([...table('Outputs').keys()].sort()).toEqual(Object.values(Output).sort())
  })

  it('action.yml runs the committed bundle on node24', () => {
    expect(actionYml).toMatch(/^ {2}using: 'node24'$/m)
    expect(actionYml).toMatch(/^ {2}main: 'dist\/index\.js'$/m)
  })
})
