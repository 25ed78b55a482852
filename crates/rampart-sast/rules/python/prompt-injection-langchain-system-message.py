from django.http import JsonResponse
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")
SYSTEM = "You answer questions about the company handbook."


def chat(request):
    persona = request.POST["persona"]
    question = request.POST["question"]
    msgs = [
        # ruleid: prompt-injection-langchain-system-message
        SystemMessage(content="You are " + persona + ". " + SYSTEM),
        # ok: prompt-injection-langchain-system-message
        HumanMessage(content=question),
    ]
    return JsonResponse({"a": llm.invoke(msgs).content})


def chat_template(request):
    rules = request.GET.get("rules", "")
    prompt = ChatPromptTemplate.from_messages([
        # ruleid: prompt-injection-langchain-system-message
        ("system", SYSTEM + rules),
        ("human", "{question}"),
    ])
    safe = ChatPromptTemplate.from_messages([
        # ok: prompt-injection-langchain-system-message
        ("system", SYSTEM),
        ("human", "{question}"),
    ])
    q = {"question": request.GET["q"]}
    return JsonResponse({"a": (prompt | llm).invoke(q).content, "b": (safe | llm).invoke(q).content})
