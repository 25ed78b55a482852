from safetensors.torch import load_file
from torch import nn


def load_classifier(path: str) -> nn.Module:
    model = nn.Sequential(nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 2))
    model.load_state_dict(load_file(path))
    return model.eval()
