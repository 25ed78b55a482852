import secrets


def issue_token(user):
    reset_token = secrets.token_urlsafe(32)
    user.reset_token = reset_token
    return reset_token
