"""What Java asks before a stage: whether this PyTorch sees a GPU, and how much memory it has."""

import json

import torch

from paradigm.device import preflight


def test_preflight_reports_what_torch_sees():
    facts = json.loads(preflight())
    assert facts["torch"] == torch.__version__
    assert facts["cuda_available"] == torch.cuda.is_available()
    if facts["cuda_available"]:
        assert facts["cuda_memory"] == torch.cuda.get_device_properties(0).total_memory
    else:
        assert facts["cuda_memory"] is None

