"""Data-parallel training on PyTorch's own distributed engine (torch.distributed + DDP).

One process per rank, each with its own Engine. Java tells this module who the process is (rank,
local rank, world size, rendezvous address) — it read them from RANK / LOCAL_RANK / WORLD_SIZE /
MASTER_ADDR / MASTER_PORT, from Slurm's variables, or set them itself when it launched the workers —
and `join` initialises the default process group: gloo on CPU, NCCL on CUDA with device
cuda:LOCAL_RANK. A single process never initialises anything; every helper is then a no-op, so the
one-process path pays nothing.

Java calls the collectives below (`barrier`, `broadcast_text`, `any_true`) at the same points of the
training loop on every rank; the Engine uses `world()` to wrap its model in DDP and slice its noise.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass

import torch
import torch.distributed as dist


@dataclass(frozen=True)
class World:
    rank: int = 0
    local_rank: int = 0
    size: int = 1

    @property
    def distributed(self) -> bool:
        return self.size > 1

    @property
    def main(self) -> bool:
        return self.rank == 0


_world = World()


def world() -> World:
    """This process's place in the job (rank 0 of 1 unless `join` was called with a larger world)."""
    return _world


def backend_for(device_name) -> str:
    """nccl when training runs on CUDA, gloo otherwise (train.device: auto | cpu | cuda)."""
    if device_name == "cpu":
        return "gloo"
    if device_name == "cuda" or (device_name in (None, "auto") and torch.cuda.is_available()):
        return "nccl"
    return "gloo"


def join(rank: int, local_rank: int, size: int, master_addr: str, master_port: int, device_name="auto",
         timeout_s: int = 1800) -> str:
    """Initialises the default process group for this rank; returns JSON {rank, local_rank, size, backend, device}.

    timeout_s bounds every collective, including the barrier other ranks wait at while rank 0
    evaluates and writes a checkpoint (so it must exceed the longest evaluation).
    """
    global _world
    rank, local_rank, size, master_port = int(rank), int(local_rank), int(size), int(master_port)
    if size < 1 or not 0 <= rank < size or local_rank < 0:
        raise ValueError(f"Invalid distributed identity rank={rank}, local_rank={local_rank}, world size={size}: "
                         "need world size >= 1, 0 <= rank < world size and local_rank >= 0.")
    backend = backend_for(device_name)
    device = "cpu"
    if backend == "nccl":
        if local_rank >= torch.cuda.device_count():
            raise ValueError(f"LOCAL_RANK={local_rank}, but this node has {torch.cuda.device_count()} CUDA device(s); "
                             "start at most one worker per GPU (--nproc-per-node).")
        torch.cuda.set_device(local_rank)
        device = f"cuda:{local_rank}"
    if size > 1 and not dist.is_initialized():
        dist.init_process_group(
            backend,
            init_method=f"tcp://{master_addr}:{master_port}",
            rank=rank,
            world_size=size,
            timeout=datetime.timedelta(seconds=int(timeout_s)),
            **({"device_id": torch.device(device)} if backend == "nccl" else {}),
        )
    _world = World(rank, local_rank, size)
    return json.dumps({"rank": rank, "local_rank": local_rank, "size": size, "backend": backend, "device": device})


def leave():
    """Destroys the process group (at the end of a run), so the process exits without NCCL warnings."""
    global _world
    if dist.is_initialized():
        dist.destroy_process_group()
    _world = World()


def barrier():
    if _world.distributed:
        dist.barrier()


def broadcast_text(text: str) -> str:
    """Rank 0's `text` on every rank (the others pass anything, e.g. "")."""
    if not _world.distributed:
        return text
    box = [text]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def any_true(flag: bool) -> bool:
    """Whether `flag` is true on any rank (e.g. one worker saw Ctrl-C): every rank gets the same answer."""
    if not _world.distributed:
        return bool(flag)
    value = torch.tensor([1 if flag else 0], dtype=torch.int32, device=_collective_device())
    dist.all_reduce(value, op=dist.ReduceOp.MAX)
    return bool(value.item())


def mean_over_ranks(tensor: torch.Tensor) -> torch.Tensor:
    """The element-wise mean of `tensor` over all ranks (in place; returned for convenience)."""
    if _world.distributed:
        dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
        tensor /= _world.size
    return tensor


def _collective_device() -> torch.device:
    # NCCL only moves CUDA tensors; gloo moves CPU ones.
    if dist.is_initialized() and dist.get_backend() == "nccl":
        return torch.device("cuda", torch.cuda.current_device())
    return torch.device("cpu")


def wrap(model: torch.nn.Module, device: torch.device) -> torch.nn.Module:
    """The model wrapped in DistributedDataParallel (its gradients averaged over ranks in backward).

    Buffers are synchronised from rank 0 at construction, and again every forward only when the
    model has persistent ones (the built-in backbone's rotary tables are constants, so its steps
    carry no extra collective). Gradients live in DDP's buckets (no copy after the all-reduce).
    """
    from torch.nn.parallel import DistributedDataParallel

    parameters = {name for name, _ in model.named_parameters()}
    persistent_buffers = [name for name in model.state_dict() if name not in parameters]
    return DistributedDataParallel(
        model,
        device_ids=[device.index] if device.type == "cuda" else None,
        forward_sync_buffers=bool(persistent_buffers),
        gradient_as_bucket_view=True,
    )


def join_from_env(device_name="auto") -> str:
    """`join` with the identity torchrun sets: RANK, LOCAL_RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT."""
    env = os.environ
    size = int(env.get("WORLD_SIZE", "1"))
    rank = int(env.get("RANK", "0"))
    if size > 1 and ("MASTER_ADDR" not in env or "MASTER_PORT" not in env):
        raise ValueError(f"WORLD_SIZE={size} but MASTER_ADDR / MASTER_PORT are not set: every rank needs the address "
                         "and port of rank 0 to meet there.")
    return join(rank, int(env.get("LOCAL_RANK", str(rank))), size, env.get("MASTER_ADDR", "127.0.0.1"),
                int(env.get("MASTER_PORT", "0")), device_name)
