"""Run rampart or Semgrep over a set of Python files and normalise their findings.

Both tools are run as external processes and their JSON output is reduced to a set of
`(relative path, line, bare rule id)` triples, so the scorer and the comparison can treat them alike:

* Semgrep: `semgrep --config RULES --json --metrics off --disable-version-check FILE...`
  (explicit files, because Semgrep's default ignore list skips `tests/` directories). Its rule ids
  carry the rule file's dotted path (`crates.rampart-sast.rules.python.<id>`); the last dotted
  component is the bare id.
* rampart: `rampart sast DIR --format json` (report schema v1: `findings[].rule_id`,
  `findings[].locations[].path/region.start_line`, `suppression`); built-in ids carry the `py/`
  prefix, which is removed. Suppressed findings are ignored.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRATE = HERE.parent
REPO = CRATE.parent.parent
RULES = CRATE / "rules" / "python"


def bare_rule_id(rule_id: str) -> str:
    rule_id = rule_id.rsplit("/", 1)[-1]
    return rule_id.rsplit(".", 1)[-1]


def semgrep_command() -> list[str]:
    exe = os.environ.get("SEMGREP") or shutil.which("semgrep")
    if not exe:
        sys.exit("semgrep not found: `pip install semgrep` or set SEMGREP=/path/to/semgrep")
    return [exe]


def rampart_command() -> list[str]:
    """`RAMPART` (a command line) wins; else a built binary; else `cargo run`."""
    if os.environ.get("RAMPART"):
        return shlex.split(os.environ["RAMPART"])
    for profile in ("release", "debug"):
        exe = REPO / "target" / profile / "rampart"
        if exe.exists():
            return [str(exe)]
    return ["cargo", "run", "-q", "-p", "rampart", "--"]


def _relative(path: str, root: Path) -> str:
    p = Path(path)
    if not p.is_absolute():
        # rampart reports paths relative to the scan root; Semgrep relative to its cwd.
        for base in (root, Path.cwd()):
            if (base / p).exists():
                p = base / p
                break
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def run_semgrep(files: list[Path], root: Path, rules: Path = RULES) -> set[tuple[str, int, str]]:
    cmd = semgrep_command() + [
        "--config", str(rules), "--json", "--metrics", "off", "--disable-version-check",
        "--quiet", "--no-git-ignore", *[str(f) for f in files],
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if not proc.stdout.strip():
        sys.exit(f"semgrep produced no output (rc={proc.returncode}): {proc.stderr[-2000:]}")
    doc = json.loads(proc.stdout)
    if doc.get("errors"):
        for e in doc["errors"]:
            print("semgrep error:", e.get("message", e)[:300], file=sys.stderr)
    out = set()
    for r in doc.get("results", []):
        out.add((_relative(r["path"], root), int(r["start"]["line"]), bare_rule_id(r["check_id"])))
    return out


def run_rampart(target: Path, root: Path, extra: list[str] | None = None) -> set[tuple[str, int, str]]:
    cmd = rampart_command() + ["sast", str(target), "--format", "json", *(extra or [])]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    text = proc.stdout.strip()
    if not text:
        sys.exit(f"rampart produced no output (rc={proc.returncode}): {proc.stderr[-2000:]}")
    doc = json.loads(text)
    for d in doc.get("diagnostics", []):
        print("rampart diagnostic:", json.dumps(d)[:300], file=sys.stderr)
    out = set()
    for f in doc.get("findings", []):
        if f.get("suppression"):
            continue
        for loc in f.get("locations", [])[:1]:
            if loc.get("kind") != "file" or not loc.get("region"):
                continue
            out.add((_relative(loc["path"], target if target.is_dir() else root),
                     int(loc["region"]["start_line"]), bare_rule_id(f["rule_id"])))
    return out
