"""The prepare stage: stories -> tokenizer -> token stream -> train.bin / val.bin / manifest.json.

    load stories (sources.py) -> drop the short ones -> train or load the tokenizer (tokenizer.py)
    -> tokenize in batches (eos after each story, or nothing) -> keep the first token_budget tokens
    -> cut into non-overlapping seq_len chunks (the tail is dropped) -> split train/val
    -> write the token files (tokenstore.py), tokenizer.json and the manifest.

Java calls `prepare(config_json, out_dir)`; it decides where out_dir is and renames it into place.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field

import numpy as np

from paradigm import config as config_module
from paradigm.boundary import java_entry
from paradigm.config import ExperimentConfig, Separator, Split, TokenizerKind
from paradigm.data.errors import DataError
from paradigm.data.progress import TokenProgress, log
from paradigm.data.sources import load_corpus
from paradigm.data.tokenizer import encode_stories, eos_id_of, load_gpt2, train_bpe
from paradigm.data.tokenstore import atomic_write, read_header, sha256_file, token_dtype, write_token_file

ENCODE_BATCH = 2048  # stories per encode_batch call: large enough to keep the tokenizer's threads busy
TOKENIZER_FILE, TRAIN_FILE, VAL_FILE, MANIFEST_FILE = "tokenizer.json", "train.bin", "val.bin", "manifest.json"


@dataclass
class Prepared:
    manifest: dict
    seconds: dict = field(default_factory=dict)  # phase -> wall seconds (for the benchmark, not the manifest)
    tokens: int = 0  # train + val tokens produced by the tokenisation phase


@java_entry
def prepare(config_json: str, out_dir: str) -> str:
    """Prepares the token store in out_dir; returns the manifest as JSON (also written to manifest.json)."""
    return json.dumps(prepare_data(config_module.read(config_json), out_dir).manifest, indent=2)


def prepare_data(cfg: ExperimentConfig, out_dir: str) -> Prepared:
    """Reads cfg.data, model.seq_len (the chunk length) and the seed (of a generated corpus)."""
    data, seq_len = cfg.data, cfg.model.seq_len
    seconds = {}
    clock = time.perf_counter()
    os.makedirs(out_dir, exist_ok=True)

    corpus = load_corpus(cfg)
    train_stories, stats = keep_long_enough(corpus.train, data.min_chars, "training")
    val_stories = None
    if corpus.val is not None:
        val_stories, _ = keep_long_enough(corpus.val, data.min_chars, "validation")
    seconds["load"] = _lap(clock)
    log(f"read {stats['read']:,} stories, kept {stats['kept']:,} (dropped {stats['dropped_short']:,} "
        f"shorter than {data.min_chars} characters)")

    t = time.perf_counter()
    # BPE learns from every kept story, not only those within token_budget: the budget is counted in its tokens
    if data.tokenizer is TokenizerKind.BPE:
        tok = train_bpe(train_stories, data.vocab_size)
        if tok.get_vocab_size() < data.vocab_size:
            log(f"note: the training text supports only {tok.get_vocab_size():,} BPE tokens of the "
                f"{data.vocab_size:,} asked for (data.vocab_size); the smaller vocabulary is used.")
    else:
        tok = load_gpt2(data.tokenizer_path)
    eos_id = eos_id_of(tok, data.tokenizer.value)
    vocab_size = tok.get_vocab_size(with_added_tokens=True)
    tokenizer_text = tok.to_str(pretty=True)
    seconds["tokenizer"] = _lap(t)

    t = time.perf_counter()
    dtype = token_dtype(vocab_size)
    eos = eos_id if data.separator is Separator.EOS else None
    train_tokens = tokenize(tok, train_stories, eos, dtype, data.token_budget, "tokenize train")
    if data.token_budget:
        if len(train_tokens) < data.token_budget:
            raise DataError(f"data.token_budget is {data.token_budget:,} tokens, but the training text has only "
                            f"{len(train_tokens):,} tokens; lower data.token_budget (0 keeps all) or add data.")
        train_tokens = train_tokens[:data.token_budget]
    val_tokens = None if val_stories is None else tokenize(tok, val_stories, eos, dtype, 0, "tokenize val")
    seconds["tokenize"] = _lap(t)
    n_tokens = len(train_tokens) + (0 if val_tokens is None else len(val_tokens))

    t = time.perf_counter()
    train_chunks, val_chunks = split_chunks(cfg, train_tokens, val_tokens)
    tokenizer_sha, _ = atomic_write(os.path.join(out_dir, TOKENIZER_FILE), [tokenizer_text.encode("utf-8")])
    train_sha, train_bytes = write_token_file(os.path.join(out_dir, TRAIN_FILE), train_chunks, vocab_size)
    val_sha, val_bytes = write_token_file(os.path.join(out_dir, VAL_FILE), val_chunks, vocab_size)
    manifest = {
        "format": "paradigm-tokens", "version": 1,
        "source": corpus.info,
        "tokenizer": {"kind": data.tokenizer.value, "file": TOKENIZER_FILE, "vocab_size": vocab_size,
                      "eos_id": eos_id, "sha256": tokenizer_sha},
        "dtype": "uint16" if dtype.itemsize == 2 else "int32",
        "seq_len": seq_len, "separator": data.separator.value,
        "stories": stats,
        "split": {"kind": data.split.value, "val_fraction": data.val_fraction, "seed": data.split_seed},
        "train": {"file": TRAIN_FILE, "chunks": len(train_chunks), "tokens": train_chunks.size,
                  "sha256": train_sha, "bytes": train_bytes},
        "val": {"file": VAL_FILE, "chunks": len(val_chunks), "tokens": val_chunks.size,
                "sha256": val_sha, "bytes": val_bytes},
        "unigram_entropy_nats": unigram_entropy_nats(train_chunks, vocab_size),
    }
    atomic_write(os.path.join(out_dir, MANIFEST_FILE), [(json.dumps(manifest, indent=2) + "\n").encode("utf-8")])
    seconds["write"] = _lap(t)
    seconds["total"] = _lap(clock)
    log(f"wrote {manifest['train']['chunks']:,} training and {manifest['val']['chunks']:,} validation chunks of "
        f"{seq_len} tokens to {out_dir} in {seconds['total']:.2f} s")
    return Prepared(manifest, seconds, n_tokens)


def _lap(since: float) -> float:
    return time.perf_counter() - since


def keep_long_enough(stories: list[str], min_chars: int, which: str) -> tuple[list[str], dict]:
    """Stripped stories of at least min_chars characters, and the counts for the manifest."""
    if not stories:
        raise DataError(f"The {which} corpus is empty: no story was found. Check data.source and the file "
                        f"it reads (stories in text files are separated by <|endoftext|>).")
    stripped = [s.strip() for s in stories]
    kept = [s for s in stripped if len(s) >= min_chars]
    if not kept:
        raise DataError(f"No {which} story is left after dropping those shorter than data.min_chars = "
                        f"{min_chars} characters: the longest of the {len(stories):,} stories has "
                        f"{max(map(len, stripped))} characters. Lower data.min_chars.")
    return kept, {"read": len(stories), "kept": len(kept), "dropped_short": len(stories) - len(kept)}


def tokenize(tok, stories: list[str], eos: int | None, dtype: np.dtype, budget: int, what: str) -> np.ndarray:
    """One token stream: each story's ids, then `eos` if given. Stops early once `budget` (>0) is reached."""
    pieces, total = [], 0
    eos_piece = None if eos is None else np.array([eos], dtype=np.int32)
    progress = TokenProgress(what, total=budget or None)
    for start in range(0, len(stories), ENCODE_BATCH):
        ids = encode_stories(tok, stories[start:start + ENCODE_BATCH])
        if eos_piece is not None:
            ids = [part for story in ids for part in (story, eos_piece)]
        batch = np.concatenate(ids).astype(dtype)
        pieces.append(batch)
        total += len(batch)
        progress.update(len(batch))
        if budget and total >= budget:
            break
    progress.close()
    return np.concatenate(pieces) if pieces else np.zeros(0, dtype=dtype)


