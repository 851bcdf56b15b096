"""The Engine as Java drives it: steps, drain, evaluate, sample, save/load, config errors."""

import json
import numpy as np
import pytest
import torch

from conftest import as_json
from paradigm.boundary import PythonError
from paradigm import train_loop
from paradigm.engine import Engine

V, EOS = 50, 0


def batches(n, seed=0, rows=4, cols=16):
    rng = np.random.default_rng(seed)
    return [rng.integers(0, V, (rows, cols)).astype(np.int32) for _ in range(n)]


def weights(engine):
    return {k: v.clone() for k, v in engine.model.state_dict().items()}


@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_resume_is_bit_identical(config, tmp_path, paradigm):
    data = batches(6)
    straight = Engine(as_json(config), paradigm, V, EOS)
    straight.set_rng(7)
    for i, x in enumerate(data):
        straight.train_step(x, 1e-2 * (i + 1) / 6)
    first = Engine(as_json(config), paradigm, V, EOS)
    first.set_rng(7)
    for i, x in enumerate(data[:3]):
        first.train_step(x, 1e-2 * (i + 1) / 6)
    files = json.loads(first.save(str(tmp_path / "ckpt")))
    assert sorted(files) == sorted(p.name for p in (tmp_path / "ckpt").iterdir())
    resumed = Engine(as_json({**config, "seed": 999}), paradigm, V, EOS)  # different init, overwritten by load
    resumed.load(str(tmp_path / "ckpt"))
    for i, x in enumerate(data[3:], start=3):
        resumed.train_step(x, 1e-2 * (i + 1) / 6)
    a, b = weights(straight), weights(resumed)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    assert np.array_equal(straight.drain()[3:], resumed.drain())


