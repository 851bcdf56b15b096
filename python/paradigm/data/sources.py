"""Where the stories come from: the seeded generator, a text file, JSONL, Parquet or the hub.

`load_corpus(cfg)` returns the training stories, the validation stories when `data.split` is `dataset`,
and a description of what was read (it becomes the manifest's "source"). JSONL, Parquet and the hub are
read through Hugging Face `datasets` (streaming, so nothing is cached on disk); the hub's training split is
read only as far as the token budget needs. Text files are read here, because `datasets`' text builder
yields lines or whole files rather than stories, and cannot say where a bad byte is: their stories are
separated by `<|endoftext|>`, by blank lines, or one per line (`data.text_format`, detected by default).
"""

from __future__ import annotations

import json

import os
import re
import socket
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urlparse

from paradigm.config import DataConfig, ExperimentConfig, Source, Split, TextFormat
from paradigm.data.errors import DataError
from paradigm.data.generator import generate_stories
from paradigm.data.progress import log
from paradigm.data.tokenizer import EOS_TOKEN

HUB_DATASET = "roneneldan/TinyStories"
HUB_TIMEOUT_S = 5.0  # the reachability probe; huggingface_hub itself retries for ~25 s before giving up
TEXT_BLOCK_BYTES = 16 << 20  # read text files in blocks: memory stays bounded on the 1.9 GB TinyStories file
DATASETS_BATCH = 1000
# The hub's training split is read until its stories hold this many characters per token of data.token_budget:
# about twice what a story takes (TinyStories: 3.1 characters a token with a 1,024-token BPE, 4.0 with 4,096,
# about 4.2 with GPT-2's), so the budget is met without reading the whole split (2.1M stories, 1.9 GB).
HUB_CHARS_PER_TOKEN = 8
# A story longer than this is not a story (TinyStories' longest are a few thousand characters): most likely the
# file separates its stories in another way than the one it was read with.
HUGE_STORY_CHARS = 100_000


@dataclass(frozen=True)
class Corpus:
    train: list[str]
    val: list[str] | None  # None when the validation chunks are drawn from the training text (split: random)
    info: dict  # what was read, for the manifest


def load_corpus(cfg: ExperimentConfig) -> Corpus:
    """The stories cfg.data names (a generated corpus is seeded by cfg.seed)."""
    want_val = cfg.data.split is Split.DATASET
    if cfg.data.source is Source.GENERATED:
        return _generated(cfg.data.generated_stories, cfg.data.val_fraction, cfg.seed, want_val)
    if cfg.data.source is Source.HUB:
        return _hub(cfg.data, want_val)
    return _local_files(cfg.data, want_val)


def _local_files(data: DataConfig, want_val: bool) -> Corpus:
    info = {"type": data.source.value, "path": os.path.abspath(data.path)}
    if data.source is Source.TEXT:
        text_format = data.text_format
        if text_format is TextFormat.AUTO:
            text_format = detect_text_format(_existing(data.path, "data.path"))
        info["text_format"] = text_format.value
        read = lambda path: read_text_stories(path, text_format)  # noqa: E731
    else:
        info["text_field"] = data.text_field
        reader = _jsonl if data.source is Source.JSONL else _parquet
        read = lambda path: reader(path, data.text_field)  # noqa: E731
    train = read(_existing(data.path, "data.path"))
    val = None
    if want_val:
        info["val_path"] = os.path.abspath(data.val_path)
        val = read(_existing(data.val_path, "data.val_path"))
    return Corpus(train, val, info)


def _existing(path: str, key: str) -> str:
    if not os.path.isfile(path):
        where = "a folder, not a file" if os.path.isdir(path) else "not found"
        raise DataError(f"{key} must name an existing file; {path!r} (absolute: {os.path.abspath(path)}) is {where}.")
    return os.path.abspath(path)


# --- generated ---------------------------------------------------------------------------------------

def _generated(stories: int, val_fraction: float, seed: int, want_val: bool) -> Corpus:
    info = {"type": "generated", "stories": stories, "seed": seed, "generator": "paradigm.data.generator"}
    val = None
    if want_val:
        # a separate seed stream stands in for the dataset's own validation split
        n_val = max(1, round(stories * val_fraction))
        val = generate_stories(n_val, seed, stream="validation")
        info["val_stories"] = n_val
    return Corpus(generate_stories(stories, seed, stream="train"), val, info)


# --- text files: stories separated by <|endoftext|>, by blank lines, or one per line ---------------------

