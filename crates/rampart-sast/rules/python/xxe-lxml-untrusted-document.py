from flask import Flask, request
from lxml import etree

app = Flask(__name__)
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@app.route("/import", methods=["POST"])
def import_xml():
    # ruleid: xxe-lxml-untrusted-document
    root = etree.fromstring(request.data)
    # ok: xxe-lxml-untrusted-document
    root2 = etree.fromstring(request.data, parser=SAFE)
    return str(len(root) + len(root2))


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["doc"]
    # ruleid: xxe-lxml-untrusted-document
    tree = etree.parse(f)
    # ok: xxe-lxml-untrusted-document
    cfg = etree.parse("/etc/app/config.xml")
    return tree.getroot().tag + cfg.getroot().tag
