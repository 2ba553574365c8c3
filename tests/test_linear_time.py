"""check() grows in proportion to its input: time at 8x the size stays under 16x the time.

A ratio, measured side by side in one process, not an absolute time: the machines are shared
and noisy. Time is the process's CPU time, which does not count the moments other work held
the CPU; each size is timed as the best of a few runs, and a ratio over the bound is measured
twice more before it fails: work that really grows too fast (64x for 8x the text, if
quadratic) fails every time, and one slow moment does not decide.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

import honestcs
from honestcs.rules._examples import EXAMPLE_POLICY
from honestcs.text.answers import echoes
from honestcs.text.terms import TermMatcher, tokenize

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Chicago"))
CHECKER = honestcs.ReplyChecker(honestcs.Policy.from_dict(EXAMPLE_POLICY))
SMALL = 4_000
GROWTH = 8
BOUND = 16
RUNS = 3


def _best_of_runs(work: Callable[[], object]) -> float:
    """The least CPU time ``work`` took over RUNS runs."""
    best = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _best(make: Callable[[int], tuple[str, str | None]], size: int) -> float:
    reply, customer = make(size)
    return _best_of_runs(lambda: CHECKER.check(reply, customer_message=customer, now=NOW))


def _within(small: Callable[[], float], large: Callable[[], float], bound: float) -> None:
    """Assert large() <= bound x small(), measured up to three times (see the module)."""
    seen = []
    for _ in range(3):
        few, many = small(), large()
        if many <= bound * max(few, 1e-4):
            return
        seen.append((few, many))
    raise AssertionError(f"over {bound}x in three measurements (small, large): {seen}")


def _repeat(piece: str, size: int) -> str:
    return piece * max(1, size // len(piece))


INPUTS: dict[str, Callable[[int], tuple[str, str | None]]] = {
    "a run of spaces": lambda n: ("x" + " " * n + "x", None),
    "one sentence without stops": lambda n: (
        _repeat("we will refund you and the team will call you back and ", n), None
    ),
    "thousands of durations": lambda n: (_repeat("within 3 days ", n), None),
    "thousands of deadlines": lambda n: (_repeat("by Friday, December 4 at 5pm ", n), None),
    "prose": lambda n: (
        _repeat("Your refund will arrive in 5 business days. We can't change the name. ", n),
        None,
    ),
    "a customer message of questions": lambda n: (
        "Thanks for your message.", _repeat("Can I cancel my booking? ", n)
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("make", list(INPUTS.values()), ids=list(INPUTS))
def test_time_grows_in_proportion_to_the_input(
    make: Callable[[int], tuple[str, str | None]],
) -> None:
    """8x the text costs at most 16x the time (8x is linear; quadratic work would be 64x)."""
    _within(lambda: _best(make, SMALL), lambda: _best(make, SMALL * GROWTH), BOUND)


@pytest.mark.slow
@pytest.mark.parametrize(
    "piece",
    ["we refund in 2 days and ", "we refund in 2 days "],
    ids=["in clauses joined by and", "in one clause"],
)
def test_times_beside_terms_in_one_sentence_grow_in_proportion(piece: str) -> None:
    """8x a sentence of times, each beside a term, costs at most 16x the time.

    Each time was weighed against every other time, term and clause of its sentence (is it a
    step on the way, does another clause take it, does a clause before it commit): 100 KB of
    "we refund in 2 days and ", with no full stop, took about 6 s, and of "we refund in 2
    days " about 10 s. At twice the usual sizes the quadratic work shows plainly (26x for 8x
    the text); at the usual sizes it was 18x.
    """
    def make(size: int) -> tuple[str, None]:
        return _repeat(piece, size), None

    _within(lambda: _best(make, 2 * SMALL), lambda: _best(make, 2 * SMALL * GROWTH), BOUND)


@pytest.mark.slow
@pytest.mark.parametrize(
    "piece",
    ["a 20% discount and ", "a 20% discount "],
    ids=["in clauses joined by and", "in one clause"],
)
def test_amounts_beside_terms_in_one_sentence_grow_in_proportion(piece: str) -> None:
    """8x a sentence of amounts, each beside a term, costs at most 16x the time.

    Each amount was weighed against the amounts between it and every term near it, and read
    back to the sentence's start for the term it is "of": 100 KB of "a 20% discount and ",
    with no full stop, took about 150 s; 8x the text took about 80x the time.
    """
    def make(size: int) -> tuple[str, None]:
        return _repeat(piece, size), None

    _within(lambda: _best(make, SMALL), lambda: _best(make, SMALL * GROWTH), BOUND)


def _match_time(wildcards: int) -> float:
    term = " * ".join(["a"] * wildcards) + " * b"  # never matches: every way is tried
    matcher = TermMatcher.compile([("clause", term)])
    tokens = tokenize("a " * 200)
    return _best_of_runs(lambda: matcher.find(tokens))


@pytest.mark.slow
def test_wildcard_matching_grows_in_proportion_to_the_wildcards() -> None:
    """8x the wildcards cost at most 16x the time: each (piece, word) pair is tried once.

    Trying every way a term's wildcards could stretch was exponential (four ways a wildcard):
    a term of 10 wildcards took about 40 s against 200 words.
    """
    _within(lambda: _match_time(5), lambda: _match_time(5 * GROWTH), BOUND)


def _clauses_time(clauses: int) -> float:
    # Every term opens with "refund": a sentence of refunds tries them all at each one.
    matcher = TermMatcher.compile((f"c{i}", f"refund * zq{i} * plan") for i in range(clauses))
    tokens = tokenize("we will refund the money to your card today " * 50)
    return _best_of_runs(lambda: matcher.find(tokens))


@pytest.mark.slow
def test_terms_that_share_a_first_word_cost_what_one_term_costs() -> None:
    """5,000 terms opening with one word match as fast as 50, give or take 4x.

    Each term was tried on its own at every word it could start at: 5,000 clauses whose
    terms opened with "refund" took about a second on a 10 KB reply.
    """
    _within(lambda: _clauses_time(50), lambda: _clauses_time(5_000), 4)


@pytest.mark.slow
def test_an_echo_question_is_read_in_proportion_to_the_sentence() -> None:
    """Hyphenated words before a '?' are read once: the echo reading gives nothing back.

    Words and the gaps between them once shared hyphens and apostrophes, so 'a-a-a-… b c d e f
    g?' was split every way before failing: 32 s at 100 characters.
    """
    def sentence(size: int) -> str:
        return _repeat("a-", size) + " b c d e f g?"

    _within(
        lambda: _best_of_runs(lambda: echoes(sentence(SMALL))),
        lambda: _best_of_runs(lambda: echoes(sentence(SMALL * GROWTH))),
        BOUND,
    )
