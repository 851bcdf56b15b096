"""The one transformer backbone both paradigms share.

Pre-norm blocks (RMSNorm with a weight), rotary position embeddings on q and k, a SwiGLU feed-forward,
no biases, and ``F.scaled_dot_product_attention``. ``causal=True`` gives the autoregressive model,
``causal=False`` the bidirectional denoiser of MDLM; everything else is the same code.

Reads top to bottom like nanoGPT: arguments → norm → rotary → attention (+ KV cache) → MLP → block → model.
"""

from __future__ import annotations

import importlib
import math
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F

TIME_EMBEDS = ("none", "sinusoidal_input")
INITS = ("gpt2", "pytorch")  # config.Init's values


@dataclass(frozen=True)
class ModelArgs:
    """The architecture of one built model (saved beside its weights as model_args.json): the config's model
    section resolved for one paradigm and one vocabulary (engine.model_args_for)."""

    n_layer: int
    d_model: int
    n_head: int
    d_ff: int  # SwiGLU hidden width (~8/3 d_model keeps the FFN at the usual 8·d² parameters)
    seq_len: int  # longest sequence; sizes the rotary tables and the KV cache
    vocab_size: int  # the tokenizer's real vocabulary, without the mask token or padding
    causal: bool = True  # True: autoregressive; False: bidirectional (MDLM)
    n_mask_tokens: int = 0  # 1 for MDLM: one extra input row, the mask token id == vocab_size
    time_conditioning: bool = False  # MDLM only; upstream MDLM ignores t as well
    # "none" | "sinusoidal_input": [sin, cos](time_scale·t·f) -> Linear(d,d)+bias -> SiLU, added to the input
    time_embed: str = "none"
    time_scale: float = 1000.0  # DDPM's timestep scale; the published study fed t itself (1.0)
    tie_head: bool = True  # output head reuses the input embedding rows of the real vocabulary
    # "gpt2": N(0, 0.02), residual projections / sqrt(2·n_layer) | "pytorch": nn.Embedding's and nn.Linear's own
    init: str = "gpt2"
    # Embedding and head rows are padded to a multiple of 64 so the big vocabulary matmul hits
    # tensor-core friendly shapes (nanoGPT: 50257 -> 50304 "for efficiency"). Padding rows are never
    # looked up, their logits are sliced off, and parameter counts exclude them.
    pad_vocab_multiple: int = 64
    norm_eps: float = 1e-5
    rope_base: float = 10000.0

    def validate(self) -> "ModelArgs":
        """Cheap checks of what the model cannot be built from. The config's rules (head width, seq_len, ...) are
        Java's ConfigValidator's, so a validated config never fails here; these guard arguments built by hand."""
        dims = (self.n_layer, self.d_model, self.n_head, self.d_ff, self.seq_len, self.vocab_size)
        if min(dims) < 1 or self.d_model % self.n_head or self.head_dim % 2 or self.seq_len < 2:
            raise ValueError(f"{self} cannot be built: every size must be positive, seq_len at least 2, and d_model "
                             "must split into n_head heads of even width (rotary embeddings rotate channel pairs).")
        if self.n_mask_tokens not in (0, 1) or self.time_embed not in TIME_EMBEDS or self.init not in INITS:
            raise ValueError(f"{self} cannot be built: n_mask_tokens must be 0 or 1, time_embed one of {TIME_EMBEDS}, "
                             f"init one of {INITS}.")
        if self.time_conditioning and (self.causal or self.time_embed == "none"):
            raise ValueError(f"{self} cannot be built: time conditioning needs a bidirectional model and an embedding.")
        return self

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_head

    @property
    def input_rows(self) -> int:
        """Rows of the input embedding that are used: the vocabulary plus the mask token (MDLM)."""
        return self.vocab_size + self.n_mask_tokens

    def padded(self, rows: int) -> int:
        m = self.pad_vocab_multiple
        return (rows + m - 1) // m * m

    def to_dict(self) -> dict:
        return asdict(self)


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return F.rms_norm(x, (x.size(-1),), self.weight, self.eps)


