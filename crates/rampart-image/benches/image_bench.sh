#!/usr/bin/env bash
# The image benchmark (docs/BENCHMARKS.md, "Container images"):
#   throughput of `rampart image` in compressed layer bytes per second against `pigz -dc` and
#   `gzip -dc` of the same layers in the same run (ROUNDS rounds, the three back to back in each
#   round, load average noted before each), peak RSS (GNU time), and an exactness check (every
#   package of the generated image found with its exact version by `rampart sbom --image`, the
#   deleted token found and attributed to its layer).
# usage: [ROUNDS=3] image_bench.sh TOTAL_MB LAYERS [WORKDIR] [BIG_FILE_MB]
#   (needs pigz, gzip, python3, bc, GNU time; builds rampart with --release)
set -euo pipefail
total_mb=${1:-640}
layers=${2:-8}
work=${3:-$(mktemp -d)}
big_mb=${4:-0}
rounds=${ROUNDS:-3}
root=$(cd "$(dirname "$0")/../../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
bin=$CARGO_TARGET_DIR/release/rampart
(cd "$root" && nice -n 10 cargo build --release -p rampart --quiet)

img=$work/image-$total_mb-$layers-$big_mb
if [ ! -f "$img/index.json" ]; then
    python3 "$(dirname "$0")/gen_image.py" "$img" "$total_mb" "$layers" "$big_mb"
fi
mapfile -t blobs < "$img/layers.txt"
bytes=$(cat "${blobs[@]}" | wc -c)
unpacked=$(for b in "${blobs[@]}"; do pigz -dc "$b"; done | wc -c)
echo "image: $img, $layers layers, $bytes compressed layer bytes, $unpacked unpacked"
echo "rampart: $("$bin" --version) ($bin), $(nproc) cores"

load() { cut -d' ' -f1 /proc/loadavg; }
rate() { echo "scale=1; $bytes / $1 / 1000000" | bc; }
# Runs a command under GNU time; prints "wall user sys maxrss_kb".
timed() {
    local t
    t=$(mktemp)
    /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" > /dev/null 2>&1 || true
    tail -1 "$t"
    rm -f "$t"
}
db=$(mktemp -d)
ratios=()
for r in $(seq 1 "$rounds"); do
    cat "${blobs[@]}" > /dev/null   # the same warm page cache for every contender
    l1=$(load)
    read -r w_pigz u_pigz s_pigz _ < <(timed sh -c 'for b in "$@"; do pigz -dc "$b"; done' _ "${blobs[@]}")
    l2=$(load)
    read -r w_gzip u_gzip s_gzip _ < <(timed sh -c 'for b in "$@"; do gzip -dc "$b"; done' _ "${blobs[@]}")
    l3=$(load)
    read -r w_r u_r s_r rss_kb < <(timed "$bin" image "$img:bench" --db "$db" --fail-on none \
        --no-progress --format json --output "$work/findings.json")
    echo "round $r:"
    echo "  pigz -dc       load $l1  ${w_pigz}s wall (cpu ${u_pigz}+${s_pigz}s)  $(rate "$w_pigz") MB/s"
    echo "  gzip -dc       load $l2  ${w_gzip}s wall (cpu ${u_gzip}+${s_gzip}s)  $(rate "$w_gzip") MB/s"
    echo "  rampart image  load $l3  ${w_r}s wall (cpu ${u_r}+${s_r}s)  $(rate "$w_r") MB/s  peak RSS $((rss_kb / 1024)) MiB"
    ratio=$(echo "scale=2; $w_pigz / $w_r" | bc)
    echo "  rampart / pigz -dc throughput: $ratio"
    ratios+=("$ratio")
done
echo "rampart / pigz -dc per round: ${ratios[*]}; median $(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(((rounds + 1) / 2))p")"

# Exactness: packages with their exact versions, the deleted token with its layer, the key in
# the big file.
"$bin" sbom --image "$img:bench" --format cyclonedx --output "$work/sbom.json" 2>/dev/null
python3 - "$img/expected-packages.txt" "$work/sbom.json" "$work/findings.json" <<'PY'
import json, sys
expected = [l.split() for l in open(sys.argv[1]) if l.strip()]
purls = {c.get("purl", "") for c in json.load(open(sys.argv[2])).get("components", [])}
def found(kind, name, version):
    return any(p.startswith(f"pkg:{kind}/") and f"/{name}@{version}" in p for p in purls) or \
        any(p.startswith(f"pkg:{kind}/{name}@{version}") for p in purls)
by_kind = {}
for kind, name, version in expected:
    ok = found(kind, name, version)
    t = by_kind.setdefault(kind, [0, 0])
    t[0] += ok
    t[1] += 1
for kind, (ok, n) in sorted(by_kind.items()):
    print(f"exactness {kind}: {ok}/{n} packages found with their exact version")
doc = json.load(open(sys.argv[3]))
tok = [f for f in doc["findings"] if f["scanner"] == "secrets"]
for f in tok:
    p = f["properties"]
    print(f"secret: {f['rule_id']} at {f['locations'][0].get('path')} layer_index={p.get('layer_index')} "
          f"status={p.get('image_file_status')} instruction={p.get('layer_instruction')!r}")
if not tok:
    print("secrets: NONE FOUND")
skipped = [d["message"] for d in doc.get("diagnostics", []) if "not scanned" in d.get("message", "")]
print(f"files reported not scanned: {len(skipped)}")
for m in skipped[:5]:
    print(f"  {m}")
PY
