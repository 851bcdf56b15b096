"""The Engine: the one object Java drives (see docs/boundary.md for the contract).

Java owns the schedule, the data order, file names and metrics; the Engine owns one model, its
optimizer, the training-noise generator and the device. Every method Java calls is wrapped by
``java_entry`` so that any Python error reaches Java with its type, message and traceback.
"""

from __future__ import annotations

import contextlib
import json
import math
import multiprocessing
import os
import sys

import numpy as np
import torch
from safetensors.torch import load_file, save_file

from . import distributed
from .boundary import java_entry
from .model import ModelConfig, build_model, flops_per_token
from .objectives import Paradigm, Protocol, make_objective
from .sampling import SampleSettings, fill_after_eos, parse_prompts, sample_ar, sample_mdlm

MODEL_ARGS_FORMAT = "paradigm-model-args"
MODEL_ARGS_VERSION = 1


# ---------------------------------------------------------------- reading the resolved config


def section(config: dict, name: str) -> dict:
    value = config.get(name)
    if not isinstance(value, dict):
        raise ValueError(
            f"The config has no '{name}' section (found {value!r}); Java must pass the fully resolved config "
            "with every section of configs/demo.yaml."
        )
    return value


def model_config_for(config: dict, paradigm: Paradigm, protocol: Protocol, vocab_size: int) -> ModelConfig:
    """The architecture of one paradigm under one protocol.

    controlled: AR and MDLM share everything but the mask row (and the time MLP if
    model.time_conditioning); both heads are tied. arche-2026: MDLM adds the input time embedding and
    an untied head, AR keeps its tied head.
    """
    model = section(config, "model")
    is_mdlm = paradigm is Paradigm.MDLM
    arche = protocol is Protocol.ARCHE
    timed = is_mdlm and (arche or bool(model.get("time_conditioning", False)))
    try:
        dims = {key: model[key] for key in ("n_layer", "d_model", "n_head", "d_ff", "seq_len")}
    except KeyError as missing:
        raise ValueError(f"model.{missing.args[0]} is missing from the config; it must be a positive integer.") from None
    return ModelConfig(
        **dims,
        vocab_size=vocab_size,
        causal=not is_mdlm,
        n_mask_tokens=1 if is_mdlm else 0,
        time_conditioning=timed,
        time_embed="sinusoidal_input" if timed else "none",
        tie_head=not (arche and is_mdlm),
    ).validate()


