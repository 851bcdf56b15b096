"""Objectives against independent float64 references of the formulas (Sahoo et al. 2024)."""

import dataclasses
import math

import pytest
import torch
import torch.nn as nn

from conftest import TINY_CONFIG, shipped
from paradigm import config
from paradigm.config import MdlmLoss, NoiseSchedule, TimeSampler
from paradigm.objectives import (
    ARObjective, CosineSchedule, LogLinearSchedule, MDLMObjective, Paradigm, TokenNll, antithetic_times, corrupt,
    make_objective, make_schedule,
)

V, EPS = 11, 1e-3


class FixedLogits(nn.Module):
    """A stand-in model: returns fixed logits whatever the input, and remembers what it was given."""

    def __init__(self, logits):
        super().__init__()
        self.logits = logits
        self.seen = []

    def forward(self, idx, t=None, kv_cache=None):
        self.seen.append((idx.clone(), None if t is None else t.clone()))
        return self.logits[:, : idx.size(1)]


def ref_log_softmax(logits):
    """float64 log-softmax written out: x - log(sum(exp(x - max))) - max."""
    x = logits.double()
    m = x.max(dim=-1, keepdim=True).values
    return x - m - torch.log(torch.exp(x - m).sum(dim=-1, keepdim=True))


def test_ar_loss_and_evaluate_match_float64_reference():
    g = torch.Generator().manual_seed(0)
    logits = torch.randn(3, 8, V, generator=g)
    tokens = torch.randint(0, V, (3, 8), generator=g)
    model = FixedLogits(logits)
    logp = ref_log_softmax(logits[:, :7])
    nll = -logp.gather(-1, tokens[:, 1:, None]).squeeze(-1)  # predict token i+1 from prefix up to i
    loss = ARObjective().train_loss(TokenNll(model), tokens)
    assert torch.equal(model.seen[0][0], tokens[:, :-1])
    assert loss.item() == pytest.approx(nll.mean().item(), rel=1e-6)
    total, count = ARObjective().evaluate(TokenNll(model), tokens, seed=0)
    assert count == 3 * 7 and total.item() == pytest.approx(nll.sum().item(), rel=1e-6)


def test_loglinear_weight_is_minus_alpha_prime_over_one_minus_alpha():
    t = torch.tensor([0.01, 0.3, 0.77, 1.0], dtype=torch.float64, requires_grad=True)
    for schedule in (LogLinearSchedule(EPS), CosineSchedule()):
        alpha = 1 - schedule.mask_prob(t)
        (d_alpha,) = torch.autograd.grad(alpha.sum(), t)
        expected = -d_alpha / (1 - alpha)
        torch.testing.assert_close(schedule.nelbo_weight(t.detach()), expected.detach())
    torch.testing.assert_close(LogLinearSchedule(EPS).nelbo_weight(t.detach()), 1 / t.detach())


def test_antithetic_times_are_evenly_spaced_from_one_uniform():
    B = 8
    t = antithetic_times(B, EPS, torch.Generator().manual_seed(3), "cpu")
    u = torch.rand(1, generator=torch.Generator().manual_seed(3)).item()
    expected = [(1 - EPS) * ((u + i / B) % 1.0) + EPS for i in range(B)]
    assert t.tolist() == pytest.approx(expected, abs=1e-6)
    gaps = t.sort().values.diff()
    assert torch.allclose(gaps, torch.full_like(gaps, (1 - EPS) / B), atol=1e-6)
    assert t.min() >= EPS and t.max() < 1


def test_corrupt_masks_with_the_schedule_probability_and_keeps_the_rest():
    x0 = torch.randint(0, V, (4, 20000), generator=torch.Generator().manual_seed(1))
    t = torch.tensor([0.1, 0.4, 0.7, 1.0])
    z, masked = corrupt(x0, t, LogLinearSchedule(EPS), V, torch.Generator().manual_seed(2))
    assert torch.equal(z[masked], torch.full_like(z[masked], V)) and torch.equal(z[~masked], x0[~masked])
    rates = masked.double().mean(dim=1)
    torch.testing.assert_close(rates, (1 - EPS) * t.double(), atol=0.01, rtol=0)


def mdlm(draws=1):
    """The controlled objective (log-linear schedule, NELBO, antithetic t) with ``draws`` evaluation draws."""
    section = config.read(TINY_CONFIG).mdlm
    return MDLMObjective(dataclasses.replace(section, eps=EPS, eval_draws=draws), V)


