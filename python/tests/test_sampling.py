"""Samplers: filtering, categorical draws, KV-cache equivalence, determinism, MDLM invariants."""

import dataclasses

import pytest
import torch
import torch.nn as nn

from conftest import TINY_CONFIG
from paradigm import config
from paradigm.config import MdlmSampler
from paradigm.model import ModelArgs, build_model
from paradigm.objectives import LogLinearSchedule
from paradigm.sampling import (
    apply_repetition, fill_after_eos, filter_logits, gumbel_argmax, make_mdlm_sampler, sample_ar,
    sample_mdlm_confidence,
)

V = 40


def settings_with(**changes):
    """The tiny config's sample section (temperature 1, no top-k/top-p, float64 draws) with ``changes``."""
    return dataclasses.replace(config.read(TINY_CONFIG).sample, **changes)


def sample_mdlm(model, prompt, settings, generator, mask_id, schedule):
    return make_mdlm_sampler(settings.mdlm_sampler)(model, prompt, settings, generator, mask_id, schedule)


def tiny(causal):
    cfg = ModelArgs(n_layer=2, d_model=32, n_head=2, d_ff=64, seq_len=16, vocab_size=V, causal=causal,
                      n_mask_tokens=0 if causal else 1)
    return build_model(cfg, generator=torch.Generator().manual_seed(3)).eval()


def test_top_k_and_top_p_keep_the_expected_tokens():
    logits = torch.log(torch.tensor([[0.5, 0.05, 0.3, 0.15]]))
    kept = lambda out: torch.isfinite(out)[0].tolist()  # noqa: E731
    assert kept(filter_logits(logits, 1.0, top_k=2)) == [True, False, True, False]
    # top_p=0.7: 0.5 alone is < 0.7, 0.5+0.3 reaches it, so {0, 2} stay
    assert kept(filter_logits(logits, 1.0, top_p=0.7)) == [True, False, True, False]
    assert kept(filter_logits(logits, 1.0, top_p=0.85)) == [True, False, True, True]
    torch.testing.assert_close(filter_logits(logits, 2.0), logits / 2)


def test_gumbel_argmax_draws_the_categorical_distribution():
    probs = torch.tensor([0.5, 0.3, 0.15, 0.05], dtype=torch.float64)
    logits = probs.log().expand(40000, 4)
    for float64 in (True, False):
        draws = gumbel_argmax(logits, torch.Generator().manual_seed(1), float64)
        freq = torch.bincount(draws, minlength=4).double() / draws.numel()
        torch.testing.assert_close(freq, probs, atol=0.01, rtol=0)


def test_fill_after_eos_and_repetition_penalty_by_hand():
    ids = torch.tensor([[0, 5, 0, 7, 8], [0, 5, 6, 7, 8]])
    assert fill_after_eos(ids, 0, start=1).tolist() == [[0, 5, 0, 0, 0], [0, 5, 6, 7, 8]]
    x = torch.tensor([[1, 3, 1, 2, 1]])  # token 1 revealed 3 times, 2 once; 3 is the mask id here, so it never counts
    logits = torch.tensor([[[2.0, 2.0, -2.0, 4.0]]]).expand(1, 5, 4)
    out = apply_repetition(logits, x, mask_id=3, penalty=2.0, cap=5.0)
    # by hand: token 1 / min(2^3, 5) = 2/5; token 2 / min(2^1, 5) = -2/2, raised; tokens 0 and 3 unchanged
    torch.testing.assert_close(out[0, 0], torch.tensor([2.0, 0.4, -1.0, 4.0]))


def test_kv_cached_greedy_equals_full_recompute():
    model = tiny(True)
    settings = settings_with(length=16, top_k=1, stop_at_eos=False)
    prompt = torch.tensor([[1, 2], [7, 9], [3, 3]])
    cached = sample_ar(model, 2, prompt, settings, torch.Generator().manual_seed(0), eos_id=0, use_cache=True)
    full = sample_ar(model, 2, prompt, settings, torch.Generator().manual_seed(0), eos_id=0, use_cache=False)
    assert torch.equal(cached, full) and torch.equal(cached[:, :2], prompt)
    # greedy really is the argmax of the full forward at every step
    with torch.no_grad():
        assert torch.equal(model(full[:, :-1]).argmax(-1)[:, 1:], full[:, 2:])


def test_ar_sampling_is_seeded_and_stops_at_eos():
    model = tiny(True)
    settings = settings_with(length=16, stop_at_eos=True)
    prompt = torch.zeros(6, 1, dtype=torch.long)
    a = sample_ar(model, 2, prompt, settings, torch.Generator().manual_seed(4), eos_id=5)
    b = sample_ar(model, 2, prompt, settings, torch.Generator().manual_seed(4), eos_id=5)
    c = sample_ar(model, 2, prompt, settings, torch.Generator().manual_seed(5), eos_id=5)
    assert torch.equal(a, b) and not torch.equal(a, c)
    for row in a.tolist():
        if 5 in row:
            first = row.index(5)
            assert all(v == 5 for v in row[first:])


