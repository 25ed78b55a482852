import pandas as pd
from langchain_experimental.agents import create_pandas_dataframe_agent
from langchain_experimental.tools import PythonREPLTool
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")
df = pd.read_csv("sales.csv")
# ruleid: langchain-dangerous-code-tools
agent = create_pandas_dataframe_agent(llm, df, allow_dangerous_code=True)
# ruleid: langchain-dangerous-code-tools
tools = [PythonREPLTool()]
# ok: langchain-dangerous-code-tools
agent2 = create_pandas_dataframe_agent(llm, df, allow_dangerous_code=False)
# ok: langchain-dangerous-code-tools
summary = llm.invoke("Summarise: " + df.head().to_string())
