"""Shared fixtures: a tiny resolved config, and one CPU thread (the test machine is shared)."""

import copy
import json
import os

import pytest
import torch
import yaml

torch.set_num_threads(1)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def shipped(name: str) -> dict:
    """A shipped config as parsed YAML; demo.yaml holds every key, so it is a complete resolved config."""
    with open(os.path.join(REPO, "configs", f"{name}.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def tiny(config: dict) -> dict:
    """``config`` (a complete config) shrunk to a model and batch that train in milliseconds on one CPU thread."""
    config = copy.deepcopy(config)
    config["model"].update(n_layer=2, d_model=32, n_head=2, d_ff=64, seq_len=16)
    config["train"].update(lr=1e-2, device="cpu", compile="auto")
    config["mdlm"]["eval_draws"] = 2
    config["sample"].update(n=4, length=16, batch_size=3, stop_at_eos=False, mdlm_steps=8)
    return config


TINY_CONFIG = tiny(shipped("demo"))


@pytest.fixture
def config():
    """A fresh deep copy of the tiny config, to edit freely."""
    return copy.deepcopy(TINY_CONFIG)


def as_json(config) -> str:
    return json.dumps(config)


def train_on(engine, tokens, lr):
    """One training step on ``tokens`` (an int32 B×T array): bound, then stepped, as Java's first step binds its
    buffer."""
    engine.bind_batch(tokens)
    engine.train_step(lr)
