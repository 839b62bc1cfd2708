// The mutation job's gate: a survivor fails it unless listed, with its reason, by the code it changes.
import { describe, expect, it } from '@jest/globals'
import { type MutationReport, judge, render } from '../../scripts/mutation-gate.js'

const source = 'export function f(n: number): boolean {\n  return n > 1\n}\n'
const at = (line: number, column: number, endColumn: number) => ({ start: { line, column }, end: { line, column: endColumn } })
const report: MutationReport = {
  files: {
    'src/f.ts': {
      source,
      mutants: [
        { mutatorName: 'EqualityOperator', replacement: 'n >= 1', status: 'Survived', location: at(2, 10, 15) },
        { mutatorName: 'BooleanLiteral', replacement: 'true', status: 'NoCoverage', location: at(2, 10, 15) },
        { mutatorName: 'EqualityOperator', replacement: 'n < 1', status: 'Killed', location: at(2, 10, 15) },
        { mutatorName: 'BlockStatement', replacement: '{}', status: 'Timeout', location: at(1, 39, 2) },
        { mutatorName: 'ConditionalExpression', replacement: 'false', status: 'CompileError', location: at(2, 10, 15) }
      ]
    }
  }
}

describe('mutation gate', () => {
  it('scores killed and timed-out mutants over those that ran, and names each survivor by the code it changes', () => {
    const { files, stale } = judge(report, [])
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({ file: 'src/f.ts', killed: 2, valid: 4 })
    expect(files[0].survivors.map(s => [s.line, s.mutator, s.original, s.replacement, s.reason])).toEqual([
      [2, 'EqualityOperator', 'n > 1', 'n >= 1', undefined],
      [2, 'BooleanLiteral', 'n > 1', 'true', undefined]
    ])
    expect(stale).toEqual([])
    const { text, unexplained } = render(files, stale)
    expect(unexplained).toBe(2)
    expect(text).toContain('SURVIVED src/f.ts:2 EqualityOperator: n > 1  →  n >= 1')
    expect(text).toMatch(/src\/f\.ts\s+50\.0 %\s+2\/4\s+2 \(0\)/)
  })

  it('lets a listed survivor pass with its reason, and reports an entry that no longer survives', () => {
    const reason = 'equivalent: n is a whole count, never 1 here'
    const listed = [
      { file: 'src/f.ts', mutator: 'EqualityOperator', original: 'n > 1', replacement: 'n >= 1', reason },
      { file: 'src/f.ts', mutator: 'EqualityOperator', original: 'n > 1', replacement: 'n < 1', reason: 'killed since' },
      { file: 'src/other.ts', mutator: 'EqualityOperator', original: 'x', replacement: 'y', reason: 'not in this run' }
    ]
    const { files, stale } = judge(report, listed)
    expect(files[0].survivors.map(s => s.reason)).toEqual([reason, undefined])
    expect(stale.map(e => e.reason)).toEqual(['killed since'])
    const { text, unexplained } = render(files, stale)
    expect(unexplained).toBe(1)
    expect(text).toContain('listed but no longer surviving')
  })

  it('passes when every survivor is listed', () => {
    const listed = ['n >= 1', 'true'].map((replacement, i) => ({
      file: 'src/f.ts',
      mutator: i ? 'BooleanLiteral' : 'EqualityOperator',
      original: 'n > 1',
      replacement,
      reason: 'r'
    }))
    const { files, stale } = judge(report, listed)
    expect(render(files, stale).unexplained).toBe(0)
  })
})
