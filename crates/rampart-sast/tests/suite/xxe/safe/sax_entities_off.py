import xml.sax
from xml.sax.handler import feature_external_ges, feature_external_pes


def parse_report(stream, handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setContentHandler(handler)
    parser.parse(stream)
