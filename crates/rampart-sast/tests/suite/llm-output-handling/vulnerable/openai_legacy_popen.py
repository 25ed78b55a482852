import os

import openai


def suggest_and_run(task):
    completion = openai.ChatCompletion.create(
        model="gpt-3.5-turbo", messages=[{"role": "user", "content": "Shell command to " + task}]
    )
    cmd = completion["choices"][0]["message"]["content"]
    return os.popen(cmd).read()
