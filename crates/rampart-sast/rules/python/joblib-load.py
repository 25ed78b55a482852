import joblib
import skops.io


def restore(path, blob):
    # ruleid: joblib-load
    a = joblib.load(path)
    # ruleid: joblib-load
    b = joblib.load(open(path, "rb"))
    # ok: joblib-load
    c = joblib.dump(blob, path)
    # ok: joblib-load
    d = skops.io.load(path, trusted=['sklearn.linear_model.LogisticRegression'])
    return a, b, c, d
