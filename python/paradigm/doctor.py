"""What `paradigm doctor` asks the embedded interpreter."""

import sys


def report() -> str:
    """Versions and device as aligned lines; raises if a package is missing."""
    import numpy
    import torch

    import jep

    if torch.cuda.is_available():
        device = f"cuda ({torch.cuda.get_device_name(0)}, CUDA {torch.version.cuda})"
    else:
        device = "cpu (no CUDA device visible)"
    lines = [
        f"embedded      Python {sys.version.split()[0]}, sys.executable={sys.executable}",
        f"jep (embedded) {jep.__version__}",
        f"numpy         {numpy.__version__}",
        f"torch         {torch.__version__}, device {device}, {torch.get_num_threads()} CPU threads",
    ]
    return "\n".join(lines)
