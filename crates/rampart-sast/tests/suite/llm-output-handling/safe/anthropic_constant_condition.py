import os

import anthropic

client = anthropic.Anthropic()
MODE = 1


def maintenance():
    msg = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=50, messages=[])
    suggested = msg.content[0].text
    command = "df -h" if 7 * 18 + MODE > 100 else suggested
    os.system(command)
