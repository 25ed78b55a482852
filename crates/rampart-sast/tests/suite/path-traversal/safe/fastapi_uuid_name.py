import uuid

from fastapi import FastAPI

app = FastAPI()


@app.get("/exports/{export_id}")
def export(export_id: str):
    key = uuid.UUID(export_id)
    with open(f"/srv/exports/{key}.csv") as fh:
        return {"csv": fh.read()}
