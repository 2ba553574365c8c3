"""Reading a reply: normalised text with a map back to the original, and its sentences.

Everything after this stage reads :attr:`NormalisedText.text` and reports spans
of it; :meth:`NormalisedText.to_original` turns them back into spans of the
reply exactly as it was written.
"""

from __future__ import annotations

from honestcs.text.normalise import NormalisedText, normalise
from honestcs.text.sentences import Sentence, split_sentences

__all__ = ["NormalisedText", "Sentence", "normalise", "split_sentences"]
