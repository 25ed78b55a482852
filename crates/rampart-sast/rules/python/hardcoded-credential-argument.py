import os

import boto3
import psycopg2
from openai import OpenAI

# ruleid: hardcoded-credential-argument
conn = psycopg2.connect(host="db", user="app", password="s3cr3t!")
# ruleid: hardcoded-credential-argument
client = OpenAI(api_key="sk-proj-abcdefghijklmnop")
# ruleid: hardcoded-credential-argument
s3 = boto3.client("s3", aws_access_key_id="AKIAEXAMPLE", aws_secret_access_key="wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY")
# ok: hardcoded-credential-argument
conn2 = psycopg2.connect(host="db", user="app", password=os.environ["PGPASSWORD"])
# ok: hardcoded-credential-argument
client2 = OpenAI(api_key=os.getenv("OPENAI_API_KEY"))
# ok: hardcoded-credential-argument
form_field = dict(password="")
