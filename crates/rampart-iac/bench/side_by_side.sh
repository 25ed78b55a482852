#!/usr/bin/env bash
# rampart iac vs Checkov on the same generated trees, whole processes, in one run:
# wall time and peak RSS from /usr/bin/time -v, then the findings comparison.
#
#   bash crates/rampart-iac/bench/side_by_side.sh [SCALE]
#
# Needs python3 with venv, /usr/bin/time (Debian package `time`) and network access to PyPI
# the first time (Checkov is installed into bench-data/iac/venv-checkov). rampart is built
# with --release into $CARGO_TARGET_DIR (default: target/). REUSE_CHECKOV=1 keeps Checkov's
# reports and timings from an earlier run of this script (Checkov takes minutes per tree).
set -euo pipefail
repo="$(git rev-parse --show-toplevel)"
here="$repo/crates/rampart-iac/bench"
work="$repo/bench-data/iac"
scale="${1:-3}"
target="${CARGO_TARGET_DIR:-$repo/target}"
mkdir -p "$work/out"

python3 "$here/gen_multicloud.py" "$work/tree" --scale "$scale"
if [ ! -x "$work/venv-checkov/bin/checkov" ]; then
    python3 -m venv "$work/venv-checkov"
    "$work/venv-checkov/bin/pip" install -q checkov
fi
checkov="$work/venv-checkov/bin/checkov"
(cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --release -q -p rampart)
rampart="$target/release/rampart"

measure() { # label, output file, command...
    local label="$1" out="$2"; shift 2
    local t="$work/out/time-$label.txt"
    if [ "${REUSE_CHECKOV:-0}" = 1 ] && [[ "$label" == checkov* ]] && [ -s "$out" ] && [ -s "$t" ]; then
        label="$label (earlier run)"
    else
        /usr/bin/time -v "$@" > "$out" 2> "$t" || true
    fi
    local wall rss
    wall=$(grep "Elapsed (wall clock)" "$t" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$t" | awk '{print $NF}')
    cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$t")
    printf "%-28s wall %-9s cpu %6ss peak RSS %7.1f MiB\n" "$label" "$wall" "$cpu" "$(echo "$rss/1024" | bc -l)"
}

echo "rampart $("$rampart" --version 2>/dev/null | head -1); checkov $("$checkov" --version 2>/dev/null | tail -1)"
echo "files: $(find "$work/tree/terraform" -name '*.tf' | wc -l) .tf, $(find "$work/tree/cloudformation" -type f | wc -l) CloudFormation, $(find "$work/tree/kubernetes" -type f | wc -l) Kubernetes"
# Relative paths from $work, so Checkov's file paths read the same in every run.
cd "$work"
for tree in terraform cloudformation kubernetes; do
    dir="tree/$tree"
    measure "rampart $tree" "$work/out/rampart-$tree.json" \
        "$rampart" iac "$dir" --format json --no-progress --fail-on none
    measure "checkov $tree" "$work/out/checkov-$tree.json" \
        "$checkov" -d "$dir" --framework "$tree" -o json --quiet --skip-download --compact
done
pairs=()
for tree in terraform cloudformation kubernetes; do
    pairs+=(--pair "out/rampart-$tree.json" "out/checkov-$tree.json" "tree/$tree")
done
COMPARE_DETAIL="$work/out/comparison-detail.tsv" "$work/venv-checkov/bin/python" "$here/compare_checkov.py" \
    "$repo/crates/rampart-iac/policies" "${pairs[@]}" --markdown "$work/out/comparison.md"
