"""The Engine as Java drives it: steps, drain, evaluate, score, sample, save/load, the benchmark's methods, config
errors."""

import json

import numpy as np
import pytest
import torch

from conftest import as_json, shipped, tiny, train_on
from paradigm.boundary import PythonError
from paradigm.data.generator import generate_stories
from paradigm.data.tokenizer import decode_batch, encode, train_bpe
from paradigm.engine import Engine

V, EOS = 50, 0


def batches(n, seed=0, rows=4, cols=16):
    rng = np.random.default_rng(seed)
    return [rng.integers(0, V, (rows, cols)).astype(np.int32) for _ in range(n)]


def weights(engine):
    return {k: v.clone() for k, v in engine.model.state_dict().items()}


@pytest.mark.parametrize("ema", [0.0, 0.9])
@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_resume_is_bit_identical(config, tmp_path, paradigm, ema):
    config["train"]["ema"] = ema
    data = batches(6)
    straight = Engine(as_json(config), paradigm, V, EOS)
    straight.set_rng(7)
    for i, x in enumerate(data):
        train_on(straight, x, 1e-2 * (i + 1) / 6)
    first = Engine(as_json(config), paradigm, V, EOS)
    first.set_rng(7)
    for i, x in enumerate(data[:3]):
        train_on(first, x, 1e-2 * (i + 1) / 6)
    files = json.loads(first.save(str(tmp_path / "ckpt")))
    assert sorted(files) == sorted(p.name for p in (tmp_path / "ckpt").iterdir())
    assert ("ema.safetensors" in files) == (ema > 0)
    resumed = Engine(as_json({**config, "seed": 999}), paradigm, V, EOS)  # different init, overwritten by load
    resumed.load(str(tmp_path / "ckpt"))
    for i, x in enumerate(data[3:], start=3):
        train_on(resumed, x, 1e-2 * (i + 1) / 6)
    a, b = weights(straight), weights(resumed)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    assert np.array_equal(straight.drain()[3:], resumed.drain())
    # evaluation reads the average when there is one: equal averages give equal numbers
    assert np.array_equal(straight.evaluate(data[0], 5), resumed.evaluate(data[0], 5))


