import litellm
import pandas as pd
import sqlalchemy

engine = sqlalchemy.create_engine("postgresql://ro@warehouse/analytics")


def answer(question: str):
    resp = litellm.completion(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    query = resp.choices[0].message.content.strip().rstrip(";")
    return pd.read_sql(query, engine)
