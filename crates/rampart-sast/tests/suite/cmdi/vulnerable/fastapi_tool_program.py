import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.post("/run/{tool}")
def run(tool: str, target: str):
    argv = [tool, "--json", target]
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    return {"rc": result.returncode, "out": result.stdout}
