import os

# ruleid: django-allowed-hosts-wildcard
ALLOWED_HOSTS = ["*"]
# ruleid: django-allowed-hosts-wildcard
ALLOWED_HOSTS = ["app.example.com", "*"]
# ok: django-allowed-hosts-wildcard
ALLOWED_HOSTS = ["app.example.com", ".example.com"]
# ok: django-allowed-hosts-wildcard
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")
