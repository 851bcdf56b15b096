"""arche-2026's settings, each checked against the published study's formula, computed by hand here
(../shared/reference/arche-study-code.md): its confidence sampler, its split, PyTorch's default init, its time
embedding and its validation number."""

import dataclasses
import math

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from conftest import as_json, shipped, tiny
from paradigm import config
from paradigm.config import SplitRule
from paradigm.data.prepare import split_chunks, val_rows
from paradigm.engine import Engine, model_args_for
from paradigm.model import TimeEmbedding, build_model
from paradigm.objectives import Paradigm
from paradigm.sampling import apply_repetition, confidence_temperature, sample_mdlm_confidence

ARCHE = config.read(shipped("arche-2026"))
V = 40


def arche_sampler(**changes):
    return dataclasses.replace(ARCHE.sample, **changes)


class RecordingModel(nn.Module):
    """Fixed random logits; records every input it is given."""

    def __init__(self, vocab=V, seed=0):
        super().__init__()
        self.vocab, self.seed, self.inputs = vocab, seed, []

    def forward(self, idx, t=None, kv_cache=None):
        self.inputs.append(idx.clone())
        g = torch.Generator().manual_seed(self.seed + len(self.inputs))
        return torch.randn(*idx.shape, self.vocab, generator=g)


# ---------------------------------------------------------------- the confidence sampler


