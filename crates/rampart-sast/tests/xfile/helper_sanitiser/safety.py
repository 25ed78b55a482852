import shlex


def quoted(value):
    return shlex.quote(value)
