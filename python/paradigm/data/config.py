"""The settings the `prepare` stage reads, checked once, in one place.

Java passes the fully resolved config (every key of configs/demo.yaml) as JSON. This module reads the
`data` section, `model.seq_len` and the top-level `seed`, checks every value, and turns a bad one into
a `DataError` whose message says which key is wrong, what was expected and what was found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

SOURCES = ("generated", "hub", "text", "jsonl", "parquet")
TOKENIZERS = ("bpe", "gpt2")
SEPARATORS = ("eos", "none")
SPLITS = ("random", "dataset")

EOS_TOKEN = "<|endoftext|>"  # TinyStories' own story separator, and GPT-2's end-of-text token
BYTE_ALPHABET = 256  # a byte-level BPE needs one token per byte before any merge


class DataError(ValueError):
    """Bad data or a bad data setting; the message says what was expected and what was found."""


@dataclass(frozen=True)
class DataConfig:
    source: str
    path: str | None
    val_path: str | None
    text_field: str
    generated_stories: int
    min_chars: int
    token_budget: int
    separator: str
    tokenizer: str
    tokenizer_path: str | None
    vocab_size: int
    split: str
    val_fraction: float
    split_seed: int
    seq_len: int  # model.seq_len: the chunk length of the token files
    seed: int  # the run seed: seeds the generated corpus


def _require(section: dict, name: str, where: str) -> Any:
    if name not in section:
        raise DataError(f"The config has no key '{where}.{name}'; Java passes the fully resolved config, "
                        f"so every key of configs/demo.yaml is expected.")
    return section[name]


def _one_of(value: Any, choices: tuple[str, ...], key: str) -> str:
    if value not in choices:
        raise DataError(f"{key} must be one of {', '.join(choices)}; found {value!r}.")
    return value


def _int(value: Any, key: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DataError(f"{key} must be a whole number; found {value!r}.")
    if value < minimum:
        raise DataError(f"{key} must be at least {minimum}; found {value}.")
    return value


def _optional_str(value: Any, key: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise DataError(f"{key} must be a string or null; found {value!r}.")
    return value


def parse_config(config: str | dict) -> DataConfig:
    """Read and check the settings; `config` is the resolved config as a JSON string or a dict."""
    if isinstance(config, str):
        try:
            config = json.loads(config)
        except json.JSONDecodeError as exc:
            raise DataError(f"The config passed to prepare is not valid JSON: {exc}.") from exc
    if not isinstance(config, dict):
        raise DataError(f"The config must be a JSON object; found {type(config).__name__}.")
    data = _require(config, "data", "config")
    model = _require(config, "model", "config")
    get = lambda name: _require(data, name, "data")  # noqa: E731 — a one-line reader keeps the list below readable

    cfg = DataConfig(
        source=_one_of(get("source"), SOURCES, "data.source"),
        path=_optional_str(get("path"), "data.path"),
        val_path=_optional_str(get("val_path"), "data.val_path"),
        text_field=get("text_field"),
        generated_stories=_int(get("generated_stories"), "data.generated_stories", 1),
        min_chars=_int(get("min_chars"), "data.min_chars", 0),
        token_budget=_int(get("token_budget"), "data.token_budget", 0),
        separator=_one_of(get("separator"), SEPARATORS, "data.separator"),
        tokenizer=_one_of(get("tokenizer"), TOKENIZERS, "data.tokenizer"),
        tokenizer_path=_optional_str(get("tokenizer_path"), "data.tokenizer_path"),
        vocab_size=_int(get("vocab_size"), "data.vocab_size", 1),
        split=_one_of(get("split"), SPLITS, "data.split"),
        val_fraction=get("val_fraction"),
        split_seed=_int(get("split_seed"), "data.split_seed", 0),
        seq_len=_int(_require(model, "seq_len", "model"), "model.seq_len", 2),
        seed=_int(_require(config, "seed", "config"), "seed", 0),
    )
    _check_combinations(cfg)
    return cfg


def _check_combinations(cfg: DataConfig) -> None:
    if not isinstance(cfg.text_field, str) or not cfg.text_field:
        raise DataError(f"data.text_field must be a non-empty column name; found {cfg.text_field!r}.")
    fraction = cfg.val_fraction
    if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) or not 0 <= fraction < 1:
        raise DataError(f"data.val_fraction must be a number in [0, 1); found {fraction!r}.")
    if cfg.split == "random" and fraction == 0:
        raise DataError("data.split is random but data.val_fraction is 0, which leaves no validation data; "
                        "set data.val_fraction to a share such as 0.05.")
    if cfg.source in ("text", "jsonl", "parquet"):
        if cfg.path is None:
            raise DataError(f"data.source is {cfg.source}, which reads a local file, but data.path is null; "
                            f"set data.path to the training file.")
        if cfg.split == "dataset" and cfg.val_path is None:
            raise DataError(f"data.split is dataset with data.source {cfg.source}, but data.val_path is null; "
                            f"set data.val_path to the validation file, or use data.split: random.")
    if cfg.tokenizer == "bpe" and cfg.vocab_size < BYTE_ALPHABET + 1:
        raise DataError(f"data.vocab_size must be at least {BYTE_ALPHABET + 1} for a byte-level BPE "
                        f"({BYTE_ALPHABET} byte tokens plus the end-of-story token {EOS_TOKEN}); "
                        f"found {cfg.vocab_size}.")
