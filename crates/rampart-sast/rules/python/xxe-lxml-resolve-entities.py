from lxml import etree

# ruleid: xxe-lxml-resolve-entities
p1 = etree.XMLParser(resolve_entities=True)
# ruleid: xxe-lxml-resolve-entities
p2 = etree.XMLParser(load_dtd=True, no_network=True)
# ruleid: xxe-lxml-resolve-entities
p3 = etree.XMLParser(resolve_entities=False, no_network=False)
# ok: xxe-lxml-resolve-entities
p4 = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
# ok: xxe-lxml-resolve-entities
p5 = etree.XMLParser(remove_blank_text=True)
