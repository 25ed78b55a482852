from django.http import JsonResponse
from langchain_core.prompts import ChatPromptTemplate, SystemMessagePromptTemplate
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def ask(request):
    tone = request.GET.get("tone", "neutral")
    system = SystemMessagePromptTemplate.from_template("Answer in a " + tone + " tone.")
    prompt = ChatPromptTemplate.from_messages([system, ("human", "{q}")])
    return JsonResponse({"a": (prompt | llm).invoke({"q": request.GET["q"]}).content})
