import hashlib

from cryptography.hazmat.primitives import hashes


def sign(secret: bytes, payload: bytes) -> str:
    # ruleid: weak-hash-sha1
    return hashlib.sha1(secret + payload).hexdigest()


def token_digest(token: str) -> str:
    # ruleid: weak-hash-sha1
    h = hashlib.new("sha1")
    h.update(token.encode())
    # ruleid: weak-hash-sha1
    fp = hashes.Hash(hashes.SHA1())
    return h.hexdigest() + str(fp)


def cache_key(url: str) -> str:
    # ok: weak-hash-sha1
    return hashlib.sha1(url.encode(), usedforsecurity=False).hexdigest()


def integrity(blob: bytes) -> str:
    # ok: weak-hash-sha1
    return hashlib.sha256(blob).hexdigest()
