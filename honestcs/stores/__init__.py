"""Where a :class:`~honestcs.PromiseLedger` keeps its promises.

:class:`PromiseStore` is the protocol; :class:`MemoryStore` keeps everything in
memory (and is the test double), :class:`SQLiteStore` is the embedded default,
:class:`PostgresStore` a ledger shared by several app servers (it imports psycopg
only when a store is made).
"""

from __future__ import annotations

from honestcs.stores.base import PromiseStore, StaleEventError
from honestcs.stores.memory import MemoryStore
from honestcs.stores.postgres import PostgresStore
from honestcs.stores.sqlite import SQLiteStore

__all__ = ["MemoryStore", "PostgresStore", "PromiseStore", "SQLiteStore", "StaleEventError"]
