// ESLint flat config. typescript-eslint's recommended rules without type information:
// type-aware linting would run the compiler a second time, and `npm run typecheck`
// already does that. Formatting is Prettier's job, so eslint-config-prettier comes last
// and switches off every stylistic rule that could disagree with it.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
  globalIgnores(['dist/', '.tools/', 'node_modules/', 'coverage/']),
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
  // talks to Boomi through net; archive and net move bytes. Only the front ends read
  // process.env, and only src/runner/ touches the runner (@actions/*).
  ...layer('src/domain/**', [
    '../net/*',
    '../archive/*',
    '../orchestrator/*',
    '../runner/*',
    '../cli/*',
    '../core/*',
    '../inputs/*',
    '../boomi/client*',
    '../boomi/answers*',
    '../boomi/listing*',
    'node:fs',
    'node:http',
    'node:https',
    'node:net',
    'node:child_process'
  ]),
  ...layer('src/net/**', ['../core/*', '../cli/*', '../domain/*', '../boomi/*', '../archive/*', '../orchestrator/*', '../runner/*', '../inputs/*']),
  ...layer('src/archive/**', ['../core/*', '../cli/*', '../net/*', '../boomi/*', '../orchestrator/*', '../runner/*', '../inputs/*']),
  ...layer('src/boomi/**', ['../core/*', '../cli/*', '../archive/*', '../orchestrator/*', '../runner/*', '../inputs/*']),
  ...layer('src/inputs/**', ['../core/*', '../cli/*', '../domain/*', '../archive/*', '../boomi/client*', '../orchestrator/*', '../runner/*']),
  ...layer('src/orchestrator/**', ['../runner/*', '../cli/*', '../core/*']),
  // The proxy resolver @actions/http-client knows nothing of the runner; the core may load it.
  ...layer('src/core/**', ['../runner/*', '../cli/*'], ['@actions/*', '!@actions/http-client']),
  ...layer('src/cli/**', ['../runner/*']),
  ...layer('src/runner/**', ['../cli/*'], []),
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
  prettier
])

/** A folder of src/ and the imports it must not make, plus @actions/* everywhere but the runner. */
function layer(files, forbidden, actions = ['@actions/*']) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: forbidden, message: 'This import points the wrong way between layers (see eslint.config.js).' },
              ...(actions.length ? [{ group: actions, message: 'Only src/runner/ talks to the runner.' }] : [])
            ]
          }
        ]
      }
    }
  ]
}
