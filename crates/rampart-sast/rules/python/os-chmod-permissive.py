import os
from pathlib import Path


def publish(path):
    # ruleid: os-chmod-permissive
    os.chmod(path, 0o777)
    # ruleid: os-chmod-permissive
    os.makedirs("/srv/shared", mode=0o777, exist_ok=True)
    # ruleid: os-chmod-permissive
    Path(path).chmod(0o666)
    # ok: os-chmod-permissive
    os.chmod(path, 0o640)
    # ok: os-chmod-permissive
    os.makedirs("/srv/private", mode=0o700, exist_ok=True)
