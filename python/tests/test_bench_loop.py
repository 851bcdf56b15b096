"""The benchmark's plain-Python loop and its uncached AR sampler, against the Engine driven step by step."""

import json

import numpy as np
import pytest
import torch

from conftest import as_json
from paradigm import bench_loop
from paradigm.engine import Engine

V, EOS = 50, 0


def stacked_batches(k, rows=4, cols=16, seed=0):
    return np.random.default_rng(seed).integers(0, V, (k, rows, cols)).astype(np.int32)


@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_train_window_takes_the_same_steps_as_a_manual_loop(config, paradigm):
    batches = stacked_batches(3)
    looped = Engine(as_json(config), paradigm, V, EOS)
    looped.set_rng(7)
    seconds = bench_loop.train_window(looped, batches, 5, 2, 1e-2)
    manual = Engine(as_json(config), paradigm, V, EOS)
    manual.set_rng(7)
    for step in range(5):  # batches cycle: 0 1 2 0 1
        manual.train_step(batches[step % 3], 1e-2)
    assert seconds > 0
    assert looped.pending == []  # the window ends with a drain
    assert len(manual.drain()) == 5
    a, b = looped.model.state_dict(), manual.model.state_dict()
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_train_window_rejects_bad_arguments(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    with pytest.raises(ValueError, match="int32 array K×B×T"):
        bench_loop.train_window(engine, stacked_batches(2)[0], 1, 1, 1e-3)
    with pytest.raises(ValueError, match="int32"):
        bench_loop.train_window(engine, stacked_batches(2).astype(np.int64), 1, 1, 1e-3)
    with pytest.raises(ValueError, match="at least 1"):
        bench_loop.train_window(engine, stacked_batches(2), 0, 1, 1e-3)


def test_uncached_sampling_matches_the_engines_cached_sampler(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    settings = json.dumps({**config["sample"], "top_k": 1, "prompt_ids": [EOS]})  # greedy: no tie-breaking noise
    cached = engine.sample(4, 3, settings)
    uncached = bench_loop.sample_ar_without_cache(engine, 4, 3, settings)
    assert uncached.dtype == np.int32 and uncached.shape == (4, config["sample"]["length"])
    assert np.array_equal(cached, uncached)


def test_uncached_sampling_needs_an_ar_engine(config):
    engine = Engine(as_json(config), "mdlm", V, EOS)
    with pytest.raises(ValueError, match="AR engine"):
        bench_loop.sample_ar_without_cache(engine, 2, 0, json.dumps(config["sample"]))


def test_device_facts_name_the_device(config):
    facts = json.loads(bench_loop.device_facts(Engine(as_json(config), "ar", V, EOS)))
    assert facts["device"] == "cpu" and facts["device_name"] is None
    assert facts["torch"] == torch.__version__ and facts["torch_threads"] == torch.get_num_threads()