@pytest.mark.parametrize("sampler", ["ancestral", "cached", "confidence"])
def test_mdlm_samplers_are_seeded_keep_the_prefix_and_emit_no_mask(sampler):
    model = tiny(False)
    settings = settings_with(length=16, mdlm_sampler=MdlmSampler(sampler), mdlm_steps=6)
    prompt = torch.tensor([[4, 2, 9]]).repeat(5, 1)
    run = lambda seed: sample_mdlm(model, prompt, settings, torch.Generator().manual_seed(seed), V, LogLinearSchedule(1e-3))  # noqa: E731
    a, b, c = run(1), run(1), run(2)
    assert torch.equal(a, b) and not torch.equal(a, c)
    assert a.shape == (5, 16) and int(a.max()) < V and int(a.min()) >= 0  # mask id V never appears
    assert torch.equal(a[:, :3], prompt)


class FixedModel(nn.Module):
    """The same distribution at every position, whatever the input: p = softmax(logits) over the vocabulary."""

    def __init__(self, logits):
        super().__init__()
        self.logits = logits

    def forward(self, idx, t=None, kv_cache=None):
        return self.logits.expand(*idx.shape, -1)


@pytest.mark.parametrize("steps", [3, 64])
def test_ancestral_draws_each_revealed_token_from_the_models_distribution(steps):
    # every position ends up drawn once from p (a Gumbel draw at its reveal step, or the argmax of the final
    # noise removal for the few left masked at t = 1e-5: about 1e-5 of them), so the tokens' frequencies are p's
    logits = torch.log(torch.tensor([0.5, 0.3, 0.15, 0.05] + [1e-12] * (V - 4)))
    settings = settings_with(length=16, mdlm_steps=steps, mdlm_sampler=MdlmSampler.ANCESTRAL)
    out = sample_mdlm(FixedModel(logits), torch.zeros(2000, 0, dtype=torch.long), settings,
                      torch.Generator().manual_seed(5), V, LogLinearSchedule(1e-3))
    freq = torch.bincount(out.flatten(), minlength=V).double() / out.numel()
    # 32,000 draws: the standard error of a frequency is at most sqrt(0.25 / 32000) = 0.0028
    assert torch.allclose(freq[:4], torch.tensor([0.5, 0.3, 0.15, 0.05], dtype=torch.float64), atol=0.012), freq[:4]
    assert float(freq[4:].sum()) == 0.0


def test_cached_sampler_equals_ancestral_for_a_model_that_ignores_t():
    model = tiny(False)
    for steps in (4, 40):  # 40 steps over 16 positions: many steps change nothing, so the cache is used
        settings = settings_with(length=16, mdlm_steps=steps, mdlm_sampler=MdlmSampler.ANCESTRAL)
        cached = settings_with(length=16, mdlm_steps=steps, mdlm_sampler=MdlmSampler.CACHED)
        prompt = torch.zeros(3, 0, dtype=torch.long)
        a = sample_mdlm(model, prompt, settings, torch.Generator().manual_seed(7), V, LogLinearSchedule(1e-3))
        b = sample_mdlm(model, prompt, cached, torch.Generator().manual_seed(7), V, LogLinearSchedule(1e-3))
        assert torch.equal(a, b)


class CountingModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.masked_seen = []

    def forward(self, idx, t=None, kv_cache=None):
        self.masked_seen.append(int((idx == V).sum()))
        return torch.zeros(*idx.shape, V)


def test_confidence_sampler_reveals_max_1_masked_over_steps_left():
    model = CountingModel()
    settings = settings_with(length=10, mdlm_sampler=MdlmSampler.CONFIDENCE, mdlm_steps=4)
    out = sample_mdlm_confidence(model, torch.zeros(1, 0, dtype=torch.long), settings, torch.Generator().manual_seed(0), V)
    # by hand: 10 masked, k=10//4=2 → 8, k=8//3=2 → 6, k=6//2=3 → 3, k=3//1=3 → 0
    assert model.masked_seen == [10, 8, 6, 3]
    assert int((out == V).sum()) == 0


def test_cached_sampler_skips_forwards_when_nothing_changed():
    model = CountingModel()
    settings = settings_with(length=4, mdlm_sampler=MdlmSampler.CACHED, mdlm_steps=64)
    sample_mdlm(model, torch.zeros(1, 0, dtype=torch.long), settings, torch.Generator().manual_seed(0), V, LogLinearSchedule(1e-3))
    assert 1 <= len(model.masked_seen) <= 5  # at most one forward per change of x (4 positions) + the first