def test_drain_returns_loss_and_grad_norm_per_step_then_empties(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    for x in batches(3):
        engine.train_step(x, 1e-3)
    out = engine.drain()
    assert out.shape == (3, 2) and out.dtype == np.float64
    assert np.all(out[:, 0] > 2.0) and np.all(out[:, 1] > 0)  # near log(50) = 3.9 at init; non-zero gradients
    assert engine.drain().shape == (0, 2)


@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_tiny_model_overfits_one_batch(config, paradigm):
    # One sequence repeated: AR memorises it; MDLM's NELBO keeps a floor from fully masked inputs
    # (a bidirectional rotary model cannot tell positions apart then), so a wide vocabulary keeps the
    # starting loss (log 512 = 6.2) high enough for a 10x fall to be reachable in a few seconds.
    config["train"]["weight_decay"] = 0.0
    config["mdlm"]["eval_draws"] = 4
    vocab = 512
    tokens = np.random.default_rng(0).integers(1, vocab, (1, 16)).astype(np.int32).repeat(8, axis=0)
    engine = Engine(as_json(config), paradigm, vocab, EOS)
    before = engine.evaluate(tokens, 3)
    for _ in range(100 if paradigm == "ar" else 300):
        engine.train_step(tokens, 1e-2)
    after = engine.evaluate(tokens, 3)
    assert before[0] / before[1] > 5.0 and after[0] * 10 <= before[0]


def test_evaluate_counts_and_determinism(config):
    x = batches(1)[0]
    ar = Engine(as_json(config), "ar", V, EOS)
    assert ar.evaluate(x, 1)[1] == 4 * 15
    mdlm = Engine(as_json(config), "mdlm", V, EOS)
    a, b, c = mdlm.evaluate(x, 1), mdlm.evaluate(x, 1), mdlm.evaluate(x, 2)
    assert a[1] == 4 * 16 and a[0] == b[0] and a[0] != c[0]


@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_sample_returns_seeded_int32_ids_without_mask(config, paradigm):
    engine = Engine(as_json(config), paradigm, V, EOS)
    settings = dict(config["sample"], prompt_ids=[3, 4])
    a = engine.sample(5, 11, json.dumps(settings))
    b = engine.sample(5, 11, json.dumps(settings))
    assert a.dtype == np.int32 and a.shape == (5, 16) and np.array_equal(a, b)
    assert a.max() < V and np.all(a[:, :2] == [3, 4])


def test_info_reports_counts_and_paradigm_difference(config):
    ar = json.loads(Engine(as_json(config), "ar", V, EOS).info())
    mdlm = json.loads(Engine(as_json(config), "mdlm", V, EOS).info())
    # by hand: 2·(4·32² + 3·32·64 + 2·32) + 32 + 50·32 = 22,240; MDLM adds its 32-wide mask row
    assert ar["params"] == 22_240 and mdlm["params"] == 22_240 + 32
    assert ar["params_embedding"] == 50 * 32 and ar["device"] == "cpu" and ar["compiled"] is False
    assert ar["flops_per_token"] > 6 * ar["params"] - 6 * ar["params_embedding"]


def test_shared_init_is_identical_across_paradigms(config):
    ar, mdlm = weights(Engine(as_json(config), "ar", V, EOS)), weights(Engine(as_json(config), "mdlm", V, EOS))
    assert torch.equal(ar["tok_emb.weight"][:V], mdlm["tok_emb.weight"][:V])
    assert all(torch.equal(ar[k], mdlm[k]) for k in ar if k != "tok_emb.weight")


def test_weight_decay_groups_follow_the_protocol(config):
    controlled = Engine(as_json(config), "mdlm", V, EOS).optimizer.param_groups
    assert [g["weight_decay"] for g in controlled] == [0.1, 0.0]
    assert all(p.dim() >= 2 for p in controlled[0]["params"]) and all(p.dim() == 1 for p in controlled[1]["params"])
    arche = Engine(as_json({**config, "protocol": "arche-2026"}), "mdlm", V, EOS).optimizer.param_groups
    assert len(arche) == 1 and arche[0]["weight_decay"] == 0.1


def test_load_takes_the_architecture_from_the_checkpoint(config, tmp_path):
    small = Engine(as_json(config), "ar", V, EOS)
    small.save(str(tmp_path))
    config["model"]["d_model"] = 64
    other = Engine(as_json(config), "ar", V, EOS)
    other.load(str(tmp_path))
    assert other.model_cfg.d_model == 32
    assert all(torch.equal(a, b) for a, b in zip(weights(small).values(), weights(other).values()))
    with pytest.raises(PythonError, match="holds a ar model, but this engine is mdlm"):
        Engine(as_json(config), "mdlm", V, EOS).load(str(tmp_path))


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda c: c["model"].update(n_head=5), "ValueError: model.n_head=5 does not divide model.d_model=32"),
        (lambda c: c.update(protocol="paper"), "protocol='paper' is unknown"),
        (lambda c: c["train"].update(device="tpu"), "train.device='tpu' is unknown"),
        (lambda c: c["model"].update(impl="nowhere_pkg:build"), "model.impl='nowhere_pkg:build'"),
        (lambda c: c.pop("train"), "The config has no 'train' section"),
    ],
)
def test_bad_config_gives_a_python_error_naming_the_key(config, edit, message):
    edit(config)
    with pytest.raises(PythonError, match=message):
        Engine(as_json(config), "ar", V, EOS)


def test_cuda_requested_without_cuda_names_train_device(config, monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)  # runs the same on a GPU machine
    config["train"]["device"] = "cuda"
    with pytest.raises(PythonError, match="train.device=cuda"):
        Engine(as_json(config), "ar", V, EOS)


def test_bad_tokens_are_rejected(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    with pytest.raises(PythonError, match=r"token ids must lie in \[0, 50\); found values in \[0, 50\]"):
        engine.train_step(np.full((2, 16), V, dtype=np.int32) * np.array([[0], [1]], dtype=np.int32), 1e-3)
    with pytest.raises(PythonError, match="more than model.seq_len=16"):
        engine.evaluate(np.zeros((2, 17), dtype=np.int32), 0)


def test_train_loop_prints_median_throughput(config, tmp_path, capsys):
    cfg_file, tok_file = tmp_path / "config.json", tmp_path / "tokens.npy"
    cfg_file.write_text(as_json(config))
    np.save(tok_file, np.random.default_rng(0).integers(0, V, (16, 16)).astype(np.int32))
    median = train_loop.main(["--config-json", str(cfg_file), "--paradigm", "mdlm", "--steps", "6",
                              "--tokens", str(tok_file), "--log-every", "2"])
    printed = capsys.readouterr().out
    assert median > 0 and f"median tokens/s: {median:.1f}" in printed
    assert printed.count("tokens/s") == 3 + 1  # three intervals of two steps, then the median line
