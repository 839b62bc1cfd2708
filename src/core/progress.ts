// Progress in a log without a terminal (the Action's, a CI job's): the upload's
// periodic line, when domain/progress.ts says it is due. Pruning needs nothing
// here: each deletion's line already carries its count.
import { type ProgressMark, uploadLine, uploadLineDue } from '../domain/progress.js'
import type { Logger } from '../logger.js'
import type { Progress } from '../orchestrator/deps.js'

export function periodicLines(log: Logger, now: () => number): Progress {
  let start: ProgressMark = { atMs: now(), sent: 0 }
  let last = start
  return {
    upload: (sent, total) => {
      const t = now()
      // A new attempt sends its body from the start.
      if (sent < last.sent) last = start = { atMs: t, sent: 0 }
      if (!uploadLineDue(last, t, sent, total)) return
      last = { atMs: t, sent }
      log.info(uploadLine(sent, total, t - start.atMs))
    },
    prune: () => undefined
  }
}