def pack(tokens: np.ndarray, seq_len: int) -> np.ndarray:
    """Non-overlapping chunks of seq_len tokens; the tail that does not fill a chunk is dropped."""
    n_chunks = len(tokens) // seq_len
    return tokens[:n_chunks * seq_len].reshape(n_chunks, seq_len)


def split_chunks(cfg: ExperimentConfig, train_tokens: np.ndarray, val_tokens: np.ndarray | None):
    """(train chunks, val chunks). random: a seeded share of the chunks goes to val; both keep stream order."""
    chunks = pack(train_tokens, cfg.model.seq_len)
    if cfg.data.split is Split.RANDOM:
        n_val = max(1, int(len(chunks) * cfg.data.val_fraction + 0.5))
        _check_enough(cfg, max(0, len(chunks) - n_val), min(n_val, len(chunks)), len(train_tokens), None)
        val_rows = np.sort(np.random.default_rng(cfg.data.split_seed).permutation(len(chunks))[:n_val])
        is_val = np.zeros(len(chunks), dtype=bool)
        is_val[val_rows] = True
        return chunks[~is_val], chunks[is_val]
    val = pack(val_tokens, cfg.model.seq_len)
    _check_enough(cfg, len(chunks), len(val), len(train_tokens), len(val_tokens))
    return chunks, val


