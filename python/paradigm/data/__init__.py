"""The prepare stage: a text corpus becomes a tokenizer and a token store (train.bin, val.bin, manifest.json).

Java calls `paradigm.data.prepare.prepare(config_json, out_dir)`; the Engine encodes prompts and decodes samples
with `paradigm.data.tokenizer`. See docs/boundary.md for the contract.

Note: the function `prepare` is re-exported here, so the attribute `paradigm.data.prepare` is the function;
`from paradigm.data.prepare import prepare` also works (it reads the module from sys.modules).
"""

from paradigm.data.errors import DataError
from paradigm.data.prepare import prepare, prepare_data, read_manifest_and_verify
from paradigm.data.tokenizer import decode_batch, encode

__all__ = ["DataError", "prepare", "prepare_data", "read_manifest_and_verify", "decode_batch", "encode"]
