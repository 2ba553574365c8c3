"""Build-time pages: the reference is written from the code, so it cannot drift from it.

MkDocs calls ``on_page_markdown`` for every page; a page asks for a generated
section with a marker comment on a line of its own:

* ``<!-- honestcs:rules -->``: every rule of ``honestcs.rules.RULES``, with its
  documentation and its examples, checked at build time against the example
  policy (a reported example that is not reported, or a quiet one that is,
  fails the build);
* ``<!-- honestcs:rule-table -->``: the same rules as one table (for a page in
  ``docs/concepts/``);
* ``<!-- honestcs:policy-keys -->``: every key of the policy file, with its
  type and an example; the build fails when the file format gains or loses a
  key this table does not describe, and every example is validated;
* ``<!-- honestcs:cli -->``: the help of ``honestcs`` and every sub-command,
  from ``honestcs.cli.build_parser()``;
* ``<!-- honestcs:api -->``: a mkdocstrings entry for every public name in
  ``honestcs.__all__``, in groups (a name in no group fails the build), then
  every name in ``honestcs.insight.__all__``;
* ``<!-- honestcs:exceptions -->``: the exception tree, from the classes.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import sys
import textwrap
import tomllib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # document the source tree, installed or not
    sys.path.insert(0, str(ROOT))

import honestcs  # noqa: E402
from honestcs import insight  # noqa: E402
from honestcs.cli import build_parser  # noqa: E402
from honestcs.policy import _reader as policy_module  # noqa: E402
from honestcs.rules import RULES, Example, Rule  # noqa: E402
from honestcs.rules._examples import EXAMPLE_POLICY  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read snippets (``--8<-- "examples/..."``) from the repository, wherever mkdocs runs."""
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(ROOT)]
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each marker line with the section it names."""
    for marker, render in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render())
    return markdown


# --- TOML ---------------------------------------------------------------------------------------


def toml_value(value: Any) -> str:
    """A value as TOML: strings, numbers, booleans, lists and inline tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        # A JSON string is a TOML basic string for everything a policy holds.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    raise PluginError(f"docs/hooks.py: cannot write {value!r} as TOML")


def toml_key(key: str) -> str:
    """A bare key when TOML allows one, else a quoted key."""
    bare = key.replace("-", "").replace("_", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key)


def toml_document(data: dict[str, Any]) -> str:
    """A policy mapping as a TOML document: tables, then arrays of tables, in order."""
    lines: list[str] = []
    for name, value in data.items():
        if isinstance(value, dict):
            lines += ["", f"[{name}]"]
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()]
        elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
            for item in value:
                lines += ["", f"[[{name}]]"]
                lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in item.items()]
        else:
            lines.insert(0, f"{toml_key(name)} = {toml_value(value)}")
    text = "\n".join(lines).strip() + "\n"
    if tomllib.loads(text) != json.loads(json.dumps(data)):
        raise PluginError("docs/hooks.py: the TOML written does not read back as the data")
    return text


# --- Rules --------------------------------------------------------------------------------------

_DEFAULT_NOW: str = attrs.fields(Example).now.default
_EXAMPLE_CHECKER = honestcs.ReplyChecker(honestcs.Policy.from_dict(EXAMPLE_POLICY))


def _check_example(example: Example) -> honestcs.Report:
    """Check a rule's example as the rule tests do: with its customer, time and open promises."""
    now = datetime.fromisoformat(example.now)
    if not example.earlier:
        return _EXAMPLE_CHECKER.check(example.reply, customer_message=example.customer, now=now)
    ledger = honestcs.PromiseLedger(honestcs.MemoryStore())
    for clause, due, text in example.earlier:
        promise = honestcs.Promise(text, 0, len(text), clause, datetime.fromisoformat(due))
        ledger.record(promise, customer="C-1", agent="docs", made_at=now)
    return _EXAMPLE_CHECKER.check(
        example.reply,
        customer_message=example.customer,
        now=now,
        ledger=ledger,
        customer_id="C-1",
    )


def _markdown_text(text: str) -> str:
    """Reply text shown as-is: no character in it may start Markdown or HTML."""
    text = html.escape(text, quote=False)
    for char in "\\`*_[]#|":
        text = text.replace(char, "\\" + char)
    return text


