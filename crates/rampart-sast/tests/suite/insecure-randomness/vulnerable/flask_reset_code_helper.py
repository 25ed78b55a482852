import random
import string

from flask import Flask, jsonify

app = Flask(__name__)
DIGITS = string.digits


def new_reset_code():
    # Six digits mailed to the user to confirm a password reset.
    return "".join(random.choice(DIGITS) for _ in range(6))


@app.post("/password/forgot")
def forgot():
    code = new_reset_code()
    store_reset_code(code)
    return jsonify(sent=True)


def store_reset_code(code):
    pass
