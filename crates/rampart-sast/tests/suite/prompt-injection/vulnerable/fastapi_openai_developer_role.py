from fastapi import FastAPI, Request
from openai import AsyncOpenAI

app = FastAPI()
client = AsyncOpenAI()


@app.post("/v1/chat")
async def chat(request: Request):
    body = await request.json()
    msgs = [{"role": "developer", "content": "Follow the tenant policy: " + body["policy"]}]
    msgs.append({"role": "user", "content": body["message"]})
    resp = await client.chat.completions.create(model="gpt-4o-mini", messages=msgs)
    return {"reply": resp.choices[0].message.content}
