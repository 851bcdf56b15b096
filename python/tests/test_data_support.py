"""Shared helpers of the test_data_* files (no tests here): configs built from configs/demo.yaml, and the paths
of the real TinyStories files."""

import copy
import functools
import json
import os

import pytest
import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Beside the repository in CI and in the project's own checkouts; a user's clone has no ../shared.
TINYSTORIES = os.path.join(os.path.dirname(REPO), "shared", "data", "tinystories")
EOS = "<|endoftext|>"


def tinystories(name: str) -> str:
    """The path of a shared TinyStories file; skips the calling test, saying why, when the file is absent."""
    path = os.path.join(TINYSTORIES, name)
    if not os.path.isfile(path):
        pytest.skip(f"needs the shared TinyStories file {path} (../shared beside the repository, as in CI; "
                    "a clone without it skips the tests on real text)")
    return path


def valid_head() -> str:
    """The first 1,000 stories of TinyStories' validation split (skips the test when absent)."""
    return tinystories("TinyStories-valid-head1000.txt")


def train_head() -> str:
    """The first 2,316 stories of TinyStories' training split (skips the test when absent)."""
    return tinystories("TinyStories-train-head.txt")


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
