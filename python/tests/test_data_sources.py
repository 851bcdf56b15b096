"""Reading stories: the TinyStories text files, JSONL and Parquet (through datasets), and the hub offline."""

import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from tokenizers import Tokenizer

from paradigm.boundary import PythonError
from paradigm.data import prepare, read_manifest_and_verify
from paradigm.data.generator import generate_stories
from paradigm.data.sources import read_text_stories
from paradigm.data.tokenstore import read_tokens
from test_data_support import EOS, REPO, config, config_json, train_head, valid_head


def _stories_by_hand(path):
    """The stories of a TinyStories text file: split the whole text on the separator, drop blanks."""
    with open(path, encoding="utf-8") as f:
        return [s.strip() for s in f.read().split(EOS) if s.strip()]


def test_text_reader_finds_the_stories_of_the_real_files():
    # the counts of the shared README: 2316 and 1000 stories
    assert len(read_text_stories(train_head())) == 2316
    valid = read_text_stories(valid_head())
    assert len(valid) == 1000
    assert valid == _stories_by_hand(valid_head())
    assert "\n\n" in valid[1]  # paragraphs inside a story survive


def test_text_reader_joins_stories_across_blocks(tmp_path, monkeypatch):
    path = valid_head()
    monkeypatch.setattr("paradigm.data.sources.TEXT_BLOCK_BYTES", 1000)  # many blocks, stories cut between them
    assert read_text_stories(path) == _stories_by_hand(path)


def test_prepare_real_tinystories_text_with_its_validation_file(tmp_path):
    train_path, valid_path = train_head(), valid_head()
    out = str(tmp_path / "out")
    cfg = config_json(seq_len=128, source="text", path=train_path, val_path=valid_path, split="dataset",
                      token_budget=20000, vocab_size=1024)
    m = json.loads(prepare(cfg, out))
    read_manifest_and_verify(out)
    assert m["source"] == {"type": "text", "path": train_path, "val_path": valid_path}
    assert m["stories"]["read"] == 2316
    assert m["train"]["chunks"] == 20000 // 128
    # the first training chunk decodes to the start of the file's story stream
    tok = Tokenizer.from_file(os.path.join(out, "tokenizer.json"))
    _, train = read_tokens(os.path.join(out, "train.bin"))
    stream_text = "".join(s + EOS for s in _stories_by_hand(train_path)[:20])
    first = tok.decode(train[0].tolist(), skip_special_tokens=False)
    assert len(first) > 300 and stream_text.startswith(first)
    # validation: every story of the validation file that is long enough, whole
    _, val = read_tokens(os.path.join(out, "val.bin"))
    val_stories = [s for s in _stories_by_hand(valid_path) if len(s) >= 51]
    n_val_tokens = sum(len(e.ids) + 1 for e in tok.encode_batch(val_stories, add_special_tokens=False))
    assert len(val) == n_val_tokens // 128


def test_the_tinystories_cpu_config_prepares_from_the_local_files(tmp_path):
    """configs/tinystories-cpu.yaml with the README's offline overrides: its token budget fits in the local head."""
    cfg = config(seq_len=128)
    with open(os.path.join(REPO, "configs", "tinystories-cpu.yaml"), encoding="utf-8") as f:
        for section, values in yaml.safe_load(f).items():
            cfg[section] = {**cfg[section], **values} if isinstance(values, dict) else values
    cfg["data"].update(source="text", path=train_head(), val_path=valid_head())
    m = json.loads(prepare(json.dumps(cfg), str(tmp_path / "out")))
    budget, seq_len = cfg["data"]["token_budget"], cfg["model"]["seq_len"]
    assert m["train"]["tokens"] == budget // seq_len * seq_len
    assert m["tokenizer"]["vocab_size"] == cfg["data"]["vocab_size"] and m["split"]["kind"] == "dataset"
    assert m["val"]["chunks"] >= cfg["train"]["eval_batches"] * cfg["train"]["batch_size"]  # evaluations fit


def _records(n=120):
    return [{"id": i, "story": s} for i, s in enumerate(generate_stories(n, 5))]


def test_jsonl_with_a_named_text_field(tmp_path):
    path = tmp_path / "stories.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    m = json.loads(prepare(config_json(source="jsonl", path=str(path), text_field="story"), str(tmp_path / "o")))
    assert m["source"] == {"type": "jsonl", "path": str(path), "text_field": "story"}
    assert m["stories"]["read"] == 120
    tok = Tokenizer.from_file(str(tmp_path / "o" / "tokenizer.json"))
    expected = sum(len(tok.encode(r["story"]).ids) + 1 for r in _records())
    assert m["train"]["tokens"] + m["val"]["tokens"] == expected // 64 * 64


def test_parquet_matches_jsonl(tmp_path):
    jsonl, parquet = tmp_path / "s.jsonl", tmp_path / "s.parquet"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(_records()), parquet)
    a = json.loads(prepare(config_json(source="jsonl", path=str(jsonl), text_field="story"), str(tmp_path / "a")))
    b = json.loads(prepare(config_json(source="parquet", path=str(parquet), text_field="story"), str(tmp_path / "b")))
    assert b["source"]["type"] == "parquet"
    assert a["train"]["sha256"] == b["train"]["sha256"] and a["val"]["sha256"] == b["val"]["sha256"]


@pytest.mark.parametrize("kind", ["jsonl", "parquet"])
def test_a_missing_text_field_lists_the_fields(tmp_path, kind):
    path = tmp_path / f"s.{kind}"
    if kind == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in _records(5)), encoding="utf-8")
    else:
        pq.write_table(pa.Table.from_pylist(_records(5)), path)
    with pytest.raises(PythonError, match=r"has no field 'text' \(data\.text_field\); the fields it has are: 'id', 'story'"):
        prepare(config_json(source=kind, path=str(path), text_field="text"), str(tmp_path / "o"))


def test_a_record_without_text_is_named(tmp_path):
    path = tmp_path / "s.jsonl"
    records = _records(5)
    records[3]["story"] = None
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pytest.raises(PythonError, match=r"Record 4 of .* has no text in field 'story'"):
        prepare(config_json(source="jsonl", path=str(path), text_field="story"), str(tmp_path / "o"))


def test_hub_offline_names_the_local_alternatives(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(PythonError) as err:
        prepare(config_json(source="hub"), str(tmp_path))
    message = str(err.value)
    assert "roneneldan/TinyStories" in message and "HF_HUB_OFFLINE is set" in message
    assert "data.source: text" in message and "TinyStories-train.txt" in message
    assert "jsonl" in message and "parquet" in message


def test_hub_unreachable_fails_after_a_short_probe(tmp_path, monkeypatch):
    for var in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    probes = []

    def no_network(address, timeout):
        probes.append((address, timeout))
        raise OSError("Network is unreachable")

    monkeypatch.setattr("paradigm.data.sources.socket.create_connection", no_network)
    with pytest.raises(PythonError, match=r"huggingface\.co:443 did not answer within 5 s \(Network is unreachable\)"):
        prepare(config_json(source="hub"), str(tmp_path))
    assert probes == [(("huggingface.co", 443), 5.0)]
