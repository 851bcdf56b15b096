"""Tokenizers: a byte-level BPE trained on the training text, or GPT-2's; and the helpers Java calls.

Both are byte-level, so every string encodes and `decode(encode(text)) == text`. The end-of-story token
is `<|endoftext|>` in both (id 0 in a trained BPE, 50256 in GPT-2's). The Engine encodes prompts and decodes
samples through `encode` and `decode_batch`, which load a tokenizer.json once and keep it.
"""

from __future__ import annotations

import functools
import os
from typing import Iterable

import numpy as np
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

from paradigm.data.errors import DataError
from paradigm.data.progress import log

EOS_TOKEN = "<|endoftext|>"  # TinyStories' own story separator, and GPT-2's end-of-text token
BYTE_ALPHABET = 256  # a byte-level BPE needs one token per byte before any merge
GPT2_VOCAB = 50257
GPT2_EOS = 50256
TRAIN_BATCH = 1000  # stories per batch handed to the BPE trainer


def train_bpe(stories: list[str], vocab_size: int) -> Tokenizer:
    """A byte-level BPE (GPT-2's pre-tokenisation, no normaliser) trained on `stories`; deterministic."""
    if vocab_size < BYTE_ALPHABET + 1:
        raise DataError(f"A byte-level BPE needs vocab_size >= {BYTE_ALPHABET + 1} ({BYTE_ALPHABET} bytes plus "
                        f"{EOS_TOKEN}); found {vocab_size}.")
    tok = Tokenizer(models.BPE())  # no unknown token: the byte alphabet covers every input
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=2,  # a pair seen once is not a pattern worth a token
        special_tokens=[EOS_TOKEN],  # first, so the end-of-story id is 0
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    batches = (stories[i:i + TRAIN_BATCH] for i in range(0, len(stories), TRAIN_BATCH))
    tok.train_from_iterator(batches, trainer=trainer, length=len(stories))
    return tok


def load_gpt2(tokenizer_path: str | None) -> Tokenizer:
    """GPT-2's tokenizer from a local tokenizer.json, or (path None) from the HF cache or the hub."""
    if tokenizer_path is not None:
        if not os.path.isfile(tokenizer_path):
            raise DataError(f"data.tokenizer_path must name a tokenizer.json file; {tokenizer_path!r} "
                            f"(absolute: {os.path.abspath(tokenizer_path)}) was not found.")
        tok = _from_file(tokenizer_path)
    else:
        tok = _gpt2_from_hub()
    eos = eos_id_of(tok, tokenizer_path or "gpt2")
    vocab = tok.get_vocab_size(with_added_tokens=True)
    if (vocab, eos) != (GPT2_VOCAB, GPT2_EOS):
        log(f"warning: {tokenizer_path or 'gpt2'} has {vocab} tokens with {EOS_TOKEN} = {eos}; GPT-2's has "
             f"{GPT2_VOCAB} with {EOS_TOKEN} = {GPT2_EOS}. Using it as given.")
    return tok


def _from_file(path: str) -> Tokenizer:
    try:
        return Tokenizer.from_file(path)
    except Exception as exc:  # noqa: BLE001 — tokenizers raises a bare Exception for a malformed file
        raise DataError(f"{path} is not a tokenizer.json that the `tokenizers` library can read: {exc}") from exc


def _gpt2_from_hub() -> Tokenizer:
    from paradigm.data.sources import hub_offline_message, hub_unreachable_reason

    try:  # a copy in the Hugging Face cache works offline
        from huggingface_hub import try_to_load_from_cache

        cached = try_to_load_from_cache("gpt2", "tokenizer.json")
        if isinstance(cached, str):
            return _from_file(cached)
    except ImportError:
        pass
    reason = hub_unreachable_reason()
    hint = " Or set data.tokenizer_path to a local GPT-2 tokenizer.json."
    if reason is not None:
        raise DataError(hub_offline_message("the gpt2 tokenizer", reason) + hint)
    try:
        return Tokenizer.from_pretrained("gpt2")
    except Exception as exc:  # noqa: BLE001
        raise DataError(hub_offline_message("the gpt2 tokenizer", f"{type(exc).__name__}: {exc}") + hint) from exc


