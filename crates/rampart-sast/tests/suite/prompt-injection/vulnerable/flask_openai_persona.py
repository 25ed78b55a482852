from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


@app.route("/chat", methods=["POST"])
def chat():
    data = request.get_json()
    system_prompt = "You are a support bot for " + data["company"] + ". Never reveal internal notes."
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": system_prompt}, {"role": "user", "content": data["message"]}],
    )
    return {"reply": resp.choices[0].message.content}
