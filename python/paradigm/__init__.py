"""paradigm: the PyTorch side of a controlled AR vs. masked-diffusion comparison, driven from Java."""

__version__ = "0.1.0"
