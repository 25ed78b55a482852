import argparse
import sqlite3

import pandas as pd

con = sqlite3.connect("warehouse.db")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--region")
    parser.add_argument("--days", type=int)
    args = parser.parse_args()
    # ruleid: sqli-pandas-read-sql
    df = pd.read_sql("SELECT * FROM sales WHERE region = '%s'" % args.region, con)
    # ok: sqli-pandas-read-sql
    df = pd.read_sql_query("SELECT * FROM sales WHERE region = ?", con, params=(args.region,))
    window = "SELECT * FROM sales WHERE age_days < {}".format(args.days)
    # ruleid: sqli-pandas-read-sql
    recent = pd.read_sql_query(window, con)
    # ok: sqli-pandas-read-sql
    totals = pd.read_sql_query("SELECT region, sum(amount) FROM sales GROUP BY region", con)
    return df, recent, totals