def test_mdlm_nelbo_matches_float64_reference_of_the_formula():
    g = torch.Generator().manual_seed(4)
    B, T = 4, 9
    logits = torch.randn(B, T, V, generator=g)
    x0 = torch.randint(0, V, (B, T), generator=g)
    loss = mdlm().train_loss(TokenNll(FixedLogits(logits)), x0, torch.Generator().manual_seed(9))
    # Reference: redo the documented draws (one uniform, then B·T uniforms) in float64.
    ref_g = torch.Generator().manual_seed(9)
    u = torch.rand(1, generator=ref_g).double()
    t = (1 - EPS) * ((u + torch.arange(B, dtype=torch.float64) / B) % 1.0) + EPS
    masked = torch.rand(B, T, generator=ref_g).double() < (1 - EPS) * t[:, None]
    nll = -ref_log_softmax(logits).gather(-1, x0[..., None]).squeeze(-1)
    expected = (nll * masked / t[:, None]).sum() / (B * T)
    assert masked.any() and loss.item() == pytest.approx(expected.item(), rel=1e-5)


def test_subs_unmasked_positions_carry_zero_loss():
    g = torch.Generator().manual_seed(5)
    logits = torch.randn(2, 12, V, generator=g)
    x0 = torch.randint(0, V, (2, 12), generator=g)
    model = FixedLogits(logits)
    loss = mdlm().train_loss(TokenNll(model), x0, torch.Generator().manual_seed(6))
    z_t = model.seen[0][0]
    unmasked = z_t != V
    assert unmasked.any() and (~unmasked).any()
    assert torch.equal(z_t[unmasked], x0[unmasked])  # carried over unchanged
    scrambled = logits.clone()
    scrambled[unmasked] = torch.randn(int(unmasked.sum()), V) * 10  # predictions there must not matter
    again = mdlm().train_loss(TokenNll(FixedLogits(scrambled)), x0, torch.Generator().manual_seed(6))
    assert again.item() == loss.item()


def test_one_over_t_weighting_makes_a_uniform_model_score_log_v():
    # A uniform predictor has -log p = log V at every masked token; with P(masked) = (1-eps)t and weight
    # 1/t, the expected NELBO per token is (1-eps)·log V, whatever t is. A wrong weight breaks this.
    B, T = 64, 64
    model = FixedLogits(torch.zeros(B, T, V))
    x0 = torch.randint(0, V, (B, T), generator=torch.Generator().manual_seed(7))
    total, count = mdlm(draws=8).evaluate(TokenNll(model), x0, seed=11)
    assert count == B * T
    assert total.item() / count == pytest.approx((1 - EPS) * math.log(V), rel=0.02)


def test_mdlm_evaluate_is_deterministic_given_the_seed():
    g = torch.Generator().manual_seed(8)
    logits, x0 = torch.randn(3, 10, V, generator=g), torch.randint(0, V, (3, 10), generator=g)
    obj = mdlm(draws=3)
    a, b = obj.evaluate(TokenNll(FixedLogits(logits)), x0, 5), obj.evaluate(TokenNll(FixedLogits(logits)), x0, 5)
    c = obj.evaluate(TokenNll(FixedLogits(logits)), x0, 6)
    assert a[0].item() == b[0].item() and a[0].item() != c[0].item()


def test_arche_loss_is_unweighted_mean_over_masked_tokens_with_cosine_rate():
    g = torch.Generator().manual_seed(10)
    B, T = 4, 9
    logits, x0 = torch.randn(B, T, V, generator=g), torch.randint(0, V, (B, T), generator=g)
    arche = config.read(shipped("arche-2026")).mdlm
    assert (arche.schedule, arche.loss, arche.time_sampler) == (
        NoiseSchedule.COSINE, MdlmLoss.MASKED_MEAN, TimeSampler.UNIFORM)
    obj = make_objective(Paradigm.MDLM, arche, V)
    model = FixedLogits(logits)
    loss = obj.train_loss(TokenNll(model), x0, torch.Generator().manual_seed(12))
    ref_g = torch.Generator().manual_seed(12)
    t = torch.rand(B, generator=ref_g).double()  # independent U(0,1) per sequence
    masked = torch.rand(B, T, generator=ref_g).double() < torch.sin(math.pi * t / 2)[:, None] ** 2
    nll = -ref_log_softmax(logits).gather(-1, x0[..., None]).squeeze(-1)
    assert masked.any() and loss.item() == pytest.approx((nll[masked].sum() / masked.sum()).item(), rel=1e-5)
    torch.testing.assert_close(model.seen[0][1].double(), t)  # the model is given t


def test_each_name_has_one_implementation():
    assert isinstance(make_schedule(NoiseSchedule.LOGLINEAR, EPS), LogLinearSchedule)
    assert isinstance(make_schedule(NoiseSchedule.COSINE, EPS), CosineSchedule)
    with pytest.raises(ValueError, match="Unknown paradigm 'gpt'"):
        Paradigm.parse("gpt")
