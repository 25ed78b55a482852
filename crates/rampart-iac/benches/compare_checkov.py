#!/usr/bin/env python3
"""Compares rampart's IaC findings with Checkov's through the Checkov ids rampart's policies
declare as aliases.

    python3 compare_checkov.py RAMPART_JSON CHECKOV_JSON RULES_JSON

A Checkov failure counts as *matched* when rampart has an unsuppressed finding on the same file
whose rule lists that Checkov id as an alias (and, for Terraform/CloudFormation/Kubernetes, the
same resource name where both tools name it the same way). Checkov ids that no rampart policy
declares are counted apart: they measure coverage, not agreement.
"""
import collections
import json
import sys

rampart = json.load(open(sys.argv[1]))
checkov = json.load(open(sys.argv[2]))
rules = json.load(open(sys.argv[3]))
if isinstance(checkov, dict):
    checkov = [checkov]

alias_rules = collections.defaultdict(set)  # checkov id -> rampart rule ids
for r in rules:
    for t in r.get("tags", []):
        if t.startswith("checkov:"):
            alias_rules[t.split(":", 1)[1]].add(r["id"])


def norm_path(p):
    return p.lstrip("/")


def short_resource(res):
    """Both tools' names reduced to `type.name` (Checkov: `aws_s3_bucket.b0`,
    `Deployment.team0.app0`, `AWS::S3::Bucket.Bucket0`)."""
    return res.split(".")[-1] if res else ""


ours = collections.defaultdict(set)  # (file, checkov id) -> resource short names
for f in rampart["findings"]:
    if f.get("suppression"):
        continue
    path = f["locations"][0].get("path", "")
    res = f.get("properties", {}).get("resource", "")
    for a in f.get("properties", {}).get("aliases", []):
        ours[(path, a)].add(short_resource(res.replace("/", ".")))

theirs = collections.defaultdict(set)
for report in checkov:
    for c in report.get("results", {}).get("failed_checks", []):
        theirs[(norm_path(c["file_path"]), c["check_id"])].add(short_resource(c.get("resource", "")))

declared = {k: v for k, v in theirs.items() if k[1] in alias_rules}
undeclared = {k: v for k, v in theirs.items() if k[1] not in alias_rules}
matched = missed = 0
missed_by_id = collections.Counter()
for key, resources in declared.items():
    got = ours.get(key, set())
    for r in resources:
        if r in got or (got and not r):
            matched += 1
        else:
            missed += 1
            missed_by_id[key[1]] += 1
extra_by_id = collections.Counter()
extra = 0
for key, resources in ours.items():
    if key[1] not in alias_rules:
        continue
    theirs_r = theirs.get(key, set())
    for r in resources:
        if r not in theirs_r:
            extra += 1
            extra_by_id[key[1]] += 1

print(f"Checkov failures on ids rampart declares: {sum(len(v) for v in declared.values())}")
print(f"  matched by rampart: {matched}")
print(f"  not reported by rampart: {missed}")
for cid, n in missed_by_id.most_common(15):
    print(f"    {cid}: {n}  ({', '.join(sorted(alias_rules[cid]))})")
print(f"rampart findings with a Checkov alias that Checkov did not report: {extra}")
for cid, n in extra_by_id.most_common(15):
    print(f"    {cid}: {n}  ({', '.join(sorted(alias_rules[cid]))})")
print(f"Checkov failures on ids no rampart policy declares: {sum(len(v) for v in undeclared.values())} "
      f"({len({k[1] for k in undeclared})} distinct ids)")
