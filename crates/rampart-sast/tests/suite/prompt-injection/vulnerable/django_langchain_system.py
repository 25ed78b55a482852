from django.http import JsonResponse
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def tutor(request):
    subject = request.POST.get("subject", "math")
    messages = [
        SystemMessage(content=f"You are a {subject} tutor. Only discuss {subject}."),
        HumanMessage(content=request.POST["question"]),
    ]
    return JsonResponse({"answer": llm.invoke(messages).content})
