import pickle

DEFAULTS = {"theme": "dark", "page_size": 50}


def clone_defaults():
    blob = pickle.dumps(DEFAULTS)
    return pickle.loads(blob)
