from langchain_community.vectorstores import FAISS
from langchain_openai import OpenAIEmbeddings

emb = OpenAIEmbeddings()
# ruleid: langchain-dangerous-deserialization
db = FAISS.load_local("/srv/index", emb, allow_dangerous_deserialization=True)
# ok: langchain-dangerous-deserialization
db2 = FAISS.from_texts(["a", "b"], emb)
# ruleid: langchain-dangerous-deserialization
db3 = FAISS.load_local(folder_path="/srv/index2", embeddings=emb, allow_dangerous_deserialization=True)
# ok: langchain-dangerous-deserialization
db4 = FAISS.load_local("/srv/index3", emb, allow_dangerous_deserialization=False)
