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
  prettier
])
