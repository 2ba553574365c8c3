"""``honestcs policy check``: validation, lint warnings and exit statuses."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from honestcs import ReplyChecker
from honestcs.cli import main
from honestcs.policy import Policy
from honestcs.policy._lint import GENERIC_WORDS, is_generic, lint_policy, never_matches
from honestcs.quantities import Duration

EXAMPLE = Path(__file__).parents[1] / "examples" / "northwind.toml"
CORPUS_POLICIES = Path(__file__).parents[2] / "shared" / "corpus" / "policies"

HEADER = '[policy]\nname = "Acme"\ntimezone = "UTC"\n'
NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)

# One of each warning: a generic term, a term in two clauses, a cannot without because.
WEAK = (
    HEADER
    + """
[[can]]
id = "refund"
does = "refund the purchase"
terms = ["refund", "the order"]

[[can]]
id = "store-credit"
does = "give store credit"
terms = ["store credit", "Refund"]

[[cannot]]
id = "price-match"
terms = ["price match"]
"""
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``honestcs`` with ``argv``."""
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(tmp_path: Path, text: str, name: str = "p.toml") -> str:
    """Write a policy file and return its path as the user would type it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_example_policy_is_valid_without_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/northwind.toml passes even --strict, with a one-line summary on stdout."""
    status, out, err = run(["policy", "check", "--strict", str(EXAMPLE)], capsys)
    assert (status, err) == (0, "")
    assert out == (
        f'{EXAMPLE}: valid policy "Northwind Furniture": 8 can, 2 cannot, 2 prohibited clauses\n'
    )


