import yaml
from yaml import SafeLoader


def read(path):
    with open(path) as fh:
        # ruleid: yaml-unsafe-load
        a = yaml.load(fh)
        # ruleid: yaml-unsafe-load
        b = yaml.load(fh, Loader=yaml.Loader)
        # ruleid: yaml-unsafe-load
        c = yaml.unsafe_load(fh)
        # ok: yaml-unsafe-load
        d = yaml.safe_load(fh)
        # ok: yaml-unsafe-load
        e = yaml.load(fh, Loader=SafeLoader)
    return a, b, c, d, e
