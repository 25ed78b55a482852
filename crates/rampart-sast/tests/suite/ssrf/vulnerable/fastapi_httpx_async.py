import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/preview")
async def preview(link: str):
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.get(link)
    return {"title": r.text[:100]}
