"""train.ema: the moving average of the weights that evaluation and sampling use, and that never touches training."""

import json

import numpy as np
import pytest
import torch

from conftest import as_json, train_on
from paradigm.engine import Engine

V, EOS = 50, 0


def batches(n, seed=0):
    rng = np.random.default_rng(seed)
    return [rng.integers(0, V, (4, 16)).astype(np.int32) for _ in range(n)]


def params(engine):
    return {name: p.detach().clone() for name, p in engine.model.named_parameters()}


def trained(config, ema, paradigm="ar", steps=5):
    config["train"]["ema"] = ema
    engine = Engine(as_json(config), paradigm, V, EOS)
    engine.set_rng(3)
    for x in batches(steps):
        train_on(engine, x, 1e-2)
    return engine


@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_the_average_does_not_change_training(config, paradigm):
    off, on = trained(config, 0.0, paradigm), trained(config, 0.99, paradigm)
    a, b = params(off), params(on)
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert np.array_equal(off.drain(), on.drain())
    assert off.average is None and on.average is not None


def test_the_average_follows_upstreams_warm_up(config):
    config["train"]["ema"] = 0.9
    engine = Engine(as_json(config), "ar", V, EOS)
    expected = params(engine)  # the average starts at the initial weights
    for n, x in enumerate(batches(30), start=1):
        train_on(engine, x, 1e-2)
        decay = min(0.9, (1 + n) / (10 + n))  # 0.1818..., 0.25, ... then 0.9 from n = 80 on; here always below
        current = params(engine)
        expected = {k: decay * expected[k] + (1 - decay) * current[k] for k in expected}
    averages = dict(zip(engine.average.names, engine.average.averages))
    assert all(torch.allclose(averages[k], expected[k], atol=1e-6) for k in expected)
    assert not all(torch.allclose(averages[k], current[k], atol=1e-4) for k in expected)


def test_evaluation_and_sampling_use_the_average_and_leave_the_training_weights(config):
    off, on = trained(config, 0.0), trained(config, 0.9)
    before = params(on)
    x = batches(1, seed=9)[0]
    assert not np.array_equal(off.evaluate(x, 1), on.evaluate(x, 1))
    settings = json.dumps(config["sample"])
    assert not np.array_equal(off.sample(4, 2, settings, [EOS])["ids"], on.sample(4, 2, settings, [EOS])["ids"])
    assert not np.array_equal(off.score(x, 1), on.score(x, 1))
    after = params(on)
    assert all(torch.equal(before[k], after[k]) for k in before)
    # the numbers are those of the averaged weights: an engine holding them as its own weights agrees
    plain = trained(config, 0.0)
    with torch.no_grad():
        for name, p in plain.model.named_parameters():
            p.copy_(on.average.averages[on.average.names.index(name)])
    assert np.array_equal(plain.evaluate(x, 1), on.evaluate(x, 1))


def test_a_checkpoint_brings_its_own_average(config, tmp_path):
    """A judge from another run: the average it was evaluated with comes with it, whatever this config says."""
    with_average = trained(config, 0.9)
    with_average.save(str(tmp_path / "a"))
    config["train"]["ema"] = 0.0
    judge = Engine(as_json(config), "ar", V, EOS)
    judge.load(str(tmp_path / "a"))
    x = batches(1, seed=9)[0]
    assert judge.average is not None and judge.average.decay == 0.9
    assert np.array_equal(judge.evaluate(x, 1), with_average.evaluate(x, 1))


def test_a_checkpoint_without_an_average_starts_one_from_its_weights(config, tmp_path):
    plain = trained(config, 0.0)
    plain.save(str(tmp_path / "p"))
    config["train"]["ema"] = 0.9
    engine = Engine(as_json(config), "ar", V, EOS)
    engine.load(str(tmp_path / "p"))
    x = batches(1, seed=9)[0]
    assert engine.average.updates == 0
    assert np.array_equal(engine.evaluate(x, 1), plain.evaluate(x, 1))
