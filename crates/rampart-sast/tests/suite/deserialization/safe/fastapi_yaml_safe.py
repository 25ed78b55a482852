import yaml
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/pipelines")
async def create_pipeline(spec: UploadFile):
    body = await spec.read()
    pipeline = yaml.safe_load(body)
    return {"steps": len(pipeline.get("steps", []))}
