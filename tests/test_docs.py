"""Every code block in docs/ runs, so the documentation cannot drift from the code.

Each page is one test. Its blocks run in order, in one temporary directory
holding a copy of examples/ (so ``examples/northwind.toml`` means the same as
in a checkout), and its Python blocks share one namespace. What "runs" means
depends on the block's language:

``python``
    Executed. Its ``assert`` statements are the page's claims.
``console``
    Each ``$ command`` is run and what follows it, up to the next ``$``, is
    the expected output (stdout and stderr as a terminal shows them). A line
    ``...`` or ``...`` inside a line matches anything. ``# exits N`` after a
    command is its expected exit status (default 0).
``bash``
    Each line is a command, run like a console command without comparing output.
``toml`` / ``json`` / ``text`` with ``title="name"``
    Written to that file in the page's directory (later blocks use it). A TOML
    block named ``pyproject.toml``, ``honestcs.toml`` or ``.honestcs.toml`` is a
    config file and must be valid settings; any other TOML block is a policy,
    or a part of one (``[[can]]`` clauses...), and must be valid; a JSON block
    must parse.
``yaml``
    A CI workflow: it must parse, and every ``run:`` step is run as a bash block.
    One titled ``.pre-commit-config.yaml`` is a pre-commit config: its honestcs
    hooks must run what ``.pre-commit-hooks.yaml`` defines.
``text`` without a title
    Output shown for reading (the one kind of block that does not run).

Commands: ``honestcs ...`` runs :func:`honestcs.cli.main` in-process;
``python examples/NAME.py ...`` runs that script; ``pip install ...`` must name
honestcs (or ``.``) with extras that pyproject.toml defines, or a honestcs wheel
of the version in pyproject.toml; the release commands of docs/releasing.md
(``python -m build``, ``twine``, ``git tag``, ``git push``) are shown, not run. Anything else fails
the test, so a new kind of block has to be taught here before it is published.

A block made only of snippet lines (``--8<-- "examples/guard_a_chatbot.py"``)
shows a file verbatim: an example script must be run by
tests/test_examples_scripts.py, a policy must load.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

import honestcs
from honestcs.cli import main as honestcs_main
from honestcs.cli._config import CONFIG_FILES, read_config
from honestcs.policy import PolicyDocument

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))

# A fenced block, possibly indented (inside an admonition or a tab).
_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_TITLE = re.compile(r'title="(?P<title>[^"]*)"')
_SNIPPET = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
_EXITS = re.compile(r"#\s*exits\s+(?P<status>\d+)\s*$")
_ALLOWED_PLAIN = {"text", "txt", "plain"}
# What pip may install in the docs: honestcs or the checkout, with extras and a version.
_PIP_TARGET = re.compile(r"(?P<name>honestcs|\.)(?:\[(?P<extras>[\w,-]+)\])?(?P<rest>.*)")
# Or a wheel of honestcs, built by ``python -m build``: its version must be the project's.
_PIP_WHEEL = re.compile(r"(?:[\w.-]+/)*honestcs-(?P<version>[^-]+)-py3-none-any\.whl")
# Release commands (docs/releasing.md) are shown, never run by the tests.
_SHOWN_ONLY = (("python", "-m", "build"), ("twine",), ("git", "tag"), ("git", "push"))


@dataclass
class Block:
    """One fenced code block of a page."""

    page: Path
    line: int
    language: str
    title: str | None
    body: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path, text: str | None = None) -> Iterator[Block]:
    """The fenced blocks of a page (or of ``text``, read as that page), in order, dedented."""
    if text is None:
        text = page.read_text(encoding="utf-8")
    for match in _FENCE.finditer(text):
        info = match["info"].strip()
        language = info.split()[0].lstrip(".{").lower() if info else ""
        title = _TITLE.search(info)
        indent = match["indent"]
        body = "".join(
            line[len(indent) :] if line.startswith(indent) else line
            for line in match["body"].splitlines(keepends=True)
        )
        line = text.count("\n", 0, match.start()) + 1
        yield Block(page, line, language, title["title"] if title else None, body)


def snippet_paths(body: str) -> list[str] | None:
    """The files a block only includes (``--8<-- "path"`` lines), or None for a real block."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    matches = [_SNIPPET.match(line) for line in lines]
    if lines and all(matches):
        return [m["path"] for m in matches if m]
    assert not any(matches), "mix snippet lines and code in one block: keep them apart"
    return None


