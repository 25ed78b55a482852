import os

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/backup")
async def backup(request: Request):
    body = await request.json()
    if (db := body.get("database")) is not None:
        os.system(f"pg_dump {db} > /backups/{db}.sql")
    return {"ok": True}
