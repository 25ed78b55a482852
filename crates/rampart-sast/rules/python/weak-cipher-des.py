import os

from Crypto.Cipher import AES, ARC4, DES, DES3, Blowfish
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

key = os.urandom(16)


def encrypt_legacy(data: bytes) -> bytes:
    # ruleid: weak-cipher-des
    c = DES.new(key[:8], DES.MODE_CBC)
    # ruleid: weak-cipher-des
    c2 = Cipher(algorithms.TripleDES(key), modes.CBC(os.urandom(8)))
    return data


def encrypt_modern(data: bytes) -> bytes:
    nonce = os.urandom(12)
    # ok: weak-cipher-des
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def encrypt_cbc(data: bytes) -> bytes:
    iv = os.urandom(16)
    # ok: weak-cipher-des
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()
