import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    # ruleid: cmdi-subprocess-shell
    out = subprocess.check_output("ping -c 1 " + host, shell=True)
    # ok: cmdi-subprocess-shell
    out = subprocess.check_output(["ping", "-c", "1", host])
    # ok: cmdi-subprocess-shell
    out = subprocess.check_output("ping -c 1 " + shlex.quote(host), shell=True)
    return out


@app.route("/archive/<name>")
def archive(name):
    # ruleid: cmdi-subprocess-shell
    subprocess.getoutput(f"tar czf /tmp/{name}.tgz /srv/data/{name}")
    # ok: cmdi-subprocess-shell
    subprocess.run("tar czf /tmp/all.tgz /srv/data", shell=True, check=True)
    return "done"


PRESETS = {"small": "-resize 64x64", "large": "-resize 1024x1024"}


@app.route("/convert", methods=["POST"])
def convert():
    parts = ["convert", "/srv/in.png"]
    parts.append(request.form["extra"])
    # ruleid: cmdi-subprocess-shell
    subprocess.run(" ".join(parts), shell=True)
    preset = PRESETS.get(request.form["preset"], PRESETS["small"])
    # ok: cmdi-subprocess-shell
    subprocess.run("convert /srv/in.png " + preset + " /srv/out.png", shell=True)
    return "ok"