def eos_id_of(tok: Tokenizer, where: str) -> int:
    eos = tok.token_to_id(EOS_TOKEN)
    if eos is None:
        raise DataError(f"The tokenizer {where} has no {EOS_TOKEN} token; the end-of-story token is required.")
    return eos


def encode_stories(tok: Tokenizer, stories: list[str]) -> list[np.ndarray]:
    """Token ids of each story, from one batched (multi-threaded) call."""
    encodings = tok.encode_batch_fast(stories, add_special_tokens=False)  # "fast": no character offsets
    return [np.asarray(e.ids, dtype=np.int32) for e in encodings]


# --- the helpers the Engine calls -----------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _load_cached(real_path: str, mtime_ns: int, size: int) -> tuple[Tokenizer, int]:
    tok = _from_file(real_path)
    return tok, eos_id_of(tok, real_path)


def load_tokenizer(tokenizer_file: str) -> tuple[Tokenizer, int]:
    """(tokenizer, eos id), loaded once per file; a rewritten file (new mtime or size) is loaded again."""
    try:
        st = os.stat(tokenizer_file)
    except OSError as exc:
        raise DataError(f"The tokenizer file {tokenizer_file!r} cannot be read: {exc.strerror}.") from exc
    return _load_cached(os.path.realpath(tokenizer_file), st.st_mtime_ns, st.st_size)


def _as_id_matrix(ids, vocab: int) -> np.ndarray:
    ids = np.asarray(ids)
    if ids.ndim != 2 or not np.issubdtype(ids.dtype, np.integer):
        raise DataError(f"decode_batch expects an integer matrix of token ids (N x L); "
                        f"found shape {ids.shape} of {ids.dtype}.")
    if ids.size:
        bad = np.flatnonzero((ids < 0) | (ids >= vocab))
        if bad.size:
            row, col = divmod(int(bad[0]), ids.shape[1])
            raise DataError(f"Token ids must lie in [0, {vocab}); found {int(ids[row, col])} at row {row}, "
                            f"position {col} ({bad.size} such ids in all).")
    return ids


def story_spans(ids: np.ndarray, eos: int, stop_at_eos: bool) -> Iterable[tuple[int, int]]:
    """(start, end) of the text in each row: skip a leading eos (the prompt); with stop_at_eos, end at the
    first eos after position 0."""
    n, length = ids.shape
    start = (ids[:, 0] == eos).astype(np.int64) if length else np.zeros(n, dtype=np.int64)
    end = np.full(n, length, dtype=np.int64)
    if stop_at_eos and length > 1:
        later = ids[:, 1:] == eos
        has = later.any(axis=1)
        end[has] = later.argmax(axis=1)[has] + 1
    return zip(start.tolist(), end.tolist())


def decode_batch(tokenizer_file: str, ids, stop_at_eos: bool = True) -> list[str]:
    """Text of each row of `ids` (int N x L). Without stop_at_eos, later eos tokens stay in the text as
    `<|endoftext|>`, so story boundaries remain visible."""
    tok, eos = load_tokenizer(tokenizer_file)
    ids = _as_id_matrix(ids, tok.get_vocab_size(with_added_tokens=True))
    rows = [ids[i, a:b].tolist() for i, (a, b) in enumerate(story_spans(ids, eos, stop_at_eos))]
    return tok.decode_batch(rows, skip_special_tokens=False)


def encode(tokenizer_file: str, text: str) -> np.ndarray:
    """Token ids (int32) of `text`; the literal `<|endoftext|>` becomes the eos token."""
    if not isinstance(text, str):
        raise DataError(f"encode expects a string; found {type(text).__name__}.")
    tok, _ = load_tokenizer(tokenizer_file)
    return np.asarray(tok.encode(text, add_special_tokens=False).ids, dtype=np.int32)
