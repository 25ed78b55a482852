import psycopg2
from flask import Flask, request

app = Flask(__name__)
conn = psycopg2.connect(dbname="billing")


def delete_invoice(invoice_ref):
    with conn.cursor() as cur:
        cur.execute("DELETE FROM invoices WHERE ref = '%s'" % invoice_ref)
    conn.commit()


@app.route("/invoices/delete", methods=["POST"])
def delete():
    delete_invoice(request.form["ref"])
    return "deleted"
