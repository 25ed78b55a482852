import random
import string

_rng = random.SystemRandom()


def temporary_password(length=16):
    password = "".join(_rng.choice(string.ascii_letters + string.digits) for _ in range(length))
    return password
