from flask import request


def current_filter():
    return request.args.get("where", "1=1")
