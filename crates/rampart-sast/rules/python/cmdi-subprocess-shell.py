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
