import json

from openai import OpenAI

client = OpenAI()
ALLOWED = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}


def answer(question: str):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        response_format={"type": "json_object"},
        messages=[{"role": "user", "content": question}],
    )
    plan = json.loads(resp.choices[0].message.content)
    op = ALLOWED.get(plan.get("op"), ALLOWED["add"])
    return op(float(plan["a"]), float(plan["b"]))
