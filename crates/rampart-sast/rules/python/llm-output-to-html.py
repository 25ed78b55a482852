import nh3
from flask import Flask, render_template, request
from markupsafe import Markup
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


@app.route("/summary", methods=["POST"])
def summary():
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Summarise as HTML: " + request.form["text"]}],
    )
    html_out = resp.choices[0].message.content
    # ruleid: llm-output-to-html
    body = Markup(html_out)
    # ok: llm-output-to-html
    clean = Markup(nh3.clean(html_out))
    # ok: llm-output-to-html
    return render_template("summary.html", summary=html_out, body=body, clean=clean)


@app.route("/raw", methods=["POST"])
def raw():
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[])
    # ruleid: llm-output-to-html
    return render_template_string("<div>" + resp.choices[0].message.content + "</div>")
