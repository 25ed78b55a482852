import torch
from safetensors.torch import load_file


def load(path):
    # ruleid: torch-load-without-weights-only
    state = torch.load(path, map_location="cpu")
    # ruleid: torch-load-without-weights-only
    state = torch.load(path, weights_only=False)
    # ok: torch-load-without-weights-only
    state = torch.load(path, map_location="cpu", weights_only=True)
    # ok: torch-load-without-weights-only
    state = load_file("model.safetensors")
    return state
