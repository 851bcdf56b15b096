"""Training objectives and likelihood estimators: next-token CE (AR) and masked diffusion (MDLM).

One enum and one factory per axis: ``Paradigm`` (ar | mdlm), ``Protocol`` (controlled | arche-2026),
``Schedule`` (loglinear | cosine). ``make_objective`` turns (paradigm, protocol, mdlm config) into an
object with ``train_loss(model, tokens, generator)`` and ``evaluate(model, tokens, seed)``.

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
import torch.nn.functional as F


class Paradigm(Enum):
    AR = "ar"
    MDLM = "mdlm"

    @classmethod
    def parse(cls, name: str) -> "Paradigm":
        for p in cls:
            if p.value == name:
                return p
        raise ValueError(f"Unknown paradigm {name!r}; expected one of {[p.value for p in cls]}.")


class Protocol(Enum):
    CONTROLLED = "controlled"  # the default: only the generation paradigm differs
    ARCHE = "arche-2026"  # reproduces the published study's choices

    @classmethod
    def parse(cls, name: str) -> "Protocol":
        for p in cls:
            if p.value == name:
                return p
        raise ValueError(f"protocol={name!r} is unknown; expected one of {[p.value for p in cls]}.")


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
        if not 0.0 < eps < 1.0:
            raise ValueError(f"mdlm.eps must lie in (0, 1), but it is {eps!r}.")
        self.eps = eps

    def mask_prob(self, t):
        return (1.0 - self.eps) * t

    def nelbo_weight(self, t):
        return 1.0 / t


class CosineSchedule(Schedule):
    """Mask rate sin^2(pi t / 2) (arche-2026), i.e. alpha_t = cos^2(pi t / 2).

    alpha'_t = -pi sin(pi t/2) cos(pi t/2), 1 - alpha_t = sin^2(pi t/2), so the weight is
    pi cos(pi t/2) / sin(pi t/2) = pi / tan(pi t / 2).
    """

    def mask_prob(self, t):
        return torch.sin(0.5 * math.pi * t) ** 2

    def nelbo_weight(self, t):
        return math.pi / torch.tan(0.5 * math.pi * t)


SCHEDULES = {"loglinear": LogLinearSchedule, "cosine": CosineSchedule}


def make_schedule(name: str, eps: float = 1e-3) -> Schedule:
    if name == "loglinear":
        return LogLinearSchedule(eps)
    if name == "cosine":
        return CosineSchedule()
    raise ValueError(f"Unknown noise schedule {name!r}; expected one of {sorted(SCHEDULES)}.")


# ---------------------------------------------------------------- time samplers and corruption


def antithetic_times(batch: int, eps: float, generator: torch.Generator, device) -> torch.Tensor:
    """t (B,) in [eps, 1): one uniform u shared by the batch, u_i = (u + i/B) mod 1, t_i = (1-eps) u_i + eps.

    The B times are evenly spaced over [0, 1), which lowers the variance of the batch NELBO estimate.
    """
    u = torch.rand(1, generator=generator, device=device)
    u_i = (u + torch.arange(batch, device=device) / batch) % 1.0
    return (1.0 - eps) * u_i + eps


def uniform_times(batch: int, generator: torch.Generator, device) -> torch.Tensor:
    """t (B,) ~ U(0, 1) independently (arche-2026)."""
    return torch.rand(batch, generator=generator, device=device)


def corrupt(x0, t, schedule: Schedule, mask_id: int, generator: torch.Generator):
    """q(z_t | x0): mask each token of x0 (B, T) independently with probability mask_prob(t) (t: (B,)).

    Returns z_t (B, T) with masked positions set to mask_id, and the boolean mask (B, T).
    """
    p = schedule.mask_prob(t)[:, None]  # (B, 1)
    masked = torch.rand(x0.shape, generator=generator, device=x0.device) < p
    return torch.where(masked, torch.full_like(x0, mask_id), x0), masked


def token_nll(logits, targets):
    """-log softmax(logits)[target] per position, in float32: logits (..., V), targets (...)."""
    flat = F.cross_entropy(logits.float().reshape(-1, logits.size(-1)), targets.reshape(-1).long(), reduction="none")
    return flat.view(targets.shape)


# ---------------------------------------------------------------- objectives


class ARObjective:
    """Next-token cross-entropy: inputs tokens[:, :-1], targets tokens[:, 1:]."""

    def train_loss(self, model, tokens, generator=None, rank=0, world=1):
        """Mean over this batch; with W equal shards DDP's gradient average is the global mean (no noise to share)."""
        logits = model(tokens[:, :-1])
        return token_nll(logits, tokens[:, 1:]).mean()

    @torch.no_grad()
    def evaluate(self, model, tokens, seed: int):
        """(summed NLL over the B·(T-1) predicted tokens, B·(T-1)); exact, so the seed is unused."""
        nll = token_nll(model(tokens[:, :-1]), tokens[:, 1:])
        return nll.double().sum(), nll.numel()


