"""Samplers: autoregressive decoding with a KV cache, and three MDLM reverse processes.

Every sampler draws from one ``torch.Generator`` it is handed, so a batch is a pure function of
(weights, prompt, settings, generator state). Categorical draws use the Gumbel-max trick; with
``float64`` the logits and the Gumbel noise are float64, which avoids the truncation bias of fp32
Gumbel sampling that Zheng et al. (2024) found lowers MDLM sample diversity.

``length`` is the TOTAL length of each output row, prompt included: the samplers generate
``length - len(prompt)`` new tokens.

``settings`` is the config's ``sample`` section (``config.SampleConfig``).

MDLM samplers (``config.MdlmSampler``, chosen by ``sample.mdlm_sampler``; ``make_mdlm_sampler`` is the factory):
- ``ancestral``: upstream MDLM's DDPM-style update on the grid t = linspace(1, 1e-5, steps + 1); going
  from t to s each still-masked position is revealed with probability (m_t - m_s) / m_t (m = mask
  probability; = (t - s)/t for the log-linear schedule) with a token drawn from the model, revealed
  tokens are copied, and a final noise-removal step fills any position still masked with the argmax.
- ``cached``: the same process, but the forward pass is skipped when no token changed since the last
  one and the cached logits are reused (fresh noise is still drawn). This is exact only when the model
  ignores t (model.time_conditioning false, as upstream MDLM); with time conditioning it reuses
  logits computed at an earlier t.
- ``confidence`` (the published study's sampler, as its code ran it): at step s = 0 … S-1 the model sees
  t = 1 - s/S; the logit of every token id already revealed c times in the row is divided by
  min(p^c, cap) (p = ``sample.confidence.repetition_penalty``, cap = ``repetition_cap``: dividing a negative
  logit raises it); the logits are divided by the temperature max(T·(r + (1 - r)·t), T_min)
  (T = ``sample.temperature``, r = ``final_temperature_ratio``, T_min = ``min_temperature``); a token is drawn at
  every position; the k = max(1, masked // (S - s)) masked positions whose drawn token is most probable are
  revealed (deterministic top-k); revealed tokens never change. The last step's k is every position still
  masked, so the study's fallback (an argmax at t = 0 for positions left masked) never has work. With the
  study's values (T 0.8, r 0.4, T_min 0.1, p 1.3, cap 5, S 100, L 128) the temperature falls from 0.8 to
  0.325, and 72 steps reveal one token, 28 two.
"""

from __future__ import annotations

import torch

from .config import MdlmSampler, SampleConfig
from .model import KVCache

FINAL_T = 1e-5  # upstream MDLM's sampling eps: the time grid ends here, not at 0


# ---------------------------------------------------------------- categorical draws


