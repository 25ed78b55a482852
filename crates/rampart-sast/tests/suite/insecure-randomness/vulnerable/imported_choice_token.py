from random import choice

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def invite_link(base_url):
    invite_token = "".join(choice(ALPHABET) for _ in range(24))
    return f"{base_url}/join/{invite_token}"
