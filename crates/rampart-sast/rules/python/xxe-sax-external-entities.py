import xml.sax
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

parser = xml.sax.make_parser()
# ruleid: xxe-sax-external-entities
parser.setFeature(feature_external_ges, True)
# ruleid: xxe-sax-external-entities
parser.setFeature(xml.sax.handler.feature_external_pes, True)
# ok: xxe-sax-external-entities
parser.setFeature(feature_external_ges, False)
# ok: xxe-sax-external-entities
parser.setFeature(feature_namespaces, True)
