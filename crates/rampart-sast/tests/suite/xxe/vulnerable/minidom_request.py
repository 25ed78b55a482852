from xml.dom import minidom

from flask import Flask, request

app = Flask(__name__)


@app.post("/svg")
def svg_size():
    dom = minidom.parseString(request.get_data())
    svg = dom.documentElement
    return {"w": svg.getAttribute("width")}
