"""An independent judge of fluency: a Hugging Face causal LM that scores decoded samples (generative perplexity).

``evaluate.judge: hf:<folder or hub id>`` names it. The samples' text is retokenized with the judge's own
tokenizer, so the judge may come from anywhere (GPT-2 large by default where the hub is reachable); a judge
that shares nothing with the run's models cannot favour either paradigm.

The score restates upstream MDLM's ``compute_generative_perplexity`` (kuleshov-group/mdlm, diffusion.py):
the text's token ids are split into consecutive chunks of the judge's context length, each chunk is scored on
its own (its first token is context only), every target that is not the end-of-text token counts, and so does
the first end-of-text token; perplexity is exp(summed NLL / tokens counted) over all samples, a token-weighted
mean. Two differences, both so that a sample's score depends on that sample only:

- upstream pads a batch with end-of-text tokens, so a text shorter than the longest in its batch is also scored
  on predicting the end right after it (the first padding token). Here padding is never scored; a sample that
  ended (the sampler stopped at its end-of-story token) gets the judge's end-of-text token appended instead, and
  is scored on ending there; a sample cut off at the sampling length gets none.
- upstream truncates the retokenized text at the generating model's length; here nothing is cut.

Java (``dev.paradigm.judge.HubJudge``) calls ``check`` before any sampling, then ``load`` and ``Judge.score``;
it turns the per-sample ``[summed NLL, tokens]`` into exp(ratio of sums) with a bootstrap interval.
"""

from __future__ import annotations

import json
import os
import socket
from urllib.parse import urlparse

import numpy as np
import torch
import torch.nn.functional as F

from paradigm.boundary import java_entry
from paradigm.config import Device
from paradigm.device import resolve_device

PREFIX = "hf:"
KEY = "evaluate.judge"
PROBE = "Once upon a time, there was a little dog named Max. He liked to run and play!"
TOKENIZER_FILES = ("tokenizer.json", "tokenizer.model", "vocab.json")  # any one: fast, sentencepiece or BPE files
WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "pytorch_model.bin.index.json")


class JudgeError(ValueError):
    """A judge setting that cannot work; the message names the key and the fix."""


def _source(setting: str) -> str:
    if not isinstance(setting, str) or not setting.startswith(PREFIX) or len(setting) == len(PREFIX):
        raise JudgeError(f"{KEY}={setting!r} is not a Hugging Face judge; expected hf:<model folder or hub id>, "
                         f"e.g. hf:/models/gpt2-large or hf:gpt2-large.")
    return setting[len(PREFIX):]


def _is_path(source: str) -> bool:
    return os.path.exists(source) or source.startswith(("/", ".", "~"))


def _check_folder(setting: str, folder: str):
    if not os.path.isdir(folder):
        raise JudgeError(f"{KEY}={setting}: the folder {folder} does not exist. Give the folder of a model saved "
                         f"with save_pretrained (config.json, weights and tokenizer files).")
    names = set(os.listdir(folder))
    missing = []
    if "config.json" not in names:
        missing.append("config.json")
    if not names & set(WEIGHT_FILES):
        missing.append("weights (" + " or ".join(WEIGHT_FILES) + ")")
    if not names & set(TOKENIZER_FILES):
        missing.append("tokenizer files (" + " or ".join(TOKENIZER_FILES) + ")")
    if missing:
        raise JudgeError(f"{KEY}={setting}: the folder {folder} is not a Hugging Face model: it has no "
                         f"{', no '.join(missing)}. Give a folder written by save_pretrained (model and tokenizer).")


def _hub_reachable(timeout: float = 5.0) -> bool:
    """One TCP connection to the hub's endpoint: the hub clients themselves retry for half a minute before failing."""
    from huggingface_hub import constants

    if constants.HF_HUB_OFFLINE:
        return False
    url = urlparse(constants.ENDPOINT)
    try:
        socket.create_connection((url.hostname, url.port or (443 if url.scheme == "https" else 80)), timeout).close()
        return True
    except OSError:
        return False


