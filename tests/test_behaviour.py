"""Behaviour tests (SPEC section 7): same meaning, same findings; a minimal edit, a known change.

Each case is generated in tests/behaviour/ from the labelled corpora (or written by hand there)
and compares the checker with itself: the variant's findings against the base reply's. Cases
listed in tests/behaviour/known_failures.txt fail today and are marked xfail(strict=True), so a
checker change that fixes one fails the suite until the list is regenerated with
``.venv/bin/python benchmarks/behaviour.py --write-known-failures``.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from behaviour import generate
from behaviour import transforms as tx

CASES = generate.all_cases()
KNOWN = generate.load_known_failures()


def _params(kind: str) -> list[pytest.ParameterSet]:
    params = []
    for case in CASES:
        if case.kind != kind:
            continue
        marks = []
        if case.id in KNOWN:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[case.id] or "known failure"))
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


@pytest.mark.parametrize("case", _params("invariance"))
def test_invariance(case: generate.Case) -> None:
    """The variant gets the same rule ids as the base (and the same spans, where compared)."""
    outcome = generate.evaluate(case)
    assert outcome.passed, generate.explain(case, outcome)


@pytest.mark.parametrize("case", _params("direction"))
def test_direction(case: generate.Case) -> None:
    """The variant's findings change in the known direction relative to the base's."""
    outcome = generate.evaluate(case)
    assert outcome.passed, generate.explain(case, outcome)


# --- the generator itself ------------------------------------------------------------------------


def test_enough_cases_of_every_kind() -> None:
    """At least 500 cases, 60 hand-written paraphrases, and every transformation used."""
    by_transform = Counter(case.transform for case in CASES)
    assert len(CASES) >= 500
    assert by_transform["paraphrase"] >= 60
    for transform in generate.GENERATORS:
        assert by_transform[transform] > 0, transform


def test_case_ids_are_unique_and_readable() -> None:
    """Every case id is unique and reads as transform:corpus/case."""
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    assert all(":" in cid and " " not in cid for cid in ids)


def test_variants_differ_from_their_base() -> None:
    """A variant equal to its base tests nothing (unless the policy is renamed)."""
    same = [c.id for c in CASES if c.variant_reply == c.base_reply and c.rename is None]
    assert same == []


def test_email_keeps_the_reply_verbatim() -> None:
    """The email wrapper puts greeting and sign-off around the untouched reply."""
    text = tx.email("We'll refund you.", "Sam")
    assert text == "Hi Sam,\n\nWe'll refund you.\n\nBest regards,\nJordan\nCustomer Care"


def test_quoted_customer_message_is_marked_as_quoted() -> None:
    """Every line of the customer's message is quoted with '> ' below the sign-off."""
    text = tx.email_on_wrote(
        "Yes.", "Sam", "Can I?\nThanks", datetime(2026, 12, 2, 10, tzinfo=ZoneInfo("UTC"))
    )
    assert text.endswith("wrote:\n> Can I?\n> Thanks")
    assert "On Tue, 01 Dec 2026 at 08:00, Sam Taylor" in text


def test_bullets_one_sentence_each() -> None:
    """Bullets split on sentence ends, and a reply with an abbreviation is not split."""
    assert tx.bullets("We can help. It takes 2 days!") == "- We can help.\n- It takes 2 days!"
    assert tx.bullets("Dr. Lee will call. Thanks.") is None
    assert tx.bullets("One sentence only.") is None


def test_bold_avoids_terms_and_cue_words() -> None:
    """The emboldened word is the longest one that is neither a term word nor a rule's cue."""
    reply = "Unfortunately we can't refund the voucher today."
    span = tx.boldable_word(reply, {"refund", "voucher"})
    assert span is not None and reply[span[0] : span[1]] == "Unfortunately"


def test_lowercase_skips_acronyms() -> None:
    """Lowercasing drops the final full stop, and is not done where it makes another word."""
    assert tx.lowercase_chat("We'll call you. Thanks.") == "we'll call you. thanks"
    assert tx.lowercase_chat("We ship to the US.") is None


def test_chat_typos_only_touch_listed_words() -> None:
    """Only the listed chat spellings change, plus one doubled space."""
    assert tx.chat_typos("thanks for waiting, please hold", set()) == "thx for  waiting, pls hold"
    assert tx.chat_typos("thanks for waiting", {"thanks"}) == "thanks for  waiting"


def test_names_and_codes_are_swapped() -> None:
    """Person names and order codes change; figures and protected words do not."""
    text, count = tx.swap_names_and_codes("Thanks Maya, order PR-88213 is $12.", set())
    assert (text, count) == ("Thanks Zoe, order HK-11546 is $12.", 2)


def test_faster_time_frame_is_under_half_the_bound() -> None:
    """The faster frame is well under the upper bound of ``takes``."""
    assert tx.takes_upper_hours("5-7 business days") == 168
    assert tx.faster_time_frame(168) == "within 2 days"
    assert tx.faster_time_frame(4) == "within 30 minutes"
    assert tx.make_faster("Your sofa will arrive by Friday.", "within 2 days") == (
        "Your sofa will arrive within 2 days."
    )
    # the policy's own time stated in the sentence: the edit would contradict it
    assert tx.make_faster("Refunds take 5-7 days, so by Friday.", "within 2 days") is None
    # a message about the act, not the act
    assert tx.make_faster("We'll text you a date by Friday.", "within 2 days") is None


def test_reason_removal_is_clean_or_skipped() -> None:
    """A trailing 'because' clause is cut; a reply with another reason cue is skipped."""
    cut = tx.remove_reason("Sorry, we can't do that because the fabric is fixed.")
    assert cut == ("Sorry, we can't do that.", "Sorry, we can't do that.")
    assert tx.remove_reason("We can't, because X. It's our policy.") is None


def test_guarantees_are_added_before_the_subject_or_after_the_commitment() -> None:
    """'I guarantee' goes before the commitment's subject; ', guaranteed' after its end."""
    reply = "Thanks! We'll refund you by Friday."
    assert tx.guarantee_prefix(reply, 8) == "Thanks! I guarantee we'll refund you by Friday."
    assert (
        tx.guarantee_suffix(reply, len(reply) - 1)
        == "Thanks! We'll refund you by Friday, guaranteed."
    )


def test_paraphrase_files_name_corpus_cases_and_their_labels() -> None:
    """Every hand-written case names a corpus case, and a paraphrase's expect is its label."""
    bases = {base.uid: base for base in generate.corpus_cases()}
    # Cases of the shared corpus are only there when shared/ sits beside the checkout.
    present = generate.SHARED_CORPUS.is_dir()
    pairs = tomllib.loads(generate.PARAPHRASES.read_text(encoding="utf-8"))["pair"]
    for pair in pairs:
        if pair["base"].startswith("shared/") and not present:
            continue
        assert pair["base"] in bases, pair["base"]
        assert set(pair["expect"]) == bases[pair["base"]].expect, pair["base"]
    written = tomllib.loads(generate.HANDWRITTEN.read_text(encoding="utf-8"))["direction"]
    for entry in written:
        if entry["base"].startswith("shared/") and not present:
            continue
        assert entry["base"] in bases, entry["base"]
        assert entry["change"] in {"appears", "disappears"}
