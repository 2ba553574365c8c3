"""The embedded default store, :class:`SQLiteStore`: one SQLite file, safe for several processes.

``store`` holds the class (its durability and file layout are described
there); ``_schema`` the tables, indexes and migrations; ``_rows`` the
conversion of records and events to and from rows; ``_stats`` the running
totals that statistics are read from.
"""

from __future__ import annotations

from honestcs.stores.sqlite._schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from honestcs.stores.sqlite.store import SQLiteStore

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "SQLiteStore"]