def rope_tables(seq_len: int, head_dim: int, base: float):
    """cos and sin of the rotation angles, each (seq_len, head_dim/2)."""
    inv_freq = 1.0 / base ** (torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim)
    angles = torch.outer(torch.arange(seq_len, dtype=torch.float32), inv_freq)
    return angles.cos(), angles.sin()


def apply_rope(x, cos, sin):
    """Rotate channel pairs (i, i + hd/2) of x (B, H, T, hd) by the angles of positions cos/sin (T, hd/2)."""
    x1, x2 = x.chunk(2, dim=-1)
    cos, sin = cos.to(x.dtype), sin.to(x.dtype)
    return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)


class KVCache:
    """Keys and values of every token seen so far, per layer, for incremental causal decoding.

    Filled by the attention layers during a forward pass with ``kv_cache=``; the model advances ``pos``
    once all layers have written. Tensors are allocated on first use with the keys' dtype/device.
    """

    def __init__(self, n_layer: int, max_len: int):
        self.n_layer, self.max_len = n_layer, max_len
        self.k = self.v = None  # (n_layer, B, H, max_len, hd)
        self.pos = 0

    def append(self, layer: int, k, v):
        """Store k, v (B, H, T, hd) at positions [pos, pos+T) and return all keys/values up to pos+T."""
        if self.k is None:
            shape = (self.n_layer, *k.shape[:2], self.max_len, k.shape[-1])
            self.k = torch.zeros(shape, dtype=k.dtype, device=k.device)
            self.v = torch.zeros(shape, dtype=v.dtype, device=v.device)
        end = self.pos + k.size(2)
        if end > self.max_len:
            raise ValueError(f"The KV cache holds {self.max_len} positions; {end} were requested.")
        self.k[layer, :, :, self.pos : end] = k
        self.v[layer, :, :, self.pos : end] = v
        return self.k[layer, :, :, :end], self.v[layer, :, :, :end]


class Attention(nn.Module):
    def __init__(self, cfg: ModelArgs):
        super().__init__()
        self.n_head, self.causal = cfg.n_head, cfg.causal
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model, bias=False)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model, bias=False)

    def forward(self, x, cos, sin, kv_cache: KVCache | None = None, layer: int = 0):
        B, T, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=2)
        q, k, v = (z.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) for z in (q, k, v))  # (B, H, T, hd)
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        if kv_cache is None:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=self.causal)
        else:
            start = kv_cache.pos
            k, v = kv_cache.append(layer, k, v)
            if start == 0:  # prefill: plain causal attention over the new tokens
                y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            elif T == 1:  # one new token sees every cached one
                y = F.scaled_dot_product_attention(q, k, v)
            else:  # a chunk after a prefix: token i sees positions <= start + i
                allowed = torch.ones(T, k.size(2), dtype=torch.bool, device=x.device).tril(diagonal=start)
                y = F.scaled_dot_product_attention(q, k, v, attn_mask=allowed)
        y = y.transpose(1, 2).contiguous().view(B, T, C)
        return self.proj(y)


class SwiGLU(nn.Module):
    def __init__(self, cfg: ModelArgs):
        super().__init__()
        self.fc_in = nn.Linear(cfg.d_model, 2 * cfg.d_ff, bias=False)  # gate and value in one matmul
        self.fc_out = nn.Linear(cfg.d_ff, cfg.d_model, bias=False)

    def forward(self, x):
        gate, value = self.fc_in(x).chunk(2, dim=-1)
        return self.fc_out(F.silu(gate) * value)


class Block(nn.Module):
    def __init__(self, cfg: ModelArgs):
        super().__init__()
        self.norm_attn = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.attn = Attention(cfg)
        self.norm_mlp = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.mlp = SwiGLU(cfg)

    def forward(self, x, cos, sin, kv_cache=None, layer=0):
        x = x + self.attn(self.norm_attn(x), cos, sin, kv_cache, layer)
        return x + self.mlp(self.norm_mlp(x))


