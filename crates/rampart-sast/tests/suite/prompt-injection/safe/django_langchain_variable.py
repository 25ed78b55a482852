from django.http import JsonResponse
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")
PROMPT = ChatPromptTemplate.from_messages([
    ("system", "You are a tutor. Only discuss the configured subject."),
    ("human", "{question}"),
])


def tutor(request):
    chain = PROMPT | llm
    return JsonResponse({"answer": chain.invoke({"question": request.POST["question"]}).content})
