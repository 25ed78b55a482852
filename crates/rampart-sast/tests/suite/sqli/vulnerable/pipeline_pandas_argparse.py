import argparse

import pandas as pd
import sqlalchemy

engine = sqlalchemy.create_engine("postgresql://etl@warehouse/analytics")


def main():
    parser = argparse.ArgumentParser(description="Export one customer's orders")
    parser.add_argument("--customer")
    parser.add_argument("--out", default="orders.csv")
    args = parser.parse_args()
    customer, out = args.customer, args.out
    frame = pd.read_sql("SELECT * FROM orders WHERE customer = '%s'" % customer, engine)
    frame.to_csv(out, index=False)


if __name__ == "__main__":
    main()
