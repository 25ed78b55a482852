import subprocess

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def diagnose():
    cmd = llm.invoke("Which command shows disk usage?").content
    print("model suggested:", cmd)
    cmd = "df -h"
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout
