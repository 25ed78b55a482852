#!/usr/bin/env python3
"""Runs every rule (with the engine's filters mirrored by check_rules.py) over a directory tree of
ordinary source code and prints what fires, per rule. On code that holds no real secrets, each hit
is a false positive or a documented example: the list shows which rules need tightening.

Usage: python3 rules/tools/fp_scan.py DIR [--max-bytes N] [--show N]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_rules as cr  # noqa: E402

TEXT_EXT = {".rs", ".py", ".js", ".ts", ".go", ".java", ".rb", ".php", ".c", ".h", ".cpp", ".md", ".txt", ".toml",
            ".yaml", ".yml", ".json", ".cfg", ".ini", ".env", ".sh", ".xml", ".properties", ".html", ".rst", ""}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--max-bytes", type=int, default=2_000_000)
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args()
    rules = cr.load(sorted(cr.RULES_DIR.glob("*.toml")))
    comp = [(r, re.compile(r["regex"].encode())) for r in rules]
    kw = [(r, rx, [k.lower().encode() for k in r["keywords"]]) for r, rx in comp]
    hits = Counter()
    samples = defaultdict(list)
    nfiles = nbytes = 0
    for d in args.dirs:
        for root, _, files in os.walk(d):
            for f in files:
                p = Path(root) / f
                if p.suffix.lower() not in TEXT_EXT:
                    continue
                try:
                    data = p.read_bytes()
                except OSError:
                    continue
                if len(data) > args.max_bytes or b"\0" in data[:8192]:
                    continue
                nfiles += 1
                nbytes += len(data)
                low = data.lower()
                text = data.decode("utf-8", "replace")
                for r, rx, kws in kw:
                    if not any(k in low for k in kws):
                        continue
                    for s in cr.findings(r, rx, text):
                        hits[r["id"]] += 1
                        if len(samples[r["id"]]) < args.show:
                            samples[r["id"]].append(f"{p}: {s[:80]!r}")
    print(f"scanned {nfiles} files, {nbytes / 1e6:.1f} MB")
    for rid, n in hits.most_common():
        print(f"{n:6d}  {rid}")
        for s in samples[rid]:
            print(f"          {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