# --- Running commands -----------------------------------------------------------------------


def _pyproject_extras() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(data["project"]["optional-dependencies"])


def _check_pip(words: list[str], where: str) -> None:
    """``pip install X``: every requirement is honestcs or the checkout, with real extras."""
    if words[:3] == ["python", "-m", "pip"]:
        words = ["pip", *words[3:]]
    assert words[:2] == ["pip", "install"], f"{where}: only 'pip install' is understood"
    targets = [w for w in words[2:] if not w.startswith("-")]
    assert targets, f"{where}: pip install of nothing"
    for target in targets:
        wheel = _PIP_WHEEL.fullmatch(target)
        if wheel:
            version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
            assert wheel["version"] == version["project"]["version"], (
                f"{where}: {target} is not the version in pyproject.toml"
            )
            continue
        match = _PIP_TARGET.fullmatch(target)
        assert match, f"{where}: pip install {target!r}: not honestcs"
        assert match["rest"] == "" or match["rest"].startswith((">", "=", "<", "~")), target
        extras = set(filter(None, (match["extras"] or "").split(",")))
        unknown = extras - _pyproject_extras()
        assert not unknown, f"{where}: pip install {target!r}: no extra {sorted(unknown)}"


def run_command(command: str, where: str) -> tuple[int, str] | None:
    """Run one documented command; return (status, output), or None when it is only checked."""
    if " | " in command:
        return run_pipeline(command.split(" | "), where)
    # $DATABASE_URL: the PostgreSQL server of a page that uses one (see the test below).
    words = [os.path.expandvars(word) for word in shlex.split(command, comments=True)]
    if not words:
        return None
    if words[0] == "honestcs" or words[:3] == ["python", "-m", "honestcs"]:
        args = words[1:] if words[0] == "honestcs" else words[3:]
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                status = honestcs_main(args)
            except SystemExit as exc:  # argparse: --help, usage errors
                status = exc.code if isinstance(exc.code, int) else 1
        return status, out.getvalue()
    if words[0] == "python" and len(words) > 1 and words[1].endswith(".py"):
        result = subprocess.run(
            [sys.executable, *words[1:]],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
        return result.returncode, result.stdout + result.stderr
    if words[0] == "pip" or words[:3] == ["python", "-m", "pip"]:
        _check_pip(words, where)
        return None
    if any(tuple(words[: len(start)]) == start for start in _SHOWN_ONLY):
        return None
    pytest.fail(f"{where}: the docs test does not know how to run {command!r}")


def run_pipeline(commands: list[str], where: str) -> tuple[int, str]:
    """``honestcs A | honestcs B``: each command's stdout is the next one's stdin."""
    data, status, shown = "", 0, ""
    for number, command in enumerate(commands):
        words = [os.path.expandvars(word) for word in shlex.split(command, comments=True)]
        if words[0] != "honestcs":
            pytest.fail(f"{where}: only honestcs commands can be piped, not {command!r}")
        out, err = io.StringIO(), io.StringIO()
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            mock.patch.object(sys, "stdin", io.StringIO(data)),
        ):
            status = honestcs_main(words[1:])
        data = out.getvalue()
        shown += err.getvalue()
        if number == len(commands) - 1:
            shown += data
    return status, shown


def expected_status(command: str) -> int:
    match = _EXITS.search(command)
    return int(match["status"]) if match else 0


def _output_pattern(expected: str) -> re.Pattern[str]:
    """Expected output as a pattern: each ``...`` matches anything (also several lines)."""
    parts = [re.escape(part) for part in expected.split("...")]
    return re.compile(".*?".join(parts), re.DOTALL)


def _normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def run_console(block: Block) -> None:
    """``$ command`` lines with the output that must follow them."""
    sessions: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            sessions.append((line[2:], []))
        else:
            assert sessions, f"{block.where}: a console block starts with '$ command'"
            sessions[-1][1].append(line)
    for command, lines in sessions:
        result = run_command(command, block.where)
        if result is None:
            continue
        status, output = result
        assert status == expected_status(command), (
            f"{block.where}: {command!r} exited {status}:\n{output}"
        )
        expected = _normal("\n".join(lines))
        if not _output_pattern(expected).fullmatch(_normal(output)):
            pytest.fail(
                f"{block.where}: the output of {command!r} is not what the page shows.\n"
                f"--- page\n{expected}\n--- actual\n{_normal(output)}",
                pytrace=False,
            )


