// Requests that change something are journaled before they are sent, so a run
// stopped before their answer came still says what may have happened
// (docs/behaviour.md, "Cancellation").
import type { SentRequest } from '../domain/record.js'
import { CancelledError } from '../errors.js'
import type { RunDeps } from './deps.js'

let lastId = 0

/** Reports `request` as sent; the function returned reports that its outcome is known. */
export function sending(deps: RunDeps, request: SentRequest): () => void {
  const id = ++lastId
  deps.events.report({ type: 'sent', id, request })
  let open = true
  return () => {
    if (open) deps.events.report({ type: 'answered', id })
    open = false
  }
}

/** Thrown where a cancelled run stops (no new request is started). */
export function stopIfCancelled(deps: RunDeps): void {
  if (deps.signal?.aborted) throw new CancelledError()
}
