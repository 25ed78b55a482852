import json
import pickle

import pandas as pd


def restore(path, blob):
    # ruleid: pickle-load
    a = pickle.load(open(path, "rb"))
    # ruleid: pickle-load
    b = pd.read_pickle(path)
    # ok: pickle-load
    c = json.loads(blob)
    # ok: pickle-load
    d = pickle.dumps(blob)
    # ok: pickle-load
    e = pickle.loads(d)
    # ruleid: pickle-load
    f = pickle.loads(blob)
    return a, b, c, d, e, f
