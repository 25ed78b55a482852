from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

# ruleid: huggingface-trust-remote-code
model = AutoModelForCausalLM.from_pretrained("acme/chat-7b", trust_remote_code=True)
# ruleid: huggingface-trust-remote-code
pipe = pipeline("text-generation", model="acme/chat-7b", trust_remote_code=True)
# ruleid: huggingface-trust-remote-code
ds = load_dataset("acme/corpus", trust_remote_code=True)
# ok: huggingface-trust-remote-code
tok = AutoTokenizer.from_pretrained("gpt2", revision="607a30d783dfa663caf39e06633721c8d4cfcd7e")
# ok: huggingface-trust-remote-code
model2 = AutoModelForCausalLM.from_pretrained("gpt2", trust_remote_code=False)