def test_drain_returns_loss_and_grad_norm_per_step_then_empties(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    for x in batches(3):
        train_on(engine, x, 1e-3)
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
        train_on(engine, tokens, 1e-2)
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
    settings = json.dumps(config["sample"])
    a, b = engine.sample(5, 11, settings, [3, 4]), engine.sample(5, 11, settings, [3, 4])
    ids = a["ids"]
    assert ids.dtype == np.int32 and ids.shape == (5, 16) and np.array_equal(ids, b["ids"])
    assert ids.max() < V and np.all(ids[:, :2] == [3, 4])
    assert a["prompt_ids"] == [3, 4] and a["texts"] is None  # no tokenizer: ids only
    assert not np.array_equal(ids, engine.sample(5, 12, settings, [3, 4])["ids"])


@pytest.fixture(scope="module")
def tokenizer_file(tmp_path_factory):
    """A byte-level BPE of 300 tokens (end-of-story id 0) trained on generated stories."""
    path = tmp_path_factory.mktemp("tokenizer") / "tokenizer.json"
    train_bpe(generate_stories(200, 3), 300).save(str(path))
    return str(path)


def test_sample_takes_a_text_prompt_and_returns_ids_and_text_in_one_call(config, tokenizer_file):
    config["sample"]["stop_at_eos"] = True
    engine = Engine(as_json(config), "ar", 300, 0, tokenizer_file)
    out = engine.sample(4, 5, json.dumps(config["sample"]), [0, "Once upon"])  # the eos-text prompt
    expected_prompt = [0] + encode(tokenizer_file, "Once upon").tolist()
    assert out["prompt_ids"] == expected_prompt and len(expected_prompt) > 1
    assert np.all(out["ids"][:, : len(expected_prompt)] == expected_prompt)
    assert out["texts"] == decode_batch(tokenizer_file, out["ids"], True)
    assert all(text.startswith("Once upon") for text in out["texts"])  # the leading eos is not text
    text_only = engine.sample(4, 5, json.dumps(config["sample"]), "Once upon")  # the text prompt: no eos
    assert text_only["prompt_ids"] == expected_prompt[1:]
    with pytest.raises(PythonError, match="built without a tokenizer"):
        Engine(as_json(config), "ar", 300, 0).sample(1, 0, json.dumps(config["sample"]), "Once")


def test_sampling_without_the_kv_cache_matches_the_cached_sampler(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    settings = json.dumps({**config["sample"], "top_k": 1})  # greedy: no tie-breaking noise
    cached = engine.sample(4, 3, settings, [EOS])
    uncached = engine.sample(4, 3, settings, [EOS], False)
    assert uncached["ids"].shape == (4, config["sample"]["length"])
    assert np.array_equal(cached["ids"], uncached["ids"])
    with pytest.raises(PythonError, match="without a KV cache needs an AR engine"):
        Engine(as_json(config), "mdlm", V, EOS).sample(2, 0, settings, None, False)


def test_score_of_a_row_without_eos_is_its_ar_evaluation(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    rows = np.random.default_rng(4).integers(1, V, (3, 16)).astype(np.int32)  # no eos (id 0)
    scores = engine.score(rows, 1)
    assert scores.shape == (3, 2) and np.all(scores[:, 1] == 15)
    assert scores[:, 0].sum() == pytest.approx(engine.evaluate(rows, 0)[0], rel=1e-6)
    rows[0, 5] = EOS  # row 0's story ends at position 5: positions 1..5 are scored
    assert engine.score(rows, 1)[0, 1] == 5 and engine.score(rows, 7)[0, 1] == 9  # an eos before start: to the end
    with pytest.raises(PythonError, match="needs an AR judge"):
        Engine(as_json(config), "mdlm", V, EOS).score(rows, 1)


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


def test_weight_decay_scope_picks_the_decayed_parameters(config):
    matrices = Engine(as_json(config), "mdlm", V, EOS).optimizer.param_groups
    assert [g["weight_decay"] for g in matrices] == [0.1, 0.0]
    assert all(p.dim() >= 2 for p in matrices[0]["params"]) and all(p.dim() == 1 for p in matrices[1]["params"])
    config["train"]["weight_decay_scope"] = "all"
    every = Engine(as_json(config), "mdlm", V, EOS).optimizer.param_groups
    assert len(every) == 1 and every[0]["weight_decay"] == 0.1


@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_the_protocols_name_alone_changes_nothing(paradigm):
    # arche-2026's values under another name: the engine reads keys, never the name.
    arche = tiny(shipped("arche-2026"))
    renamed = {**arche, "protocol": "controlled"}
    x = batches(1)[0]
    runs = []
    for cfg in (arche, renamed):
        engine = Engine(as_json(cfg), paradigm, V, EOS)
        engine.set_rng(3)
        train_on(engine, x, 1e-2)
        runs.append((json.loads(engine.info())["params"], engine.drain()[0, 0], engine.evaluate(x, 1)[0]))
    assert runs[0] == runs[1]
    controlled = Engine(as_json(tiny(shipped("demo"))), paradigm, V, EOS)
    if paradigm == "mdlm":  # and the values do differ from the controlled ones: untied head, time embedding
        assert runs[0][0] > json.loads(controlled.info())["params"]


def test_load_takes_the_architecture_from_the_checkpoint(config, tmp_path):
    small = Engine(as_json(config), "ar", V, EOS)
    small.save(str(tmp_path))
    config["model"]["d_model"] = 64
    other = Engine(as_json(config), "ar", V, EOS)
    other.load(str(tmp_path))
    assert other.model_args.d_model == 32
    assert all(torch.equal(a, b) for a, b in zip(weights(small).values(), weights(other).values()))
    with pytest.raises(PythonError, match="holds a ar model, but this engine is mdlm"):
        Engine(as_json(config), "mdlm", V, EOS).load(str(tmp_path))


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda c: c["train"].pop("beta2"), "ConfigError: train.beta2 is missing from the resolved config; Java sends "
                                            "every key of configs/demo.yaml"),
        (lambda c: c.pop("train"), "train is missing from the resolved config"),
        (lambda c: c["mdlm"].update(loss="mean"), "mdlm.loss is 'mean'; expected one of nelbo, masked-mean"),
        (lambda c: c["train"].update(device="tpu"), "train.device is 'tpu'; expected one of auto, cpu, cuda"),
        (lambda c: c["model"].update(impl="nowhere_pkg:build"), "model.impl='nowhere_pkg:build'"),
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
        train_on(engine, np.full((2, 16), V, dtype=np.int32) * np.array([[0], [1]], dtype=np.int32), 1e-3)
    with pytest.raises(PythonError, match="more than model.seq_len=16"):
        engine.evaluate(np.zeros((2, 17), dtype=np.int32), 0)


def test_a_bound_batch_is_checked_at_every_step_and_must_be_refillable_int32(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    with pytest.raises(PythonError, match="none is bound"):
        engine.train_step(1e-3)
    with pytest.raises(PythonError, match="C-contiguous int32 array"):
        engine.bind_batch(np.zeros((2, 16), dtype=np.int64))
    with pytest.raises(PythonError, match="C-contiguous int32 array"):
        engine.bind_batch(np.zeros((16, 2), dtype=np.int32).T)  # a view that a refill could not fill row by row
    buffer = np.zeros((2, 16), dtype=np.int32)
    engine.bind_batch(buffer)
    engine.train_step(1e-3)
    buffer[1, 3] = -1  # refilled with a bad id after binding: the next step refuses it
    with pytest.raises(PythonError, match=r"found values in \[-1, 0\]"):
        engine.train_step(1e-3)
    assert len(engine.drain()) == 1


@pytest.mark.parametrize("protocol", ["demo", "arche-2026"])
@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_a_bound_batch_refilled_in_place_trains_bit_identically_to_the_step_it_replaced(protocol, paradigm):
    # The step before bind_batch, as a reference: a fresh int64 tensor per step, the modules set to training mode
    # at every step, the same objective, clipping and AdamW. Binding once, refilling the memory in place, int32 ids
    # and training mode set once must not change a bit of it; a step that read a copy taken when the buffer was bound
    # would train on the first batch again and again, and fail.
    config = tiny(shipped(protocol))
    data = batches(4)
    engine = Engine(as_json(config), paradigm, V, EOS)
    engine.set_rng(7)
    buffer = np.empty_like(data[0])
    engine.bind_batch(data[0].copy())
    for i, x in enumerate(data):
        if i == 1:
            engine.bind_batch(buffer)  # bound once; from here on only refilled
        np.copyto(buffer, x)
        engine.train_step(1e-2 * (i + 1))
    reference = Engine(as_json(config), paradigm, V, EOS)
    reference.set_rng(7)
    model, optimizer = reference.model, reference.optimizer
    losses = []
    for i, x in enumerate(data):
        for group in optimizer.param_groups:
            group["lr"] = 1e-2 * (i + 1)
        model.train()
        loss = reference.objective.train_loss(reference.train_forward, torch.from_numpy(x).long(), reference.generator)
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), config["train"]["grad_clip"])
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        losses.append([loss.item(), grad_norm.item()])
    assert np.array_equal(engine.drain(), np.array(losses))
    a, b = weights(engine), weights(reference)
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_the_model_trains_in_training_mode_and_is_put_back_in_it_after_evaluating_scoring_and_sampling(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    modes = []
    engine.model.register_forward_pre_hook(lambda module, args: modes.append(module.training))
    x = batches(1)[0]
    train_on(engine, x, 1e-3)
    engine.evaluate(x, 0)
    engine.score(x, 1)
    engine.sample(1, 0, json.dumps({**config["sample"], "length": 4}), [EOS])
    assert modes[0] is True and not any(modes[1:]), modes  # eval mode inside each of the three calls
    assert all(m.training for m in engine.model.modules()), "back in training mode"
    train_on(engine, x, 1e-3)
    assert modes[-1] is True


def stacked_batches(k, rows=4, cols=16, seed=0):
    return np.random.default_rng(seed).integers(0, V, (k, rows, cols)).astype(np.int32)


@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_train_window_takes_the_same_steps_as_a_manual_loop(config, paradigm):
    batches = stacked_batches(3)
    looped = Engine(as_json(config), paradigm, V, EOS)
    looped.set_rng(7)
    seconds = looped.train_window(batches, 5, 2, 1e-2)
    manual = Engine(as_json(config), paradigm, V, EOS)
    manual.set_rng(7)
    for step in range(5):  # batches cycle: 0 1 2 0 1
        train_on(manual, batches[step % 3], 1e-2)
    assert seconds > 0
    assert looped.drain().shape == (0, 2)  # the window ends with a drain
    assert len(manual.drain()) == 5
    a, b = weights(looped), weights(manual)
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_train_window_rejects_bad_arguments(config):
    engine = Engine(as_json(config), "ar", V, EOS)
    with pytest.raises(PythonError, match="int32 array K×B×T"):
        engine.train_window(stacked_batches(2)[0], 1, 1, 1e-3)
    with pytest.raises(PythonError, match="int32"):
        engine.train_window(stacked_batches(2).astype(np.int64), 1, 1, 1e-3)
    with pytest.raises(PythonError, match="at least 1"):
        engine.train_window(stacked_batches(2), 0, 1, 1e-3)


def test_device_facts_name_the_device(config):
    facts = json.loads(Engine(as_json(config), "ar", V, EOS).device_facts())
    assert facts["device"] == "cpu" and facts["device_name"] is None
    assert facts["torch"] == torch.__version__ and facts["torch_threads"] == torch.get_num_threads()


def test_device_facts_give_the_peak_memory_since_the_engine_was_built(config):
    first = Engine(as_json(config), "ar", V, EOS)
    ballast = torch.ones(64 * 2**20 // 4)  # 64 MiB touched while the first engine is the newest
    peak_with_ballast = json.loads(first.device_facts())
    del ballast
    second = Engine(as_json(config), "ar", V, EOS)
    facts = json.loads(second.device_facts())
    assert facts["peak_memory_kind"] in ("process_peak_rss", "process_peak_rss_since_start")
    assert facts["peak_memory_gib"] > 0.01  # at least torch itself
    if facts["peak_memory_kind"] == "process_peak_rss":  # the peak was reset when the second engine was built
        assert facts["peak_memory_gib"] < peak_with_ballast["peak_memory_gib"] - 0.03, (facts, peak_with_ballast)


def test_tf32_is_set_through_the_per_backend_api_only():
    # torch >= 2.9 can refuse to read the legacy flags (allow_tf32) once the per-backend ones were set ("mix of the
    # legacy and new APIs"), so the engine sets and reads only the new ones; they need no GPU to be set.
    from paradigm.device import use_tf32

    saved = torch.backends.cuda.matmul.fp32_precision, torch.backends.cudnn.conv.fp32_precision
    try:
        use_tf32(torch.device("cuda"), True)
        assert (torch.backends.cuda.matmul.fp32_precision, torch.backends.cudnn.conv.fp32_precision) == ("tf32", "tf32")
        use_tf32(torch.device("cuda"), False)  # train.precision: float32 (the study's): no TF32
        assert (torch.backends.cuda.matmul.fp32_precision, torch.backends.cudnn.conv.fp32_precision) == ("ieee", "ieee")
        use_tf32(torch.device("cpu"), True)  # a CPU engine leaves the CUDA settings alone
        assert torch.backends.cuda.matmul.fp32_precision == "ieee"
    finally:
        torch.backends.cuda.matmul.fp32_precision, torch.backends.cudnn.conv.fp32_precision = saved
