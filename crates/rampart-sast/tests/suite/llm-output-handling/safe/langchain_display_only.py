import logging

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")
log = logging.getLogger(__name__)


def summarise(text):
    summary = llm.invoke("Summarise: " + text).content
    log.info("summary length %d", len(summary))
    return {"summary": summary}
