import os

# ruleid: django-debug-enabled
DEBUG = True
# ok: django-debug-enabled
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ok: django-debug-enabled
TEMPLATE_DEBUG = False


class TestSettings:
    # ok: django-debug-enabled
    DEBUG = True


def enable_debug_for_tests():
    # ok: django-debug-enabled
    DEBUG = True
    return DEBUG

if os.environ.get("LOCAL"):
    # ruleid: django-debug-enabled
    DEBUG = True
