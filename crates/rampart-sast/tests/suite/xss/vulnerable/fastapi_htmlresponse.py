from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/hello", response_class=HTMLResponse)
def hello(name: str = "world"):
    parts = ["<h1>", "Hello ", name, "</h1>"]
    return HTMLResponse("".join(parts))
