import sys

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("nightly").getOrCreate()


def run():
    table = sys.argv[1]
    # The operator-supplied name is only logged; the job always reads the curated table.
    print("requested table:", table)
    table = "curated.events"
    spark.sql("SELECT day, count(*) FROM " + table + " GROUP BY day").show()


if __name__ == "__main__":
    run()
