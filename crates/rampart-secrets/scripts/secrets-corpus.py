#!/usr/bin/env python3
"""Generate a reproducible secrets benchmark corpus with a label file.

The corpus is realistic source and config text (Python, JavaScript, Go, YAML, JSON lockfiles,
.env, Dockerfiles, Markdown, logs) generated from templates with a fixed seed. Into it we plant:

* positives: for every rule in ../rules/*.toml, fresh secrets made from the rule's positive
  examples by re-randomising the secret's characters class by class (upper stays upper, digit
  stays digit, prefixes/keywords kept); GitHub-format tokens get a recomputed CRC32 tail and JWTs
  keep their header and payload. A variant is used only if the rule's regex (run with Python's
  `re`) still captures it; otherwise the example line is used as is (counted in the summary).
* hard negatives: every rule's negative examples plus placeholders, documented example keys,
  template variables, lockfile digests, hashes, UUIDs in non-secret contexts and public keys.

Labels are written as JSON lines: {"path", "line", "kind": "positive"|"negative", "rule",
"family"}. Usage:

    python3 secrets-corpus.py --out /tmp/corpus --size-mb 300 --seed 1
"""

import argparse
import glob
import json
import os
import random
import re
import string
import tomllib
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "rules")
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def load_rules():
    rules = []
    for path in sorted(glob.glob(os.path.join(RULES, "*.toml"))):
        fam = os.path.splitext(os.path.basename(path))[0]
        with open(path, "rb") as f:
            for r in tomllib.load(f).get("rule", []):
                r["family"] = fam
                pat = r["regex"].replace("(?<secret>", "(?P<secret>").replace(r"\z", r"\Z")
                try:
                    r["re"] = re.compile(pat)
                except re.error:
                    r["re"] = None
                rules.append(r)
    return rules


def secret_span(rule, line):
    if rule["re"] is None:
        return None
    m = rule["re"].search(line)
    if not m:
        return None
    if "secret" in rule["re"].groupindex:
        g = "secret"
    elif rule["re"].groups >= 1:
        g = 1
    else:
        g = 0
    if m.group(g) is None:
        return None
    return m.span(g)


def base62(n, width):
    out = ""
    while n:
        out = B62[n % 62] + out
        n //= 62
    return out.rjust(width, "0")


def mutate(rng, secret, keywords):
    keep = [False] * len(secret)
    low = secret.lower()
    for k in keywords:
        k = k.lower()
        start = low.find(k)
        while start != -1:
            for i in range(start, min(len(secret), start + len(k))):
                keep[i] = True
            start = low.find(k, start + 1)
    # Keep a short prefix up to the last separator in the first 16 characters (`sk-proj-`).
    head = secret[:16]
    cut = max(head.rfind("_"), head.rfind("-"))
    for i in range(cut + 1):
        keep[i] = True
    # Stay inside the alphabet the secret uses: hex stays hex, base32 stays base32.
    free = [c for c, k in zip(secret, keep) if not k]
    lowers = [c for c in free if c.islower()]
    uppers = [c for c in free if c.isupper()]
    digits_ = [c for c in free if c.isdigit()]
    low_set = "abcdef" if lowers and max(lowers) <= "f" else string.ascii_lowercase
    up_set = "ABCDEF" if uppers and max(uppers) <= "F" else string.ascii_uppercase
    dig_set = "234567" if digits_ and min(digits_) >= "2" and max(digits_) <= "7" else string.digits
    out = []
    for c, k in zip(secret, keep):
        if k:
            out.append(c)
        elif c.isdigit():
            out.append(rng.choice(dig_set))
        elif c in string.ascii_uppercase:
            out.append(rng.choice(up_set))
        elif c in string.ascii_lowercase:
            out.append(rng.choice(low_set))
        else:
            out.append(c)
    s = "".join(out)
    if s.startswith(("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) and len(s) > 10:
        body = s[4:-6]
        s = s[:4] + body + base62(zlib.crc32(body.encode()), 6)
    return s


def variant(rng, rule, line):
    span = secret_span(rule, line)
    if span is None:
        return None
    a, b = span
    secret = line[a:b]
    if rule.get("validator") == "luhn":
        return line
    if rule.get("validator") == "jwt":
        parts = secret.split(".")
        if len(parts) == 3:
            sig = "".join(rng.choice(B62 + "-_") for _ in parts[2])
            new = ".".join(parts[:2] + [sig])
            return line[:a] + new + line[b:]
        return line
    for _ in range(25):
        new = mutate(rng, secret, rule.get("keywords", []))
        cand = line[:a] + new + line[b:]
        sp = secret_span(rule, cand)
        if sp is not None and cand[sp[0]:sp[1]] == new:
            return cand
    return None


WORDS = ("user order invoice account session config value result item request response "
         "handler cache queue worker client server model tensor batch layer metric event "
         "payload record buffer stream index schema table column filter mapper").split()
# Words that hit generic keywords without being secrets: the prefilter must cope with them.
KEYWORDY = ["token_count", "get_token", "api_key_name", "secret_name", "password_field",
            "auth_token_header", "key_id", "private_key_path", "credentials_file"]


def ident(rng):
    return "_".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))


