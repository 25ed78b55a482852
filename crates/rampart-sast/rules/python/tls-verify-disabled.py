import httpx
import requests

# ruleid: tls-verify-disabled
r = requests.get("https://internal.example/api", verify=False, timeout=5)
s = requests.Session()
# ruleid: tls-verify-disabled
s.verify = False
# ruleid: tls-verify-disabled
client = httpx.Client(verify=False)
# ok: tls-verify-disabled
r2 = requests.get("https://internal.example/api", verify="/etc/ssl/internal-ca.pem", timeout=5)
# ok: tls-verify-disabled
r3 = requests.get("https://example.com", timeout=5)
