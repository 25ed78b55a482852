import os
import zipfile


def unzip(path, dest):
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            target = os.path.join(dest, info.filename)
            # ruleid: zip-slip-manual-extract
            with open(target, "wb") as out:
                out.write(zf.read(info))
            # ok: zip-slip-manual-extract
            with open(os.path.join(dest, os.path.basename(info.filename)), "wb") as out:
                out.write(zf.read(info))
        for name in zf.namelist():
            # ruleid: zip-slip-manual-extract
            open(dest + "/" + name, "wb").write(zf.read(name))
            # ok: zip-slip-manual-extract
            zf.extract(name, dest)
