import numpy as np


def load_embeddings(path: str):
    data = np.load(path)
    vectors = data["vectors"]
    ids = data["ids"]
    return dict(zip(ids.tolist(), vectors))
