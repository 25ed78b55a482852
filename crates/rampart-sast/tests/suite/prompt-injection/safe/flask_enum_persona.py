from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
PERSONAS = {"tutor": "You are a patient tutor.", "critic": "You are a strict code reviewer."}


@app.route("/chat", methods=["POST"])
def chat():
    system = PERSONAS.get(request.form.get("persona"), PERSONAS["tutor"])
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": system}, {"role": "user", "content": request.form["q"]}],
    )
    return resp.choices[0].message.content
