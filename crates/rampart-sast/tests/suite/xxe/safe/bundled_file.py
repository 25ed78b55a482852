from pathlib import Path

from lxml import etree

SCHEMA_FILE = Path(__file__).with_name("schema.xsd")


def load_schema():
    doc = etree.parse(str(SCHEMA_FILE))
    return etree.XMLSchema(doc)
