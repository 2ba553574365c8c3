"""Config files for ``honestcs check``: found like ruff's, overridden by options, shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _one_clause import NOW, POLICY, REPLY

from honestcs._links import DOCS_URL
from honestcs.cli import main
from honestcs.cli._config import find_config


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a policy in policies/ and a reply, and a sub-folder as the working one."""
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "shop.toml").write_text(POLICY, encoding="utf-8")
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    (tmp_path / "src" / "deep").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "src" / "deep")
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _check(
    capsys: pytest.CaptureFixture[str], repo: Path, *flags: str
) -> tuple[int, list[str], str]:
    """Exit status, the rules reported (JSON output) and stderr."""
    status = main(["check", "--now", NOW, "--format", "json", *flags, str(repo / "reply.txt")])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    rules = [f["rule"] for line in out.splitlines() for f in json.loads(line)["findings"]]
    return status, rules, err


def test_pyproject_table_is_found_walking_up(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    """[tool.honestcs] in a pyproject.toml above the working folder sets the policy and rules."""
    _write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.honestcs]\npolicy = "policies/shop.toml"\n'
        'ignore = ["overpromise"]\n',
    )
    status, rules, err = _check(capsys, repo)
    assert (status, rules, err) == (0, ["absolute-guarantee", "vague-commitment"], "")


