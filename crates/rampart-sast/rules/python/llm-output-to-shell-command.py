import os
import shlex
import subprocess

import anthropic

client = anthropic.Anthropic()


def agent_step(goal: str):
    msg = client.messages.create(
        model="claude-sonnet-4-20250514",
        max_tokens=256,
        messages=[{"role": "user", "content": goal}],
    )
    command = msg.content[0].text
    # ruleid: llm-output-to-shell-command
    os.system(command)
    # ruleid: llm-output-to-shell-command
    subprocess.run(command, shell=True)
    # ok: llm-output-to-shell-command
    subprocess.run(["echo", shlex.quote(command)])
    # ok: llm-output-to-shell-command
    os.system("uptime")
