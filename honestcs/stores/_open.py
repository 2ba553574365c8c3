"""Open the store a ``--db`` option names: a SQLite file, or a PostgreSQL URL."""

from __future__ import annotations

from typing import Final

from honestcs.stores.base import PromiseStore

__all__ = ["is_postgres", "open_store"]

_POSTGRES_SCHEMES: Final = ("postgresql://", "postgres://")


def is_postgres(db: str) -> bool:
    """Whether ``db`` is a PostgreSQL URL rather than a file name."""
    return db.lower().startswith(_POSTGRES_SCHEMES)


def open_store(db: str, *, create: bool) -> PromiseStore:
    """The store ``db`` names.

    Args:
        db: ``postgresql://…`` (or ``postgres://…``) for a :class:`PostgresStore`, in
            its default schema ``honestcs``; anything else is a SQLite file.
        create: Create the store when there is none there yet.

    Raises:
        StoreError: It cannot be opened (the message says which and why).
    """
    if is_postgres(db):
        from honestcs.stores.postgres import PostgresStore

        return PostgresStore(db, create=create)
    from honestcs.stores.sqlite import SQLiteStore

    return SQLiteStore(db, create=create)
