"""Outputs of a checked report, apart from the command line: text, GitHub, JSON, SARIF and HTML.

Each module renders to a string and does no I/O, so an application can render
a :class:`~honestcs.Report` without the CLI: :mod:`~honestcs.render.text` (a
terminal), :mod:`~honestcs.render.github` (GitHub Actions annotations),
:mod:`~honestcs.render.json` (the JSON of SPEC section 4),
:mod:`~honestcs.render.sarif` (SARIF 2.1.0 for code scanning) and
:mod:`~honestcs.render.html` (self-contained HTML pages, with
:mod:`~honestcs.render.html_ledger` and :mod:`~honestcs.render.html_insight`
for the ledger and insight reports). ``import honestcs`` loads none of them.
"""
