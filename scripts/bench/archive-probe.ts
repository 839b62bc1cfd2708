// One measurement in a fresh process, as a release makes it once: `inspect` runs
// inspectArchive, `sha256` runs today's sha256File. Prints one JSON line with the
// time of the call alone (start-up excluded) and the result.
import { performance } from 'node:perf_hooks'
import { sha256File } from '../../src/archive/hash.js'
import { inspectArchive } from '../../src/archive/zip.js'

async function main(): Promise<void> {
  const [what, file] = process.argv.slice(2)
  const started = performance.now()
  if (what === 'inspect') {
    const facts = await inspectArchive(file, 'bench.zip')
    process.stdout.write(
      `${JSON.stringify({ ms: performance.now() - started, sha256: facts.sha256, contentSha256: facts.contentSha256, warnings: facts.layoutWarnings.length })}\n`
    )
  } else if (what === 'sha256') {
    const sha256 = await sha256File(file)
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, sha256 })}\n`)
  } else {
    throw new Error(`usage: archive-probe.js inspect|sha256 <file>`)
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 1
})
