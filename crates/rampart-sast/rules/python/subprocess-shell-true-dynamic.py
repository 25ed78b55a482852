import subprocess


def clone(repo_url, dest):
    # ruleid: subprocess-shell-true-dynamic
    subprocess.call("git clone " + repo_url + " " + dest, shell=True)
    cmd = f"git -C {dest} pull"
    # ruleid: subprocess-shell-true-dynamic
    subprocess.run(cmd, shell=True, check=True)
    # ok: subprocess-shell-true-dynamic
    subprocess.run("git --version", shell=True, check=True)
    # ok: subprocess-shell-true-dynamic
    subprocess.run(["git", "clone", repo_url, dest], check=True)
