from flask import Flask, request, send_from_directory

app = Flask(__name__)


@app.route("/invoice")
def invoice():
    number = request.args.get("n")
    return send_from_directory("/srv/invoices", f"{number}.pdf", mimetype="application/pdf")
