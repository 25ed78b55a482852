from fastapi import FastAPI

app = FastAPI()


@app.get("/metric")
def metric(formula: str, x: float = 1.0):
    code = compile(formula, "<formula>", "eval")
    return {"value": eval(code, {"x": x})}
