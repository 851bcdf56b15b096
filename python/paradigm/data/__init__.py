"""The prepare stage: a text corpus becomes a tokenizer and a token store (train.bin, val.bin, manifest.json).

Java calls `paradigm.data.prepare(config_json, out_dir)` and the tokenizer helpers
`paradigm.data.tokenizer.decode_batch` / `encode`. See docs/boundary.md for the contract.

Note: the function `prepare` is re-exported here, so the attribute `paradigm.data.prepare` is the function;
`from paradigm.data.prepare import prepare` also works (it reads the module from sys.modules).
"""

from paradigm.data.config import DataConfig, DataError, parse_config
from paradigm.data.prepare import prepare, prepare_data, read_manifest_and_verify
from paradigm.data.tokenizer import decode_batch, encode

__all__ = ["DataConfig", "DataError", "parse_config", "prepare", "prepare_data", "read_manifest_and_verify",
           "decode_batch", "encode"]
