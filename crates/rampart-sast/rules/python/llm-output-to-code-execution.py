import ast

from langchain_openai import ChatOpenAI
from openai import OpenAI

client = OpenAI()
llm = ChatOpenAI(model="gpt-4o-mini")


def solve(task: str):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Write Python for: " + task}],
    )
    code = resp.choices[0].message.content
    # ruleid: llm-output-to-code-execution
    exec(code, {})
    # ok: llm-output-to-code-execution
    exec("print('done')", {})
    return code


def compute(question: str):
    expr = llm.invoke("Give only a Python expression for: " + question).content
    # ruleid: llm-output-to-code-execution
    value = eval(expr)
    # ok: llm-output-to-code-execution
    literal = ast.literal_eval(expr)
    return value, literal
