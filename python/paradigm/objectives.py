"""Training objectives and likelihood estimators: next-token CE (AR) and masked diffusion (MDLM).

One enum and one factory per axis: ``Paradigm`` (ar | mdlm) here, and the config's ``NoiseSchedule``
(``make_schedule``), ``TimeSampler`` (``make_time_sampler``) and ``MdlmLoss`` (``make_loss``).
``make_objective`` turns (paradigm, the ``mdlm`` section) into an object with
``train_loss(nll_model, tokens, generator)`` and ``evaluate(nll_model, tokens, seed)``, where ``nll_model`` is a model
and its per-token loss as one module (``TokenNll``).

MDLM follows Sahoo et al. 2024 ("Simple and Effective Masked Diffusion Language Models"): absorbing
(mask) forward process, SUBS parameterisation (the model never predicts the mask; unmasked positions
are copied, so they carry zero loss) and the continuous-time NELBO

    NELBO = E_{t~U[0,1]} E_{z_t ~ q(.|x0)} [ -alpha'_t / (1 - alpha_t) * sum_{l: z_t^l = mask} -log p_theta(x0^l | z_t) ]

where alpha_t is the probability that a token is still unmasked at time t.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from enum import Enum

import torch
import torch.nn as nn
import torch.nn.functional as F

from .config import MdlmConfig, MdlmLoss, NoiseSchedule, TimeSampler


class Paradigm(Enum):
    AR = "ar"
    MDLM = "mdlm"

    @classmethod
    def parse(cls, name: str) -> "Paradigm":
        for p in cls:
            if p.value == name:
                return p
        raise ValueError(f"Unknown paradigm {name!r}; expected one of {[p.value for p in cls]}.")


# ---------------------------------------------------------------- noise schedules


class Schedule(ABC):
    """alpha_t = P(token still unmasked at time t), t in [0, 1]; alpha_0 ~ 1, alpha_1 ~ 0."""

    @abstractmethod
    def mask_prob(self, t):
        """1 - alpha_t: the probability that a token is masked at time t (same shape as t)."""

    @abstractmethod
    def nelbo_weight(self, t):
        """-alpha'_t / (1 - alpha_t): the continuous-time NELBO weight of a masked token's -log p."""


class LogLinearSchedule(Schedule):
    """alpha_t = 1 - (1 - eps) t  (upstream MDLM's LogLinearNoise: sigma_t = -log(1 - (1 - eps) t)).

    Derivation of the weight: alpha'_t = -(1 - eps) and 1 - alpha_t = (1 - eps) t, so
    -alpha'_t / (1 - alpha_t) = (1 - eps) / ((1 - eps) t) = 1 / t.
    Upstream writes the same quantity as dsigma / expm1(sigma) with dsigma = (1-eps)/(1-(1-eps)t) and
    expm1(sigma) = (1-eps)t/(1-(1-eps)t), whose ratio is again 1/t.
    """

    def __init__(self, eps: float):
        self.eps = eps

    def mask_prob(self, t):
        return (1.0 - self.eps) * t

    def nelbo_weight(self, t):
        return 1.0 / t


class CosineSchedule(Schedule):
    """Mask rate sin^2(pi t / 2) (the published study), i.e. alpha_t = cos^2(pi t / 2).

    alpha'_t = -pi sin(pi t/2) cos(pi t/2), 1 - alpha_t = sin^2(pi t/2), so the weight is
    pi cos(pi t/2) / sin(pi t/2) = pi / tan(pi t / 2).
    """

    def mask_prob(self, t):
        return torch.sin(0.5 * math.pi * t) ** 2

    def nelbo_weight(self, t):
        return math.pi / torch.tan(0.5 * math.pi * t)


def make_schedule(name: NoiseSchedule, eps: float) -> Schedule:
    """mdlm.schedule's factory; ``eps`` is the log-linear schedule's floor."""
    return {NoiseSchedule.LOGLINEAR: lambda: LogLinearSchedule(eps), NoiseSchedule.COSINE: CosineSchedule}[name]()


# ---------------------------------------------------------------- time samplers and corruption


def antithetic_times(batch: int, eps: float, generator: torch.Generator, device) -> torch.Tensor:
    """t (B,) in [eps, 1): one uniform u shared by the batch, u_i = (u + i/B) mod 1, t_i = (1-eps) u_i + eps.

    The B times are evenly spaced over [0, 1), which lowers the variance of the batch NELBO estimate.
    """
    u = torch.rand(1, generator=generator, device=device)
    u_i = (u + torch.arange(batch, device=device) / batch) % 1.0
    return (1.0 - eps) * u_i + eps


def uniform_times(batch: int, eps: float, generator: torch.Generator, device) -> torch.Tensor:
    """t (B,) ~ U(0, 1) independently (the published study); no eps floor, so ``eps`` is unused."""
    return torch.rand(batch, generator=generator, device=device)


def make_time_sampler(name: TimeSampler):
    """mdlm.time_sampler's factory: a function (batch, eps, generator, device) -> t (B,)."""
    return {TimeSampler.ANTITHETIC: antithetic_times, TimeSampler.UNIFORM: uniform_times}[name]


def corrupt(x0, t, schedule: Schedule, mask_id: int, generator: torch.Generator):
    """q(z_t | x0): mask each token of x0 (B, T) independently with probability mask_prob(t) (t: (B,)).

    Returns z_t (B, T) with masked positions set to mask_id, and the boolean mask (B, T).
    """
    p = schedule.mask_prob(t)[:, None]  # (B, 1)
    masked = torch.rand(x0.shape, generator=generator, device=x0.device) < p
    return torch.where(masked, torch.full_like(x0, mask_id), x0), masked


def token_nll(logits, targets):
    """-log softmax(logits)[target] per position, in float32: logits (..., V), targets (...) of any integer type."""
    flat = F.cross_entropy(logits.float().reshape(-1, logits.size(-1)), targets.reshape(-1).long(), reduction="none")
    return flat.view(targets.shape)


class TokenNll(nn.Module):
    """A model and its loss as one module: forward(idx (B, T), targets (B, T), t (B,) | None) -> -log p (B, T), float32.

    Training and evaluation call this, and it is what torch.compile compiles, so the logits' slice to the real
    vocabulary, their float32 upcast and the log-softmax fuse with the output matmul that makes them: the
    B × T × V float32 copy of the logits (3.3 GB at the paper's scale) is never written. Ids stay int32 up to here;
    only the targets are widened, inside the graph (cross-entropy wants int64).
    """

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, idx, targets, t=None):
        return token_nll(self.model(idx, t), targets)


