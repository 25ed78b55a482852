import html

from flask import Flask, request
from markupsafe import Markup
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


@app.route("/describe", methods=["POST"])
def describe():
    resp = client.responses.create(model="gpt-4o-mini", input="Describe: " + request.form["item"])
    return {"html": str(Markup("<p>" + html.escape(resp.output_text) + "</p>"))}
