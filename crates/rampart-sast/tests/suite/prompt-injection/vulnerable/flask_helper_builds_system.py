from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()


def build_messages(role_hint, question):
    return [
        {"role": "system", "content": "You are " + role_hint},
        {"role": "user", "content": question},
    ]


@app.route("/ask", methods=["POST"])
def ask():
    msgs = build_messages(request.form["role"], request.form["q"])
    return client.chat.completions.create(model="gpt-4o-mini", messages=msgs).choices[0].message.content
