#!/usr/bin/env python3
"""Per-file verdicts of rampart, picklescan, modelscan and fickling on a model corpus.

A file counts as flagged by rampart when `rampart models` reports a finding of medium severity or
more; by picklescan when it reports a dangerous global or an infected file; by modelscan when it
reports any issue; by fickling when `fickling.is_likely_safe` says no (an exception counts as not
flagged: the tool could not read the file). Files under `malicious/` should be flagged, files under
`benign/` should not.

Usage (in a venv with picklescan, modelscan, fickling, py7zr):
    python3 compare_tools.py CORPUS_DIR RAMPART_JSON
where RAMPART_JSON is `rampart models CORPUS_DIR --no-progress --fail-on none -f json -o RAMPART_JSON`.
"""
import contextlib
import io
import json
import os
import sys
import time


def files(root):
    for d, _, fs in os.walk(root):
        for f in fs:
            yield os.path.relpath(os.path.join(d, f), root)


def rampart_flags(path):
    data = json.load(open(path))
    out = set()
    for f in data.get("findings", []):
        if f.get("severity") in ("critical", "high", "medium"):
            for loc in f.get("locations", []):
                p = loc.get("path")
                if p:
                    out.add(p)
    return out


def main():
    root, rjson = sys.argv[1], sys.argv[2]
    import picklescan.scanner as ps
    from modelscan.modelscan import ModelScan
    import fickling

    r = rampart_flags(rjson)
    rows = {}
    timing = {"picklescan": 0.0, "modelscan": 0.0, "fickling": 0.0}
    for rel in sorted(files(root)):
        p = os.path.join(root, rel)
        v = {"rampart": rel in r}
        t = time.time()
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                res = ps.scan_file_path(p)
            v["picklescan"] = res.infected_files > 0 or res.issues_count > 0
        except Exception:
            v["picklescan"] = False
        timing["picklescan"] += time.time() - t
        t = time.time()
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                res = ModelScan().scan(p)
            v["modelscan"] = bool(res.get("issues"))
        except Exception:
            v["modelscan"] = False
        timing["modelscan"] += time.time() - t
        t = time.time()
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                v["fickling"] = not fickling.is_likely_safe(p)
        except Exception:
            v["fickling"] = False
        timing["fickling"] += time.time() - t
        rows[rel] = v
    tools = ["rampart", "picklescan", "modelscan", "fickling"]
    summary = {}
    for sub in ("malicious", "benign"):
        sel = {k: v for k, v in rows.items() if k.startswith(sub + "/")}
        gaps = {k: v for k, v in sel.items() if "/gaps/" in k}
        summary[sub] = {"files": len(sel), "gap_files": len(gaps)}
        for t in tools:
            summary[sub][t] = sum(v[t] for v in sel.values())
            summary[sub][t + "_gaps"] = sum(v[t] for v in gaps.values())
    print(json.dumps({"summary": summary, "seconds_in_process": {k: round(x, 2) for k, x in timing.items()}}, indent=1))
    missed = {t: [k for k, v in rows.items() if k.startswith("malicious/") and not v[t]] for t in tools}
    print(json.dumps({"rampart_missed": missed["rampart"],
                      "benign_flagged": {t: [k for k, v in rows.items() if k.startswith("benign/") and v[t]] for t in tools}}, indent=1))


if __name__ == "__main__":
    main()
