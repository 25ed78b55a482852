from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/import")
def import_feed():
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(request.data, parser)
    return {"items": len(doc)}
