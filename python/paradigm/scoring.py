"""Scores of whole samples under an AR model: the generative perplexity of the evaluation stage."""

import numpy as np
import torch

from paradigm.boundary import java_entry
from paradigm.objectives import token_nll


@java_entry
def score(engine, tokens, start: int) -> np.ndarray:
    """Per-row [summed NLL, tokens scored] (float64 n×2) of int tokens n×L under the engine's AR model.

    Scored are the tokens at positions ``start`` … the first end-of-story token at or after ``start`` (inclusive),
    or to the end of the row: a sample is judged on what it generated, up to where its story ended, and not on
    the end-of-story padding that follows.
    """
    if engine.paradigm.value != "ar":
        raise ValueError(f"Generative perplexity needs an AR judge model; this engine is {engine.paradigm.value}.")
    x = engine._tokens(tokens)
    n, length = x.shape
    start = max(1, int(start))
    engine.model.eval()
    with torch.no_grad(), engine._autocast():
        nll = token_nll(engine.model(x[:, :-1]), x[:, 1:]).double()  # (n, L-1), predicts positions 1..L-1
    positions = torch.arange(1, length, device=x.device)[None, :]
    is_eos = (x[:, 1:] == engine.eos_id) & (positions >= start)
    first_eos = torch.where(is_eos.any(dim=1), is_eos.float().argmax(dim=1) + 1, torch.full((n,), length - 1, device=x.device))
    keep = (positions >= start) & (positions <= first_eos[:, None])
    out = torch.stack([(nll * keep).sum(dim=1), keep.sum(dim=1).double()], dim=1)
    return np.ascontiguousarray(out.cpu().numpy())
