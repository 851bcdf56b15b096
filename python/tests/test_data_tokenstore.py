"""The token file format (docs/boundary.md), atomic writes, and the progress log."""

import hashlib
import struct

import numpy as np
import pytest

from paradigm.data.errors import DataError
from paradigm.data.progress import TokenProgress
from paradigm.data.tokenstore import atomic_write, read_header, read_tokens, write_token_file


def test_uint16_when_the_vocabulary_fits(tmp_path):
    chunks = np.array([[0, 1, 65535], [7, 8, 9]])
    path = str(tmp_path / "t.bin")
    sha, size = write_token_file(path, chunks, vocab_size=65536)
    raw = open(path, "rb").read()
    assert size == len(raw) == 1024 + 6 * 2 and sha == hashlib.sha256(raw).hexdigest()
    assert struct.unpack("<6i", raw[:24]) == (20260127, 1, 2, 3, 2, 65536)
    assert raw[24:1024] == bytes(1000)
    assert struct.unpack("<6H", raw[1024:]) == (0, 1, 65535, 7, 8, 9)


def test_int32_when_it_does_not(tmp_path):
    chunks = np.array([[70000, 1], [2, 65536]])
    path = str(tmp_path / "t.bin")
    write_token_file(path, chunks, vocab_size=70001)
    raw = open(path, "rb").read()
    assert struct.unpack("<6i", raw[:24]) == (20260127, 1, 4, 2, 2, 70001)
    assert struct.unpack("<4i", raw[1024:]) == (70000, 1, 2, 65536)
    header, mapped = read_tokens(path)
    assert header.bytes_per_token == 4 and mapped.tolist() == chunks.tolist()


def test_bad_headers_are_refused(tmp_path):
    path = str(tmp_path / "t.bin")
    write_token_file(path, np.zeros((2, 4), dtype=np.int64), vocab_size=10)
    raw = bytearray(open(path, "rb").read())
    for change, pattern in [
        (lambda b: b.__setitem__(slice(0, 4), struct.pack("<i", 7)), r"magic number is 7, expected 20260127.*HINT"),
        (lambda b: b.__setitem__(slice(4, 8), struct.pack("<i", 2)), r"token file version 2"),
        (lambda b: b.__setitem__(slice(16, 20), struct.pack("<i", 3)), r"header \(3 chunks of 4 tokens"),
        (lambda b: b.__delitem__(slice(100, None)), r"shorter than the 1024-byte token file header"),
    ]:
        broken = bytearray(raw)
        change(broken)
        open(path, "wb").write(bytes(broken))
        with pytest.raises(DataError, match=pattern):
            read_header(path)


def test_atomic_write_leaves_nothing_behind_on_failure(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"old")

    def parts():
        yield b"new data"
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(str(path), parts())
    assert path.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["f.bin"]


def test_progress_logs_lines_when_stderr_is_not_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr("paradigm.data.progress.LOG_EVERY_S", 0.0)
    progress = TokenProgress("tokenize train", total=300)
    progress.update(100)
    progress.update(200)
    progress.close()
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("[prepare] tokenize train: 100 of 300 tokens, ") and lines[0].endswith("tokens/s")
    assert lines[1].startswith("[prepare] tokenize train: 300 of 300 tokens")
    assert lines[2].startswith("[prepare] tokenize train: 300 tokens in ")
    assert "\r" not in "".join(lines)
