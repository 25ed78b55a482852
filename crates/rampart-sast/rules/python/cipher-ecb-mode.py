import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

key = os.urandom(32)

# ruleid: cipher-ecb-mode
a = AES.new(key, AES.MODE_ECB)
# ruleid: cipher-ecb-mode
b = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
# ok: cipher-ecb-mode
c = AES.new(key, AES.MODE_GCM)
# ok: cipher-ecb-mode
d = Cipher(algorithms.AES(key), modes.GCM(os.urandom(12))).encryptor()
