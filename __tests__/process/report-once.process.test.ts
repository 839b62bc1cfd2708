// The step's results are written once however the run fails: a bad input found
// during the run (the run published its record) and one found when the inputs
// are read (nothing ran; the entry writes the record of a run that did nothing).
// And the final ::error:: shows outside text escaped and bounded, as the log does.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { parseOutputFile } from '../../scripts/run-action.js'
import { Output } from '../../src/constants.js'
import { MAX_FAILURE_MESSAGE } from '../../src/domain/untrusted.js'
import { type ActionHarness, withActionHarness } from '../helpers/action-harness.js'

const HEADING = /^## Boomi connector release: /gm

describe('a failed run writes its outputs and summary once', () => {
  const cases: [string, Record<string, string>, (h: ActionHarness) => string][] = [
    ['archive not found (in the run)', { archive: 'build/distributions/*.car.zip' }, () => ''],
    [
      'change-log-file missing (in the run, after the archive was checked)',
      { archive: 'build/distributions/*.car.zip', 'change-log-file': 'NOPE.md' },
      h => h.archive()
    ],
    ['keep-latest invalid (before the run)', { 'keep-latest': 'zero' }, () => '']
  ]
  it.concurrent.each(cases)('%s', (_name, extra, setup) =>
    withActionHarness(async h => {
      const sha256 = setup(h)
      const outputFile = path.join(h.fx.work, 'github-output')
      writeFileSync(outputFile, '')
      const r = await h.run(extra, { GITHUB_OUTPUT: outputFile })
      expect(r.code).toBe(1)
      expect(r.errors).toHaveLength(1)
      const written = readFileSync(outputFile, 'utf8')
      for (const name of Object.values(Output)) expect(written.match(new RegExp(`^${name}<<`, 'gm'))).toHaveLength(1)
      expect(parseOutputFile(written)).toMatchObject({ sha256, uploaded: 'false', 'deleted-version-ids': '[]' })
      expect(r.summary.match(HEADING)).toHaveLength(1)
      expect(r.summary).toMatch(/^## Boomi connector release: .*\n\n> \*\*Failed:\*\* /)
    })
  )
})

describe('the final ::error::', () => {
  it.concurrent('shows control characters and line separators in file names escaped', () =>
    withActionHarness(async ({ fx, run }) => {
      const names = ['a\u001b[31m.car.zip', 'b\n::warning::x.car.zip', 'c\u009b.car.zip', 'd\u2028.car.zip', 'e\u202e.car.zip']
      for (const name of names) writeFileSync(path.join(fx.work, 'build/distributions', name), 'PK')
      const r = await run({ archive: 'build/distributions/*.car.zip' })
      expect(r.code).toBe(1)
      expect(r.errors).toHaveLength(1)
      for (const raw of ['\u001b', '\u009b', '\u2028', '\u202e']) expect(r.stdout).not.toContain(raw)
      // Escaped where the names are shown (\\xNN) or, for what reaches the end raw, in the final error (\\uNNNN).
      for (const shown of [/a\\(x1b|u001b)\[31m/, /c\\(x9b|u009b)/, /d\\(x|u)2028/, /e\\(x|u)202e/]) expect(r.errors[0]).toMatch(shown)
      // The line break is no line break, and nothing after it reads as a command.
      expect(r.errors[0]).toMatch(/b(\\x0a|%0A> )::warning::x\.car\.zip/)
      expect(r.stdout.split('\n').some(line => line.startsWith('::warning::'))).toBe(false)
    })
  )

  it.concurrent('is bounded', () =>
    withActionHarness(async ({ fx, run }) => {
      for (let i = 0; i < 60; i++) writeFileSync(path.join(fx.work, 'build/distributions', `${String(i).padStart(3, '0')}${'x'.repeat(200)}.car.zip`), 'PK')
      const r = await run({ archive: 'build/distributions/*.car.zip' })
      expect(r.code).toBe(1)
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0].length).toBeLessThanOrEqual(MAX_FAILURE_MESSAGE)
      expect(r.errors[0]).toMatch(/^archive .* matches 60 files, .*…$/)
    })
  )
})
