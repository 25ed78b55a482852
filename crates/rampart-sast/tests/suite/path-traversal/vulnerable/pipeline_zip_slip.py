import os
import zipfile


def unpack_dataset(archive, dest):
    with zipfile.ZipFile(archive) as zf:
        for member in zf.namelist():
            target = os.path.join(dest, member)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(zf.read(member))
