#!/bin/sh
# Builds the unlabelled real-code directory used by `compare.py --extra` (docs/BENCHMARKS.md):
# installed Flask, Werkzeug, requests, Jinja2, flask-cors and a few CPython stdlib packages.
#   pip install flask==3.1.3 werkzeug==3.1.8 requests==2.34.2 jinja2==3.1.6 flask-cors==6.0.2
#   sh crates/rampart-sast/compat/make_realcode.sh /tmp/realcode
set -eu
out=${1:-/tmp/realcode}
py=${PYTHON:-python3}
site=$($py -c 'import flask, os; print(os.path.dirname(os.path.dirname(flask.__file__)))')
std=$($py -c 'import json, os; print(os.path.dirname(os.path.dirname(json.__file__)))')
rm -rf "$out" && mkdir -p "$out"
for d in flask werkzeug requests jinja2 flask_cors; do cp -r "$site/$d" "$out/$d"; done
for d in http urllib email xml logging json wsgiref xmlrpc; do cp -r "$std/$d" "$out/$d"; done
find "$out" -name '__pycache__' -type d -prune -exec rm -rf {} +
find "$out" -name '*.py' | wc -l
