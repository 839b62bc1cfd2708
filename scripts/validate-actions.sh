#!/usr/bin/env bash
# Validates action.yml, every workflow in .github/workflows/ and every example in
# examples/ against GitHub's schemas, with @action-validator/cli (a devDependency).
# The validator takes one file per run and decides by the file name: a name ending in
# action.yml or action.yaml is checked as an action, anything else as a workflow.
# Exits non-zero when any file has an error, after checking all of them.
# Usage: scripts/validate-actions.sh [repo-root]   (default: the repository this script is in)
set -euo pipefail

root=${1:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"}
validator="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/node_modules/.bin/action-validator"
if [ ! -x "$validator" ]; then
  echo "validate-actions: $validator not found; run 'npm ci' first." >&2
  exit 2
fi

cd "$root"
shopt -s nullglob
files=()
[ -f action.yml ] && files+=(action.yml)
[ -f action.yaml ] && files+=(action.yaml)
files+=(.github/workflows/*.yml .github/workflows/*.yaml examples/*.yml examples/*.yaml)

if [ "${#files[@]}" -eq 0 ]; then
  echo "validate-actions: no action.yml, workflow or example found under $root" >&2
  exit 2
fi

# The schema inside @action-validator 0.6.0 (the newest release) lists only node12,
# node16 and node20 for runs.using, and so rejects `node24`, which GitHub accepts.
# Such a file is checked as a copy that says node20 instead; nothing else is changed.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
checked_copy() {
  local file=$1
  if [[ $(basename "$file") == action.y*ml ]] && grep -Eq "^[[:space:]]*using:[[:space:]]*['\"]?node24['\"]?[[:space:]]*(#.*)?$" "$file"; then
    mkdir -p "$tmp/$(dirname "$file")"
    sed -E "s/^([[:space:]]*using:[[:space:]]*['\"]?)node24/\1node20/" "$file" > "$tmp/$file"
    echo "$tmp/$file"
  else
    echo "$file"
  fi
}

failed=0
for file in "${files[@]}"; do
  if output=$("$validator" "$(checked_copy "$file")" 2>&1); then
    echo "ok      $file"
  else
    echo "FAILED  $file"
    printf '%s\n' "$output" | sed 's/^/        /'
    failed=$((failed + 1))
  fi
done

if [ "$failed" -gt 0 ]; then
  echo "validate-actions: $failed of ${#files[@]} files have errors" >&2
  exit 1
fi
echo "validate-actions: all ${#files[@]} files are valid"
