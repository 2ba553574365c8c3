"""Quantities a reply mentions: durations, deadlines, amounts and relative times.

Everything is found on the normalised text of a whole reply in one pass per
pattern; offsets are into the normalised text. Deadlines are resolved
against ``now`` and the policy calendar:

* "today", "tonight", "end of day" end at the end of today;
* "tomorrow" ends at the end of tomorrow ("tomorrow morning" at noon);
* "by Friday", "by December 10" end at the end of that day, and a clock
  time in the same phrase ("Saturday 5 December between 8am and 1pm",
  "tomorrow before noon") ends it at that time instead (the later one);
* "next week" ends at the end of the last workday of next week;
* "right away", "immediately", "instantly" mean now;
* "within the hour" is one hour.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Literal, TypeAlias
from zoneinfo import ZoneInfo

import attrs
import regex

from honestcs._function_words import ENGLISH
from honestcs._grammar import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIGITS,
    HUNDREDS,
    NUMBER,
    NUMBER_WORDS,
    RANGE_SEP,
    TIME_UNIT,
    WORD_NUMBER,
    compile_verbose,
    ends_just_before,
    match_at,
    number_value,
)
from honestcs.calendar import BusinessCalendar
from honestcs.quantities import (
    CHILDREN,
    PEOPLE,
    Count,
    Duration,
    Money,
    Percent,
    TimeUnit,
    singular,
    unit_factor,
)
from honestcs.text.lexicon import (
    AFTER_AN_AMOUNT,
    GENERIC_COUNT_NOUNS,
    NOT_PAST_IN_ED,
    PAST_AND_PARTICIPLE_VERBS,
    PAST_ONLY_VERBS,
    PERSONAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    PRICE_NOUNS,
    SPECIFIC_DETERMINERS,
    TIME_TAKEN_NOUNS,
    UNIVERSAL_QUANTIFIERS,
    alternation,
    is_a_kind_of,
)
from honestcs.text.terms import Token, stem, tokenize

__all__ = [
    "AmountMention",
    "DeadlineMention",
    "DurationMention",
    "DurationRole",
    "Mention",
    "RelativeMention",
    "find_mentions",
    "is_a_floor",
    "is_a_threshold",
    "is_acted_on",
    "is_excepted",
    "is_how_far_off",
    "is_notice_given",
    "is_taken_off",
    "is_well_before",
    "means_currently",
    "speaks_of_notice",
    "starts_from",
    "with_preposition",
]

DurationRole = Literal[
    "within",
    "takes",
    "window",
    "compound",
    "bare",
    "for",
    "rate",
    "per",
    "ago",
    "before",
    "notice",
    "compare",
    "extra",
    "age",
    "measure",
    "left",
]
"""How a duration is used in its sentence.

