from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
TIER = 3


@app.route("/chat", methods=["POST"])
def chat():
    custom = request.form.get("persona", "")
    persona = "a helpful assistant" if 7 * 18 + TIER > 100 else custom
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": "You are " + persona}, {"role": "user", "content": request.form["q"]}],
    )
    return resp.choices[0].message.content
