#!/bin/sh
# Builds a git repository with a long history for the history-scan benchmark: every crate source
# in the local cargo registry is committed, one commit per crate version, into <name>/ (a newer
# version of a crate replaces the older one, so blobs change across commits as in a real project).
# Usage: history-repo.sh OUT_DIR [MAX_CRATES]
set -eu
out=$1
max=${2:-100000}
src=$(ls -d "$HOME"/.cargo/registry/src/*/ | head -1)
rm -rf "$out"
mkdir -p "$out"
cd "$out"
git init -q -b main
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
n=0
for d in $(ls "$src" | sort -V); do
  [ "$n" -ge "$max" ] && break
  name=$(echo "$d" | sed -E 's/-[0-9]+\.[0-9]+\.[0-9]+.*$//')
  rm -rf "./$name"
  cp -r "$src/$d" "./$name"
  rm -rf "./$name/.git"
  git add -A "./$name" >/dev/null 2>&1 || true
  git commit -q -m "$d" >/dev/null 2>&1 || true
  n=$((n + 1))
done
git gc -q --aggressive 2>/dev/null || git gc -q
echo "commits: $(git rev-list --count HEAD)"
