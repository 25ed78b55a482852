from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/echo")
def echo():
    return Response(request.args.get("msg", ""), mimetype="text/plain")