def _resolve(setting: str) -> tuple[str, bool]:
    """(what from_pretrained reads, whether only local files may be read): a checked folder, or a hub id."""
    source = _source(setting)
    if _is_path(source):
        folder = os.path.abspath(os.path.expanduser(source))
        _check_folder(setting, folder)
        return folder, True
    from huggingface_hub import try_to_load_from_cache

    if isinstance(try_to_load_from_cache(source, "config.json"), str):
        return source, True  # downloaded before: use the cached copy, without the network
    if not _hub_reachable():
        raise JudgeError(f"{KEY}={setting}: {source!r} is not a folder here and this machine cannot reach the "
                         f"Hugging Face hub; download the model and give its folder: {KEY}=hf:/path/to/{source}")
    return source, False


def _context_length(config, tokenizer) -> int:
    for name in ("max_position_embeddings", "n_positions", "n_ctx", "seq_length"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 1:
            return value
    value = getattr(tokenizer, "model_max_length", None)
    if isinstance(value, int) and 1 < value < 1_000_000:
        return value
    raise JudgeError(f"{KEY}: the judge's config names no context length (max_position_embeddings or n_positions), "
                     f"so its texts cannot be split into chunks it can read.")


def _load_tokenizer(setting: str, source: str, local_only: bool):
    from transformers import AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
    except Exception as exc:  # noqa: BLE001 — any failure here means the same thing to the user
        raise JudgeError(f"{KEY}={setting}: could not load its tokenizer ({type(exc).__name__}: {exc}).") from exc
    if tokenizer.eos_token_id is None:
        raise JudgeError(f"{KEY}={setting}: the judge's tokenizer has no end-of-text token, which the score needs "
                         f"(a story's end is scored as predicting it). Give a tokenizer with eos_token set.")
    try:
        ids = tokenizer(PROBE)["input_ids"]
        back = tokenizer.decode(ids, skip_special_tokens=True)
    except Exception as exc:  # noqa: BLE001
        raise JudgeError(f"{KEY}={setting}: the judge's tokenizer cannot encode and decode text "
                         f"({type(exc).__name__}: {exc}).") from exc
    if " ".join(back.split()) != " ".join(PROBE.split()):
        raise JudgeError(f"{KEY}={setting}: the judge's tokenizer does not give back the text it encoded "
                         f"({PROBE!r} became {back!r}), so it would score other text than the samples. Give a "
                         f"tokenizer that reads English text losslessly.")
    return tokenizer


@java_entry
def check(setting: str) -> str:
    """Checks a judge setting without loading the weights; JSON {source, local, context_length, vocab_size, eos_id}.

    Cheap enough to run before any sampling: it reads config.json and the tokenizer, and round-trips a sentence."""
    return json.dumps(_check(setting))


def _check(setting: str) -> dict:
    from transformers import AutoConfig

    source, local_only = _resolve(setting)
    tokenizer = _load_tokenizer(setting, source, local_only)
    try:
        config = AutoConfig.from_pretrained(source, local_files_only=local_only)
    except Exception as exc:  # noqa: BLE001
        raise JudgeError(f"{KEY}={setting}: could not read its config.json ({type(exc).__name__}: {exc}).") from exc
    vocab = getattr(config, "vocab_size", None)
    if isinstance(vocab, int) and len(tokenizer) > vocab:
        raise JudgeError(f"{KEY}={setting}: its tokenizer has {len(tokenizer)} tokens but the model only {vocab}: "
                         f"tokenizer and model do not belong together.")
    return {"source": source, "local": local_only, "context_length": _context_length(config, tokenizer),
            "vocab_size": vocab, "eos_id": tokenizer.eos_token_id}


class Judge:
    """A loaded judge: the model (float32, eval mode) and its tokenizer on one device."""

    def __init__(self, setting: str, device: str):
        from transformers import AutoModelForCausalLM
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        info = _check(setting)
        self.setting, self.source = setting, info["source"]
        self.tokenizer = _load_tokenizer(setting, info["source"], info["local"])
        self.device = resolve_device(Device(device))
        try:
            self.model = AutoModelForCausalLM.from_pretrained(info["source"], local_files_only=info["local"],
                                                              dtype=torch.float32)
        except Exception as exc:  # noqa: BLE001
            raise JudgeError(f"{KEY}={setting}: could not load it as a causal language model "
                             f"({type(exc).__name__}: {exc}).") from exc
        self.model.to(self.device).eval()
        self.context = _context_length(self.model.config, self.tokenizer)
        self.eos = self.tokenizer.eos_token_id

    @java_entry
    def info(self) -> str:
        return json.dumps({"source": self.source, "model": type(self.model).__name__, "context_length": self.context,
                           "vocab_size": self.model.config.vocab_size, "eos_id": self.eos, "device": str(self.device),
                           "params": sum(p.numel() for p in self.model.parameters())})

    def token_ids(self, text: str, ended: bool) -> list[int]:
        """The judge's ids of one sample's text, with its end-of-text token when the sample ended."""
        ids = list(self.tokenizer(text, verbose=False)["input_ids"])  # verbose: no warning past the context length
        return ids + [self.eos] if ended else ids

    def counted(self, ids: list[int]) -> list[bool]:
        """Which positions count as targets: every token that is not end-of-text, and the first end-of-text after
        position 0 (a beginning-of-text token that doubles as end-of-text is context, not the sample's end)."""
        seen_eos, keep = False, [True] * len(ids)
        for p in range(1, len(ids)):
            keep[p] = ids[p] != self.eos or not seen_eos
            seen_eos = seen_eos or ids[p] == self.eos
        return keep

    @java_entry
    def score(self, texts, ended, batch_size: int) -> np.ndarray:
        """Per-sample [summed NLL in nats, tokens counted] (float64 n×2) of decoded sample texts."""
        texts, ended = [str(t) for t in texts], [bool(e) for e in ended]
        if len(texts) != len(ended):
            raise ValueError(f"Expected one 'ended' flag per text; found {len(texts)} texts and {len(ended)} flags.")
        if int(batch_size) < 1:
            raise ValueError(f"The judge's batch size must be at least 1; found {batch_size}.")
        chunks = []  # (sample, ids, counted), each at most the context length
        for i, (text, end) in enumerate(zip(texts, ended)):
            ids = self.token_ids(text, end)
            keep = self.counted(ids)
            for start in range(0, len(ids), self.context):
                chunks.append((i, ids[start:start + self.context], keep[start:start + self.context]))
        chunks.sort(key=lambda c: len(c[1]))  # similar lengths together: little padding
        out = torch.zeros(len(texts), 2, dtype=torch.float64)
        for b in range(0, len(chunks), int(batch_size)):
            batch = chunks[b:b + int(batch_size)]
            nll, counted = self._score_chunks([c[1] for c in batch], [c[2] for c in batch])
            for (i, _, _), s, c in zip(batch, nll.tolist(), counted.tolist()):
                out[i, 0] += s
                out[i, 1] += c
        return np.ascontiguousarray(out.numpy())

    @torch.no_grad()
    def _score_chunks(self, ids: list[list[int]], keep: list[list[bool]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Summed NLL and count of the counted targets of each chunk; padding (right) is attended by nothing real."""
        length = max(len(c) for c in ids)
        x = torch.full((len(ids), length), self.eos, dtype=torch.long)
        counts = torch.zeros((len(ids), length), dtype=torch.bool)
        real = torch.zeros((len(ids), length), dtype=torch.long)
        for r, (c, k) in enumerate(zip(ids, keep)):
            x[r, :len(c)] = torch.tensor(c, dtype=torch.long)
            counts[r, :len(c)] = torch.tensor(k, dtype=torch.bool)
            real[r, :len(c)] = 1
        if length < 2:
            return torch.zeros(len(ids), dtype=torch.float64), torch.zeros(len(ids), dtype=torch.float64)
        x, real = x.to(self.device), real.to(self.device)
        logits = self.model(input_ids=x, attention_mask=real).logits.float()  # (B, T, V)
        nll = F.cross_entropy(logits[:, :-1].transpose(1, 2), x[:, 1:], reduction="none").double().cpu()  # (B, T-1)
        mask = counts[:, 1:] & real[:, 1:].bool().cpu()  # position 0 of a chunk is context only
        return (nll * mask).sum(dim=1), mask.sum(dim=1).double()


@java_entry
def load(setting: str, device: str) -> Judge:
    """Loads the judge named by ``evaluate.judge`` (``hf:…``) onto ``device`` (auto | cpu | cuda)."""
    return Judge(setting, device)
