from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/docs-home")
def docs_home(version: str = "latest"):
    return RedirectResponse(url="/docs/index.html")
