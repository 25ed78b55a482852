import msgpack


def read_events(path):
    with open(path, "rb") as fh:
        return msgpack.unpackb(fh.read(), raw=False)