def run_bash(block: Block) -> None:
    """Each line a command (a trailing backslash continues it), checked by exit status."""
    for command in block.body.replace("\\\n", " ").splitlines():
        if not command.strip() or command.lstrip().startswith("#"):
            continue
        result = run_command(command, block.where)
        if result is not None:
            status, output = result
            assert status == expected_status(command), (
                f"{block.where}: {command!r} exited {status}:\n{output}"
            )


# --- Files and data -------------------------------------------------------------------------

_MINIMAL_POLICY = {"policy": {"name": "Example", "timezone": "UTC"}}


def check_toml(text: str, where: str) -> None:
    """A policy, or some of its tables: valid once the missing [policy] table is added."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        pytest.fail(f"{where}: not TOML: {exc}")
    if "policy" not in data:
        data = {**_MINIMAL_POLICY, **data}
    try:
        clauses = [c for t in ("can", "cannot", "prohibited") for c in data.get(t, [])]
        if "extends" in data["policy"] or any("overrides" in c for c in clauses):
            # The files it extends are not on the page: the document alone must be valid.
            PolicyDocument.read(data, source=where)
        else:
            honestcs.Policy.from_dict(data, source=where)
    except honestcs.PolicyError as exc:
        pytest.fail(f"{where}: not a valid policy:\n{exc}")


def check_config(path: Path, where: str) -> None:
    """A config file (pyproject.toml, honestcs.toml, .honestcs.toml): valid settings."""
    try:
        read_config(path)
    except honestcs.HonestCSError as exc:
        pytest.fail(f"{where}: not a valid config file:\n{exc}")


def check_json(text: str, where: str) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        for number, line in enumerate(text.splitlines(), 1):  # JSON Lines
            if line.strip():
                try:
                    json.loads(line)
                except json.JSONDecodeError as exc:
                    pytest.fail(f"{where}: line {number} is not JSON: {exc}")


def _run_steps(node: Any) -> Iterator[str]:
    """Every ``run:`` script of a parsed workflow, in order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                yield value
            else:
                yield from _run_steps(value)
    elif isinstance(node, list):
        for item in node:
            yield from _run_steps(item)


def run_yaml(block: Block) -> None:
    """A workflow: parse it and run its ``run:`` steps."""
    try:
        import yaml  # installed with the docs extra (mkdocs reads YAML)
    except ImportError:  # without it, one-line "run:" steps are still run
        found = [m[1] for m in re.finditer(r"^\s*(?:-\s*)?run:\s*(\S.*)$", block.body, re.M)]
    else:
        found = list(_run_steps(yaml.safe_load(block.body)))
    assert found, f"{block.where}: a YAML block with no run: step"
    for script in found:
        run_bash(Block(block.page, block.line, "bash", None, script))


def check_pre_commit_config(block: Block) -> None:
    """A pre-commit config: each honestcs hook runs what .pre-commit-hooks.yaml's hook runs."""
    import yaml  # pre-commit, in the test extra, brings it

    config = yaml.safe_load(block.body)
    (defined,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hooks = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == defined["id"]]
    assert hooks, f"{block.where}: no {defined['id']} hook"
    for hook in hooks:
        if "entry" in hook:
            # The hook's own command, with arguments of the user's after it ("… check canned").
            words = defined["entry"].split()
            assert hook["entry"].split()[: len(words)] == words, f"{block.where}: entry"
        if "require_serial" in hook:
            assert hook["require_serial"] == defined["require_serial"], f"{block.where}: serial"
        if "files" in hook:
            re.compile(hook["files"])


def check_included(paths: list[str], block: Block) -> None:
    """Snippets shown verbatim: the file exists, and is itself tested or validated."""
    tested = (ROOT / "tests" / "test_examples_scripts.py").read_text(encoding="utf-8")
    for name in paths:
        path = ROOT / name
        assert path.is_file(), f"{block.where}: includes {name}, which does not exist"
        if path.suffix == ".py":
            assert path.parent == ROOT / "examples", f"{block.where}: scripts live in examples/"
            assert f'"{path.name}"' in tested, (
                f"{block.where}: {name} is shown but not run by tests/test_examples_scripts.py"
            )
        elif path.suffix == ".toml":
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            if "policy" in data:
                honestcs.load_policy(path)
            else:  # a department file: valid as a file that another extends
                PolicyDocument.read(data, source=name, extended_by="a file extending it")


