#!/usr/bin/env bash
# Tags a release of this action: the annotated tag vX.Y.Z, and the major tag vX moved
# to the same commit (users who write `@v1` get the newest 1.x.y). Pushes nothing:
# it prints the `git push` commands to run once you have looked at the tags.
#
# Usage: scripts/release.sh vX.Y.Z [branch]      (branch: default main)
#
# Refuses, changing nothing, unless
#   - the version is semantic (vMAJOR.MINOR.PATCH, optionally -prerelease);
#   - the work tree is clean and HEAD is on the branch;
#   - HEAD is not ahead of the branch's upstream (push first, so CI has seen it);
#   - package.json's "version" is X.Y.Z and CHANGELOG.md has a "## [X.Y.Z]" section;
#   - the tag vX.Y.Z does not exist yet;
#   - `npm run bundle` leaves dist/ exactly as committed (else dist/ is stale).
# The major tag stays where it is for a pre-release (v1.2.0-rc.1), and for a version
# older than the newest release of that major (a fix on a maintenance branch).
set -euo pipefail

die() {
  echo "release: $*" >&2
  exit 1
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then die "usage: scripts/release.sh vX.Y.Z [branch]"; fi
tag=$1
branch=${2:-main}

semver='^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
[[ $tag =~ $semver ]] || die "'$tag' is not a semantic version tag; expected vMAJOR.MINOR.PATCH, e.g. v1.2.3 (or v1.3.0-rc.1)."
version=${tag#v}
major="v${BASH_REMATCH[1]}"
prerelease=${BASH_REMATCH[4]}

cd "$(git rev-parse --show-toplevel)"

[ -z "$(git status --porcelain)" ] || {
  git status --short >&2
  die "the work tree is not clean. Commit or stash the changes above first."
}

current=$(git symbolic-ref --quiet --short HEAD || echo '(detached HEAD)')
[ "$current" = "$branch" ] || die "HEAD is on '$current', not '$branch'. Check out $branch, or name the branch: scripts/release.sh $tag $current"

if upstream=$(git rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2> /dev/null); then
  ahead=$(git rev-list --count "$upstream..HEAD")
  [ "$ahead" -eq 0 ] || die "$branch is $ahead commit(s) ahead of $upstream. Push it and let CI pass before tagging."
else
  echo "release: warning: $branch has no upstream; make sure this commit is pushed and CI passed." >&2
fi

pkg_version=$(node -p "require('./package.json').version")
[ "$pkg_version" = "$version" ] || die "package.json says version $pkg_version, not $version. Set it, rebuild, commit, then run this again."

grep -Eq "^## \[$(printf '%s' "$version" | sed 's/\./\\./g')\]" CHANGELOG.md ||
  die "CHANGELOG.md has no '## [$version]' section. Move the Unreleased entries under it and commit."

! git rev-parse --quiet --verify "refs/tags/$tag" > /dev/null || die "tag $tag already exists (at $(git rev-parse --short "$tag^{commit}")). Releases are never re-tagged; pick the next version."

[ -d node_modules ] || die "node_modules is missing; run 'npm ci' first."
echo "release: rebuilding dist/ to check that it is up to date..."
npm run --silent bundle > /dev/null || die "'npm run bundle' failed (see above); fix the build first."
if ! git diff --quiet -- dist/ || [ -n "$(git ls-files --others --exclude-standard -- dist/)" ]; then
  git status --short -- dist/ >&2
  die "dist/ is stale: a fresh 'npm run bundle' changed the files above. Commit the rebuilt dist/ (and push it), then run this again."
fi

# The newest full release of this major so far: the major tag never moves back to an
# older version (say v1.0.3 from a maintenance branch after v1.1.0).
newest=$(git tag -l "$major.*" | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -V | tail -n 1 || true)

commit=$(git rev-parse HEAD)
git tag -a "$tag" -m "$tag" "$commit"
echo "release: created tag $tag at $(git rev-parse --short "$commit")"

if [ -n "$prerelease" ] || { [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$newest" "$tag" | sort -V | tail -n 1)" = "$newest" ]; }; then
  if [ -n "$prerelease" ]; then
    echo "release: $tag is a pre-release; $major is left where it is."
  else
    echo "release: $newest is newer than $tag; $major is left where it is."
  fi
  cat << EOF_PUSH

To publish, run:
  git push origin refs/tags/$tag
EOF_PUSH
else
  previous=$(git rev-parse --quiet --verify "refs/tags/$major^{commit}" || true)
  git tag -fa "$major" -m "$major: $tag" "$commit" > /dev/null
  if [ -n "$previous" ]; then
    echo "release: moved $major from $(git rev-parse --short "$previous") to $(git rev-parse --short "$commit")"
  else
    echo "release: created $major at $(git rev-parse --short "$commit")"
  fi
  cat << EOF_PUSH

To publish, run:
  git push origin refs/tags/$tag
  git push --force origin refs/tags/$major
EOF_PUSH
fi
