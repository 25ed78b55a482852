from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
SYSTEM = "You are a support assistant. Answer only about our product."


@app.route("/chat", methods=["POST"])
def chat():
    body = request.get_json()
    persona = body["persona"]
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ruleid: prompt-injection-openai-system-message
            {"role": "system", "content": f"You are {persona}. " + SYSTEM},
            # ok: prompt-injection-openai-system-message
            {"role": "user", "content": body["message"]},
        ],
    )
    return resp.choices[0].message.content


@app.route("/chat2", methods=["POST"])
def chat2():
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ok: prompt-injection-openai-system-message
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": request.form["message"]},
        ],
    )
    # ruleid: prompt-injection-openai-system-message
    r2 = client.responses.create(model="gpt-4o-mini", instructions=request.form["style"], input="hi")
    return resp.choices[0].message.content + r2.output_text