def py_block(rng):
    n = ident(rng)
    kw = rng.choice(KEYWORDY)
    return (f"def {n}(self, {ident(rng)}, {kw}=None):\n"
            f"    \"\"\"Return the {rng.choice(WORDS)} for {rng.choice(WORDS)}.\"\"\"\n"
            f"    if {kw} is None:\n"
            f"        {kw} = self.{ident(rng)}.get(\"{rng.choice(WORDS)}\")\n"
            f"    for i in range({rng.randint(1, 500)}):\n"
            f"        self.{ident(rng)}[i] = {ident(rng)}(i, {kw})\n"
            f"    return {ident(rng)}\n\n")


def js_block(rng):
    n = ident(rng)
    return (f"export async function {n}({ident(rng)}, opts = {{}}) {{\n"
            f"  const {ident(rng)} = await fetch(`/api/{rng.choice(WORDS)}/${{id}}`, {{ headers: {{ Authorization: `Bearer ${{opts.{rng.choice(KEYWORDY)}}}` }} }});\n"
            f"  if (!res.ok) throw new Error('{rng.choice(WORDS)} failed: ' + res.status);\n"
            f"  return res.json().then((d) => d.{ident(rng)} ?? {rng.randint(0, 99)});\n"
            f"}}\n\n")


def go_block(rng):
    return (f"func {ident(rng).title().replace('_', '')}(ctx context.Context, {rng.choice(WORDS)} string) error {{\n"
            f"\tif err := s.{rng.choice(WORDS)}.Load(ctx, \"{rng.choice(WORDS)}\"); err != nil {{\n"
            f"\t\treturn fmt.Errorf(\"load {rng.choice(WORDS)}: %w\", err)\n\t}}\n"
            f"\treturn nil\n}}\n\n")


def yaml_block(rng):
    return (f"- name: {ident(rng)}\n  image: registry.example.invalid/{rng.choice(WORDS)}:{rng.randint(1, 9)}.{rng.randint(0, 20)}\n"
            f"  env:\n    - name: {rng.choice(KEYWORDY).upper()}\n      valueFrom:\n        secretKeyRef: {{name: {rng.choice(WORDS)}, key: token}}\n"
            f"  resources: {{limits: {{cpu: {rng.randint(1, 8)}, memory: {rng.randint(1, 64)}Gi}}}}\n")


def lock_block(rng):
    digest = "".join(rng.choice(B62 + "+/") for _ in range(86))
    return (f"    \"node_modules/{rng.choice(WORDS)}-{rng.choice(WORDS)}\": {{\n"
            f"      \"version\": \"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}\",\n"
            f"      \"resolved\": \"https://registry.npmjs.org/{rng.choice(WORDS)}/-/{rng.choice(WORDS)}.tgz\",\n"
            f"      \"integrity\": \"sha512-{digest}==\"\n    }},\n")


