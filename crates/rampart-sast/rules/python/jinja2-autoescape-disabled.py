import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape

# ruleid: jinja2-autoescape-disabled
env = jinja2.Environment(loader=FileSystemLoader("templates"))
# ruleid: jinja2-autoescape-disabled
env2 = Environment(loader=FileSystemLoader("templates"), autoescape=False)
# ok: jinja2-autoescape-disabled
env3 = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))
# ok: jinja2-autoescape-disabled
env4 = jinja2.Environment(autoescape=True)
