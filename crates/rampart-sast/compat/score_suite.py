#!/usr/bin/env python3
"""Score a scanner on the labelled SAST suite (`tests/suite`, described by `labels.json`).

    python3 crates/rampart-sast/compat/score_suite.py --tool semgrep
    python3 crates/rampart-sast/compat/score_suite.py --tool rampart
    python3 crates/rampart-sast/compat/score_suite.py --tool both --markdown

Per class (sqli, cmdi, ...):
* TPR = vulnerable files on which the tool reports at least one of the file's expected rules,
  divided by the number of vulnerable files;
* FPR = safe files on which the tool reports any rule of the class (`classes.<c>.rules`),
  divided by the number of safe files.
The headline figure is mean(TPR - FPR) over the classes. Only the built-in pack's rules run
(`rules/python`), the same for both tools.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from findings import CRATE, run_rampart, run_semgrep  # noqa: E402

SUITE = CRATE / "tests" / "suite"


def load_labels(suite: Path) -> dict:
    return json.loads((suite / "labels.json").read_text())


def score(labels: dict, found: set[tuple[str, int, str]]) -> dict:
    by_file: dict[str, set[str]] = defaultdict(set)
    for path, _line, rule in found:
        by_file[path].add(rule)
    classes = {}
    for cls, spec in labels["classes"].items():
        class_rules = set(spec["rules"])
        tp = fn = fp = tn = 0
        misses, false_alarms = [], []
        for path, lab in labels["files"].items():
            if lab["class"] != cls:
                continue
            reported = by_file.get(path, set())
            if lab["vulnerable"]:
                if reported & set(lab["expected_rules"]):
                    tp += 1
                else:
                    fn += 1
                    misses.append(path)
            elif reported & class_rules:
                fp += 1
                false_alarms.append(f"{path} ({', '.join(sorted(reported & class_rules))})")
            else:
                tn += 1
        tpr = tp / (tp + fn) if tp + fn else 0.0
        fpr = fp / (fp + tn) if fp + tn else 0.0
        classes[cls] = {"tp": tp, "fn": fn, "fp": fp, "tn": tn, "tpr": tpr, "fpr": fpr,
                        "misses": misses, "false_alarms": false_alarms}
    mean = sum(c["tpr"] - c["fpr"] for c in classes.values()) / max(len(classes), 1)
    return {"classes": classes, "mean_tpr_minus_fpr": mean}


def run(tool: str, labels: dict, suite: Path) -> set[tuple[str, int, str]]:
    if tool == "semgrep":
        files = sorted(suite / p for p in labels["files"])
        return run_semgrep(files, suite)
    return run_rampart(suite, suite)


def markdown(results: dict[str, dict]) -> str:
    tools = list(results)
    head = "| class | " + " | ".join(f"{t} TPR | {t} FPR" for t in tools) + " |"
    sep = "|---|" + "---|---|" * len(tools)
    rows = [head, sep]
    classes = next(iter(results.values()))["classes"]
    for cls in classes:
        cells = []
        for t in tools:
            c = results[t]["classes"][cls]
            cells.append(f"{c['tpr']:.2f} ({c['tp']}/{c['tp'] + c['fn']}) | {c['fpr']:.2f} ({c['fp']}/{c['fp'] + c['tn']})")
        rows.append(f"| {cls} | " + " | ".join(cells) + " |")
    rows.append("| **mean(TPR − FPR)** | " + " | ".join(
        f"**{results[t]['mean_tpr_minus_fpr']:.3f}** | " for t in tools) + " |")
    return "\n".join(rows) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", choices=["semgrep", "rampart", "both"], default="both")
    ap.add_argument("--suite", type=Path, default=SUITE)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--json", type=Path, help="write the full scores (with misses) to this file")
    args = ap.parse_args()
    labels = load_labels(args.suite)
    tools = ["semgrep", "rampart"] if args.tool == "both" else [args.tool]
    results = {t: score(labels, run(t, labels, args.suite)) for t in tools}
    for t, res in results.items():
        print(f"== {t}")
        for cls, c in res["classes"].items():
            print(f"  {cls:22} TPR {c['tpr']:.2f} ({c['tp']}/{c['tp'] + c['fn']})  "
                  f"FPR {c['fpr']:.2f} ({c['fp']}/{c['fp'] + c['tn']})")
            for m in c["misses"]:
                print(f"      missed: {m}")
            for f in c["false_alarms"]:
                print(f"      false alarm: {f}")
        print(f"  mean(TPR - FPR) = {res['mean_tpr_minus_fpr']:.3f}")
    if args.markdown:
        print()
        print(markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