def iter_utf8_blocks(path: str) -> Iterator[str]:
    """Decoded blocks of whole lines; a byte that is not UTF-8 raises a DataError saying where it is."""
    offset, line = 0, 1
    with open(path, "rb") as f:
        while block := f.read(TEXT_BLOCK_BYTES):
            if not block.endswith(b"\n"):
                block += f.readline()  # finish the line, so a multi-byte character is never cut in two
            start = 3 if offset == 0 and block.startswith(b"\xef\xbb\xbf") else 0  # a UTF-8 byte-order mark
            try:
                yield block[start:].decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _not_utf8(path, block, start + exc.start, offset, line) from None
            offset += len(block)
            line += block.count(b"\n")


def _not_utf8(path: str, block: bytes, at: int, block_offset: int, block_line: int) -> DataError:
    line = block_line + block.count(b"\n", 0, at)
    column = at - (block.rfind(b"\n", 0, at) + 1) + 1
    return DataError(
        f"{path} is not valid UTF-8: byte 0x{block[at]:02x} at byte offset {block_offset + at} "
        f"(line {line}, byte {column} of the line) cannot be decoded. Story files must be UTF-8; "
        f"re-encode the file (for example `iconv -f latin1 -t utf-8`) or remove the bad bytes.")


_BLANK_LINE_BETWEEN_TEXT = re.compile(r"\S[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*\S")


def detect_text_format(path: str) -> TextFormat:
    """How the file separates its stories, judged from its first block: <|endoftext|> anywhere in it means eot;
    else a blank line between two lines of text means blank-line; else one story per line."""
    first = next(iter_utf8_blocks(path), "")
    if EOS_TOKEN in first:
        return TextFormat.EOT
    if _BLANK_LINE_BETWEEN_TEXT.search(first):
        return TextFormat.BLANK_LINE
    return TextFormat.LINE


def read_text_stories(path: str, text_format: TextFormat = TextFormat.EOT) -> list[str]:
    """The stories of a text file separated as ``text_format`` says (auto: detected), stripped, blank ones
    skipped; a warning when one is so long that the file is likely separated in another way."""
    if text_format is TextFormat.AUTO:
        text_format = detect_text_format(path)
    if text_format is TextFormat.EOT:
        stories = _split_blocks(path, EOS_TOKEN)
    elif text_format is TextFormat.BLANK_LINE:
        stories = _split_blocks(path, None)
    else:
        stories = [line for block in iter_utf8_blocks(path) for line in block.split("\n")]
    stories = [s for s in (p.strip() for p in stories) if s]
    _warn_if_huge(path, text_format, stories)
    return stories


def _split_blocks(path: str, separator: str | None) -> list[str]:
    """Splits the file's text on ``separator``, or on blank lines when None, block by block: the last piece of a
    block may go on in the next one."""
    stories, carry = [], ""
    for block in iter_utf8_blocks(path):
        text = carry + block
        pieces = text.split(separator) if separator else re.split(r"\n[^\S\n]*\n", text)
        carry = pieces.pop()
        stories.extend(pieces)
    stories.append(carry)
    return stories


def _warn_if_huge(path: str, text_format: TextFormat, stories: list[str]) -> None:
    longest = max(map(len, stories), default=0)
    if longest > HUGE_STORY_CHARS:
        others = {TextFormat.EOT: "blank-line or line", TextFormat.BLANK_LINE: "eot or line",
                  TextFormat.LINE: "eot or blank-line"}[text_format]
        log(f"warning: {path}, read with data.text_format {text_format.value}, gave a story of {longest:,} "
            f"characters ({len(stories):,} stories in all). If its stories are separated another way, set "
            f"data.text_format to {others}.")


# --- JSONL and Parquet through datasets -------------------------------------------------------------------

def _jsonl(path: str, text_field: str) -> list[str]:
    for _ in iter_utf8_blocks(path):  # check the encoding first: pyarrow's error does not say where
        pass
    bad = _first_malformed_line(path)  # pyarrow counts rows from 0 and skips blank lines: name the line as an editor does
    if bad is not None:
        line, problem = bad
        raise DataError(f"{path} line {line} is not a JSON object ({problem}); every line of a JSON Lines file holds "
                        f"one record, e.g. {{\"{text_field}\": \"Once upon a time...\"}}.")
    return _read_with_datasets("json", {"train": path}, "train", text_field, path)


