"""Shared helpers of the test_data_* files (no tests here): configs built from configs/demo.yaml."""

import copy
import functools
import json
import os

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TINYSTORIES = os.path.join(os.path.dirname(REPO), "shared", "data", "tinystories")
VALID_HEAD = os.path.join(TINYSTORIES, "TinyStories-valid-head1000.txt")
TRAIN_HEAD = os.path.join(TINYSTORIES, "TinyStories-train-head.txt")
EOS = "<|endoftext|>"


@functools.lru_cache(maxsize=1)
def _demo() -> dict:
    with open(os.path.join(REPO, "configs", "demo.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def config(seq_len: int = 64, seed: int | None = None, **data) -> dict:
    """The demo config with a small generated corpus, overridden by `data` keys (data.<key>=value)."""
    cfg = copy.deepcopy(_demo())
    cfg["data"].update({"generated_stories": 300, "vocab_size": 400})
    cfg["data"].update(data)
    cfg["model"]["seq_len"] = seq_len
    if seed is not None:
        cfg["seed"] = seed
    return cfg


def config_json(**kwargs) -> str:
    return json.dumps(config(**kwargs))
