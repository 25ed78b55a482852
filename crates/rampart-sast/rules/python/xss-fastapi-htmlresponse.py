import html

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/hello/{name}", response_class=HTMLResponse)
def hello(name: str):
    # ruleid: xss-fastapi-htmlresponse
    return HTMLResponse(f"<h1>Hello {name}</h1>")


@app.get("/safe/{name}", response_class=HTMLResponse)
def safe(name: str):
    # ok: xss-fastapi-htmlresponse
    return HTMLResponse(f"<h1>Hello {html.escape(name)}</h1>")


@app.post("/echo")
async def echo(request: Request):
    form = await request.form()
    # ruleid: xss-fastapi-htmlresponse
    return HTMLResponse(content="<pre>" + form["text"] + "</pre>")


@app.get("/static")
def static_page():
    # ok: xss-fastapi-htmlresponse
    return HTMLResponse("<h1>Status: ok</h1>")
