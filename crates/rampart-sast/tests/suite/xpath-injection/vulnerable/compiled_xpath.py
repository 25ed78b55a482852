from fastapi import FastAPI
from lxml import etree

app = FastAPI()
TREE = etree.parse("orders.xml")


@app.get("/orders")
def orders(customer: str):
    find = etree.XPath("//order[customer='" + customer + "']")
    return {"count": len(find(TREE))}
