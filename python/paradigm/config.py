"""The resolved config as Python reads it: one frozen dataclass per section, read strictly.

Java owns the schema and the defaults (its config records and configs/demo.yaml) and every rule about values
(ConfigValidator): it checks a config before any stage runs and sends Python the fully resolved config as JSON.
This module reads the keys Python uses, and only those, into the dataclasses below. A missing key is an error that
names it (a jar and a Python package from different versions), never a default; a name outside its enum is an
error too. Nothing here re-checks ranges: a config that reaches Python has passed Java's rules.

The enums spell their values as the YAML does (Java's ConfigEnums: lower case, '_' written '-'); each has one
factory beside the code it selects: ``objectives.make_schedule``, ``objectives.make_time_sampler``,
``objectives.make_loss``, ``sampling.make_mdlm_sampler``.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from dataclasses import dataclass
from enum import Enum


class ConfigError(ValueError):
    """The resolved config lacks a key Python reads, or holds a value outside its enum."""


# ---------------------------------------------------------------- closed sets (Java's enums of the same names)


class Source(Enum):
    GENERATED = "generated"
    HUB = "hub"
    TEXT = "text"
    JSONL = "jsonl"
    PARQUET = "parquet"


class TextFormat(Enum):
    AUTO = "auto"  # detected from the file's start (sources.detect_text_format)
    EOT = "eot"  # stories separated by <|endoftext|> (TinyStories' own files)
    BLANK_LINE = "blank-line"  # stories separated by one or more blank lines
    LINE = "line"  # one story per line


class Separator(Enum):
    EOS = "eos"  # an end-of-story token between stories
    NONE = "none"  # plain concatenation


class TokenizerKind(Enum):
    BPE = "bpe"  # a byte-level BPE trained on the training text
    GPT2 = "gpt2"  # GPT-2's tokenizer.json


class Split(Enum):
    RANDOM = "random"  # a seeded share of the chunks
    DATASET = "dataset"  # the source's own validation split


class SplitRule(Enum):
    SORTED_SAMPLE = "sorted-sample"  # round(n·val_fraction) chunks drawn by numpy's default_rng, in stream order
    PERMUTATION_TAIL = "permutation-tail"  # the last ⌊n·val_fraction⌋ of RandomState(seed).permutation(n): the study


class Device(Enum):
    AUTO = "auto"
    CPU = "cpu"
    CUDA = "cuda"


class Precision(Enum):
    BF16 = "bf16"  # on CUDA: bfloat16 autocast and TF32 matmuls
    FLOAT32 = "float32"  # float32 throughout: no autocast, no TF32 (the published study)


class Init(Enum):
    GPT2 = "gpt2"  # N(0, 0.02), residual projections scaled by 1/sqrt(2·n_layer)
    PYTORCH = "pytorch"  # PyTorch's own defaults: Embedding N(0, 1), Linear Kaiming-uniform (the published study)


class WeightDecayScope(Enum):
    MATRICES = "matrices"  # the 2-D weights only; norms are not decayed (nanoGPT)
    ALL = "all"  # every parameter (the published study)


class MdlmHead(Enum):
    TIED = "tied"  # MDLM's output layer reuses its input embedding, as the AR model's always does
    UNTIED = "untied"  # a weight matrix of its own (the published study)


class NoiseSchedule(Enum):
    LOGLINEAR = "loglinear"  # mask rate (1 - eps) t (upstream MDLM)
    COSINE = "cosine"  # mask rate sin^2(pi t / 2) (the published study)


class MdlmLoss(Enum):
    NELBO = "nelbo"  # the continuous-time bound over all B·T positions
    MASKED_MEAN = "masked-mean"  # unweighted cross-entropy averaged over the masked tokens


class TimeSampler(Enum):
    ANTITHETIC = "antithetic"  # one uniform shared by the batch, spread evenly over [eps, 1)
    UNIFORM = "uniform"  # t ~ U(0, 1) independently per sequence


class MdlmSampler(Enum):
    ANCESTRAL = "ancestral"
    CACHED = "cached"
    CONFIDENCE = "confidence"


# ---------------------------------------------------------------- sections (the keys Python reads)


@dataclass(frozen=True)
class DataConfig:
    source: Source
    path: str | None
    val_path: str | None
    text_field: str
    text_format: TextFormat
    generated_stories: int
    min_chars: int
    token_budget: int
    separator: Separator
    tokenizer: TokenizerKind
    tokenizer_path: str | None
    vocab_size: int
    split: Split
    val_fraction: float
    split_seed: int
    split_rule: SplitRule
    val_min_chunks: int


@dataclass(frozen=True)
class ModelConfig:
    n_layer: int
    d_model: int
    n_head: int
    d_ff: int
    seq_len: int
    time_conditioning: bool
    time_scale: float
    mdlm_head: MdlmHead
    init: Init
    norm_eps: float
    impl: str | None


@dataclass(frozen=True)
class TrainConfig:
    lr: float  # AdamW's starting value only: Java sets the learning rate of every step
    weight_decay: float
    weight_decay_scope: WeightDecayScope
    ema: float  # decay of the average of the weights that evaluation and sampling use; 0 = off (ema.py)
    beta1: float
    beta2: float
    adam_eps: float
    grad_clip: float
    precision: Precision
    device: Device
    compile: str | bool  # "auto" (on for CUDA), True or False, as the resolved JSON writes them


@dataclass(frozen=True)
class MdlmConfig:
    schedule: NoiseSchedule
    loss: MdlmLoss
    time_sampler: TimeSampler
    eps: float
    eval_draws: int


@dataclass(frozen=True)
class ConfidenceConfig:
    repetition_penalty: float
    repetition_cap: float
    final_temperature_ratio: float
    min_temperature: float


@dataclass(frozen=True)
class SampleConfig:
    length: int
    batch_size: int
    temperature: float
    top_k: int
    top_p: float
    stop_at_eos: bool
    mdlm_sampler: MdlmSampler
    mdlm_steps: int
    float64: bool
    confidence: ConfidenceConfig


@dataclass(frozen=True)
class ExperimentConfig:
    seed: int
    data: DataConfig
    model: ModelConfig
    train: TrainConfig
    mdlm: MdlmConfig
    sample: SampleConfig


# ---------------------------------------------------------------- reading


def read(config: str | dict) -> ExperimentConfig:
    """The resolved config (its JSON text, or the parsed object) as an ExperimentConfig."""
    return section(ExperimentConfig, json.loads(config) if isinstance(config, str) else config, "")


def section(cls, raw, path: str):
    """One section, ``cls`` (a dataclass above), from the mapping ``raw`` found at dotted ``path`` ("" for the top)."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{path or 'The config'} must be a section of keys; found {raw!r}.")
    types = typing.get_type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        key = f"{path}.{field.name}" if path else field.name
        if field.name not in raw:
            raise ConfigError(
                f"{key} is missing from the resolved config; Java sends every key of configs/demo.yaml, so the jar "
                "and this Python package come from different versions — rebuild the jar (make)."
            )
        values[field.name] = _value(types[field.name], raw[field.name], key)
    return cls(**values)


def _value(kind, raw, key: str):
    if dataclasses.is_dataclass(kind):
        return section(kind, raw, key)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(raw)
        except ValueError:
            raise ConfigError(f"{key} is {raw!r}; expected one of {', '.join(m.value for m in kind)}.") from None
    return raw


def keys(cls=ExperimentConfig, path: str = "") -> list[str]:
    """Every dotted key Python reads, derived from the dataclasses (the test that each is in demo.yaml uses it)."""
    types = typing.get_type_hints(cls)
    out = []
    for field in dataclasses.fields(cls):
        key = f"{path}.{field.name}" if path else field.name
        out += keys(types[field.name], key) if dataclasses.is_dataclass(types[field.name]) else [key]
    return out
