#!/usr/bin/env python3
"""Writes a synthetic multi-layer OCI image layout (gzip layers) for the image benchmark.

usage: gen_image.py OUT_DIR TOTAL_MB LAYERS

Layer 0 holds a dpkg status with 400 packages and 300 Python dist-info packages of known
versions (listed in OUT_DIR/expected-packages.txt); layer 1 adds a fake Slack token in
app/.env that layer 2 deletes with a whiteout; every layer carries about TOTAL_MB/LAYERS MB of
files: Python-like source text (compressible) and blobs of random bytes (incompressible), mixed
so gzip reaches roughly the 2-3x ratio of real images. Layers are compressed with pigz.
"""
import hashlib, io, json, os, random, subprocess, sys, tarfile

out, total_mb, n_layers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(42)
blobs = os.path.join(out, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)
WORDS = ("def return import self class for while if else elif lambda yield async await "
         "numpy torch tensor model layer weight bias config token batch shape dtype cuda "
         "value index result request response session user path file").split()
# rampart:ignore[secrets/*] fake token planted in the benchmark image
TOKEN = "xoxb-602541197813-4911076320957-QhZ7cR3mWvT9pLk2XsN8bD4f"


def text_blob(size):
    lines, n = [], 0
    while n < size:
        line = "    " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) + "\n"
        lines.append(line)
        n += len(line)
    return "".join(lines).encode()[:size]


def add(tar, path, data, mode=0o644):
    info = tarfile.TarInfo(path)
    info.size, info.mode, info.mtime = len(data), mode, 1700000000
    tar.addfile(info, io.BytesIO(data))


def whiteout(tar, path):
    d, name = os.path.split(path)
    add(tar, os.path.join(d, ".wh." + name), b"")


def write_blob(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)


expected, layers, diff_ids, history = [], [], [], []
per_layer = total_mb * 1024 * 1024 // n_layers
for li in range(n_layers):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        if li == 0:
            status = []
            for i in range(400):
                v = f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}-{rng.randint(1, 5)}"
                status.append(f"Package: libbench{i}\nStatus: install ok installed\nArchitecture: amd64\nVersion: {v}\nDescription: bench {i}\n")
                expected.append(f"deb libbench{i} {v}")
            add(tar, "etc/os-release", b'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n')
            add(tar, "var/lib/dpkg/status", "\n".join(status).encode())
            for i in range(300):
                v = f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
                add(tar, f"usr/lib/python3/dist-packages/benchpkg{i}-{v}.dist-info/METADATA",
                    f"Metadata-Version: 2.1\nName: benchpkg{i}\nVersion: {v}\n".encode())
                expected.append(f"pypi benchpkg{i} {v}")
        if li == 1:
            add(tar, "app/.env", f"SLACK_BOT_TOKEN={TOKEN}\n".encode())
        if li == 2:
            whiteout(tar, "app/.env")
        written, k = 0, 0
        while written < per_layer:
            size = rng.choice([4096, 16384, 65536, 262144, 1048576, 4194304])
            size = min(size, per_layer - written) or 1
            if k % 2 == 0:
                data = text_blob(size)
                path = f"opt/layer{li}/src/mod{k}.py"
            else:
                # Half random, half zero-ish: like shared libraries and weights.
                half = size // 2
                data = os.urandom(half) + bytes(size - half)
                path = f"opt/layer{li}/lib/lib{k}.so"
            add(tar, path, data)
            written += size
            k += 1
    raw_bytes = raw.getvalue()
    diff_ids.append("sha256:" + hashlib.sha256(raw_bytes).hexdigest())
    gz = subprocess.run(["pigz", "-6", "-c"], input=raw_bytes, stdout=subprocess.PIPE, check=True).stdout
    digest, size = write_blob(gz)
    layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest, "size": size})
    history.append({"created_by": f"/bin/sh -c #(nop) COPY layer{li} /"})

config = {"architecture": "amd64", "os": "linux", "config": {},
          "rootfs": {"type": "layers", "diff_ids": diff_ids}, "history": history}
cdigest, csize = write_blob(json.dumps(config).encode())
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cdigest, "size": csize},
            "layers": layers}
mdigest, msize = write_blob(json.dumps(manifest).encode())
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": mdigest, "size": msize, "annotations": {"org.opencontainers.image.ref.name": "bench"}}]}, f)
with open(os.path.join(out, "oci-layout"), "w") as f:
    f.write('{"imageLayoutVersion":"1.0.0"}')
with open(os.path.join(out, "expected-packages.txt"), "w") as f:
    f.write("\n".join(expected) + "\n")
with open(os.path.join(out, "layers.txt"), "w") as f:
    f.write("\n".join(os.path.join(blobs, l["digest"].split(":")[1]) for l in layers) + "\n")
print(f"{out}: {n_layers} layers, {sum(l['size'] for l in layers)} compressed bytes")
