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

export default defineConfig([
  globalIgnores(['dist/', 'cli/dist/', '.tools/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/']),
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
  // Which way imports point (see CONTRIBUTING, "Layout"): two front ends, src/runner/ (the
  // Action) and src/cli/ (the command-line tool), each hand src/core/ a Platform; the core
  // wires everything and knows neither; the orchestrator runs phases; domain is pure; boomi
  // talks to Boomi through net; archive and net move bytes. Under them all, the base layer
  // (src/errors.ts, constants.ts, text.ts, logger.ts) imports nothing and may be imported
  // by every layer. Only the front ends read process.env, and only src/runner/ touches the
  // runner (@actions/*).
  // Node's modules are matched with and without `node:` (`import fs from 'fs'` is node:fs) and
  // with subpaths; their types may be imported anywhere.
  ...layer(
    'src/domain/**',
    [
      '../net/*',
      '../archive/*',
      '../orchestrator/*',
      '../runner/*',
      '../cli/*',
      '../core/*',
      '../inputs/*',
      '../boomi/client*',
      '../boomi/answers*',
      '../boomi/listing*'
    ],
    { io: [FILE_SYSTEM, NETWORK, PROCESSES, THREADS] }
  ),
  ...layer('src/net/**', ['../core/*', '../cli/*', '../domain/*', '../boomi/*', '../archive/*', '../orchestrator/*', '../runner/*', '../inputs/*'], {
    io: [PROCESSES, THREADS]
  }),
  ...layer('src/archive/**', ['../core/*', '../cli/*', '../net/*', '../boomi/*', '../orchestrator/*', '../runner/*', '../inputs/*'], {
    io: [NETWORK, PROCESSES]
  }),
  ...layer('src/boomi/**', ['../core/*', '../cli/*', '../archive/*', '../orchestrator/*', '../runner/*', '../inputs/*'], {
    io: [FILE_SYSTEM, NETWORK, PROCESSES, THREADS]
  }),
  ...layer('src/inputs/**', ['../core/*', '../cli/*', '../domain/*', '../archive/*', '../boomi/client*', '../orchestrator/*', '../runner/*'], {
    io: [FILE_SYSTEM, NETWORK, PROCESSES, THREADS]
  }),
  // The orchestrator reaches Boomi, the network and the file system only through RunDeps: the
  // concrete client and the modules that do I/O may be imported for their types alone.
  ...layer('src/orchestrator/**', ['../runner/*', '../cli/*', '../core/*'], {
    io: [FILE_SYSTEM, NETWORK, PROCESSES, THREADS],
    typesOnly: ORCHESTRATOR_TYPES_ONLY
  }),
  // The base layer, the leaves every layer imports: errors (and the operation names), the public
  // names, text (control characters, byte sizes), the Logger interface and the lane sum (the check
  // and the upload both take it). They import nothing of src/ but one another, and do no I/O.
  ...layer('src/{errors,constants,text,logger,lane-sum}.ts', ['./*/**'], { io: [FILE_SYSTEM, NETWORK, PROCESSES, THREADS] }),
  // The proxy resolver @actions/http-client knows nothing of the runner; the core may load it.
  ...layer('src/core/**', ['../runner/*', '../cli/*'], { actions: ['@actions/*', '!@actions/http-client'] }),
  ...layer('src/cli/**', ['../runner/*']),
  ...layer('src/runner/**', ['../cli/*'], { actions: [] }),
  {
    files: ['src/**/*.ts'],
    ignores: ['src/runner/**', 'src/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only the front ends (src/runner/, src/cli/) read the environment; pass what you need in.' }
      ]
    }
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/runner/**', 'src/cli/**', 'src/core/**'],
    rules: {
      // import() takes any expression, so no pattern can check where it points: only the code
      // that wires everything (the front ends and the core) loads modules lazily.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression',
          message: 'Only src/runner/, src/cli/ and src/core/ import dynamically; import statically so lint can check the direction.'
        }
      ]
    }
  },
  prettier
])

/**
 * A folder of src/ and the imports it must not make: `forbidden` (gitignore-style paths), `io`
 * (regular expressions over Node's modules), `typesOnly` (paths whose types alone may be
 * imported), `actions` (@actions/* everywhere but the runner).
 */
function layer(files, forbidden, { io = [], typesOnly = [], actions = ['@actions/*'] } = {}) {
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
              ...(actions.length ? [{ group: actions, message: 'Only src/runner/ talks to the runner.' }] : [])
            ]
          }
        ]
      }
    }
  ]
}