def _docstring_markdown(doc: str) -> str:
    """A rule module's docstring, without its title line, as Markdown."""
    body = textwrap.dedent(doc.partition("\n")[2]).strip()
    # Sphinx roles (":mod:`x`") read as code in Markdown.
    for role in (":mod:", ":func:", ":class:", ":meth:", ":data:"):
        body = body.replace(role, "")
    return body


def _example_markdown(rule: Rule, example: Example, *, fires: bool) -> Iterator[str]:
    report = _check_example(example)
    mine = [f for f in report.findings if f.rule == rule.id]
    if fires and not mine:
        raise PluginError(f"rule {rule.id}: example does not fire: {example.reply!r}")
    if not fires and mine:
        raise PluginError(f"rule {rule.id}: quiet example fires: {example.reply!r}")
    reply = example.reply
    if mine:  # mark the words the finding is about
        first = mine[0]
        reply = (
            _markdown_text(reply[: first.start])
            + "<mark>"
            + _markdown_text(reply[first.start : first.end])
            + "</mark>"
            + _markdown_text(reply[first.end :])
        )
    else:
        reply = _markdown_text(reply)
    yield f"- {reply}"
    if example.customer:
        yield f"    <br>*customer:* {_markdown_text(example.customer)}"
    for clause, due, text in example.earlier:
        yield f"    <br>*open promise ({clause}, due {due[:10]}):* {_markdown_text(text)}"
    if example.now != _DEFAULT_NOW:
        yield f"    <br>*sent:* {example.now}"
    for finding in mine:
        yield f"    <br>→ {_markdown_text(finding.message)}"


def _long_date(moment: datetime) -> str:
    """A date such as "Tuesday 1 December 2026 at 10:00" (no platform-only strftime codes)."""
    return f"{moment:%A} {moment.day} {moment:%B %Y at %H:%M}"


def rule_table_markdown(page: str = "../reference/rules.md") -> str:
    """One row per rule: id (linked to its section), default severity, summary."""
    lines = ["| Rule | Default severity | Reports a reply that… |", "| --- | --- | --- |"]
    lines += [f"| [`{r.id}`]({page}#{r.id}) | {r.severity.value} | {r.summary} |" for r in RULES]
    return "\n".join(lines) + "\n"


def rules_markdown() -> str:
    """Every rule: id, default severity, summary, documentation, examples."""
    lines = [
        "Every example below is checked against this policy, as if sent on "
        f"{_long_date(datetime.fromisoformat(_DEFAULT_NOW))} "
        "in New York, when the documentation is built; the arrow shows what the checker "
        "reports, and the highlighted words are the finding's span.",
        "",
        "??? example \"The example policy\"",
        "",
        "    ```toml",
        textwrap.indent(toml_document(EXAMPLE_POLICY), "    ").rstrip(),
        "    ```",
        "",
        rule_table_markdown(""),
    ]
    for rule in RULES:
        lines += ["", f"## `{rule.id}` {{#{rule.id}}}", ""]
        lines += [
            f"**Default severity:** {rule.severity.value}. Reports a reply that {rule.summary}."
        ]
        lines += ["", _docstring_markdown(rule.doc), "", "**Reported:**", ""]
        for example in rule.fires:
            lines += _example_markdown(rule, example, fires=True)
        lines += ["", "**Not reported:**", ""]
        for example in rule.quiet:
            lines += _example_markdown(rule, example, fires=False)
    return "\n".join(lines) + "\n"


# --- Policy keys --------------------------------------------------------------------------------

