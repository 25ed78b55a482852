from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModel, AutoTokenizer

# ruleid: huggingface-unpinned-revision
model = AutoModel.from_pretrained("google-bert/bert-base-uncased")
# ruleid: huggingface-unpinned-revision
weights = hf_hub_download("acme/classifier", "model.safetensors", revision="main")
# ruleid: huggingface-unpinned-revision
snap = snapshot_download(repo_id="acme/classifier")
# ok: huggingface-unpinned-revision
tok = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
# ok: huggingface-unpinned-revision
local = AutoModel.from_pretrained("./checkpoints/run-42")
