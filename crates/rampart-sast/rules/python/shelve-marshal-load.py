import dbm
import marshal
import shelve


def restore(path, blob):
    # ruleid: shelve-marshal-load
    a = shelve.open(path)
    # ruleid: shelve-marshal-load
    b = marshal.loads(blob)
    # ok: shelve-marshal-load
    c = dbm.open(path)
    # ok: shelve-marshal-load
    d = marshal.dumps(blob)
    return a, b, c, d
