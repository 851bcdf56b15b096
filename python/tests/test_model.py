"""The backbone: parameter counts, padding, causality, KV cache, seeded init, config errors."""

import sys
import types

import pytest
import torch
import torch.nn as nn

from conftest import TINY_CONFIG, shipped
from paradigm import config
from paradigm.engine import model_args_for
from paradigm.model import KVCache, ModelArgs, Transformer, build_model
from paradigm.objectives import Paradigm


def meta_model(paradigm, cfg, vocab=50257):
    args = model_args_for(config.read(cfg), paradigm, vocab)
    with torch.device("meta"):
        return Transformer(args)


def test_arche_parameter_counts_are_exact():
    # Worked out by hand: per layer 4·768² (attention) + 3·768·2048 (SwiGLU) + 2·768 (norms) = 7,079,424;
    # 12 layers = 84,953,088; + 50257·768 tied embedding (38,597,376) + 768 final norm = 123,551,232.
    # MDLM adds the mask row (768), an untied head (38,597,376) and Linear(768,768)+bias (590,592).
    arche = shipped("arche-2026")
    assert meta_model(Paradigm.AR, arche).param_counts()["params"] == 123_551_232
    assert meta_model(Paradigm.MDLM, arche).param_counts()["params"] == 162_739_968


def test_controlled_paradigms_differ_only_by_the_mask_row_or_time_mlp():
    controlled = shipped("tinystories")
    ar = meta_model(Paradigm.AR, controlled).param_counts()["params"]
    mdlm = meta_model(Paradigm.MDLM, controlled).param_counts()["params"]
    assert mdlm - ar == 768
    controlled["model"]["time_conditioning"] = True
    timed = meta_model(Paradigm.MDLM, controlled)
    assert timed.param_counts()["params"] - ar == 768 + 768 * 768 + 768


def test_counts_exclude_padding_rows_and_logits_cover_the_real_vocabulary():
    cfg = ModelArgs(n_layer=1, d_model=8, n_head=2, d_ff=16, seq_len=4, vocab_size=70, causal=False, n_mask_tokens=1)
    model = Transformer(cfg)
    assert model.tok_emb.weight.shape[0] == 128  # 71 rows padded to a multiple of 64
    # by hand: 71·8 embedding + 4·64 attention + 3·8·16 SwiGLU + 2·8 norms + 8 final norm
    assert model.param_counts()["params"] == 71 * 8 + 4 * 64 + 3 * 8 * 16 + 2 * 8 + 8
    logits = model(torch.randint(0, 71, (2, 4)))
    assert logits.shape == (2, 4, 70)  # neither the mask token nor padding can be predicted


def test_flops_per_token_follows_the_6n_plus_attention_formula():
    cfg = ModelArgs(n_layer=2, d_model=8, n_head=2, d_ff=16, seq_len=10, vocab_size=64)
    n = 2 * (4 * 64 + 3 * 8 * 16 + 2 * 8) + 8 + 64 * 8  # blocks + final norm + head (tied, counted once)
    assert Transformer(cfg).flops_per_token() == 6 * n + 12 * 2 * 8 * 10


def tiny(causal=True, **kw):
    cfg = ModelArgs(n_layer=2, d_model=32, n_head=2, d_ff=64, seq_len=16, vocab_size=50, causal=causal,
                      n_mask_tokens=0 if causal else 1, **kw)
    return build_model(cfg, generator=torch.Generator().manual_seed(0)).eval()


def test_causal_model_ignores_the_future_and_bidirectional_does_not():
    x = torch.randint(0, 50, (1, 16), generator=torch.Generator().manual_seed(1))
    y = x.clone()
    y[0, 10] = (x[0, 10] + 1) % 50
    with torch.no_grad():
        ar, mdlm = tiny(True), tiny(False)
        assert torch.equal(ar(x)[:, :10], ar(y)[:, :10])
        assert not torch.allclose(mdlm(x)[:, :10], mdlm(y)[:, :10])


def test_kv_cache_forward_matches_full_forward():
    model = tiny(True)
    x = torch.randint(0, 50, (3, 12), generator=torch.Generator().manual_seed(2))
    with torch.no_grad():
        full = model(x)
        cache = KVCache(2, 16)
        pieces = [model(x[:, :5], kv_cache=cache), model(x[:, 5:9], kv_cache=cache)]
        pieces += [model(x[:, i : i + 1], kv_cache=cache) for i in range(9, 12)]
    torch.testing.assert_close(torch.cat(pieces, dim=1), full, atol=1e-5, rtol=1e-5)


def test_shared_parameters_get_identical_init_across_paradigms():
    cfg = config.read({**TINY_CONFIG, "model": {**TINY_CONFIG["model"], "time_conditioning": True}})
    ar = build_model(model_args_for(cfg, Paradigm.AR, 50), generator=torch.Generator().manual_seed(5))
    md = build_model(model_args_for(cfg, Paradigm.MDLM, 50), generator=torch.Generator().manual_seed(5))
    ar_state, md_state = ar.state_dict(), md.state_dict()
    assert torch.equal(ar_state["tok_emb.weight"][:50], md_state["tok_emb.weight"][:50])
    shared = [k for k in ar_state if k != "tok_emb.weight"]
    assert shared and all(torch.equal(ar_state[k], md_state[k]) for k in shared)
    assert md.time_mlp is not None and md_state["tok_emb.weight"][50].abs().sum() > 0  # mask row drawn, not zero


@pytest.mark.parametrize("change", [{"n_head": 5}, {"n_head": 16, "d_model": 48}, {"n_layer": 0}, {"seq_len": 1}])
def test_arguments_a_model_cannot_be_built_from_are_refused(change):
    # The config's rules are Java's (ConfigValidator); this guards arguments built by hand.
    base = dict(n_layer=2, d_model=32, n_head=2, d_ff=64, seq_len=16, vocab_size=50)
    with pytest.raises(ValueError, match="cannot be built"):
        ModelArgs(**{**base, **change}).validate()


def test_user_factory_is_loaded_and_bad_impls_are_reported(monkeypatch):
    module = types.ModuleType("user_models_for_test")
    module.build = lambda cfg: nn.Linear(cfg.d_model, cfg.vocab_size)
    module.not_a_module = lambda cfg: "nope"
    monkeypatch.setitem(sys.modules, "user_models_for_test", module)
    cfg = ModelArgs(n_layer=1, d_model=8, n_head=2, d_ff=16, seq_len=4, vocab_size=10)
    assert isinstance(build_model(cfg, "user_models_for_test:build"), nn.Linear)
    assert isinstance(build_model(cfg, "user_models_for_test.build"), nn.Linear)
    with pytest.raises(ValueError, match="model.impl='user_models_for_test:not_a_module' returned str"):
        build_model(cfg, "user_models_for_test:not_a_module")
    with pytest.raises(ValueError, match="model.impl='no_such_pkg_xyz:build'.*could not be imported"):
        build_model(cfg, "no_such_pkg_xyz:build")
    with pytest.raises(ValueError, match="has no callable named 'missing'"):
        build_model(cfg, "user_models_for_test:missing")
