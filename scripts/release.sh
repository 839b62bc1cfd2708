#!/usr/bin/env bash
# Tags a release of this action: the annotated tag vX.Y.Z, made locally. Pushes nothing:
# it prints the `git push` command to run once you have looked at the tag. When the tag is
# pushed, .github/workflows/release.yml moves the major tag vX to it
# (scripts/move-major-tag.sh), as actions/checkout and actions/setup-node do.
#
# Usage: scripts/release.sh vX.Y.Z [branch]      (branch: default main)
#
# Refuses, changing nothing, unless
#   - the version is semantic (vMAJOR.MINOR.PATCH, optionally -prerelease);
#   - the work tree is clean and HEAD is on the branch;
#   - HEAD is not ahead of the branch's upstream (push first, so CI has seen it);
#   - package.json's "version" and ACTION_VERSION in src/constants.ts are X.Y.Z;
#   - CHANGELOG.md has a dated "## [X.Y.Z] - YYYY-MM-DD" section, and its "## [Unreleased]"
#     section holds no entries (what is released is under X.Y.Z, nothing is left behind);
#   - the tag vX.Y.Z does not exist yet;
#   - `npm run bundle` leaves dist/ exactly as committed (else dist/ is stale).
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

# The version the action reports (User-Agent) is compiled in: it must be the one tagged.
action_version=$(sed -n "s/^export const ACTION_VERSION = '\(.*\)'$/\1/p" src/constants.ts)
[ "$action_version" = "$version" ] || die "src/constants.ts says ACTION_VERSION '$action_version', not '$version'. Set it, rebuild dist/, commit, then run this again."

escaped=$(printf '%s' "$version" | sed 's/[.+]/\\&/g')
grep -Eq "^## \[$escaped\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\s*$" CHANGELOG.md ||
  die "CHANGELOG.md has no '## [$version] - YYYY-MM-DD' section. Move the Unreleased entries under it, dated today, and commit."

# Entries (list items or text) between "## [Unreleased]" and the next "## " heading are
# work that this tag would leave out of its notes while shipping it.
unreleased=$(awk '/^## \[Unreleased\]/ { inside = 1; next } /^## / { inside = 0 } inside && /^[^#[:space:]]/ && !/^\[[^]]+\]: / { print }' CHANGELOG.md)
[ -z "$unreleased" ] || {
  printf '%s\n' "$unreleased" | head -n 5 >&2
  die "CHANGELOG.md's [Unreleased] section still has entries (above). Move them under '## [$version] - $(date -u +%Y-%m-%d)' and commit, or release them later."
}

! git rev-parse --quiet --verify "refs/tags/$tag" > /dev/null || die "tag $tag already exists (at $(git rev-parse --short "$tag^{commit}")). Releases are never re-tagged; pick the next version."

[ -d node_modules ] || die "node_modules is missing; run 'npm ci' first."
echo "release: rebuilding dist/ to check that it is up to date..."
npm run --silent bundle > /dev/null || die "'npm run bundle' failed (see above); fix the build first."
if ! git diff --quiet -- dist/ || [ -n "$(git ls-files --others --exclude-standard -- dist/)" ]; then
  git status --short -- dist/ >&2
  die "dist/ is stale: a fresh 'npm run bundle' changed the files above. Commit the rebuilt dist/ (and push it), then run this again."
fi

commit=$(git rev-parse HEAD)
git tag -a "$tag" -m "$tag" "$commit"
echo "release: created tag $tag at $(git rev-parse --short "$commit")"
cat << EOF_PUSH

To publish, run:
  git push origin refs/tags/$tag
Then .github/workflows/release.yml moves ${major} to it (not for a pre-release, never backwards).
EOF_PUSH
