// On a terminal: a bar for the upload (bytes, rate, time left) and one for
// pruning (a count). Loaded only when stderr is a terminal.
import cliProgress from 'cli-progress'
import { approxBytes } from '../text.js'
import type { Progress } from '../orchestrator/deps.js'

export interface TerminalProgress {
  progress: Progress
  /** Clears the bar's line, so that a log line printed meanwhile starts clean (the bar redraws itself below it). */
  clearLine(): void
}

export function terminalProgress(stream: NodeJS.WriteStream): TerminalProgress {
  let bar: cliProgress.SingleBar | undefined
  let current: { kind: 'upload' | 'prune'; last: number; startedMs: number } | undefined
  const stop = (): void => {
    bar?.stop()
    bar = current = undefined
  }
  const show = (kind: 'upload' | 'prune', value: number, total: number, format: string, payload: object): void => {
    // A new phase, or a new upload attempt sending its body from the start.
    if (!bar || current?.kind !== kind || value < current.last) {
      stop()
      bar = new cliProgress.SingleBar({ stream, format, clearOnComplete: true, hideCursor: false }, cliProgress.Presets.shades_classic)
      bar.start(total, 0, payload)
      current = { kind, last: 0, startedMs: Date.now() }
    }
    current!.last = value
    bar.update(value, payload)
    if (value >= total) stop()
  }
  return {
    progress: {
      upload: (sent, total) => {
        const seconds = current?.kind === 'upload' ? (Date.now() - current.startedMs) / 1000 : 0
        const rate = seconds > 0 ? `${approxBytes(sent / seconds)}/s` : '…'
        show('upload', sent, total, 'Upload {bar} {percentage}% | {sent} of {size} | {rate} | {eta_formatted} left', {
          sent: approxBytes(sent),
          size: approxBytes(total),
          rate
        })
      },
      prune: (done, total) => show('prune', done, total, 'Prune  {bar} {value}/{total} deletions', {})
    },
    clearLine: () => {
      if (bar) stream.write('\r\x1b[K')
    }
  }
}
