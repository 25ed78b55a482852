import random
import uuid
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def new_user(user):
    # ruleid: insecure-random-security-value
    user.reset_token = "".join(random.choice(ALPHABET) for _ in range(32))
    # ruleid: insecure-random-security-value
    otp = random.randint(100000, 999999)
    # ok: insecure-random-security-value
    api_key = secrets.token_urlsafe(32)
    # ok: insecure-random-security-value
    delay = random.uniform(0.1, 0.5)
    return otp, api_key, delay


def make_session_id():
    # ruleid: insecure-random-security-value
    return "%032x" % random.getrandbits(128)


def shuffle_deck(cards):
    # ok: insecure-random-security-value
    return random.sample(cards, len(cards))


def sampling_budget():
    # ok: insecure-random-security-value
    max_tokens = random.randint(64, 512)
    return max_tokens


def new_invite_code():
    # ruleid: insecure-random-security-value
    return "".join(random.choice("0123456789") for _ in range(8))


def make_session():
    # ruleid: insecure-random-security-value
    session_id = str(uuid.uuid1())
    return session_id
