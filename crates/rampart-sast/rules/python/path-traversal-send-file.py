from fastapi import FastAPI
from fastapi.responses import FileResponse
from flask import Flask, request, send_file, send_from_directory

app = Flask(__name__)
api = FastAPI()


@app.route("/files")
def files():
    name = request.args.get("f")
    if name.endswith(".pdf"):
        # ruleid: path-traversal-send-file
        return send_file("/srv/files/" + name)
    # ok: path-traversal-send-file
    return send_from_directory("/srv/files", name)


@app.route("/logo")
def logo():
    # ok: path-traversal-send-file
    return send_file("/srv/static/logo.png")


@api.get("/export/{name}")
def export(name: str):
    # ruleid: path-traversal-send-file
    return FileResponse(f"/srv/exports/{name}")
