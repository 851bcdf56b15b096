"""prepare() on the generated corpus: the files, the manifest and the split, checked against a reference."""

import collections
import json
import math
import os
import struct

import numpy as np
import pytest
from tokenizers import Tokenizer

from paradigm.data import prepare, read_manifest_and_verify
from paradigm.data.generator import generate_stories
from paradigm.data.tokenstore import read_tokens
from test_data_support import config_json

SEQ = 64


def _read_bin(path):
    """Header and tokens, decoded with struct/numpy from the format in docs/boundary.md."""
    with open(path, "rb") as f:
        raw = f.read()
    header = struct.unpack("<256i", raw[:1024])
    dtype = {2: "<u2", 4: "<i4"}[header[2]]
    return header, np.frombuffer(raw[1024:], dtype=dtype).reshape(header[4], header[3])


def _reference_stream(tokenizer_file, stories, eos):
    """The token stream made one story at a time (the slow, obvious way)."""
    tok = Tokenizer.from_file(tokenizer_file)
    stream = []
    for s in stories:
        stream += tok.encode(s.strip(), add_special_tokens=False).ids + ([eos] if eos is not None else [])
    return stream


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("prepared"))
    manifest = json.loads(prepare(config_json(seq_len=SEQ), out))
    return out, manifest


def test_writes_exactly_the_four_files_and_the_manifest_verifies(prepared):
    out, manifest = prepared
    assert sorted(os.listdir(out)) == ["manifest.json", "tokenizer.json", "train.bin", "val.bin"]  # no .tmp left
    with open(os.path.join(out, "manifest.json")) as f:
        assert json.load(f) == manifest
    assert read_manifest_and_verify(out) == manifest


def test_manifest_describes_the_data(prepared):
    out, m = prepared
    assert m["format"] == "paradigm-tokens" and m["version"] == 1
    assert m["source"] == {"type": "generated", "stories": 300, "seed": 1337, "generator": "paradigm.data.generator"}
    assert m["tokenizer"]["kind"] == "bpe" and m["tokenizer"]["file"] == "tokenizer.json"
    assert m["tokenizer"]["vocab_size"] == 400 and m["tokenizer"]["eos_id"] == 0
    assert (m["dtype"], m["seq_len"], m["separator"]) == ("uint16", SEQ, "eos")
    assert m["stories"] == {"read": 300, "kept": 300, "dropped_short": 0}  # every story has > 51 characters
    assert m["split"] == {"kind": "random", "val_fraction": 0.05, "seed": 42, "rule": "sorted-sample",
                          "val_min_chunks": 1}
    for part in ("train", "val"):
        header, chunks = _read_bin(os.path.join(out, m[part]["file"]))
        assert header[:6] == (20260127, 1, 2, SEQ, m[part]["chunks"], 400) and not any(header[6:])
        assert m[part]["tokens"] == chunks.size == m[part]["chunks"] * SEQ
        assert m[part]["bytes"] == 1024 + 2 * chunks.size == os.path.getsize(os.path.join(out, m[part]["file"]))


def test_chunks_are_the_reference_stream_split_by_a_seeded_share(prepared):
    out, m = prepared
    stream = _reference_stream(os.path.join(out, "tokenizer.json"), generate_stories(300, 1337), eos=0)
    n = len(stream) // SEQ
    reference = np.array(stream[:n * SEQ]).reshape(n, SEQ)
    _, train = _read_bin(os.path.join(out, "train.bin"))
    _, val = _read_bin(os.path.join(out, "val.bin"))
    assert len(val) == round(0.05 * n) and len(train) + len(val) == n
    # walk the reference once: each chunk must be the next train chunk or the next val chunk
    train_i = val_i = 0
    val_at = []
    for i, row in enumerate(reference):
        if train_i < len(train) and np.array_equal(row, train[train_i]):
            train_i += 1
        elif val_i < len(val) and np.array_equal(row, val[val_i]):
            val_at.append(i)
            val_i += 1
        else:
            pytest.fail(f"reference chunk {i} is neither the next training nor the next validation chunk")
    assert val_at != list(range(n - len(val), n))  # drawn at random, not the tail


