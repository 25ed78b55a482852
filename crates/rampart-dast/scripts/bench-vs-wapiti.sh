#!/usr/bin/env bash
# rampart-dast vs Debian's wapiti on the same test application (apps/vulnapp.py), vulnerable and
# fixed variants: planted flaws found, findings on the fixed twin, requests the app received,
# wall time. Everything runs inside a fresh network namespace (unshare -n, root) that has only
# a loopback interface, so neither scanner nor the app can reach any other host.
#
#   apt-get install wapiti python3-flask     # Debian
#   crates/rampart-dast/scripts/bench-vs-wapiti.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
nice -n 10 cargo build --release --quiet -p rampart-dast --example dast_scan
BIN="${CARGO_TARGET_DIR:-target}/release/examples/dast_scan"
exec unshare -n bash crates/rampart-dast/scripts/bench-inner.sh "$BIN"
