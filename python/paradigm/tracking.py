"""Training and evaluation scalars as TensorBoard event files, for TensorBoard or any tool that reads them.

Java decides what is written, when (at log and evaluation points, never per step) and where (a run folder's
``<paradigm>/tensorboard/``); this class only writes, through ``torch.utils.tensorboard``. A run resumed from the checkpoint of
step N opens its writer with ``purge_step=N+1``, so TensorBoard drops what the interrupted run wrote after that
checkpoint, as metrics.jsonl does.
"""

from __future__ import annotations

import json
import math

from .boundary import java_entry


class TensorBoardWriter:
    @java_entry
    def __init__(self, folder: str, purge_step: int | None = None):
        from torch.utils.tensorboard import SummaryWriter  # here: the tensorboard package loads only when asked for

        self.writer = SummaryWriter(log_dir=folder, purge_step=purge_step)

    @java_entry
    def add(self, step: int, scalars_json: str):
        """Writes each finite number of the JSON object ``{tag: value}`` at ``step``, then flushes the file."""
        for tag, value in json.loads(scalars_json).items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                self.writer.add_scalar(tag, value, int(step))
        self.writer.flush()

    @java_entry
    def close(self):
        self.writer.close()