def test_policy_path_is_relative_to_the_config_file(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    """A config file's policy path is read from the file's folder, not the working one."""
    _write(repo / "src" / "honestcs.toml", 'policy = "../policies/shop.toml"\n')
    assert _check(capsys, repo)[:2] == (
        1,
        ["overpromise", "absolute-guarantee", "vague-commitment"],
    )


def test_honestcs_toml_keys_are_top_level(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    """honestcs.toml holds the keys at the top level: select, fail-on and format work."""
    _write(
        repo / "honestcs.toml",
        'policy = "policies/shop.toml"\nselect = ["vague-commitment"]\nfail-on = "info"\n'
        'format = "github"\n',
    )
    status = main(["check", "--now", NOW, str(repo / "reply.txt")])
    out = capsys.readouterr().out
    assert status == 1
    assert out.startswith("::notice ")
    assert "vague-commitment" in out
    assert "overpromise" not in out


@pytest.mark.parametrize(
    ("files", "chosen"),
    [
        pytest.param(
            [".honestcs.toml", "honestcs.toml", "pyproject.toml"], ".honestcs.toml",
            id=".honestcs.toml first",
        ),
        pytest.param(["honestcs.toml", "pyproject.toml"], "honestcs.toml", id="then honestcs.toml"),
        pytest.param(["pyproject.toml"], "pyproject.toml", id="then pyproject.toml"),
    ],
)  # fmt: skip
def test_order_within_one_folder(tmp_path: Path, files: list[str], chosen: str) -> None:
    """In one folder, .honestcs.toml comes before honestcs.toml before pyproject.toml."""
    for name in files:
        text = "[tool.honestcs]\n" if name == "pyproject.toml" else ""
        _write(tmp_path / name, text)
    assert find_config(tmp_path) == tmp_path / chosen


def test_nearest_folder_wins(tmp_path: Path) -> None:
    """A config file in a nearer folder wins over one further up."""
    _write(tmp_path / ".honestcs.toml", "")
    (tmp_path / "a" / "b").mkdir(parents=True)
    _write(tmp_path / "a" / "pyproject.toml", "[tool.honestcs]\n")
    assert find_config(tmp_path / "a" / "b") == tmp_path / "a" / "pyproject.toml"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    """A pyproject.toml with no [tool.honestcs] table is not a config file; the walk goes on."""
    _write(tmp_path / "honestcs.toml", "")
    (tmp_path / "a").mkdir()
    _write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "honestcs-user"\n')
    assert find_config(tmp_path / "a") == tmp_path / "honestcs.toml"
    assert find_config(tmp_path / "a" / "nowhere") == tmp_path / "honestcs.toml"


def test_options_override_the_file_key_by_key(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    """An option replaces the file's value for its own key and leaves the others alone."""
    other = _write(repo / "other.toml", POLICY.replace("5-7 business days", "1-2 days"))
    _write(
        repo / "honestcs.toml",
        'policy = "policies/shop.toml"\nselect = ["overpromise", "vague-commitment"]\n',
    )
    # The file's select stays; --policy replaces its policy (3 days is honest for 1-2 days).
    assert _check(capsys, repo, "--policy", str(other))[:2] == (0, ["vague-commitment"])
    # --select replaces the file's select; the file's policy stays.
    assert _check(capsys, repo, "--select", "absolute-guarantee")[:2] == (
        0,
        ["absolute-guarantee"],
    )


def test_config_option_and_isolated(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    """--config reads the named file; --isolated reads none."""
    _write(repo / "honestcs.toml", 'policy = "policies/shop.toml"\nignore = ["overpromise"]\n')
    elsewhere = _write(
        repo / "policies" / "strict.toml", 'policy = "shop.toml"\nselect = ["overpromise"]\n'
    )
    assert _check(capsys, repo, "--config", str(elsewhere))[:2] == (1, ["overpromise"])
    status, _, err = _check(capsys, repo, "--isolated")
    assert status == 2
    assert "no policy: give --policy FILE" in err


def test_show_settings_says_where_each_came_from(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    """--show-settings prints each setting with its source, and which rules run and why."""
    config = _write(
        repo / "pyproject.toml",
        '[tool.honestcs]\npolicy = "policies/shop.toml"\nignore = ["sycophancy"]\n',
    )
    _write(
        repo / "policies" / "shop.toml",
        POLICY + '\n[honesty]\ndisable = ["silent-reschedule"]\n'
        'severity = { "vague-commitment" = "warning" }\n',
    )
    assert main(["check", "--show-settings", "--fail-on", "warning"]) == 0
    out = capsys.readouterr().out.splitlines()
    where = f"{config} [tool.honestcs]"
    assert out[:6] == [
        f"config file  {where}",
        f"policy       {repo / 'policies' / 'shop.toml'}  ({where}: policy)",
        "select       every rule  (default)",
        f"ignore       sycophancy  ({where}: ignore)",
        "fail-on      warning  (--fail-on)",
        "format       text  (default)",
    ]
    assert out[6] == f"docs-url     {DOCS_URL}  (default)"
    assert out[7] == "rules"
    rules = {line.split()[0]: line.split(None, 1)[1] for line in out[8:]}
    assert rules["overpromise"] == "runs, error"
    assert rules["vague-commitment"] == "runs, warning (policy [honesty] severity)"
    assert rules["sycophancy"] == f"off (ignore: {where}: ignore)"
    assert rules["silent-reschedule"] == "off (policy [honesty] disable)"
    assert len(rules) == 10


def test_show_settings_without_a_policy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no config file and no --policy, --show-settings says so and exits 0."""
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-settings"]) == 0
    out = capsys.readouterr().out
    assert "config file  (none found)" in out
    assert "policy       (none)  (default)" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('polcy = "x.toml"\n', 'polcy: unknown key; did you mean "policy"?', id="typo"),
        pytest.param('fail_on = "info"\n', 'fail_on: unknown key; did you mean "fail-on"?',
                     id="underscore"),
        pytest.param('select = ["sycophncy"]\n',
                     'select: no rule "sycophncy"; did you mean "sycophancy"?', id="unknown rule"),
        pytest.param('ignore = "overpromise"\n', "ignore: must be a list of rule ids",
                     id="ignore not a list"),
        pytest.param('fail-on = "warnings"\n',
                     'fail-on: "warnings" is not a severity (error, warning, info)', id="severity"),
        pytest.param('format = "xml"\n', 'format: "xml" is not a format (text, json, ',
                     id="format"),
        pytest.param("policy = 3\n", "policy: must be the path of a policy file", id="policy"),
        pytest.param('policy = "missing.toml"\n', "missing.toml: no such policy file",
                     id="missing policy"),
    ],
)  # fmt: skip
def test_bad_config_is_a_located_error(
    capsys: pytest.CaptureFixture[str], repo: Path, text: str, message: str
) -> None:
    """A bad key or value exits 2 naming the file and the key, with no traceback."""
    config = _write(repo / "honestcs.toml", text)
    status, _, err = _check(capsys, repo)
    assert status == 2
    assert err.startswith(f"honestcs: error: {config}: ")
    assert message in err


def test_bad_config_reports_every_problem(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    """Several problems in one file are reported together, one line each."""
    _write(repo / "pyproject.toml", '[tool.honestcs]\nselect = ["x"]\nformat = "xml"\n')
    status, _, err = _check(capsys, repo)
    assert status == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"honestcs: error: {repo / 'pyproject.toml'} [tool.honestcs]: ")
    assert lines[1].startswith(f"{repo / 'pyproject.toml'} [tool.honestcs]: format: ")


def test_config_syntax_error_names_the_line(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    """A config file that is not TOML exits 2 with its file, line and column."""
    config = _write(repo / ".honestcs.toml", 'policy = "policies/shop.toml"\nselect = [\n')
    status, _, err = _check(capsys, repo)
    assert status == 2
    assert err.startswith(f"honestcs: error: {config}:3:1: ")


def test_tool_honestcs_must_be_a_table(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    """tool.honestcs set to something other than a table is a located error."""
    _write(repo / "pyproject.toml", '[tool]\nhonestcs = "yes"\n')
    status, _, err = _check(capsys, repo)
    assert status == 2
    assert "[tool.honestcs]: must be a table" in err
