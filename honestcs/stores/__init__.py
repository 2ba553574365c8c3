"""Where a :class:`~honestcs.PromiseLedger` keeps its promises.

:class:`PromiseStore` is the protocol; :class:`MemoryStore` keeps everything in
memory (and is the test double), :class:`SQLiteStore` is the embedded default.
"""

from __future__ import annotations

from honestcs.stores.base import PromiseStore, StaleEventError
from honestcs.stores.memory import MemoryStore
from honestcs.stores.sqlite import SQLiteStore

__all__ = ["MemoryStore", "PromiseStore", "SQLiteStore", "StaleEventError"]
