from django.db import connection


def find_products(term):
    with connection.cursor() as cur:
        cur.execute("SELECT name FROM product WHERE name LIKE '%" + term + "%'")
        return [r[0] for r in cur.fetchall()]
