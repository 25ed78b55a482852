#!/usr/bin/env bash
# Runs inside the loopback-only namespace made by bench-vs-wapiti.sh.
set -euo pipefail
BIN="$1"
ip link set lo up
OUT=$(mktemp -d)
APP=crates/rampart-dast/apps/vulnapp.py

start_app() { # variant log -> sets PORT and APP_PID
    RAMPART_APP_LOG="$2" python3 "$APP" --variant "$1" > "$OUT/port" 2> "$OUT/app-$1.stderr" &
    APP_PID=$!
    for _ in $(seq 50); do [ -s "$OUT/port" ] && break; sleep 0.1; done
    PORT=$(awk '{print $2}' "$OUT/port")
}

for variant in vulnerable fixed; do
    start_app "$variant" "$OUT/rampart-$variant.log"
    s=$(date +%s.%N)
    "$BIN" "http://127.0.0.1:$PORT/" --allow-destructive --no-llm > "$OUT/rampart-$variant.jsonl"
    e=$(date +%s.%N)
    echo "$s $e" > "$OUT/rampart-$variant.time"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true

    start_app "$variant" "$OUT/wapiti-$variant.log"
    s=$(date +%s.%N)
    # Every module that matches a planted flaw, except ssrf: it needs wapiti's public endpoint
    # (wapiti3.ovh), and nothing here may contact a third-party host.
    wapiti -u "http://127.0.0.1:$PORT/" --scope folder --flush-session --no-bugreport -v 0 \
        --max-scan-time 1800 \
        -m "sql,blindsql,exec,file,xss,permanentxss,redirect,crlf,csrf,methods,http_headers,csp,cookieflags,brute_login_form" \
        -f json -o "$OUT/wapiti-$variant.json" > "$OUT/wapiti-$variant.stdout" 2>&1 || true
    e=$(date +%s.%N)
    echo "$s $e" > "$OUT/wapiti-$variant.time"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
done
python3 crates/rampart-dast/scripts/bench-score.py "$OUT"
