import os
import tempfile


def scratch():
    # ruleid: tempfile-mktemp
    path = tempfile.mktemp(suffix=".json")
    # ruleid: tempfile-mktemp
    other = tempfile.mktemp()
    # ok: tempfile-mktemp
    fd, safe = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    # ok: tempfile-mktemp
    d = tempfile.mkdtemp()
    return path, other, safe, d
