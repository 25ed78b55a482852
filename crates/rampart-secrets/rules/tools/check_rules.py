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
# Mirror of the engine's shared filters (src/filter.rs), so the checker sees what the engine keeps.
PLACEHOLDER_WORDS = [w.encode() for w in (
    "example", "placeholder", "changeme", "change_me", "change-me", "your_", "your-", "yourapi", "yourkey",
    "yoursecret", "yourtoken", "yourpassword", "xxxx", "****", "....", "####", "<your", "redacted", "dummy",
    "sample", "insert_", "insert-", "replace_me", "replaceme", "process.env", "os.environ", "os.getenv",
    "getenv(", "env::var", "system.getenv", "secrets.", "${", "{{", "$(", "%(", "#{", "lorem", "notarealkey",
    "not_a_real", "not-a-real", "fake_", "_fake")]
SECRET_CONTEXT = [b"key", b"secret", b"token", b"passw", b"pwd", b"auth", b"credential", b"bearer", b"api",
                  b"private", b"session", b"cookie", b"signature", b"access"]
HASH_MARKERS = [b"integrity", b"sha1", b"sha224", b"sha256", b"sha384", b"sha512", b"md5", b"checksum",
                b"digest", b"hash", b"shasum", b"etag", b"commit", b"revision", b'"rev"', b"rev =",
                b"resolved", b"h1:"]


def _seq_run(data: bytes, n: int) -> bool:
    up = down = 1
    for a, b in zip(data.lower(), data.lower()[1:]):
        al = chr(a).isalnum() and chr(b).isalnum() and a < 128 and b < 128
        up = up + 1 if al and b == (a + 1) % 256 else 1
        down = down + 1 if al and a == (b + 1) % 256 else 1
        if al and ((a == ord("9") and b in (ord("0"), ord("a"))) or (a == ord("0") and b == ord("1"))):
            up = max(up, 2)
        if up >= n or down >= n:
            return True
    return False


def is_placeholder(s: bytes) -> bool:
    if not s:
        return True
    low = s.lower()
    if any(w in low for w in PLACEHOLDER_WORDS):
        return True
    if (s[:1] + s[-1:]) in (b"<>", b"[]", b"%%", b"{}"):
        return True
    if s[:1] == b"$" and re.fullmatch(rb"\$[A-Za-z0-9_]*", s):
        return True
    if b"_" in s and re.fullmatch(rb"[A-Z0-9_]+", s) and sum(c in b"0123456789" for c in s) * 4 < len(s):
        return True
    p = max(s.rfind(b"_"), s.rfind(b"-"))
    body = s[p + 1:] if p >= 0 and len(s) - p - 1 >= 16 else s
    if len(body) >= 8 and (len(set(body)) <= 3 or _seq_run(body, 8)):
        return True
    return False


def is_uuid(s: bytes) -> bool:
    return re.fullmatch(rb"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", s) is not None


def templated(data: bytes, a: int, b: int) -> bool:
    before = data[max(0, a - 3):a].replace(b" ", b"")
    after = data[b:b + 3].lstrip(b" ")
    opens = before.endswith((b"${", b"{{", b"%(", b"$(", b"<"))
    return opens and after[:1] in (b"}", b")", b">")


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
        # fine-grained tokens: no published checksum, shape only (as the engine does)
        return re.fullmatch(rb"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", s) is not None
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
    if not (isinstance(obj, dict) and isinstance(obj.get("alg"), str)):
        return False
    parts = secret.split(b".")
    if len(parts) < 3:
        return False
    try:
        pl = json.loads(base64.urlsafe_b64decode(parts[1] + b"=" * (-len(parts[1]) % 4)))
    except Exception:
        return False
    return isinstance(pl, dict)


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
        if m.group(gi) is None:
            continue
        a, b = m.span(gi)
        sec = data[a:b]
        low = sec.lower()
        if any(x and x in low for x in allow):
            continue
        if is_placeholder(sec) or templated(data, a, b):
            continue
        me = rule.get("min_entropy")
        if me is not None and entropy(sec) < me:
            continue
        v = rule.get("validator")
        if v and not VALIDATORS[v](sec):
            continue
        ls = data.rfind(b"\n", 0, a) + 1
        le = data.find(b"\n", b)
        line = data[ls: le if le >= 0 else len(data)]
        before = data[ls:a]
        if is_uuid(sec) and not any(w in line.lower() for w in SECRET_CONTEXT):
            continue
        if rule.get("confidence") != "high":
            digesty = re.fullmatch(rb"[0-9a-fA-F]+", sec) or re.fullmatch(rb"[A-Za-z0-9+/=_-]+", sec)
            if digesty and any(mk in before.lower() for mk in HASH_MARKERS):
                continue
        if any(k in line.lower() for k in (b"ssh-rsa ", b"ssh-ed25519 ", b"ssh-dss ", b"ecdsa-sha2-", b"sk-ssh-ed25519@")):
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
    ap.add_argument("--strict-negatives", action="store_true",
                    help="fail when any rule (not only its own) reports a rule's negative example: the benchmark corpus labels negatives for every rule")
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
        no_classes = re.sub(r"\[(?:\\.|[^\]])*\]", "", r["regex"])
        for pat, what in UNSUPPORTED:
            if re.search(pat, no_classes):
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
    if args.strict_negatives:
        byid = {r["id"]: r for r in rules}
        for r in rules:
            for n in r.get("negative", []):
                others = [o for o, rx in compiled.items() if o != r["id"] and findings(byid[o], rx, n)]
                if others:
                    errors.append(f"{r['_file']}:{r['id']}: negative reported by {', '.join(others)}: {n[:100]!r}")
    for e in errors:
        print("ERROR", e)
    for f, n in sorted(per_file.items()):
        print(f"{f}: {n} rules")
    print(f"total: {len(rules)} rules, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
