"""Benchmark of the prepare stage on real TinyStories text.

Prepares ../shared/data/tinystories/TinyStories-train-head.txt (2316 stories, 2.1 MB) with a byte-level
BPE of 4096 tokens and seq_len 512, three times, and prints the median tokens/s of the tokenisation phase
and of the whole stage (reading, BPE training, tokenisation, writing), plus the generator's speed.

    cd python && PYTHONPATH=$PWD ../.venv/bin/python bench_prepare.py [--runs 3] [--file PATH]
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import tempfile
import time

import yaml

from paradigm import config
from paradigm.data.generator import generate_stories
from paradigm.data.prepare import prepare_data

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_FILE = os.path.join(os.path.dirname(REPO), "shared", "data", "tinystories", "TinyStories-train-head.txt")


def bench_config(path: str) -> dict:
    with open(os.path.join(REPO, "configs", "demo.yaml"), encoding="utf-8") as f:
        cfg = copy.deepcopy(yaml.safe_load(f))
    cfg["data"].update({"source": "text", "path": path, "tokenizer": "bpe", "vocab_size": 4096, "token_budget": 0})
    cfg["model"]["seq_len"] = 512
    return cfg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", default=DEFAULT_FILE)
    args = parser.parse_args()
    cfg = config.read(bench_config(args.file))

    runs = []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            prepared = prepare_data(cfg, out)
        s = prepared.seconds
        runs.append(s)
        print(f"run {i + 1}: {prepared.tokens:,} tokens; load {s['load']:.2f} s, BPE {s['tokenizer']:.2f} s, "
              f"tokenize {s['tokenize']:.2f} s, write {s['write']:.2f} s, total {s['total']:.2f} s", flush=True)

    tokens = prepared.tokens  # the same in every run
    tokenize_s = statistics.median(r["tokenize"] for r in runs)
    total_s = statistics.median(r["total"] for r in runs)
    print(f"\nfile: {args.file} ({os.path.getsize(args.file):,} bytes), vocab 4096, seq_len 512, "
          f"median of {args.runs} runs, {os.cpu_count()} CPUs")
    print(f"tokenization phase: {tokens / tokenize_s:,.0f} tokens/s ({tokenize_s:.2f} s)")
    print(f"whole prepare stage: {tokens / total_s:,.0f} tokens/s ({total_s:.2f} s)")

    t = time.perf_counter()
    generate_stories(8000, seed=1337)
    print(f"generator: 8,000 stories in {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
