"""An exponential moving average of a model's weights (``train.ema``): what evaluation and sampling use.

Upstream MDLM evaluates and samples with an average of decay 0.9999 (its ``models/ema.py``, after score_sde), and
so does its AR baseline; a short run needs a shorter horizon, so the decay is a config key. The average is updated
on the device after every optimizer step, with no host-device sync, and never feeds back into training: the
optimizer keeps stepping the raw weights, so a run with the average on trains exactly as one with it off.
"""

from __future__ import annotations

import contextlib
import json

import torch
from safetensors import safe_open
from safetensors.torch import save_file

FILE = "ema.safetensors"
META = "paradigm_ema"  # the file's one metadata key: {"decay": ..., "updates": ...} as JSON


class WeightAverage:
    """The average of ``model``'s trainable parameters, starting from their current values.

    The decay of update n (counted from 1) is min(decay, (1 + n) / (10 + n)), upstream's warm-up: the average forgets
    the random initialisation within a few dozen steps, where a plain 0.999 would still give the initial weights a
    share of 0.999^600 = 55% after 600 steps.
    """

    def __init__(self, model: torch.nn.Module, decay: float):
        if not 0 < decay < 1:
            raise ValueError(f"An average of the weights needs a decay in (0, 1) (train.ema); found {decay}.")
        self.decay = float(decay)
        named = [(name, p) for name, p in model.named_parameters() if p.requires_grad]
        self.names = [name for name, _ in named]
        self.params = [p for _, p in named]
        with torch.no_grad():
            self.averages = [p.detach().clone() for p in self.params]
        self.updates = 0  # a host-side count: the decay of the next update needs no device read

    @torch.no_grad()
    def update(self):
        """One step of the average towards the current weights (call after each optimizer step)."""
        self.updates += 1
        decay = min(self.decay, (1 + self.updates) / (10 + self.updates))
        torch._foreach_lerp_(self.averages, [p.detach() for p in self.params], 1.0 - decay)

    @contextlib.contextmanager
    def swapped_in(self):
        """Inside the block the model's parameters hold the averages; after it, the training weights again.

        Swapping the tensors behind the parameters costs no copy, and the parameter objects stay the same, so the
        optimizer, DDP and torch.compile see the model they know.
        """
        self._swap()
        try:
            yield
        finally:
            self._swap()

    @torch.no_grad()
    def _swap(self):
        for i, p in enumerate(self.params):
            held = p.data
            p.data = self.averages[i]
            self.averages[i] = held

    def save(self, path: str):
        """The averages by parameter name, with the decay and the update count in the file's metadata."""
        tensors = {name: a.detach().contiguous() for name, a in zip(self.names, self.averages)}
        # One metadata key: safetensors writes its metadata in hash-map order, so two keys would make the bytes of an
        # identical average differ from process to process (and a resumed run's file from an uninterrupted one's).
        save_file(tensors, path, metadata={META: json.dumps({"decay": self.decay, "updates": self.updates})})

    @staticmethod
    def read_decay(path: str) -> float:
        with safe_open(path, framework="pt") as f:
            return float(json.loads(f.metadata()[META])["decay"])

    @torch.no_grad()
    def load(self, path: str):
        with safe_open(path, framework="pt", device=str(self.averages[0].device) if self.averages else "cpu") as f:
            if sorted(f.keys()) != sorted(self.names):
                raise ValueError(f"{path} holds averages of other parameters than this model's: "
                                 f"{sorted(set(f.keys()) ^ set(self.names))}.")
            for name, a in zip(self.names, self.averages):
                a.copy_(f.get_tensor(name))
            meta = f.metadata()
        state = json.loads(meta[META])
        self.decay, self.updates = float(state["decay"]), int(state["updates"])
