from fastapi import FastAPI

app = FastAPI()


@app.get("/square")
def square(n: str):
    value = float(n)
    return {"result": eval("value * value", {"value": value})}
