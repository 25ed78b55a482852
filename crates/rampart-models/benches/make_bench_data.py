#!/usr/bin/env python3
"""Writes the models benchmark directory (gitignored): a synthetic PyTorch-format checkpoint of
about 4 GiB (a stored zip: `archive/data.pkl` naming N storages, `archive/data/0..N-1` of zeros,
the layout torch.save uses; torch itself is not needed) plus copies of the committed fixtures.

Usage: python3 make_bench_data.py OUT_DIR [GIB]
"""
import io
import os
import pickle
import shutil
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures"))
import make_fixtures as mf  # noqa: E402  (stand-in torch globals and the torch pickler)

out = sys.argv[1]
gib = float(sys.argv[2]) if len(sys.argv) > 2 else 4.0
os.makedirs(out, exist_ok=True)
chunk = 64 << 20
n = max(1, int(gib * (1 << 30)) // chunk)
storages = [mf.Storage(str(i), b"") for i in range(n)]
sd = mf.OrderedDict()
for i, s in enumerate(storages):
    s.data = b"\0" * 16  # numel in the persistent id only; the member below holds the bytes
    sd[f"layers.{i}.weight"] = mf.tensor(s, (4096, 4096))
zero = bytes(1 << 20)
path = os.path.join(out, "synthetic_4g.pt")
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as z:
    z.writestr("archive/data.pkl", mf.torch_pickle(sd))
    z.writestr("archive/byteorder", "little")
    for s in storages:
        with z.open("archive/data/" + s.key, "w", force_zip64=True) as f:
            for _ in range(chunk >> 20):
                f.write(zero)
    z.writestr("archive/version", "3\n")
print(path, os.path.getsize(path))
fx = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures")
for sub in ["benign", "malicious"]:
    shutil.copytree(os.path.join(fx, sub), os.path.join(out, sub), dirs_exist_ok=True)
