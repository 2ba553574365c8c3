"""The WordNet tables: keyed by the stemmer the rules use, and rebuilt exactly."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from honestcs.text.lexicon import is_a_kind_of, senses_of
from honestcs.text.terms import stem

ROOT = Path(__file__).resolve().parent.parent
WORDNET = Path("/usr/share/wordnet")


@pytest.mark.parametrize(
    ("one", "other"),
    [("bicycle", "bike"), ("invoice", "bill"), ("parcel", "package"), ("pushchair", "stroller"),
     ("doctor", "physician"), ("holiday", "vacation"), ("rent", "rental"),
     ("install", "installation"), ("luggage", "baggage"), ("price", "cost")],
)  # fmt: skip
def test_words_for_one_thing_share_a_sense(one: str, other: str) -> None:
    assert senses_of(stem(one)) & senses_of(stem(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [("refund", "delivery"), ("dog", "cat"), ("invoice", "parcel"), ("car", "bicycle"),
     ("doctor", "nurse"), ("price", "discount")],
)  # fmt: skip
def test_words_for_different_things_share_none(one: str, other: str) -> None:
    assert not senses_of(stem(one)) & senses_of(stem(other))


def test_unknown_words_have_no_senses() -> None:
    assert senses_of("qwertyuiop") == frozenset()
    assert not is_a_kind_of("qwertyuiop", stem("toy"))


@pytest.mark.parametrize(
    ("specific", "general"),
    [("doll", "toy"), ("car", "vehicle"), ("truck", "vehicle"), ("kayak", "boat"),
     ("puppy", "dog"), ("beer", "drink"), ("coffee", "beverage")],
)  # fmt: skip
def test_a_kind_of_a_thing(specific: str, general: str) -> None:
    assert is_a_kind_of(stem(specific), stem(general))
    assert not is_a_kind_of(stem(general), stem(specific))


@pytest.mark.parametrize(
    ("one", "other"),
    [("toy", "toy"), ("car", "toy"), ("shirt", "item"), ("receipt", "toy"), ("guest", "child")],
)
def test_not_a_kind_of(one: str, other: str) -> None:
    assert not is_a_kind_of(stem(one), stem(other))


def test_the_licence_travels_with_the_table() -> None:
    licence = (ROOT / "honestcs" / "text" / "WORDNET-LICENSE").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licence


@pytest.mark.skipif(not (WORDNET / "index.noun").is_file(), reason="WordNet is not installed")
def test_the_table_is_what_the_build_script_makes_of_wordnet() -> None:
    # A changed stemmer or a hand edit shows up here on any machine with WordNet installed.
    script = ROOT / "scripts" / "build_synonyms.py"
    spec = importlib.util.spec_from_file_location("build_synonyms", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = ROOT / "honestcs" / "text"
    assert module.build(WORDNET) == (text / "synonyms.tsv").read_text(encoding="utf-8")
    assert module.build_kinds(WORDNET) == (text / "kinds.tsv").read_text(encoding="utf-8")


def test_a_word_read_as_a_verb_shares_only_its_verb_senses() -> None:
    # "finished orders": done, not a coat of paint (the noun "finish").
    assert senses_of(stem("finish")) & senses_of(stem("coat"))
    assert not senses_of(stem("finish"), verb=True) & senses_of(stem("coat"))
    assert senses_of(stem("rent"), verb=True)