def log_block(rng):
    uid = "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(48))
    return (f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T12:{rng.randint(10, 59)}:00Z INFO request_id={uid} "
            f"commit={''.join(rng.choice('0123456789abcdef') for _ in range(40))} {rng.choice(WORDS)} took {rng.randint(1, 999)}ms\n")


def md_block(rng):
    return (f"## {rng.choice(WORDS).title()} {rng.choice(WORDS)}\n\nSet `{rng.choice(KEYWORDY).upper()}` in your environment, "
            f"then run `make {rng.choice(WORDS)}`. The {rng.choice(WORDS)} is read from the {rng.choice(WORDS)} file.\n\n")


def env_block(rng):
    return (f"{rng.choice(WORDS).upper()}_HOST={rng.choice(WORDS)}.internal\n{rng.choice(WORDS).upper()}_PORT={rng.randint(1000, 9999)}\n"
            f"LOG_LEVEL={rng.choice(['info', 'debug', 'warn'])}\n")


KINDS = [
    ("py", py_block), ("js", js_block), ("go", go_block), ("yaml", yaml_block),
    ("json", lock_block), ("log", log_block), ("md", md_block), ("env", env_block),
]

HARD_NEGATIVES = [
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "OPENAI_API_KEY=YOUR_API_KEY",
    "api_key = \"${API_KEY}\"",
    "token: {{ secrets.GITHUB_TOKEN }}",
    "password = os.environ[\"DB_PASSWORD\"]",
    "const key = process.env.STRIPE_SECRET_KEY;",
    "secret = \"xxxxxxxxxxxxxxxxxxxxxxxx\"",
    "password = \"changeme\"",
    "api_key = \"<token>\"",
    "\"integrity\": \"sha512-7yO0ymaIv6mXs6mHqGq2EJpQw9v3ZsmUHq0r5mVPJwqDNyQvSgXGHXOZ0Yc1Wkq1Zt3N1d9BL0c5VQxkq6wW0w==\"",
    "sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "request_id = \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@ci",
    "checksum = \"5d41402abc4b2a76b9719d911017c592\"",
    "token_count = 4096",
]


# ---------------------------------------------------------------- context files (issue 14)
# Whole files where the context (file type, header row, notebook JSON, docs path) decides: a
# password in a JSON field, a TypeScript/Java property, a Spring properties file, a notebook cell,
# a CSV column, a log line, a .pypirc, a database URI; and documentation examples in README/docs
# paths that must NOT be reported.

PW_CHARS = string.ascii_letters + string.digits + "!#%^&*+=~?_.-"


def password(rng):
    n = rng.randint(12, 22)
    while True:
        p = "".join(rng.choice(PW_CHARS) for _ in range(n))
        if (any(c.isdigit() for c in p) and any(c.isupper() for c in p) and any(c.islower() for c in p)
                and not re.search(r"(?i)test|exam|xxx|1234|abcd|pass|fake|demo|dummy|temp", p)):
            return p


def api_secret(rng):
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(32, 44)))


DOC_VALUES = ["your-password", "<password>", "changeme", "xxxxxxxx", "${DB_PASSWORD}", "%(db_password)s",
              "{{ db_password }}", "12345678", "aaaaaaaa", "your_password_here", "example-password",
              "<your-secret>", "$PASSWORD", "password123", "mypassword", "secret", "REPLACE_ME", "s3cr3t",
              "P@ssw0rd", "hunter2", "abcdefgh", "qwerty123", "${SECRET}", "<db-password>", "********",
              "placeholder", "your-api-secret", "TODO", "pass1234", "admin123", "letmein!", "foobar12"]