class TimeEmbedding(nn.Module):
    """t (B,) in [0, 1] -> (B, d): [sin, cos] of scale·t·f_i for d/2 frequencies f_i = 10000^(-i/(d/2)), then
    Linear -> SiLU. ``scale`` 1000 is DDPM's timestep scale; the published study used t itself (scale 1)."""

    def __init__(self, d_model: int, scale: float):
        super().__init__()
        self.d_model, self.scale = d_model, scale
        self.linear = nn.Linear(d_model, d_model, bias=True)

    def features(self, t):
        half = self.d_model // 2
        freqs = torch.exp(-math.log(10000.0) * torch.arange(half, device=t.device, dtype=torch.float32) / half)
        angles = self.scale * t.float()[:, None] * freqs[None, :]
        return torch.cat([angles.sin(), angles.cos()], dim=-1)  # (B, d)

    def forward(self, t):
        return F.silu(self.linear(self.features(t)))


class Transformer(nn.Module):
    """forward(idx (B, T) int, t (B,) float | None, kv_cache) -> logits (B, T, vocab_size) over the real vocabulary."""

    def __init__(self, cfg: ModelArgs):
        super().__init__()
        self.cfg = cfg.validate()
        self.tok_emb = nn.Embedding(cfg.padded(cfg.input_rows), cfg.d_model)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.head = None if cfg.tie_head else nn.Linear(cfg.d_model, cfg.padded(cfg.vocab_size), bias=False)
        self.time_mlp = TimeEmbedding(cfg.d_model, cfg.time_scale) if cfg.time_embed == "sinusoidal_input" else None
        cos, sin = rope_tables(cfg.seq_len, cfg.head_dim, cfg.rope_base)
        self.register_buffer("rope_cos", cos, persistent=False)
        self.register_buffer("rope_sin", sin, persistent=False)

    def forward(self, idx, t=None, kv_cache: KVCache | None = None):
        B, T = idx.shape
        start = kv_cache.pos if kv_cache is not None else 0
        x = self.tok_emb(idx)  # (B, T, d)
        if self.time_mlp is not None:
            if t is None:
                raise ValueError("This model is time-conditioned; forward() needs t (B,).")
            x = x + self.time_mlp(t).to(x.dtype)[:, None, :]
        cos, sin = self.rope_cos[start : start + T], self.rope_sin[start : start + T]
        for layer, block in enumerate(self.blocks):
            x = block(x, cos, sin, kv_cache, layer)
        if kv_cache is not None:
            kv_cache.pos += T
        x = self.norm(x)
        weight = self.tok_emb.weight if self.head is None else self.head.weight
        # SUBS: the model never predicts the mask token (or padding), so those logits are sliced off.
        return F.linear(x, weight)[..., : self.cfg.vocab_size]  # (B, T, vocab_size)

    @torch.no_grad()
    def init_weights(self, generator: torch.Generator):
        """Seeded init in a fixed order; paradigm-specific parts (mask row, time MLP) are drawn LAST so
        that an AR and an MDLM model built from the same seed get identical shared parameters.

        ``gpt2``: every matrix and embedding N(0, 0.02), residual projections N(0, 0.02 / sqrt(2·n_layer)), biases 0.
        ``pytorch``: what nn.Embedding and nn.Linear do on their own (the published study: nothing custom), so
        embeddings are N(0, 1) and a Linear of fan-in n is U(±1/sqrt(n)), its bias too. With a tied head that makes
        the initial logits' std about sqrt(d_model)."""
        cfg = self.cfg
        V = cfg.vocab_size
        embedding, linear, resid, bias = _initialisers(cfg, generator)
        embedding(self.tok_emb.weight[:V])
        for block in self.blocks:
            linear(block.attn.qkv.weight)
            resid(block.attn.proj.weight)
            linear(block.mlp.fc_in.weight)
            resid(block.mlp.fc_out.weight)
            block.norm_attn.weight.fill_(1.0)
            block.norm_mlp.weight.fill_(1.0)
        self.norm.weight.fill_(1.0)
        if self.head is not None:
            linear(self.head.weight[:V])
            self.head.weight[V:].zero_()
        embedding(self.tok_emb.weight[V : cfg.input_rows])  # the mask row
        self.tok_emb.weight[cfg.input_rows :].zero_()  # padding: never looked up
        if self.time_mlp is not None:
            linear(self.time_mlp.linear.weight)
            bias(self.time_mlp.linear.bias, fan_in=cfg.d_model)

    def param_counts(self) -> dict:
        """Parameter counts without the padding rows."""
        cfg, d = self.cfg, self.cfg.d_model
        pad_rows = self.tok_emb.weight.size(0) - cfg.input_rows
        if self.head is not None:
            pad_rows += self.head.weight.size(0) - cfg.vocab_size
        total = sum(p.numel() for p in self.parameters()) - pad_rows * d
        embedding = cfg.input_rows * d
        time_mlp = sum(p.numel() for p in self.time_mlp.parameters()) if self.time_mlp is not None else 0
        return {"params": total, "params_embedding": embedding, "params_time_mlp": time_mlp}

    def flops_per_token(self) -> int:
        """Training FLOPs per token, nanoGPT/PaLM style: 6·N + 12·n_layer·d_model·seq_len.

        N counts the weights that multiply every token: the blocks, the final norm and the output
        head (V·d, counted once whether tied or not). Embedding lookups are not matmuls, and the time
        MLP runs once per sequence, so neither is in N. The attention term is the same for causal and
        bidirectional attention (PaLM does not halve it for causal masks), so both paradigms compare fairly.
        """
        counts = self.param_counts()
        n = counts["params"] - counts["params_embedding"] - counts["params_time_mlp"]
        if self.head is None:
            n += self.cfg.vocab_size * self.cfg.d_model
        return flops_per_token(n, self.cfg)


