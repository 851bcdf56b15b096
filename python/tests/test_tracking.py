"""TensorBoard event files: what Java hands TensorBoardWriter is what TensorBoard reads back."""

import json
import math

from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

from paradigm.tracking import TensorBoardWriter


def _scalars(folder):
    events = EventAccumulator(str(folder))
    events.Reload()
    return {tag: [(e.step, e.value) for e in events.Scalars(tag)] for tag in events.Tags()["scalars"]}


def test_finite_numbers_are_written_at_their_step(tmp_path):
    writer = TensorBoardWriter(str(tmp_path), None)
    writer.add(5, json.dumps({"train/loss": 2.5, "train/lr": 0.001}))
    writer.add(10, json.dumps({"train/loss": 2.0, "eval/val_loss": float("nan"), "summary/device": "cpu"}))
    writer.close()
    scalars = _scalars(tmp_path)
    assert set(scalars) == {"train/loss", "train/lr"}  # NaN and text are left out
    assert scalars["train/loss"] == [(5, 2.5), (10, 2.0)]
    assert math.isclose(scalars["train/lr"][0][1], 0.001, rel_tol=1e-6)


def test_a_resumed_run_replaces_the_steps_after_its_checkpoint(tmp_path):
    first = TensorBoardWriter(str(tmp_path), None)
    for step in (5, 10, 15):  # interrupted after step 15; its checkpoint is at step 10
        first.add(step, json.dumps({"train/loss": float(step)}))
    first.close()
    resumed = TensorBoardWriter(str(tmp_path), 11)  # Java: the checkpoint's step + 1
    for step in (15, 20):
        resumed.add(step, json.dumps({"train/loss": step + 0.5}))
    resumed.close()
    assert _scalars(tmp_path)["train/loss"] == [(5, 5.0), (10, 10.0), (15, 15.5), (20, 20.5)]
