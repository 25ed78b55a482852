from flask import Flask, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("users.xml")


@app.post("/login")
def login():
    name = request.form["name"]
    found = USERS.xpath("//user[@name=$n]", n=name)
    return "ok" if found else "no"