@pytest.mark.skipif(not CORPUS_POLICIES.is_dir(), reason=f"no shared corpus at {CORPUS_POLICIES}")
@pytest.mark.parametrize("name", ["northwind.toml", "brightline.toml", "harborview.toml"])
def test_corpus_policies_pass_strict(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The policies of the shared corpus are valid and lint-clean."""
    status, _, err = run(["policy", "check", "--strict", str(CORPUS_POLICIES / name)], capsys)
    assert (status, err) == (0, "")


def test_warnings_go_to_stderr_and_exit_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A valid policy with weak clauses exits 0, the summary on stdout, each warning on stderr."""
    path = write(tmp_path, WEAK)
    status, out, err = run(["policy", "check", path], capsys)
    assert status == 0
    assert out == f'{path}: valid policy "Acme": 2 can, 1 cannot, 0 prohibited clauses\n'
    assert err.splitlines() == [
        f'{path}: warning: can[0] (id "refund"): terms[1]: "the order" is so generic '
        "it would match almost any reply",
        f'{path}: warning: can[1] (id "store-credit"): terms[1]: "Refund" is also a term of '
        'can[0] (id "refund"); a reply using it cannot tell the two apart',
        f'{path}: warning: cannot[0] (id "price-match"): because: no reason given, '
        "so a reply that refuses has none to offer",
    ]


def test_strict_makes_warnings_exit_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With --strict, a valid policy with any warning exits 1."""
    status, out, err = run(["policy", "check", "--strict", write(tmp_path, WEAK)], capsys)
    assert status == 1
    assert "valid policy" in out
    assert err.count(": warning: ") == 3


def test_invalid_policy_exits_two_with_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid policy exits 2 with each problem on its own stderr line and no traceback."""
    path = write(
        tmp_path,
        '[policy]\nname = "Acme"\ntimezone = "Mars/Base"\n\n'
        '[[can]]\nid = "refund"\ndoes = "refund"\nterms = ["refund"]\ntkaes = "5 days"\n',
    )
    status, out, err = run(["policy", "check", path], capsys)
    assert (status, out) == (2, "")
    assert err.splitlines() == [
        f'{path}: [policy]: timezone: "Mars/Base" is not an IANA time zone',
        f"""{path}: can[0] (id "refund"): tkaes: unknown key; did you mean 'takes'?""",
    ]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("missing.toml", None, "{path}: no such policy file"),
        (
            "p.yaml",
            HEADER,
            '{path}: a policy file must end in .toml or .json, and this one has ".yaml"',
        ),
        ("p.toml", "[policy\n", "{path}:1:8: "),
        ("p.json", "{", "{path}:1:2: "),
    ],
    ids=["missing", "suffix", "toml-syntax", "json-syntax"],
)
def test_unreadable_policy_exits_two_without_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str | None,
    expected: str,
) -> None:
    """A missing, unsupported or malformed file exits 2 with one message naming it."""
    path = str(tmp_path / name) if text is None else write(tmp_path, text, name)
    status, out, err = run(["policy", "check", path], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(expected.format(path=path))
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_policy_without_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``honestcs policy`` alone exits 2 with a usage message."""
    with pytest.raises(SystemExit) as info:
        main(["policy"])
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("term", "generic"),
    [
        ("it", True),
        ("the", True),
        ("you", True),
        ("help", True),
        ("account", True),
        ("the order", True),
        ("your orders", True),
        ("Item.", True),
        ("get * back", True),
        ("refund", False),
        ("money back", False),
        ("% off", False),
        ("send it back", False),
        ("their account details", False),
        ("5-star review", False),
        ("change * basic economy", False),
    ],
)
def test_generic_terms(term: str, generic: bool) -> None:
    """A term is generic when every word is a function word or an everyday service word."""
    assert is_generic(term) is generic


def test_generic_words_are_lower_case_single_words() -> None:
    """GENERIC_WORDS holds single lower-case words, as is_generic compares them."""
    assert all(word == word.lower() and " " not in word for word in GENERIC_WORDS)


def test_same_term_in_one_clause_twice_is_a_warning() -> None:
    """A term repeated in one clause (case and spaces aside) is reported, naming both."""
    policy = Policy.from_dict(
        {
            "policy": {"name": "Acme", "timezone": "UTC"},
            "can": [{"id": "refund", "does": "refund",
                     "terms": ["refund", "money back", "Refund", "money  back"]}],
        }
    )  # fmt: skip
    assert lint_policy(policy) == [
        'can[0] (id "refund"): terms[2]: "Refund" repeats terms[0] ("refund") of the same '
        "clause; once is enough",
        'can[0] (id "refund"): terms[3]: "money back" repeats terms[1] of the same clause; '
        "once is enough",
    ]


def _lint(*clauses: dict[str, object], now: datetime = NOW) -> list[str]:
    """The warnings for a policy of these clauses (each a can unless it says "table")."""
    tables: dict[str, list[dict[str, object]]] = {"can": [], "cannot": [], "prohibited": []}
    for clause in clauses:
        table = str(clause.get("table", "can"))
        tables[table].append({k: v for k, v in clause.items() if k != "table"})
    document = {"policy": {"name": "Acme", "timezone": "UTC"}, **tables}
    return lint_policy(Policy.from_dict(document), now=now)


@pytest.mark.parametrize("term", ["(", "...", "( )", "--", "😀", "“ ”", "( * )"])
def test_a_term_that_can_never_match_is_a_warning(term: str) -> None:
    """A term in which the term matcher finds nothing to match is reported, and only that."""
    [warning] = _lint({"id": "refund", "does": "refund", "terms": ["refund", term]})
    shown = json.dumps(" ".join(term.split()), ensure_ascii=False)
    assert warning == (
        f'can[0] (id "refund"): terms[1]: {shown} can never match: the term matcher finds '
        "words of letters and digits, and the signs % $ € £ # &, and it has none"
    )


@pytest.mark.parametrize("term", ["%", "$", "€", "£", "#", "&", "a", "7", "é", "x (", "'s"])
def test_a_term_the_matcher_can_find_is_no_warning(term: str) -> None:
    """Every sign the warning names, and any word of letters or digits, can match."""
    assert not never_matches(term)
    assert _lint({"id": "refund", "does": "refund", "terms": [term]}) in ([], [
        f'can[0] (id "refund"): terms[0]: {json.dumps(term, ensure_ascii=False)} is so generic '
        "it would match almost any reply"
    ])  # fmt: skip


def test_never_matches_agrees_with_the_checker() -> None:
    """A term never_matches calls unmatchable ties no reply to its clause; "%" does."""
    policy = Policy.from_dict(
        {
            "policy": {"name": "Acme", "timezone": "UTC"},
            "can": [
                {"id": "paren", "does": "x", "terms": ["("], "up_to": "10%"},
                {"id": "percent", "does": "discount", "terms": ["% off"], "up_to": "10%"},
            ],
        }
    )
    report = ReplyChecker(policy).check("I'll give you 50% off ( now ).", now=NOW)
    assert {f.clause for f in report.findings} == {"percent"}


def test_more_than_three_wildcards_is_a_warning() -> None:
    """A term with 4 wildcards is reported; 3 are not."""
    warnings = _lint(
        {"id": "refund", "does": "refund",
         "terms": ["get * money * back * now", "get * money * back * in * full"]}
    )  # fmt: skip
    assert warnings == [
        'can[0] (id "refund"): terms[1]: "get * money * back * in * full" has 4 wildcards; '
        'each "*" stands for up to 3 words, so it can stretch over 12 words that are not its '
        "own and tie unrelated sentences to the clause, and each one makes matching it slower "
        "(use at most 3)"
    ]


def test_a_term_in_clauses_of_every_kind_is_reported_once_per_repeat() -> None:
    """A term shared by a can and a cannot, and by two cannot clauses, is reported each time."""
    warnings = _lint(
        {"id": "refund", "does": "refund", "terms": ["refund"]},
        {"table": "cannot", "id": "no-refund", "terms": ["REFUND"], "because": "final sale"},
        {"table": "cannot", "id": "no-cash", "terms": ["refund"], "because": "cards only"},
    )
    assert warnings == [
        'cannot[0] (id "no-refund"): terms[0]: "REFUND" is also a term of can[0] (id '
        '"refund"); a reply using it cannot tell the two apart',
        'cannot[1] (id "no-cash"): terms[0]: "refund" is also a term of can[0] (id '
        '"refund"); a reply using it cannot tell the two apart',
    ]


@pytest.mark.parametrize(
    ("key", "value", "warned"),
    [
        ("takes", "9999999 days", True),
        ("takes", "10000 years", True),
        ("within", "100000 months", True),
        ("takes", "3000000 business days", True),
        ("takes", "5-10 business days", False),
        ("within", "7000 years", False),
    ],
)
def test_a_duration_past_the_year_9999_is_a_warning(key: str, value: str, warned: bool) -> None:
    """A takes or within that would end after 9999 (counted from now) is reported."""
    warnings = _lint({"id": "refund", "does": "refund", "terms": ["refund"], key: value})
    shown = str(Duration.parse(value))
    expected = [
        f'can[0] (id "refund"): {key}: {shown} from now (2026-12-01) would end after the year '
        "9999, the last year a date can be worked out in"
    ]
    assert warnings == (expected if warned else [])


def test_policy_check_prints_the_new_warnings_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The warnings go to stderr, one line each naming the clause; exit 0, or 1 with --strict."""
    path = write(
        tmp_path,
        HEADER
        + '[[can]]\nid = "refund"\ndoes = "refund"\nterms = ["refund", "(", "refund"]\n'
        + 'takes = "9999999 days"\n',
    )
    status, _, err = run(["policy", "check", path], capsys)
    assert status == 0
    lines = err.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f'{path}: warning: can[0] (id "refund"): ') for line in lines)
    assert run(["policy", "check", "--strict", path], capsys)[0] == 1
