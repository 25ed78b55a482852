import ssl

import urllib3

ctx = ssl.create_default_context()
# ruleid: ssl-cert-validation-disabled
ctx.check_hostname = False
# ruleid: ssl-cert-validation-disabled
ctx.verify_mode = ssl.CERT_NONE
# ruleid: ssl-cert-validation-disabled
pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
# ok: ssl-cert-validation-disabled
ctx.verify_mode = ssl.CERT_REQUIRED
# ok: ssl-cert-validation-disabled
pool2 = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs="/etc/ssl/certs/ca.pem")
