#!/usr/bin/env bash
# Moves the major tag vX to the release tag vX.Y.Z, as .github/workflows/release.yml does
# when a release tag is pushed; users who write `@v1` then get the newest 1.x.y.
# The major tag stays where it is for a pre-release (v1.2.0-rc.1), and for a version older
# than the newest full release of that major (a fix on a maintenance branch).
#
# Usage: scripts/move-major-tag.sh vX.Y.Z [--push]   (without --push: the local tag only)
set -euo pipefail

die() {
  echo "move-major-tag: $*" >&2
  exit 1
}

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: scripts/move-major-tag.sh vX.Y.Z [--push]"
tag=$1
push=${2:-}
[ -z "$push" ] || [ "$push" = "--push" ] || die "the second argument may only be --push"

semver='^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
[[ $tag =~ $semver ]] || die "'$tag' is not a release tag vMAJOR.MINOR.PATCH."
major="v${BASH_REMATCH[1]}"
if [ -n "${BASH_REMATCH[4]}" ]; then
  echo "move-major-tag: $tag is a pre-release; $major is left where it is."
  exit 0
fi
commit=$(git rev-parse --verify --quiet "refs/tags/$tag^{commit}") || die "tag $tag does not exist here."

newest=$(git tag -l "$major.*" | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -V | tail -n 1 || true)
if [ "$newest" != "$tag" ]; then
  echo "move-major-tag: $newest is newer than $tag; $major is left where it is."
  exit 0
fi

previous=$(git rev-parse --quiet --verify "refs/tags/$major^{commit}" || true)
git tag -fa "$major" -m "$major: $tag" "$commit" > /dev/null
if [ -n "$previous" ]; then
  echo "move-major-tag: moved $major from $(git rev-parse --short "$previous") to $(git rev-parse --short "$commit")"
else
  echo "move-major-tag: created $major at $(git rev-parse --short "$commit")"
fi
if [ "$push" = "--push" ]; then git push --force origin "refs/tags/$major"; fi
