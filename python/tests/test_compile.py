"""The loss inside the compiled graph: torch.compile of the model and its loss (objectives.TokenNll) trains as the
eager code does, for both paradigms and both protocols' settings.

torch.compile's CPU backend (inductor) writes C++ and needs a C++ compiler. Where there is none, the same graph
capture (dynamo) and the same forward/backward split (AOT autograd) run with the ``aot_eager`` backend instead, so the
test still checks everything but inductor's code generation; where there is one, it runs inductor itself.
"""

import functools
import json

import numpy as np
import pytest
import torch

from conftest import shipped, tiny
from paradigm.engine import Engine
from paradigm.objectives import TokenNll

V, EOS = 50, 0


def backend() -> str:
    from torch._inductor import cpp_builder

    try:
        cpp_builder.get_cpp_compiler()
        return "inductor"
    except Exception:  # no C++ compiler (torch raises its own error types here)
        return "aot_eager"


def loss_and_grads(engine, tokens, seed):
    generator = torch.Generator().manual_seed(seed)
    loss = engine.objective.train_loss(engine.train_forward, torch.from_numpy(tokens), generator)
    loss.backward()
    return loss.detach(), {name: p.grad.clone() for name, p in engine.model.named_parameters() if p.grad is not None}


@pytest.mark.parametrize("protocol", ["demo", "arche-2026"])
@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_compiled_loss_and_gradients_equal_the_eager_ones(monkeypatch, protocol, paradigm):
    chosen = backend()
    if chosen != "inductor":
        monkeypatch.setattr(torch, "compile", functools.partial(torch.compile, backend=chosen))
    config = tiny(shipped(protocol))
    tokens = np.random.default_rng(5).integers(0, V, (4, 16)).astype(np.int32)
    runs = {}
    for compiled in (False, True):
        config["train"]["compile"] = compiled
        engine = Engine(json.dumps(config), paradigm, V, EOS)
        assert json.loads(engine.info())["compiled"] is compiled
        assert isinstance(engine.train_forward, torch._dynamo.eval_frame.OptimizedModule) is compiled
        runs[compiled] = loss_and_grads(engine, tokens, seed=3)
    (eager_loss, eager_grads), (compiled_loss, compiled_grads) = runs[False], runs[True]
    assert eager_loss.dtype == compiled_loss.dtype == torch.float32
    torch.testing.assert_close(compiled_loss, eager_loss)  # float32 defaults: rtol 1.3e-6, atol 1e-5
    assert compiled_grads.keys() == eager_grads.keys() and len(eager_grads) > 5
    for name in eager_grads:
        torch.testing.assert_close(compiled_grads[name], eager_grads[name], msg=lambda m: f"{name}: {m}")


@pytest.mark.parametrize("protocol", ["demo", "arche-2026"])
@pytest.mark.parametrize("paradigm", ["ar", "mdlm"])
def test_the_loss_is_captured_in_the_same_graph_as_the_model(protocol, paradigm):
    # What torch.compile is given: one graph with no break, from the int32 ids to the per-token NLL, the
    # cross-entropy (and so the logits' slice, upcast and log-softmax) inside it.
    engine = Engine(json.dumps(tiny(shipped(protocol))), paradigm, V, EOS)
    tokens = torch.randint(0, V, (4, 16), dtype=torch.int32, generator=torch.Generator().manual_seed(0))
    t = torch.rand(4) if paradigm == "mdlm" else None
    assert isinstance(engine.train_forward, TokenNll)
    explanation = torch._dynamo.explain(engine.train_forward)(tokens, tokens, t)
    assert explanation.graph_count == 1 and explanation.graph_break_count == 0, explanation.break_reasons
    targets = [str(node.target) for node in explanation.graphs[0].graph.nodes]
    assert any("cross_entropy" in target for target in targets), targets
    assert any("embedding" in target for target in targets), targets
