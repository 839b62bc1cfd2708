// What the run learned about Boomi's API itself, as opposed to the group's
// versions: which API root answered (docs/behaviour.md, "Finding the prefix")
// and what Boomi said about its API in answer headers ("First contact").
import type { Operation } from '../errors.js'

/** An answer header about the API itself, kept once per header per operation. */
export interface ApiNotice {
  /** The operation whose answer carried it. */
  operation: Operation
  /** Deprecation, Sunset, Warning or Link. */
  header: string
  /** Outside text: on one line and cut, but not escaped (each log line and the summary escape it for themselves). */
  value: string
}

export interface PrefixRefusal {
  prefix: string
  status: number
}

export interface ApiContact {
  /** The API root that answered, a host with its path prefix: what `api-url` pins. Absent while none has. */
  apiUrl?: string
  /** True when `api-url` was a host alone and the prefix was found by trying. */
  found: boolean
  /** The prefixes that refused the run's first request before one answered: each costs a request on every run. */
  refused: PrefixRefusal[]
  notices: ApiNotice[]
}
