"""Python reads the resolved config strictly, and only keys that Java's schema (configs/demo.yaml) has."""

import os
import re
from enum import Enum

import pytest

from conftest import REPO, shipped
from paradigm import config


def leaf_keys(tree: dict, prefix: str = "") -> set[str]:
    out = set()
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        out |= leaf_keys(value, path) if isinstance(value, dict) else {path}
    return out


def test_every_key_python_reads_is_in_demo_yaml():
    demo = leaf_keys(shipped("demo"))
    read = config.keys()  # derived from the dataclasses' fields, not listed by hand
    assert len(read) > 40 and "sample.confidence.repetition_cap" in read and "train.beta2" in read
    assert [key for key in read if key not in demo] == []


@pytest.mark.parametrize("name", ["demo", "tinystories", "arche-2026"])
def test_every_shipped_config_reads(name):
    cfg = config.read(shipped(name))
    assert cfg.seed == 1337 and cfg.model.seq_len in (128, 512)


def test_a_missing_key_is_named_never_defaulted():
    raw = shipped("demo")
    del raw["sample"]["confidence"]["repetition_cap"]
    with pytest.raises(config.ConfigError, match=r"^sample\.confidence\.repetition_cap is missing from the resolved "
                                                 r"config; Java sends every key of configs/demo\.yaml"):
        config.read(raw)


def test_a_value_outside_its_enum_names_the_key_and_the_valid_values():
    raw = shipped("demo")
    raw["mdlm"]["time_sampler"] = "stratified"
    with pytest.raises(config.ConfigError, match=r"^mdlm\.time_sampler is 'stratified'; expected one of antithetic, "
                                                 r"uniform\.$"):
        config.read(raw)


def java_constants(name: str) -> list[str]:
    """The YAML spellings of Java's enum ``name`` (config/NAME.java): constants lower-cased, '_' written '-'."""
    path = os.path.join(REPO, "src", "main", "java", "dev", "paradigm", "config", f"{name}.java")
    with open(path, encoding="utf-8") as f:
        body = re.search(r"public enum \w+ \{(.*?);", f.read(), re.S).group(1)
    return [c.strip().lower().replace("_", "-") for c in body.split(",")]


def test_every_python_enum_spells_its_values_as_the_java_enum_of_the_same_name():
    enums = [v for v in vars(config).values() if isinstance(v, type) and issubclass(v, Enum) and v is not Enum]
    assert len(enums) >= 10
    for enum in enums:
        assert [m.value for m in enum] == java_constants(enum.__name__), enum.__name__