def _first_malformed_line(path: str) -> tuple[int, str] | None:
    """The first line (counting from 1) of a JSON Lines file that is not a JSON object, and why; None if all are."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                return number, f"{exc.msg.removesuffix(' at')} at character {exc.pos + 1}"
            if not isinstance(record, dict):
                return number, f"found {type(record).__name__}"
    return None


def _parquet(path: str, text_field: str) -> list[str]:
    return _read_with_datasets("parquet", {"train": path}, "train", text_field, path)


def _read_with_datasets(builder: str, data_files: dict | None, split: str, text_field: str, what: str,
                        max_chars: int | None = None) -> list[str]:
    """The stories of a datasets source, streamed; with ``max_chars``, reading stops at the first batch after
    which the stories read hold at least that many characters."""
    import datasets  # imported here: it pulls in torch and takes seconds, and most runs never need it

    try:
        if data_files is None:
            ds = datasets.load_dataset(builder, split=split, streaming=True)
        else:
            ds = datasets.load_dataset(builder, data_files=data_files, split=split, streaming=True)
    except Exception as exc:  # noqa: BLE001 — datasets raises many types; the message below names the file
        raise DataError(f"Could not open {what} with datasets' {builder!r} loader: {type(exc).__name__}: {exc}") from exc
    if ds.features is not None and text_field not in ds.features:
        raise _missing_field(what, text_field, list(ds.features))
    stories: list[str] = []
    chars = 0
    try:
        for batch in ds.iter(batch_size=DATASETS_BATCH):
            if text_field not in batch:
                raise _missing_field(what, text_field, list(batch))
            texts = batch[text_field]
            bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
            if bad is not None:
                raise DataError(f"Record {len(stories) + bad + 1} of {what} has no text in field {text_field!r} "
                                f"(found {texts[bad]!r}); every record needs a string there.")
            stories.extend(texts)
            chars += sum(map(len, texts))
            if max_chars is not None and chars >= max_chars:
                break
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise DataError(f"Could not read {what} with datasets' {builder!r} loader after {len(stories)} records: "
                        f"{type(exc).__name__}: {exc}") from exc
    return stories


def _missing_field(what: str, text_field: str, fields: list[str]) -> DataError:
    return DataError(f"{what} has no field {text_field!r} (data.text_field); the fields it has are: "
                     f"{', '.join(map(repr, fields)) or 'none'}. Set data.text_field to the one that holds the story.")


# --- the Hugging Face hub -----------------------------------------------------------------------------------

def _hub(data: DataConfig, want_val: bool) -> Corpus:
    hub_id = data.path or HUB_DATASET  # data.path may name another hub dataset with the same layout
    reason = hub_unreachable_reason()
    if reason is not None:
        raise DataError(hub_offline_message(hub_id, reason))
    info = {"type": "hub", "hub_id": hub_id, "split": "train", "text_field": data.text_field}
    max_chars = None
    if data.token_budget:
        max_chars = data.token_budget * HUB_CHARS_PER_TOKEN
        info["max_chars"] = max_chars
    train = _read_hub_split(hub_id, "train", data.text_field, max_chars)
    val = None
    if want_val:
        info["val_split"] = "validation"
        val = _read_hub_split(hub_id, "validation", data.text_field)
    return Corpus(train, val, info)


def _read_hub_split(hub_id: str, split: str, text_field: str, max_chars: int | None = None) -> list[str]:
    try:
        return _read_with_datasets(hub_id, None, split, text_field, f"the hub dataset {hub_id} ({split} split)",
                                   max_chars)
    except DataError as exc:
        if isinstance(exc.__cause__, (ConnectionError, OSError)):
            raise DataError(hub_offline_message(hub_id, str(exc.__cause__))) from exc
        raise


def hub_unreachable_reason() -> str | None:
    """Why the hub cannot be used now (offline mode, or no connection within HUB_TIMEOUT_S), or None."""
    for var in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE"):
        if os.environ.get(var, "").strip().upper() in ("1", "ON", "YES", "TRUE"):
            return f"{var} is set"
    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return None  # the connection goes through a proxy; let the client try
    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    host, port = endpoint.hostname, endpoint.port or (443 if endpoint.scheme == "https" else 80)
    try:
        socket.create_connection((host, port), timeout=HUB_TIMEOUT_S).close()
    except OSError as exc:
        return f"{host}:{port} did not answer within {HUB_TIMEOUT_S:g} s ({exc})"
    return None


def hub_offline_message(what: str, reason: str) -> str:
    return (f"Cannot load {what} from the Hugging Face hub: {reason}. To prepare data offline, use a local copy: "
            f"data.source: text with data.path set to the downloaded TinyStories-train.txt (and data.val_path to "
            f"TinyStories-valid.txt for data.split: dataset), or data.source: jsonl / parquet with data.path and "
            f"data.text_field, or data.source: generated for the embedded corpus.")