# (type, required, example value, meaning) for every key of every table of the file.
# The build fails when honestcs.policy reads a key that is missing here, or the reverse.
_NO = "no"
POLICY_KEYS: dict[str, dict[str, tuple[str, str, Any, str]]] = {
    "[policy]": {
        "name": ("string", "yes", "Northwind Furniture", "The business's name."),
        "timezone": (
            "string", "yes", "America/Chicago",
            "IANA time-zone name. Deadlines (\"by Friday\", \"tomorrow\") and business days "
            "are worked out in this zone.",
        ),
        "version": ("string", _NO, "2026-11", "Free text, such as the date of the document."),
        "extends": (
            "list of file names", _NO, ["billing.toml", "shipping.toml"],
            "Policy files to put together with this one, relative to it (see "
            "[Composed policies](#composed-policies)). `name` and `timezone` are then required "
            "only in the first file.",
        ),
    },
    "[department]": {
        "name": (
            "string", "yes", "billing",
            "The department that owns this file's clauses; findings and promises name it. "
            "Unique across a composed policy.",
        ),
        "owner": (
            "string", _NO, "billing-team@northwind.example",
            "Who answers for the clauses: a team or an email address.",
        ),
    },
    "[calendar]": {
        "workdays": (
            "list of weekday names", _NO, ["mon", "tue", "wed", "thu", "fri"],
            "The days business days are counted on: `mon` … `sun`. Default Monday to Friday.",
        ),
        "holidays": (
            "list of dates", _NO, ["2026-12-25", "2027-01-01"],
            "Dates that are never business days (`YYYY-MM-DD` strings or TOML dates).",
        ),
        "country": (
            "string", _NO, "US",
            "Two-letter ISO 3166 code: that country's public holidays are not business days "
            "either. Needs the `holidays` package (the `holidays` extra of honestcs).",
        ),
    },
    "[[can]]": {
        "id": ("string", "yes", "refund", "Unique id of the clause (no spaces); findings name it."),
        "does": (
            "string", "yes", "refund returned items to the original payment method",
            "What the business does, in words; messages quote it.",
        ),
        "terms": (
            "list of strings", "yes", ["refund", "money back", "reimburse"],
            "Words that show a sentence is about this clause (see *Terms* below).",
        ),
        "takes": (
            "duration", _NO, "5-7 business days",
            "How long it really takes. A reply may promise nothing sooner than the upper bound.",
        ),
        "within": (
            "duration", _NO, "30 days",
            "A window the customer has. A reply must state it exactly.",
        ),
        "up_to": (
            "money, percentage or count", _NO, "$75",
            "The most that may be given (`\"$75\"`, `\"20%\"`, `\"3 devices\"`).",
        ),
        "costs": ("money", _NO, "$149", "A fixed price or fee. A reply must state it exactly."),
        "needs": (
            "string", _NO, "a team lead's approval above $25",
            "A condition, in words; suggestions repeat it. It never lifts the limit.",
        ),
        "overrides": (
            "boolean", _NO, True,
            "Replaces the clause of the same id from a file this one `extends` (see "
            "[Composed policies](#composed-policies)); without it, a second definition is an "
            "error.",
        ),
    },
    "[[cannot]]": {
        "id": ("string", "yes", "custom-fabric", "Unique id of the clause."),
        "does": (
            "string", _NO, "reupholster a sofa in another fabric",
            "What the customer asks for, in words.",
        ),
        "terms": (
            "list of strings", "yes", ["custom fabric", "different fabric", "reupholster"],
            "Words that show a sentence is about this clause.",
        ),
        "because": (
            "string", _NO, "Our sofas come from the manufacturer in a fixed range of fabrics.",
            "Why it cannot be done, as a reply would say it; suggested to a reply that refuses "
            "without a reason. `honestcs policy check` warns when it is missing.",
        ),
        "instead": (
            "string", _NO, "I can send you free swatches of the fabrics we do offer.",
            "An honest alternative to offer.",
        ),
        "overrides": (
            "boolean", _NO, True,
            "Replaces the clause of the same id from a file this one `extends` (see "
            "[Composed policies](#composed-policies)); without it, a second definition is an "
            "error.",
        ),
    },
    "[[prohibited]]": {
        "id": ("string", "yes", "paid-review", "Unique id of the clause."),
        "terms": (
            "list of strings", "yes", ["five-star review", "in exchange for a review"],
            "Words that show a sentence is about this clause.",
        ),
        "because": (
            "string", _NO, "Paying for reviews misleads other shoppers.",
            "Why it is wrong; suggested as the reason to decline.",
        ),
        "overrides": (
            "boolean", _NO, True,
            "Replaces the clause of the same id from a file this one `extends`.",
        ),
    },
    "[honesty]": {
        "guarantee_terms": (
            "list of strings", _NO, ["ironclad", "no matter what"],
            "Extra words that make an absolute guarantee.",
        ),
        "allow": (
            "list of strings", _NO, ["10-year frame warranty"],
            "Phrases never flagged: a finding whose span lies inside one is dropped.",
        ),
        "severity": (
            "table of rule id = severity", _NO, {"unanswered-question": "info"},
            "Overrides a rule's default severity: `\"error\"`, `\"warning\"` or `\"info\"`.",
        ),
        "disable": (
            "list of rule ids", _NO, ["sycophancy"],
            "Rules switched off.",
        ),
    },
}  # fmt: skip

