"""Scores the runs of bench-inner.sh: planted flaws found, findings on the fixed twin, requests
the app received (its own log), wall time. Wapiti's categories are mapped onto rampart's rules."""

import json
import os
import sys

OUT = sys.argv[1]

# (rule, path, parameter) of every flaw planted in apps/vulnapp.py's vulnerable variant.
PLANTED = [
    ("sql-injection", "/item", "id"), ("sql-injection", "/user", "name"), ("sql-injection", "/lookup", "code"),
    ("xss-reflected", "/search", "q"), ("xss-reflected", "/profile", "name"), ("xss-reflected", "/greet", "name"),
    ("xss-reflected", "/hello", "name"), ("xxe", "/api/import", ""),
    ("xss-stored", "/comments", "text"), ("command-injection", "/ping", "host"), ("command-injection", "/notify", "email"),
    ("path-traversal", "/file", "name"), ("ssrf", "/fetch", "url"), ("open-redirect", "/go", "next"),
    ("crlf-injection", "/lang", "set"),
    ("ssti", "/hello", "name"), ("csrf", "/settings", ""), ("csrf", "/comments", ""),
    ("default-credentials", "/login", ""), ("no-brute-force-protection", "/login", ""),
    ("unrestricted-file-upload", "/upload", ""), ("http-trace", "/", ""), ("cors-arbitrary-origin", "/api/stock", ""),
    ("stack-trace", "/report", ""), ("directory-listing", "/backup/", ""), ("cacheable-sensitive-page", "/login", ""),
    ("csp-missing", "", ""), ("frame-protection-missing", "", ""), ("x-content-type-options-missing", "", ""),
    ("version-disclosure", "", ""), ("cookie-no-httponly", "", ""), ("cookie-no-samesite", "", ""),
]

WAPITI = {
    "SQL Injection": "sql-injection", "Blind SQL Injection": "sql-injection",
    "Cross Site Scripting": "xss-reflected", "Stored Cross Site Scripting": "xss-stored",
    "Commands execution": "command-injection", "Command execution": "command-injection", "Path Traversal": "path-traversal",
    "Server Side Request Forgery": "ssrf", "Open Redirect": "open-redirect", "CRLF Injection": "crlf-injection",
    "Cross Site Request Forgery": "csrf", "Weak credentials": "default-credentials",
    "Content Security Policy Configuration": "csp-missing", "Clickjacking Protection": "frame-protection-missing",
    "MIME Type Confusion": "x-content-type-options-missing", "HttpOnly Flag cookie": "cookie-no-httponly",
    "Secure Flag cookie": "cookie-no-secure", "HTTP Strict Transport Security (HSTS)": "hsts-missing",
    "Htaccess Bypass": "htaccess", "Backup file": "backup", "Potentially dangerous file": "nikto",
    "Internal Server Error": "stack-trace", "Resource consumption": "timeout",
}


HEADERS = {
    "X-Frame-Options": "frame-protection-missing", "X-Content-Type-Options": "x-content-type-options-missing",
    "Strict-Transport-Security": "hsts-missing", "X-XSS-Protection": "x-xss-protection-missing",
}


def rampart(variant):
    found, stats = [], {}
    for line in open(os.path.join(OUT, "rampart-%s.jsonl" % variant)):
        v = json.loads(line)
        if "rule" in v:
            found.append((v["rule"].split("/", 1)[1], v["path"], v["param"], "vulnerabilities"))
        else:
            stats = v
    return found


def wapiti(variant):
    path = os.path.join(OUT, "wapiti-%s.json" % variant)
    if not os.path.exists(path):
        return []
    doc = json.load(open(path))
    found = []
    for section in ("vulnerabilities", "anomalies", "additionals"):
        for cat, items in (doc.get(section) or {}).items():
            for it in items:
                rule = WAPITI.get(cat, cat)
                if cat == "HTTP Secure Headers":
                    info = it.get("info", "")
                    rule = next((r for h, r in HEADERS.items() if h in info), info)
                found.append((rule, it.get("path", ""), it.get("parameter", "") or "", section))
    return found


def matches(planted, f):
    rule, path, param = planted
    return f[0] == rule and (not path or f[1] == path) and (not param or f[2] == param or f[0] in ("csrf",))


def score(name, finder):
    vuln = finder("vulnerable")
    fixed = finder("fixed")
    hit = [p for p in PLANTED if any(matches(p, f) for f in vuln)]
    missed = [p for p in PLANTED if p not in hit]
    reqs = {v: sum(1 for _ in open(os.path.join(OUT, "%s-%s.log" % (name, v)))) if os.path.exists(os.path.join(OUT, "%s-%s.log" % (name, v))) else 0 for v in ("vulnerable", "fixed")}
    secs = {}
    for v in ("vulnerable", "fixed"):
        s, e = open(os.path.join(OUT, "%s-%s.time" % (name, v))).read().split()
        secs[v] = float(e) - float(s)
    anomalies = [f for f in fixed if f[3] == "anomalies"]
    print("%-8s planted found %2d/%d | fixed-twin findings %3d (+%d anomalies) | requests %6d + %6d | wall %7.1fs + %7.1fs"
          % (name, len(hit), len(PLANTED), len(fixed) - len(anomalies), len(anomalies), reqs["vulnerable"], reqs["fixed"], secs["vulnerable"], secs["fixed"]))
    print("         missed: %s" % (", ".join("%s %s %s" % m for m in missed) or "none"))
    if fixed:
        print("         on the fixed twin: %s" % "; ".join(sorted(set("%s %s %s" % f[:3] for f in fixed))))


score("rampart", rampart)
score("wapiti", wapiti)
print("raw outputs in", OUT)
