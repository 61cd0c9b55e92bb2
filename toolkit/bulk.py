"""Building many acyclic objects at once: the claims, rules and verdicts of a large check.

The cyclic garbage collector runs as objects are allocated and walks every container alive
each time an older generation is collected; none of these objects form cycles, so while a
large batch is built it only rescans them. ``no_cyclic_gc`` turns it off for the batch and
restores it after (reference counting still frees everything as usual).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["no_cyclic_gc"]


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The cyclic collector off inside the block, as it was after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
