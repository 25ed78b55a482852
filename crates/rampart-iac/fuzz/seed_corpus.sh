#!/usr/bin/env bash
# Copies the committed Terraform fixtures, and the .tf files under any directories given as
# arguments (e.g. checked-out public module repositories), into the gitignored fuzz corpus.
#
#   bash crates/rampart-iac/fuzz/seed_corpus.sh [EXTRA_DIR...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/corpus/terraform_hcl"
mkdir -p "$out"
find "$here/../tests/fixtures/terraform" "$@" -type f -size -64k \
    \( -name '*.tf' -o -name '*.tfvars' -o -name '*.json' \) |
while read -r f; do
    cp "$f" "$out/$(sha1sum < "$f" | cut -c1-16)"
done
echo "seeded $(ls "$out" | wc -l) files into $out"
