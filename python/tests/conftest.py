"""Shared fixtures: a tiny resolved config, and one CPU thread (the test machine is shared)."""

import copy
import json

import pytest
import torch

torch.set_num_threads(1)

TINY_CONFIG = {
    "name": "test",
    "seed": 1337,
    "protocol": "controlled",
    "model": {"n_layer": 2, "d_model": 32, "n_head": 2, "d_ff": 64, "seq_len": 16, "time_conditioning": False, "impl": None},
    "train": {
        "steps": 10, "batch_size": 4, "lr": 1e-2, "min_lr_ratio": 0.05, "warmup_steps": 0, "schedule": "constant",
        "weight_decay": 0.1, "beta1": 0.9, "beta2": 0.95, "adam_eps": 1e-8, "grad_clip": 1.0,
        "device": "cpu", "compile": "auto",
    },
    "mdlm": {"eps": 1e-3, "eval_draws": 2},
    "sample": {
        "n": 4, "length": 16, "batch_size": 3, "prompt": "eos", "prompt_text": None, "temperature": 1.0, "top_k": 0,
        "top_p": 1.0, "stop_at_eos": False, "mdlm_sampler": "ancestral", "mdlm_steps": 8, "float64": True,
    },
}


@pytest.fixture
def config():
    """A fresh deep copy of the tiny config, to edit freely."""
    return copy.deepcopy(TINY_CONFIG)


def as_json(config) -> str:
    return json.dumps(config)
