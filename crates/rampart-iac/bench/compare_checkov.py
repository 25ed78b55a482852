#!/usr/bin/env python3
"""Compares rampart's IaC findings with Checkov's on the same trees, through the Checkov ids
each rampart policy declares (`custom.aliases.checkov` in its METADATA).

    python3 compare_checkov.py POLICY_DIR --pair RAMPART_JSON CHECKOV_JSON TREE [--pair ...] [--markdown OUT.md]

Each pair is one TREE scanned by both tools; rampart's paths are relative to it, Checkov's are
relative to it or (Kubernetes) to the directory Checkov ran in, and are made relative to it.

A finding is keyed by (file, resource, Checkov id). Resources are normalised so the two tools
name them alike: instance keys are dropped (`module.s3["a"].aws_s3_bucket.b[0]` ->
`module.s3.aws_s3_bucket.b`; Checkov reports a module or counted resource once), CloudFormation
resources are their logical id, Kubernetes objects `Kind:name`. Only Checkov ids that some
rampart policy declares are compared: for the others there is nothing to compare against.
"""

import argparse
import collections
import json
import os
import re
import sys

import yaml


def policy_aliases(policy_dir):
    """rule id -> Checkov ids, from the METADATA comment block of every .rego file."""
    out = {}
    for dirpath, _, files in os.walk(policy_dir):
        for name in files:
            if not name.endswith(".rego"):
                continue
            lines = open(os.path.join(dirpath, name), encoding="utf-8").read().splitlines()
            try:
                start = lines.index("# METADATA")
            except ValueError:
                continue
            block = []
            for line in lines[start + 1:]:
                if not line.startswith("#"):
                    break
                block.append(line[2:] if line.startswith("# ") else line[1:])
            try:
                meta = yaml.safe_load("\n".join(block)) or {}
            except yaml.YAMLError:
                continue
            custom = meta.get("custom") or {}
            ids = ((custom.get("aliases") or {}).get("checkov")) or []
            if custom.get("id"):
                out["iac/" + custom["id"]] = [str(i) for i in ids]
    return out


def strip_keys(resource):
    return re.sub(r'\[[^\]]*\]', "", resource)


def rampart_resource(resource):
    if "/" in resource:  # Kubernetes Kind/namespace/name or Kind/name
        parts = resource.split("/")
        return f"{parts[0]}:{parts[-1]}"
    return strip_keys(resource)


def checkov_resource(check_type, resource):
    if check_type == "cloudformation":
        return resource.rsplit(".", 1)[-1]
    if check_type == "kubernetes":
        parts = resource.split(".")
        return f"{parts[0]}:{parts[-1]}"
    return strip_keys(resource)


def norm_path(path, root):
    path = path.replace("\\", "/").lstrip("/")
    if root:
        for prefix in (os.path.abspath(root).lstrip("/"), os.path.relpath(root)):
            prefix = prefix.replace("\\", "/").rstrip("/") + "/"
            if path.startswith(prefix):
                return path[len(prefix):]
    return path


def rampart_keys(report, aliases, root):
    keys = set()
    for f in report.get("findings", []):
        ids = aliases.get(f["rule_id"], [])
        if not ids:
            continue
        loc = f["locations"][0]
        path = norm_path(loc.get("path", ""), root)
        resource = rampart_resource(str(f.get("properties", {}).get("resource", "")))
        for ckv in ids:
            keys.add((path, resource, ckv))
    return keys


def checkov_keys(report, comparable, root):
    reports = report if isinstance(report, list) else [report]
    keys = set()
    for r in reports:
        check_type = r.get("check_type", "")
        for c in (r.get("results") or {}).get("failed_checks", []):
            if c["check_id"] not in comparable:
                continue
            path = norm_path(c.get("file_path", ""), root)
            keys.add((path, checkov_resource(check_type, c.get("resource", "")), c["check_id"]))
    return keys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("policy_dir")
    ap.add_argument("--pair", nargs=3, action="append", required=True, metavar=("RAMPART_JSON", "CHECKOV_JSON", "TREE"))
    ap.add_argument("--markdown")
    args = ap.parse_args()
    aliases = policy_aliases(args.policy_dir)
    comparable = {i for ids in aliases.values() for i in ids}
    ours, theirs = set(), set()
    for r, c, tree in args.pair:
        name = os.path.basename(os.path.normpath(tree))
        ours |= {(f"{name}/{p}", res, i) for p, res, i in rampart_keys(json.load(open(r)), aliases, "")}
        theirs |= {(f"{name}/{p}", res, i) for p, res, i in checkov_keys(json.load(open(c)), comparable, tree)}
    per_id = collections.defaultdict(lambda: [0, 0, 0])
    for k in ours | theirs:
        row = per_id[k[2]]
        if k in ours and k in theirs:
            row[0] += 1
        elif k in ours:
            row[1] += 1
        else:
            row[2] += 1
    both = sum(r[0] for r in per_id.values())
    only_r = sum(r[1] for r in per_id.values())
    only_c = sum(r[2] for r in per_id.values())
    lines = [
        f"Policies with Checkov aliases: {sum(1 for v in aliases.values() if v)} of {len(aliases)}, "
        f"declaring {len(comparable)} Checkov ids.",
        "",
        f"Findings keyed by (file, resource, Checkov id): both {both}, only rampart {only_r}, "
        f"only Checkov {only_c}.",
        "",
        "| Checkov id | both | only rampart | only Checkov |",
        "|---|---|---|---|",
    ]
    for ckv in sorted(per_id, key=lambda i: (-sum(per_id[i]), i)):
        b, r, c = per_id[ckv]
        lines.append(f"| {ckv} | {b} | {r} | {c} |")
    text = "\n".join(lines) + "\n"
    if args.markdown:
        open(args.markdown, "w").write(text)
    sys.stdout.write(text)
    detail = os.environ.get("COMPARE_DETAIL")
    if detail:
        with open(detail, "w") as out:
            for k in sorted(ours - theirs):
                out.write(f"only rampart\t{k[2]}\t{k[0]}\t{k[1]}\n")
            for k in sorted(theirs - ours):
                out.write(f"only checkov\t{k[2]}\t{k[0]}\t{k[1]}\n")


if __name__ == "__main__":
    main()
