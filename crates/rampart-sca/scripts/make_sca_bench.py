#!/usr/bin/env python3
"""Generates the SCA benchmark inputs of docs/BENCHMARKS.md from the shared OSV data.

usage: make_sca_bench.py OSV_DIR OUT_DIR

OUT_DIR/big/requirements.txt   5,000 pinned PyPI packages: every package name the PyPI advisories
                               mention (pinned to the lowest version each advisory's first range
                               introduces, so most of them match), the rest synthetic names.
OUT_DIR/mono/svc-NNN/          200 projects, each one lockfile of 50 packages, cycling through
                               requirements.txt (PyPI), Cargo.lock (crates.io) and go.mod (Go),
                               with real advisory package names mixed in.
"""
import json
import os
import sys
import zipfile


def names(osv_dir, eco):
    out = {}
    with zipfile.ZipFile(os.path.join(osv_dir, eco, "all.zip")) as z:
        for n in sorted(z.namelist()):
            rec = json.loads(z.read(n))
            for a in rec.get("affected", []):
                name = a.get("package", {}).get("name")
                version = None
                for r in a.get("ranges", []):
                    if r.get("type") == "GIT":
                        continue
                    for e in r.get("events", []):
                        if "fixed" in e:
                            version = e["fixed"]
                            break
                    if version:
                        break
                if name and name not in out:
                    out[name] = version
    return out


def older(v, eco):
    """A version just below a fixed one, good enough to land inside most ranges."""
    if not v:
        return "0.0.1"
    parts = v.lstrip("v").split("-")[0].split(".")
    try:
        nums = [int(p) for p in parts[:3]]
    except ValueError:
        return "0.0.1"
    while len(nums) < 3:
        nums.append(0)
    for i in (2, 1, 0):
        if nums[i] > 0:
            nums[i] -= 1
            break
    return ".".join(str(n) for n in nums)


def main():
    osv_dir, out = sys.argv[1], sys.argv[2]
    pypi = names(osv_dir, "PyPI")
    crates = names(osv_dir, "crates.io")
    gomods = names(osv_dir, "Go")

    big = os.path.join(out, "big")
    os.makedirs(big, exist_ok=True)
    lines = [f"{n}=={older(v, 'PyPI')}" for n, v in list(pypi.items())[:5000]]
    i = 0
    while len(lines) < 5000:
        lines.append(f"synthetic-package-{i}==1.{i % 50}.{i % 7}")
        i += 1
    with open(os.path.join(big, "requirements.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")

    py, rs, go = list(pypi.items()), list(crates.items()), [g for g in gomods.items() if "/" in g[0]]
    for p in range(200):
        d = os.path.join(out, "mono", f"svc-{p:03d}")
        os.makedirs(d, exist_ok=True)
        kind = p % 3
        pkgs = []
        for k in range(50):
            j = (p * 50 + k)
            if kind == 0:
                n, v = py[j % len(py)] if k % 2 == 0 else (f"internal-lib-{j}", "1.0.0")
                pkgs.append(f"{n}=={older(v, 'PyPI')}")
            elif kind == 1:
                n, v = rs[j % len(rs)] if k % 2 == 0 else (f"internal-crate-{j}", "1.0.0")
                pkgs.append((n, older(v, "crates.io")))
            else:
                n, v = go[j % len(go)] if k % 2 == 0 else (f"example.com/internal/m{j}", "1.0.0")
                pkgs.append((n, "v" + older(v, "Go")))
        if kind == 0:
            with open(os.path.join(d, "requirements.txt"), "w") as f:
                f.write("\n".join(pkgs) + "\n")
        elif kind == 1:
            with open(os.path.join(d, "Cargo.lock"), "w") as f:
                f.write("version = 3\n")
                seen = set()
                for n, v in pkgs:
                    if n in seen:
                        continue
                    seen.add(n)
                    f.write(f'\n[[package]]\nname = "{n}"\nversion = "{v}"\n'
                            'source = "registry+https://github.com/rust-lang/crates.io-index"\n')
        else:
            with open(os.path.join(d, "go.mod"), "w") as f:
                f.write(f"module example.com/svc{p}\n\ngo 1.21\n\nrequire (\n")
                seen = set()
                for n, v in pkgs:
                    if n in seen:
                        continue
                    seen.add(n)
                    f.write(f"\t{n} {v}\n")
                f.write(")\n")


if __name__ == "__main__":
    main()
