"""Where the Engine runs: the device and compile settings resolved, batches staged to the GPU, and what the
benchmark reports about the machine."""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
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
    }
    if device.type == "cuda":
        facts["device_name"] = torch.cuda.get_device_name(device)
        facts["cuda"] = torch.version.cuda
        facts["tf32_matmul"] = bool(torch.backends.cuda.matmul.allow_tf32)
        facts["memory_gib"] = round(torch.cuda.get_device_properties(device).total_memory / 2**30, 1)
        facts["max_memory_allocated_gib"] = round(torch.cuda.max_memory_allocated(device) / 2**30, 2)
    return facts
