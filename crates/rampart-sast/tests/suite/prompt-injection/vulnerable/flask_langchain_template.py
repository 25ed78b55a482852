from flask import Flask, request
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

app = Flask(__name__)
llm = ChatOpenAI(model="gpt-4o-mini")


@app.route("/summarise", methods=["POST"])
def summarise():
    style = request.form.get("style", "concise")
    prompt = ChatPromptTemplate.from_messages([
        ("system", "Summarise documents. Style: " + style),
        ("human", "{doc}"),
    ])
    return {"summary": (prompt | llm).invoke({"doc": request.form["doc"]}).content}