# Where honestcs.policy lists the keys each table may hold.
_READ_KEYS = {
    "[policy]": "_POLICY_KEYS",
    "[department]": "_DEPARTMENT_KEYS",
    "[calendar]": "_CALENDAR_KEYS",
    "[[can]]": "_CAN_KEYS",
    "[[cannot]]": "_CANNOT_KEYS",
    "[[prohibited]]": "_PROHIBITED_KEYS",
    "[honesty]": "_HONESTY_KEYS",
}


_ONLY_WITH_EXTENDS = ("extends", "overrides")


def _with_key(table: str, key: str, value: Any) -> dict[str, Any]:
    """The smallest valid policy, with ``key = value`` set in ``table``."""
    data: dict[str, Any] = {"policy": {"name": "Example", "timezone": "UTC"}}
    minimal = {"id": "example", "terms": ["example"]}
    name = table.strip("[]")
    if table.startswith("[["):
        clause = {**minimal, **({"does": "something"} if name == "can" else {}), key: value}
        data[name] = [clause]
    else:
        if name == "department":
            data[name] = {"name": "example"}
        data.setdefault(name, {})[key] = value
    return data


def policy_keys_markdown() -> str:
    """One table per policy table: key, type, required, meaning, example."""
    lines: list[str] = []
    read_tables = {f"[{t}]" if t in ("policy", "department", "calendar", "honesty") else f"[[{t}]]"
                   for t in policy_module._TOP_KEYS}  # fmt: skip
    if read_tables != set(POLICY_KEYS):
        raise PluginError(f"docs/hooks.py: policy tables changed: {sorted(read_tables)}")
    for table, keys in POLICY_KEYS.items():
        read = getattr(policy_module, _READ_KEYS[table])
        if set(read) != set(keys):
            missing = sorted(set(read) - set(keys))
            extra = sorted(set(keys) - set(read))
            raise PluginError(
                f"docs/hooks.py: {table} keys changed; undocumented: {missing}, gone: {extra}"
            )
        lines += ["", f"### `{table}`", "", "| Key | Type | Required | Meaning | Example |"]
        lines += ["| --- | --- | --- | --- | --- |"]
        for key in read:  # in the order honestcs reads them
            kind, required, example, meaning = keys[key]
            try:
                if key in _ONLY_WITH_EXTENDS:
                    # Meaningful only in a file that extends others: checked by
                    # tests/test_policy_compose.py on real files.
                    policy_module.PolicyDocument.read(_with_key(table, key, example))
                else:
                    honestcs.Policy.from_dict(_with_key(table, key, example), source="docs")
            except honestcs.PolicyError as exc:
                raise PluginError(f"docs/hooks.py: example of {table} {key}: {exc}") from None
            shown = f"{toml_key(key)} = {toml_value(example)}".replace("|", "\\|")
            lines.append(f"| `{key}` | {kind} | {required} | {meaning} | `{shown}` |")
    return "\n".join(lines).strip() + "\n"


# --- Command line -------------------------------------------------------------------------------


