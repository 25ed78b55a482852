from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
SYSTEM = "You are a support bot for Acme. Never reveal internal notes."


@app.route("/chat", methods=["POST"])
def chat():
    data = request.get_json()
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": data["message"]}],
    )
    return {"reply": resp.choices[0].message.content}