def compile_block(block: Block) -> Any:
    """A Python block as code whose tracebacks point at the page's own lines.

    Its asserts are rewritten the way pytest rewrites a test's, so a failing
    claim shows the values it compared.
    """
    source = "\n" * block.line + block.body
    tree = ast.parse(source, filename=str(block.page))
    try:
        from _pytest.assertion.rewrite import rewrite_asserts
    except ImportError:  # pragma: no cover - plain asserts still fail, just with less detail
        pass
    else:
        rewrite_asserts(tree, source.encode(), str(block.page))
    return compile(tree, str(block.page), "exec")


# --- The test -------------------------------------------------------------------------------


def run_page(page: Path) -> int:
    """Run every block of a page in order; return how many ran."""
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    count = 0
    for block in blocks(page):
        count += 1
        included = snippet_paths(block.body)
        if included is not None:
            check_included(included, block)
            continue
        if block.title and block.language in {"toml", "json", *_ALLOWED_PLAIN}:
            Path(block.title).parent.mkdir(parents=True, exist_ok=True)
            Path(block.title).write_text(block.body, encoding="utf-8")
        if block.language in ("python", "py"):
            exec(compile_block(block), namespace)
        elif block.language == "console":
            run_console(block)
        elif block.language in ("bash", "sh", "shell"):
            run_bash(block)
        elif block.language == "toml" and Path(block.title or "").name in CONFIG_FILES:
            check_config(Path(block.title or ""), block.where)
        elif block.language == "toml":
            check_toml(block.body, block.where)
        elif block.language == "json":
            check_json(block.body, block.where)
        elif block.language in ("yaml", "yml") and block.title == ".pre-commit-config.yaml":
            check_pre_commit_config(block)
        elif block.language in ("yaml", "yml"):
            run_yaml(block)
        elif block.language not in _ALLOWED_PLAIN:
            pytest.fail(f"{block.where}: a ```{block.language or '(no language)'} block cannot run")
    return count


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh directory with a copy of examples/, as the current directory."""
    shutil.copytree(
        ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")  # help text wraps the same everywhere
    return tmp_path


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_every_code_block_runs(
    page: Path, workdir: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every code block of the page runs and says what the code does."""
    if "DATABASE_URL" in page.read_text(encoding="utf-8"):
        # A page with a PostgreSQL ledger runs against the tests' server, in a clean schema.
        dsn = request.getfixturevalue("postgres_dsn")
        monkeypatch.setenv("DATABASE_URL", dsn)
        _drop_schema(dsn)
        try:
            run_page(page)
        finally:
            _drop_schema(dsn)
    else:
        run_page(page)


def _drop_schema(dsn: str) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS honestcs CASCADE")


def test_docs_have_pages() -> None:
    """The docs folder is found and has the pages mkdocs.yml lists."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.findall(r":\s*([\w/-]+\.md)\s*$", nav, re.MULTILINE)
    assert listed
    for name in listed:
        assert (DOCS / name).is_file(), f"mkdocs.yml lists {name}, which is missing"


def test_block_reader() -> None:
    """The block reader finds indented blocks, titles and languages, and dedents bodies."""
    page = DOCS / "index.md"
    text = textwrap.dedent(
        """\
        !!! note
            ```python title="x.py"
            x = 1
            ```
        ```console
        $ honestcs --version
        ```
        """
    )
    found = list(blocks(page, text))
    assert [(b.language, b.title, b.body) for b in found] == [
        ("python", "x.py", "x = 1\n"),
        ("console", None, "$ honestcs --version\n"),
    ]
    assert _output_pattern("a ... c").fullmatch("a b\nb c")
    assert not _output_pattern("a c").fullmatch("a b c")



def test_dependencies_page_names_every_dependency() -> None:
    """docs/dependencies.md explains every requirement and extra of pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    page = (DOCS / "dependencies.md").read_text(encoding="utf-8").lower()
    extras = project["optional-dependencies"]
    requirements = [*project["dependencies"], *(r for reqs in extras.values() for r in reqs)]
    for requirement in requirements:
        name = re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()
        assert name in page, f"docs/dependencies.md does not mention {name}"
    for extra in extras:
        assert f"[{extra}]" in page, f"docs/dependencies.md does not show the {extra!r} extra"