def ctx_positive(rng, i):
    """One file with one planted positive; returns (ext, text, [lines of the secret])."""
    pw, sec = password(rng), api_secret(rng)
    user = rng.choice(["app", "svc_orders", "deploy", "etl", "reporting"])
    host = f"{rng.choice(WORDS)}-db.internal"
    kinds = [
        ("json", lambda: json.dumps({"name": rng.choice(WORDS), "database": {"host": host, "user": user, "password": pw}, "retries": 3}, indent=2)),
        ("json", lambda: json.dumps({"service": rng.choice(WORDS), "oauth": {"client_id": f"{rng.choice(WORDS)}-client", "client_secret": sec}}, indent=2)),
        ("ts", lambda: f"export const dbConfig = {{\n  host: '{host}',\n  user: '{user}',\n  password: \"{pw}\",\n  port: 5432,\n}};\n"),
        ("ts", lambda: f"const settings = {{\n  region: 'eu-west-1',\n  apiSecret: '{sec}',\n}};\n"),
        ("java", lambda: f"public class DbConfig {{\n    private String url = \"jdbc:postgresql://{host}:5432/app\";\n    private String password = \"{pw}\";\n}}\n"),
        ("properties", lambda: f"spring.datasource.url=jdbc:postgresql://{host}:5432/app\nspring.datasource.username={user}\nspring.datasource.password={pw}\n"),
        ("ipynb", lambda: json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "source": ["import psycopg2\n", f"password = \"{pw}\"\n", f"conn = psycopg2.connect(host=\"{host}\", user=\"{user}\", password=password)\n"], "outputs": [], "execution_count": 1}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)),
        ("csv", lambda: f"username,password,email\n{user},{pw},{user}@corp.example.org\n"),
        ("log", lambda: f"2024-05-0{rng.randint(1, 9)} 12:00:0{rng.randint(1, 9)} INFO auth login user={user} password={pw} status=ok\n"),
        ("pypirc", lambda: f"[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pypi.corp.local/simple\nusername = {user}\npassword = {pw}\n"),
        ("env", lambda: f"DATABASE_URL=postgres://{user}:{pw}@{host}:5432/app\n"),
        ("yaml", lambda: f"datasource:\n  url: jdbc:mysql://{host}:3306/app?user={user}&password={pw}&useSSL=true\n"),
    ]
    ext, make = kinds[i % len(kinds)]
    text = make()
    needle = pw if pw in text else sec
    lines = [n + 1 for n, l in enumerate(text.splitlines()) if needle in l]
    return ext, text, lines


def ctx_doc_negative(rng, i):
    """A documentation example: README/docs path, placeholder or example value."""
    v = DOC_VALUES[i % len(DOC_VALUES)]
    host = "localhost"
    forms = [
        f"```python\npassword = \"{v}\"\n```\n",
        f"```json\n{{\"password\": \"{v}\"}}\n```\n",
        f"```properties\nspring.datasource.password={v}\n```\n",
        f"Connect with `postgres://user:{v}@{host}:5432/db`.\n",
        f"```ini\n[pypi]\nusername = __token__\npassword = {v}\n```\n",
        f"```ts\nconst config = {{ password: '{v}' }};\n```\n",
        f"```\nDB_PASSWORD={v}\n```\n",
        f"| user | password |\n|---|---|\n| admin | {v} |\n",
    ]
    f = forms[i % len(forms)]
    return f


