"""Behaviour cases built from the labelled corpora, and how each one is judged.

A case pairs a base (a corpus reply, customer message, time and policy) with a variant. An
invariance case passes when the checker reports the same set of rule ids on both; a direction
case passes when one rule appears (or disappears) on the variant relative to the base. The
checker's own findings on the base are the reference, never the corpus labels: these tests
measure consistency, the corpus tests measure accuracy.

Which corpus cases each transformation uses is decided by a stable hash of the case id, so
the sample does not move when cases are added elsewhere in a corpus.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal

import attrs

import honestcs

from . import transforms as tx

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
SHARED_CORPUS = TESTS.parents[1] / "shared" / "corpus"
KNOWN_FAILURES = HERE / "known_failures.txt"
PARAPHRASES = HERE / "paraphrases.toml"
HANDWRITTEN = HERE / "handwritten.toml"

Kind = Literal["invariance", "direction"]
Change = Literal["appears", "disappears"]

# How many corpus cases each generated transformation draws, at most (stable hash order).
SAMPLE = {
    "email": 130,
    "email-quoted": 80,
    "email-on-wrote": 80,
    "bullets": 120,
    "bold": 100,
    "lowercase": 110,
    "chat-typos": 90,
    "names": 60,
    "names-reference": 60,
    "business": 100,
    "business-name-only": 40,
    "faster": 140,
    "reason-removed": 80,
    "reason-added-clause": 80,
    "reason-added-policy": 80,
    "guarantee-prefix": 90,
    "guarantee-suffix": 70,
}
# Rules whose span is the whole reply: their span text is not compared.
WHOLE_REPLY_RULES = frozenset({"unanswered-question"})


# --- the corpora ---------------------------------------------------------------------------------


@attrs.frozen
class Base:
    """One labelled corpus case: the reply and everything the checker needs to read it."""

    uid: str  # "<corpus>/<id>", unique across corpora
    reply: str
    customer: str | None
    now: datetime
    policy_path: Path
    expect: frozenset[str]


def _corpus_label(folder: Path) -> str:
    if folder == SHARED_CORPUS:
        return "shared"
    return "main" if folder.name == "corpus" else folder.name.removeprefix("corpus_")


def _policy_path(folder: Path, name: str) -> Path:
    for candidate in (folder / name, folder / "policies" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{folder}: no policy file {name!r}")


@cache
def corpus_cases() -> tuple[Base, ...]:
    """Every case of the shared corpus and of tests/corpus*/ (those that are present)."""
    folders = [SHARED_CORPUS, *sorted(p.parent for p in TESTS.glob("corpus*/cases.jsonl"))]
    cases = []
    for folder in folders:
        path = folder / "cases.jsonl"
        if not path.is_file():
            continue
        label = _corpus_label(folder)
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            cases.append(
                Base(
                    uid=f"{label}/{row['id']}",
                    reply=row["reply"],
                    customer=row["customer"],
                    now=datetime.fromisoformat(row["now"]),
                    policy_path=_policy_path(folder, row["policy"]),
                    expect=frozenset(row["expect"]),
                )
            )
    return tuple(cases)


@cache
def policy_data(path: Path) -> dict[str, Any]:
    """A policy file as the plain mapping that ``Policy.from_dict`` reads."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _rename(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return tx.replace_word(value, old, new)
    if isinstance(value, list):
        return [_rename(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _rename(v, old, new) for k, v in value.items()}
    return value


@cache
def checker(path: Path, rename: tuple[str, str] | None = None) -> honestcs.ReplyChecker:
    """The checker for a policy file, or for the same policy with its business renamed."""
    if rename is None:
        return honestcs.ReplyChecker(honestcs.load_policy(path))
    data = _rename(policy_data(path), *rename)
    return honestcs.ReplyChecker(honestcs.Policy.from_dict(data))


def clauses(path: Path) -> dict[str, dict[str, Any]]:
    """The clauses of a policy by id, each with its section ("can", "cannot", "prohibited")."""
    data = policy_data(path)
    return {
        c["id"]: {**c, "section": section}
        for section in ("can", "cannot", "prohibited")
        for c in data.get(section, [])
    }


def term_words(path: Path) -> set[str]:
    """Every word of every term of a policy, lowercased."""
    words: set[str] = set()
    for clause in clauses(path).values():
        for term in clause.get("terms", []):
            words.update(re.findall(r"[a-z]+", term.lower()))
    honesty = policy_data(path).get("honesty", {})
    for phrase in [*honesty.get("guarantee_terms", []), *honesty.get("allow", [])]:
        words.update(re.findall(r"[a-z]+", phrase.lower()))
    return words


# --- cases ---------------------------------------------------------------------------------------


@attrs.frozen
class Case:
    """One behaviour test: a base and a variant, and what should hold between their findings."""

    id: str
    kind: Kind
    transform: str
    base: Base
    variant_reply: str
    base_reply: str  # usually base.reply; a pair built around it may change both sides
    variant_customer: str | None = None
    rename: tuple[str, str] | None = None  # the variant's policy: business renamed old -> new
    compare_spans: bool = False  # invariance: also the text of each finding's span
    span_norm: str = ""  # "bullets": strip bullet markers from variant spans before comparing
    rule: str = ""  # direction: the rule that changes
    change: Change = "appears"
    note: str = ""


@attrs.frozen
class Outcome:
    """How a case came out: whether it passed, and the two reports' rule sets."""

    passed: bool
    base_rules: frozenset[str]
    variant_rules: frozenset[str]
    detail: str

    def diff(self) -> str:
        """A short account of what changed between base and variant."""
        gained = sorted(self.variant_rules - self.base_rules)
        lost = sorted(self.base_rules - self.variant_rules)
        parts = [f"gained {', '.join(gained)}"] if gained else []
        parts += [f"lost {', '.join(lost)}"] if lost else []
        return "; ".join(parts) or self.detail


def _spans(reply: str, report: honestcs.Report, norm: str) -> Counter[tuple[str, str]]:
    spans: Counter[tuple[str, str]] = Counter()
    for finding in report.findings:
        if finding.rule in WHOLE_REPLY_RULES:
            continue
        text = reply[finding.start : finding.end]
        if norm == "bullets":
            text = re.sub(r"\n- ", " ", text).removeprefix("- ")
        spans[finding.rule, text.strip()] += 1
    return spans


def evaluate(case: Case) -> Outcome:
    """Check base and variant and judge the case."""
    base_report = checker(case.base.policy_path).check(
        case.base_reply, customer_message=case.base.customer, now=case.base.now
    )
    customer = case.variant_customer if case.variant_customer is not None else case.base.customer
    variant_report = checker(case.base.policy_path, case.rename).check(
        case.variant_reply, customer_message=customer, now=case.base.now
    )
    base_rules = frozenset(f.rule for f in base_report.findings)
    variant_rules = frozenset(f.rule for f in variant_report.findings)
    if case.kind == "invariance":
        if base_rules != variant_rules:
            return Outcome(False, base_rules, variant_rules, "rule sets differ")
        if case.compare_spans:
            want = _spans(case.base_reply, base_report, "")
            got = _spans(case.variant_reply, variant_report, case.span_norm)
            if want != got:
                only_base = [f"{r} {t[:50]!r}" for r, t in sorted(want - got)]
                only_variant = [f"{r} {t[:50]!r}" for r, t in sorted(got - want)]
                detail = "spans differ:" + "".join(
                    [
                        f" only on base {', '.join(only_base)};" if only_base else "",
                        f" only on variant {', '.join(only_variant)}" if only_variant else "",
                    ]
                )
                return Outcome(False, base_rules, variant_rules, detail)
        return Outcome(True, base_rules, variant_rules, "same findings")
    if case.change == "appears":
        passed = case.rule not in base_rules and case.rule in variant_rules
    else:
        passed = case.rule in base_rules and case.rule not in variant_rules
    verdict = f"{case.rule} {'appeared' if case.rule in variant_rules else 'absent'}"
    return Outcome(passed, base_rules, variant_rules, verdict)


def explain(case: Case, outcome: Outcome) -> str:
    """A failure message: the texts and both rule sets."""
    want = (
        "the same rule ids"
        if case.kind == "invariance"
        else f"{case.rule} {case.change} on the variant"
    )
    return (
        f"{case.id} ({case.transform}): expected {want}; {outcome.detail}\n"
        f"  base rules:    {sorted(outcome.base_rules)}\n"
        f"  variant rules: {sorted(outcome.variant_rules)}\n"
        f"  base:    {case.base_reply!r}\n"
        f"  variant: {case.variant_reply!r}" + (f"\n  note: {case.note}" if case.note else "")
    )


# --- generation ----------------------------------------------------------------------------------


def _order(transform: str, base: Base) -> str:
    return hashlib.sha1(f"{transform}:{base.uid}".encode()).hexdigest()


Generator = Callable[[Base], Iterator[Case]]
GENERATORS: dict[str, Generator] = {}


def generator(transform: str) -> Callable[[Generator], Generator]:
    """Register a function that makes zero or more cases of ``transform`` from a base."""

    def register(function: Generator) -> Generator:
        GENERATORS[transform] = function
        return function

    return register


def _invariance(transform: str, base: Base, variant: str, **kw: Any) -> Case:
    return Case(
        id=f"{transform}:{base.uid}",
        kind="invariance",
        transform=transform,
        base=base,
        variant_reply=variant,
        base_reply=kw.pop("base_reply", base.reply),
        **kw,
    )


def _direction(transform: str, base: Base, variant: str, rule: str, change: Change) -> Case:
    return Case(
        id=f"{transform}:{base.uid}",
        kind="direction",
        transform=transform,
        base=base,
        variant_reply=variant,
        base_reply=base.reply,
        rule=rule,
        change=change,
    )


@generator("email")
def _email(base: Base) -> Iterator[Case]:
    name = tx.greeting_name(base.reply, base.customer)
    yield _invariance("email", base, tx.email(base.reply, name), compare_spans=True)


@generator("email-quoted")
def _email_quoted(base: Base) -> Iterator[Case]:
    if base.customer:
        name = tx.greeting_name(base.reply, base.customer)
        variant = tx.email_quoting(base.reply, name, base.customer)
        yield _invariance("email-quoted", base, variant, compare_spans=True)


@generator("email-on-wrote")
def _email_on_wrote(base: Base) -> Iterator[Case]:
    if base.customer:
        name = tx.greeting_name(base.reply, base.customer)
        variant = tx.email_on_wrote(base.reply, name, base.customer, base.now)
        yield _invariance("email-on-wrote", base, variant, compare_spans=True)


@generator("bullets")
def _bullets(base: Base) -> Iterator[Case]:
    variant = tx.bullets(base.reply)
    if variant is not None:
        yield _invariance("bullets", base, variant, compare_spans=True, span_norm="bullets")


@generator("bold")
def _bold(base: Base) -> Iterator[Case]:
    span = tx.boldable_word(base.reply, term_words(base.policy_path))
    if span is not None:
        yield _invariance("bold", base, tx.bold(base.reply, span))


@generator("lowercase")
def _lowercase(base: Base) -> Iterator[Case]:
    variant = tx.lowercase_chat(base.reply)
    if variant is not None and variant != base.reply:
        yield _invariance("lowercase", base, variant)


@generator("chat-typos")
def _chat_typos(base: Base) -> Iterator[Case]:
    lowered = tx.lowercase_chat(base.reply)
    if lowered is not None:
        variant = tx.chat_typos(lowered, term_words(base.policy_path))
        if variant != lowered:
            yield _invariance("chat-typos", base, variant)


def _business_words(base: Base) -> set[str]:
    name = policy_data(base.policy_path)["policy"]["name"]
    return {w.lower() for w in re.findall(r"[A-Za-z]+", name)}


@generator("names")
def _names(base: Base) -> Iterator[Case]:
    protected = term_words(base.policy_path) | _business_words(base)
    variant, swapped = tx.swap_names_and_codes(base.reply, protected)
    if swapped:
        customer = base.customer
        if customer is not None:
            customer, _ = tx.swap_names_and_codes(customer, protected)
        yield _invariance("names", base, variant, variant_customer=customer)


@generator("names-reference")
def _names_reference(base: Base) -> Iterator[Case]:
    # A pair built around the reply: the same opening sentence with another name and code.
    protected = term_words(base.policy_path)
    if protected & {"case", "reference", "hi"} or re.search(
        r"^\s*(?:hi|hello|dear)\b", base.reply, re.I
    ):
        return
    first = tx.reference_line("Maya", "KX-48213") + base.reply
    second = tx.reference_line("Priya", "RB-70596") + base.reply
    yield _invariance("names-reference", base, second, base_reply=first)


@generator("business")
def _business(base: Base) -> Iterator[Case]:
    name = policy_data(base.policy_path)["policy"]["name"]
    old = tx.distinctive_name_word(name)
    if old is None:
        return
    texts = (base.reply, base.customer or "")
    if not any(re.search(rf"\b{re.escape(old)}\b", t, re.IGNORECASE) for t in texts):
        return
    new = tx.NEW_BUSINESS_NAMES[int(_order("business", base), 16) % len(tx.NEW_BUSINESS_NAMES)]
    customer = None if base.customer is None else tx.replace_word(base.customer, old, new)
    yield _invariance(
        "business",
        base,
        tx.replace_word(base.reply, old, new),
        variant_customer=customer,
        rename=(old, new),
    )


@generator("business-name-only")
def _business_name_only(base: Base) -> Iterator[Case]:
    # The policy renamed while the reply never names the business: nothing may change.
    name = policy_data(base.policy_path)["policy"]["name"]
    old = tx.distinctive_name_word(name)
    if old is None:
        return
    texts = (base.reply, base.customer or "")
    if any(re.search(rf"\b{re.escape(old)}\b", t, re.IGNORECASE) for t in texts):
        return
    yield _invariance("business-name-only", base, base.reply, rename=(old, "Brackenfold"))


@cache
def _base_report(base: Base) -> honestcs.Report:
    return checker(base.policy_path).check(base.reply, customer_message=base.customer, now=base.now)


def _rules(report: honestcs.Report) -> set[str]:
    return {f.rule for f in report.findings}


@generator("faster")
def _faster(base: Base) -> Iterator[Case]:
    report = _base_report(base)
    if "overpromise" in _rules(report):
        return
    by_id = clauses(base.policy_path)
    for promise in report.promises:
        clause = by_id.get(promise.clause or "")
        if not clause or "takes" not in clause:
            continue
        upper = tx.takes_upper_hours(clause["takes"])
        phrase = None if upper is None else tx.faster_time_frame(upper)
        if phrase is None:
            continue
        around = tx.sentence_around(base.reply, promise.start)
        if around is None:
            continue
        start, end = around
        own = {w for term in clause.get("terms", []) for w in re.findall(r"[a-z]+", term.lower())}
        faster = tx.make_faster(base.reply[start:end], phrase, own)
        if faster is None:
            continue
        variant = base.reply[:start] + faster + base.reply[end:]
        yield _direction("faster", base, variant, "overpromise", "appears")
        return


def _disabled(path: Path) -> set[str]:
    return set(policy_data(path).get("honesty", {}).get("disable", []))


@generator("reason-removed")
def _reason_removed(base: Base) -> Iterator[Case]:
    if "unexplained-refusal" in _disabled(base.policy_path):
        return
    if "unexplained-refusal" in _rules(_base_report(base)):
        return
    cut = tx.remove_reason(base.reply)
    if cut is None:
        return
    variant, _sentence = cut
    # the clause's own reason, in the policy's words, must not survive anywhere either
    for clause in clauses(base.policy_path).values():
        because = clause.get("because", "")
        if because and because.rstrip(".").lower() in variant.lower():
            return
    yield _direction("reason-removed", base, variant, "unexplained-refusal", "appears")


@generator("reason-added-clause")
def _reason_added_clause(base: Base) -> Iterator[Case]:
    by_id = clauses(base.policy_path)
    for finding in _base_report(base).findings:
        if finding.rule != "unexplained-refusal":
            continue
        clause = by_id.get(finding.clause or "")
        if clause and clause.get("because"):
            variant = tx.add_reason(base.reply, finding.start, finding.end, clause["because"])
            yield _direction(
                "reason-added-clause", base, variant, "unexplained-refusal", "disappears"
            )
        return


@generator("reason-added-policy")
def _reason_added_policy(base: Base) -> Iterator[Case]:
    findings = [f for f in _base_report(base).findings if f.rule == "unexplained-refusal"]
    if len(findings) == 1:
        variant = tx.add_policy_cause(base.reply, findings[0].start, findings[0].end)
        yield _direction("reason-added-policy", base, variant, "unexplained-refusal", "disappears")


def _guarantee_ok(base: Base, report: honestcs.Report) -> bool:
    honesty = policy_data(base.policy_path).get("honesty", {})
    return (
        "absolute-guarantee" not in _rules(report)
        and "absolute-guarantee" not in honesty.get("disable", [])
        and not re.search(r"guarantee", base.reply, re.IGNORECASE)
    )


@generator("guarantee-prefix")
def _guarantee_prefix(base: Base) -> Iterator[Case]:
    report = _base_report(base)
    if not _guarantee_ok(base, report):
        return
    for promise in report.promises:
        variant = tx.guarantee_prefix(base.reply, promise.start)
        if variant is not None:
            yield _direction("guarantee-prefix", base, variant, "absolute-guarantee", "appears")
            return


@generator("guarantee-suffix")
def _guarantee_suffix(base: Base) -> Iterator[Case]:
    report = _base_report(base)
    if not _guarantee_ok(base, report):
        return
    for promise in report.promises:
        variant = tx.guarantee_suffix(base.reply, promise.end)
        if variant is not None:
            yield _direction("guarantee-suffix", base, variant, "absolute-guarantee", "appears")
            return


# --- hand-written cases --------------------------------------------------------------------------


def _by_uid() -> dict[str, Base]:
    return {base.uid: base for base in corpus_cases()}


def handwritten_cases() -> list[Case]:
    """The paraphrase pairs and the hand-written direction cases, from their TOML files."""
    bases = _by_uid()
    cases = []
    paraphrases = tomllib.loads(PARAPHRASES.read_text(encoding="utf-8"))
    per_base: Counter[str] = Counter()
    for pair in paraphrases.get("pair", []):
        base = bases.get(pair["base"])
        if base is None:
            continue
        per_base[pair["base"]] += 1
        suffix = f"#{per_base[pair['base']]}" if per_base[pair["base"]] > 1 else ""
        cases.append(
            Case(
                id=f"paraphrase:{pair['base']}{suffix}",
                kind="invariance",
                transform="paraphrase",
                base=base,
                variant_reply=pair["reply"],
                base_reply=base.reply,
                note=pair.get("note", ""),
            )
        )
    written = tomllib.loads(HANDWRITTEN.read_text(encoding="utf-8"))
    for entry in written.get("direction", []):
        base = bases.get(entry["base"])
        if base is None:
            continue
        cases.append(
            Case(
                id=f"hand-{entry['transform']}:{entry['name']}",
                kind="direction",
                transform=f"hand-{entry['transform']}",
                base=base,
                variant_reply=entry["variant"],
                base_reply=entry.get("reply", base.reply),
                rule=entry["rule"],
                change=entry["change"],
                note=entry.get("note", ""),
            )
        )
    return cases


@cache
def all_cases() -> tuple[Case, ...]:
    """Every behaviour case: generated from the corpora, then hand-written."""
    bases = corpus_cases()
    cases: list[Case] = []
    for transform, make in GENERATORS.items():
        made = [case for base in bases for case in make(base)]
        made.sort(key=lambda case: _order(transform, case.base))
        cases.extend(sorted(made[: SAMPLE[transform]], key=lambda case: case.id))
    cases.extend(handwritten_cases())
    seen = Counter(case.id for case in cases)
    duplicates = [cid for cid, n in seen.items() if n > 1]
    if duplicates:
        raise ValueError(f"duplicate behaviour case ids: {duplicates}")
    return tuple(cases)


# --- known failures ------------------------------------------------------------------------------


def load_known_failures(path: Path = KNOWN_FAILURES) -> dict[str, str]:
    """Case id -> comment, from ``known_failures.txt`` (``id  # why``; ``#`` lines are comments)."""
    if not path.is_file():
        return {}
    known = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        case_id, _, comment = line.partition(" # ")
        known[case_id.strip()] = comment.strip()
    return known


KNOWN_FAILURES_HEADER = """\
# Behaviour cases that fail today, one per line: case id, then "# " and why.
# tests/test_behaviour.py marks these xfail(strict=True): a case that starts passing fails the
# suite until its line is removed here. Regenerate after a checker change with
#   .venv/bin/python benchmarks/behaviour.py --write-known-failures
# which keeps any note written after " | " on a line whose case still fails.
"""


def write_known_failures(failures: list[tuple[Case, Outcome]], path: Path = KNOWN_FAILURES) -> None:
    """Rewrite ``known_failures.txt`` with the given failures, keeping hand-written notes."""
    notes = {}
    for case_id, comment in load_known_failures(path).items():
        if " | " in comment:
            notes[case_id] = comment.split(" | ", 1)[1]
    lines = []
    for case, outcome in sorted(failures, key=lambda pair: pair[0].id):
        comment = f"{case.transform}: {outcome.diff()}"
        if case.kind == "direction":
            comment = f"{case.transform}: {case.rule} did not {case.change[:-1]}"
            if outcome.variant_rules != outcome.base_rules:
                comment += f" ({outcome.diff()})"
        if case.id in notes:
            comment += f" | {notes[case.id]}"
        lines.append(f"{case.id} # {comment}")
    path.write_text(KNOWN_FAILURES_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
