import anthropic
from fastapi import FastAPI

app = FastAPI()
client = anthropic.Anthropic()


@app.post("/assist")
def assist(question: str, instructions: str = ""):
    msg = client.messages.create(
        model="claude-sonnet-4-20250514",
        max_tokens=400,
        system=f"You are a careful assistant. {instructions}",
        messages=[{"role": "user", "content": question}],
    )
    return {"answer": msg.content[0].text}
