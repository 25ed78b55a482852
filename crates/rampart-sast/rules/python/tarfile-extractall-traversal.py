import shutil
import tarfile


def unpack(path, dest):
    with tarfile.open(path) as tar:
        # ruleid: tarfile-extractall-traversal
        tar.extractall(dest)
        # ok: tarfile-extractall-traversal
        tar.extractall(dest, filter="data")
        safe = [m for m in tar.getmembers() if m.isfile() and ".." not in m.name]
        # ok: tarfile-extractall-traversal
        tar.extractall(dest, members=safe)
    # ruleid: tarfile-extractall-traversal
    shutil.unpack_archive(path, dest)
    # ok: tarfile-extractall-traversal
    shutil.unpack_archive(path, dest, filter="data")