def test_unigram_entropy_matches_a_direct_count(prepared):
    out, m = prepared
    _, train = _read_bin(os.path.join(out, "train.bin"))
    counts = collections.Counter(train.ravel().tolist())
    total = sum(counts.values())
    entropy = -sum(c / total * math.log(c / total) for c in counts.values())
    assert m["unigram_entropy_nats"] == pytest.approx(entropy, rel=1e-12)


def test_read_tokens_maps_the_chunks(prepared):
    out, m = prepared
    header, chunks = read_tokens(os.path.join(out, "train.bin"))
    assert (header.seq_len, header.n_chunks, header.vocab_size) == (SEQ, m["train"]["chunks"], 400)
    assert np.array_equal(chunks, _read_bin(os.path.join(out, "train.bin"))[1])


def test_same_config_gives_byte_identical_files(prepared, tmp_path):
    out, _ = prepared
    prepare(config_json(seq_len=SEQ), str(tmp_path))
    for name in ("manifest.json", "tokenizer.json", "train.bin", "val.bin"):
        with open(os.path.join(out, name), "rb") as a, open(os.path.join(tmp_path, name), "rb") as b:
            assert a.read() == b.read(), name


def test_a_changed_file_fails_verification(prepared, tmp_path):
    out, _ = prepared
    for name in os.listdir(out):
        with open(os.path.join(out, name), "rb") as src, open(tmp_path / name, "wb") as dst:
            dst.write(src.read())
    with open(tmp_path / "val.bin", "r+b") as f:
        f.seek(2000)
        byte = f.read(1)
        f.seek(2000)
        f.write(bytes([byte[0] ^ 1]))
    with pytest.raises(ValueError, match=r"val\.bin has sha256 .* but the manifest says"):
        read_manifest_and_verify(str(tmp_path))


def test_separator_none_concatenates_without_eos(tmp_path):
    m = json.loads(prepare(config_json(separator="none"), str(tmp_path)))
    stream = _reference_stream(str(tmp_path / "tokenizer.json"), generate_stories(300, 1337), eos=None)
    assert m["separator"] == "none"
    assert m["train"]["chunks"] + m["val"]["chunks"] == len(stream) // SEQ
    _, train = _read_bin(str(tmp_path / "train.bin"))
    assert not (train == m["tokenizer"]["eos_id"]).any()


def test_token_budget_keeps_the_first_tokens(tmp_path):
    m = json.loads(prepare(config_json(token_budget=5000, split="dataset", val_fraction=0.1), str(tmp_path)))
    stream = _reference_stream(str(tmp_path / "tokenizer.json"), generate_stories(300, 1337), eos=0)
    _, train = _read_bin(str(tmp_path / "train.bin"))
    assert m["train"]["chunks"] == 5000 // SEQ
    assert train.ravel().tolist() == stream[:5000 // SEQ * SEQ]
    # split: dataset on the generated source: validation comes from a separate seed stream, whole
    val_stream = _reference_stream(str(tmp_path / "tokenizer.json"), generate_stories(30, 1337, "validation"), eos=0)
    assert m["source"]["val_stories"] == 30
    assert m["val"]["chunks"] == len(val_stream) // SEQ
    _, val = _read_bin(str(tmp_path / "val.bin"))
    assert val.ravel().tolist() == val_stream[:len(val) * SEQ]


def test_min_chars_drops_short_stories(tmp_path):
    stories = generate_stories(300, 1337)
    threshold = sorted(len(s) for s in stories)[100]  # about a third are shorter
    m = json.loads(prepare(config_json(min_chars=threshold), str(tmp_path)))
    shorter = sum(len(s.strip()) < threshold for s in stories)
    assert m["stories"] == {"read": 300, "kept": 300 - shorter, "dropped_short": shorter}
