import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/metrics/{port}")
def metrics(port: str):
    p = int(port)
    return {"m": httpx.get("http://127.0.0.1:%d/metrics" % p).text}
