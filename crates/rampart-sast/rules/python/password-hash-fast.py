import hashlib
import os


def register(username: str, password: str) -> str:
    # ruleid: password-hash-fast
    return hashlib.sha256(password.encode()).hexdigest()


def legacy_check(user, password: str) -> bool:
    # ruleid: password-hash-fast
    return hashlib.md5(user.salt + password.encode()).hexdigest() == user.pw_hash


def strong(password: str) -> bytes:
    salt = os.urandom(16)
    # ok: password-hash-fast
    return salt + hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)


def file_digest(blob: bytes) -> str:
    # ok: password-hash-fast
    return hashlib.sha256(blob).hexdigest()
