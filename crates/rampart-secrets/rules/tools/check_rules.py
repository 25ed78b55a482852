#!/usr/bin/env python3
"""Quick checker for rampart secret rule files (no Rust build needed).

For every `rules/*.toml` (or the files given): ids unique and `secrets/<kebab>`; required fields;
regex compiles under Python `re` (close to Rust `regex`; constructs Rust lacks are rejected);
every positive yields a finding of its rule after the engine's filters are simulated (secret
group, allow list, min_entropy, validator, common placeholders); every negative yields none; one of
the keywords occurs in every positive match (else the prefilter would skip it); keywords are not
so short that the prefilter becomes useless. With --overlap, lists positives that other rules
also match.

Exit status 1 when any error is found.
"""
from __future__ import annotations

import argparse
import base64
import binascii
import json
import math
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent.parent
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
SEVERITIES = {"critical", "high", "medium", "low", "info"}
CONFIDENCES = {"high", "medium", "low"}
ID_RE = re.compile(r"^secrets/[a-z0-9][a-z0-9.-]*$")
# Rust `regex` has no lookaround, backreferences, possessive/atomic groups, \Z or \z (Python).
UNSUPPORTED = [(r"\(\?[=!<]", "lookaround"), (r"\\[1-9]", "backreference"), (r"\(\?>", "atomic group"),
               (r"[*+?}]\+", "possessive quantifier"), (r"\\Z|\\z", "\\Z/\\z"), (r"\(\?P=", "backreference")]
# Approximation of the engine's global placeholder filter.
PLACEHOLDERS = [b"example", b"your_api_key", b"your-api-key", b"xxxx", b"changeme", b"${", b"{{",
                b"os.environ", b"process.env", b"<", b">", b"placeholder", b"dummy"]


def entropy(b: bytes) -> float:
    if not b:
        return 0.0
    n = len(b)
    return -sum(c / n * math.log2(c / n) for c in Counter(b).values())


def b62decode(s: bytes) -> int:
    v = 0
    for ch in s.decode():
        v = v * 62 + B62.index(ch)
    return v


def github_crc32(secret: bytes) -> bool:
    s = secret
    if s.startswith(b"github_pat_"):
        return True  # fine-grained tokens: shape only (the engine documents its own check)
    m = re.fullmatch(rb"gh[pousr]_([A-Za-z0-9]{30})([A-Za-z0-9]{6})", s)
    if not m:
        return False
    return (binascii.crc32(m.group(1)) & 0xFFFFFFFF) == b62decode(m.group(2))


def jwt_ok(secret: bytes) -> bool:
    head = secret.split(b".")[0]
    try:
        data = base64.urlsafe_b64decode(head + b"=" * (-len(head) % 4))
        obj = json.loads(data)
    except Exception:
        return False
    return isinstance(obj, dict) and "alg" in obj


VALIDATORS = {"github-crc32": github_crc32, "jwt": jwt_ok}


def findings(rule: dict, rx: re.Pattern, text: str) -> list[bytes]:
    data = text.encode()
    lowdata = data.lower()
    if not any(k.lower().encode() in lowdata for k in rule["keywords"]):
        return []
    out = []
    allow = [a.lower().encode() for a in rule.get("allow", [])]
    gi = rx.groupindex.get("secret", 1 if rx.groups >= 1 else 0)
    for m in rx.finditer(data):
        sec = m.group(gi)
        if sec is None:
            continue
        low = sec.lower()
        if any(a in low for a in allow):
            continue
        if any(p in low for p in PLACEHOLDERS):
            continue
        me = rule.get("min_entropy")
        if me is not None and entropy(sec) < me:
            continue
        v = rule.get("validator")
        if v and not VALIDATORS[v](sec):
            continue
        out.append(sec)
    return out


def load(paths):
    rules = []
    for p in paths:
        with open(p, "rb") as f:
            doc = tomllib.load(f)
        for r in doc.get("rule", []):
            r["_file"] = p.name
            rules.append(r)
    return rules


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--overlap", action="store_true", help="report positives matched by other rules")
    args = ap.parse_args()
    paths = args.files or sorted(RULES_DIR.glob("*.toml"))
    rules = load(paths)
    errors: list[str] = []
    seen: dict[str, str] = {}
    compiled = {}
    per_file = Counter()
    for r in rules:
        rid = r.get("id", "?")
        where = f"{r['_file']}:{rid}"
        per_file[r["_file"]] += 1
        if rid in seen:
            errors.append(f"{where}: duplicate id (also in {seen[rid]})")
        seen[rid] = r["_file"]
        if not ID_RE.match(rid):
            errors.append(f"{where}: bad id")
        for f in ("title", "description", "remediation", "regex"):
            if not str(r.get(f, "")).strip():
                errors.append(f"{where}: missing {f}")
        if r.get("severity") not in SEVERITIES:
            errors.append(f"{where}: bad severity")
        if r.get("confidence") not in CONFIDENCES:
            errors.append(f"{where}: bad confidence")
        if not r.get("references"):
            errors.append(f"{where}: no references")
        kws = r.get("keywords", [])
        if not kws or any(len(k.strip()) < (2 if not k.isalnum() else 3) for k in kws):
            errors.append(f"{where}: keywords missing or shorter than 3 characters: {kws}")
        if r.get("validator") and r["validator"] not in VALIDATORS:
            errors.append(f"{where}: unknown validator")
        for pat, what in UNSUPPORTED:
            if re.search(pat, r["regex"]):
                errors.append(f"{where}: regex uses {what}, which Rust regex lacks")
        if re.search(r"\(\?[a-z]+\)", r["regex"][1:]):
            errors.append(f"{where}: inline flag group not at start (use (?i:...))")
        if re.search(r"(?<!\\)\.[*+]", re.sub(r"\[(?:\\.|[^\]])*\]", "", r["regex"])):
            errors.append(f"{where}: unbounded .* / .+")
        try:
            rx = re.compile(r["regex"].encode())
        except re.error as e:
            errors.append(f"{where}: regex does not compile: {e}")
            continue
        compiled[rid] = rx
        pos, neg = r.get("positive", []), r.get("negative", [])
        if len(pos) < 2:
            errors.append(f"{where}: fewer than 2 positives")
        if len(neg) < 1:
            errors.append(f"{where}: no negative")
        for p in pos:
            if not findings(r, rx, p):
                errors.append(f"{where}: positive not found: {p[:120]!r}")
            for m in rx.finditer(p.encode()):
                if not any(k.lower().encode() in m.group(0).lower() for k in kws):
                    errors.append(f"{where}: no keyword inside match {m.group(0)[:60]!r}")
        for n in neg:
            if findings(r, rx, n):
                errors.append(f"{where}: negative found: {n[:120]!r}")
    if args.overlap:
        byid = {r["id"]: r for r in rules}
        for r in rules:
            for p in r.get("positive", []):
                others = [o for o, rx in compiled.items() if o != r["id"] and findings(byid[o], rx, p)]
                if others:
                    print(f"overlap: {r['id']} positive also matched by {', '.join(others)}: {p[:70]!r}")
    for e in errors:
        print("ERROR", e)
    for f, n in sorted(per_file.items()):
        print(f"{f}: {n} rules")
    print(f"total: {len(rules)} rules, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
