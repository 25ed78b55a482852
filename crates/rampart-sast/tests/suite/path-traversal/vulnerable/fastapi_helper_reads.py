from fastapi import FastAPI

app = FastAPI()


def read_template(name):
    with open("/srv/templates/" + name) as fh:
        return fh.read()


@app.get("/templates/{name}")
def template(name: str):
    return {"body": read_template(name)}
