import torch
from torch import nn


def load_classifier(path: str) -> nn.Module:
    model = nn.Sequential(nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 2))
    state = torch.load(path, map_location="cpu")
    model.load_state_dict(state)
    return model.eval()
