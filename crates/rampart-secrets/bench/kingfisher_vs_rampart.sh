#!/usr/bin/env bash
# Side-by-side throughput of rampart and kingfisher on one corpus, in one run.
#
#   crates/rampart-secrets/bench/kingfisher_vs_rampart.sh RAMPART KINGFISHER CORPUS [RUNS] [OUT_DIR]
#
# RAMPART: a release build (`cargo build --release -p rampart` → target/release/rampart).
# KINGFISHER: `cargo install kingfisher-bin` (see docs/BENCHMARKS.md for the flags this machine needs).
# CORPUS: made by `crates/rampart-secrets/scripts/secrets-corpus.py`.
#
# With HISTORY_REPO=DIR set (a repository made by `crates/rampart-secrets/scripts/history-repo.sh`),
# full-history scans of it are compared too (`rampart secrets --git`, `kingfisher --git-history full`).
#
# Both tools scan files only (kingfisher with --git-history none, no validation, no update check),
# write JSON to a file, and are timed as whole processes with /usr/bin/time. Runs alternate between
# the tools so drift in machine load hits both alike. Prints one line per run and a median summary.
set -euo pipefail
RAMPART=$1
KINGFISHER=$2
CORPUS=$3
RUNS=${4:-3}
OUT=${5:-$(mktemp -d)}
mkdir -p "$OUT"

run() { # tool threads run
    local tool=$1 t=$2 i=$3 tf="$OUT/$1-t$2-$3.time"
    case $tool in
    rampart)
        /usr/bin/time -f "%e %U %S %M" -o "$tf" "$RAMPART" secrets "$CORPUS" --threads "$t" \
            --no-progress --fail-on none --format json -o "$OUT/rampart-t$t.json" >/dev/null 2>&1
        ;;
    kingfisher)
        /usr/bin/time -f "%e %U %S %M" -o "$tf" "$KINGFISHER" --no-update-check --quiet scan "$CORPUS" \
            -n -j "$t" --git-history none --format json -o "$OUT/kingfisher-t$t.json" >/dev/null 2>&1 || true
        ;;
    rampart-git)
        /usr/bin/time -f "%e %U %S %M" -o "$tf" "$RAMPART" secrets --git "$HISTORY_REPO" \
            --no-progress --fail-on none --format json -o "$OUT/rampart-git.json" >/dev/null 2>&1
        ;;
    kingfisher-git)
        /usr/bin/time -f "%e %U %S %M" -o "$tf" "$KINGFISHER" --no-update-check --quiet scan "$HISTORY_REPO" \
            -n -j "$t" --git-history full --format json -o "$OUT/kingfisher-git.json" >/dev/null 2>&1 || true
        ;;
    esac
    read -r wall user sys rss < <(tail -n 1 "$tf")
    echo "$tool threads=$t run=$i wall=${wall}s user=${user}s sys=${sys}s rss=$((rss / 1024))MiB"
    echo "$tool $t $wall $user $sys $rss" >>"$OUT/all.txt"
}

: >"$OUT/all.txt"
# Warm the page cache and kingfisher's compiled-rule cache; not recorded.
"$RAMPART" secrets "$CORPUS" --no-progress --fail-on none --format json -o /dev/null >/dev/null 2>&1 || true
"$KINGFISHER" --no-update-check --quiet scan "$CORPUS" -n --git-history none --format json -o /dev/null >/dev/null 2>&1 || true

for t in 1 2; do
    for i in $(seq 1 "$RUNS"); do
        run rampart "$t" "$i"
        run kingfisher "$t" "$i"
    done
done

if [ -n "${HISTORY_REPO:-}" ]; then
    for i in $(seq 1 "$RUNS"); do
        run rampart-git 2 "$i"
        run kingfisher-git 2 "$i"
    done
fi

bytes=$(du -sb "$CORPUS" | cut -f1)
python3 - "$OUT/all.txt" "$bytes" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    tool, t, wall, user, sys_, rss = line.split()
    rows[(tool, int(t))].append((float(wall), float(user) + float(sys_), int(rss) // 1024))
mb = int(sys.argv[2]) / 1e6
print(f"\ncorpus: {mb:.0f} MB")
print("| tool | threads | wall (median) | wall (min) | CPU user+sys (median) | MB/s (median wall) | peak RSS (max) |")
print("|---|---|---|---|---|---|---|")
med = {}
for (tool, t), v in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0] != "rampart")):
    w = statistics.median(x[0] for x in v)
    c = statistics.median(x[1] for x in v)
    med[(tool, t)] = w
    lo = min(x[0] for x in v)
    print(f"| {tool} | {t} | {w:.2f} s | {lo:.2f} s | {c:.2f} s | {mb / w:.0f} | {max(x[2] for x in v)} MiB |")
if ("rampart-git", 2) in med and ("kingfisher-git", 2) in med:
    print(f"history: kingfisher wall / rampart wall = {med[('kingfisher-git', 2)] / med[('rampart-git', 2)]:.2f} (MB/s column does not apply)")
for t in (1, 2):
    if ("rampart", t) in med and ("kingfisher", t) in med:
        print(f"threads={t}: kingfisher wall / rampart wall = {med[('kingfisher', t)] / med[('rampart', t)]:.2f}")
PY
echo "reports and timings in $OUT"
