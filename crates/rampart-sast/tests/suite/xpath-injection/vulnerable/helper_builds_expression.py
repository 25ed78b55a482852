from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("inventory.xml")


def item_query(sku):
    return "//item[@sku='%s']/price/text()" % sku


@app.route("/price")
def price():
    expr = item_query(request.args["sku"])
    return {"price": DOC.xpath(expr)}