def filter_logits(logits, temperature: float, top_k: int = 0, top_p: float = 1.0):
    """Temperature, then top-k, then nucleus (top-p) filtering; filtered logits become -inf."""
    logits = logits / temperature
    if top_k and top_k < logits.size(-1):
        kth = torch.topk(logits, top_k, dim=-1).values[..., -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if top_p < 1.0:
        sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
        probs = sorted_logits.softmax(dim=-1)
        drop_sorted = probs.cumsum(dim=-1) - probs > top_p  # mass before this token already exceeds top_p
        drop = torch.zeros_like(drop_sorted).scatter(-1, order, drop_sorted)
        logits = logits.masked_fill(drop, float("-inf"))
    return logits


def gumbel_argmax(logits, generator: torch.Generator, float64: bool):
    """One categorical draw per row of logits (..., V): argmax(logits + Gumbel noise)."""
    dtype = torch.float64 if float64 else torch.float32
    u = torch.rand(logits.shape, generator=generator, device=logits.device, dtype=dtype)
    gumbel = -torch.log(-torch.log(u.clamp_(min=torch.finfo(dtype).tiny)))
    return (logits.to(dtype) + gumbel).argmax(dim=-1)


def fill_after_eos(ids, eos_id: int, start: int):
    """Positions after the first eos at or after ``start`` become eos (B, L)."""
    is_eos = ids[:, start:] == eos_id
    after = (is_eos.cumsum(dim=1) - is_eos.long()) > 0
    tail = torch.where(after, torch.full_like(ids[:, start:], eos_id), ids[:, start:])
    return torch.cat([ids[:, :start], tail], dim=1)


# ---------------------------------------------------------------- autoregressive


@torch.no_grad()
def sample_ar(model, n_layer: int, prompt, settings: SampleConfig, generator, eos_id: int, use_cache: bool = True):
    """prompt (B, P>=1) -> (B, length). ``use_cache=False`` recomputes the whole prefix for every token: what the
    benchmark compares the KV cache against."""
    B, P = prompt.shape
    length = settings.length
    if P < 1 or P >= length:
        raise ValueError(f"Autoregressive sampling needs 1 <= prompt length < sample.length={length}; the prompt has {P} tokens.")
    out = torch.full((B, length), eos_id, dtype=torch.long, device=prompt.device)
    out[:, :P] = prompt
    cache = KVCache(n_layer, length) if use_cache else None
    logits = model(prompt, kv_cache=cache)[:, -1]
    done = torch.zeros(B, dtype=torch.bool, device=prompt.device)
    for pos in range(P, length):
        logits = filter_logits(logits.float(), settings.temperature, settings.top_k, settings.top_p)
        token = gumbel_argmax(logits, generator, settings.float64)
        if settings.stop_at_eos:
            token = torch.where(done, torch.full_like(token, eos_id), token)
            done |= token == eos_id
        out[:, pos] = token
        if pos + 1 == length or (settings.stop_at_eos and pos % 16 == 0 and bool(done.all())):
            break  # the rest of `out` is already eos
        if use_cache:
            logits = model(token[:, None], kv_cache=cache)[:, -1]
        else:
            logits = model(out[:, : pos + 1])[:, -1]
    return out


# ---------------------------------------------------------------- masked diffusion


def _times(t: float, batch: int, device):
    return torch.full((batch,), t, dtype=torch.float32, device=device)


@torch.no_grad()
def sample_mdlm_ancestral(model, prompt, settings: SampleConfig, generator, mask_id: int, schedule, cached: bool = False):
    """prompt (B, P>=0) -> (B, length) with no mask token; see the module docstring for the process."""
    B, P = prompt.shape
    device, steps = prompt.device, settings.mdlm_steps
    x = torch.full((B, settings.length), mask_id, dtype=torch.long, device=device)
    x[:, :P] = prompt
    grid = torch.linspace(1.0, FINAL_T, steps + 1, dtype=torch.float64).tolist()
    rand_dtype = torch.float64 if settings.float64 else torch.float32
    logits, stale = None, True
    for i in range(steps):
        t, s = grid[i], grid[i + 1]
        if stale or not cached:
            logits = filter_logits(model(x, _times(t, B, device)).float(), settings.temperature, settings.top_k, settings.top_p)
        m_t = schedule.mask_prob(torch.tensor(t, dtype=torch.float64)).item()
        m_s = schedule.mask_prob(torch.tensor(s, dtype=torch.float64)).item()
        reveal = (x == mask_id) & (torch.rand(x.shape, generator=generator, device=device, dtype=rand_dtype)
                                   < (m_t - m_s) / m_t)
        # a token is drawn only where one is revealed (about L / steps positions a row): the float64 Gumbel noise
        # over every position's whole vocabulary cost more than the forward pass
        x_next = x.clone()
        x_next[reveal] = gumbel_argmax(logits[reveal], generator, settings.float64)
        stale = cached and bool((x_next != x).any())
        x = x_next
    still_masked = x == mask_id
    if bool(still_masked.any()):  # noise removal: the argmax of the model's prediction at t = FINAL_T
        if stale or not cached:
            logits = filter_logits(model(x, _times(FINAL_T, B, device)).float(), settings.temperature, settings.top_k, settings.top_p)
        x = torch.where(still_masked, logits.argmax(dim=-1), x)
    return x


def apply_repetition(logits, x, mask_id: int, penalty: float, cap: float):
    """logits (B, L, V) of rows x (B, L): the logit of every token id revealed c > 0 times in its row, divided by
    min(penalty^c, cap); ids not yet revealed are unchanged (penalty^0 = 1). A negative logit is raised."""
    B, L, V = logits.shape
    revealed = (x != mask_id).to(logits.dtype)
    ids = torch.where(x == mask_id, 0, x)  # a masked position adds 0 to id 0
    counts = torch.zeros(B, V, dtype=logits.dtype, device=x.device).scatter_add_(1, ids, revealed)
    return logits / (penalty ** counts).clamp(max=cap)[:, None, :]


def confidence_temperature(settings: SampleConfig, t: float) -> float:
    """The confidence sampler's temperature at noise level t: max(T·(r + (1 - r)·t), T_min)."""
    c = settings.confidence
    r = c.final_temperature_ratio
    return max(settings.temperature * (r + (1.0 - r) * t), c.min_temperature)


@torch.no_grad()
def sample_mdlm_confidence(model, prompt, settings: SampleConfig, generator, mask_id: int, schedule=None):
    """prompt (B, P>=0) -> (B, length): confidence-ordered unmasking, see the module docstring. It reveals a count
    of tokens per step, not what a schedule says, so ``schedule`` is unused."""
    B, P = prompt.shape
    device, steps, c = prompt.device, settings.mdlm_steps, settings.confidence
    x = torch.full((B, settings.length), mask_id, dtype=torch.long, device=device)
    x[:, :P] = prompt
    for s in range(steps):
        masked = x == mask_id
        if not bool(masked.any()):
            break
        t = 1.0 - s / steps
        logits = model(x, _times(t, B, device)).float()
        logits = apply_repetition(logits, x, mask_id, c.repetition_penalty, c.repetition_cap)
        logits = filter_logits(logits, confidence_temperature(settings, t), settings.top_k, settings.top_p)
        proposal = gumbel_argmax(logits, generator, settings.float64)
        confidence = logits.softmax(dim=-1).gather(-1, proposal[..., None]).squeeze(-1)  # of the token drawn
        confidence = confidence.masked_fill(~masked, float("-inf"))
        k = (masked.sum(dim=1) // (steps - s)).clamp(min=1)  # (B,)
        rank = confidence.argsort(dim=1, descending=True, stable=True).argsort(dim=1, stable=True)
        x = torch.where(masked & (rank < k[:, None]), proposal, x)
    return x  # the last step's k is every position still masked, so none is left over


def sample_mdlm_cached(model, prompt, settings: SampleConfig, generator, mask_id: int, schedule):
    return sample_mdlm_ancestral(model, prompt, settings, generator, mask_id, schedule, cached=True)


def make_mdlm_sampler(name: MdlmSampler):
    """sample.mdlm_sampler's factory: a function (model, prompt, settings, generator, mask_id, schedule) -> (B, length)."""
    return {
        MdlmSampler.ANCESTRAL: sample_mdlm_ancestral,
        MdlmSampler.CACHED: sample_mdlm_cached,
        MdlmSampler.CONFIDENCE: sample_mdlm_confidence,
    }[name]
