#!/usr/bin/env bash
# Side-by-side speed of `rampart sast` and Semgrep on the same Python tree with the same rules
# (the built-in pack's YAML files), whole process, measured with /usr/bin/time -v.
#
#   crates/rampart-sast/bench/semgrep_vs_rampart.sh RAMPART_BIN SEMGREP_BIN CORPUS_DIR [RUNS]
#
# CORPUS_DIR gets an empty .semgrepignore so that Semgrep does not skip test directories that
# rampart scans. Both tools use 2 workers (`--jobs 2`, `--threads 2`).
set -euo pipefail
RAMPART=${1:?rampart binary}
SEMGREP=${2:?semgrep binary}
CORPUS=${3:?corpus dir}
RUNS=${4:-3}
HERE=$(cd "$(dirname "$0")/.." && pwd)
RULES=$(mktemp -d)
cp "$HERE"/rules/python/*.yaml "$RULES"/
touch "$CORPUS/.semgrepignore"
files=$(find "$CORPUS" -name '*.py' | wc -l)
bytes=$(find "$CORPUS" -name '*.py' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $CORPUS  files: $files  bytes: $bytes  rules: $(ls "$RULES" | wc -l)"
measure() { # name, command...
  local name=$1; shift
  local t; t=$(mktemp)
  /usr/bin/time -v "$@" > "$t.out" 2> "$t" || true
  local wall rss usr sys
  wall=$(grep 'Elapsed (wall clock)' "$t" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$t" | awk '{print $NF}')
  usr=$(grep 'User time' "$t" | awk '{print $NF}')
  sys=$(grep 'System time' "$t" | awk '{print $NF}')
  local secs; secs=$(python3 -c "p='$wall'.split(':');print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
  printf '%-8s wall %8.2fs  cpu %8.2fs  files/s %8.1f  peak RSS %7.1f MiB\n' "$name" "$secs" \
    "$(python3 -c "print($usr+$sys)")" "$(python3 -c "print($files/max($secs,1e-9))")" "$(python3 -c "print($rss/1024)")"
  echo "$secs" >> "$RULES/$name.times"
  python3 -c "print($usr+$sys)" >> "$RULES/$name.cpu"
}
for i in $(seq "$RUNS"); do
  measure rampart "$RAMPART" sast "$CORPUS" --no-builtin --rules "$RULES" --format json \
    --output "$RULES/rampart.json" --fail-on none --threads 2 --no-progress
done
measure semgrep "$SEMGREP" --config "$RULES" --metrics off --disable-version-check --jobs 2 \
  --json -o "$RULES/semgrep.json" "$CORPUS"
python3 - "$RULES" <<'PY'
import json, sys, statistics, os
d = sys.argv[1]
r = statistics.median(float(x) for x in open(os.path.join(d, "rampart.times")))
s = statistics.median(float(x) for x in open(os.path.join(d, "semgrep.times")))
rf = json.load(open(os.path.join(d, "rampart.json")))
sf = json.load(open(os.path.join(d, "semgrep.json")))
nr = len(rf.get("findings", rf if isinstance(rf, list) else []))
print(f"findings: rampart {nr}  semgrep {len(sf['results'])}  (semgrep errors: {len(sf['errors'])})")
rc = statistics.median(float(x) for x in open(os.path.join(d, "rampart.cpu")))
sc = statistics.median(float(x) for x in open(os.path.join(d, "semgrep.cpu")))
print(f"speed-up (median wall): {s / r:.1f}x   (CPU time: {sc / rc:.1f}x)")
PY
