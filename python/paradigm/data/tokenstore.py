"""The token files train.bin / val.bin (docs/boundary.md): a 1024-byte header, then the chunks.

Header: 256 little-endian int32 — [0] magic 20260127, [1] version 1, [2] bytes per token (2: uint16,
4: int32), [3] seq_len, [4] n_chunks, [5] vocab_size, the rest 0. Then n_chunks x seq_len tokens,
little-endian. Every file is written to `<name>.tmp` and renamed into place, so a reader never sees
half a file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from paradigm.data.errors import DataError

MAGIC = 20260127
VERSION = 1
HEADER_INTS = 256
HEADER_BYTES = HEADER_INTS * 4
UINT16_LIMIT = 1 << 16  # ids 0..65535 fit in uint16


@dataclass(frozen=True)
class TokenHeader:
    bytes_per_token: int
    seq_len: int
    n_chunks: int
    vocab_size: int

    @property
    def dtype(self) -> np.dtype:
        return np.dtype("<u2") if self.bytes_per_token == 2 else np.dtype("<i4")

    def to_bytes(self) -> bytes:
        header = np.zeros(HEADER_INTS, dtype="<i4")
        header[:6] = [MAGIC, VERSION, self.bytes_per_token, self.seq_len, self.n_chunks, self.vocab_size]
        return header.tobytes()


def token_dtype(vocab_size: int) -> np.dtype:
    """uint16 when every id fits, int32 otherwise."""
    return np.dtype("<u2") if vocab_size <= UINT16_LIMIT else np.dtype("<i4")


def atomic_write(path: str, parts: Iterable) -> tuple[str, int]:
    """Writes `parts` (bytes or contiguous arrays) to path.tmp, then renames; returns (sha256, bytes)."""
    tmp = path + ".tmp"
    digest, size = hashlib.sha256(), 0
    try:
        with open(tmp, "wb") as f:
            for part in parts:
                view = memoryview(part).cast("B")
                digest.update(view)
                f.write(view)
                size += view.nbytes
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return digest.hexdigest(), size


def write_token_file(path: str, chunks: np.ndarray, vocab_size: int) -> tuple[str, int]:
    """Writes `chunks` (n_chunks x seq_len ids) with its header; returns (sha256, bytes)."""
    dtype = token_dtype(vocab_size)
    chunks = np.ascontiguousarray(chunks, dtype=dtype)
    n_chunks, seq_len = chunks.shape
    header = TokenHeader(dtype.itemsize, seq_len, n_chunks, vocab_size)
    return atomic_write(path, [header.to_bytes(), chunks])


def read_header(path: str) -> TokenHeader:
    with open(path, "rb") as f:
        raw = f.read(HEADER_BYTES)
    if len(raw) < HEADER_BYTES:
        raise DataError(f"{path} is {len(raw)} bytes long, shorter than the {HEADER_BYTES}-byte token file header.")
    ints = np.frombuffer(raw, dtype="<i4")
    if ints[0] != MAGIC:
        raise DataError(f"{path} is not a paradigm token file: its magic number is {ints[0]}, expected {MAGIC}. "
                        f"HINT: prepare the data again (paradigm prepare).")
    if ints[1] != VERSION:
        raise DataError(f"{path} has token file version {ints[1]}; this code reads version {VERSION}. "
                        f"HINT: prepare the data again (paradigm prepare).")
    if ints[2] not in (2, 4):
        raise DataError(f"{path} says {ints[2]} bytes per token; expected 2 (uint16) or 4 (int32).")
    header = TokenHeader(*(int(v) for v in ints[2:6]))
    expected = HEADER_BYTES + header.n_chunks * header.seq_len * header.bytes_per_token
    actual = os.path.getsize(path)
    if actual != expected:
        raise DataError(f"{path} is {actual} bytes; its header ({header.n_chunks} chunks of {header.seq_len} "
                        f"tokens, {header.bytes_per_token} bytes each) says it should be {expected}.")
    return header


def read_tokens(path: str) -> tuple[TokenHeader, np.ndarray]:
    """The header and a read-only memory map of the chunks (n_chunks x seq_len)."""
    header = read_header(path)
    chunks = np.memmap(path, dtype=header.dtype, mode="r", offset=HEADER_BYTES,
                       shape=(header.n_chunks, header.seq_len))
    return header, chunks


def sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
