import anthropic
from fastapi import FastAPI

app = FastAPI()
client = anthropic.Anthropic()
SYSTEM = "You are a careful assistant."


@app.post("/assist")
def assist(question: str):
    msg = client.messages.create(
        model="claude-sonnet-4-20250514",
        max_tokens=400,
        system=SYSTEM,
        messages=[{"role": "user", "content": question}],
    )
    return {"answer": msg.content[0].text}