class MDLMObjective:
    """Masked diffusion with SUBS. ``reduction`` picks the training loss:

    - "nelbo" (controlled): sum over masked tokens of weight(t)·(-log p(x0|z_t)), divided by B·T;
    - "masked_mean" (arche-2026): unweighted cross-entropy averaged over the masked tokens of the batch.

    ``evaluate`` always returns the continuous-time NELBO under the objective's own schedule (a valid
    upper bound on the NLL for any denoiser), with antithetic t in [eps, 1) and a generator seeded
    from ``seed``, averaged over ``eval_draws`` draws; exp(sum / count) bounds the perplexity.
    Truncating t at eps leaves out the t < eps sliver of the integral, as upstream MDLM does.
    """

    def __init__(self, schedule: Schedule, mask_id: int, eps: float, reduction: str, time_sampler: str, eval_draws: int = 1):
        if reduction not in ("nelbo", "masked_mean"):
            raise ValueError(f"Unknown MDLM loss reduction {reduction!r}; expected 'nelbo' or 'masked_mean'.")
        if time_sampler not in ("antithetic", "uniform"):
            raise ValueError(f"Unknown MDLM time sampler {time_sampler!r}; expected 'antithetic' or 'uniform'.")
        if not isinstance(eval_draws, int) or eval_draws < 1:
            raise ValueError(f"mdlm.eval_draws must be a positive integer, but it is {eval_draws!r}.")
        self.schedule, self.mask_id, self.eps = schedule, mask_id, eps
        self.reduction, self.time_sampler, self.eval_draws = reduction, time_sampler, eval_draws

    def sample_times(self, batch, generator, device):
        if self.time_sampler == "antithetic":
            return antithetic_times(batch, self.eps, generator, device)
        return uniform_times(batch, generator, device)

    def masked_nll(self, model, x0, t, generator, masked=None):
        """-log p(x0 | z_t) at masked positions, 0 elsewhere (SUBS carry-over); also the mask.

        The mask is drawn from `generator` as corrupt() does, unless the caller passes one.
        """
        if masked is None:
            z_t, masked = corrupt(x0, t, self.schedule, self.mask_id, generator)
        else:
            z_t = torch.where(masked, torch.full_like(x0, self.mask_id), x0)
        nll = token_nll(model(z_t, t), x0)
        return torch.where(masked, nll, torch.zeros_like(nll)), masked

    def train_loss(self, model, tokens, generator, rank=0, world=1):
        """The training loss of `tokens` (b, T): rows [rank*b, (rank+1)*b) of a global batch of B = W*b rows.

        t and the mask uniforms are drawn for the whole global batch (B and B×T, in the order one
        process draws them) from the same generator on every rank, and this rank's rows kept, so the
        noise does not depend on W. The loss is scaled so that the mean over ranks — what DDP's
        gradient average computes — is the global batch's loss: NELBO sum / (b*T) = W * sum / (B*T);
        masked mean: W * sum / (masked tokens in the global batch).
        """
        b = tokens.size(0)
        t = self.sample_times(b * world, generator, tokens.device)  # (B,)
        u = torch.rand((b * world, tokens.size(1)), generator=generator, device=tokens.device)  # (B, T), as corrupt()
        global_masked = u < self.schedule.mask_prob(t)[:, None]
        rows = slice(rank * b, (rank + 1) * b)  # all rows when W = 1 (a view, no copy)
        t = t[rows]
        nll, _ = self.masked_nll(model, tokens, t, generator, global_masked[rows])
        if self.reduction == "nelbo":
            return (self.schedule.nelbo_weight(t)[:, None] * nll).sum() / tokens.numel()
        return nll.sum() * world / global_masked.sum().clamp(min=1)

    @torch.no_grad()
    def evaluate(self, model, tokens, seed: int):
        generator = torch.Generator(device=tokens.device).manual_seed(int(seed))
        total = torch.zeros((), dtype=torch.float64, device=tokens.device)
        for _ in range(self.eval_draws):
            t = antithetic_times(tokens.size(0), self.eps, generator, tokens.device)
            nll, _ = self.masked_nll(model, tokens, t, generator)
            total += (self.schedule.nelbo_weight(t).double()[:, None] * nll.double()).sum()
        return total / self.eval_draws, tokens.numel()


def make_objective(paradigm: Paradigm, protocol: Protocol, mdlm_cfg: dict, vocab_size: int):
    if paradigm is Paradigm.AR:
        return ARObjective()
    eps = float(mdlm_cfg.get("eps", 1e-3))
    draws = mdlm_cfg.get("eval_draws", 1)
    if protocol is Protocol.CONTROLLED:
        return MDLMObjective(make_schedule("loglinear", eps), vocab_size, eps, "nelbo", "antithetic", draws)
    return MDLMObjective(make_schedule("cosine"), vocab_size, eps, "masked_mean", "uniform", draws)
