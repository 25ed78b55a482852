import json
import subprocess

import anthropic

client = anthropic.Anthropic()
TOOLS = {"disk": ["df", "-h"], "uptime": ["uptime"]}


def run_tool(task):
    msg = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=100, messages=[{"role": "user", "content": task}])
    choice = json.loads(msg.content[0].text).get("tool", "uptime")
    argv = TOOLS.get(choice, TOOLS["uptime"])
    return subprocess.run(argv, capture_output=True, text=True).stdout