``within``: the time in which something happens ("within 3 days", "in 5 minutes").
``takes``: the object of take ("refunds take 5-7 business days").
``window``: a window the customer has ("you have 30 days to", "the first 30 days").
``compound``: an adjective before a noun ("a 14-day window", "2-day delivery").
``bare``: no preposition ("the window is 60 days").
``for``: a length of something else ("renew for 12 months").
``rate``: an allowance per period ("up to 12 weeks a year").
``per``: the period of a rate ("a year" in "12 weeks a year"), or of a repeat ("every 6
months").
``ago``: the past ("10 days ago").
``before``: a lead time ("up to 24 hours before arrival").
``notice``: the notice an act needs ("2 weeks' notice", "10 days' notice for cakes"): how long
it takes from asking, never a window.
``compare``: a measure of something against a threshold ("flights longer than 4 hours"), or
how far off one thing is ("today's lesson is only a few hours away").
``extra``: time added to another ("allow an extra day", "an additional 2 business days"): no
time frame of its own.
``age``: how old the customer's case is, measured against a limit ("three weeks is well within
the 30-day window", "six weeks puts you outside it"): the case, not a window or a time.
``measure``: a measure genitive of money, the size of the sum after it ("one week's rent",
"two weeks' pay", "a day's rental fee"): an amount, no time of anything.
``left``: what remains of a window in the customer's case ("you still have two weeks to use
them", "10 days left on your trial", "the remaining 3 days"): the window less the time gone
by, which the sentence need not say, so no window of its own.
"""


@attrs.frozen
class DurationMention:
    """A length of time in a reply.

    Attributes:
        start: Offset of its first character (normalised text).
        end: Offset just past it.
        duration: The duration.
        role: How the sentence uses it.
        noun: For a compound ("four-hour window"), the noun it describes.
        from_event: Whether it counts from an event ("within 30 days *of joining*"),
            which makes it a window rather than the time an act takes.
        permits: Whether it is what is allowed ("only possible within 24 hours").
        at_event: Whether it is the day of an event named after it ("the same day *they
            arrive*", "the same day *as the visit*"), which may come later than now.
        vague: Whether its number is no number ("several days"): ``duration`` spans what it
            may mean, and a time is false only if even its longest reading is too short
            for the shortest time the policy gives.
    """

    start: int
    end: int
    duration: Duration
    role: DurationRole
    noun: str | None = None
    from_event: bool = False
    permits: bool = False
    at_event: bool = False
    vague: bool = False


@attrs.frozen
class DeadlineMention:
    """A point in time by which something happens ("by Friday", "tomorrow").

    Attributes:
        start: Offset of its first character (normalised text).
        end: Offset just past it.
        due: The instant it ends, in the calendar's time zone.
        instant: True for "right away", "immediately": the due time is now.
        gone: True for a day named as the day of something already done ("your refund was
            processed on Monday"): ``due`` is then the next such day, and no deadline.
        until: True for the end of a span that runs from now ("I'll hold it *until* next
            Friday", "you'll have *until* 31 January"): a window's end, as much as a time.
    """

    start: int
    end: int
    due: datetime
    instant: bool = False
    gone: bool = False
    until: bool = False


@attrs.frozen
class RelativeMention:
    """A time tied to an event ("once it's back with us", "the day before").

    Attributes:
        start: Offset of its first character (normalised text).
        end: Offset just past it.
    """

    start: int
    end: int


@attrs.frozen
class AmountMention:
    """An amount of money, a percentage or a count in a reply.

    Attributes:
        start: Offset of its first character (normalised text).
        end: Offset just past it.
        value: The amount.
        rule_like: Whether it is stated as a limit ("up to 4 pets", "only one device").
        free: Whether it was written as "free", "no charge" and the like (a zero price).
        aggregate: Whether it is a sum, total, balance, price or amount paid ("your total is
            $1,172", "= $583"): such an amount is a clause's figure only when the sentence
            names the clause's own act with it.
        entitled: Whether it is what a kind of customer gets ("members get 4 guest
            passes"): wrong when more than the policy allows.
        held: Whether it counts what one thing has ("the reservation has only one
            passenger", "two bookings with one passenger"): a fact about that thing, no limit.
        waived: Whether it is a charge the agent lets go ("I've waived the call-out fee",
            "I won't charge you for it"): free, unless the policy says it can't be waived.
    """

    start: int
    end: int
    value: Money | Percent | Count
    rule_like: bool = False
    free: bool = False
    aggregate: bool = False
    held: bool = False
    entitled: bool = False
    waived: bool = False


Mention: TypeAlias = DurationMention | DeadlineMention | RelativeMention | AmountMention

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# A weekday name, full or short: "Friday", "Fri".
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:mon|tues?|wed|thur?s?|fri|sat|sun)\b(?:\.(?=\s*\w))?)"
)
# A month name, full or short: "December", "Dec".
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:\.(?=\s*\d))?"
)
# A day of the month: "10", "10th", "1st".
MONTH_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
# A clock time: "5pm", "5:30 p.m.", "17:00", "noon", "midnight".
# An hour of the clock in digits or words: "5", "five".
HOUR = r"(?:1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
CLOCK = rf"""(?:
    (?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:a\.m\.|p\.m\.|am|pm|a\.m|p\.m)(?!\w))?
  | (?:1[0-2]|0?[1-9])\s*(?:a\.m\.|p\.m\.|am|pm|a\.m|p\.m)(?!\w)
  | (?:half|quarter)\s+past\s+{HOUR} | quarter\s+to\s+{HOUR} | half\s+{HOUR} | {HOUR}\s+o'clock
  | noon | midday | midnight
)"""
# A date by its day of the month alone, as an ordinal: "the 28th".
ORDINAL_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
# Public days a customer names as dates.
NAMED_DAY = r"(?:christmas(?:\s+day|\s+eve)?|boxing\s+day|new\s+year(?:'s)?(?:\s+(?:day|eve))?)\b"
# A calendar date: "December 10", "Dec 10th", "10 December", "the 10th of December", "2026-12-10".
CALENDAR_DATE = rf"""(?:
    (?:{WEEKDAY},?\s+)?(?:the\s+)?{MONTH_DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+\d{{4}})?
  | (?:{WEEKDAY},?\s+)?{MONTH}\s+(?:the\s+)?{MONTH_DAY}(?:,?\s+\d{{4}})?
  | \d{{4}}-\d{{2}}-\d{{2}}
)"""

# A time zone's abbreviation after a clock time ("9am EST"), with its offset from UTC. "ET",
# "CT"… follow daylight saving, so they are read in their region's zone. Ambiguous ones (IST:
# India or Ireland) are left out.
_ZONES: dict[str, timezone | ZoneInfo] = {
    "est": timezone(timedelta(hours=-5)), "edt": timezone(timedelta(hours=-4)),
    "cst": timezone(timedelta(hours=-6)), "cdt": timezone(timedelta(hours=-5)),
    "mst": timezone(timedelta(hours=-7)), "mdt": timezone(timedelta(hours=-6)),
    "pst": timezone(timedelta(hours=-8)), "pdt": timezone(timedelta(hours=-7)),
    "et": ZoneInfo("America/New_York"), "ct": ZoneInfo("America/Chicago"),
    "mt": ZoneInfo("America/Denver"), "pt": ZoneInfo("America/Los_Angeles"),
    "gmt": UTC, "utc": UTC, "bst": timezone(timedelta(hours=1)),
    "cet": timezone(timedelta(hours=1)), "cest": timezone(timedelta(hours=2)),
    "aest": timezone(timedelta(hours=10)), "aedt": timezone(timedelta(hours=11)),
}  # fmt: skip
ZONE = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|GMT|UTC|BST|CET|CEST|AEST|AEDT)\b"

_DEADLINE = compile_verbose(
    rf"""
    # "At once" is "now", but "for everyone at once" is "together".
    (?P<instant>\b(?:right\s+away
      # "Right now the wait is 5 days", "…; right now, we're fully booked": opening its clause
      # before a subject, "right now" means "currently", no time for an act.
      |(?!(?<=(?:^|[,;:.!?(\u2014\u2013]|\band|\bbut|\bso)\s*)right\s+now\s*,?\s*
          (?:the|our|your|my|we|it|there|they|i|this|that|you)\b)right\s+now
      |immediately|instantly|straight\s+away
      |(?<!\b(?:all|everyone|everybody|both|together|several|many|them|us)\s+)at\s+once)\b)
  | (?P<hour>\b(?:within|in)\s+(?:the\s+)?(?:next\s+)?hour\b)
  | (?P<eod>\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|to)?day\b|\bEOD\b|\bclose\s+of\s+business\b)
  | (?P<eow>\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:this|the)\s+week\b|\blater\s+this\s+week\b
      |\b(?:by|before)\s+(?:the|this)\s+weekend\b
      # "someone out this week": by the week's end, as "next week" is by the next one's.
      |\b(?:sometime\s+|during\s+)?this\s+week\b)
  | (?P<nextweek>\b(?:by\s+|during\s+|sometime\s+)?next\s+week\b)
  # "by the end of the month", "until the end of February": the last day of that month.
  | (?P<eom>\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:(?P<eom_next>next)\s+month|(?:the|this)\s+month
      |(?P<eom_month>{MONTH})(?!\s*\d))\b)
  | (?P<before>\bbefore\s+)?(?P<day>
        \b(?:today|tonight|this\s+(?:morning|afternoon|evening)|later\s+today)\b
      | \bfirst\s+thing\s+(?:tomorrow|(?:on\s+)?{WEEKDAY})
      | \b{WEEKDAY}\s+(?:of\s+)?next\s+week | \bnext\s+week\s+(?:on\s+)?{WEEKDAY}
      | \b{NAMED_DAY}
      | \b{WEEKDAY},?\s+(?:the\s+)?{MONTH_DAY}(?!\s*(?:of\s+)?{MONTH})
      | (?<=\b(?:by|on|before|until|till|for)\s+)the\s+{ORDINAL_DAY}(?!\s*(?:of\s+)?{MONTH})
      | (?<=\b(?:by|on|before|until|till|due)\s+)(?:[12]\d|3[01]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])
          (?:/(?:\d{{4}}|\d{{2}}))?(?![\d/])
      | (?P<schedule>\b{WEEKDAY}\s*(?:-|\u2013|to|through|thru|till|until)\s*{WEEKDAY})
      | \b(?:the\s+)?day\s+after\s+tomorrow\b
      | \btomorrow(?:\s+(?P<part>morning|afternoon|evening|night))?\b
      # Not "a Saturday appointment", "every Friday" or "a busy Friday night": a kind of day,
      # or each of them.
      | (?<!\b(?:a|an|any|every|each)\s+(?:(?:other|busy|quiet|typical|normal|usual|given
        |particular|single|random|average|regular|sunny|rainy|late|early|long)\s+)?)
        \b(?:(?:this|next|following)\s+)?{WEEKDAY}(?!,?\s+{MONTH_DAY}\s+{MONTH})(?!,?\s+{MONTH})
      | \b{CALENDAR_DATE}
    )
    (?P<clocks>(?:\s*,?\s*(?:(?:at|by|before|until|between|from|and|or|-|\u2013|to)\s+|[-\u2013]\s*)?{CLOCK})*)
  | (?P<hourday>\b(?:by|before|until|till|at)\s+(?P<bh>{HOUR})\s+
        (?P<bpart>this\s+(?:morning|afternoon|evening)|tonight|today|tomorrow(?:\s+(?:morning|afternoon|evening))?))
  | (?P<clockonly>\b(?:by|before|until|till)\s+{CLOCK}(?:\s+(?P<zone>{ZONE}))?
        (?:,?\s+(?P<clockday>today|tonight|tomorrow|(?:on\s+)?{CALENDAR_DATE}
          |on\s+{WEEKDAY}(?:,?\s+the\s+{ORDINAL_DAY})?))?)
    """
)

_CLOCK_ONLY = compile_verbose(CLOCK)

# The agent letting a charge go: "I've waived the £15 call-out fee", "I'll waive the setup fee",
# "I won't charge you for it". Not half of it, and not a rule said of everyone ("it's waived
# if you go ahead with the repair").
_WAIVE_HINT = regex.compile(r"(?i)waiv|charge")
_WAIVED = compile_verbose(
    r"""\b(?:i|we)
        (?:(?:'ve|'ll|\s+will|\s+have|\s+can|'d|\s+would)\s+
            (?:just\s+|also\s+|happily\s+|(?:gone|go)\s+ahead\s+and\s+)?(?P<act>waive[d]?)
          |(?:'m|\s+am|'re|\s+are)\s+(?:just\s+|happily\s+)?(?P<act>waiving)
          # The present ("we waive it if you go ahead") states a rule, not a waiver.
          |\s+(?:just\s+|also\s+|(?:went)\s+ahead\s+and\s+)?(?P<act>waived)
          |\s+(?P<act>won't\s+charge|will\s+not\s+charge)
          |(?:'m|\s+am|'re|\s+are)\s+(?P<act>not\s+charging)
          # "I've booked the courier and waived the fee": the subject said once.
          |(?:'ve|\s+have)\s+[^.!?;]{0,60}?\band\s+(?:also\s+)?(?P<act>waived))
        \b(?!\s+(?:you\s+)?(?:half|part|some|a\s+portion|any\s+more|more|extra|twice|double))"""
)

# What may stand between "free" and a day it is free on: "free on Friday", "free tomorrow".
_ON_A_DAY = regex.compile(r"(?i)\s+(?:on\s+|for\s+|that\s+|this\s+)?")
# "Free" for now is free to use, not of charge: "locker 22 is free at the moment", "Bay 5 is
# free right now", "we've got a bay free now".
_FOR_NOW = regex.compile(
    r"(?i)\s+(?:(?:right\s+|just\s+)?now|at\s+the\s+moment|at\s+present|currently|as\s+we\s+speak)\b"
)

# ...and so is "free" after the thing the business has: "we've got lockers free", "we have two
# tables free", "I've got a slot free" (not "you've got two sessions free", at no charge).
_HELD_FREE = regex.compile(
    r"(?i)\b(?:we|i)(?:'ve|\s+have)?\s+(?:got|have)\s+"
    r"(?:(?:a|an|some|any|one|two|three|four|five|six|\d+|a\s+few"
    r"|plenty\s+of|lots\s+of)\s+)?[a-z][\w-]*\s+$"
)
# How far back the thing held is looked for.
_HELD_REACH = 40

_HALF_OFF = compile_verbose(r"\bhalf[\s-]+(?:off|price)\b")
_FREE = compile_verbose(
    # A compound in "-free" is free of what its first word names: "fee-free", "postage-free"
    # cost nothing, "stress-free", "gluten-free", "hands-free" say nothing of a price.
    r"\b(?:(?:(?<=\b(?:fee|fees|charge|charges|cost|commission|interest|tax|duty|vat|rent|postage"
    r"|delivery|shipping)-)|(?<!-))free"
    # The first word of a compound names a kind, no price: "free-range", "free-standing",
    # "free-flowing" (but "free-of-charge" is free).
    r"(?!-(?!of\b)[a-z])"
    # "Free from the 14 major allergens", "free of side effects", "free from 3pm": without
    # it, or available; no price (but "free of charge", "free of our service charge").
    r"(?:\s+of\s+charge|(?!\s+(?:from|of)\s+(?!(?:[\w']+\s+){0,2}(?:charges?|costs?|fees?)\b)))"
    r"|no\s+(?:extra\s+|additional\s+)?(?:charge|cost|fee)"
    r"|at\s+no\s+(?:extra\s+|additional\s+)?cost|complimentary|for\s+nothing)\b"
)
# What the business pays for itself, a charge it lets go: "your first lesson is on us",
# "drinks are on the house" (not "it's on us to fix it", a duty).
_ON_US = compile_verbose(
    r"(?<=\b(?:is|are|'s|'re|be|been|was|were)\s+)on\s+(?:us|me|the\s+house)\b(?!\s+to\b)"
)

_CODES = "|".join(sorted(CURRENCY_CODES))
_SYMBOLS = "".join(CURRENCY_SYMBOLS)
_MONEY = compile_verbose(
    rf"""(?:
        (?P<pre>US|AU|A|NZ|CA|C|S|HK)\$\s?(?P<a0>{DIGITS})
      | (?P<sym>[{_SYMBOLS}])\s?(?P<a1>{DIGITS})(?:\s?(?P<mult>k|m)\b)?
      | (?<![\w])(?-i:R)\s?(?P<ar>{DIGITS})
      | \b(?P<code1>{_CODES})\s?(?P<a2>{DIGITS})
      # The symbol after the figure, as much of Europe writes it: "12€ a night", "40.50 $"
      # (not the "5" of "5 $10 vouchers").
      | \b(?P<a5>{DIGITS})\s?(?P<sym2>[{_SYMBOLS}])(?!\s?\d)
      | (?P<a4>{HUNDREDS}|\b{WORD_NUMBER})\s+(?P<code3>dollars?|euros?|pounds?|bucks|quid)\b
        (?:\s+(?:and\s+)?(?P<cents2>\d{{1,2}}|{WORD_NUMBER})(?:\s*(?:p|pence|cents?))?\b
          (?!\s*(?:%|per|min|hour|hr|day|week|month|year|time|item|piece|pack|box)))?
      | \b(?P<a3>{DIGITS})\s?(?P<code2>{_CODES}|dollars?|euros?|pounds?|bucks|quid)\b
        (?:\s+(?:and\s+)?(?P<cents>\d{{1,2}})(?:\s*(?:p|pence|cents?))?\b
          (?!\s*(?:%|per|min|hour|hr|day|week|month|year|time|item|piece|pack|box)))?
    )"""
)
_PERCENT = compile_verbose(rf"(?<![\w.])(?P<n>{NUMBER})\s?(?:%|\bper\s?cent\b)")
_DURATION = compile_verbose(
    rf"""(?<![\w.$£€])
    (?P<low>half\s+an?|a\s+half|a\s+few|several|{NUMBER}
      # "in the next few minutes": as many as "a few", counted from now.
      |(?<=\b(?:next|following)\s)few
      # "within the first month of term": one of the unit, counted from the start.
      |(?<=\b(?:within|during|in|for|over)\s+the\s)first(?=\s+(?:day|week|fortnight|month|year)\b)
      # "arrives the next business day", "ready the following day": one day on.
      |(?<![\w-])(?:next|following)(?=\s+(?:business\s+|working\s+)?day\b)
      # "receipts go out the same day": done within the day it starts, no more than one.
      |(?<![\w-]|\bon\s(?:the\s|that\s)?)same(?=\s+(?:business\s+|working\s+)?day\b))(?P<half1>\s+and\s+a\s+half)?
    (?:(?:{RANGE_SEP}|\s+or\s+)(?P<high>{NUMBER}))?
    # "a full month", "two whole days", "3 more days": a word between that measures nothing.
    (?P<joint>[\s-]+)(?:(?:full|whole|entire|extra|more|additional)\s+)?(?P<unit>{TIME_UNIT})\b
    (?P<half2>\s+and\s+a\s+half)?
    (?:\s+or\s+(?P<higher>{NUMBER})\b(?!\s*[\w-]))?
    (?P<compound>-(?:long\s+)?(?P<noun>[a-z]+(?:-[a-z]+)?))?
    """
)
_RULE_BEFORE = compile_verbose(
    r"(?:up\s+to|a\s+maximum\s+of|maximum\s+of|max(?:imum)?|at\s+most|no\s+more\s+than|not\s+more\s+than"
    # "only" states a limit when it qualifies what is allowed ("you can only add one"),
    # not when it describes one booking ("the reservation has only one passenger").
    r"|\b(?:can|may|allowed|allows?|permitted|able\s+to|limited)\b(?:\s+[\w']+){0,3}?\s+only(?:\s+[a-z]+){0,3}?"
    # ...or opens its clause as the subject of a rule ("Only one device is allowed").
    r"|(?:^|[.,;:!?]\s*|\b(?:we|i)\s+)only(?:\s+[a-z]+){0,3}?"
    r"|limit(?:ed)?\s+(?:of|to|is)|capped\s+at|cap\s+of|allow(?:s|ed)?(?:\s+up\s+to)?"
    # A label that names the limit: "Ticket limit: 4 tickets", "**Max guests:** 6".
    r"|\b(?:limit|max(?:imum)?|cap|allowance)\W{0,4}:\W*"
    # The limit named before its noun: "the maximum discount is 10%", "the most we can give is $50",
    # "our discount tops out at 10%".
    r"|\b(?:max(?:imum|es|ed)?|most|highest|biggest|largest|limit|cap|tops?\s+out|topped\s+out)\b"
    r"(?:\s+[\w'-]+){0,10}?\s+(?:is|are|of|at)"
    # A rule for every case: "every booked move comes with 15 free boxes".
    # (Within its clause: "15% off every order, and 6-month plans get 10%" is no rule of every.)
    r"|\b(?:every|each|all)\b[^.!?,;]{0,40}?\b(?:comes?\s+with|includes?|gets?)"
    # The business's own named rate: "our group rate is 15% off", "our multi-dog discount is
    # 10%".
    r"|\bour\s+(?:[\w-]+\s+){0,3}?(?:discount|rate|deal|offer|allowance|special|promo(?:tion)?"
    r"|scheme|program(?:me)?)\s+(?:is|are|gives|offers)"
    # ...a flat one: "our loyalty discount is a flat 5%".
    r"(?:\s+a)?(?:\s+flat)?"
    # ...or called by its name: "the sibling discount is $50 off", "the pack discount is 5%".
    r"|\bthe\s+(?:[\w-]+\s+){1,3}?(?:discount|deal|allowance)\s+(?:is|are)"
    r")\s*$",
    from_end=True,
)
# A comparison before a quantity: it measures something against a threshold.
_COMPARE_BEFORE = compile_verbose(
    r"\b(?:(?:longer|shorter|more|less|fewer|greater|later|earlier)\s+than|at\s+least|over|under"
    r"|(?:a\s+)?minimum\s+of|upwards\s+of"
    # How late something is: "each journey delayed by 15 minutes", "running late by an hour".
    r"|(?:delayed|late|behind|overdue)\s+by)\s*$",
    from_end=True,
)
# A bound a case is measured against: "delays of 15 minutes or more", "2 hours or longer"; a
# floor ("or more") or a ceiling ("or less").
_OR_MORE_WORDS = "more|longer|over|above"
_OR_MORE_AFTER = compile_verbose(rf"^\s*or\s+(?:{_OR_MORE_WORDS}|less|fewer|under)\b")
# What a sum of several things is called: "your total is $1,172", "= $583", "the balance of".
_AGGREGATE_BEFORE = compile_verbose(
    # (A word right after an amount names that amount: "the £40 difference … and a £50 voucher".)
    r"""(?:(?<!\d\s+)\b(?:total|totals|totalling|totaling|subtotal|sum|balance|balances|remaining|difference
        |altogether|overall|combined|comes?\s+to|came\s+to|amount\s+due
        # Worked out from other figures: "the package is $590, so it works out to $59 a lesson".
        |works?\s+out\s+(?:to|at)|worked\s+out\s+(?:to|at)
        # "It adds up to $300" sums; "we can add up to $100 in credit" gives at most $100.
        |(?:adds|added|(?<!\b(?:i|we)(?:'ll|'d)?\s+(?:(?:can|could|will|would|may|might|also
          |happily|gladly|just)\s+){0,2})add)\s+up\s+to
        # Where an account stands: "your credit now stands at £120".
        |stands?\s+at|stood\s+at
        # What an adjustment leaves: "£750 off, which brings it to £28,450", "that brings your
        # total down to $112".
        |(?:brings?|bringing|brought)\s+(?:it|that|this|(?:the|your)\s+(?:total|price|bill|cost
          |quote|estimate|balance))
          (?:\s+(?:down|up|back))?\s+to
        |charged|owed?|additional\s+cost)\b
        # An addend after "plus" is a part of the sum, not the sum: "the difference in price
        # plus a $10 upgrade fee"; nor is an amount after another, which the word governs
        # ("the £40 difference … and a £50 voucher").
        (?:(?!\bplus\b|[$£€]\s?\d)[^.!?;]|(?<=\d)\.(?=\d)){0,60}|=\s*
      # What a bill comes to is a sum: "your next bill will be $44 instead of $79".
      | \b(?:bill|bills|invoice|statement)\s+(?:will\s+(?:now\s+)?be|would\s+be|is|was|comes\s+to
        |came\s+to|goes\s+(?:down|up)\s+to|drops\s+to)\b(?:(?!\bplus\b)[^.!?;]|(?<=\d)\.(?=\d)){0,40}
      | \b(?:bill|invoice|statement)\s+(?:of|for)\s*
      # ...and one that brings any named thing to the sum just after "to": "which brings the
      # Assurance set to $668" (not "bring the container back to your new place for £30").
      | \b(?:brings?|bringing|brought)\s+(?:the|your)(?:\s+[\w'-]+){1,4}?
          (?:\s+(?:down|up|back))?\s+to\s*
      # What an addition of two sums comes to: "$450, plus the $65 delivery fee — $515 before
      # tax", "£30 plus £5 postage = £35", "$100 plus the $20 fee, so $120" (but "$450 plus
      # delivery — $50" prices the delivery).
      | \bplus\b[^.!?;]{0,40}?(?:[$£€¥₹]\s?\d|\d\s*(?:dollars|pounds|euros|usd|gbp|eur)\b)
          [^.!?;]{0,40}?(?:[\u2014\u2013=]|\s-|,\s*(?:so|making|which\s+makes|that\s+makes
          |that's|that\s+is))\s*
      # What a reduction leaves: "£200 off the list price, so £4,800", "20% off, making it
      # $96".
      | \boff\b[^.!?;]{0,40}?,\s*(?:so|making(?:\s+it)?|which\s+makes\s+it|that\s+makes\s+it
          |that's|that\s+is|leaving(?:\s+you\s+with)?)\s*)$""",
    from_end=True,
)
# A piece of every match of _AGGREGATE_BEFORE, in lower case, one for each of its words ("add"
# of "adds up to", "owe" of "owed"): the pattern is tried at every place of its 80 characters.
_AGGREGATE_CUES = (
    "total", "sum", "balance", "remaining", "difference", "altogether", "overall", "combined",
    "come", "came", "amount", "work", "add", "stand", "stood", "bring", "brought", "charged",
    "owe", "additional", "=", "bill", "invoice", "statement", "plus", "off",
)  # fmt: skip


def _sums_before(before: str) -> bool:
    """Whether ``before`` ends in words that make the amount after it a sum (_AGGREGATE_BEFORE).

    ASCII text without any of the pattern's words in lower case is not searched.
    """
    if before.isascii() and not any(cue in before.lower() for cue in _AGGREGATE_CUES):
        return False
    return _AGGREGATE_BEFORE.search(before) is not None


_HELD_BEFORE = compile_verbose(
    r"\b(?:has|have|had|having|includes?|included|including|shows?|showed|showing|contains?|lists?"
    r"|(?<!\bcomes?\s+|\bcame\s+)with)"
    r"(?:\s+(?:only|just|exactly|a\s+total\s+of))?\s*$",
    from_end=True,
)
# What a kind of customer gets, said of all of them ("members get 4 guest passes", "AAA
# members get 10% off"): an entitlement within the policy's limit, or beyond it.
_ENTITLED_BEFORE = compile_verbose(
    r"""(?:\b(?:members|customers|guests|subscribers|users|passengers|patients|students|clients
        |tenants|drivers|renters|holders|owners|everyone|each\s+\w+|every\s+\w+)
        # Any kind of customer named as a bare plural opening its clause: "Households can get
        # 50 vouchers a year", "Seniors get 20% off"; with a word before it, "6-month
        # subscriptions get 10% off", "Annual-supply subscribers get 15%".
        |(?:[.!?;:,\n]|\band|\bbut|\bso)\s*(?:all\s+)?(?:[A-Za-z0-9][\w-]*\s+)?[A-Za-z]{3,}(?<![sui]s)s)
        \s+(?:get|gets|receive|receives|can\s+get|can\s+receive|can\s+have|can\s+bring
          |can\s+book|can\s+use|are\s+given|are\s+allowed|are\s+entitled\s+to
          |is\s+entitled\s+to)(?:\s+up\s+to)?
        # "members receive a 10% reduction", "get a flat 10% discount"
        (?:\s+an?)?(?:\s+flat)?\s*$""",
    from_end=True,
)
# What every one of a kind of customer may do, said of all of them, is a rule: "each passenger
# can bring one dog", "guests may book two rooms", "members are allowed 3 guests".
_PERMITTED_BEFORE = compile_verbose(
    r"""\b(?:members|customers|guests|subscribers|users|passengers|patients|students|clients
        |tenants|drivers|renters|holders|owners|everyone|each\s+\w+|every\s+\w+)
        \s+(?:can|may|are\s+allowed\s+to|is\s+allowed\s+to|are\s+allowed|is\s+allowed)
        (?:\s+(?:bring|have|book|use|take|add|invite|register|reserve|keep|borrow|rent))?\s*$""",
    from_end=True,
)
# ...or the amount names a sum itself: "$40 in total", "a $40 price difference", "the $20
# balance".
# An amount set against the one before it: "$66 instead of $80", "£40 rather than £55",
# "now $30, down from $45".
_COMPARED_WITH = compile_verbose(
    r"(?:[$£€]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$£€]|dollars|pounds|euros))"
    r"\s*,?\s+(?:instead\s+of|rather\s+than|(?:down|up)\s+from|compared\s+(?:to|with))\s+$"
)
_AGGREGATE_AFTER = compile_verbose(
    r"^\s*(?:in\s+total|total|altogether|combined|overall"
    # What is left of a sum: "the $40 left over from your last order", "$171 remaining".
    r"|left(?:\s+over)?|leftover|remaining|outstanding|unused"
    r"|(?:[a-z]+\s+)?(?:difference|balance|subtotal))\b"
)
_ALL_IN_AFTER = compile_verbose(r"\s*all[\s-]in\b(?![\s-]+(?:one|the|a|an|your|our|all)\b)")
# A sum of money earlier in the same sentence.
_SUM_BEFORE = compile_verbose(r"(?:[$£€]\s?\d|\d\s?(?:dollars|pounds|euros))[^.!?]*$")
_COUNT_SUMMED_AFTER = compile_verbose(r"^\s*(?:in\s+total|total|altogether|combined|overall)\b")
# Several of something a count is summed over: "over 2 days", "across both vans", "for the
# three nights".
_OVER_SEVERAL_BEFORE = compile_verbose(
    rf"\b(?:over|across|for)\s+(?:the\s+|those\s+|these\s+|your\s+)?(?:{NUMBER}|both|all)\s+\w+"
)
_RULE_AFTER = compile_verbose(
    r"^\s*(?:max(?:imum)?\b|at\s+most\b|or\s+(?:fewer|less)\b|per\s+\w+\s+max"
    # Called the limit just after: "15% off, and that's the max discount we can offer".
    r"|[^.!?;:]{0,40}?\b(?:that's|that\s+is|which\s+is)\s+(?:the|our)\s+(?:very\s+)?"
    r"(?:max(?:imum)?|most|limit|highest|biggest|largest|cap|ceiling)\b"
    # A count for every one of a kind is a rule: "4 tickets per customer", "2 per household".
    r"|per\s+(?:customer|person|household|account|member|order|booking|guest|family|visit"
    r"|purchase|transaction)\b)"
)
# A count for each of any kind of thing is a rule: "5 hints per game", "one make-up lesson per
# term". (A sum per thing, "$50 per passenger", may be one case's figure, not the limit.)
_COUNT_RULE_AFTER = compile_verbose(
    r"^\s*(?:[a-z][\w-]*\s+){0,2}?per\s+(?!(?:cent|se|annum|hour|minute)\b)[a-z]{3,}\b"
)
# Who or what an event after "once", "when" or "as soon as" is about.
_EVENT_SUBJECT = alternation(
    (
        *PERSONAL_PRONOUNS,
        *SPECIFIC_DETERMINERS,
        *POSSESSIVE_PRONOUNS,
        *UNIVERSAL_QUANTIFIERS,
        "the",
        "a",
        "an",
    )
)
_RELATIVE = compile_verbose(
    rf"""\b(?:
        (?:once|as\s+soon\s+as|when|after|before
          # ...or during it: "we'll send you photos while he's on the table".
          |while|whilst
          # ...and a time of day or a week named by its event: "the week they arrive", "the
          # morning it opens".
          |the\s+(?:same\s+|very\s+)?(?:moment|minute|second|instant|day|week|morning|afternoon
            |evening|night))\s+
          (?!possible\b|we\s+can\b|i\s+can\b|you\s+can\b
            # The writer's own spare time is no event: "when I get a chance", "when we have a
            # moment", "as soon as I'm able".
            |(?:i|we)\s+(?:get|have|find|got)\s+(?:a\s+|the\s+|some\s+)?(?:free\s+|spare\s+|quiet\s+)?
              (?:chance|moment|minute|sec|second|time|opportunity)\b
            |(?:i|we)(?:'m|'re|\s+am|\s+are)\s+able\b)
        # "as soon as a place comes up", "once a slot opens", "as soon as yours are ready": an
        # event with its own subject.
        (?:{_EVENT_SUBJECT}|housekeeping)\b
      | the\s+(?:day|evening|morning|afternoon|night|week)\s+(?:before|after)\b
      # A time named by its event: "the morning of the pickup", "the day of your move".
      | the\s+(?:day|evening|morning|afternoon|night|week)\s+of\s+(?:the|your|our|his|her|their)\b
      # A time that comes round again: "every Friday", "each morning", "after each visit".
      | \b(?:every|each)\s+(?:day|morning|afternoon|evening|night|week|weekday|month
          |monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b
      | \b(?:after|before)\s+(?:each|every)\s+[\w-]+
      # A point of the work itself: "at the halfway point", "at the end of the hire".
      | \b(?:at|by)\s+the\s+(?:half-?way\s+(?:point|mark|stage)|mid-?point
          |(?:end|start|beginning|close)\s+of\s+(?:the|your|our|each|every))\b

      # (After telling, "on" names the topic: "we'll update you on the delivery date".)
      | (?:before|after|(?<!\b(?:update|updated|updating|brief|briefed|inform|informed|advise|advised
          |back\s+to|touch\s+with)\s+(?:you|us|them|him|her|me)\s+)on)
        \s+(?:the\s+)?(?:delivery|visit|arrival|appointment|check-?in|departure|inspection)\b
      # ...or any event named by a noun made from its verb: "before submission", "after
      # approval", "on completion", "before your installation".
      # ("Start on the evaluation", "a report on your foundation": after "on", only a bare
      # noun is an event.)
      | (?:(?:before|after)\s+(?:the\s+|your\s+)?|(?:on|upon)\s+)[a-z]{{3,}}(?:tion|sion|ment|val|ure)\b
      # During an event: "we'll text you photos during the groom", "during your stay" (not
      # "during the day", any time of it).
      | \bduring\s+(?:the|your|his|her|their|our|each|every)\s+(?!(?:day|week|month|year)\b)[a-z][\w-]*
      # The time of what was just said: "it will be sent by Thursday, and we'll email you a
      # copy at the same time".
      | \bat\s+the\s+same\s+time\b
      # The day of the job itself, fixed already: "we'll sort it all on the day".
      | \bon\s+the\s+day\b(?!\s+(?:of|before|after)\b)
      # Some time before that day: "I'll text you the installer's details closer to the day",
      # "we'll confirm nearer the time".
      | \b(?:closer|nearer)\s+(?:to\s+)?the\s+(?:day|date|time|event|move|wedding|trip)\b
      # A time of day: "I'll ring them at 2pm", "we'll give her the dose at lunch".
      | \bat\s+(?:lunch(?:time)?|{CLOCK})
    )"""
)
_THAT_DAY = compile_verbose(r"\bthat\s+(?:day|morning|afternoon|evening|night|week)\b")
_REPORTS_THE_PAST = compile_verbose(r"\b(?:happened|was|were|did|had|[a-z]{3,}ed)\b[^.!?;]*$")
_TAKES_BEFORE = compile_verbose(
    r"\b(?:takes?|taking|took|need(?:s)?|require(?:s)?"
    # A hedge says how long an act takes ("refunds normally 5-10 days"), but one after "is"
    # leaves the figure what "is" makes it ("free cancellation is normally 24 hours": a window).
    r"|(?<!\b(?:is|are|'s|'re|was|were)\s+)(?:typically|usually|normally|generally))"
    r"(?:\s+\w+){0,3}\s+$",
    from_end=True,
)
_WITHIN_BEFORE = compile_verbose(
    r"(?:\b(?:within|in|inside(?:\s+of)?|under|less\s+than|up\s+to|no\s+later\s+than|by|after)"
    r"(?:\s+(?:the|a|about|around|approximately|roughly|next|another|just|only))*\s+$)",
    from_end=True,
)
# How far off one thing is, said of it: "today's lesson is only a few hours away", "Saturday's
# just 3 days out". A measure of the case against a limit, as "less than 24 hours away" is; not
# a window, and not a lead time ("installs are usually 2 weeks out" has no such adverb).
_FAR_OFF_BEFORE = compile_verbose(
    r"\b(?:is|'s|was|are|'re|were|shows?\s+(?:them|him|her|it))"
    r"(?:\s+(?:only|just|still|now|already|nearly|almost|barely|about|around|roughly"
    r"|approximately|maybe|probably))*\s+$",
    from_end=True,
)
_FAR_OFF_AFTER = regex.compile(r"(?i)\s+(?:away|out|off)\b")
_WINDOW_BEFORE = compile_verbose(
    r"\b(?:have|get|gives?|is|are|window\s+of|period\s+of|first|the\s+first|last|the\s+last)"
    r"(?:\s+(?:the|a|up\s+to|only|just|full))*\s+$",
    from_end=True,
)
# How long a thing stays good is its window: "the code stays valid for 60 days", "vouchers are
# good for 12 months", "the offer is open for a week".
# A length given roughly is still a length: "open for about 3 hours", "valid for roughly a year".
_ROUGHLY = r"about|around|roughly|approximately|approx\.?|nearly|almost"
_VALID_FOR_BEFORE = compile_verbose(
    r"\b(?:valid|good|usable|redeemable|open|active)\s+for"
    rf"(?:\s+(?:the|a|up\s+to|only|just|another|{_ROUGHLY}))*\s+$",
    from_end=True,
)
# (Time spent is the length of what it is spent on: "Ray usually spends about an hour at the
# house" says how long the visit lasts, not how soon it comes.)
_FOR_BEFORE = compile_verbose(
    rf"\b(?:for|every|per|each|over|spends?|spending|spent)"
    rf"(?:\s+(?:the|a|another|next|past|last|{_ROUGHLY}))*\s+$",
    from_end=True,
)
# "3 days ago", "a week earlier", "3 weeks into your membership": time already gone by.
# ("Back" before where something goes is money or goods returning, in that time: "2-3
# business days back to your card", "5 days back on your account".)
_AGO_AFTER = compile_verbose(
    r"^\s*(?:ago|earlier|back(?!\s+(?:to|on|in|into|onto)\b)|into)\b"
)
_EVERY_BEFORE = compile_verbose(r"\bevery\s+(?:other\s+)?$", from_end=True)
# "It's been 3 days since your refund": time already gone, like "3 days ago".
_BEEN_BEFORE = compile_verbose(
    r"\b(?:it's|it\s+has|it\s+had|it\s+was|that's|that\s+was)\s+been\s+"
    r"(?:about\s+|over\s+|nearly\s+|almost\s+|only\s+|just\s+)?$",
    from_end=True,
)
_SINCE_AFTER = compile_verbose(r"^\s*(?:now\s+)?since\b")
# "I've waited three weeks", "we've been waiting over 10 days": time already gone.
_WAITED_BEFORE = compile_verbose(
    r"\b(?:waited|been\s+waiting)(?:\s+(?:for|over|nearly|almost|about|more\s+than|a\s+good|a\s+full))*\s+$",
    from_end=True,
)
# "…, so at 5 weeks these fall outside the window", "At three weeks you're still fine": "at"
# opening its clause gives how long ago something happened, the case's age, not a time to act.
_AGE_BEFORE = compile_verbose(
    r"(?:^|[,;:\u2013\u2014]|\b(?:so|and|but|now|already))\s*at\s+"
    r"(?:about\s+|over\s+|nearly\s+|almost\s+|just\s+|only\s+)?$",
    from_end=True,
)
# "90 days a year", "twice a month": the second duration is the period of a rate.
_RATE_BEFORE = compile_verbose(
    r"(?:\b(?:minutes?|hours?|days?|weeks?|months?|times|once|twice|visits?|passes|sessions?)|\d)\s*$",
    from_end=True,
)
_PERMITS_BEFORE = compile_verbose(
    r"\b(?:possible|available|allowed|permitted|eligible|accepted|can|may|able\s+to)\b[^.!?;]{0,20}$",
    from_end=True,
)
_FROM_EVENT_AFTER = compile_verbose(r"\s*(?:of|from|after)\s+(?!now\b|today\b)\w+")
_FREQUENCY_AFTER = compile_verbose(
    r"^\s*(?:a|per|each|every)\s+(?:day|week|month|year|night)\b|^\s*a\s+week\b"
)
_BEFORE_AFTER = compile_verbose(r"^\s*(?:before|prior\s+to|ahead\s+of|in\s+advance)\b")
# ...but not before charging begins: "a full week before any storage charges start", "14 days
# before any fees" run from now until the charging, a window, not a lead before an event.
_UNTIL_CHARGED = compile_verbose(
    r"\s*before\s+any\s+(?:[\w-]+\s+){0,2}?(?:charges?|fees?|billing|interest|penalt(?:y|ies))\b"
)
# The notice an act needs: "2 weeks' notice", "one month's notice", "30 days of notice".
_NOTICE_AFTER = compile_verbose(r"^(?:'s|')?\s*(?:of\s+)?(?:written\s+)?notice\b")
# A measure genitive measures the noun after it (CGEL ch. 5): "a day's rental fee", "a
# week's rent", "two hours' drive". A wait or a turnaround so measured is still a time.
_MEASURE_GENITIVE = compile_verbose(
    rf"^(?:'s|')\s+(?!{alternation(TIME_TAKEN_NOUNS)}\b)[a-z]"
)
# ...and one of money measures a sum, no time at all: "one week's rent", "two weeks' pay", "a
# day's rental fee" (where "an hour's grace" and "12 months' warranty" are lengths of time).
_MONEY_GENITIVE = compile_verbose(
    rf"""^(?:'s|')\s+(?:[a-z-]+\s+)?
        (?:{alternation(PRICE_NOUNS)}|rent|rental|pay|wages?|salary|money|worth|interest)\b"""
)


_HOUR_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ],
        start=1,
    )
}


def _hour_value(word: str) -> int:
    return _HOUR_WORDS.get(word, 0) or int(word)


def _clock_time(text: str) -> time:
    """The time a clock phrase names; an hour with no am/pm is read in working hours.

    "half six" and "5:30" name no half of the day: 7 to 11 are read as the
    morning, 12 to 6 as the afternoon or evening, which is when a business
    would mean them.
    """
    t = " ".join(text.lower().replace(".", "").split())
    if t in ("noon", "midday"):
        return time(12, 0)
    if t == "midnight":
        return time(23, 59, 59, 999999)
    words = t.split()
    if words[0] in ("half", "quarter") or words[-1] == "o'clock":
        hour, minute = _hour_value(words[-1] if words[-1] != "o'clock" else words[0]), 0
        if words[0] == "half":
            minute = 30
        elif words[0] == "quarter":
            minute = 15 if words[1] == "past" else 45
            hour = hour - 1 if words[1] == "to" else hour
        return time(_working_hour(hour % 12 or 12), minute)
    t = t.replace(" ", "")
    suffix = t[-2:] if t.endswith(("am", "pm")) else ""
    body = t[:-2] if suffix else t
    hour_text, _, minute_text = body.partition(":")
    hour, minute = int(hour_text), int(minute_text or 0)
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    if not suffix and hour <= 12:
        hour = _working_hour(hour)
    return time(hour, minute)


def _working_hour(hour: int) -> int:
    """An hour of a 12-hour clock read in working hours: 7-11 morning, 12-6 afternoon."""
    return hour if 7 <= hour <= 12 else hour + 12 if hour < 7 else hour


_MONTH_PREFIXES = tuple(regex.compile(rf"\b{m[:3]}") for m in _MONTHS)
_WEEKDAY_PREFIXES = tuple(regex.compile(rf"\b{w[:3]}") for w in _WEEKDAYS)
_DAY_NUMBER = regex.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR = regex.compile(r"\b(\d{4})\b")
_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")


_ORDINAL = regex.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_NAMED_DAYS = {
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new years eve": (12, 31),
    "new year": (1, 1),
}


def _named_day(text: str, today: date) -> date | None:
    """Christmas, Boxing Day, New Year: their next date on or after today."""
    for name, (month, day) in _NAMED_DAYS.items():
        if text.startswith(name):
            this_year = date(today.year, month, day)
            return this_year if this_year >= today else date(today.year + 1, month, day)
    return None


def _next_day_of_month(today: date, day: int) -> date:
    """The next date on or after today that falls on this day of the month."""
    year, month = today.year, today.month
    for _ in range(13):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= today:
            return candidate
        month = month % 12 + 1
        year += month == 1
    raise ValueError(f"no month has a day {day}")


_NUMERIC_DATE = regex.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?")


def _numeric_date(match: regex.Match[str], today: date) -> date:
    """A date in digits ("13/12", "12/13/2026"): day/month or month/day, whichever exists.

    When both exist ("5/12"), the later date is taken: the reading that accuses no one of
    promising too soon.
    """
    first, second = int(match[1]), int(match[2])
    year = match[3]
    readings = []
    for day, month in ((first, second), (second, first)):
        if not 1 <= month <= 12:
            continue
        for candidate_year in (
            [int(year) + (2000 if len(year) == 2 else 0)] if year else [today.year, today.year + 1]
        ):
            try:
                candidate = date(candidate_year, month, day)
            except ValueError:
                continue
            if year or candidate >= today:
                readings.append(candidate)
                break
    if not readings:
        raise ValueError(match.group())
    return max(readings)


def _resolve_day(text: str, now: datetime, calendar: BusinessCalendar) -> tuple[date, time | None]:
    """The day a day phrase names, and a default time of day for parts of days."""
    t = " ".join(text.lower().replace(",", " ").split())
    today = now.date()
    if t in ("today", "tonight", "this evening", "later today"):
        return today, None
    if t.startswith("first thing"):
        day, _ = _resolve_day(
            t.removeprefix("first thing").strip().removeprefix("on "), now, calendar
        )
        return day, time(10, 0)
    named = _named_day(t, today)
    if named is not None:
        return named, None
    if "next week" in t:
        weekday = next(i for i, w in enumerate(_WEEKDAY_PREFIXES) if w.search(t))
        monday_next_week = today + timedelta(days=7 - today.weekday())
        return monday_next_week + timedelta(days=weekday), None
    if t == "this morning":
        return today, time(12, 0)
    if t == "this afternoon":
        return today, time(17, 0)
    if t.endswith("day after tomorrow"):
        return today + timedelta(days=2), None
    if t.startswith("tomorrow"):
        part = t.removeprefix("tomorrow").strip()
        default = {"morning": time(12, 0), "afternoon": time(17, 0)}.get(part)
        return today + timedelta(days=1), default
    iso = _ISO_DATE.fullmatch(t)
    if iso:
        return date(int(iso[1]), int(iso[2]), int(iso[3])), None
    numeric = _NUMERIC_DATE.fullmatch(t)
    if numeric:
        return _numeric_date(numeric, today), None
    ordinal = _ORDINAL.search(t)
    if ordinal is not None and not any(m.search(t) for m in _MONTH_PREFIXES):
        return _next_day_of_month(today, int(ordinal[1])), None
    month = next((i for i, m in enumerate(_MONTH_PREFIXES) if m.search(t)), None)
    if month is not None:
        day_match = _DAY_NUMBER.search(t)
        year_match = _YEAR.search(t)
        if day_match is None:
            raise ValueError(t)
        year = int(year_match[1]) if year_match else today.year
        day = date(year, month + 1, int(day_match[1]))
        if year_match is None and day < today:
            day = date(year + 1, month + 1, int(day_match[1]))
        return day, None
    weekday = next(i for i, w in enumerate(_WEEKDAY_PREFIXES) if w.search(t))
    day = calendar.weekday_on_or_after(now, weekday)
    if t.startswith("next ") and (day - today).days < 7:
        # "next Friday" said on a Monday is the Friday of next week, not this one.
        monday_next_week = today + timedelta(days=7 - today.weekday())
        if day < monday_next_week:
            day += timedelta(days=7)
    if t.startswith("following "):
        # "the following Monday" is the one after the coming one: "bring them in on Monday
        # and you'll have them back by the following Monday".
        day += timedelta(days=7)
    return day, None


# Words that can begin each kind of mention. Patterns are tried only where such a
# word starts, which keeps a long reply from being scanned character by character.
_NUMBER_STARTS = frozenset(
    {w.split()[0].split("-")[0] for w in NUMBER_WORDS}
    | {"few", "several", "couple", "half", "first", "next", "following", "same"}
)
_DEADLINE_STARTS = (
    frozenset(
        [
            "right",
            "immediately",
            "instantly",
            "straight",
            "at",
            "within",
            "in",
            "by",
            "the",
            "end",
            "eod",
            "close",
            "later",
            "next",
            "following",
            "during",
            "sometime",
            "today",
            "tonight",
            "this",
            "tomorrow",
            "before",
            "until",
            "till",
            "first",
            "christmas",
            "boxing",
            "new",
        ]
    )
    | frozenset(w for d in _WEEKDAYS for w in (d, d[:3], d[:4]))
    | frozenset(w for m in _MONTHS for w in (m, m[:3], m[:4]))
)
_DOLLAR_PREFIXES = {
    "US": "USD",
    "AU": "AUD",
    "A": "AUD",
    "NZ": "NZD",
    "CA": "CAD",
    "C": "CAD",
    "S": "SGD",
    "HK": "HKD",
}
_MONEY_STARTS = (
    frozenset(CURRENCY_SYMBOLS)
    | {c.lower() for c in CURRENCY_CODES}
    | {p.lower() for p in _DOLLAR_PREFIXES}
)


# Common words that start a deadline only in a few phrases: the whole deadline pattern is
# tried after them only when one of those phrases follows.
_DEADLINE_GATES: dict[str, regex.Pattern[str]] = {
    word: compile_verbose(pattern)
    for word, pattern in {
        "at": r"at\s+once",
        "in": r"in\s+(?:the\s+)?(?:next\s+)?hour",
        "within": r"within\s+(?:the\s+)?(?:next\s+)?hour",
        "the": r"the\s+(?:day\s+after|end\s+of|\d)",
        "this": r"this\s+(?:morning|afternoon|evening|week)",
        "new": r"new\s+year",
        "first": r"first\s+thing",
        "right": r"right\s+(?:away|now)",
        "straight": r"straight\s+away",
        "close": r"close\s+of",
        "end": r"end\s+of",
        "later": r"later\s+(?:today|this)",
        "next": rf"next\s+(?:week|{WEEKDAY})",
        "following": rf"following\s+{WEEKDAY}",
        **{
            word: rf"{word}\s+(?:the\s+)?(?:end|next|close|eod|weekend|\d|noon|midday|midnight"
            rf"|tomorrow|today|tonight|christmas|boxing|new|this|half|quarter|{HOUR}|{WEEKDAY}"
            rf"|{MONTH}|day\s+after)"
            for word in ("by", "before", "until", "till")
        },
    }.items()
}


# What a deadline that starts with a digit goes on with: a month ("12 December", "3rd of
# May"), or the dash or slash of a date written in numbers ("2026-12-10", "12/12"). Most
# numbers are counts and lengths ("7 business days"), where the whole pattern fails.
_DIGIT_DEADLINE_GATE = compile_verbose(rf"\d+(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|\d{{4}}-|\d+/")
# What an amount of money that starts with a digit goes on with: its currency ("40.50 $",
# "25 dollars", "12 EUR"), as the two kinds of _MONEY that open with the figure need.
_DIGIT_MONEY_GATE = compile_verbose(
    rf"{DIGITS}\s?(?:[{_SYMBOLS}]|(?:{_CODES}|dollars?|euros?|pounds?|bucks|quid)\b)"
)


_AT_AN_EVENT_BEFORE = regex.compile(r"(?i)\b(?:at|by|before|on|for|until|till|during)\s+$")
_AT_AN_EVENT_REACH = 10


def _starts(tokens: Sequence[Token], text: str = "") -> tuple[list[int], list[int], list[int]]:
    """Where a deadline, an amount of money, and a number can start, in one pass."""
    deadline: list[int] = []
    money: list[int] = []
    number: list[int] = []
    for token in tokens:
        word = token.lower
        if word[:1].isdigit():
            if match_at(_DIGIT_DEADLINE_GATE, text, token.start):
                deadline.append(token.start)
            if match_at(_DIGIT_MONEY_GATE, text, token.start):
                money.append(token.start)
            number.append(token.start)
            continue
        if word[:1] == "r" and word[1:2].isdigit():  # "R1,500": rand
            money.append(token.start)
            continue
        # A day's possessive after a preposition of time starts a deadline as the day does:
        # "at Thursday's practice" (not "Monday's delivery was late", a thing named by it).
        day = word
        if word.endswith("'s") and _AT_AN_EVENT_BEFORE.search(
            text, max(0, token.start - _AT_AN_EVENT_REACH), token.start
        ):
            day = word[:-2]
        if day in _DEADLINE_STARTS:
            gate = _DEADLINE_GATES.get(day)
            if gate is None or match_at(gate, text, token.start):
                deadline.append(token.start)
        if word in _MONEY_STARTS or (word in _NUMBER_STARTS and word not in _COMMON_WORDS):
            money.append(token.start)
        if word in _NUMBER_STARTS:
            number.append(token.start)
    return deadline, money, number


# Words one of which a percentage or a duration needs; without them the pattern is not tried.
# Number words too common to try a money pattern at ("a", "no").
_COMMON_WORDS = frozenset({"a", "an", "no", "single", "couple", "few", "several", "half", "same"})
_PERCENT_HINT = regex.compile(r"(?i)%|\bper\s?cent\b")
_UNIT_HINT = regex.compile(r"(?i)\b(?:sec|min|hour|hr|day|week|wk|fortnight|month|year|yr)")
# A piece of every match of each hint, in lower case.
_PERCENT_CUES = ("%", "per")
_UNIT_CUES = ("sec", "min", "hour", "hr", "day", "week", "wk", "fortnight", "month", "year", "yr")
_WAIVE_CUES = ("waiv", "charge")


def _may_hint(
    text: str, lowered: str | None, cues: tuple[str, ...], hint: regex.Pattern[str]
) -> bool:
    """Whether ``hint`` matches ``text``, told at once where no cue is in ``lowered``.

    Args:
        text: The text.
        lowered: ``text`` in lower case when it is ASCII (where a case-blind match holds one
            of ``cues`` in lower case), else None.
        cues: Pieces of text, one of which every match of ``hint`` holds.
        hint: The pattern.
    """
    if lowered is not None and not any(cue in lowered for cue in cues):
        return False
    return hint.search(text) is not None


def _scan(pattern: regex.Pattern[str], text: str, starts: list[int]) -> Iterator[regex.Match[str]]:
    """Leftmost non-overlapping matches of ``pattern`` that begin at one of ``starts``."""
    last_end = -1
    for position in starts:
        if position < last_end:
            continue
        match = match_at(pattern, text, position)
        if match is not None:
            last_end = match.end()
            yield match


# A day of a month named with its month first, then the last day of a range in the same month:
# "November 9|-11", "Nov 9 to 12th", "March 3 or 4". (Not a time, a count or a duration: "May
# 9-11am", "June 3 to 5 days".)
_MONTH_DAY_END = compile_verbose(rf"\b{MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?$")
_LAST_DAY_AFTER = compile_verbose(
    r"""\s*(?:-|\u2013|\u2014|to|through|thru|or|and)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b
        (?!\s*(?:[:.]\d|am\b|pm\b|a\.m|p\.m|%|h\b|hrs?\b|hours?\b|days?\b|weeks?\b|months?\b
          |business\b|working\b|calendar\b|nights?\b|minutes?\b|mins?\b))"""
)


def _to_the_last_day(text: str, deadline: DeadlineMention) -> DeadlineMention:
    """A deadline on the first day of a range of days ("November 9-11") moved to its last.

    Promising a day in a range promises no sooner than its last day, as a range of days
    ("5-7 business days") is held to its upper end.
    """
    first = _MONTH_DAY_END.search(text, max(0, deadline.end - 20), deadline.end)
    if first is None or deadline.instant or deadline.gone:
        return deadline
    last = match_at(_LAST_DAY_AFTER, text, deadline.end)
    if last is None:
        return deadline
    days = int(last["day"]) - int(first["day"])
    if not 0 < days <= 30:
        return deadline
    return attrs.evolve(deadline, end=last.end(), due=deadline.due + timedelta(days=days))


def find_mentions(
    text: str,
    *,
    now: datetime,
    calendar: BusinessCalendar,
    count_nouns: Iterable[str] = (),
    tokens: Sequence[Token] | None = None,
) -> list[Mention]:
    """Every duration, deadline, relative time and amount in ``text``, in text order.

    Args:
        text: Normalised reply text.
        now: The moment the reply is sent (aware).
        calendar: The policy's calendar, for deadlines.
        count_nouns: Singular nouns the policy counts ("pet", "point"); other
            "number + noun" phrases are not counts.
        tokens: The words of ``text``, when already known.
    """
    now = calendar.localize(now)
    if tokens is None:
        tokens = tokenize(text)
    deadline_starts, money_starts, number_starts = _starts(tokens, text)
    mentions: list[Mention] = []
    taken = _Spans()

    # In ASCII text a hint's words are looked for in lower case first, far faster than the
    # hint's own pattern, which is still asked when one is there; other text is searched.
    lowered = text.lower() if text.isascii() else None
    _find_deadlines(text, now, calendar, deadline_starts, mentions, taken)
    _find_money(text, money_starts, mentions, taken)
    _find_shares_and_free(text, lowered, number_starts, mentions, taken)
    _find_durations(text, lowered, number_starts, mentions, taken)
    _find_counts(text, count_nouns, number_starts, mentions, taken)
    _find_relative_times(text, mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _find_deadlines(
    text: str,
    now: datetime,
    calendar: BusinessCalendar,
    deadline_starts: list[int],
    mentions: list[Mention],
    taken: _Spans,
) -> None:
    """Add the deadlines ("by Friday", "tomorrow"), each span taken from what comes later."""
    for match in _scan(_DEADLINE, text, deadline_starts):
        if _names_by_its_date(text, match.start(), match.end()):
            taken.add(match.start(), match.end())
            continue  # "your ticket for the 12 August sailing": which sailing, not a time frame
        try:
            deadline = _deadline(match, now, calendar)
        except (OverflowError, ValueError):
            # "by 9999-12-31 at 11pm" in a zone ahead of UTC: later than any limit.
            deadline = DeadlineMention(match.start(), match.end(), calendar.end_of_time())
        if deadline is not None:
            deadline = _to_the_last_day(text, deadline)
            if ends_just_before(_UNTIL_BEFORE, text, match.start(), _UNTIL_REACH):
                deadline = attrs.evolve(deadline, until=True)
            mentions.append(deadline)
            taken.add(match.start(), deadline.end)


def _find_money(
    text: str, money_starts: list[int], mentions: list[Mention], taken: _Spans
) -> None:
    """Add the sums of money ("$49", "6 pounds 50", "R200"), in spans no deadline took."""
    free_span = taken.free
    for match in _scan(_MONEY, text, money_starts):
        if not free_span(match.start(), match.end()):
            continue
        amount_text = (
            match["a0"]
            or match["a1"]
            or match["a2"]
            or match["a3"]
            or match["a4"]
            or match["a5"]
            or match["ar"]
        )
        amount = number_value(amount_text)
        cents = match["cents"] or match["cents2"]
        if cents:  # "6 pounds 50", "four dollars fifty"
            amount += number_value(cents) / 100
        if match["mult"]:
            amount *= 1000 if match["mult"].lower() == "k" else 1000000
        if match["pre"]:
            currency = _DOLLAR_PREFIXES[match["pre"].upper()]
        elif match["ar"]:
            currency = "ZAR"
        elif match["sym"] or match["sym2"]:
            currency = CURRENCY_SYMBOLS[match["sym"] or match["sym2"]]
        else:
            word = (match["code1"] or match["code2"] or match["code3"]).lower()
            currency = CURRENCY_WORDS.get(word, word.upper())
        mentions.append(_amount(text, match.start(), match.end(), Money(amount, currency)))
        taken.add(match.start(), match.end())


def _find_shares_and_free(
    text: str,
    lowered: str | None,
    number_starts: list[int],
    mentions: list[Mention],
    taken: _Spans,
) -> None:
    """Add percentages, "half off", and what is free, on us or waived."""
    free_span = taken.free
    may_percent = _may_hint(text, lowered, _PERCENT_CUES, _PERCENT_HINT)
    percent_starts = number_starts if may_percent else []
    for match in _scan(_PERCENT, text, percent_starts):
        if free_span(match.start(), match.end()):
            mentions.append(
                _amount(text, match.start(), match.end(), Percent(number_value(match["n"])))
            )
            taken.add(match.start(), match.end())

    for match in _HALF_OFF.finditer(text):
        if free_span(match.start(), match.end()):
            mentions.append(_amount(text, match.start(), match.end(), Percent(Decimal(50))))
            taken.add(match.start(), match.end())

    deadline_starts_found = {m.start for m in mentions if isinstance(m, DeadlineMention)}
    for match in _FREE.finditer(text):
        day = match_at(_ON_A_DAY, text, match.end())
        if day is not None and day.end() in deadline_starts_found:
            continue  # "the Tap Room is free on New Year's Eve": open that day, no price
        if text[match.start() - 1 : match.start()] != "-" and match_at(
            _FOR_NOW, text, match.end()
        ):
            continue  # "locker 22 is free at the moment": not taken, no price
        if _HELD_FREE.search(text, max(0, match.start() - _HELD_REACH), match.start()):
            continue  # "we've got lockers free": not taken, no price
        mentions.append(AmountMention(match.start(), match.end(), Money(Decimal(0), ""), free=True))
    if " on " in text.lower():
        for match in _ON_US.finditer(text):
            mentions.append(
                AmountMention(
                    match.start(), match.end(), Money(Decimal(0), ""), free=True, waived=True
                )
            )
    if _may_hint(text, lowered, _WAIVE_CUES, _WAIVE_HINT):
        for match in _WAIVED.finditer(text):
            mentions.append(
                AmountMention(
                    match.start("act"), match.end("act"), Money(Decimal(0), ""), free=True,
                    waived=True,
                )
            )  # fmt: skip


# Days named as options to choose from, not a length of time: "reply with a few days and
# times that suit", "send us a couple of days that work for you", "a few days you're free".
_DAYS_AS_OPTIONS = compile_verbose(
    r"""\s*(?:(?:and|or|/)\s*(?:times|dates|slots)\b|that\s+(?:suit|suits|work|works)\b
        |(?:you're|you\s+are|you'd\s+be|you\s+could\s+do)\s+(?:free|available)\b)"""
)


def _find_durations(
    text: str,
    lowered: str | None,
    number_starts: list[int],
    mentions: list[Mention],
    taken: _Spans,
) -> None:
    """Add the lengths of time ("3-5 business days"), in spans nothing else took."""
    free_span = taken.free
    may_last = _may_hint(text, lowered, _UNIT_CUES, _UNIT_HINT)
    duration_starts = number_starts if may_last else []
    day_ends = sorted(m.end for m in mentions if isinstance(m, DeadlineMention))
    for match in _scan(_DURATION, text, duration_starts):
        if not free_span(match.start(), match.end()):
            continue
        mention = _duration(text, match)
        if mention is not None and match_at(_DAYS_AS_OPTIONS, text, mention.end):
            taken.add(match.start(), match.end())  # "reply with a few days and times that suit"
        elif mention is not None and _same_as_a_day_named(text, mention, day_ends):
            # "It'll be with us by Friday, then we'll fit it the same day": that Friday.
            mentions.append(RelativeMention(mention.start, mention.end))
            taken.add(match.start(), match.end())
        elif mention is not None:
            mentions.append(mention)
            taken.add(match.start(), match.end())


def _find_counts(
    text: str,
    count_nouns: Iterable[str],
    number_starts: list[int],
    mentions: list[Mention],
    taken: _Spans,
) -> None:
    """Add counts of what the policy counts ("4 guests"), and times an act is done."""
    free_span = taken.free
    nouns = {singular(n).split()[-1] for n in count_nouns}
    for kind in (PEOPLE, CHILDREN):
        if nouns & kind:
            nouns |= kind  # "4 people" also limits passengers and guests; "20 children", kids
    if nouns:
        mentions.extend(_counts(text, nouns, free_span, number_starts))
        if _TIMES_HINT.search(text):
            mentions.extend(_times_done(text, free_span))


def _find_relative_times(text: str, mentions: list[Mention]) -> None:
    """Add times relative to an event ("the day before the visit", "that day")."""
    for match in _RELATIVE.finditer(text):
        mentions.append(RelativeMention(match.start(), match.end()))
    if "that" in text:
        # A time just named, pointed back to: "Jo is back on Tuesday. I'll call you that day";
        # not in a report of the past ("what happened with our cooler that morning").
        for match in _THAT_DAY.finditer(text):
            if not ends_just_before(_REPORTS_THE_PAST, text, match.start(), 50):
                mentions.append(RelativeMention(match.start(), match.end()))


def _same_as_a_day_named(text: str, mention: DurationMention, day_ends: Sequence[int]) -> bool:
    """Whether "the same day" points back to a day named just before it in its sentence.

    Only the nearest day before it (``day_ends``: where each day named ends, in order), and
    within :data:`_SAME_DAY_REACH` characters, is looked at, so each such phrase costs a
    search of that span at most.
    """
    if mention.duration.low != 0 or mention.at_event:
        return False
    at = bisect.bisect_right(day_ends, mention.start)
    if at == 0 or day_ends[at - 1] < mention.start - _SAME_DAY_REACH:
        return False
    return not _SENTENCE_END.search(text, day_ends[at - 1], mention.start)


_SAME_DAY_REACH = 200


_SENTENCE_END = regex.compile(r"[.!?](?:\s|$)|\n")


# A date between a determiner and a noun modifies the noun: "the 12 August sailing", "your
# Friday appointment", "our December 14 launch". It says which thing, not when an act is done.
_DETERMINER_BEFORE = regex.compile(r"(?i)\b(?:the|a|your|my|our|this|that|his|her|their)\s+$")
_DETERMINER_FIRST = regex.compile(r"(?i)the\s")
# A noun compounded by a hyphen is a noun as much: "your December 3 pump-out", "the Friday
# drop-off", "your 9 May check-in".
_NOUN_AFTER = regex.compile(r"\s+([a-z]{3,})(?:-[a-z]{2,})?\b(?!['-])")
# Words after a date that go on with the time, not name a thing: "by the 14th then". A
# preposition or a word opening a clause heads no noun: "this Friday between 9 and 12".
_GOES_ON = frozenset(
    {"then", "too", "instead", "already", "latest", "anyway", "onwards", "morning", "afternoon",
     "evening", "night", "week", "weekend", "noon", "midday", "midnight", "onward", "either",
     "between", "around", "during", "through", "throughout", "within", "without", "till", "via",
     "since", "unless", "while", "whilst", "once", "though", "although", "again"}
)  # fmt: skip


def _names_by_its_date(text: str, start: int, end: int) -> bool:
    """Whether a date at ``start:end`` modifies the noun after it ("the 12 August sailing")."""
    if not ends_just_before(_DETERMINER_BEFORE, text, start, 12) and not match_at(
        _DETERMINER_FIRST, text, start
    ):
        return False
    after = match_at(_NOUN_AFTER, text, end)
    if after is None:
        return False
    word = after[1]
    return word not in ENGLISH and word not in _GOES_ON and not word.endswith("ly")


def _at(calendar: BusinessCalendar, day: date, clock: time, zone: str | None) -> datetime:
    """The instant a wall clock shows ``clock`` on ``day``: the named zone's, else the policy's."""
    if zone is None:
        return calendar.at(day, clock)
    return calendar.localize(datetime.combine(day, clock, tzinfo=_ZONES[zone.lower()]))


class _Spans:
    """Disjoint spans taken by mentions, kept in order so a look-up costs a bisection.

    Every earlier span used to be scanned for each new one, which made a reply of
    thousands of figures quadratic. Each kind of mention is found left to right, so its
    spans come in order: they are appended to a run of their own, and the run is merged
    into the settled spans (in time linear in both) only when a span comes out of order,
    which is when the next kind of mention begins. Inserting each span in its place
    moved every span after it, which was quadratic again.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        # The spans added since the last merge, in order.
        self._run_starts: list[int] = []
        self._run_ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        if self._run_starts and start < self._run_starts[-1]:
            self._merge()
        self._run_starts.append(start)
        self._run_ends.append(end)

    def _merge(self) -> None:
        spans = sorted(
            zip(self._starts + self._run_starts, self._ends + self._run_ends, strict=True),
            key=lambda span: span[0],
        )  # two sorted runs: the sort merges them in linear time
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]
        self._run_starts, self._run_ends = [], []

    def free(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps no span taken so far."""
        return _free_in(self._starts, self._ends, start, end) and _free_in(
            self._run_starts, self._run_ends, start, end
        )


def _free_in(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps none of the disjoint spans ``zip(starts, ends)``."""
    at = bisect.bisect_right(starts, start)
    if at and ends[at - 1] > start:
        return False
    return not (at < len(starts) and starts[at] < end)


def _last_day_of_month(match: regex.Match[str], now: datetime) -> date:
    """The last day of the month "the end of …" names: this one, the next, or a named one.

    A named month is the next one of that name, or this one if it is this month.
    """
    year, month = now.year, now.month
    if match["eom_next"]:
        month += 1
    elif match["eom_month"]:
        named = 1 + next(
            i for i, name in enumerate(_MONTHS) if name.startswith(match["eom_month"].lower()[:3])
        )
        year += named < month
        month = named
    if month > 12:
        year, month = year + 1, month - 12
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _deadline(
    match: regex.Match[str], now: datetime, calendar: BusinessCalendar
) -> DeadlineMention | None:
    start, end = match.start(), match.end()
    if match["instant"]:
        return DeadlineMention(start, end, now, instant=True)
    if match["hour"]:
        return DeadlineMention(start, end, now + timedelta(hours=1))
    if match["eod"]:
        return DeadlineMention(start, end, calendar.end_of_today(now))
    if match["eow"]:
        return DeadlineMention(start, end, calendar.end_of_this_week(now))
    if match["nextweek"]:
        return DeadlineMention(start, end, calendar.end_of_next_week(now))
    if match["eom"]:
        return DeadlineMention(start, end, calendar.end_of_day(_last_day_of_month(match, now)))
    if match["hourday"]:
        part = match["bpart"].lower()
        hour = _hour_value(match["bh"].lower())
        if any(p in part for p in ("afternoon", "evening", "tonight")) and hour < 12:
            hour += 12
        elif "morning" not in part:
            hour = _working_hour(hour)
        day = now.date() + timedelta(days=1 if part.startswith("tomorrow") else 0)
        return DeadlineMention(start, end, calendar.at(day, time(hour % 24, 0)))
    if match["clockonly"]:
        only = _clock_time(_CLOCK_ONLY.findall(match.group())[-1])
        if match["clockday"]:
            try:
                day, _ = _resolve_day(match["clockday"].removeprefix("on "), now, calendar)
                if "the" in match["clockday"].split():
                    day = _next_day_of_month(
                        now.date(), int(_ORDINAL.findall(match["clockday"])[-1])
                    )
            except (ValueError, StopIteration):
                return None
            return DeadlineMention(start, end, _at(calendar, day, only, match["zone"]))
        due = _at(calendar, now.date(), only, match["zone"])
        if due < now:
            due = _at(calendar, now.date() + timedelta(days=1), only, match["zone"])
        return DeadlineMention(start, end, due)
    if match["schedule"]:
        return None  # "Monday to Friday" is when something happens, not a deadline
    day_text = match["day"]
    try:
        day, default_clock = _resolve_day(day_text, now, calendar)
    except (ValueError, StopIteration):
        return None
    if match["before"]:
        day -= timedelta(days=1)  # "before Christmas": by the end of the day before
        default_clock = None
    clocks = [_clock_time(c) for c in _CLOCK_ONLY.findall(match["clocks"] or "")]
    clock: time | None = max(clocks) if clocks else default_clock
    due = calendar.end_of_day(day) if clock is None else calendar.at(day, clock)
    end = match.end("clocks") if clocks else match.end("day")
    return DeadlineMention(start, end, due, gone=_gone_by(match.string, start))


# A day named after a verb in the simple past, with nothing of the future between: "was
# processed on Monday", "we sent it on the 3rd", "it arrived back with us on Friday". (A present
# perfect, "I've booked you in on Monday", does an act now for a day to come.)
_PAST_ON = compile_verbose(
    rf"""(?<!\b(?:have|has|had|'ve|'s|'d|is|are|be|been|being|gets?|will|'ll)\s+(?:\w+\s+)?)
        # A participle after "get" and its object is a causative to come, not a past act:
        # "we'll get the boiler fixed on Friday", "I'll get your new blind fitted on the 9th".
        (?<!\b(?:get|gets|getting)\s+(?:\w+\s+){{1,3}})
        \b(?:was|were|{alternation(PAST_ONLY_VERBS)}|{alternation(PAST_AND_PARTICIPLE_VERBS)}
        |(?!{alternation(NOT_PAST_IN_ED)})[a-z]{{2,}}ed)\b
        (?:(?!\b(?:will|'ll|for|by|until|till|before|be|is|are|which|and|but|so)\b)[^.!?;\n])*
        \bon\s+(?:the\s+)?$"""
)
_GONE_REACH = 80
# The end of a span that runs from now: "until next Friday", "till the 27th", "until you're
# back on the 27th" (a clause of its own may come between).
_UNTIL_BEFORE = compile_verbose(
    r"\b(?:until|till|til|untill|up\s+to(?:\s+and\s+including)?)\s+(?:[^.!?;,]{0,30}?\s)?$"
)
_UNTIL_REACH = 40
# Time added to another: "an extra day", "2 additional business days", "an additional week".
_EXTRA = compile_verbose(r"\b(?:extra|additional)\b")
# Time lost or added by something, not an act's own time: "the holiday *costs us* a day",
# "we *lost* two days to the strike", "the customs check *adds* a week", "*set us back* a day";
# or time gained, the same difference the other way: "rush *saves* a couple of weeks".
_LOST_BEFORE = compile_verbose(
    r"""\b(?:costs?|costing|cost\s+us|los(?:e|es|t|ing)|adds?|added|adding|set(?:s|ting)?\s+(?:us|you|it|them)\s+back
        |sav(?:e|es|ed|ing))
        \s+(?:(?:us|you|them|it|another|an\s+extra)\s+)?(?:(?:about|around|roughly|nearly|almost)\s+)?$""",
    from_end=True,
)
# What remains of a window: "you'll *still have* a couple of weeks", "you've *still got* 10
# days", "the *remaining* 3 days"; or, after the length, "10 days *left*", "3 days *remaining*",
# "two weeks *to spare*".
_STILL_HAVE_BEFORE = compile_verbose(
    r"""(?:\bstill\s+(?:have|has|got|get)|(?:'ve|have|has)\s+still\s+got|\bremaining)
        \s+(?:(?:about|around|roughly|nearly|almost|over|at\s+least)\s+)?(?:the\s+)?$""",
    from_end=True,
)
_LEFT_AFTER = compile_verbose(r"\s+(?:left|remaining|to\s+spare)\b")
_BEYOND_AFTER = compile_verbose(
    r"\s+(?:past|beyond|outside|out\s+of)\s+(?:the|your|its|their|our|this|that)\b"
)
# A time that is the subject of a comparison with a limit: "three weeks *is well within* our
# 30-day window", "six weeks *puts you outside* it", "2 years is inside the 5-year warranty".
# It measures the case; the limit is said elsewhere.
_MEASURED_AFTER = compile_verbose(
    r"""\s+(?:is|are|puts?\s+(?:you|it|them|this|that|us|him|her))
        (?:\s+(?:well|still|comfortably|safely|just|easily|already|now|right|definitely|far))*
        \s+(?:within|inside|under|outside|past|beyond|over)\b"""
)


def _gone_by(text: str, start: int) -> bool:
    """Whether the day at ``start`` is named as the day of something already done."""
    # Every match of _PAST_ON ends in "on" or "on the" and spaces, right before the day: a
    # test of the last word is far cheaper than the pattern, tried at each word of its reach.
    window = max(0, start - _GONE_REACH)
    return bool(
        _past_verb_on(text, window, start)
        or _LAST_BEFORE.search(text, max(0, start - 6), start)
        or _WAS_DUE_BEFORE.search(text, max(0, start - 30), start)
    )


# What _PAST_ON lets no word run past between its verb and "on": a stop, or a word that opens
# another clause or time ("by", "will", "and"), as its own pattern spells them.
_PAST_ON_BREAK = compile_verbose(
    r"\b(?:will|'ll|for|by|until|till|before|be|is|are|which|and|but|so)\b|[.!?;\n]",
    from_end=True,
)


def _past_verb_on(text: str, window: int, start: int) -> bool:
    """``_PAST_ON.search(text, window, start)``, with less of the text to try.

    Every match ends in "on" (or "on the") and spaces just before ``start``, so a text that
    does not is not searched. And no match holds a break (:data:`_PAST_ON_BREAK`) before that
    "on", so it starts after the last break: the search starts there, instead of trying the
    verbs at every word of the window (its look-behind still reads the words before).
    """
    head = text[window:start].rstrip()
    tail = head[-3:].lower()
    if tail.endswith("the"):
        head = head[:-3].rstrip()  # "on the": the "on" is before the "the"
        tail = head[-3:].lower()
    if not tail.endswith("on"):
        return False
    on_at = window + len(head) - 2
    last_break = _PAST_ON_BREAK.search(text, window, on_at)
    begin = window if last_break is None else last_break.start()
    return _PAST_ON.search(text, begin, start) is not None


# A deadline that was: "the report was due Friday", "they were due on the 3rd".
_WAS_DUE_BEFORE = compile_verbose(r"\b(?:was|were)\s+(?:\w+\s+)?due\s+(?:on\s+|by\s+)?(?:the\s+)?$")


# "Last Monday", "last 3rd" name a day that has gone by.
_LAST_BEFORE = regex.compile(r"(?i)\blast\s+$")


def _amount(text: str, start: int, end: int, value: Money | Percent | Count) -> AmountMention:
    before = text[max(0, start - 80) : start]
    after = text[end : end + 30]
    rule_like = bool(
        _RULE_BEFORE.search(before)
        or _RULE_AFTER.search(after)
        or _PERMITTED_BEFORE.search(before)
        or (isinstance(value, Count) and _COUNT_RULE_AFTER.search(after))
    )
    held = isinstance(value, Count) and bool(_HELD_BEFORE.search(before))
    aggregate = isinstance(value, Money) and bool(
        _sums_before(text[max(0, start - 80) : start])
        or _AGGREGATE_AFTER.search(after)
        # "the inspection is $400 and there's a $60 travel fee - $460 all in": after other
        # sums, everything counted ("$119 all-in" alone is one thing's whole price).
        or (_ALL_IN_AFTER.match(after) and _SUM_BEFORE.search(before))
    )
    # A count summed over several ("over 2 days you've got 300 miles in total") is no limit
    # of one ("you're allowed one extension in total" is).
    aggregate = aggregate or (
        isinstance(value, Count)
        and bool(_COUNT_SUMMED_AFTER.search(after))
        and bool(_OVER_SEVERAL_BEFORE.search(before))
    )
    compared = _COMPARED_WITH.search(before) if isinstance(value, Money) else None
    if compared is not None and not aggregate:
        # "your total comes to $66 instead of $80": what a sum is set against is that sum
        # as it was, and a sum as well.
        other = start - len(before) + compared.start()
        aggregate = _sums_before(text[max(0, other - 80) : other])
    # The start of the text opens a clause as a stop does.
    entitled = bool(_ENTITLED_BEFORE.search(before if start > 80 else f"\n{before}"))
    return AmountMention(
        start,
        end,
        value,
        rule_like=rule_like and not held,
        aggregate=aggregate,
        held=held,
        entitled=entitled,
    )


# The most "several" may be: fewer than ten, where "many" begins.
_SEVERAL_AT_MOST = Decimal(9)


def _low_value(low_text: str) -> Decimal | None:
    """The number a duration starts from: "a few" is 3, "next" 1, "same" 0, "half an" 0.5."""
    if low_text in ("a few", "few", "several"):
        return Decimal(3)
    if low_text in ("first", "next", "following"):
        return Decimal(1)
    if low_text == "same":
        return Decimal(0)
    if low_text in ("half a", "half an", "a half"):
        return Decimal("0.5")
    try:
        return number_value(low_text)
    except ValueError:
        return None


def _duration(text: str, match: regex.Match[str]) -> DurationMention | None:
    low_text = " ".join(match["low"].lower().split())
    low = _low_value(low_text)
    if low is None:
        return None
    # "a week or two": the unit said once, the range after it.
    upper = match["high"] or match["higher"]
    high = number_value(upper) if upper else low
    if low_text == "several" and not upper:
        # "Several" is more than two but not many (Collins, Merriam-Webster): no one number.
        high = _SEVERAL_AT_MOST
    if match["half1"] or match["half2"]:
        # "an hour and a half", "one and a half days"
        low, high = low + Decimal("0.5"), high + Decimal("0.5")
    if high < low:
        return None
    unit = TimeUnit.from_text(match["unit"])
    factor = unit_factor(match["unit"])
    # "a 10 minute call", "3-5 day shipping": a unit left singular after a number above one
    # makes the length a modifier of the noun after it, as a hyphen does (CGEL ch. 19).
    modifies = high > 1 and not match["unit"].lower().endswith("s") and _a_noun_next(text, match)
    low, high = low * factor, high * factor
    if low_text == "same":
        # "the same day" may end tonight or at close of business: no longer than a
        # working day, and shorter than any time of more than one.
        high, unit = Decimal(1), TimeUnit.BUSINESS_DAY
    duration = Duration(low, high, unit)
    start, end = match.start(), match.end()
    before = text[max(0, start - 40) : start]
    after = text[end : end + 20]
    noun = match["noun"]
    role: DurationRole
    one_on = low_text in ("next", "following", "same")
    if one_on and (noun is not None or (_next_is_noun(after) and not _AFTER_ONE_ON.match(after))):
        return None  # "a next day pass", "the following day's slot": a thing, no time
    if one_on and _START_BEFORE.search(before):
        return None  # "5 days from the next working day": when a time starts, no time
    if match["compound"] or (
        noun is None and ((match["joint"].strip() == "-" and _next_is_noun(after)) or modifies)
    ):
        role = "compound"
        if noun is None:
            noun_match = _NOUN_NEXT.match(after)
            noun = noun_match[1] if noun_match else None
        end = match.end("unit")
    else:
        role = _duration_role(text, low_text, start, end, before, after)
    return DurationMention(
        start,
        end,
        duration,
        role,
        noun.lower() if noun else None,
        from_event=bool(_FROM_EVENT_AFTER.match(after)),
        # "A refund is only possible within 24 hours of booking": what is allowed in a time
        # counted from an event is the customer's window, not how long an act takes.
        permits=bool(_PERMITS_BEFORE.search(before)),
        at_event=low_text == "same" and bool(_EVENT_AFTER.match(after)),
        vague=low_text == "several" and not upper,
    )


def _duration_role(
    text: str, low_text: str, start: int, end: int, before: str, after: str
) -> DurationRole:
    """How a sentence uses a length that is no compound modifier, read from the words around it.

    The tests are asked in this order, and the order is the reading: a length "ago" is gone
    whatever comes after it; an "extra" day is added to another time before it can be a
    notice, a rate or a window; "for" after a frequency ("twice a week for 6 weeks") is a
    length, but a frequency alone is a rate.
    """
    if (
        _AGO_AFTER.search(after)
        or (_BEEN_BEFORE.search(before) and _SINCE_AFTER.search(after))
        or _WAITED_BEFORE.search(before)
        or _AGE_BEFORE.search(before)
    ):
        return "ago"
    if _MEASURED_AFTER.match(text, end, end + 60):
        return "age"
    if (
        _EXTRA.search(text, max(0, start - 12), end)
        or _BEYOND_AFTER.match(after)
        or _LOST_BEFORE.search(before)
    ):
        # "allow an extra day", "6 months past the 5-year warranty": added to a time said
        # elsewhere, or how far beyond it a case is.
        return "extra"
    if _STILL_HAVE_BEFORE.search(before) or _LEFT_AFTER.match(after):
        return "left"
    if _NOTICE_AFTER.search(after):
        return "notice"
    if _MONEY_GENITIVE.match(after):
        return "measure"  # "one week's rent", "two weeks' pay": a sum, no time
    if _MEASURE_GENITIVE.match(after):
        return "for"  # "12 months' warranty", "an hour's grace": the length of something else
    if _BEFORE_AFTER.search(after) and not _UNTIL_CHARGED.match(text, end, end + 60):
        # "(at least / more than) 24 hours before you sail": a notice, counted back from an event.
        return "before"
    if (
        _COMPARE_BEFORE.search(before)
        or _OR_MORE_AFTER.match(after)
        or (_FAR_OFF_BEFORE.search(before) and _FAR_OFF_AFTER.match(after))
    ):
        # "flights longer than 4 hours", "the lesson is only 3 hours away": a measure of
        # something, no window.
        return "compare"
    if _VALID_FOR_BEFORE.search(before):
        return "window"
    if _FREQUENCY_AFTER.search(after) and not _FOR_BEFORE.search(before):
        return "rate"
    if (low_text in ("a", "an", "per", "each") and _RATE_BEFORE.search(before)) or (
        _EVERY_BEFORE.search(before)
    ):
        # "12 weeks a year"; "a maintenance wash every 6 months": how often, no length.
        return "per"
    if _FOR_BEFORE.search(before) or _FREQUENCY_AFTER.search(after):
        return "for"
    if _TAKES_BEFORE.search(before):
        return "takes"
    if _WITHIN_BEFORE.search(before):
        return "within"
    if _WINDOW_BEFORE.search(before):
        return "window"
    if low_text == "same":
        return "takes"  # "I'll issue the voucher the same day": how soon, never a window
    return "bare"


# Words that open a clause naming a day: "the same day *we* sweep", "the next day *it's* in".
_OPENS_A_RELATIVE = "i|we|you|they|he|she|it|that"
# What names the event of "the same day": a clause ("the same day *we* sweep") or "as".
_EVENT_AFTER = regex.compile(rf"(?i)\s*(?:as|when|{_OPENS_A_RELATIVE})\b")


_START_BEFORE = regex.compile(r"(?i)\b(?:from|starting|since|until|till)\s+(?:the\s+)?$")
# Words that may follow "the next day" in a sentence without making it a noun's modifier.
_AFTER_ONE_ON = regex.compile(
    r"(?i)\s*(?:after|if|at|by|in|and|or|when|once|as|for|from|so|but|with|to|though|unless"
    r"|since|because|provided|before|instead|too|then|usually|normally|anyway|which|where"
    # A preposition heads no noun: "next business day across the metro area".
    r"|across|around|throughout|within|on|over|via|during|into|anywhere|everywhere|nationwide"
    # A relative clause names the day, not a thing: "the same day we sweep", "the next day
    # it's in stock".
    rf"|{_OPENS_A_RELATIVE})\b"
)


_WORD_AFTER = regex.compile(r"\s+([a-z][\w-]*)", regex.IGNORECASE)
_NOUN_NEXT = regex.compile(r"\s*([a-z]+(?:-[a-z]+)?)", regex.IGNORECASE)


def _next_is_noun(after: str) -> bool:
    return bool(_NOUN_NEXT.match(after))


def _a_noun_next(text: str, match: regex.Match[str]) -> bool:
    """Whether the word right after a length can be a noun it modifies (not "of", "ago")."""
    word = _WORD_AFTER.match(text, match.end(), match.end() + 40)
    return word is not None and _names_a_thing(word[1])


def _names_a_thing(word: str) -> bool:
    """Whether a word after a number can be what is counted (not "of", "per", "more")."""
    lower = word.lower()
    return lower.isalpha() and lower not in ENGLISH and lower not in _NOT_COUNTED


# Words after a number that count nothing of their own: "3 per customer", "2 more", "5 each".
_NOT_COUNTED = frozenset(AFTER_AN_AMOUNT) | {"more", "less", "fewer", "times", "each", "or"}


def _a_kind_of_any(noun: str, nouns: set[str]) -> bool:
    """Whether a noun names a kind of what one of the counted nouns names ("dolls" of toys)."""
    return any(is_a_kind_of(stem(noun), stem(counted)) for counted in nouns)


_COUNT = compile_verbose(
    # A describing word may be one of two joined ("two free door or window sensors", "6
    # door/window sensors").
    rf"""(?<![\w.,$£€])(?P<n>{HUNDREDS}|{NUMBER})
        (?P<words>(?:\s+[a-z][\w-]*(?:/[a-z][\w-]*|\s+(?:or|and)\s+[a-z][\w-]*(?=\s+[a-z]))?){{1,3}})"""
)


# How many times an act is done: "renew it up to 5 times", "swap twice per rental", "renewed it
# a fourth time". Not how often something recurs ("twice a day"), nor a comparison ("three
# times faster"). The count is of the act whose term the clause names (see attribution).
_TIMES_HINT = regex.compile(r"(?i)\btimes?\b|\btwice\b|\bthrice\b")
_ORDINAL_TIMES = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
_TIMES_DONE = compile_verbose(
    rf"""(?<![\w.,$£€])
    (?:(?P<n>{NUMBER})\s+times|(?P<twice>twice|thrice)
      |(?:a|the)\s+(?P<ord>{"|".join(_ORDINAL_TIMES)})\s+time)\b
    (?!\s+(?:a|an|per|each|every)\s+(?:day|week|fortnight|month|year|night)\b
      |\s+in\s+a\s+row\b|\s+(?:more|faster|slower|longer|bigger|larger|over|as|than)\b)"""
)


def _times_done(text: str, free_span: Callable[[int, int], bool]) -> list[AmountMention]:
    found = []
    for match in _TIMES_DONE.finditer(text):
        if not free_span(match.start(), match.end()):
            continue
        if match["twice"]:
            value = Decimal(2 if match["twice"].lower() == "twice" else 3)
        elif match["ord"]:
            value = Decimal(_ORDINAL_TIMES[match["ord"].lower()])
        else:
            try:
                value = number_value(match["n"])
            except ValueError:
                continue
        found.append(_amount(text, match.start(), match.end(), Count(value, "time")))
    return found


# Nouns whose number names one thing rather than counting: "size 312", "room 4", "model 3".
_LABEL_BEFORE = regex.compile(
    r"(?i)\b(?:size|model|type|version|room|gate|platform|seat|row|flight|route|bay|level|floor"
    r"|apartment|flat|suite|no\.|number|#)\s*$"
)
# A number of people said without a noun: "all 16 of you", "the three of us"; "a party of
# 16", "a table for 8", "a group of 18" (a noun after the number is counted as usual).
_PEOPLE_OF = compile_verbose(rf"(?P<n>{NUMBER})\s+of\s+(?:you|us|them)\b")
_PARTY_OF = regex.compile(r"(?i)\b(?:party|group|table)\s+(?:of|for)\s+$")
_ARTICLES = frozenset({"a", "an"})
_BARE_NUMBER = compile_verbose(rf"(?P<n>{NUMBER})\b(?!\s*%)")


def _counts(
    text: str, nouns: set[str], free_span: Callable[[int, int], bool], starts: list[int]
) -> list[AmountMention]:
    found = []
    people = nouns >= PEOPLE  # the policy counts people
    for position in starts:
        if people:
            group = match_at(_PEOPLE_OF, text, position)
            if group is None and ends_just_before(_PARTY_OF, text, position, 20):
                group = match_at(_BARE_NUMBER, text, position)
            if group is not None and free_span(position, group.end()):
                # "all 16 of you", "a party of 16": a number of people, with no noun of its own.
                value = number_value(group["n"])
                found.append(_amount(text, position, group.end(), Count(value, "person")))
                continue
        match = match_at(_COUNT, text, position)
        if match is None or ends_just_before(_LABEL_BEFORE, text, position, 12):
            continue  # "size 312 batteries", "model 4 chairs": a number that names, not counts
        if match["n"].lower() in _ARTICLES:
            continue  # "comes with a private party room": an article, not a count
        # The counted noun may follow up to two describing words ("three child seats"); the
        # policy's own noun is preferred to a kind of it ("6 buddy passes" counts passes).
        end = match.end("n")
        words = list(_WORD_AFTER.finditer(match["words"]))
        exact = [w for w in words if singular(w[1]) in nouns]
        generic = next((n for n in GENERIC_COUNT_NOUNS if n in nouns), None)
        for word in exact or words:
            noun = singular(word[1])
            if generic and word is words[0] and word[1].lower() == "per":
                noun = generic  # "limited to 3 per customer": 3 of what the clause counts
            elif (
                noun not in nouns
                and not _a_kind_of_any(noun, nouns)
                and not (
                    # "up to 2 units" of a pre-order: "4 consoles" counts them.
                    generic and word is words[0] and _names_a_thing(word[1])
                )
            ):
                continue
            end = match.end("n") + word.end()
            if not free_span(match.start(), end):
                break
            try:
                value = number_value(match["n"])
            except ValueError:
                break
            found.append(_amount(text, match.start(), end, Count(value, noun)))
            break
    return found


# A floor on a time, not a ceiling: "at least 48 hours", "more than a week", "no less than 3
# days", "a minimum of 2 days". Nothing it says is faster than the policy's time.
_AT_LEAST = regex.compile(
    r"(?i)\b(?:at\s+least|no\s+less\s+than|not\s+less\s+than|more\s+than|longer\s+than"
    r"|a\s+minimum\s+of|minimum\s+of|upwards\s+of|over"
    # A delay the case must reach: "each journey delayed by 15 minutes".
    r"|(?:delayed|late|behind|overdue)\s+by)\s*$"
)
# ...or said after it: "delays of 15 minutes or more", "stays of 3 nights or longer".
_OR_MORE = regex.compile(rf"(?i)\s*or\s+(?:{_OR_MORE_WORDS})\b")


def is_how_far_off(text: str, end: int) -> bool:
    """Whether the time that ends at ``end`` says how far off something is ("10 minutes out").

    "Tracking shows them about 10 minutes out", "the lesson is only 3 hours away": where a
    thing is, or how soon an event comes, and no time an act takes.
    """
    return match_at(_FAR_OFF_AFTER, text, end) is not None


def is_a_floor(text: str, start: int, end: int | None = None) -> bool:
    """Whether the time at ``start`` is a floor, not a ceiling ("at least 48 hours").

    Args:
        text: The reply.
        start: Where the time starts.
        end: Where it ends, to look for "or more" after it.
    """
    if end is not None and match_at(_OR_MORE, text, end):
        return True
    return ends_just_before(_AT_LEAST, text, start, 40)


# Notice the customer gives, as the case a rule is for: "without 48 hours' notice it's
# non-refundable", "cancelled with less than 24 hours' notice" (not "we need 2 weeks' notice").
_NOTICE_GIVEN = regex.compile(
    r"(?i)\b(?:with|without|given|on)\s+(?:(?:less|fewer)\s+than\s+|under\s+|only\s+|just\s+)?$"
)


def is_notice_given(text: str, start: int) -> bool:
    """Whether the notice at ``start`` is given by the customer, as a case ("without 48 hours' notice").

    Such notice is when a rule applies, not how long an act takes.

    Args:
        text: The reply.
        start: Where the length of the notice starts.
    """
    return ends_just_before(_NOTICE_GIVEN, text, start, 40)


# When something starts, not when it is done: "from today", "starting Monday", "as of the 1st".
_STARTS_AT = regex.compile(r"\b(?:from|starting|as\s+of|beginning|effective|since)\s+$", regex.I)


def starts_from(text: str, start: int) -> bool:
    """Whether the day at ``start`` is when something starts ("from today", "starting Monday").

    Args:
        text: The reply.
        start: Where the day starts.
    """
    return ends_just_before(_STARTS_AT, text, start, 20)


# A day left out, not a deadline: "every day except the 24th", "closed on Christmas Day".
_EXCEPT = regex.compile(r"(?i)\b(?:except|apart\s+from|but\s+not|closed)\b[^.;:!?]*$")


def is_excepted(text: str, start: int) -> bool:
    """Whether the day at ``start`` is a day off, not a deadline ("every day except the 24th").

    Args:
        text: The reply.
        start: Where the day starts.
    """
    return ends_just_before(_EXCEPT, text, start, 40)


# A day given to compare another with: "well before New Year", "long before the 24th",
# "plenty of time before Thursday".
_WELL_BEFORE = regex.compile(
    r"(?i)\b(?:well|long|way|(?:plenty\s+of|lots\s+of|loads\s+of|ample|enough|good)\s+time)"
    r"\s+(?:before|ahead\s+of)?\s*$"
)


def is_well_before(text: str, start: int) -> bool:
    """Whether the day at ``start`` is one to compare another with ("well before New Year").

    Args:
        text: The reply.
        start: Where the day starts.
    """
    return ends_just_before(_WELL_BEFORE, text, start, 30)


# A sum taken off a price: "£10 off today's sweep", "knocked $5 off" (not "off-peak", a kind
# of price, or "off the books", a way of paying it).
_OFF_AFTER = compile_verbose(
    r"\s*off\b(?![\s-]*(?:peak|season|site|hours?|duty|the\s+(?:books|record|menu)))"
)


# Words for a window counted back from an event: "when given at least 24 hours' notice",
# "up to 48 hours before the session", "cancelled in advance".
_COUNTED_BACK = regex.compile(r"(?i)\b(?:notice|before|in\s+advance|ahead\s+of)\b")


def speaks_of_notice(text: str) -> bool:
    """Whether a description of an act counts its window back from an event.

    Args:
        text: What a policy says of the act ("move a class free when given 6 hours'
            notice").
    """
    return bool(_COUNTED_BACK.search(text))


# A bound on some other sum, just before an amount: "repairs *over* £200", "orders *under*
# $35", "a balance *of more than* $500". Not a cap said with a negation: "no more than $5".
_THRESHOLD_BEFORE = compile_verbose(
    r"""(?<!\b(?:no|not|never)\s+)
        \b(?:over|above|under|below|more\s+than|less\s+than|at\s+least|upwards\s+of
          |in\s+excess\s+of)\s+$""",
    from_end=True,
)


def is_a_threshold(text: str, start: int) -> bool:
    """Whether the sum starting at ``start`` bounds another sum, not a price of its own.

    "You qualify because the repairs are over £200": the £200 is how much the repairs
    come to at least, no price the business charges.

    Args:
        text: The reply.
        start: Where the sum starts.
    """
    return _THRESHOLD_BEFORE.search(text, max(0, start - 30), start) is not None


def is_taken_off(text: str, end: int) -> bool:
    """Whether the sum ending at ``end`` is taken off a price, not the price itself.

    Args:
        text: The reply.
        end: Where the sum ends.
    """
    return match_at(_OFF_AFTER, text, end) is not None


# The preposition that says how a quantity is used: "within 3 days", "by Friday", "up to $50".
_PREPOSITION_BEFORE = regex.compile(
    r"(?:\b(?:within|in|by|under|inside|before|until|up\s+to|less\s+than)\s+(?:the\s+)?(?:next\s+)?)$",
    regex.IGNORECASE,
)


# A day right after the business's own verb in the perfect, as its object: "I've moved
# *Friday*", "we've cancelled *your Monday* slot" (not a passive: "it's delivered
# tomorrow"). What was acted on is the booking on that day, not when.
_DAY_AS_OBJECT = regex.compile(
    r"(?i)\b(?:i|we)(?:'ve|\s+have)\s+(?:(?:just|already|now|also)\s+)?"
    r"(?:[a-z]{2,}ed|kept|held|put|set|made)\s+(?:(?:your|the|this|that)\s+)?$"
)


def is_acted_on(text: str, mention: DeadlineMention) -> bool:
    """Whether a day is what a past verb acted on ("I've moved Friday").

    In a clause that reports the act done, such a day names the booking on it, not a time
    by which anything will be done.

    Args:
        text: The reply.
        mention: A day in it.
    """
    return _DAY_AS_OBJECT.search(text, max(0, mention.start - 30), mention.start) is not None


def means_currently(text: str, mention: DeadlineMention) -> bool:
    """Whether an instant is "right now", which in a statement means "currently".

    "We're fully booked right now", "both sizes are on the shelf right now": a state that holds
    at present, no time by which an act is done (unlike "I'll send it right now").

    Args:
        text: The reply.
        mention: An instant in it.
    """
    return mention.instant and " ".join(text[mention.start : mention.end].lower().split()) == (
        "right now"
    )


def with_preposition(text: str, start: int, end: int) -> str:
    """The quantity at ``start:end`` with the preposition that says how it is used ("by Friday").

    Args:
        text: The reply.
        start: Where the quantity starts.
        end: Where it ends.
    """
    before = _PREPOSITION_BEFORE.search(text[max(0, start - 30) : start])
    if before is not None:
        start -= len(before.group())
    return text[start:end]
