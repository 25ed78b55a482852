import requests
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def research(topic: str):
    url = llm.invoke("Give one URL about " + topic).content.strip()
    # ruleid: llm-output-to-url-fetch
    page = requests.get(url, timeout=10).text
    # ok: llm-output-to-url-fetch
    wiki = requests.get("https://en.wikipedia.org/w/api.php", params={"search": url}, timeout=10).text
    link = llm.invoke("Pick a link").content
    # ruleid: llm-output-to-url-fetch
    more = requests.post(link, timeout=10).text
    # ok: llm-output-to-url-fetch
    docs = requests.get("https://docs.example.com/index.json", timeout=10).text
    return page + wiki + more + docs
