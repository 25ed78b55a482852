import hashlib

from cryptography.hazmat.primitives import hashes


def sign(secret: bytes, payload: bytes) -> str:
    # ruleid: weak-hash-md5
    return hashlib.md5(secret + payload).hexdigest()


def token_digest(token: str) -> str:
    # ruleid: weak-hash-md5
    h = hashlib.new("md5")
    h.update(token.encode())
    # ruleid: weak-hash-md5
    fp = hashes.Hash(hashes.MD5())
    return h.hexdigest() + str(fp)


def cache_key(url: str) -> str:
    # ok: weak-hash-md5
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def integrity(blob: bytes) -> str:
    # ok: weak-hash-md5
    return hashlib.sha256(blob).hexdigest()
