import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/unfurl")
async def unfurl(url: str):
    async with httpx.AsyncClient() as client:
        # ruleid: ssrf-httpx
        r = await client.get(url)
        # ok: ssrf-httpx
        r2 = await client.get("https://oembed.example.com/", params={"url": url})
    return {"status": r.status_code, "oembed": r2.json()}


@app.get("/avatar/{user}")
def avatar(user: str):
    # ruleid: ssrf-httpx
    r = httpx.get(f"http://{user}.avatars.internal/img.png")
    # ok: ssrf-httpx
    r2 = httpx.get("https://cdn.example.com/default.png")
    return {"size": len(r.content) + len(r2.content)}
