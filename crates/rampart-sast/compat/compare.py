#!/usr/bin/env python3
"""Run rampart and Semgrep with the same rules on the same files and diff their findings.

    python3 crates/rampart-sast/compat/compare.py                # both tools, writes RESULTS.md
    python3 crates/rampart-sast/compat/compare.py --semgrep-only # before `rampart sast` exists

Rules: the built-in Python pack (`rules/python/*.yaml`), loaded by Semgrep with `--config` and by
rampart as its built-ins. Files: the pack's own test files (`rules/python/*.py`, annotated with
`# ruleid:` / `# ok:`) and the labelled suite (`tests/suite`, labelled by `labels.json`).

Findings are compared as `(file, line, rule)` triples. Every difference is classified against the
annotations/labels, so the report says which tool is right:
  * expected finding (`# ruleid:` / vulnerable file's expected rule) reported by one tool only;
  * finding on an `# ok:` line / on a safe file reported by one tool only;
  * unannotated finding reported by one tool only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from findings import CRATE, RULES, run_rampart, run_semgrep  # noqa: E402

SUITE = CRATE / "tests" / "suite"
OUT = Path(__file__).resolve().parent / "RESULTS.md"
ANNOT = re.compile(r"#\s*(ruleid|ok|todoruleid|todook):\s*([\w.,\- ]+)")

Triple = tuple[str, int, str]


def annotations(rules_dir: Path) -> dict[Triple, str]:
    """`(file, line, rule) -> "ruleid" | "ok"` for the line each annotation applies to."""
    out: dict[Triple, str] = {}
    for f in sorted(rules_dir.glob("*.py")):
        lines = f.read_text().splitlines()
        for i, text in enumerate(lines):
            m = ANNOT.search(text)
            if not m:
                continue
            kind = m.group(1)
            target = i + 1  # 1-based line of the annotation itself
            if text.strip().startswith("#"):
                # The annotation applies to the next line that is not itself a comment.
                j = i + 1
                while j < len(lines) and lines[j].strip().startswith("#"):
                    j += 1
                target = j + 1
            for rule in (r.strip() for r in m.group(2).split(",")):
                out[(f.name, target, rule)] = kind
    return out


def classify_rule_tests(found: dict[str, set[Triple]], annot: dict[Triple, str]) -> list[dict]:
    tools = list(found)
    keys = set().union(*found.values()) | {k for k, v in annot.items() if v == "ruleid"}
    rows = []
    for key in sorted(keys):
        who = [t for t in tools if key in found[t]]
        if len(who) == len(tools):
            continue
        kind = annot.get(key, "unannotated")
        rows.append({"file": key[0], "line": key[1], "rule": key[2], "reported_by": who, "annotation": kind,
                     "right": _who_is_right(kind, who, tools)})
    return rows


def _who_is_right(kind: str, who: list[str], tools: list[str]) -> str:
    if kind == "ruleid":
        return ", ".join(who) if who else "neither (both miss)"
    if kind == "ok":
        others = [t for t in tools if t not in who]
        return ", ".join(others) if others else "neither"
    return "undecided (unannotated line)"


def classify_suite(found: dict[str, set[Triple]], labels: dict) -> list[dict]:
    tools = list(found)
    rows = []
    for path, lab in labels["files"].items():
        cls_rules = set(labels["classes"][lab["class"]]["rules"])
        relevant = set(lab["expected_rules"]) if lab["vulnerable"] else cls_rules
        verdict = {t: bool({r for (p, _l, r) in found[t] if p == path} & relevant) for t in tools}
        if len(set(verdict.values())) > 1:
            right = [t for t, v in verdict.items() if v == lab["vulnerable"]]
            rows.append({"file": path, "vulnerable": lab["vulnerable"], "verdict": verdict,
                         "right": ", ".join(right), "note": lab.get("note", "")})
    return rows


def agreement_with_annotations(found: set[Triple], annot: dict[Triple, str]) -> dict:
    expected = {k for k, v in annot.items() if v == "ruleid"}
    negatives = {k for k, v in annot.items() if v == "ok"}
    return {"expected": len(expected), "found": len(expected & found),
            "ok_lines": len(negatives), "ok_violated": len(negatives & found),
            "unannotated": len({k for k in found if k not in annot})}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--semgrep-only", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="also compare on this (unlabelled) directory of real code; repeatable")
    args = ap.parse_args()

    tools = ["semgrep"] if args.semgrep_only else ["semgrep", "rampart"]
    labels = json.loads((SUITE / "labels.json").read_text())
    annot = annotations(RULES)
    rule_files = sorted(RULES.glob("*.py"))
    suite_files = sorted(SUITE / p for p in labels["files"])

    rt: dict[str, set[Triple]] = {}
    st: dict[str, set[Triple]] = {}
    for t in tools:
        if t == "semgrep":
            rt[t] = run_semgrep(rule_files, RULES)
            st[t] = run_semgrep(suite_files, SUITE)
        else:
            rt[t] = run_rampart(RULES, RULES)
            st[t] = run_rampart(SUITE, SUITE)

    lines = ["# Semgrep compatibility — results", "",
             "Generated by `python3 crates/rampart-sast/compat/compare.py"
             + (" --semgrep-only" if args.semgrep_only else "")
             + "".join(f" --extra {e}" for e in args.extra) + "`. Same rules (`rules/python`, "
             f"{len(list(RULES.glob('*.yaml')))} rules) and same files for every tool; findings compared as "
             "(file, line, rule). See `EXPECTED_DIFFERENCES.md` for why the tools differ.", ""]

    lines += ["## Rule test files (`rules/python/*.py`)", "",
              "| tool | findings | `ruleid` lines found | `ok` lines reported | unannotated findings |",
              "|---|---|---|---|---|"]
    for t in tools:
        a = agreement_with_annotations(rt[t], annot)
        lines.append(f"| {t} | {len(rt[t])} | {a['found']}/{a['expected']} | {a['ok_violated']}/{a['ok_lines']} "
                     f"| {a['unannotated']} |")
    lines.append("")
    if len(tools) == 2:
        both = rt["semgrep"] & rt["rampart"]
        union = rt["semgrep"] | rt["rampart"]
        lines += [f"Identical findings: {len(both)} of {len(union)} distinct (file, line, rule) "
                  f"({100 * len(both) / max(len(union), 1):.1f} %).", ""]
        diffs = classify_rule_tests(rt, annot)
        per_rule = Counter(d["rule"] for d in diffs)
        lines += ["### Differences", "", "| file:line | rule | reported by | annotation | right |", "|---|---|---|---|---|"]
        for d in diffs:
            lines.append(f"| {d['file']}:{d['line']} | {d['rule']} | {', '.join(d['reported_by']) or '—'} "
                         f"| {d['annotation']} | {d['right']} |")
        lines += ["", f"Rules with differences: {len(per_rule)} of {len(list(RULES.glob('*.yaml')))}.", ""]
    else:
        misses = sorted(k for k, v in annot.items() if v == "ruleid" and k not in rt["semgrep"])
        extra = sorted(k for k in rt["semgrep"] if annot.get(k) == "ok")
        lines += ["### Where Semgrep disagrees with the annotations", "", "| file:line | rule | kind |", "|---|---|---|"]
        for f, l, r in misses:
            lines.append(f"| {f}:{l} | {r} | expected finding not reported |")
        for f, l, r in extra:
            lines.append(f"| {f}:{l} | {r} | reported on an `ok` line |")
        lines.append("")

    lines += ["## Labelled suite (`tests/suite`)", "",
              "| tool | findings | files with a finding |", "|---|---|---|"]
    for t in tools:
        lines.append(f"| {t} | {len(st[t])} | {len({p for p, _l, _r in st[t]})} |")
    lines.append("")
    if len(tools) == 2:
        both = st["semgrep"] & st["rampart"]
        union = st["semgrep"] | st["rampart"]
        lines += [f"Identical findings: {len(both)} of {len(union)} distinct (file, line, rule) "
                  f"({100 * len(both) / max(len(union), 1):.1f} %).", "",
                  "### Files where the verdicts differ", "",
                  "| file | labelled | semgrep | rampart | right | note |", "|---|---|---|---|---|---|"]
        for d in classify_suite(st, labels):
            lab = "vulnerable" if d["vulnerable"] else "safe"
            v = d["verdict"]
            lines.append(f"| {d['file']} | {lab} | {'flagged' if v['semgrep'] else '—'} "
                         f"| {'flagged' if v['rampart'] else '—'} | {d['right']} | {d['note']} |")
        lines.append("")
        only = {t: sorted(st[t] - st[o]) for t, o in (("semgrep", "rampart"), ("rampart", "semgrep"))}
        lines += ["### Finding-level differences on the suite", ""]
        for t, items in only.items():
            lines.append(f"Only {t} ({len(items)}): " + (", ".join(f"`{p}:{l} {r}`" for p, l, r in items) or "none"))
            lines.append("")
    for extra in args.extra:
        files = sorted(p for p in extra.rglob("*.py") if p.is_file())
        found = {"semgrep": run_semgrep(files, extra)}
        if "rampart" in tools:
            found["rampart"] = run_rampart(extra, extra)
        lines += [f"## Unlabelled real code: `{extra.name}` ({len(files)} Python files)", "",
                  "| tool | findings | files with a finding |", "|---|---|---|"]
        for t, fs in found.items():
            lines.append(f"| {t} | {len(fs)} | {len({p for p, _l, _r in fs})} |")
        lines.append("")
        if len(found) == 2:
            both = found["semgrep"] & found["rampart"]
            union = found["semgrep"] | found["rampart"]
            lines += [f"Identical findings: {len(both)} of {len(union)} "
                      f"({100 * len(both) / max(len(union), 1):.1f} %).", ""]
            for t, o in (("semgrep", "rampart"), ("rampart", "semgrep")):
                items = sorted(found[t] - found[o])
                lines.append(f"Only {t} ({len(items)}): "
                             + (", ".join(f"`{p}:{l} {r}`" for p, l, r in items) or "none"))
                lines.append("")
    args.out.write_text("\n".join(lines) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
