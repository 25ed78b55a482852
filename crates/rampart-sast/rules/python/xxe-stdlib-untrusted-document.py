import xml.etree.ElementTree as ET
from xml.dom import minidom

import defusedxml.ElementTree as DET
from django.http import HttpResponse


def import_feed(request):
    # ruleid: xxe-stdlib-untrusted-document
    root = ET.fromstring(request.body)
    # ok: xxe-stdlib-untrusted-document
    root2 = DET.fromstring(request.body)
    return HttpResponse(root.tag + root2.tag)


def import_doc(request):
    raw = request.POST["xml"]
    # ruleid: xxe-stdlib-untrusted-document
    doc = minidom.parseString(raw)
    # ok: xxe-stdlib-untrusted-document
    tpl = minidom.parseString("<root><item/></root>")
    return HttpResponse(doc.documentElement.tagName + tpl.documentElement.tagName)
