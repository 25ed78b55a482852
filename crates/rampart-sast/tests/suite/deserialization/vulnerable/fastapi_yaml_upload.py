import yaml
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/pipelines")
async def create_pipeline(spec: UploadFile):
    body = await spec.read()
    pipeline = yaml.load(body, Loader=yaml.Loader)
    return {"steps": len(pipeline.get("steps", []))}
