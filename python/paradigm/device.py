"""Where the Engine runs: the device and compile settings resolved, batches staged to the GPU, and what the
benchmark reports about the machine."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import platform
import re
import resource
import sys

import torch

from .boundary import java_entry
from .config import Device


def resolve_device(name: Device) -> torch.device:
    """train.device: auto picks CUDA when this PyTorch sees a device."""
    if name is Device.AUTO:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name is Device.CUDA and not torch.cuda.is_available():
        raise ValueError("train.device=cuda, but this PyTorch sees no CUDA device; set train.device to auto or cpu.")
    return torch.device(name.value)


@java_entry
def preflight() -> str:
    """What Java checks before a stage: torch's version, whether it sees a CUDA device and, if so, that device's
    memory in bytes (the one LOCAL_RANK names, as the Engine picks it)."""
    out = {"torch": torch.__version__, "cuda_available": torch.cuda.is_available(), "cuda_memory": None}
    if out["cuda_available"]:
        index = int(os.environ.get("LOCAL_RANK", "0")) % torch.cuda.device_count()
        out["cuda_memory"] = torch.cuda.get_device_properties(index).total_memory
    return json.dumps(out)


def resolve_compile(value: str | bool, device: torch.device) -> bool:
    """train.compile: "auto" (on for CUDA), True or False, as the resolved JSON writes them."""
    return device.type == "cuda" if value == "auto" else bool(value)


def use_tf32(device: torch.device, enabled: bool):
    """Float32 matmuls (and convolutions) on CUDA in TF32 when ``enabled``, else in full float32 ("ieee"), through the
    per-backend settings of torch >= 2.9; the legacy ``allow_tf32`` flags and ``set_float32_matmul_precision`` are not
    mixed with them (reading ``allow_tf32`` after the new settings were used can raise). Under bf16 autocast this touches only
    what autocast leaves in float32."""
    if device.type == "cuda":
        precision = "tf32" if enabled else "ieee"
        torch.backends.cuda.matmul.fp32_precision = precision
        torch.backends.cudnn.conv.fp32_precision = precision


def point_workers_at_python():
    """Under Jep sys.executable is the JVM; inductor starts its compile workers as [sys.executable, ...]
    and multiprocessing spawns sys.executable too, so point both at the virtualenv's python."""
    if not hasattr(sys, "argv"):
        sys.argv = [""]
    if os.path.basename(sys.executable or "").startswith("python"):
        return
    python = os.path.join(sys.prefix, "bin", "python")
    if os.path.exists(python):
        sys.executable = python
        multiprocessing.set_executable(python)
    else:
        import torch._inductor.config as inductor_config

        inductor_config.compile_threads = 1  # compile in-process: no worker to start


class PinnedStager:
    """Host batches -> device through two alternating pinned buffers, copied non-blocking.

    A buffer is refilled only after the copy that last read it has finished (its CUDA event), so
    the host never overwrites memory that an in-flight transfer is still reading.
    """

    def __init__(self, device: torch.device):
        self.device, self.buffers, self.events, self.turn = device, [None, None], [None, None], 0

    def to_device(self, host: torch.Tensor) -> torch.Tensor:
        i, self.turn = self.turn, 1 - self.turn
        if self.buffers[i] is None or self.buffers[i].shape != host.shape or self.buffers[i].dtype != host.dtype:
            self.buffers[i] = torch.empty(host.shape, dtype=host.dtype, pin_memory=True)
        elif self.events[i] is not None:
            self.events[i].synchronize()
        self.buffers[i].copy_(host)
        on_device = self.buffers[i].to(self.device, non_blocking=True)
        self.events[i] = torch.cuda.Event()
        self.events[i].record()
        return on_device


_rss_peak_reset = False  # whether the last reset_peak_memory could reset the process's peak RSS


def reset_peak_memory(device: torch.device):
    """Measure the peak from now on (``peak_memory``). Objects held only by reference cycles (a previous engine's
    compiled graphs) are collected first, so that what they held does not count."""
    gc.collect()
    if device.type == "cuda":
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats(device)
        return
    global _rss_peak_reset
    try:  # Linux: 5 resets the process's peak resident set size (VmHWM) to the current one
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        _rss_peak_reset = True
    except OSError:
        _rss_peak_reset = False  # peak_memory then reports the peak since the process started, and says so


def peak_memory(device: torch.device) -> dict:
    """The most memory in use since ``reset_peak_memory``: on CUDA the caching allocator's peak of allocated tensor
    memory; on a CPU the peak resident set size of the whole process (under Java: the JVM's too)."""
    if device.type == "cuda":
        return {"peak_memory_gib": torch.cuda.max_memory_allocated(device) / 2**30, "peak_memory_kind": "cuda_max_allocated"}
    if _rss_peak_reset:
        with open("/proc/self/status") as f:
            kib = int(re.search(r"^VmHWM:\s+(\d+) kB", f.read(), re.MULTILINE).group(1))
        return {"peak_memory_gib": kib / 2**20, "peak_memory_kind": "process_peak_rss"}
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux (bytes on macOS: not a platform here)
    return {"peak_memory_gib": kib / 2**20, "peak_memory_kind": "process_peak_rss_since_start"}


def device_facts(device: torch.device) -> dict:
    """What a benchmark ran on, for bench.json (the device name decides the peak FLOP/s)."""
    facts = {
        "device": str(device),
        "torch": torch.__version__,
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "device_name": None,
        "cuda": None,
        "tf32_matmul": None,
        **peak_memory(device),
    }
    if device.type == "cuda":
        facts["device_name"] = torch.cuda.get_device_name(device)
        facts["cuda"] = torch.version.cuda
        facts["tf32_matmul"] = torch.backends.cuda.matmul.fp32_precision == "tf32"
        facts["memory_gib"] = round(torch.cuda.get_device_properties(device).total_memory / 2**30, 1)
    return facts
