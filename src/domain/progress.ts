// When a log without a terminal hears of an upload's progress, and in what words:
// a line every 10 % or 10 s, whichever comes later, so that a fast upload is not
// a wall of lines and a slow one still shows it moves. docs/behaviour.md, "Upload".
import { approxBytes } from '../text.js'

export const PROGRESS_STEP_MS = 10_000
export const PROGRESS_STEP_FRACTION = 0.1

/** The last line printed (or the attempt's start): when, and how many bytes had gone. */
export interface ProgressMark {
  atMs: number
  sent: number
}

/** True once both 10 s and a tenth of the archive have passed since `last`; never for the last byte (the upload's own line says it). */
export function uploadLineDue(last: ProgressMark, nowMs: number, sent: number, total: number): boolean {
  if (total <= 0 || sent >= total) return false
  return nowMs - last.atMs >= PROGRESS_STEP_MS && sent - last.sent >= total * PROGRESS_STEP_FRACTION
}

/** e.g. "… sent 45.0 MiB of 100.0 MiB (45%), 4.5 MiB/s, about 12 s left" */
export function uploadLine(sent: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (sent * 1000) / elapsedMs : 0
  const left = rate > 0 ? `, about ${Math.ceil((total - sent) / rate)} s left` : ''
  return `… sent ${approxBytes(sent)} of ${approxBytes(total)} (${Math.floor((sent / total) * 100)}%), ${approxBytes(rate)}/s${left}`
}
