import anthropic
from fastapi import FastAPI

app = FastAPI()
client = anthropic.Anthropic()
SYSTEM = "You are a helpful travel assistant."


@app.post("/ask")
def ask(question: str, tone: str = "friendly"):
    # ruleid: prompt-injection-anthropic-system
    msg = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=512, system=f"{SYSTEM} Use a {tone} tone.", messages=[{"role": "user", "content": question}])
    # ok: prompt-injection-anthropic-system
    msg2 = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=512, system=SYSTEM, messages=[{"role": "user", "content": question}])
    return {"a": msg.content[0].text, "b": msg2.content[0].text}


@app.post("/persona/{name}")
def persona(name: str):
    # ruleid: prompt-injection-anthropic-system
    with client.messages.stream(model="claude-sonnet-4-20250514", max_tokens=256, system="You are " + name, messages=[]) as s:
        text = s.get_final_text()
    # ok: prompt-injection-anthropic-system
    with client.messages.stream(model="claude-sonnet-4-20250514", max_tokens=256, system=SYSTEM, messages=[{"role": "user", "content": name}]) as s:
        return {"text": text + s.get_final_text()}
