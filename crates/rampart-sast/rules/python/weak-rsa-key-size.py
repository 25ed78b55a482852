from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import dsa, rsa

# ruleid: weak-rsa-key-size
k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)
# ruleid: weak-rsa-key-size
k2 = RSA.generate(1024)
# ruleid: weak-rsa-key-size
k3 = dsa.generate_private_key(key_size=1024)
# ok: weak-rsa-key-size
k4 = rsa.generate_private_key(public_exponent=65537, key_size=3072)
# ok: weak-rsa-key-size
k5 = RSA.generate(2048)
