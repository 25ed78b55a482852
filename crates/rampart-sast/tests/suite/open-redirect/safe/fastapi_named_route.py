from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/go/{page}")
def go(page: str, request: Request):
    target = {"home": "/", "docs": "/docs"}.get(page, "/")
    return RedirectResponse(url=target)
