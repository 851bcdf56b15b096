"""The Engine: the one object Java drives, and the whole Python surface (docs/boundary.md is the contract).

Java owns the schedule, the data order, file names and metrics; the Engine owns one model, its
optimizer, the average of its weights (train.ema), the training-noise generator, the tokenizer and the device. Every method Java calls is wrapped by
``java_entry`` so that any Python error reaches Java with its type, message and traceback. Nothing outside this
file reaches into an Engine: scoring, sampling with or without the KV cache, and the benchmark's Python loop are
its methods. The config is read once, strictly (``config.read``): Java's records and configs/demo.yaml are its
only schema and defaults.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import time

import numpy as np
import torch
from safetensors.torch import load_file, save_file

from . import config as config_module
from . import distributed
from .boundary import java_entry
from .config import ExperimentConfig, MdlmHead, Precision, SampleConfig, WeightDecayScope
from .data.tokenizer import decode_batch, encode
from .device import (
    PinnedStager, device_facts, point_workers_at_python, reset_peak_memory, resolve_compile, resolve_device, use_tf32,
)
from .ema import FILE as EMA_FILE
from .ema import WeightAverage
from .model import ModelArgs, build_model, flops_per_token
from .objectives import Paradigm, TokenNll, make_objective
from .sampling import fill_after_eos, make_mdlm_sampler, sample_ar

MODEL_ARGS_FORMAT = "paradigm-model-args"
MODEL_ARGS_VERSION = 2  # 2: init and time_scale in the model section (the study's settings)


def model_args_for(cfg: ExperimentConfig, paradigm: Paradigm, vocab_size: int) -> ModelArgs:
    """The architecture of one paradigm: the shared backbone, plus what the config gives MDLM alone (the mask row,
    the time embedding when model.time_conditioning, its own head when model.mdlm_head is untied)."""
    m, is_mdlm = cfg.model, paradigm is Paradigm.MDLM
    timed = is_mdlm and m.time_conditioning
    return ModelArgs(
        n_layer=m.n_layer,
        d_model=m.d_model,
        n_head=m.n_head,
        d_ff=m.d_ff,
        seq_len=m.seq_len,
        vocab_size=vocab_size,
        causal=not is_mdlm,
        n_mask_tokens=1 if is_mdlm else 0,
        time_conditioning=timed,
        time_embed="sinusoidal_input" if timed else "none",
        time_scale=m.time_scale,
        tie_head=not (is_mdlm and m.mdlm_head is MdlmHead.UNTIED),
        init=m.init.value,
        norm_eps=m.norm_eps,
    ).validate()


class Engine:
    @java_entry
    def __init__(self, config_json: str, paradigm: str, vocab_size: int, eos_id: int, tokenizer_file: str | None = None):
        """One model of ``paradigm`` for a vocabulary of ``vocab_size`` tokens whose end-of-story token is ``eos_id``.

        ``tokenizer_file`` (the data folder's tokenizer.json) encodes text prompts and decodes samples; without
        it, prompts must be token ids and samples come back without text.
        """
        self.config = config_module.read(config_json)
        self.paradigm = Paradigm.parse(paradigm)
        self.vocab_size, self.eos_id = int(vocab_size), int(eos_id)
        if not 0 <= self.eos_id < self.vocab_size:
            raise ValueError(f"eos_id={eos_id} lies outside the vocabulary [0, {vocab_size}).")
        self.tokenizer_file = tokenizer_file
        # Set by paradigm.distributed.join before the Engine is built (rank 0 of 1 otherwise).
        self.world = distributed.world()
        self.device = resolve_device(self.config.train.device)
        if self.device.type == "cuda" and self.world.distributed:
            self.device = torch.device("cuda", self.world.local_rank)
        reset_peak_memory(self.device)  # device_facts reports the peak since this engine was built
        self.use_compile = resolve_compile(self.config.train.compile, self.device)
        self.seed = self.config.seed
        self.impl = self.config.model.impl
        self.objective = make_objective(self.paradigm, self.config.mdlm, self.vocab_size)
        # train.precision: bf16 autocast and TF32 matmuls on CUDA, or float32 throughout (set both ways: the flags
        # are global, and an engine of another config may have run in this process before)
        self.bf16 = self.device.type == "cuda" and self.config.train.precision is Precision.BF16
        use_tf32(self.device, self.bf16)
        self._build(model_args_for(self.config, self.paradigm, self.vocab_size))
        # Training noise (MDLM t and masks) comes from this generator so save/load restores it exactly.
        self.generator = torch.Generator(device=self.device).manual_seed(self.seed)
        self.stager = PinnedStager(self.device) if self.device.type == "cuda" else None
        self.pending = []  # (2,) device tensors [loss, grad_norm], one per step since the last drain
        self.batch = self.batch_host = None  # the bound batch (bind_batch): Java's memory as an ndarray and a tensor

    def _build(self, model_args: ModelArgs):
        """Model (seeded: same seed and construction order for both paradigms), optimizer, compile."""
        self.model_args = model_args
        torch.manual_seed(self.seed)  # for user factories, which initialise themselves
        init_generator = torch.Generator().manual_seed(self.seed)
        self.model = build_model(model_args, self.impl, init_generator).to(self.device)
        self.optimizer = self._make_optimizer()
        # Training and evaluation call the model and its loss as one module (compiled together: objectives.TokenNll).
        self.nll = TokenNll(self.model)  # eager: scoring, whose lengths vary from call to call
        self.forward = self.nll  # evaluation (the unwrapped model: a DDP forward on rank 0 alone would hang)
        self.train_forward = self.nll  # training: DDP over the ranks when there are several
        ema = self.config.train.ema
        self.average = WeightAverage(self.model, ema) if ema > 0 else None  # what evaluate, score and sample use
        if self.world.distributed:
            self.train_forward = distributed.wrap(self.nll, self.device)
        if self.use_compile:
            point_workers_at_python()
            self.forward = torch.compile(self.nll)
            self.train_forward = self.forward if not self.world.distributed else torch.compile(self.train_forward)

    def _make_optimizer(self):
        t = self.config.train
        params = [p for p in self.model.parameters() if p.requires_grad]
        if t.weight_decay_scope is WeightDecayScope.ALL:
            groups = [{"params": params, "weight_decay": t.weight_decay}]
        else:  # matrices only; norms and biases are not decayed (nanoGPT)
            groups = [
                {"params": [p for p in params if p.dim() >= 2], "weight_decay": t.weight_decay},
                {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0},
            ]
        return torch.optim.AdamW(
            groups, lr=t.lr, betas=(t.beta1, t.beta2), eps=t.adam_eps, fused=self.device.type == "cuda"
        )

    def _evaluation_weights(self):
        """The weights evaluation and sampling use: the average of the weights when train.ema is on."""
        return self.average.swapped_in() if self.average is not None else contextlib.nullcontext()

    def _autocast(self):
        if self.bf16:
            return torch.autocast("cuda", dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def _tokens(self, tokens) -> torch.Tensor:
        """int ndarray B×T (zero-copy view where possible) -> int32 tensor on the device (the embedding takes int32;
        only loss targets are widened, inside the compiled graph)."""
        array = self._checked(np.asarray(tokens))
        if array.dtype != np.int32 or not array.flags.writeable:  # torch.from_numpy warns on read-only memory
            array = array.astype(np.int32)  # in range, so exact
        return self._to_device(torch.from_numpy(array))

    def _checked(self, array: np.ndarray) -> np.ndarray:
        if array.ndim != 2 or array.dtype.kind not in "iu":
            raise ValueError(f"tokens must be a 2-D integer array (B×T); found shape {array.shape} dtype {array.dtype}.")
        if array.shape[1] > self.model_args.seq_len:
            raise ValueError(f"tokens have {array.shape[1]} columns, more than model.seq_len={self.model_args.seq_len}.")
        if array.size and (array.min() < 0 or array.max() >= self.vocab_size):
            raise ValueError(
                f"token ids must lie in [0, {self.vocab_size}); found values in [{array.min()}, {array.max()}]."
            )
        return array

    def _to_device(self, host: torch.Tensor) -> torch.Tensor:
        return self.stager.to_device(host) if self.stager is not None else host

    @contextlib.contextmanager
    def _evaluating(self):
        """Eval mode and the evaluation weights (train.ema's average when on) for one call, then training mode again:
        train_step never walks the modules to set it."""
        self.model.eval()
        try:
            with torch.no_grad(), self._evaluation_weights(), self._autocast():
                yield
        finally:
            self.model.train()

    @java_entry
    def info(self) -> str:
        counts = self._param_counts()
        return json.dumps(
            {
                "paradigm": self.paradigm.value,
                "params": counts["params"],
                "params_embedding": counts["params_embedding"],
                "flops_per_token": counts["flops_per_token"],
                "device": str(self.device),
                "dtype": "bfloat16" if self.bf16 else "float32",
                "compiled": self.use_compile,
                "torch": torch.__version__,
                "model": self.model_args.to_dict(),
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
        return {"params": total, "params_embedding": embedding, "flops_per_token": flops_per_token(total - embedding, self.model_args)}

    # ------------------------------------------------------------ training

    @java_entry
    def bind_batch(self, tokens):
        """Binds the int32 B×T array that ``train_step`` trains on: Java's one direct buffer (a DirectNDArray), which
        it refills in place before every step. The ndarray view and its tensor are made once, here; a step reads the
        memory as it is then. Ids are range-checked at every step, since the memory changes."""
        array = np.asarray(tokens)
        if array.dtype != np.int32 or not array.flags.c_contiguous or not array.flags.writeable:
            raise ValueError("bind_batch needs a writeable, C-contiguous int32 array (its memory is refilled in place and "
                             f"read by every step); found dtype {array.dtype}, C-contiguous "
                             f"{array.flags.c_contiguous}, writeable {array.flags.writeable}.")
        self.batch = self._checked(array)
        self.batch_host = torch.from_numpy(array)  # shares the memory: no copy, now or per step

    @java_entry
    def train_step(self, lr: float):
        """One AdamW step at learning rate ``lr`` on the bound batch (``bind_batch``); no host–device sync."""
        if self.batch is None:
            raise ValueError("train_step trains on the batch bound by bind_batch, and none is bound.")
        self._checked(self.batch)  # Java has refilled it since the last step
        x = self._to_device(self.batch_host)
        for group in self.optimizer.param_groups:
            group["lr"] = float(lr)
        with self._autocast():
            loss = self.objective.train_loss(self.train_forward, x, self.generator, self.world.rank, self.world.size)
        loss.backward()
        clip = self.config.train.grad_clip
        grad_norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), clip if clip > 0 else math.inf)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        if self.average is not None:
            self.average.update()
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
    def train_window(self, batches, steps: int, drain_every: int, lr: float) -> float:
        """The benchmark's plain-Python loop: ``steps`` training steps over ``batches`` (int32 K×B×T, cycled), a
        drain every ``drain_every`` steps and at the end; returns the seconds from the first step to the last drain.

        Java times its own loop against this one, on this Engine, in interleaved windows, so the difference is what
        the Java orchestration costs per step. Like the Java loop it refills one bound batch in place before each
        step; it leaves out the Java-only work (reading the batch from the token store, the stream digest). It binds
        its own batch, so the Java loop binds its buffer again after it. The engine must be drained when this is
        called, so the timed span starts with an idle device and ends with a sync, exactly like a Java window.
        """
        batches = np.asarray(batches)
        if batches.ndim != 3 or batches.dtype != np.int32 or len(batches) == 0:
            raise ValueError(f"batches must be a non-empty int32 array K×B×T; found shape {batches.shape} dtype {batches.dtype}.")
        if steps < 1 or drain_every < 1:
            raise ValueError(f"steps ({steps}) and drain_every ({drain_every}) must be at least 1.")
        buffer = batches[0].copy()  # bound once and refilled before every step, as Java's direct buffer
        self.bind_batch(buffer)
        train_step, drain, k, lr = self.train_step, self.drain, len(batches), float(lr)
        start = time.perf_counter()
        for step in range(steps):
            np.copyto(buffer, batches[step % k])
            train_step(lr)
            if (step + 1) % drain_every == 0 or step + 1 == steps:
                drain()  # the synchronised point
        return time.perf_counter() - start

    # ------------------------------------------------------------ likelihoods

    @java_entry
    def evaluate(self, tokens, seed: int):
        x = self._tokens(tokens)
        with self._evaluating():
            total, count = self.objective.evaluate(self.forward, x, int(seed))
        return np.array([float(total), float(count)], dtype=np.float64)

    @java_entry
    def cross_entropy(self, tokens, seed: int) -> float:
        """The batch's mean cross-entropy as the training loss measures it, the published study's validation number:
        AR mean next-token CE; MDLM unweighted CE over the masked tokens, t and masks drawn as in training from a
        generator seeded with ``seed`` (``objectives.*.cross_entropy``). Java averages the batch means."""
        x = self._tokens(tokens)
        with self._evaluating():
            return float(self.objective.cross_entropy(self.forward, x, int(seed)))

    @java_entry
    def score(self, tokens, start: int) -> np.ndarray:
        """Per-row [summed NLL, tokens scored] (float64 n×2) of whole samples under this AR model, from position
        ``start`` to the first end-of-story token at or after it (``ARObjective.score``): generative perplexity."""
        if self.paradigm is not Paradigm.AR:
            raise ValueError(f"Generative perplexity needs an AR judge model; this engine is {self.paradigm.value}.")
        x = self._tokens(tokens)
        with self._evaluating():
            out = self.objective.score(self.nll, x, start, self.eos_id)
        return np.ascontiguousarray(out.cpu().numpy())

    # ------------------------------------------------------------ sampling

    @java_entry
    def sample(self, n: int, seed: int, settings_json: str, prompt=None, kv_cache: bool = True) -> dict:
        """``n`` samples drawn with ``settings_json`` (a resolved ``sample`` section) from ``prompt``, in batches of
        sample.batch_size, each batch drawing from one generator seeded with ``seed``.

        ``prompt``: None (unconditional), a text, or a sequence of pieces, each a token id or a text (a text is
        encoded with the tokenizer). ``kv_cache=False`` (AR only) recomputes the whole prefix for every token: what
        the benchmark compares the cache against. Returns {"ids": int32 n×length ndarray (the prompt first),
        "texts": the decoded rows (None without a tokenizer), "prompt_ids": the prompt as token ids}.
        """
        settings = config_module.section(SampleConfig, json.loads(settings_json), "sample")
        if settings.length > self.model_args.seq_len:
            raise ValueError(f"sample.length={settings.length} exceeds model.seq_len={self.model_args.seq_len}.")
        if not kv_cache and self.paradigm is not Paradigm.AR:
            raise ValueError(f"Sampling without a KV cache needs an AR engine; this one is {self.paradigm.value}.")
        n, prompt_ids = int(n), self._prompt_ids(prompt)
        if prompt_ids and (min(prompt_ids) < 0 or max(prompt_ids) >= self.vocab_size):
            raise ValueError(f"The prompt's token ids must lie in [0, {self.vocab_size}); found {prompt_ids}.")
        if len(prompt_ids) > settings.length:
            raise ValueError(f"The prompt has {len(prompt_ids)} tokens, more than sample.length={settings.length}.")
        generator = torch.Generator(device=self.device).manual_seed(int(seed))
        mdlm_sampler = make_mdlm_sampler(settings.mdlm_sampler)
        batches = []
        with self._evaluating():
            for start in range(0, n, settings.batch_size):
                rows = min(settings.batch_size, n - start)
                prefix = torch.tensor(prompt_ids, dtype=torch.long).repeat(rows, 1).to(self.device)  # (rows, P)
                if self.paradigm is Paradigm.AR:
                    ids = sample_ar(self.model, self.model_args.n_layer, prefix, settings, generator, self.eos_id, kv_cache)
                else:
                    ids = mdlm_sampler(self.model, prefix, settings, generator, self.vocab_size, self.objective.schedule)
                if settings.stop_at_eos:  # as decode_batch does: an eos at position 0 does not end the sample
                    ids = fill_after_eos(ids, self.eos_id, max(prefix.size(1), 1))
                batches.append(ids.cpu())
        out = torch.cat(batches) if batches else torch.zeros(0, settings.length, dtype=torch.long)
        ids = np.ascontiguousarray(out.numpy().astype(np.int32))
        texts = decode_batch(self.tokenizer_file, ids, settings.stop_at_eos) if self.tokenizer_file else None
        return {"ids": ids, "texts": texts, "prompt_ids": prompt_ids}

    def _prompt_ids(self, prompt) -> list[int]:
        if prompt is None:
            return []
        ids = []
        for piece in [prompt] if isinstance(prompt, str) else list(prompt):
            if isinstance(piece, str):
                if not self.tokenizer_file:
                    raise ValueError(f"The prompt {piece!r} is text, but this engine was built without a tokenizer.")
                ids += encode(self.tokenizer_file, piece).tolist()
            else:
                ids.append(int(piece))
        return ids

    @java_entry
    def device_facts(self) -> str:
        """JSON: what the engine runs on, for bench.json (the device name decides the peak FLOP/s)."""
        return json.dumps(device_facts(self.device))

    # ------------------------------------------------------------ state

    @java_entry
    def set_rng(self, seed: int):
        torch.manual_seed(int(seed))  # also seeds every CUDA device
        self.generator.manual_seed(int(seed))

    @java_entry
    def save(self, folder: str) -> str:
        os.makedirs(folder, exist_ok=True)
        state = {k: v.detach().contiguous() for k, v in self.model.state_dict().items()}
        _atomic(os.path.join(folder, "model.safetensors"), lambda p: save_file(state, p, metadata={"format": "pt"}))
        _atomic(os.path.join(folder, "optimizer.pt"), lambda p: _torch_save(self.optimizer.state_dict(), p))
        rng = {
            "torch_cpu": torch.get_rng_state(),
            "torch_cuda": torch.cuda.get_rng_state_all() if self.device.type == "cuda" else [],
            "engine_generator": self.generator.get_state(),
            # numpy and Python's random are not used by the engine, so they carry no state worth saving
        }
        _atomic(os.path.join(folder, "rng.pt"), lambda p: _torch_save(rng, p))
        args = {
            "format": MODEL_ARGS_FORMAT,
            "version": MODEL_ARGS_VERSION,
            "paradigm": self.paradigm.value,
            "impl": self.impl,
            "eos_id": self.eos_id,
            "model": self.model_args.to_dict(),
        }
        _atomic(os.path.join(folder, "model_args.json"), lambda p: _write_text(p, json.dumps(args, indent=2)))
        files = ["model.safetensors", "optimizer.pt", "rng.pt", "model_args.json"]
        if self.average is not None:
            _atomic(os.path.join(folder, EMA_FILE), self.average.save)
            files.append(EMA_FILE)
        return json.dumps(files)

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
        saved = ModelArgs(**args["model"])
        if saved != self.model_args or args.get("impl") != self.impl:
            self.impl = args.get("impl")  # the architecture comes from the checkpoint, not the config
            self._build(saved)
        self.model.load_state_dict(load_file(os.path.join(folder, "model.safetensors"), device=str(self.device)))
        # Like the architecture, the average comes from the checkpoint when it has one (a judge from another run); a
        # checkpoint without one, loaded with train.ema on, starts the average from its weights.
        ema_file = os.path.join(folder, EMA_FILE)
        decay = WeightAverage.read_decay(ema_file) if os.path.exists(ema_file) else self.config.train.ema
        self.average = WeightAverage(self.model, decay) if decay > 0 else None
        if self.average is not None and os.path.exists(ema_file):
            self.average.load(ema_file)
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


def _torch_save(obj, path: str):
    """torch.save through memory, then one plain write: a full disk is then Python's OSError ("No space left on
    device"), where torch's own file writer reports it as "unexpected pos" with no reason."""
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    with open(path, "wb") as f:
        f.write(buffer.getbuffer())


def _atomic(path: str, write):
    """write(tmp_path), then rename into place so a reader never sees half a file."""
    tmp = f"{path}.tmp-{os.getpid()}"
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
