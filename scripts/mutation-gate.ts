// The mutation job's verdict (`npm run mutate`, CONTRIBUTING "Mutation testing"): every
// mutant that survived the tests is a change to a decision that no test notices, so each
// one either gets a test or is listed in .ci/mutation-survivors.json with the reason it
// cannot or need not be killed (an equivalent mutant, or text that only describes).
// Listed by the code it changes, not by line, so an entry outlives edits elsewhere in the file.
import { readFileSync } from 'node:fs'

/** The parts of Stryker's JSON report (mutation-testing-report-schema) read here. */
export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>
}
interface ReportMutant {
  mutatorName: string
  replacement?: string
  status: string
  location: { start: { line: number; column: number }; end: { line: number; column: number } }
}

export interface ExplainedSurvivor {
  file: string
  mutator: string
  /** The source text the mutant replaces, exactly. */
  original: string
  replacement: string
  reason: string
}

export interface FileScore {
  file: string
  killed: number
  /** Mutants that ran or should have: killed, timed out, survived, not covered. */
  valid: number
  survivors: Survivor[]
}

export interface Survivor {
  file: string
  line: number
  mutator: string
  original: string
  replacement: string
  /** Why it may survive, when listed. */
  reason?: string
}

const KILLED = new Set(['Killed', 'Timeout'])
const SURVIVED = new Set(['Survived', 'NoCoverage'])

/** The text between two 1-based (line, column) positions of `source`. */
function span(source: string, m: ReportMutant): string {
  const lines = source.split('\n')
  const offset = (p: { line: number; column: number }): number => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1
  return source.slice(offset(m.location.start), offset(m.location.end))
}

const key = (s: { file: string; mutator: string; original: string; replacement: string }): string =>
  JSON.stringify([s.file, s.mutator, s.original, s.replacement])

/** Scores per file, each survivor with its listed reason if it has one; the entries of `listed` that matched nothing. */
export function judge(report: MutationReport, listed: readonly ExplainedSurvivor[]): { files: FileScore[]; stale: ExplainedSurvivor[] } {
  const reasons = new Map(listed.map(e => [key(e), e]))
  const used = new Set<string>()
  const files = Object.entries(report.files)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, { source, mutants }]) => {
      const survivors = mutants
        .filter(m => SURVIVED.has(m.status))
        .map(m => {
          const s: Survivor = { file, line: m.location.start.line, mutator: m.mutatorName, original: span(source, m), replacement: m.replacement ?? '' }
          const entry = reasons.get(key(s))
          if (entry) used.add(key(s))
          return entry ? { ...s, reason: entry.reason } : s
        })
        .sort((a, b) => a.line - b.line)
      const killed = mutants.filter(m => KILLED.has(m.status)).length
      return { file, killed, valid: killed + mutants.filter(m => SURVIVED.has(m.status)).length, survivors }
    })
  const judged = new Set(files.map(f => f.file))
  return { files, stale: listed.filter(e => judged.has(e.file) && !used.has(key(e))) }
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').slice(0, 100)

export function render(files: FileScore[], stale: ExplainedSurvivor[]): { text: string; unexplained: number } {
  const out: string[] = ['file                                  score   killed/valid  survivors (listed)']
  let unexplained = 0
  for (const f of files) {
    const score = f.valid ? ((100 * f.killed) / f.valid).toFixed(1) : '100.0'
    const listedCount = f.survivors.filter(s => s.reason).length
    out.push(`${f.file.padEnd(36)} ${score.padStart(6)} % ${`${f.killed}/${f.valid}`.padStart(12)}  ${f.survivors.length} (${listedCount})`)
  }
  for (const s of files.flatMap(f => f.survivors).filter(s => !s.reason)) {
    unexplained++
    out.push(`SURVIVED ${s.file}:${s.line} ${s.mutator}: ${oneLine(s.original)}  →  ${oneLine(s.replacement)}`)
  }
  for (const e of stale) out.push(`listed but no longer surviving (remove it from .ci/mutation-survivors.json): ${e.file} ${e.mutator}: ${oneLine(e.original)}`)
  out.push(
    unexplained
      ? `${unexplained} surviving mutant(s) neither killed nor listed: write the test that fails on each, or list it with its reason in .ci/mutation-survivors.json.`
      : 'Every surviving mutant is listed with its reason.'
  )
  return { text: out.join('\n'), unexplained }
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T
}
