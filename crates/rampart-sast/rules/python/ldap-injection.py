import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars

app = Flask(__name__)
BASE = "ou=people,dc=example,dc=org"


@app.route("/lookup")
def lookup():
    conn = ldap.initialize("ldap://ldap.example.org")
    user = request.args["user"]
    # ruleid: ldap-injection
    res = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=" + user + ")")
    # ok: ldap-injection
    res = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=" + escape_filter_chars(user) + ")")
    return str(res)


@app.route("/group/<group>")
def group(group):
    from ldap3 import Connection
    conn = Connection("ldap://ldap.example.org", auto_bind=True)
    # ruleid: ldap-injection
    conn.search(BASE, f"(&(objectClass=person)(memberOf=cn={group}))")
    # ok: ldap-injection
    conn.search(BASE, "(objectClass=person)")
    return str(conn.entries)
