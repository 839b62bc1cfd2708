// Upload progress in a log: a line every 10 % or 10 s, whichever comes later.
import { describe, expect, it } from '@jest/globals'
import { periodicLines } from '../../src/core/progress.js'
import { uploadLine, uploadLineDue } from '../../src/domain/progress.js'

const MiB = 1024 * 1024

describe('uploadLineDue', () => {
  const total = 100 * MiB
  const last = { atMs: 0, sent: 0 }
  it.each([
    ['10 s and 10 % both passed', 10_000, 10 * MiB, true],
    ['10 % but not 10 s (a fast upload)', 9_999, 50 * MiB, false],
    ['10 s but not 10 % (a slow upload)', 60_000, 10 * MiB - 1, false],
    ['long after, much sent', 120_000, 90 * MiB, true],
    ['the last byte: the upload says it itself', 60_000, total, false]
  ])('%s', (_name, now, sent, due) => {
    expect(uploadLineDue(last, now, sent, total)).toBe(due)
  })

  it('counts from the last line, not from the start', () => {
    expect(uploadLineDue({ atMs: 10_000, sent: 10 * MiB }, 20_000, 19 * MiB, total)).toBe(false)
    expect(uploadLineDue({ atMs: 10_000, sent: 10 * MiB }, 20_000, 20 * MiB, total)).toBe(true)
  })

  it('an empty archive prints nothing', () => {
    expect(uploadLineDue(last, 60_000, 0, 0)).toBe(false)
  })
})

it('the line gives bytes, share, rate and time left', () => {
  expect(uploadLine(45 * MiB, 100 * MiB, 10_000)).toBe('… sent 45.0 MiB of 100.0 MiB (45%), 4.5 MiB/s, about 13 s left')
  expect(uploadLine(0, 100 * MiB, 0)).toBe('… sent 0 B of 100.0 MiB (0%), 0 B/s')
})

it('periodic lines: at the later of 10 % and 10 s, counting again from a new attempt', () => {
  let now = 0
  const lines: string[] = []
  const progress = periodicLines({ info: l => void lines.push(l), warning: () => undefined, debug: () => undefined }, () => now)
  const total = 100 * MiB
  for (const [t, sent] of [
    [1_000, 50 * MiB], // 50 % in 1 s: not yet 10 s
    [10_000, 60 * MiB], // due
    [15_000, 90 * MiB], // 30 % more, only 5 s
    [19_000, 95 * MiB], // 35 % more, only 9 s
    [30_000, 10 * MiB], // a new attempt: counts from here
    [40_000, 20 * MiB] // due: 10 s and 10 % since the attempt began
  ]) {
    now = t
    progress.upload(sent, total)
  }
  expect(lines).toEqual(['… sent 60.0 MiB of 100.0 MiB (60%), 6.0 MiB/s, about 7 s left', '… sent 20.0 MiB of 100.0 MiB (20%), 2.0 MiB/s, about 40 s left'])
})
