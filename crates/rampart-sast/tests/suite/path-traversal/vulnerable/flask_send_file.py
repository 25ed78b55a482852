from flask import Flask, request, send_file

app = Flask(__name__)


@app.route("/invoice")
def invoice():
    number = request.args.get("n")
    return send_file(f"/srv/invoices/{number}.pdf", mimetype="application/pdf")
