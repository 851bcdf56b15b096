"""Reading stories: text files in each format (the real TinyStories files among them), JSONL and Parquet (through
datasets), the hub's streaming read (on a local dataset) and the hub offline."""

import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from tokenizers import Tokenizer

from paradigm.boundary import PythonError
from paradigm.config import TextFormat
from paradigm.data import prepare, read_manifest_and_verify
from paradigm.data.generator import generate_stories
from paradigm.data.sources import detect_text_format, read_text_stories
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
    assert m["source"] == {"type": "text", "path": train_path, "text_format": "eot", "val_path": valid_path}
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


# --- text formats ------------------------------------------------------------------------------------------

# Generated stories have line breaks inside (paragraphs), never blank lines.
STORIES = generate_stories(60, 11)
FILES = {
    # TinyStories' own layout: <|endoftext|> lines between stories, which may hold blank lines themselves
    TextFormat.EOT: "".join(s.replace("\n", "\n\n") + f"\n{EOS}\n" for s in STORIES),
    TextFormat.BLANK_LINE: "\n\n\n".join(STORIES) + "\n",
    TextFormat.LINE: "\n".join(s.replace("\n", " ") for s in STORIES) + "\n",
}
EXPECTED = {
    TextFormat.EOT: [s.replace("\n", "\n\n") for s in STORIES],
    TextFormat.BLANK_LINE: STORIES,
    TextFormat.LINE: [s.replace("\n", " ") for s in STORIES],
}


@pytest.mark.parametrize("text_format", list(FILES), ids=lambda f: f.value)
def test_each_text_format_reads_back_its_stories_and_is_detected(tmp_path, monkeypatch, text_format):
    path = tmp_path / "stories.txt"
    path.write_text(FILES[text_format], encoding="utf-8")
    assert detect_text_format(str(path)) is text_format
    assert read_text_stories(str(path), text_format) == EXPECTED[text_format]
    assert read_text_stories(str(path), TextFormat.AUTO) == EXPECTED[text_format]
    monkeypatch.setattr("paradigm.data.sources.TEXT_BLOCK_BYTES", 500)  # stories and separators cut between blocks
    assert read_text_stories(str(path), text_format) == EXPECTED[text_format]


@pytest.mark.parametrize("text_format", ["blank-line", "line"])
def test_prepare_reads_the_configured_text_format_and_records_it(tmp_path, text_format):
    path = tmp_path / "stories.txt"
    path.write_text(FILES[TextFormat(text_format)], encoding="utf-8")
    m = json.loads(prepare(config_json(source="text", path=str(path), text_format=text_format), str(tmp_path / "o")))
    assert m["source"] == {"type": "text", "path": str(path), "text_format": text_format}
    assert m["stories"]["read"] == len(STORIES)
    auto = json.loads(prepare(config_json(source="text", path=str(path)), str(tmp_path / "auto")))
    assert auto["source"]["text_format"] == text_format, "auto records what it detected"
    assert auto["train"]["sha256"] == m["train"]["sha256"]


def test_a_file_read_as_one_huge_story_is_warned_about(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("paradigm.data.sources.HUGE_STORY_CHARS", 5_000)
    path = tmp_path / "stories.txt"
    path.write_text(FILES[TextFormat.LINE], encoding="utf-8")
    assert len(read_text_stories(str(path), TextFormat.EOT)) == 1  # no <|endoftext|>: everything is one story
    err = capsys.readouterr().err
    assert f"warning: {path}, read with data.text_format eot, gave a story of " in err
    assert "(1 stories in all). If its stories are separated another way, set data.text_format to blank-line or line" in err
    read_text_stories(str(path), TextFormat.LINE)
    assert "warning" not in capsys.readouterr().err


# --- JSONL, Parquet and the hub through datasets -------------------------------------------------------------


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


class _CountingStream:
    """A streamed dataset that counts the records its reader pulled."""

    def __init__(self, ds):
        self.ds, self.features, self.rows = ds, ds.features, 0

    def iter(self, batch_size):
        for batch in self.ds.iter(batch_size=batch_size):
            self.rows += len(next(iter(batch.values())))
            yield batch


def test_the_hub_is_streamed_only_as_far_as_the_token_budget_needs(tmp_path, monkeypatch):
    # The hub is out of reach here, so the hub path reads a local JSONL dataset: same loader call (streaming), same
    # reading loop; only where the records come from differs.
    import datasets

    path = tmp_path / "hub.jsonl"
    records = [{"text": s} for s in generate_stories(2000, 3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    streams = []
    real_load = datasets.load_dataset

    def local_hub(builder, split, streaming):
        assert (builder, split, streaming) == ("roneneldan/TinyStories", "train", True)
        streams.append(_CountingStream(real_load("json", data_files={"train": str(path)}, split="train", streaming=True)))
        return streams[-1]

    monkeypatch.setattr("paradigm.data.sources.hub_unreachable_reason", lambda: None)
    monkeypatch.setattr(datasets, "load_dataset", local_hub)
    monkeypatch.setattr("paradigm.data.sources.DATASETS_BATCH", 100)
    budget, seq_len = 20_000, 64
    m = json.loads(prepare(config_json(source="hub", token_budget=budget, seq_len=seq_len), str(tmp_path / "o")))
    read = streams[0].rows
    assert m["stories"]["read"] == read
    assert read < len(records) / 2, f"read {read} of {len(records)} records for a budget of {budget} tokens"
    chars_before_last_batch = sum(len(r["text"]) for r in records[:read - 100])
    assert chars_before_last_batch < budget * 8 <= sum(len(r["text"]) for r in records[:read])
    assert m["source"] == {"type": "hub", "hub_id": "roneneldan/TinyStories", "split": "train", "text_field": "text",
                           "max_chars": budget * 8}
    assert m["train"]["tokens"] + m["val"]["tokens"] == budget // seq_len * seq_len


@pytest.mark.parametrize("bad, problem", [('{"story": "cut', "Unterminated string"), ("[1, 2]", "found list")])
def test_a_malformed_jsonl_line_is_named_by_its_line_number_counting_from_1(tmp_path, bad, problem):
    path = tmp_path / "s.jsonl"
    lines = [json.dumps(r) for r in _records(5)]
    lines[2] = ""  # a blank line still counts, as in an editor
    lines[3] = bad
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PythonError, match=rf"s\.jsonl line 4 is not a JSON object \({problem}"):
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
