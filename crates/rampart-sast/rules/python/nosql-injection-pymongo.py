from bson import ObjectId
from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient()["shop"]


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json()
    # ruleid: nosql-injection-pymongo
    user = db.users.find_one(body)
    # ok: nosql-injection-pymongo
    user = db.users.find_one({"name": str(body["name"]), "pw_hash": str(body["pw_hash"])})
    return "ok" if user else "denied"


@app.route("/orders")
def orders():
    flt = request.args.get("where")
    # ruleid: nosql-injection-pymongo
    rows = list(db.orders.find({"$where": flt}))
    # ok: nosql-injection-pymongo
    rows += list(db.orders.find({"_id": ObjectId(request.args["id"])}))
    return str(rows)
