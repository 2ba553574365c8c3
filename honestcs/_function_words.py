"""Function words: the closed-class words a language cannot write a sentence without.

Articles, pronouns, prepositions, conjunctions and auxiliaries make up a large
share of the running words of any prose (in English, the twenty commonest words
are all function words and cover about a third of a text), whatever it is about.
Which of them a text uses says which language it is in, and says it cheaply: no
model and no dictionary of content words. :mod:`honestcs._language` reads these
lists to tell an English reply from one in another language.

Sources: the closed classes of English grammar (Huddleston & Pullum, *The
Cambridge Grammar of the English Language*, 2002, ch. 5, 7, 17), and the
articles, pronouns, prepositions, conjunctions and commonest auxiliaries of the
six other languages most often written in Latin script in customer service
(Spanish, French, German, Italian, Portuguese, Dutch), from their standard
grammars. A word that is also an ordinary English word ("a", "no", "me", "in",
"an", "so", "was", "will", "also", "on", "as", "do", "per", "hat", "bin", "come"),
or that English replies write as an abbreviation or a common noun ("al", "mi", "mon",
"est", "aux", "aus", "nos", "van", "met", "pour", "par", "um", "em", "ya"), is left
out of the other languages' list, so English text never counts against itself; the
words left in are ones an English reply uses only in a foreign name or quotation.
"""

from __future__ import annotations

from typing import Final

__all__ = ["ENGLISH", "ENGLISH_CLITICS", "OTHER", "OTHER_ELISIONS"]

# English articles, determiners, pronouns, auxiliaries and modals, conjunctions,
# prepositions, wh-words, and the politeness words every reply is made of (CGEL).
def _words(text: str) -> frozenset[str]:
    """The words of a list written one line per class, separated by white space."""
    return frozenset(text.split())


ENGLISH: Final = _words(
    """
    the a an this that these those
    i me my mine we us our ours you your yours he him his she her hers
    it its they them their theirs
    is are was were be been being am do does did have has had having
    will would shall should can could may might must
    and or but if because as than so not no nor
    to of in on at by for with from about into over after before until up out off
    what which who whom whose when where why how
    there here all any some each every more most other such only just also very
    please thank thanks sorry yes ok okay hi hello
    """
)

# English clitics after an apostrophe: "can't", "I'm", "we're", "you'll", "I've", "I'd",
# "it's", "customer's". A word ending in one of these is English grammar, whatever its stem.
ENGLISH_CLITICS: Final = ("n't", "'m", "'re", "'ll", "'ve", "'d", "'s")

# Function words, greetings and thanks of Spanish, French, German, Italian, Portuguese
# and Dutch (each language's standard grammar), minus every word that is also English.
OTHER: Final = (
    _words(
        """
        el la los las un una unos unas del que y en por para con sin su sus es está están
        lo le les se tu usted ustedes pero muy más este esta esto ese esa fue ser
        puede podemos nuestro nuestra también como cuando donde porque sí hay hola gracias
        une des du de et sont dans avec sur pas ne vous votre vos nous notre
        je il elle ils qui ce cette ces mais ou très au été être avoir peut pouvez leur
        sa ses ma mes bonjour merci
        der die das den dem des ein eine einen einem einer und ist sind nicht mit für auf zu
        von bei nach sie wir ich du ihr ihre ihren ihnen uns unser unsere wie wenn oder
        aber auch noch nur sehr können kann wird werden haben sein dein deinem deine dieser
        diese diesem dass bitte danke hallo
        gli della di che è non sono alla nel questo questa siamo suo sua vostro ciao grazie
        uma da dos das não é seu você mas pelo pela obrigado obrigada olá
        het een ik je jij wij niet voor zijn dat maar ook bedankt
        """
    )
    - ENGLISH
)

# Elided articles and pronouns before an apostrophe in French and Italian: "l'article",
# "d'un", "j'ai", "qu'il", "c'est", "n'est", "s'il", "m'a", "t'a", "dell'ordine".
OTHER_ELISIONS: Final = ("l'", "d'", "j'", "qu'", "c'", "n'", "s'", "m'", "t'", "dell'")
