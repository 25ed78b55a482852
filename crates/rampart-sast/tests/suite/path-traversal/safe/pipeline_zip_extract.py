import zipfile


def unpack_dataset(archive, dest):
    with zipfile.ZipFile(archive) as zf:
        for member in zf.namelist():
            zf.extract(member, dest)
