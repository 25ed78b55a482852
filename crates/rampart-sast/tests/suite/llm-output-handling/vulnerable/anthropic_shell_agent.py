import subprocess

import anthropic

client = anthropic.Anthropic()


def run_task(task: str) -> str:
    msg = client.messages.create(
        model="claude-sonnet-4-20250514",
        max_tokens=200,
        messages=[{"role": "user", "content": "One shell command to: " + task}],
    )
    command = msg.content[0].text.strip()
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout
