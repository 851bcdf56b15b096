"""The Python side of ``paradigm bench``: the same Engine driven by a plain Python loop, and device facts.

Java measures its own training loop against :func:`train_window`, on ONE Engine object in ONE embedded
interpreter, in interleaved windows (Java, Python, Java, Python, ...), so the difference between the two
is what the Java orchestration costs per step. The Python loop does what the Java loop does, minus the
Java-only work (batch assembly from the token store and the stream digest): one ``train_step`` per step
on a batch that already exists, and a ``drain`` (the device sync) every ``drain_every`` steps and at the
end. It times itself from its first step to its last drain, as Java does.
"""

from __future__ import annotations

import json
import os
import platform
import time

import numpy as np
import torch

from .sampling import SampleSettings, fill_after_eos, sample_ar


def train_window(engine, batches, steps: int, drain_every: int, lr: float) -> float:
    """Run ``steps`` training steps over ``batches`` (int32 K×B×T, cycled) and return the seconds taken.

    The engine must be drained when this is called (Java drains before every window), so the timed
    span starts with an idle device and ends with a sync, exactly like a Java window.
    """
    batches = np.asarray(batches)
    if batches.ndim != 3 or batches.dtype != np.int32 or len(batches) == 0:
        raise ValueError(f"batches must be a non-empty int32 array K×B×T; found shape {batches.shape} dtype {batches.dtype}.")
    if steps < 1 or drain_every < 1:
        raise ValueError(f"steps ({steps}) and drain_every ({drain_every}) must be at least 1.")
    train_step, drain, k, lr = engine.train_step, engine.drain, len(batches), float(lr)
    start = time.perf_counter()
    for step in range(steps):
        train_step(batches[step % k], lr)
        if (step + 1) % drain_every == 0 or step + 1 == steps:
            drain()  # the synchronised point
    return time.perf_counter() - start


def sample_ar_without_cache(engine, n: int, seed: int, settings_json: str):
    """As ``Engine.sample`` for an AR engine, but recomputing the whole prefix for every token (no KV cache).

    The engine does not expose this path; the benchmark reports it to show what the cache buys.
    """
    raw = json.loads(settings_json)
    settings = SampleSettings.from_dict(raw)
    if engine.paradigm.value != "ar":
        raise ValueError(f"sampling without a KV cache needs an AR engine; this one is {engine.paradigm.value}.")
    prompt_ids = raw.get("prompt_ids") or [engine.eos_id]
    generator = torch.Generator(device=engine.device).manual_seed(int(seed))
    engine.model.eval()
    batches = []
    with torch.no_grad(), engine._autocast():
        for start in range(0, int(n), settings.batch_size):
            rows = min(settings.batch_size, int(n) - start)
            prompt = torch.tensor(prompt_ids, dtype=torch.long, device=engine.device).repeat(rows, 1)
            ids = sample_ar(engine.model, engine.model_cfg.n_layer, prompt, settings, generator, engine.eos_id, use_cache=False)
            if settings.stop_at_eos:
                ids = fill_after_eos(ids, engine.eos_id, prompt.size(1))
            batches.append(ids.cpu())
    return np.ascontiguousarray(torch.cat(batches).numpy().astype(np.int32))


def device_facts(engine) -> str:
    """JSON: what the benchmark ran on, for bench.json (the device name decides the peak FLOP/s)."""
    facts = {
        "device": str(engine.device),
        "torch": torch.__version__,
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "device_name": None,
        "cuda": None,
        "tf32_matmul": None,
    }
    if engine.device.type == "cuda":
        facts["device_name"] = torch.cuda.get_device_name(engine.device)
        facts["cuda"] = torch.version.cuda
        facts["tf32_matmul"] = bool(torch.backends.cuda.matmul.allow_tf32)
        facts["memory_gib"] = round(torch.cuda.get_device_properties(engine.device).total_memory / 2**30, 1)
        facts["max_memory_allocated_gib"] = round(torch.cuda.max_memory_allocated(engine.device) / 2**30, 2)
    return json.dumps(facts)
