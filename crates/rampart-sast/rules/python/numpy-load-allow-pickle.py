import numpy as np


def features(path):
    # ruleid: numpy-load-allow-pickle
    x = np.load(path, allow_pickle=True)
    # ruleid: numpy-load-allow-pickle
    y = np.load("labels.npz", mmap_mode="r", allow_pickle=True)
    # ok: numpy-load-allow-pickle
    z = np.load(path)
    # ok: numpy-load-allow-pickle
    w = np.load(path, allow_pickle=False)
    return x, y, z, w
