"""Where each rule's documentation lives, for the link every finding carries.

The rules reference page gives each rule an anchor named after its id
(``docs/hooks.py`` writes the headings), so a rule's page is the reference
page plus ``#`` and the id. The base is the published documentation site;
``docs-url`` in a config file, or ``--docs-url``, points elsewhere (a copy
on an intranet, a pinned version).
"""

from __future__ import annotations

from typing import Final

__all__ = ["DOCS_URL", "RULES_PAGE", "rule_url"]

#: The documentation site (mkdocs.yml ``site_url`` is the same).
DOCS_URL: Final = "https://honestcs.readthedocs.io/en/latest/"

#: The rules reference page, relative to the site.
RULES_PAGE: Final = "reference/rules/"


def rule_url(rule: str, base: str = DOCS_URL) -> str:
    """The address of a rule's section of the rules reference page."""
    return f"{base.rstrip('/')}/{RULES_PAGE}#{rule}"
