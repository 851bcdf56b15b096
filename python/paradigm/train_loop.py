"""A plain-Python training loop over the same Engine Java drives: the baseline for the Java-overhead benchmark.

    python -m paradigm.train_loop --config-json FILE --paradigm ar --steps N --tokens FILE.npy

FILE.npy holds token chunks (N_chunks × >= model.seq_len, integer). Batches of train.batch_size rows
are taken in order (wrapping around), at the constant learning rate train.lr. Every --log-every steps
the loop drains the engine (the only device sync) and records tokens/s over that interval; the first
interval (warm-up, compilation) is left out of the median when there are others.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import numpy as np

from .engine import Engine


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--config-json", required=True, help="the fully resolved config as a JSON file")
    p.add_argument("--paradigm", required=True, choices=["ar", "mdlm"])
    p.add_argument("--steps", type=int, required=True)
    p.add_argument("--tokens", required=True, help=".npy file of token chunks, shape (chunks, >= seq_len)")
    p.add_argument("--vocab-size", type=int, default=None, help="default: largest token id + 1")
    p.add_argument("--eos-id", type=int, default=0)
    p.add_argument("--log-every", type=int, default=10)
    args = p.parse_args(argv)
    if args.steps < 1 or args.log_every < 1:
        p.error("--steps and --log-every must be at least 1.")
    return args


def main(argv=None) -> float:
    args = parse_args(argv)
    with open(args.config_json, encoding="utf-8") as f:
        config = json.load(f)
    tokens = np.load(args.tokens)
    seq_len, batch = int(config["model"]["seq_len"]), int(config["train"]["batch_size"])
    if tokens.ndim != 2 or tokens.shape[1] < seq_len or tokens.shape[0] < 1:
        raise SystemExit(f"--tokens must hold a 2-D array with at least {seq_len} columns; found shape {tokens.shape}.")
    tokens = np.ascontiguousarray(tokens[:, :seq_len], dtype=np.int32)
    vocab = args.vocab_size or int(tokens.max()) + 1
    engine = Engine(json.dumps(config), args.paradigm, vocab, args.eos_id)
    engine.set_rng(int(config.get("seed", 0)))
    lr = float(config["train"]["lr"])
    print(engine.info())

    rates, start = [], time.perf_counter()
    for step in range(args.steps):
        rows = (np.arange(batch) + step * batch) % tokens.shape[0]
        engine.train_step(tokens[rows], lr)
        if (step + 1) % args.log_every == 0 or step + 1 == args.steps:
            losses = engine.drain()  # syncs the device
            now = time.perf_counter()
            rates.append(len(losses) * batch * seq_len / (now - start))
            start = now
            print(f"step {step + 1}: loss {losses[-1, 0]:.4f}, {rates[-1]:.1f} tokens/s", flush=True)
    measured = rates[1:] if len(rates) > 1 else rates
    median = statistics.median(measured)
    print(f"median tokens/s: {median:.1f} (over {len(measured)} intervals of up to {args.log_every} steps)")
    return median


if __name__ == "__main__":
    main()
