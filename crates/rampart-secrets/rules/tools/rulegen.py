#!/usr/bin/env python3
"""Builds rampart's built-in secret rule files (`rules/<family>.toml`) from the specs in
`tools/families/<family>.py`.

Why a generator: every rule carries positive examples that must look like real, random
credentials (the engine drops low-entropy and placeholder-looking strings), and some must carry a
valid checksum (GitHub/npm CRC32 tails). Writing those by hand is error-prone; here they are drawn
from a PRNG seeded by the rule id, so regenerating is deterministic and diffs stay small.

Usage:  python3 rules/tools/rulegen.py [family ...]     (then run rules/tools/check_rules.py)
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import importlib
import json
import math
import random
import string
import sys
from collections import Counter
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
RULES_DIR = TOOLS.parent

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
LOWER_ALNUM = string.ascii_lowercase + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
HEXL = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
LETTERS = string.ascii_letters
DIGITS = string.digits
BASE32 = string.ascii_uppercase + "234567"

# Substrings a generated example must not contain: they would look like placeholders to the
# engine (or to a reader) and make the example meaningless.
BAD_SUBSTRINGS = (
    "test", "exam", "dummy", "fake", "sample", "xxx", "abc", "123", "000", "pass", "secret",
    "token", "your", "todo", "null", "none", "demo", "changeme", "placeholder", "redact",
    "aaaa", "1111", "qwer", "asdf", "foo", "bar", "mock", "fixme", "temp", "key",
)


def entropy(s: str | bytes) -> float:
    if isinstance(s, str):
        s = s.encode()
    if not s:
        return 0.0
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


class G:
    """Deterministic generator of realistic random credential material."""

    def __init__(self, seed: str):
        self.r = random.Random(hashlib.sha256(seed.encode()).digest())

    def s(self, charset: str, n: int) -> str:
        for _ in range(10000):
            t = "".join(self.r.choice(charset) for _ in range(n))
            low = t.lower()
            if any(b in low for b in BAD_SUBSTRINGS):
                continue
            if n >= 12 and entropy(t) < min(3.0, math.log2(len(set(charset))) - 0.6):
                continue
            # no long single-character runs
            if any(t[i] == t[i + 1] == t[i + 2] for i in range(len(t) - 2)):
                continue
            return t
        raise RuntimeError("cannot generate a clean token")

    def b62(self, n): return self.s(ALNUM, n)
    def alnum(self, n): return self.s(ALNUM, n)
    def hex(self, n): return self.s(HEXL, n)
    def HEX(self, n): return self.s(HEXU, n)
    def lower(self, n): return self.s(LOWER_ALNUM, n)
    def upper(self, n): return self.s(UPPER_ALNUM, n)
    def letters(self, n): return self.s(LETTERS, n)
    def digits(self, n):
        # a leading zero looks odd for ids
        return self.r.choice("123456789") + self.s(DIGITS, n - 1) if n > 1 else self.s("123456789", 1)
    def b64(self, n): return self.s(B64, n)
    def b64url(self, n): return self.s(B64URL, n - 1) + self.s(ALNUM, 1)
    def base32(self, n): return self.s(BASE32, n)
    def pick(self, *opts): return self.r.choice(opts)
    def uuid(self): return f"{self.hex(8)}-{self.hex(4)}-4{self.hex(3)}-{self.pick('8','9','a','b')}{self.hex(3)}-{self.hex(12)}"
    def UUID(self): return self.uuid().upper()
    def bytes(self, n): return bytes(self.r.getrandbits(8) for _ in range(n))

    def word(self):
        return self.pick("orion", "maple", "harbor", "quartz", "falcon", "cobalt", "ember", "juniper",
                         "nimbus", "tundra", "atlas", "saffron", "willow", "granite", "lumen")

    def password(self, n=16):
        cs = ALNUM + "!#%^*-_+.~"
        for _ in range(1000):
            p = self.s(cs, n)
            if any(c.isdigit() for c in p[8:]) and any(c.isupper() for c in p) and p[0].isalnum():
                return p
        raise RuntimeError

    def b64_of(self, raw: bytes, url=False, pad=True) -> str:
        out = (base64.urlsafe_b64encode(raw) if url else base64.b64encode(raw)).decode()
        return out if pad else out.rstrip("=")


def base62_encode(num: int, width: int = 6) -> str:
    out = ""
    while num:
        num, rem = divmod(num, 62)
        out = B62[rem] + out
    return out.rjust(width, "0")


def crc_token(g: G, prefix: str, body_len: int = 30) -> str:
    """GitHub/npm style token: prefix + base62 random body + base62(CRC32(body)) in 6 chars."""
    body = g.b62(body_len)
    return prefix + body + base62_encode(binascii.crc32(body.encode()) & 0xFFFFFFFF)


def corrupt(tok: str) -> str:
    """Flips the last character to another alphanumeric (breaks a checksum, keeps the shape)."""
    last = tok[-1]
    repl = "7" if last != "7" else "Q"
    return tok[:-1] + repl


def jwt(g: G, payload: dict | None = None, alg: str = "HS256", sig_len: int = 43) -> str:
    header = {"alg": alg, "typ": "JWT"}
    payload = payload or {"sub": g.uuid(), "iat": 1718000000 + g.r.randint(0, 10**7),
                          "exp": 1760000000 + g.r.randint(0, 10**7)}
    enc = lambda d: base64.urlsafe_b64encode(json.dumps(d, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{enc(header)}.{enc(payload)}.{g.b64url(sig_len)}"


# --------------------------------------------------------------------------------------------
# Rule construction

def _esc(lit: str) -> str:
    """Escapes a literal for both Rust `regex` and Python `re` (only the metacharacters)."""
    return "".join("\\" + c if c in ".+*?()[]{}|^$\\" else c for c in lit)


esc = _esc

# Separator between a key name and its value in code/config: `=`, `:`, `:=`, `=>`, `,` (a
# function argument or tuple) or `(`, with optional quotes and spaces around it.
SEP = r"""["']?\s{0,3}(?::=|=>|[:=,(])\s{0,3}["'`]?"""
# Characters allowed inside a key name between the provider word and the secret-ish word.
NAME = r"[A-Za-z0-9_.-]"
END_ALNUM = r"(?:[^A-Za-z0-9]|$)"
END_B64URL = r"(?:[^A-Za-z0-9_-]|$)"
END_B64 = r"(?:[^A-Za-z0-9+/=]|$)"
START = r"(?:^|[^A-Za-z0-9_-])"

AI_LLM = ["LLM02:2025"]


def rule(id: str, title: str, *, keywords, regex, description, remediation, references,
         positive, negative, severity="critical", confidence="high", min_entropy=None,
         validator=None, allow=None, rationale=None, owasp_llm=None, tags=None, overlap_ok=None):
    return dict(id=id if id.startswith("secrets/") else "secrets/" + id, title=title,
                severity=severity, confidence=confidence, keywords=keywords, regex=regex,
                min_entropy=min_entropy, validator=validator, allow=allow, description=description,
                rationale=rationale, remediation=remediation, references=references,
                positive=positive, negative=negative, owasp_llm=owasp_llm, tags=tags,
                overlap_ok=overlap_ok)


def prefixed(id, title, prefix, body, make, *, env, what, remediation, references,
             rationale=None, severity="critical", confidence="high", end=END_ALNUM, start=r"\b",
             extra_pos=None, neg=None, keywords=None, validator=None, min_entropy=None,
             allow=None, owasp_llm=None, tags=None, suffix="", overlap_ok=None,
             short=None):
    """A rule for a token with a distinctive literal prefix.

    `body` is the regex after the prefix, `make(g)` returns one full token (prefix included).
    `env` is a typical variable name used to build realistic positive contexts.
    """
    regex = f"{start}({esc(prefix)}{body}){end}"

    def pos(g: G):
        t1, t2 = make(g), make(g)
        camel = "".join(w.capitalize() for w in env.lower().split("_"))
        camel = camel[0].lower() + camel[1:]
        out = [f"{env}={t1}", f'config = {{"{camel}": "{t2}"}}']
        for p in extra_pos or []:
            out.append(p(g) if callable(p) else p)
        return out

    def negs(g: G):
        t = make(g)
        out = [f"{env}={prefix}{'x' * 8}", f"{env}=<{prefix}YOUR_TOKEN_HERE>"]
        body_len = len(t) - len(prefix)
        cut = short(g) if short else t[: len(prefix) + max(4, min(body_len - 9, body_len // 3))]
        # A near miss for this rule that no other rule should report either (the benchmark corpus
        # labels negatives for every rule): a too-short token under a neutral name.
        out.append(f'truncated = "{cut}"')
        for n in neg or []:
            out.append(n(g) if callable(n) else n)
        return out

    r = rule(id, title, keywords=keywords or [prefix], regex=regex,
                description=f"{what} Matches the `{prefix}` prefix{suffix}.",
                rationale=rationale, remediation=remediation, references=references,
                positive=pos, negative=negs, severity=severity, confidence=confidence,
                validator=validator, min_entropy=min_entropy, allow=allow,
                owasp_llm=owasp_llm, tags=tags, overlap_ok=overlap_ok)
    r["_prefix"] = prefix
    return r


def contextual(id, title, ctx, value, make, *, env, what, remediation, references,
               keywords, rationale=None, severity="high", confidence="medium",
               min_entropy=3.0, words=r"key|token|secret|api|auth|pat|password|credential",
               end=END_ALNUM, extra_pos=None, neg=None, allow=None, owasp_llm=None, tags=None,
               overlap_ok=None, value_desc=""):
    """A rule for a provider whose keys have no distinctive prefix: the provider's name must
    appear in the key name right before the value (`COHERE_API_KEY = "..."`)."""
    regex = (f"(?i:{ctx}){NAME}{{0,20}}(?i:{words}){NAME}{{0,12}}{SEP}"
             f"({value}){end}")

    def pos(g: G):
        t1, t2, t3 = make(g), make(g), make(g)
        camel = "".join(w.capitalize() for w in env.lower().split("_"))
        camel = camel[0].lower() + camel[1:]
        out = [f"{env}={t1}", f'  {camel}: "{t2}"', f'os.environ.setdefault("{env}", "{t3}")']
        for p in extra_pos or []:
            out.append(p(g) if callable(p) else p)
        return out

    def negs(g: G):
        t = make(g)
        out = [f"{env}=your-{env.lower().replace('_', '-')}-here",
               f'{env} = "{t[:6]}"',
               f"{env}=${{{env}}}"]
        for n in neg or []:
            out.append(n(g) if callable(n) else n)
        return out

    return rule(id, title, keywords=keywords, regex=regex,
                description=f"{what} The key has no distinctive prefix, so the rule requires the provider's name in the variable or key name right before the value{value_desc}.",
                rationale=rationale, remediation=remediation, references=references,
                positive=pos, negative=negs, severity=severity, confidence=confidence,
                min_entropy=min_entropy, allow=allow, owasp_llm=owasp_llm, tags=tags,
                overlap_ok=overlap_ok)


# --------------------------------------------------------------------------------------------
# TOML output

def tstr(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def tregex(s: str) -> str:
    if "'''" in s or s.endswith("'"):
        return tstr(s)
    return "'''" + s + "'''"


def emit_rule(r: dict) -> str:
    g = G(r["id"])
    pos = r["positive"](g) if callable(r["positive"]) else list(r["positive"])
    gn = G(r["id"] + "#neg")
    neg = r["negative"](gn) if callable(r["negative"]) else list(r["negative"])
    pos = [p(g) if callable(p) else p for p in pos]
    neg = [n(gn) if callable(n) else n for n in neg]
    lines = ["[[rule]]", f"id = {tstr(r['id'])}", f"title = {tstr(r['title'])}",
             f"severity = {tstr(r['severity'])}", f"confidence = {tstr(r['confidence'])}",
             "keywords = [" + ", ".join(tstr(k) for k in r["keywords"]) + "]",
             f"regex = {tregex(r['regex'])}"]
    if r.get("min_entropy") is not None:
        lines.append(f"min_entropy = {float(r['min_entropy'])}")
    if r.get("validator"):
        lines.append(f"validator = {tstr(r['validator'])}")
    if r.get("allow"):
        lines.append("allow = [" + ", ".join(tstr(a) for a in r["allow"]) + "]")
    lines.append(f"description = {tstr(r['description'])}")
    if r.get("rationale"):
        lines.append(f"rationale = {tstr(r['rationale'])}")
    lines.append(f"remediation = {tstr(r['remediation'])}")
    lines.append("references = [" + ", ".join(tstr(x) for x in r["references"]) + "]")
    if r.get("owasp_llm"):
        lines.append("owasp_llm = [" + ", ".join(tstr(x) for x in r["owasp_llm"]) + "]")
    if r.get("tags"):
        lines.append("tags = [" + ", ".join(tstr(x) for x in r["tags"]) + "]")
    lines.append("positive = [")
    lines += [f"  {tstr(p)}," for p in pos]
    lines.append("]")
    lines.append("negative = [")
    lines += [f"  {tstr(n)}," for n in neg]
    lines.append("]")
    return "\n".join(lines) + "\n"


# Families that consume `known_prefixes` (they must not be scanned for prefixes themselves).
PREFIX_CONSUMERS = {"generic", "databases"}
_PREFIX_CACHE: list[str] | None = None


def known_prefixes(exclude: str = "") -> list[str]:
    """Literal prefixes of every prefixed rule in the other families, for the generic rules'
    `allow` lists: a value with a provider prefix belongs to that provider's rule."""
    global _PREFIX_CACHE
    if _PREFIX_CACHE is not None:
        return _PREFIX_CACHE
    sys.path.insert(0, str(TOOLS))
    out = set()
    for fam in families():
        if fam in PREFIX_CONSUMERS:
            continue
        mod = importlib.import_module(f"families.{fam}")
        for r in mod.rules():
            for p in [r.get("_prefix")] + ([k for k in r["keywords"]] if r["id"].split("/")[1].startswith(("github-", "slack-", "aws-session", "sonarqube", "harness", "hubspot", "planetscale", "flyio-macaroon", "terraform", "age-")) else []):
                if not p:
                    continue
                plain_word = p.isalpha() and (p.islower() or p.isupper()) and p.upper() != "FLWSECK"
                if ((len(p) >= 4 and not p.isalnum()) or len(p) >= 6) and not plain_word:
                    out.add(p)
    _PREFIX_CACHE = sorted(out, key=str.lower)
    return _PREFIX_CACHE


def families() -> list[str]:
    return sorted(p.stem for p in (TOOLS / "families").glob("*.py") if not p.stem.startswith("_"))


def build(family: str) -> tuple[str, list[dict]]:
    sys.path.insert(0, str(TOOLS))
    mod = importlib.import_module(f"families.{family}")
    rules = mod.rules()
    header = (f"# rampart built-in secret rules: {mod.TITLE}\n"
              f"# Generated by rules/tools/rulegen.py from rules/tools/families/{family}.py:\n"
              f"# edit the spec there and regenerate (examples are deterministic per rule id).\n"
              f"# Format: see crates/rampart-secrets/src/rules.rs. {len(rules)} rules.\n\n")
    return header + "\n".join(emit_rule(r) for r in rules), rules


def main(argv: list[str]) -> int:
    fams = argv or families()
    for fam in fams:
        text, rules = build(fam)
        out = RULES_DIR / f"{fam.replace('_', '-')}.toml"
        out.write_text(text)
        print(f"{out.name}: {len(rules)} rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
