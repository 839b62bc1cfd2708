#!/usr/bin/env bash
# Validates action.yml, every workflow in .github/workflows/, every example in examples/
# and every ```yaml block of the README (and CONTRIBUTING/SECURITY): strict YAML, GitHub's
# schemas (from @action-validator/core), the inputs given to this action, and the pins of
# third-party actions. The checks live in scripts/validate-actions.ts, which the docs test
# (__tests__/tooling/docs-yaml.test.ts) runs too, so CI and `npm test` judge alike.
# Usage: scripts/validate-actions.sh [repo-root]   (default: the repository this script is in)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root=$(cd "${1:-$here}" && pwd)
if [ ! -d "$here/node_modules/@action-validator/core" ]; then
  echo "validate-actions: @action-validator/core not found; run 'npm ci' first." >&2
  exit 2
fi
cd "$here"
npm run --silent build:tools
node .tools/scripts/validate-actions.js "$root"
