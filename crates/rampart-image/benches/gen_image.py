#!/usr/bin/env python3
"""Writes a synthetic multi-layer OCI image layout (gzip layers) for the image benchmark.

usage: gen_image.py OUT_DIR TOTAL_MB LAYERS [BIG_FILE_MB]

Layer 0 holds a dpkg status with 400 packages and 300 Python dist-info packages of known
versions (listed in OUT_DIR/expected-packages.txt); layer 1 adds a fake Slack token in
app/.env that layer 2 deletes with a whiteout; every layer carries about TOTAL_MB/LAYERS MiB of
tar: Python-like source text (compressible) and blobs half random, half zero (like shared
libraries and weights), mixed so gzip reaches about the 3x ratio of real images. With
BIG_FILE_MB, the last layer also holds two files of that size, over the scanner's in-memory
limit: a JSON-lines text file with a fake AWS key on its last line (secrets must stream it) and
a PyTorch-style zip whose pickle names os.system (the model scanner must seek its central
directory).

Deterministic: every byte comes from a seeded generator and pigz runs with -n (no name, no
time), so the same arguments give the same blobs and digests. Layers are streamed through pigz
and hashed on the way, so memory stays small whatever TOTAL_MB is.
    gen_image.py OUT 640 8     -> about 210 MB of gzip layers (the >= 200 MB throughput image)
    gen_image.py OUT 2048 16 200  -> 2 GiB of layers unpacked, two 200 MiB files in the last
                                     layer (the memory image)
"""
import hashlib, io, json, os, pickle, random, subprocess, sys, tarfile, zipfile

out, total_mb, n_layers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
big_mb = int(sys.argv[4]) if len(sys.argv) > 4 else 0
rng = random.Random(42)
blobs = os.path.join(out, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)
WORDS = ("def return import self class for while if else elif lambda yield async await "
         "numpy torch tensor model layer weight bias config token batch shape dtype cuda "
         "value index result request response session user path file").split()
# rampart:ignore[secrets/*] fake token planted in the benchmark image
TOKEN = "xoxb-602541197813-4911076320957-QhZ7cR3mWvT9pLk2XsN8bD4f"
# rampart:ignore[secrets/*] fake AWS key id planted in the big file of the benchmark image
BIG_KEY = "AKIAZ7QWERTY5KDJ3XPL"
# A pool of source lines; text files are runs drawn from it (fast, and still about as
# compressible as real source).
POOL = ["    " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) + "\n"
        for _ in range(20000)]


def text_blob(size):
    # About 50 bytes a line on average.
    data = "".join(rng.choices(POOL, k=size // 40 + 1)).encode()
    while len(data) < size:
        data += data
    return data[:size]


def binary_blob(size):
    half = size // 2
    return rng.randbytes(half) + bytes(size - half)


class Payload:
    def __reduce__(self):
        return (os.system, ("echo rampart-bench",))


def torch_like_zip(size):
    """A PyTorch-style zip: a pickle whose reduce names os.system (harmless: never loaded)
    and one stored tensor blob of about `size` bytes, so the central directory is at the end."""
    pkl = pickle.dumps(Payload(), protocol=2)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr(zipfile.ZipInfo("model/data.pkl", (2023, 11, 14, 0, 0, 0)), pkl)
        z.writestr(zipfile.ZipInfo("model/data/0", (2023, 11, 14, 0, 0, 0)), binary_blob(size - 4096))
        z.writestr(zipfile.ZipInfo("model/version", (2023, 11, 14, 0, 0, 0)), b"3\n")
    return buf.getvalue()


def add(tar, path, data, mode=0o644):
    info = tarfile.TarInfo(path)
    info.size, info.mode, info.mtime = len(data), mode, 1700000000
    tar.addfile(info, io.BytesIO(data))


def whiteout(tar, path):
    d, name = os.path.split(path)
    add(tar, os.path.join(d, ".wh." + name), b"")


class HashingPipe:
    """The tar stream: hashed (diff_id) on its way into pigz."""

    def __init__(self, sink):
        self.sink, self.hash, self.n = sink, hashlib.sha256(), 0

    def write(self, b):
        self.hash.update(b)
        self.n += len(b)
        self.sink.write(b)
        return len(b)


def write_blob(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)


expected, layers, diff_ids, history = [], [], [], []
per_layer = total_mb * 1024 * 1024 // n_layers
for li in range(n_layers):
    tmp = os.path.join(out, f"layer{li}.tmp")
    with open(tmp, "wb") as gz_out:
        pigz = subprocess.Popen(["pigz", "-6", "-n", "-c"], stdin=subprocess.PIPE, stdout=gz_out)
        pipe = HashingPipe(pigz.stdin)
        with tarfile.open(fileobj=pipe, mode="w|", format=tarfile.PAX_FORMAT) as tar:
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
            if big_mb and li == n_layers - 1:
                size = big_mb * 1024 * 1024
                tail = f'{{"aws_access_key_id": "{BIG_KEY}"}}\n'.encode()
                add(tar, "opt/data/train.jsonl", text_blob(size - len(tail)) + tail)
                add(tar, "opt/models/model.pt", torch_like_zip(size))
                written += 2 * size
            while written < per_layer:
                size = rng.choice([4096, 16384, 65536, 262144, 1048576, 4194304])
                size = min(size, per_layer - written) or 1
                if k % 2 == 0:
                    add(tar, f"opt/layer{li}/src/mod{k}.py", text_blob(size))
                else:
                    add(tar, f"opt/layer{li}/lib/lib{k}.so", binary_blob(size))
                written += size
                k += 1
        pigz.stdin.close()
        if pigz.wait() != 0:
            sys.exit("pigz failed")
    h = hashlib.sha256()
    with open(tmp, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    digest, size = "sha256:" + h.hexdigest(), os.path.getsize(tmp)
    os.replace(tmp, os.path.join(blobs, h.hexdigest()))
    diff_ids.append("sha256:" + pipe.hash.hexdigest())
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
print(f"{out}: {n_layers} layers, {sum(l['size'] for l in layers)} compressed bytes, "
      f"manifest {mdigest}")