def _parsers(
    parser: argparse.ArgumentParser, name: str
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """The parser and every sub-command's parser, depth first, with their full command."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, subparser in action.choices.items():
                yield from _parsers(subparser, f"{name} {sub}")


def cli_markdown() -> str:
    """``--help`` of every command, as the terminal shows it (80 columns)."""
    lines: list[str] = []
    with _columns(80):
        for name, parser in _parsers(build_parser(), "honestcs"):
            heading = "#" * min(len(name.split()) + 1, 4)
            lines += ["", f"{heading} `{name}`", "", "```text", parser.format_help().rstrip()]
            lines += ["```"]
    return "\n".join(lines).strip() + "\n"


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """Fix $COLUMNS, which argparse wraps help to, so the page is the same on every machine."""
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


# --- API ----------------------------------------------------------------------------------------

API_GROUPS: dict[str, tuple[str, ...]] = {
    "Policies": (
        "load_policy", "Policy", "Can", "Cannot", "Prohibited", "Honesty", "Department",
        "ClauseOrigin",
    ),
    "Checking replies": ("ReplyChecker", "Report", "Finding", "Promise", "Severity"),
    "Guarding a chatbot": ("check_chat", "ChatCheck"),
    "The promise ledger": (
        "PromiseLedger", "PromiseRecord", "PromiseStatus", "PromiseEvent", "EventKind",
        "LedgerStats", "StatsRow", "Recorded",
    ),
    "Stores": ("PromiseStore", "MemoryStore", "SQLiteStore", "PostgresStore"),
    "Quantities and the calendar": (
        "BusinessCalendar", "Duration", "TimeUnit", "Money", "Percent", "Count",
    ),
    "Exceptions": (
        "HonestCSError", "PolicyError", "PromiseNotFoundError", "IllegalTransitionError",
        "StoreError", "ReplyTooLongError",
    ),
}  # fmt: skip


def api_markdown() -> str:
    """A mkdocstrings entry for each public name, grouped; every name in ``__all__`` once."""
    public = set(honestcs.__all__) - {"__version__"}
    grouped = [name for names in API_GROUPS.values() for name in names]
    if sorted(grouped) != sorted(public):
        missing = sorted(public - set(grouped))
        extra = sorted(set(grouped) - public)
        raise PluginError(f"docs/hooks.py: API_GROUPS: missing {missing}, extra {extra}")
    lines: list[str] = []
    for group, names in API_GROUPS.items():
        lines += ["", f"## {group}"]
        for name in names:
            lines += ["", f"::: honestcs.{name}"]
    # A module of its own, for reading many reports at once: every name in its __all__.
    lines += ["", "## Insight over time", "", INSIGHT_INTRO]
    for name in insight.__all__:
        lines += ["", f"::: honestcs.insight.{name}"]
    return "\n".join(lines).strip() + "\n"


INSIGHT_INTRO = (
    "These names are imported from `honestcs.insight`, not from `honestcs`: they read "
    "the JSON Lines of `honestcs check` and, optionally, a ledger's records, and add "
    "them up as `honestcs report` does."
)


# --- Exceptions ---------------------------------------------------------------------------------


def _tree(cls: type, depth: int = 0) -> Iterator[str]:
    others = [b.__name__ for b in cls.__bases__ if not b.__module__.startswith("honestcs")]
    also = f" (also a `{'`, `'.join(others)}`)" if depth and others else ""
    summary = (cls.__doc__ or "").strip().splitlines()[0]
    if cls.__name__ in honestcs.__all__:  # documented on the API page: link to it
        name = f"[`{cls.__name__}`][honestcs.{cls.__name__}]"
    else:
        name = f"`{cls.__module__}.{cls.__name__}`"
    yield f"{'    ' * depth}- {name}{also}: {summary}"
    for sub in sorted(cls.__subclasses__(), key=lambda c: c.__name__):
        if sub.__module__.startswith("honestcs"):
            yield from _tree(sub, depth + 1)


def exceptions_markdown() -> str:
    """The tree under HonestCSError, each with its other base and its summary."""
    return "\n".join(_tree(honestcs.HonestCSError)) + "\n"


MARKERS: dict[str, Callable[[], str]] = {
    "<!-- honestcs:rules -->": rules_markdown,
    "<!-- honestcs:rule-table -->": rule_table_markdown,
    "<!-- honestcs:policy-keys -->": policy_keys_markdown,
    "<!-- honestcs:cli -->": cli_markdown,
    "<!-- honestcs:api -->": api_markdown,
    "<!-- honestcs:exceptions -->": exceptions_markdown,
}
