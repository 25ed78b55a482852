import jinja2
from flask import Flask, render_template_string, request

app = Flask(__name__)
env = jinja2.Environment(autoescape=True)


@app.route("/greet")
def greet():
    name = request.args.get("name", "world")
    # ruleid: ssti-render-template-string
    page = render_template_string("<h1>Hello " + name + "</h1>")
    # ok: ssti-render-template-string
    page = render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    return page


@app.route("/preview", methods=["POST"])
def preview():
    body = request.form["body"]
    # ruleid: ssti-render-template-string
    tpl = env.from_string(body)
    # ok: ssti-render-template-string
    tpl2 = env.from_string("<pre>{{ body }}</pre>")
    return tpl.render() + tpl2.render(body=body)