def _check_enough(cfg: ExperimentConfig, n_train: int, n_val: int, train_tokens: int, val_tokens: int | None) -> None:
    if n_train >= 2 and n_val >= 1:
        return
    source = (f"the training text has {train_tokens:,} tokens" if val_tokens is None else
              f"the training text has {train_tokens:,} tokens and the validation text {val_tokens:,}")
    seq_len = cfg.model.seq_len
    raise DataError(f"model.seq_len = {seq_len} is too long for the data: {source}, which gives {n_train} "
                    f"training and {n_val} validation chunks of {seq_len} tokens; at least 2 training chunks "
                    f"and 1 validation chunk are needed. Lower model.seq_len, raise data.token_budget "
                    f"(0 keeps all) or use more data.")


def unigram_entropy_nats(chunks: np.ndarray, vocab_size: int) -> float:
    """Entropy of the token frequencies; exp of it is the unigram perplexity baseline."""
    counts = np.bincount(chunks.ravel(), minlength=vocab_size)
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log(p)).sum())


def read_manifest_and_verify(out_dir: str) -> dict:
    """The manifest of a prepared folder, after checking every file's sha256, size and header against it."""
    with open(os.path.join(out_dir, MANIFEST_FILE), encoding="utf-8") as f:
        manifest = json.load(f)
    entries = [manifest["tokenizer"], manifest["train"], manifest["val"]]
    for entry in entries:
        path = os.path.join(out_dir, entry["file"])
        actual = sha256_file(path)
        if actual != entry["sha256"]:
            raise DataError(f"{path} has sha256 {actual}, but the manifest says {entry['sha256']}; the file changed "
                            f"after it was prepared. HINT: prepare the data again.")
    for entry in entries[1:]:
        path = os.path.join(out_dir, entry["file"])
        header = read_header(path)
        found = (header.seq_len, header.n_chunks, header.vocab_size, os.path.getsize(path))
        expected = (manifest["seq_len"], entry["chunks"], manifest["tokenizer"]["vocab_size"], entry["bytes"])
        if found != expected:
            raise DataError(f"{path} has (seq_len, chunks, vocab_size, bytes) = {found}; the manifest says {expected}.")
    return manifest
