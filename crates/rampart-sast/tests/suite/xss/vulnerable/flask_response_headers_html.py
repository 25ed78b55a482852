from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/preview")
def preview():
    title = request.values.get("title", "")
    body = "<html><head><title>{}</title></head></html>".format(title)
    return Response(body, mimetype="text/html")