def context_files(rng, n_pos, n_doc):
    out = []  # (rel, text, labels)
    for i in range(n_pos):
        ext, text, lines = ctx_positive(rng, i)
        name = {"pypirc": ".pypirc", "env": ".env", "properties": "application.properties"}.get(ext, f"{ident(rng)}.{ext}")
        rel = f"ctx/p{i:04d}/{name}"
        out.append((rel, text, [(l, "positive", "generic-context", "generic-context") for l in lines]))
    for i in range(n_doc):
        body = ctx_doc_negative(rng, i)
        intro = f"# {rng.choice(WORDS).title()} setup\n\nConfigure the {rng.choice(WORDS)} service:\n\n"
        text = intro + body
        rel = rng.choice([f"ctx/d{i:04d}/README.md", f"ctx/d{i:04d}/docs/configuration.md", f"ctx/d{i:04d}/docs/setup.rst"])
        first = intro.count("\n") + 1
        lines = [first + k for k in range(body.count("\n"))]
        out.append((rel, text, [(l, "negative", "doc-example", "doc-example") for l in lines]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--size-mb", type=float, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--positives-per-rule", type=int, default=6)
    ap.add_argument("--context-positives", type=int, default=600, help="issue 14 context files")
    ap.add_argument("--doc-examples", type=int, default=400, help="documentation-example files")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rules = load_rules()

    plants = []  # (kind, rule_id, family, line)
    reused = 0
    for r in rules:
        pos = r.get("positive", [])
        for i in range(args.positives_per_rule):
            if not pos:
                break
            base = pos[i % len(pos)]
            v = variant(rng, r, base)
            if v is None:
                v = base
                reused += 1
            plants.append(("positive", r["id"], r["family"], v))
        for n in r.get("negative", []):
            plants.append(("negative", r["id"], r["family"], n))
    for n in HARD_NEGATIVES:
        plants.append(("negative", "hard-negative", "hard-negative", n))
    rng.shuffle(plants)

    os.makedirs(args.out, exist_ok=True)
    target = int(args.size_mb * 1024 * 1024)
    total = 0
    nfiles = 0
    labels = []
    # Spread plants evenly over the files.
    approx_files = max(1, target // (48 * 1024))
    per_file = max(1, len(plants) // approx_files + 1)
    pi = 0
    while total < target:
        ext, gen = KINDS[nfiles % len(KINDS)]
        d = os.path.join(args.out, f"pkg{nfiles // 200:03d}")
        os.makedirs(d, exist_ok=True)
        rel = f"pkg{nfiles // 200:03d}/{ident(rng)}_{nfiles}.{ext}"
        if ext == "json":
            rel = f"pkg{nfiles // 200:03d}/m{nfiles}/package-lock.json"
            os.makedirs(os.path.join(args.out, os.path.dirname(rel)), exist_ok=True)
        size = rng.randint(8, 96) * 1024
        lines = []
        n = 0
        while n < size:
            block = gen(rng)
            lines.extend(block.splitlines(keepends=True))
            n += len(block)
        if ext != "json":
            for _ in range(per_file):
                if pi >= len(plants):
                    break
                kind, rid, fam, text = plants[pi]
                pi += 1
                at = rng.randint(0, len(lines))
                block = (text.rstrip("\n") + "\n").splitlines(keepends=True)
                lines[at:at] = block
                # Later inserts shift earlier labels below them.
                for lab in labels:
                    if lab["path"] == rel and lab["line"] >= at + 1:
                        lab["line"] += len(block)
                        lab["end_line"] += len(block)
                labels.append({"path": rel, "line": at + 1, "end_line": at + len(block),
                               "kind": kind, "rule": rid, "family": fam})
        data = "".join(lines)
        with open(os.path.join(args.out, rel), "w") as f:
            f.write(data)
        total += len(data)
        nfiles += 1
        if pi >= len(plants) and total >= target:
            break
    # Plants left over (small corpus): one more file.
    if pi < len(plants):
        rel = "leftover/extra.txt"
        os.makedirs(os.path.join(args.out, "leftover"), exist_ok=True)
        with open(os.path.join(args.out, rel), "w") as f:
            line = 1
            for kind, rid, fam, text in plants[pi:]:
                block = text.rstrip("\n") + "\n"
                f.write(block)
                n = block.count("\n")
                labels.append({"path": rel, "line": line, "end_line": line + n - 1,
                               "kind": kind, "rule": rid, "family": fam})
                line += n
    for rel, text, labs in context_files(rng, args.context_positives, args.doc_examples):
        os.makedirs(os.path.join(args.out, os.path.dirname(rel)), exist_ok=True)
        with open(os.path.join(args.out, rel), "w") as f:
            f.write(text)
        total += len(text)
        for line, kind, rid, fam in labs:
            labels.append({"path": rel, "line": line, "end_line": line, "kind": kind, "rule": rid, "family": fam})
    with open(os.path.join(os.path.dirname(os.path.abspath(args.out)), os.path.basename(args.out) + ".labels.jsonl"), "w") as f:
        for lab in labels:
            f.write(json.dumps(lab) + "\n")
    npos = sum(1 for l in labels if l["kind"] == "positive")
    print(json.dumps({"files": nfiles, "bytes": total, "positives": npos,
                      "negatives": len(labels) - npos, "examples_reused_unmutated": reused}))


if __name__ == "__main__":
    main()
