import random


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.api_key = "%032x" % random.getrandbits(128)
