#!/usr/bin/env python3
"""Build ``honestcs/text/synonyms.tsv`` and ``honestcs/text/kinds.tsv`` from WordNet 3.0.

usage: build_synonyms.py [WORDNET_DICT_DIR]

WORDNET_DICT_DIR holds WordNet's ``index.noun``, ``index.verb``, ``data.noun`` and
``data.verb`` (Debian's and Ubuntu's ``wordnet-base`` package puts them in
``/usr/share/wordnet``, the default; Princeton's download has them in ``dict/``).

The table links words that name the same thing in their everyday senses, so that a reply
saying "bike" is read as about a question that said "bicycle". For each single-word noun
and verb lemma it keeps the lemma's first two senses (WordNet orders senses by how often
they were seen in its tagged texts), and a third one when that was seen too; rarer senses
would link ordinary words through meanings nobody uses in customer service. A sense that
only one word keeps links nothing and is dropped. Words are keyed by honestcs's own stem
(``honestcs.text.terms.stem``), the form the rules compare, so rebuild the table whenever
the stemmer changes (a test checks a sample of pairs).

Output: one line per stem, ``stem<TAB>sense sense ...``, senses numbered from 0 in order
of first use, with a ``v`` before a sense of a verb; sorted, so that a rebuild gives the
same file. A word written with "-ed" or "-ing" is read in its verb senses only: "finished
orders" are orders done, not a coat of paint (the noun "finish").

The second table says what kind of thing a noun names, so that "6 dolls" is read as a
count of toys and "three cars" as a count of vehicles. Each line is
``stem<TAB>senses<TAB>kinds``: the senses a policy may mean by the noun (its first three),
and the more general senses its everyday (first) sense belongs to, up to four steps up
WordNet's hypernym links ("car" is a motor vehicle, a self-propelled vehicle, a wheeled
vehicle, a vehicle). Only senses that are both a noun's sense and another noun's kind are
kept. WordNet's licence, which must
travel with the data, is in ``honestcs/text/WORDNET-LICENSE``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from honestcs.text.terms import stem

# How many of a lemma's senses count as everyday, and one more when WordNet's tagged
# texts used it.
_SENSES = 2
_TAGGED_EXTRA = 3
_TEXT = Path(__file__).resolve().parent.parent / "honestcs" / "text"
_OUT = _TEXT / "synonyms.tsv"
_KINDS_OUT = _TEXT / "kinds.tsv"
# How many senses of a counted noun a policy may mean, and how far up a kind goes.
_COUNTED_SENSES = 3
_KIND_STEPS = 4


def _everyday_senses(index_file: Path, pos: str) -> dict[str, list[str]]:
    """Each single-word lemma's everyday senses, as ``pos + synset offset``."""
    senses: dict[str, list[str]] = {}
    for line in index_file.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence at the top of every file
        fields = line.split()
        lemma = fields[0]
        if not lemma.replace("-", "").isalpha() or not lemma.islower() or len(lemma) < 3:
            continue  # collocations, numerals, abbreviations and names
        synset_count = int(fields[2])
        pointer_count = int(fields[3])
        tagged = int(fields[5 + pointer_count])
        offsets = fields[6 + pointer_count : 6 + pointer_count + synset_count]
        keep = _TAGGED_EXTRA if tagged >= _TAGGED_EXTRA else _SENSES
        senses[lemma] = [pos + offset for offset in offsets[:keep]]
    return senses


def build(wordnet_dir: Path) -> str:
    """The table's text, built from the WordNet files in ``wordnet_dir``."""
    by_stem: dict[str, set[str]] = defaultdict(set)
    for pos, name in (("n", "index.noun"), ("v", "index.verb")):
        for lemma, senses in _everyday_senses(wordnet_dir / name, pos).items():
            by_stem[stem(lemma)].update(senses)
    sharing: dict[str, set[str]] = defaultdict(set)
    for word, senses in by_stem.items():
        for sense in senses:
            sharing[sense].add(word)
    numbers: dict[str, int] = {}
    lines = []
    for word in sorted(by_stem):
        linked = sorted(s for s in by_stem[word] if len(sharing[s]) > 1)
        if not linked:
            continue
        ids = sorted((numbers.setdefault(s, len(numbers)), s[0]) for s in linked)
        lines.append(f"{word}\t{' '.join(('v' if pos == 'v' else '') + str(i) for i, pos in ids)}")
    return "\n".join(lines) + "\n"


def _hypernyms(data_file: Path) -> dict[str, list[str]]:
    """Each noun synset's direct hypernyms (WordNet's ``@`` pointers), by offset."""
    links: dict[str, list[str]] = {}
    for line in data_file.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        word_count = int(fields[3], 16)
        at = 4 + 2 * word_count
        pointer_count = int(fields[at])
        pointers = fields[at + 1 : at + 1 + 4 * pointer_count]
        links[fields[0]] = [
            pointers[i + 1] for i in range(0, len(pointers), 4) if pointers[i] == "@"
        ]
    return links


def build_kinds(wordnet_dir: Path) -> str:
    """The kinds table's text, built from the WordNet files in ``wordnet_dir``."""
    hypernyms = _hypernyms(wordnet_dir / "data.noun")
    senses: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for line in (wordnet_dir / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma = fields[0]
        if not lemma.replace("-", "").isalpha() or not lemma.islower() or len(lemma) < 3:
            continue
        offsets = fields[6 + int(fields[3]) : 6 + int(fields[3]) + int(fields[2])]
        word = stem(lemma)
        senses[word].update(offsets[:_COUNTED_SENSES])
        level = [offsets[0]]
        for _ in range(_KIND_STEPS):
            level = [up for synset in level for up in hypernyms.get(synset, [])]
            kinds[word].update(level)
    named = set().union(*senses.values()) & set().union(*kinds.values())
    numbers: dict[str, int] = {}
    lines = []
    for word in sorted(senses):
        own = sorted(s for s in senses[word] if s in named)
        up = sorted(s for s in kinds[word] if s in named)
        if not own and not up:
            continue
        own_ids = sorted(numbers.setdefault(s, len(numbers)) for s in own)
        up_ids = sorted(numbers.setdefault(s, len(numbers)) for s in up)
        lines.append(
            f"{word}\t{' '.join(map(str, own_ids))}\t{' '.join(map(str, up_ids))}"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write the table; exit 2 when the WordNet files are not where they were looked for."""
    wordnet_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/wordnet")
    if not (wordnet_dir / "index.noun").is_file():
        print(f"no WordNet index.noun in {wordnet_dir}", file=sys.stderr)
        return 2
    _OUT.write_text(build(wordnet_dir), encoding="utf-8")
    _KINDS_OUT.write_text(build_kinds(wordnet_dir), encoding="utf-8")
    print(f"wrote {_OUT} and {_KINDS_OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
