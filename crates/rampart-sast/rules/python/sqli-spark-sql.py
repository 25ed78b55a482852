import sys

from pyspark.sql import SparkSession
from pyspark.sql.functions import col

spark = SparkSession.builder.appName("daily").getOrCreate()


def run():
    day = sys.argv[1]
    table = sys.argv[2]
    # ruleid: sqli-spark-sql
    events = spark.sql(f"SELECT * FROM events WHERE day = '{day}'")
    # ok: sqli-spark-sql
    events = spark.sql("SELECT * FROM events WHERE day = :day", args={"day": day})
    query = "SELECT count(*) FROM " + table
    # ruleid: sqli-spark-sql
    spark.sql(query).show()
    # ok: sqli-spark-sql
    spark.table("events").filter(col("day") == day).show()
    # ok: sqli-spark-sql
    spark.sql("SELECT count(*) FROM events").show()
    return events
