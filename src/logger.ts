// The base layer's log: what every layer that writes lines needs of it. The front ends
// implement it (the runner's log, or the terminal); the client and the orchestrator
// take it in, and extend it where they need more (ActionLog's groups).

export interface Logger {
  info(line: string): void
  warning(line: string): void
  debug(line: string): void
}
