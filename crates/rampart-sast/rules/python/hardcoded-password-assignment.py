import os

# ruleid: hardcoded-password-assignment
DB_PASSWORD = "hunter2-prod"
# ruleid: hardcoded-password-assignment
SECRET_KEY = "django-insecure-9f$2k!x0z@l1q"
# ok: hardcoded-password-assignment
API_KEY = os.environ["API_KEY"]
# ok: hardcoded-password-assignment
password = ""
# ok: hardcoded-password-assignment
PASSWORD_FIELD_LABEL = "Your password"


class Settings:
    def __init__(self):
        # ruleid: hardcoded-password-assignment
        self.smtp_password = "Sm7p!pass"
        # ok: hardcoded-password-assignment
        self.smtp_password = os.getenv("SMTP_PASSWORD", "")
