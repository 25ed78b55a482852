import subprocess

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.post("/lint")
def lint(path: str):
    result = subprocess.run(["/usr/bin/ruff", "check", "--", path], capture_output=True, text=True)
    if result.returncode > 1:
        raise HTTPException(500, "linter failed")
    return {"out": result.stdout}
