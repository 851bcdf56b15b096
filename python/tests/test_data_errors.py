"""Every bad input to prepare() gives a clear error that says what is wrong (checked through the Java entry)."""

import json

import pytest
from tokenizers import Tokenizer

from paradigm.boundary import PythonError
from paradigm.data import prepare
from paradigm.data.generator import generate_stories
from test_data_support import config, config_json


def _fails(cfg, tmp_path, pattern):
    with pytest.raises(PythonError, match=pattern) as err:
        prepare(cfg if isinstance(cfg, str) else json.dumps(cfg), str(tmp_path / "out"))
    assert str(err.value).split(":")[0] in ("DataError", "ConfigError")  # a data problem, not a crash
    return str(err.value)


def test_missing_file(tmp_path):
    missing = tmp_path / "nowhere" / "TinyStories-train.txt"
    _fails(config_json(source="text", path=str(missing)), tmp_path,
           rf"data\.path must name an existing file; '{missing}' .* is not found")


def test_missing_validation_file(tmp_path):
    train = tmp_path / "train.txt"
    train.write_text("A story that is long enough to keep, about a cat and a dog who play.\n", encoding="utf-8")
    _fails(config_json(source="text", path=str(train), split="dataset", val_path=str(tmp_path / "v.txt")), tmp_path,
           r"data\.val_path must name an existing file")


@pytest.mark.parametrize("content", ["", "\n\n<|endoftext|>\n  \n<|endoftext|>\n"])
def test_empty_corpus(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    _fails(config_json(source="text", path=str(path)), tmp_path, r"The training corpus is empty: no story was found")


def test_no_story_left_after_filtering(tmp_path):
    longest = max(len(s) for s in generate_stories(300, 1337))
    message = _fails(config_json(min_chars=5000), tmp_path, r"data\.min_chars = 5000 characters")
    assert f"the longest of the 300 stories has {longest} characters" in message


def test_non_utf8_bytes_say_where(tmp_path):
    path = tmp_path / "latin1.txt"
    data = "Once upon a time there was a cat.\n<|endoftext|>\nThe caf".encode() + b"\xe9 was open.\n"
    path.write_bytes(data)
    offset = data.index(b"\xe9")  # line 3, the 8th byte of "The caf\xe9"
    _fails(config_json(source="text", path=str(path)), tmp_path,
           rf"latin1\.txt is not valid UTF-8: byte 0xe9 at byte offset {offset} \(line 3, byte 8 of the line\)")


def test_non_utf8_in_jsonl_says_where(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "fine"}\n{"text": "caf\xe9"}\n')
    # line 1 is 17 bytes; on line 2, `{"text": "caf` is 13 bytes, so the bad byte is the 14th, at offset 30
    _fails(config_json(source="jsonl", path=str(path)), tmp_path, r"byte 0xe9 at byte offset 30 \(line 2, byte 14 of")


def test_token_budget_larger_than_the_corpus(tmp_path):
    cfg = config(token_budget=10**7)
    # the size of the corpus, worked out with a tokenizer from the same config (every story + one eos)
    prepare(json.dumps(config()), str(tmp_path / "ok"))
    tok = Tokenizer.from_file(str(tmp_path / "ok" / "tokenizer.json"))
    tokens = sum(len(tok.encode(s).ids) + 1 for s in generate_stories(300, 1337))
    _fails(cfg, tmp_path, rf"data\.token_budget is 10,000,000 tokens, but the training text has only {tokens:,} tokens")


def test_seq_len_larger_than_the_data(tmp_path):
    _fails(config_json(seq_len=8192, generated_stories=60), tmp_path,
           r"model\.seq_len = 8192 is too long for the data: .* at least 2 training chunks and 1 validation chunk")


def test_validation_too_short_for_one_chunk(tmp_path):
    _fails(config_json(seq_len=1024, split="dataset", val_fraction=0.01), tmp_path,
           r"gives \d+ training and 0 validation chunks of 1024 tokens")


def test_unknown_source_names_the_valid_ones(tmp_path):
    # Java rejects it first (exit 2); a hand-made JSON still gets a message that names the key.
    _fails(config_json(source="csv"), tmp_path, r"ConfigError: data\.source is 'csv'; expected one of generated, hub, "
           r"text, jsonl, parquet")


def test_missing_key_names_it(tmp_path):
    cfg = config()
    del cfg["data"]["split_seed"]
    _fails(cfg, tmp_path, r"ConfigError: data\.split_seed is missing from the resolved config")
