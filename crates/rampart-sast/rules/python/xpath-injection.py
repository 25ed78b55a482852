from flask import Flask, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("/srv/users.xml")


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    pw = request.form["password"]
    # ruleid: xpath-injection
    hits = USERS.xpath("//user[@name='" + user + "' and @pw='" + pw + "']")
    # ok: xpath-injection
    hits = USERS.xpath("//user[@name=$u and @pw=$p]", u=user, p=pw)
    return "ok" if hits else "denied"


@app.route("/section/<name>")
def section(name):
    # ruleid: xpath-injection
    node = USERS.getroot().find(f".//section[@id='{name}']")
    # ok: xpath-injection
    node2 = USERS.getroot().find(".//section[@id='main']")
    return etree.tostring(node) + etree.tostring(node2)
