"""Progress of the prepare stage on stderr: a tqdm bar on a terminal, plain log lines otherwise.

Under Java (and in CI logs) stderr is not a terminal, and a redrawn bar would fill the log with
carriage returns; there a line every few seconds says how far tokenisation has got and how fast.
"""

from __future__ import annotations

import sys
import time

LOG_EVERY_S = 5.0


def log(message: str) -> None:
    print(f"[prepare] {message}", file=sys.stderr, flush=True)


class TokenProgress:
    """Counts tokens; `update(n)` after each batch, `close()` at the end (logs the total and the rate)."""

    def __init__(self, what: str, total: int | None = None):
        self.what, self.total, self.tokens = what, total, 0
        self.start = self.last_log = time.perf_counter()
        self.bar = None
        if _is_terminal(sys.stderr):
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=what, unit="tok", unit_scale=True, file=sys.stderr, leave=False)

    def update(self, n: int) -> None:
        self.tokens += n
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.perf_counter()
        if now - self.last_log >= LOG_EVERY_S:
            self.last_log = now
            of = f" of {self.total:,}" if self.total else ""
            log(f"{self.what}: {self.tokens:,}{of} tokens, {self.tokens / (now - self.start):,.0f} tokens/s")

    def close(self) -> float:
        """Ends the bar and logs the summary; returns the seconds elapsed."""
        seconds = time.perf_counter() - self.start
        if self.bar is not None:
            self.bar.close()
        log(f"{self.what}: {self.tokens:,} tokens in {seconds:.2f} s ({self.tokens / max(seconds, 1e-9):,.0f} tokens/s)")
        return seconds


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # Jep's or a closed stream
        return False
