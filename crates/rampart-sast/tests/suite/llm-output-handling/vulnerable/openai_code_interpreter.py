from openai import OpenAI

client = OpenAI()


def answer_with_code(question: str, data: dict):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Reply with Python code that sets `result`."},
            {"role": "user", "content": question},
        ],
    )
    code = resp.choices[0].message.content
    scope = {"data": data}
    exec(code, scope)
    return scope.get("result")