# ---------------------------------------------------------------- objectives


class ARObjective:
    """Next-token cross-entropy: inputs tokens[:, :-1], targets tokens[:, 1:]."""

    def train_loss(self, nll_model, tokens, generator=None, rank=0, world=1):
        """Mean over this batch; with W equal shards DDP's gradient average is the global mean (no noise to share)."""
        return nll_model(tokens[:, :-1], tokens[:, 1:]).mean()

    @torch.no_grad()
    def evaluate(self, nll_model, tokens, seed: int):
        """(summed NLL over the B·(T-1) predicted tokens, B·(T-1)); exact, so the seed is unused."""
        nll = nll_model(tokens[:, :-1], tokens[:, 1:])
        return nll.double().sum(), nll.numel()

    @torch.no_grad()
    def cross_entropy(self, nll_model, tokens, seed: int):
        """Mean next-token CE of the batch, float64 (the study's AR validation number per batch); the seed is unused."""
        return nll_model(tokens[:, :-1], tokens[:, 1:]).double().mean()

    @torch.no_grad()
    def score(self, nll_model, tokens, start: int, eos_id: int):
        """Per-row (summed NLL, tokens scored), float64 (n, 2), of whole samples (n, L): the generative perplexity.

        Scored are the tokens at positions ``start`` (at least 1) up to the first end-of-story token at or after
        ``start`` (inclusive), or to the end of the row: a sample is judged on what it generated, up to where its
        story ended, and not on the end-of-story padding that follows.
        """
        n, length = tokens.shape
        start = max(1, int(start))
        nll = nll_model(tokens[:, :-1], tokens[:, 1:]).double()  # (n, L-1), predicts positions 1..L-1
        positions = torch.arange(1, length, device=tokens.device)[None, :]
        is_eos = (tokens[:, 1:] == eos_id) & (positions >= start)
        last = torch.full((n,), length - 1, device=tokens.device)
        first_eos = torch.where(is_eos.any(dim=1), is_eos.float().argmax(dim=1) + 1, last)
        keep = (positions >= start) & (positions <= first_eos[:, None])
        return torch.stack([(nll * keep).sum(dim=1), keep.sum(dim=1).double()], dim=1)


def nelbo_loss(nll, t, schedule: Schedule, global_masked, world: int):
    """Sum over masked tokens of weight(t)·(-log p(x0|z_t)), divided by this rank's b·T tokens (see train_loss)."""
    return (schedule.nelbo_weight(t)[:, None] * nll).sum() / nll.numel()


def masked_mean_loss(nll, t, schedule: Schedule, global_masked, world: int):
    """Unweighted cross-entropy averaged over the masked tokens of the global batch, times W (see train_loss)."""
    return nll.sum() * world / global_masked.sum().clamp(min=1)


