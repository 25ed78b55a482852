import subprocess

from flask import Flask, request

app = Flask(__name__)


def git(args):
    return subprocess.check_output("git " + args, shell=True, cwd="/srv/repo")


@app.route("/log")
def log():
    branch = request.args["branch"]
    return git("log --oneline " + branch)
