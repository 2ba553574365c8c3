"""Promises: every commitment a reply makes, tracked until it is kept or broken.

The package is in layers. :mod:`~honestcs.promises.model` holds the values
(statuses, events, records, queries), :mod:`~honestcs.promises.ids` makes
promise ids, :mod:`~honestcs.promises.transitions` holds the table of legal
moves and the fold of events into records, and :mod:`~honestcs.promises.stats`
the statistics; the stores import only those. :mod:`~honestcs.promises.ledger`
holds :class:`~honestcs.PromiseLedger`, a state machine over an injected store
and clock, and is the only module here that uses the stores.
"""