def _initialisers(cfg: ModelArgs, generator: torch.Generator):
    """(embedding, linear, residual projection, bias) initialisers of ``cfg.init``, each drawing from ``generator``.
    A weight's fan-in is its shape's last size (out, in); a bias is given its layer's."""

    def normal(std):
        return lambda w: w.normal_(0.0, std, generator=generator)

    def uniform(w, fan_in=None):
        # nn.Linear's reset_parameters: kaiming_uniform_(a=sqrt(5)) has the bound gain·sqrt(3/fan_in) with
        # gain = sqrt(2/(1+5)), i.e. 1/sqrt(fan_in); its bias is U(±1/sqrt(fan_in)) too.
        bound = 1.0 / math.sqrt(fan_in or w.size(-1))
        w.uniform_(-bound, bound, generator=generator)

    if cfg.init == "pytorch":
        return normal(1.0), uniform, uniform, uniform
    # GPT-2: residual projections scaled by depth, biases zero
    return normal(0.02), normal(0.02), normal(0.02 / math.sqrt(2 * cfg.n_layer)), lambda b, fan_in: b.zero_()


def flops_per_token(n_matmul_params: int, cfg: ModelArgs) -> int:
    return 6 * n_matmul_params + 12 * cfg.n_layer * cfg.d_model * cfg.seq_len


def load_factory(path: str):
    """Resolve ``pkg.module:factory`` or ``pkg.module.factory`` to a callable; errors name model.impl."""
    module_name, sep, attr = path.partition(":")
    if not sep:
        module_name, _, attr = path.rpartition(".")
    if not module_name or not attr:
        raise ValueError(
            f"model.impl={path!r} is not a dotted path; expected 'package.module:factory' or 'package.module.factory'."
        )
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise ValueError(f"model.impl={path!r}: module {module_name!r} could not be imported ({exc}).") from exc
    factory = getattr(module, attr, None)
    if not callable(factory):
        raise ValueError(f"model.impl={path!r}: module {module_name!r} has no callable named {attr!r}.")
    return factory


def build_model(cfg: ModelArgs, impl: str | None = None, generator: torch.Generator | None = None) -> nn.Module:
    """The built-in Transformer (seeded by ``generator``), or the module a user factory returns.

    A user factory is called with the ModelArgs and must return an nn.Module whose
    forward(idx, t=None, kv_cache=None) returns (B, T, vocab_size) logits; it initialises itself
    (the caller seeds torch's global generator first).
    """
    cfg.validate()
    if impl:
        model = load_factory(impl)(cfg)
        if not isinstance(model, nn.Module):
            raise ValueError(
                f"model.impl={impl!r} returned {type(model).__name__}, but it must return a torch.nn.Module."
            )
        return model
    model = Transformer(cfg)
    if generator is not None:
        model.init_weights(generator)
    return model
