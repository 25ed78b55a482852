import os


def build_report(title):
    cmd = "make-report --title " + title
    os.system(cmd)


def cleanup():
    os.system("rm -rf /tmp/reports")
