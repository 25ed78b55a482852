import psycopg


def purge(conn: psycopg.Connection, owner: str, days: int):
    with conn.cursor() as cur:
        # ruleid: sqli-formatted-query-string
        cur.execute(f"DELETE FROM jobs WHERE owner = '{owner}'")
        # ruleid: sqli-formatted-query-string
        cur.execute("DELETE FROM jobs WHERE age > %d" % days)
        # ruleid: sqli-formatted-query-string
        cur.execute("DELETE FROM jobs WHERE owner = '{}'".format(owner))
        # ok: sqli-formatted-query-string
        cur.execute("DELETE FROM jobs WHERE owner = %s AND age > %s", (owner, days))
        # ok: sqli-formatted-query-string
        cur.execute("VACUUM")
