"""How long the first stage of reading a reply takes: normalise, then split.

Run: python benchmarks/bench_text.py
"""

from __future__ import annotations

import timeit

from honestcs.text import normalise, split_sentences

ASCII_REPLY = (
    "Thanks for reaching out, Mr. Lee! I've checked order #W48213 and the refund of $121.50 "
    "has been approved. It usually takes 5-10 business days to reach your card, and you'll "
    "get an e-mail from help@shop.example.com once it's done. Is there anything else I can "
    "help with today?"
)
# The same reply as it often arrives: curly quotes, a no-break space, a zero-width
# space inside a word and a Cyrillic look-alike letter.
UNICODE_REPLY = (
    ASCII_REPLY.replace("'", "\u2019")
    .replace("$121.50", "$121.50\u00a0USD")
    .replace("refund", "re\u200bfund")
    .replace("approved", "appr\u043eved")
)


def read(reply: str) -> int:
    return len(split_sentences(normalise(reply).text))


def per_call_us(reply: str, number: int = 20_000) -> float:
    best = min(timeit.repeat(lambda: read(reply), number=number, repeat=5))
    return best / number * 1e6


def main() -> None:
    for name, reply in (("ASCII", ASCII_REPLY), ("non-ASCII", UNICODE_REPLY)):
        sentences = read(reply)
        norm = min(timeit.repeat(lambda r=reply: normalise(r), number=20_000, repeat=5))
        print(
            f"{name:>9}: {len(reply)} chars, {sentences} sentences: "
            f"{per_call_us(reply):6.1f} us per normalise+split "
            f"(normalise alone {norm / 20_000 * 1e6:5.1f} us)"
        )


if __name__ == "__main__":
    main()