def test_at_length_128_and_100_steps_72_steps_reveal_one_token_and_28_two():
    by_hand, masked = [], 128
    for s in range(100):
        k = max(1, masked // (100 - s))  # the study's n_masked // steps_left
        by_hand.append(k)
        masked -= k
    assert (by_hand.count(1), by_hand.count(2), sum(by_hand)) == (72, 28, 128)

    model = RecordingModel()
    settings = arche_sampler(length=128)
    assert settings.mdlm_steps == 100
    empty = torch.zeros(1, 0, dtype=torch.long)
    out = sample_mdlm_confidence(model, empty, settings, torch.Generator().manual_seed(1), V)
    still_masked = [int((x == V).sum()) for x in model.inputs] + [int((out == V).sum())]
    revealed = [a - b for a, b in zip(still_masked, still_masked[1:])]
    assert revealed == by_hand


def test_the_temperature_is_0_8_at_the_first_step_and_0_325_at_the_last():
    settings = arche_sampler()
    for s, expected in ((0, 0.8), (99, 0.325)):
        t = 1 - s / 100
        by_hand = max(0.8 * (0.4 + 0.6 * t), 0.1)
        assert confidence_temperature(settings, t) == pytest.approx(by_hand, abs=1e-12)
        assert by_hand == pytest.approx(expected, abs=5e-4)
    assert confidence_temperature(arche_sampler(temperature=0.2), 0.0) == 0.1  # the floor


def test_the_repetition_divisor_raises_a_negative_logit():
    x = torch.tensor([[2, 2, V, 5]])  # token 2 revealed twice, token 5 once, one position masked
    logits = torch.full((1, 4, V), -3.0)
    c = ARCHE.sample.confidence
    out = apply_repetition(logits, x, V, c.repetition_penalty, c.repetition_cap)
    assert out[0, 0, 2].item() == pytest.approx(-3.0 / 1.3**2) and out[0, 0, 5].item() == pytest.approx(-3.0 / 1.3)
    assert out[0, 0, 2] > -3.0 and out[0, 0, 5] > -3.0  # "a penalty" that boosts these tokens
    assert out[0, 0, 7].item() == -3.0  # never revealed: unchanged
    many = torch.full((1, 10), 2)  # revealed 10 times: 1.3^10 = 13.8, capped at 5
    assert apply_repetition(logits[:, :1].expand(1, 10, V), many, V, 1.3, 5.0)[0, 0, 2].item() == pytest.approx(-0.6)


def test_nothing_revealed_ever_changes_and_nothing_stays_masked():
    model = RecordingModel(seed=3)
    settings = arche_sampler(length=24, mdlm_steps=10)
    empty = torch.zeros(3, 0, dtype=torch.long)
    out = sample_mdlm_confidence(model, empty, settings, torch.Generator().manual_seed(2), V)
    seen = model.inputs + [out]
    for earlier, later in zip(seen, seen[1:]):
        revealed = earlier != V
        assert torch.equal(later[revealed], earlier[revealed])
    assert int((out == V).sum()) == 0


# ---------------------------------------------------------------- the split


def test_the_split_of_97656_chunks_is_the_last_4882_of_randomstates_permutation():
    n = 97_656
    assert ARCHE.data.split_rule is SplitRule.PERMUTATION_TAIL
    by_hand = np.random.RandomState(42).permutation(n)[-max(50, n // 20):]
    assert len(by_hand) == 4_882
    assert np.array_equal(val_rows(n, ARCHE.data), by_hand)

    tokens = np.arange(n * 2, dtype=np.int32)  # chunks of 2 tokens: chunk i holds 2i, 2i+1
    cfg = dataclasses.replace(ARCHE, model=dataclasses.replace(ARCHE.model, seq_len=2))
    train, val = split_chunks(cfg, tokens, None)
    assert np.array_equal(val[:, 0] // 2, by_hand)  # in the permutation's order: the study's "first 1,600"
    assert len(train) == 92_774 and np.all(np.diff(train[:, 0]) > 0)  # the rest, in stream order
    assert len(np.intersect1d(train[:, 0], val[:, 0])) == 0


def test_the_min_chunk_count_holds_for_a_small_corpus():
    assert len(val_rows(120, ARCHE.data)) == 50  # max(50, 120 // 20)
    controlled = config.read(shipped("tinystories")).data
    assert len(val_rows(97_656, controlled)) == 4_883  # round(4,882.8)
    assert np.all(np.diff(val_rows(97_656, controlled)) > 0)


# ---------------------------------------------------------------- PyTorch's default init


def built(cfg_dict, paradigm, vocab=2_000, seed=0):
    cfg = config.read(cfg_dict)
    return build_model(model_args_for(cfg, paradigm, vocab), generator=torch.Generator().manual_seed(seed))


def arche_small():
    raw = shipped("arche-2026")
    raw["model"].update(n_layer=2, d_model=64, n_head=4, d_ff=128, seq_len=16)
    return raw


def test_pytorch_init_draws_as_nn_embedding_and_nn_linear_do():
    model = built(arche_small(), Paradigm.MDLM)
    emb = model.tok_emb.weight[:2_001]  # the vocabulary and the mask row
    assert emb.std().item() == pytest.approx(1.0, abs=0.02) and emb.mean().abs().item() < 0.01
    reference = nn.Embedding(2_001, 64).weight  # PyTorch's own, for comparison
    assert emb.std().item() == pytest.approx(reference.std().item(), abs=0.03)
    for name, weight in [("qkv", model.blocks[0].attn.qkv.weight), ("fc_out", model.blocks[1].mlp.fc_out.weight),
                         ("head", model.head.weight[:2_000]), ("time", model.time_mlp.linear.weight),
                         ("time bias", model.time_mlp.linear.bias)]:
        fan_in = 64 if name == "time bias" else weight.size(1)
        bound = 1 / math.sqrt(fan_in)  # nn.Linear: kaiming_uniform_(a=sqrt(5)) = U(±1/sqrt(fan_in)), bias too
        assert weight.abs().max().item() <= bound, name
        assert weight.std().item() == pytest.approx(bound / math.sqrt(3), rel=0.1), name  # the uniform's std
    assert torch.all(model.blocks[0].norm_attn.weight == 1) and torch.all(model.norm.weight == 1)
    assert model.cfg.norm_eps == 1e-6 and model.cfg.time_scale == 1.0 and model.cfg.init == "pytorch"


def test_pytorch_init_keeps_the_shared_parameters_identical_across_paradigms():
    ar, mdlm = built(arche_small(), Paradigm.AR), built(arche_small(), Paradigm.MDLM)
    a, m = ar.state_dict(), mdlm.state_dict()
    assert torch.equal(a["tok_emb.weight"][:2_000], m["tok_emb.weight"][:2_000])
    assert all(torch.equal(a[k], m[k]) for k in a if k != "tok_emb.weight")


def test_the_tied_head_starts_with_logits_of_std_near_sqrt_d_model():
    # The study's silent difference: a tied head over N(0, 1) rows gives initial logits of std ≈ sqrt(d) (≈ 28 at
    # d = 768), the untied MDLM head U(±1/sqrt(d)) far smaller ones.
    ar, mdlm = built(arche_small(), Paradigm.AR), built(arche_small(), Paradigm.MDLM)
    x = torch.randint(0, 2_000, (2, 16), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        ar_std, mdlm_std = ar(x).std().item(), mdlm(x, torch.full((2,), 0.5)).std().item()
    assert ar_std == pytest.approx(math.sqrt(64), rel=0.15) and mdlm_std < 1.0


# ---------------------------------------------------------------- the time embedding


def test_the_time_embedding_of_one_half_is_sin_and_cos_of_t_times_the_frequencies():
    embedding = TimeEmbedding(768, ARCHE.model.time_scale)
    features = embedding.features(torch.tensor([0.5])).double()[0]
    by_hand = [math.sin(0.5 * math.exp(-math.log(10_000) * i / 384)) for i in range(384)]
    by_hand += [math.cos(0.5 * math.exp(-math.log(10_000) * i / 384)) for i in range(384)]
    torch.testing.assert_close(features, torch.tensor(by_hand, dtype=torch.float64), atol=1e-6, rtol=0)
    with torch.no_grad():
        expected = F.silu(embedding.linear.weight.double() @ torch.tensor(by_hand, dtype=torch.float64)
                          + embedding.linear.bias.double())
        torch.testing.assert_close(embedding(torch.tensor([0.5]))[0].double(), expected, atol=1e-5, rtol=0)


# ---------------------------------------------------------------- the study's validation number


def arche_engine(paradigm):
    return Engine(as_json(tiny(shipped("arche-2026"))), paradigm, V, 0)


def test_the_ar_validation_number_is_the_mean_next_token_cross_entropy():
    engine = arche_engine("ar")
    x = np.random.default_rng(0).integers(0, V, (4, 16)).astype(np.int32)
    tokens = torch.from_numpy(x).long()
    with torch.no_grad():
        logits = engine.model(tokens[:, :-1])
    by_hand = F.cross_entropy(logits.double().reshape(-1, V), tokens[:, 1:].reshape(-1))
    assert engine.cross_entropy(x, 5) == pytest.approx(by_hand.item(), rel=1e-6)


def test_the_mdlm_validation_number_is_the_unweighted_masked_cross_entropy_under_the_cosine_rate():
    engine = arche_engine("mdlm")
    x = np.random.default_rng(1).integers(0, V, (4, 16)).astype(np.int32)
    tokens = torch.from_numpy(x).long()
    g = torch.Generator().manual_seed(7)  # what the engine seeds with 7: t ~ U(0, 1) per row, then the mask uniforms
    t = torch.rand(4, generator=g)
    masked = torch.rand(4, 16, generator=g) < torch.sin(math.pi * t / 2)[:, None] ** 2  # 1 - cos²(πt/2)
    with torch.no_grad():
        logits = engine.model(torch.where(masked, V, tokens), t)
    nll = F.cross_entropy(logits.double().reshape(-1, V), tokens.reshape(-1), reduction="none").view(4, 16)
    by_hand = nll[masked].sum() / masked.sum()
    assert masked.any() and engine.cross_entropy(x, 7) == pytest.approx(by_hand.item(), rel=1e-6)
    assert engine.cross_entropy(x, 7) == engine.cross_entropy(x, 7) != engine.cross_entropy(x, 8)  # seeded