def resolve_device(name) -> torch.device:
    if name in (None, "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda":
        if not torch.cuda.is_available():
            raise ValueError("train.device=cuda, but this PyTorch sees no CUDA device; set train.device to auto or cpu.")
        return torch.device("cuda")
    if name == "cpu":
        return torch.device("cpu")
    raise ValueError(f"train.device={name!r} is unknown; expected auto, cpu or cuda.")


def resolve_compile(value, device: torch.device) -> bool:
    if value in (None, "auto"):
        return device.type == "cuda"
    if value in (True, "true"):
        return True
    if value in (False, "false"):
        return False
    raise ValueError(f"train.compile={value!r} is unknown; expected auto, true or false.")


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


# ---------------------------------------------------------------- the engine


class Engine:
    @java_entry
    def __init__(self, config_json: str, paradigm: str, vocab_size: int, eos_id: int):
        self.config = json.loads(config_json)
        self.paradigm = Paradigm.parse(paradigm)
        self.protocol = Protocol.parse(self.config.get("protocol", "controlled"))
        self.vocab_size, self.eos_id = int(vocab_size), int(eos_id)
        if not 0 <= self.eos_id < self.vocab_size:
            raise ValueError(f"eos_id={eos_id} lies outside the vocabulary [0, {vocab_size}).")
        self.train_cfg = section(self.config, "train")
        # Set by paradigm.distributed.join before the Engine is built (rank 0 of 1 otherwise).
        self.world = distributed.world()
        self.device = resolve_device(self.train_cfg.get("device", "auto"))
        if self.device.type == "cuda" and self.world.distributed:
            self.device = torch.device("cuda", self.world.local_rank)
        self.use_compile = resolve_compile(self.train_cfg.get("compile", "auto"), self.device)
        self.seed = int(self.config.get("seed", 0))
        self.impl = section(self.config, "model").get("impl")
        self.objective = make_objective(self.paradigm, self.protocol, self.config.get("mdlm") or {}, self.vocab_size)
        if self.device.type == "cuda":
            torch.backends.cuda.matmul.allow_tf32 = True
            torch.backends.cudnn.allow_tf32 = True
        self._build(model_config_for(self.config, self.paradigm, self.protocol, self.vocab_size))
        # Training noise (MDLM t and masks) comes from this generator so save/load restores it exactly.
        self.generator = torch.Generator(device=self.device).manual_seed(self.seed)
        self.stager = PinnedStager(self.device) if self.device.type == "cuda" else None
        self.pending = []  # (2,) device tensors [loss, grad_norm], one per step since the last drain

    def _build(self, model_cfg: ModelConfig):
        """Model (seeded: same seed and construction order for both paradigms), optimizer, compile."""
        self.model_cfg = model_cfg
        torch.manual_seed(self.seed)  # for user factories, which initialise themselves
        init_generator = torch.Generator().manual_seed(self.seed)
        self.model = build_model(model_cfg, self.impl, init_generator).to(self.device)
        self.optimizer = self._make_optimizer()
        self.forward = self.model  # evaluation (the unwrapped model: a DDP forward on rank 0 alone would hang)
        self.train_forward = self.model  # training: DDP over the ranks when there are several
        if self.world.distributed:
            self.train_forward = distributed.wrap(self.model, self.device)
        if self.use_compile:
            point_workers_at_python()
            self.forward = torch.compile(self.model)
            self.train_forward = self.forward if not self.world.distributed else torch.compile(self.train_forward)

    def _make_optimizer(self):
        t = self.train_cfg
        params = [p for p in self.model.parameters() if p.requires_grad]
        wd = float(t.get("weight_decay", 0.0))
        if self.protocol is Protocol.ARCHE:  # the published study decayed every parameter
            groups = [{"params": params, "weight_decay": wd}]
        else:  # decay matrices only; norms and biases are not decayed (nanoGPT)
            groups = [
                {"params": [p for p in params if p.dim() >= 2], "weight_decay": wd},
                {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0},
            ]
        return torch.optim.AdamW(
            groups,
            lr=float(t.get("lr", 1e-3)),
            betas=(float(t.get("beta1", 0.9)), float(t.get("beta2", 0.95))),
            eps=float(t.get("adam_eps", 1e-8)),
            fused=self.device.type == "cuda",
        )

    def _autocast(self):
        if self.device.type == "cuda":
            return torch.autocast("cuda", dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def _tokens(self, tokens) -> torch.Tensor:
        """int ndarray B×T (zero-copy view where possible) -> long tensor on the device."""
        array = np.asarray(tokens)
        if array.ndim != 2 or array.dtype.kind not in "iu":
            raise ValueError(f"tokens must be a 2-D integer array (B×T); found shape {array.shape} dtype {array.dtype}.")
        if array.shape[1] > self.model_cfg.seq_len:
            raise ValueError(f"tokens have {array.shape[1]} columns, more than model.seq_len={self.model_cfg.seq_len}.")
        if array.size and (array.min() < 0 or array.max() >= self.vocab_size):
            raise ValueError(
                f"token ids must lie in [0, {self.vocab_size}); found values in [{array.min()}, {array.max()}]."
            )
        if not array.flags.writeable:  # torch.from_numpy warns on read-only memory
            array = array.copy()
        host = torch.from_numpy(array)
        if self.stager is not None:
            return self.stager.to_device(host).long()
        return host.long()

    @java_entry
    def info(self) -> str:
        counts = self._param_counts()
        return json.dumps(
            {
                "paradigm": self.paradigm.value,
                "protocol": self.protocol.value,
                "params": counts["params"],
                "params_embedding": counts["params_embedding"],
                "flops_per_token": counts["flops_per_token"],
                "device": str(self.device),
                "dtype": "bfloat16" if self.device.type == "cuda" else "float32",
                "compiled": self.use_compile,
                "torch": torch.__version__,
                "model": self.model_cfg.to_dict(),
                "impl": self.impl,
            }
        )

    def _param_counts(self) -> dict:
        if hasattr(self.model, "param_counts"):
            counts = dict(self.model.param_counts())
            counts["flops_per_token"] = self.model.flops_per_token()
            return counts
        total = sum(p.numel() for p in self.model.parameters())  # a user module: no padding known
        embedding = sum(
            p.numel() for m in self.model.modules() if isinstance(m, torch.nn.Embedding) for p in m.parameters()
        )
        return {"params": total, "params_embedding": embedding, "flops_per_token": flops_per_token(total - embedding, self.model_cfg)}

    @java_entry
    def train_step(self, tokens, lr: float):
        x = self._tokens(tokens)
        for group in self.optimizer.param_groups:
            group["lr"] = float(lr)
        self.model.train()
        with self._autocast():
            loss = self.objective.train_loss(self.train_forward, x, self.generator, self.world.rank, self.world.size)
        loss.backward()
        clip = float(self.train_cfg.get("grad_clip") or 0.0)
        grad_norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), clip if clip > 0 else math.inf)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        self.pending.append(torch.stack([loss.detach().float(), grad_norm.detach().float()]))

    @java_entry
    def drain(self):
        """Per-step [loss, grad_norm] since the last drain; with several ranks, the mean over ranks (the
        global batch's loss; grad norms are equal on every rank after DDP's all-reduce). Every rank
        drains at the same steps: the all-reduce happens here, never per step."""
        if not self.pending:
            return np.zeros((0, 2), dtype=np.float64)
        stacked = torch.stack(self.pending).double()
        if self.world.distributed:
            distributed.mean_over_ranks(stacked)
        out = stacked.cpu().numpy()
        self.pending = []
        return out

    @java_entry
    def evaluate(self, tokens, seed: int):
        x = self._tokens(tokens)
        self.model.eval()
        with self._autocast():
            total, count = self.objective.evaluate(self.forward, x, int(seed))
        return np.array([float(total), float(count)], dtype=np.float64)

    @java_entry
    def sample(self, n: int, seed: int, settings_json: str):
        raw = json.loads(settings_json)
        settings = SampleSettings.from_dict(raw)
        if settings.length > self.model_cfg.seq_len:
            raise ValueError(f"sample.length={settings.length} exceeds model.seq_len={self.model_cfg.seq_len}.")
        n = int(n)
        prompts = parse_prompts(raw.get("prompt_ids"), n)
        if prompts.numel() and (prompts.min() < 0 or prompts.max() >= self.vocab_size):
            raise ValueError(f"prompt_ids must lie in [0, {self.vocab_size}).")
        if prompts.size(1) > settings.length:
            raise ValueError(f"The prompt has {prompts.size(1)} tokens, more than sample.length={settings.length}.")
        generator = torch.Generator(device=self.device).manual_seed(int(seed))
        self.model.eval()
        batches = []
        with torch.no_grad(), self._autocast():
            for start in range(0, n, settings.batch_size):
                prompt = prompts[start : start + settings.batch_size].to(self.device)
                if self.paradigm is Paradigm.AR:
                    ids = sample_ar(self.model, self.model_cfg.n_layer, prompt, settings, generator, self.eos_id)
                else:
                    ids = sample_mdlm(self.model, prompt, settings, generator, self.vocab_size, self.objective.schedule)
                if settings.stop_at_eos:  # as decode_batch does: an eos at position 0 does not end the sample
                    ids = fill_after_eos(ids, self.eos_id, max(prompt.size(1), 1))
                batches.append(ids.cpu())
        out = torch.cat(batches) if batches else torch.zeros(0, settings.length, dtype=torch.long)
        return np.ascontiguousarray(out.numpy().astype(np.int32))

    @java_entry
    def set_rng(self, seed: int):
        torch.manual_seed(int(seed))  # also seeds every CUDA device
        self.generator.manual_seed(int(seed))

    @java_entry
    def save(self, folder: str) -> str:
        os.makedirs(folder, exist_ok=True)
        state = {k: v.detach().contiguous() for k, v in self.model.state_dict().items()}
        _atomic(os.path.join(folder, "model.safetensors"), lambda p: save_file(state, p, metadata={"format": "pt"}))
        _atomic(os.path.join(folder, "optimizer.pt"), lambda p: torch.save(self.optimizer.state_dict(), p))
        rng = {
            "torch_cpu": torch.get_rng_state(),
            "torch_cuda": torch.cuda.get_rng_state_all() if self.device.type == "cuda" else [],
            "engine_generator": self.generator.get_state(),
            # numpy and Python's random are not used by the engine, so they carry no state worth saving
        }
        _atomic(os.path.join(folder, "rng.pt"), lambda p: torch.save(rng, p))
        args = {
            "format": MODEL_ARGS_FORMAT,
            "version": MODEL_ARGS_VERSION,
            "paradigm": self.paradigm.value,
            "protocol": self.protocol.value,
            "impl": self.impl,
            "eos_id": self.eos_id,
            "model": self.model_cfg.to_dict(),
        }
        _atomic(os.path.join(folder, "model_args.json"), lambda p: _write_text(p, json.dumps(args, indent=2)))
        return json.dumps(["model.safetensors", "optimizer.pt", "rng.pt", "model_args.json"])

    @java_entry
    def load(self, folder: str):
        with open(os.path.join(folder, "model_args.json"), encoding="utf-8") as f:
            args = json.load(f)
        if args.get("format") != MODEL_ARGS_FORMAT or args.get("version") != MODEL_ARGS_VERSION:
            raise ValueError(
                f"{folder}/model_args.json is not a {MODEL_ARGS_FORMAT} v{MODEL_ARGS_VERSION} file "
                f"(found format={args.get('format')!r}, version={args.get('version')!r})."
            )
        if args["paradigm"] != self.paradigm.value:
            raise ValueError(f"The checkpoint in {folder} holds a {args['paradigm']} model, but this engine is {self.paradigm.value}.")
        saved_cfg = ModelConfig(**args["model"])
        if saved_cfg != self.model_cfg or args.get("impl") != self.impl:
            self.impl = args.get("impl")  # the architecture comes from the checkpoint, not the config
            self._build(saved_cfg)
        self.model.load_state_dict(load_file(os.path.join(folder, "model.safetensors"), device=str(self.device)))
        self.optimizer.load_state_dict(torch.load(os.path.join(folder, "optimizer.pt"), map_location=self.device))
        rng = torch.load(os.path.join(folder, "rng.pt"))
        torch.set_rng_state(rng["torch_cpu"])
        if self.device.type == "cuda" and rng["torch_cuda"]:
            torch.cuda.set_rng_state_all(rng["torch_cuda"])
        self.generator.set_state(rng["engine_generator"])
        self.pending = []


def _write_text(path: str, text: str):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def _atomic(path: str, write):
    """write(tmp_path), then rename into place so a reader never sees half a file."""
    tmp = f"{path}.tmp-{os.getpid()}"
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
