import jwt

KEY = open("/etc/app/jwt.pub").read()


def user_from(token: str):
    # ruleid: jwt-signature-verification-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    # ruleid: jwt-signature-verification-disabled
    legacy = jwt.decode(token, KEY, algorithms=["HS256", "none"])
    # ok: jwt-signature-verification-disabled
    good = jwt.decode(token, KEY, algorithms=["RS256"], audience="api")
    # ok: jwt-signature-verification-disabled
    exp_ok = jwt.decode(token, KEY, algorithms=["RS256"], options={"verify_exp": True})
    return claims, legacy, good, exp_ok
