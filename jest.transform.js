// Jest's transform for TypeScript: esbuild strips the types, file by file, as `tsc`
// with isolatedModules would (types are checked by `npm run typecheck`). Loading no
// TypeScript compiler in each Jest worker saves CPU the tests need (docs/benchmarks.md,
// "The test suite's time").
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { transformSync, version } from 'esbuild'

const options = {
  loader: 'ts',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  // As tsconfig.base.json compiles: ES2022 class fields.
  tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, verbatimModuleSyntax: false } }
}
const salt = `${version}\0${readFileSync(new URL(import.meta.url))}`

export default {
  canInstrument: false,
  getCacheKey(source, path) {
    return createHash('sha256').update(salt).update('\0').update(path).update('\0').update(source).digest('hex')
  },
  process(source, path) {
    const { code } = transformSync(source, { ...options, sourcefile: path })
    return { code }
  }
}
