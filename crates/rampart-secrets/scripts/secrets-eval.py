#!/usr/bin/env python3
"""Score secret-scanner output against the labels written by secrets-corpus.py.

    python3 secrets-eval.py --labels /tmp/corpus.labels.jsonl --rampart out.json [--kingfisher kf.json]

A detection is one reported location (file + start line). It is a true positive when it falls on
a planted positive (any rule: the same secret); recall counts a planted positive as found when a
detection falls on it (strict: by the rule that planted it). Precision and recall are reported
overall and per rule family (the rules/<family>.toml the planted rule comes from).
"""
import argparse
import collections
import glob
import json
import os
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))


def rule_families():
    fam = {}
    for p in glob.glob(os.path.join(HERE, "..", "rules", "*.toml")):
        with open(p, "rb") as f:
            for r in tomllib.load(f).get("rule", []):
                fam[r["id"]] = os.path.splitext(os.path.basename(p))[0]
    return fam


def rampart_detections(path):
    with open(path) as f:
        data = json.load(f)
    out = []
    for f_ in data.get("findings", []):
        for loc in f_.get("locations", []):
            region = loc.get("region") or {}
            out.append((loc.get("path"), region.get("start_line"), f_["rule_id"]))
    return out


def kingfisher_detections(path):
    with open(path) as f:
        text = f.read()
    items = []
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else data.get("findings", data.get("matches", []))
    except json.JSONDecodeError:
        items = [json.loads(l) for l in text.splitlines() if l.strip().startswith("{")]
    out = []

    def walk(o):
        if isinstance(o, dict):
            p = o.get("path") or o.get("file")
            line = o.get("line") or o.get("start_line")
            if p and isinstance(line, int):
                rid = o.get("rule_id") or (o.get("rule") or {}).get("id") if isinstance(o.get("rule"), dict) else o.get("rule_id", "kingfisher")
                out.append((p, line, rid or "kingfisher"))
                return
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(items)
    return out


def score(labels, dets, fam_of, root):
    by_file = collections.defaultdict(list)
    for lab in labels:
        by_file[lab["path"]].append(lab)
    tp = fp = cross = 0
    fp_fam = collections.Counter()
    tp_fam = collections.Counter()
    found = set()
    found_strict = set()
    fp_examples = []
    for p, line, rid in dets:
        if p and root and p.startswith(root):
            p = os.path.relpath(p, root)
        hit = None
        for i, lab in enumerate(by_file.get(p, [])):
            if line is not None and lab["line"] <= line <= lab["end_line"]:
                hit = lab
                break
        fam = fam_of.get(rid, "other")
        if (hit is not None and hit["kind"] == "negative" and hit["rule"] not in ("hard-negative", "doc-example")
                and hit["rule"] != rid):
            # A near miss written for another rule, reported by this one (usually a generic
            # assignment rule on `X_API_KEY = "<random>"`): not counted either way.
            cross += 1
            continue
        if hit is not None and hit["kind"] == "positive":
            tp += 1
            tp_fam[fam] += 1
            key = (hit["path"], hit["line"])
            found.add(key)
            if rid == hit["rule"]:
                found_strict.add(key)
        else:
            fp += 1
            fp_fam[fam] += 1
            if len(fp_examples) < 15:
                fp_examples.append({"path": p, "line": line, "rule": rid,
                                    "label": hit and hit["rule"]})
    pos = [l for l in labels if l["kind"] == "positive"]
    per = {}
    for fam in sorted(set(l["family"] for l in pos) | set(fp_fam) | set(tp_fam)):
        fpos = [l for l in pos if l["family"] == fam]
        rec = sum(1 for l in fpos if (l["path"], l["line"]) in found)
        t, f = tp_fam[fam], fp_fam[fam]
        per[fam] = {
            "planted": len(fpos),
            "recall": round(rec / len(fpos), 4) if fpos else None,
            "precision": round(t / (t + f), 4) if t + f else None,
            "false_positives": f,
        }
    return {
        "detections": len(dets),
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(len(found) / len(pos), 4) if pos else None,
        "recall_strict_rule": round(len(found_strict) / len(pos), 4) if pos else None,
        "false_positives": fp,
        "cross_rule_on_other_rules_negatives": cross,
        "precision_counting_cross_rule_as_fp": round(tp / (tp + fp + cross), 4) if tp + fp + cross else None,
        "per_family": per,
        "fp_examples": fp_examples,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", required=True)
    ap.add_argument("--rampart")
    ap.add_argument("--kingfisher")
    ap.add_argument("--root", default="", help="prefix to strip from reported paths")
    args = ap.parse_args()
    with open(args.labels) as f:
        labels = [json.loads(l) for l in f]
    fam = rule_families()
    res = {}
    if args.rampart:
        res["rampart"] = score(labels, rampart_detections(args.rampart), fam, args.root)
    if args.kingfisher:
        res["kingfisher"] = score(labels, kingfisher_detections(args.kingfisher), {}, args.root)
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
