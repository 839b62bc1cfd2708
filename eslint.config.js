// ESLint flat config. typescript-eslint's recommended rules without type information:
// type-aware linting would run the compiler a second time, and `npm run typecheck`
// already does that. Formatting is Prettier's job, so eslint-config-prettier comes last
// and switches off every stylistic rule that could disagree with it.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Node's modules by what they reach, as regular expressions over the import's source.
const FILE_SYSTEM = '^(node:)?fs(/.*)?$'
const NETWORK = '^(node:)?(http|https|http2|net|tls|dgram|dns)(/.*)?$'
// `module` for createRequire, which loads anything without an import statement.
const PROCESSES = '^(node:)?(child_process|cluster|module)(/.*)?$'
const THREADS = '^(node:)?worker_threads$'
// What the orchestrator may import for types only: the concrete client and the modules that do I/O.
const ORCHESTRATOR_TYPES_ONLY = ['../boomi/client*', '../net/transport*', '../net/multipart*', '../net/verified-read*', '../archive/*']
const ARCHIVE_BUT_LOCATE = ['../archive/*', '!../archive/locate*']

export default defineConfig([
  globalIgnores(['dist/', '.tools/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/']),
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.node
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error'
    },
    rules: {
      // A leading underscore marks a parameter that an interface requires but this
      // implementation does not need; destructuring to drop a key is deliberate too.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }]
    }
  },
  // Which way imports point (see CONTRIBUTING, "Layout"): the runner wires everything; the
  // orchestrator runs phases; domain is pure; boomi talks to Boomi through net; archive and net
  // move bytes. Only src/runner/ touches the runner (@actions/*, process.env). Node's modules are
  // matched with and without `node:` (`import fs from 'fs'` is node:fs) and with subpaths.
  ...layer(
    'src/domain/**',
    ['../net/*', '../archive/*', '../orchestrator/*', '../runner/*', '../inputs/*', '../boomi/client*', '../boomi/answers*', '../boomi/listing*'],
    [FILE_SYSTEM, NETWORK, PROCESSES, THREADS]
  ),
  ...layer('src/net/**', ['../domain/*', '../boomi/*', '../archive/*', '../orchestrator/*', '../runner/*', '../inputs/*'], [PROCESSES, THREADS]),
  ...layer('src/archive/**', ['../net/*', '../boomi/*', '../orchestrator/*', '../runner/*', '../inputs/*'], [NETWORK, PROCESSES]),
  ...layer('src/boomi/**', ['../archive/*', '../orchestrator/*', '../runner/*', '../inputs/*'], [FILE_SYSTEM, NETWORK, PROCESSES, THREADS]),
  ...layer(
    'src/inputs/**',
    ['../domain/*', '../archive/*', '../boomi/client*', '../orchestrator/*', '../runner/*'],
    [FILE_SYSTEM, NETWORK, PROCESSES, THREADS]
  ),
  // The orchestrator reaches Boomi, the network and the file system only through RunDeps: the
  // concrete client and the modules that do I/O may be imported for their types alone.
  ...layer('src/orchestrator/**', ['../runner/*'], [FILE_SYSTEM, NETWORK, PROCESSES, THREADS], ORCHESTRATOR_TYPES_ONLY),
  // Still to close: inputs-phase.ts locates the archive itself (archive/locate.ts reads the file
  // system); once locating is a RunDeps member this exception goes.
  ...layer(
    'src/orchestrator/inputs-phase.ts',
    ['../runner/*'],
    [FILE_SYSTEM, NETWORK, PROCESSES, THREADS],
    ORCHESTRATOR_TYPES_ONLY.filter(p => p !== '../archive/*').concat(ARCHIVE_BUT_LOCATE)
  ),
  // The leaves everyone imports: they import nothing of src/ and do no I/O.
  ...layer('src/{errors,constants}.ts', ['./*/**'], [FILE_SYSTEM, NETWORK, PROCESSES, THREADS]),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/runner/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/runner/ reads the environment; pass what you need in.' }],
      // import() takes any expression, so no pattern can check where it points: only the runner,
      // which wires everything, loads modules lazily.
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'Only src/runner/ imports dynamically; import statically so lint can check the direction.' }
      ]
    }
  },
  prettier
])

/**
 * A folder of src/ and the imports it must not make: `forbidden` (gitignore-style paths), `io`
 * (regular expressions over Node's modules), `typesOnly` (paths whose types alone may be
 * imported), plus @actions/* everywhere but the runner.
 */
function layer(files, forbidden, io, typesOnly = []) {
  const message = 'This import points the wrong way between layers (see eslint.config.js).'
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: forbidden, message },
              ...io.map(regex => ({ regex, allowTypeImports: true, message: 'This layer does no I/O of this kind: it is passed in (see eslint.config.js).' })),
              ...(typesOnly.length ? [{ group: typesOnly, allowTypeImports: true, message: `${message} Only its types may be imported here.` }] : []),
              { group: ['@actions/*'], message: 'Only src/runner/ talks to the runner.' }
            ]
          }
        ]
      }
    }
  ]
}
