import cloudpickle
import dill


def restore(path, blob):
    # ruleid: dill-cloudpickle-load
    a = dill.loads(blob)
    # ruleid: dill-cloudpickle-load
    b = cloudpickle.load(open(path, "rb"))
    # ok: dill-cloudpickle-load
    c = dill.dumps(blob)
    # ok: dill-cloudpickle-load
    d = cloudpickle.dumps(blob)
    return a, b, c, d
