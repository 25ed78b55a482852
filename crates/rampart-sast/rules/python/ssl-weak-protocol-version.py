import ssl

# ruleid: ssl-weak-protocol-version
legacy = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
ctx = ssl.create_default_context()
# ruleid: ssl-weak-protocol-version
ctx.minimum_version = ssl.TLSVersion.TLSv1_1
# ok: ssl-weak-protocol-version
ctx.minimum_version = ssl.TLSVersion.TLSv1_2
# ok: ssl-weak-protocol-version
modern = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
