#!/usr/bin/env bash
# The image benchmark (docs/BENCHMARKS.md, "Container images"):
#   throughput of `rampart image` in compressed layer bytes per second against `pigz -dc` and
#   `gzip -dc` of the same layers in the same run, peak RSS (/usr/bin/time -v), and an
#   exactness check (every package of the generated image found with its exact version by
#   `rampart sbom --image`, the deleted token found and attributed to its layer).
# usage: image_bench.sh TOTAL_MB LAYERS [WORKDIR]   (needs pigz, gzip, python3, GNU time)
set -euo pipefail
total_mb=${1:-400}
layers=${2:-6}
work=${3:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../../.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
bin=$CARGO_TARGET_DIR/release/rampart
(cd "$root" && nice -n 10 cargo build --release -p rampart --quiet)

img=$work/image-$total_mb
if [ ! -f "$img/index.json" ]; then
    python3 "$(dirname "$0")/gen_image.py" "$img" "$total_mb" "$layers"
fi
mapfile -t blobs < "$img/layers.txt"
bytes=$(cat "${blobs[@]}" | wc -c)
echo "image: $img, $layers layers, $bytes compressed layer bytes"
cat "${blobs[@]}" > /dev/null   # warm the page cache for every contender

secs() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
rate() { echo "scale=1; $bytes / $1 / 1000000" | bc; }

t_pigz=$(secs sh -c 'for b in "$@"; do pigz -dc "$b"; done' _ "${blobs[@]}")
t_gzip=$(secs sh -c 'for b in "$@"; do gzip -dc "$b"; done' _ "${blobs[@]}")
db=$(mktemp -d)
time_out=$(mktemp)
s=$(date +%s.%N)
/usr/bin/time -v "$bin" image "$img:bench" --db "$db" --fail-on none --no-progress \
    --format json --output "$work/findings.json" 2> "$time_out" || true
e=$(date +%s.%N)
t_rampart=$(echo "$e - $s" | bc)
rss_kb=$(grep "Maximum resident set size" "$time_out" | awk '{print $NF}')
echo "pigz -dc:      ${t_pigz}s  $(rate "$t_pigz") MB/s"
echo "gzip -dc:      ${t_gzip}s  $(rate "$t_gzip") MB/s"
echo "rampart image: ${t_rampart}s  $(rate "$t_rampart") MB/s  peak RSS $((rss_kb / 1024)) MiB"
echo "rampart / pigz: $(echo "scale=2; $t_pigz / $t_rampart" | bc)"

# Exactness: packages with their exact versions, and the deleted token with its layer.
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
    print(f"deleted secret: {f['rule_id']} at {f['locations'][0]['path']} layer_index={p.get('layer_index')} "
          f"status={p.get('image_file_status')} instruction={p.get('layer_instruction')!r}")
if not tok:
    print("deleted secret: NOT FOUND")
PY
