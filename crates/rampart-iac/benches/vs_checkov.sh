#!/usr/bin/env bash
# rampart iac vs Checkov on the same generated multi-cloud tree: whole process, wall clock and
# peak memory (GNU time), then the findings compared through the Checkov ids rampart declares.
#
#   bash crates/rampart-iac/benches/vs_checkov.sh [SCALE] [CHECKOV]
#
# Needs a release build (`cargo build --release -p rampart`), GNU time, and Checkov
# (`python3 -m venv v && v/bin/pip install checkov`; pass its path as CHECKOV).
set -euo pipefail
scale="${1:-1}"
checkov="${2:-checkov}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="${RAMPART_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/rampart}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/gen_tree.py" "$work/tree" "$scale"
echo "files: $(find "$work/tree" -type f | wc -l)"

measure() { # label, then the command
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$label.out" 2> "$work/$label.err" || true
    read -r secs kib < "$work/time"
    echo "$label: ${secs}s wall, $((kib / 1024)) MiB peak RSS"
}
measure rampart "$bin" iac "$work/tree" --format json --fail-on none --no-progress
measure rampart-1thread "$bin" iac "$work/tree" --format json --fail-on none --no-progress --threads 1
measure checkov "$checkov" -d "$work/tree" --quiet -o json
"$bin" rules --scanners iac --format json > "$work/rules.json"
python3 - "$work/rampart.out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
active = [f for f in r["findings"] if not f.get("suppression")]
print(f"rampart findings: {len(active)}, diagnostics: {len(r['diagnostics'])}")
PY
python3 "$here/compare_checkov.py" "$work/rampart.out" "$work/checkov.out" "$work/rules.json"
