import subprocess

from flask import Flask, request

app = Flask(__name__)
TOOLS = {"resize": "/usr/bin/convert", "info": "/usr/bin/identify"}


@app.route("/tool", methods=["POST"])
def tool():
    prog = request.form["tool"]
    # ruleid: cmdi-subprocess-program
    subprocess.run([prog, "--version"], check=True)
    # ruleid: cmdi-subprocess-program
    subprocess.Popen(prog)
    exe = TOOLS.get("info")
    # ok: cmdi-subprocess-program
    subprocess.run([exe, "--", prog], check=True)
    # ok: cmdi-subprocess-program
    subprocess.run(["/usr/bin/identify", "--", request.form["file"]], check=True)
    # ok: cmdi-subprocess-program
    subprocess.run("identify " + prog, shell=True)
    return "ok"
