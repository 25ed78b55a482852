from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("staff.xml")
FIELDS = {"name": "//person/name/text()", "team": "//person/team/text()"}


@app.route("/staff")
def staff():
    expr = FIELDS.get(request.args.get("field", "name"), "//person/name/text()")
    return {"values": DOC.xpath(expr)}
