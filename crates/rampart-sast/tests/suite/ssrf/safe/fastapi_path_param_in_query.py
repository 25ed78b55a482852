import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/geo/{ip}")
def geo(ip: str):
    r = httpx.get("https://geo.example.com/lookup", params={"ip": ip}, timeout=5)
    return r.json()
