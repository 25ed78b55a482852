import ssl
import urllib.request

# ruleid: ssl-unverified-context
ctx = ssl._create_unverified_context()
# ruleid: ssl-unverified-context
ssl._create_default_https_context = ssl._create_unverified_context
# ok: ssl-unverified-context
good = ssl.create_default_context()
# ok: ssl-unverified-context
page = urllib.request.urlopen("https://example.com", context=ssl.create_default_context())
