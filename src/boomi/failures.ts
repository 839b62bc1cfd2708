// Every failure of a request to Boomi, read once into the kinds the retry
// strategy knows (src/net/retry.ts): the network layer never learns Boomi's
// error classes, and no caller reads a status to decide whether to retry.
import { AnswerError, BoomiError, NetworkError, type Operation, OutcomeUnknownError } from '../errors.js'
import type { Failure } from '../net/retry.js'
import { PROXY_REFUSED } from '../net/transport.js'

/** How many tries a name that does not resolve for now (EAI_AGAIN) gets in all, however high max-attempts is. */
export const NAME_RESOLUTION_TRIES = 2

/** The operations that change something in the account. */
const CHANGES: ReadonlySet<Operation> = new Set<Operation>(['create', 'delete', 'version change'])

/** A certificate that fails verification will fail the same way next time. */
const CERTIFICATE_FAILURE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/

export function classifyFailure(err: unknown): Failure {
  if (err instanceof NetworkError) {
    // Only a request never written proves nothing reached Boomi.
    const mayHaveTakenEffect = !err.notSent
    if (CERTIFICATE_FAILURE.test(err.code)) return { kind: 'client-error', mayHaveTakenEffect, label: err.code }
    // A host name that does not resolve is far more often a mistyped api-url than a passing fault:
    // ENOTFOUND ("no such name") is not retried, EAI_AGAIN ("try again later") gets one more try.
    if (err.code === 'ENOTFOUND') return { kind: 'client-error', mayHaveTakenEffect: false, label: err.code }
    // A proxy that refused the tunnel (407, 403) refuses the next one too; nothing reached Boomi.
    if (err.code === PROXY_REFUSED) return { kind: 'client-error', mayHaveTakenEffect: false, label: err.code }
    if (err.code === 'EAI_AGAIN') return { kind: 'transient', mayHaveTakenEffect: false, label: err.code, maxTries: NAME_RESOLUTION_TRIES }
    return { kind: 'transient', mayHaveTakenEffect, label: err.code }
  }
  if (err instanceof BoomiError) {
    const label = `HTTP ${err.status}`
    const retryAfterMs = err.retryAfterMs
    // "Not now": the account's rate limit or a busy Boomi; nothing was done.
    if (err.status === 503 || err.status === 429) return { kind: 'throttling', mayHaveTakenEffect: false, retryAfterMs, label }
    // A 500, 502 or 504 may come from a gateway after the work was done.
    if (err.status >= 500) return { kind: 'server-error', mayHaveTakenEffect: true, retryAfterMs, label }
    return { kind: 'client-error', mayHaveTakenEffect: false, label }
  }
  if (err instanceof OutcomeUnknownError) return { kind: 'client-error', mayHaveTakenEffect: true, label: err.name }
  // An answer not understood (a 2xx that is not what Boomi documents, or one too large to read) to a
  // request that changes something: Boomi may well have done it, and asking again would not help.
  if (err instanceof AnswerError) return { kind: 'client-error', mayHaveTakenEffect: CHANGES.has(err.operation), label: err.name }
  // An archive that changed, a cancelled run, a bug: asking again would not help.
  return { kind: 'client-error', mayHaveTakenEffect: false, label: err instanceof Error ? err.name : 'error' }
}

/** A failure after which asking again may succeed. */
export function isRetryable(err: unknown): boolean {
  return classifyFailure(err).kind !== 'client-error'
}

/** A failure that may nonetheless have done the work (see classifyFailure). */
export function mayHaveTakenEffect(err: unknown): boolean {
  return classifyFailure(err).mayHaveTakenEffect
}
