from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("orders.xml")


@app.route("/order")
def order():
    oid = int(request.args["id"])
    return {"n": len(DOC.xpath("//order[@id=%d]" % oid))}
