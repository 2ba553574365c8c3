r"""Text for a terminal: control characters escaped, so that no reply can drive the terminal.

What the text format shows comes from outside: a reply, a customer's message, a
customer id or a reason stored in the ledger, a term in a policy file. An escape
sequence in any of them (``ESC [ 2 J`` clears the screen, ``ESC ] 8`` makes a link,
others set the window title or, on some terminals, answer back as if typed), a
carriage return that moves back over what was printed, or a bidirectional override
that shows text in another order than it is read (CVE-2021-42574), would act on the
terminal of whoever reads the output. Every text renderer passes what it shows
through :func:`terminal_safe`, which writes each such character as its escape,
``\x1b`` or ``\u202e``, and leaves everything else, newlines and tabs included, as
it is. The JSON formats keep the text exactly, offsets and all: they are for
programs, and JSON escapes control characters itself.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["terminal_safe"]

# C0 controls but tab and newline, DEL, C1 controls (CSI is U+009B on some terminals),
# the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
# and halves of surrogate pairs, which are not text and cannot be written out.
_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    r"""``text`` with every character that could drive a terminal written as its escape.

    >>> terminal_safe("Refund \x1b[2Jdone\r\n\tnext")
    'Refund \\x1b[2Jdone\\x0d\n\tnext'
    """
    return _UNSAFE.sub(_escape, text)
