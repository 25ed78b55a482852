import subprocess


def log_line(text):
    subprocess.run("logger " + text, shell=True)
