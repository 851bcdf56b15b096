"""Tokenizers: BPE training, the GPT-2 path, and the decode/encode helpers Java calls."""

import json
import os

import numpy as np
import pytest
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

from paradigm.boundary import PythonError
from paradigm.data.errors import DataError
from paradigm.data import prepare, read_manifest_and_verify
from paradigm.data.generator import generate_stories
from paradigm.data.sources import read_text_stories
from paradigm.data.tokenizer import decode_batch, encode, load_tokenizer, train_bpe
from test_data_support import EOS, config_json, valid_head

# Training text for the tokenizers: the demo's generated stories, so these tests need no file.
STORIES = generate_stories(200, 5)


@pytest.fixture(scope="module")
def bpe_file(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("tok") / "tokenizer.json")
    train_bpe(STORIES, 512).save(path)
    return path


def test_bpe_round_trips_real_tinystories(tmp_path):
    real = read_text_stories(valid_head())[:200]
    path = str(tmp_path / "tokenizer.json")
    train_bpe(real, 512).save(path)
    tok = Tokenizer.from_file(path)
    assert tok.get_vocab_size() == 512
    assert tok.token_to_id(EOS) == 0
    ids = [e.ids for e in tok.encode_batch(real, add_special_tokens=False)]
    assert [tok.decode(i) for i in ids] == real
    # merges were learned: far fewer tokens than bytes
    assert sum(map(len, ids)) < 0.5 * sum(len(s.encode()) for s in real)


def test_bpe_training_is_deterministic():
    assert train_bpe(STORIES[:100], 400).to_str() == train_bpe(STORIES[:100], 400).to_str()


def test_encode_then_decode_batch_round_trips(bpe_file):
    text = STORIES[3]
    ids = encode(bpe_file, text)
    assert ids.dtype == np.int32 and ids.ndim == 1
    assert decode_batch(bpe_file, ids[None, :]) == [text]


def test_decode_batch_strips_the_prompt_eos_and_stops_at_the_next(bpe_file):
    a, b = encode(bpe_file, "The cat sat."), encode(bpe_file, "A dog ran away.")
    width = 1 + len(a) + 1 + len(b)
    rows = np.zeros((4, width), dtype=np.int32)  # eos is id 0, so zeros are eos padding
    rows[0, 1:1 + len(a)] = a; rows[0, 2 + len(a):] = b           # eos a eos b
    rows[1, :len(a)] = a; rows[1, len(a) + 1:len(a) + 1 + len(b)] = b  # a eos b eos
    rows[2, 1:1 + len(a)] = a                                      # eos a eos eos ...
    texts = decode_batch(bpe_file, rows)
    assert texts == ["The cat sat.", "The cat sat.", "The cat sat.", ""]
    full = decode_batch(bpe_file, rows[:2], stop_at_eos=False)
    assert full == ["The cat sat.<|endoftext|>A dog ran away.", "The cat sat.<|endoftext|>A dog ran away.<|endoftext|>"]


def test_decode_batch_rejects_bad_ids(bpe_file):
    with pytest.raises(DataError, match=r"must lie in \[0, 512\); found 600 at row 1, position 2"):
        decode_batch(bpe_file, np.array([[1, 2, 3], [4, 5, 600]], dtype=np.int32))
    with pytest.raises(DataError, match=r"N x L"):
        decode_batch(bpe_file, np.array([1, 2, 3], dtype=np.int32))
    with pytest.raises(DataError, match="cannot be read"):
        encode(bpe_file + ".missing", "hi")


def test_tokenizers_are_cached_until_the_file_changes(tmp_path):
    path = str(tmp_path / "tokenizer.json")
    train_bpe(STORIES[:50], 300).save(path)
    first, _ = load_tokenizer(path)
    assert load_tokenizer(path)[0] is first
    train_bpe(STORIES[:50], 305).save(path)
    os.utime(path, ns=(1, 1))  # a new mtime even on a coarse clock
    second, _ = load_tokenizer(path)
    assert second is not first and second.get_vocab_size() == 305


def _small_gpt2_like(path, vocab=300):
    """A small byte-level BPE with <|endoftext|> last, saved like GPT-2's tokenizer.json."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab - 1, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  show_progress=False)
    tok.train_from_iterator(STORIES, trainer=trainer)
    tok.add_special_tokens([EOS])
    tok.save(str(path))
    return tok


def test_gpt2_kind_reads_a_local_tokenizer_json(tmp_path, capfd):
    ref = _small_gpt2_like(tmp_path / "gpt2.json")
    out = str(tmp_path / "out")
    manifest = json.loads(prepare(config_json(tokenizer="gpt2", tokenizer_path=str(tmp_path / "gpt2.json")), out))
    assert manifest["tokenizer"]["kind"] == "gpt2"
    assert manifest["tokenizer"]["eos_id"] == 299 == ref.token_to_id(EOS)
    assert manifest["tokenizer"]["vocab_size"] == 300
    assert "GPT-2's has 50257" in capfd.readouterr().err  # warned: this is not GPT-2's own vocabulary
    read_manifest_and_verify(out)
    saved = Tokenizer.from_file(os.path.join(out, "tokenizer.json"))
    assert saved.encode(STORIES[0]).ids == ref.encode(STORIES[0]).ids


def test_gpt2_kind_fails_clearly_offline_without_a_path(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "empty-hf-home"))  # no cached gpt2 tokenizer
    with pytest.raises(PythonError, match=r"HF_HUB_OFFLINE is set.*data\.tokenizer_path"):
        prepare(config_json(tokenizer="gpt2", tokenizer_path=None), str(tmp_path / "out"))


def test_gpt2_kind_rejects_a_tokenizer_without_eos_or_a_missing_file(tmp_path):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.train_from_iterator(STORIES[:20], trainer=trainers.BpeTrainer(vocab_size=280, show_progress=False))
    tok.save(str(tmp_path / "no-eos.json"))
    with pytest.raises(PythonError, match=r"has no <\|endoftext\|> token"):
        prepare(config_json(tokenizer="gpt2", tokenizer_path=str(tmp_path / "no-eos.json")), str(tmp_path / "o"))
    with pytest.raises(PythonError, match=r"data\.tokenizer_path must name a tokenizer\.json file.*was not found"):
        prepare(config_json(tokenizer="gpt2", tokenizer_path=str(tmp_path / "nope.json")), str(tmp_path / "o"))