def make_loss(name: MdlmLoss):
    """mdlm.loss's factory: a function (nll (b, T), t (b,), schedule, global_masked (B, T), world) -> loss."""
    return {MdlmLoss.NELBO: nelbo_loss, MdlmLoss.MASKED_MEAN: masked_mean_loss}[name]


class MDLMObjective:
    """Masked diffusion with SUBS, trained with one of the losses above (``make_loss``).

    ``evaluate`` always returns the continuous-time NELBO under the objective's own schedule (a valid
    upper bound on the NLL for any denoiser), with antithetic t in [eps, 1) and a generator seeded
    from ``seed``, averaged over ``eval_draws`` draws; exp(sum / count) bounds the perplexity.
    Truncating t at eps leaves out the t < eps sliver of the integral, as upstream MDLM does.
    """

    def __init__(self, cfg: MdlmConfig, mask_id: int):
        self.schedule = make_schedule(cfg.schedule, cfg.eps)
        self.sample_times = make_time_sampler(cfg.time_sampler)
        self.loss = make_loss(cfg.loss)
        self.mask_id, self.eps, self.eval_draws = mask_id, cfg.eps, cfg.eval_draws

    def masked_nll(self, nll_model, x0, t, generator, masked=None):
        """-log p(x0 | z_t) at masked positions, 0 elsewhere (SUBS carry-over); also the mask.

        The mask is drawn from `generator` as corrupt() does, unless the caller passes one.
        """
        if masked is None:
            z_t, masked = corrupt(x0, t, self.schedule, self.mask_id, generator)
        else:
            z_t = torch.where(masked, torch.full_like(x0, self.mask_id), x0)
        nll = nll_model(z_t, x0, t)
        return torch.where(masked, nll, torch.zeros_like(nll)), masked

    def train_loss(self, nll_model, tokens, generator, rank=0, world=1):
        """The training loss of `tokens` (b, T): rows [rank*b, (rank+1)*b) of a global batch of B = W*b rows.

        t and the mask uniforms are drawn for the whole global batch (B and B×T, in the order one
        process draws them) from the same generator on every rank, and this rank's rows kept, so the
        noise does not depend on W. The loss is scaled so that the mean over ranks — what DDP's
        gradient average computes — is the global batch's loss: NELBO sum / (b*T) = W * sum / (B*T);
        masked mean: W * sum / (masked tokens in the global batch).
        """
        b = tokens.size(0)
        t = self.sample_times(b * world, self.eps, generator, tokens.device)  # (B,)
        u = torch.rand((b * world, tokens.size(1)), generator=generator, device=tokens.device)  # (B, T), as corrupt()
        global_masked = u < self.schedule.mask_prob(t)[:, None]
        rows = slice(rank * b, (rank + 1) * b)  # all rows when W = 1 (a view, no copy)
        t = t[rows]
        nll, _ = self.masked_nll(nll_model, tokens, t, generator, global_masked[rows])
        return self.loss(nll, t, self.schedule, global_masked, world)

    @torch.no_grad()
    def cross_entropy(self, nll_model, tokens, seed: int):
        """Unweighted CE over the batch's masked tokens, float64: t from mdlm.time_sampler and masks from the schedule,
        drawn as in training but from a generator seeded with ``seed`` (the study's MDLM validation number per batch,
        which it drew unseeded). Not a likelihood bound."""
        generator = torch.Generator(device=tokens.device).manual_seed(int(seed))
        t = self.sample_times(tokens.size(0), self.eps, generator, tokens.device)
        nll, masked = self.masked_nll(nll_model, tokens, t, generator)
        return nll.double().sum() / masked.sum().clamp(min=1)

    @torch.no_grad()
    def evaluate(self, nll_model, tokens, seed: int):
        generator = torch.Generator(device=tokens.device).manual_seed(int(seed))
        total = torch.zeros((), dtype=torch.float64, device=tokens.device)
        for _ in range(self.eval_draws):
            t = antithetic_times(tokens.size(0), self.eps, generator, tokens.device)
            nll, _ = self.masked_nll(nll_model, tokens, t, generator)
            total += (self.schedule.nelbo_weight(t).double()[:, None] * nll.double()).sum()
        return total / self.eval_draws, tokens.numel()


def make_objective(paradigm: Paradigm, mdlm: MdlmConfig, vocab_size: int):
    """The objective of ``paradigm``; MDLM's follows the ``mdlm`` section (its mask id is ``vocab_size``)."""
    if paradigm is Paradigm.AR:
        return ARObjective()
    return MDLMObjective(mdlm, vocab_size)
