"""How the checker reads what real replies do: each mechanism with sentences of its own.

Every case here is a general reading of English (SPEC §3), shown with several sentences
that are not the ones that exposed it, for a made-up business. A case that fires must
fire and a case that is quiet must stay quiet.
"""

from __future__ import annotations

import ast
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import honestcs
from honestcs.text import split_sentences
from honestcs.text.acts import is_declining
from honestcs.text.answers import declines_more_than_sympathy, hands_over
from honestcs.text.facts import split_segments
from honestcs.text.questions import asks_what_next, concepts_of

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))

POLICY: dict[str, Any] = {
    "policy": {"name": "Hillside Hotels", "timezone": "Europe/London"},
    "can": [
        {"id": "refund", "does": "refund a cancelled stay", "terms": ["refund"],
         "takes": "5-10 business days"},
        {"id": "free-cancellation", "does": "cancel a booking without charge",
         "terms": ["cancel", "cancellation"], "within": "48 hours"},
        {"id": "voucher", "does": "give a goodwill voucher", "terms": ["voucher"],
         "up_to": "£80"},
        {"id": "guests", "does": "book several guests in one room", "terms": ["guests"],
         "up_to": "4 guests"},
        {"id": "parking", "does": "reserve a parking space beyond the free first night",
         "terms": ["parking"], "costs": "£15"},
        {"id": "member-parking", "does": "reserve parking for members", "terms": ["member parking"],
         "costs": "£0"},
    ],
    "cannot": [
        {"id": "pets", "terms": ["bring a dog", "bring your dog", "pets"],
         "because": "Our rooms are shared with guests who have allergies."},
    ],
}  # fmt: skip

CHECKER = honestcs.ReplyChecker(honestcs.Policy.from_dict(POLICY))


def _rules(reply: str, customer: str | None = None) -> list[str]:
    return _rules_of(CHECKER, reply, customer)


def _rules_of(
    checker: honestcs.ReplyChecker, reply: str, customer: str | None = None
) -> list[str]:
    """The rule ids ``checker`` reports on ``reply`` at ``NOW``, sorted, each once."""
    report = checker.check(reply, customer_message=customer, now=NOW)
    return sorted({f.rule for f in report.findings})


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry to hear you can't log in to the app.",
        "I'm sorry you can't make it this weekend.",
        "We understand you are not able to find the confirmation email.",
        "It's never fun when you can't get a signal in your room.",
        "I can't promise the pool will be quiet on Saturday.",
        "We can't confirm a time for the lift repair yet.",
        "I'm sorry I couldn't do more to help today.",
        "Sorry I can't do more on this one.",
        "I'm sorry we can't be more help here.",
        "For help with a booking you can't find, please use the form on our site.",
        "Any rooms they can't clean today will be ready by noon tomorrow.",
        # None of something there is, said with regret, refuses nothing.
        "Hi Orla, no news on the lift yet I'm afraid.",
        "Sorry, no problem at all - the room is yours.",
        "There's no charge for that, sorry for the confusion.",
    ],
)
def test_situations_hedges_and_apologies_are_not_refusals(reply: str) -> None:
    """The customer's own situation, a hedge, or an apology for not doing more declines nothing."""
    assert "unexplained-refusal" not in _rules(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Prepaid rates can't be cancelled.",
        "Non-refundable bookings cannot be changed.",
        "As per our policy, I'm unable to move the booking.",
        "Under the booking terms, we can't split the bill.",
        # A reason after a dash may open with a contraction.
        "Sorry, we can't move the booking - it'd clash with a wedding in every room.",
        "We can't split the bill - they'd need separate bookings from the start.",
        "The stay was booked eight weeks ago. As such, I can't change the rate.",
        "I can't add breakfast to an existing reservation.",
        "Late check-out isn't possible for group bookings.",
        "Once a booking is checked in, it cannot be cancelled.",
        "Without a booking reference, I can't look up the stay.",
        "Non-residents can't be given a parking permit.",
        "I can help with bookings, cancellations and invoices, but I can't arrange taxis.",
        "Non-refundable rates can't be cancelled.",
    ],
)
def test_reasons_given_in_other_ways_are_seen(reply: str) -> None:
    """A rule naming the kind of case, a citation, or a pointer back is a reason."""
    assert "unexplained-refusal" not in _rules(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry, that's not possible.",
        "I can't change the name on it.",
        "Sorry, you can't bring a dog.",
        "We don't offer airport transfers.",
        "Spa upgrades aren't something we can do.",
        "I can help you with your booking, but I can't remove a guest from it.",
        # What is not allowed, named after "no" with a word of regret.
        "Hi Grace, no fireworks I'm afraid. Sparklers are fine in the garden though!",
        "Sorry, no late check-out on Sundays.",
        "No room service, sorry.",
        # A word of regret after a dash opens the no, and explains nothing.
        "Hi there - I'm afraid we can't move the booking.",
        # A time that won't work, with the regret after it.
        "Friday won't work, sorry. Would Thursday suit instead?",
        "Sunday check-outs won't work, I'm afraid.",
        "Hello again - unfortunately we can't split the bill.",
    ],
)
def test_a_bare_no_is_still_a_refusal(reply: str) -> None:
    """A refusal with no reason still fires (at its shipped severity)."""
    assert "unexplained-refusal" in _rules(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Your total for the three nights comes to £420.",
        "The balance of £95.50 will be charged on arrival.",
        "Room £300 + parking £15 = £315.",
        "The booking has only one guest on it.",
        "I found two bookings with only one guest.",
        "You can cancel free of charge within 48 hours of booking, and the refund follows.",
        "Rooms longer than 48 hours in advance are cheaper.",
    ],
)
def test_totals_counts_of_one_booking_and_windows_are_not_a_clause_figure(reply: str) -> None:
    """Sums, what one booking holds, and a window counted from an event break no limit."""
    assert _rules(reply) == []


@pytest.mark.parametrize(
    ("reply", "rule"),
    [
        ("I've added an £100 voucher to your account.", "overpromise"),
        ("if you stay two more nights i can give you a £90 voucher", "overpromise"),
        ("Each room takes up to 6 guests.", "policy-misstatement"),
        ("Your refund will be with you tomorrow.", "overpromise"),
    ],
)
def test_real_breaks_still_fire(reply: str, rule: str) -> None:
    """The readings above do not hide a figure that breaks its clause."""
    assert rule in _rules(reply)


def test_a_figure_that_fits_another_clause_named_with_it_gets_the_benefit_of_the_doubt() -> None:
    """SPEC §3: a quantity that could belong to two clauses is a finding only if it breaks both."""
    assert _rules("Member parking is £0.") == []
    assert _rules("Parking is £5.") == ["policy-misstatement"]


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Can I cancel the Friday night?", "Could you send me the booking reference, please?"),
        ("Do you have rooms on the 4th?", "You're being transferred to a colleague now."),
        ("Can you move my stay? How does that sound?", "Sure, I've moved it to the 12th."),
        ("Why did the scarecrow win an award? Because he was outstanding. Anyway, hi!", "Hi!"),
        ("Wtf? Seriously?", "Sorry about the trouble with your stay."),
        ("I thought I added breakfast. Can you check?", "Let me check the booking for you."),
        ("What does a late checkout cost?", "Late checkout until 2pm is £20."),
        ("Can I swap rooms? What would an extra night cost?", "Yes, and an extra night is £95."),
        ("Why was I charged twice?", "I'm so sorry about that. Could you send me the booking "
         "reference?"),
        ("hey when do i get my refund", "whats ur booking ref? ill look it up"),
        ("Is my room ready?", "What name is the booking under? I'll check."),
    ],
)
def test_replies_that_address_the_question_in_other_ways(customer: str, reply: str) -> None:
    """Gathering details, a handover, an outcome; tag, rhetorical and self-answered questions."""
    assert "unanswered-question" not in _rules(reply, customer)


def test_a_question_left_alone_still_fires() -> None:
    """A reply that answers one question and leaves the other unaddressed is reported."""
    rules = _rules(
        "Yes, you can cancel within 48 hours. Could you send me the booking reference?",
        "Can I cancel, and how long does the refund take?",
    )
    assert "unanswered-question" in rules


def test_a_belief_about_the_past_asks_for_nothing() -> None:
    """'I thought I'd booked pets in' asks for no pets; 'Sure, let me check' agrees to nothing."""
    customer = "I thought I'd already booked pets in. Can you check my booking?"
    assert _rules("Sure, let me check the booking.", customer) == []
    asked = "Can I bring pets? Can you check my booking?"
    # ("Sure, no problem" says yes to the pets and leaves the booking unanswered.)
    expected = ["unanswered-question", "unauthorized-promise"]
    assert _rules("Sure, no problem at all!", asked) == expected
    # ...while a yes in a sentence about the other question answers that one.
    assert _rules("Sure, let me check the booking.", asked) == []


def test_an_emails_quoted_thread_is_not_the_reply() -> None:
    """Lines quoted with '>' and an 'On … wrote:' thread are what someone else wrote."""
    reply = (
        "Hi Sam,\n\nThanks for getting in touch.\n\nBest,\nJo\n\n"
        "On Mon, 30 Nov 2026 at 09:00, Sam <sam@example.com> wrote:\n"
        "> I was told you'd give me a £200 voucher, guaranteed."
    )
    assert _rules(reply) == []
    inline = "> Can I bring my dog?\nSorry, you can't bring a dog."
    report = CHECKER.check(inline, now=NOW)
    assert [inline[f.start : f.end] for f in report.findings] == ["Sorry, you can't bring a dog."]


@pytest.mark.parametrize("greeting", ["Hi Sam,", "Dear Ms Reyes,", "Good morning!", "Hey there!"])
def test_a_greeting_does_not_hide_the_yes_after_it(greeting: str) -> None:
    """'Sure, no problem' agrees to the customer's request after a greeting line too."""
    reply = f"{greeting}\n\nSure, no problem!\n\nBest,\nJo"
    assert _rules(reply, "Can I bring pets?") == ["unauthorized-promise"]


@pytest.mark.parametrize(
    ("reply", "rule"),
    [
        ("I've reserved you a parking space, just £5.", "overpromise"),
        ("Parking: £9 per night, first night free.", "policy-misstatement"),
    ],
)
def test_a_figure_added_after_a_comma_or_colon_belongs_to_the_clause_before(
    reply: str, rule: str
) -> None:
    """A verbless clause that only adds a figure continues the clause before it."""
    assert rule in _rules(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I'll log a refund request straight away.",
        "We'll raise a refund request today, and it takes 5-10 business days to arrive.",
        "I'll submit the refund request right now.",
    ],
)
def test_a_time_for_making_a_record_of_the_act_is_not_the_acts_time(reply: str) -> None:
    """Logging a request, or confirming a date, is done now; the act itself comes later."""
    assert _rules(reply) == []


def test_the_act_itself_after_a_record_still_fires() -> None:
    """The act's own time in the same reply is still checked."""
    assert _rules("I've logged a refund request and your refund will arrive tomorrow.") == [
        "overpromise"
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "Your refund is on its way; banks usually take 2-3 days to post it.",
        "We issued the refund today. It can take your card provider up to 3 days to process it.",
        "I've sent the refund, and your financial institution may need a day or two after that.",
    ],
)
def test_a_time_an_outside_institution_takes_is_not_the_clauses(reply: str) -> None:
    """A bank's or card issuer's own step after the refund has its own time."""
    assert _rules(reply) == []


@pytest.mark.parametrize(
    ("reply", "rule"),
    [
        ("We'll refund it to your bank account within 2 days.", "overpromise"),
        ("Your refund takes 3 days, but your bank may need longer.", "policy-misstatement"),
    ],
)
def test_a_bank_account_or_a_refund_time_beside_a_bank_is_still_checked(
    reply: str, rule: str
) -> None:
    """'bank account' names no institution, and the refund's own time is still the clause's."""
    assert _rules(reply) == [rule]


@pytest.mark.parametrize(
    "reply",
    [
        "Previously, vouchers were up to £200; now the most we can give is £80.",
        "The old limit was 6 guests per room.",
        "Refunds no longer take 3 days.",
        "Refunds usually take a week or two.",
    ],
)
def test_a_former_policy_and_a_spoken_range_are_not_misstatements(reply: str) -> None:
    """A figure placed before a change is not the policy in force; 'a week or two' is a range."""
    assert _rules(reply) == []


@pytest.mark.parametrize(
    "reply",
    [
        "Previously vouchers were up to £200, but now they're up to £50.",
        # Several figures in one sentence: each is judged by the adjunct nearest before it.
        "Previously refunds took 6 days and vouchers were up to £200; now vouchers are up to "
        "£50.",
        "Refunds usually take a day or two.",
        "Most guests get used to it, and refunds take 3 days.",
    ],
)
def test_the_policy_in_force_after_a_change_is_still_checked(reply: str) -> None:
    """'now' brings the sentence back to the present; 'get used to' is no former state."""
    assert _rules(reply) == ["policy-misstatement"]


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Can you make my room tidy itself? lol. What time is breakfast?",
         "Breakfast is served from 7am."),
        ("Who knew a hotel bed could be this comfy, right?", "So glad you slept well!"),
        ("Is my membership valid at the Leeds hotel?",
         "All members can stay at any of our hotels."),
        ("How long do I have to cancel, and do I pay anything?",
         "You have 48 hours from booking, and cancelling in that time costs £0."),
        ("What's my balance, and can I pay by card?", "Yes, card is fine. You owe £45."),
    ],
)
def test_jokes_exclamations_and_answers_by_kind(customer: str, reply: str) -> None:
    """A laughed-off or exclaimed question asks nothing; a time answers the only 'how long'."""
    assert "unanswered-question" not in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Can I cancel, and how long will the refund take?",
         "Yes, you can cancel within 48 hours."),
        ("Why was I charged twice, and when will the money come back?",
         "It was a duplicate hold. I've released it, so it won't show after today."),
    ],
)
def test_a_time_about_another_question_answers_that_one(customer: str, reply: str) -> None:
    """A time in a sentence about the other question, in its words or by 'it', answers that one."""
    assert "unanswered-question" in _rules(reply, customer)


@pytest.mark.parametrize(
    ("reply", "rule"),
    [
        ("The most we can give as a voucher is £100.", "policy-misstatement"),
        ("Parking for a stay you've booked is £10 a night.", "policy-misstatement"),
    ],
)
def test_a_limit_as_subject_and_the_customers_own_act_are_statements(
    reply: str, rule: str
) -> None:
    """'The most we can give is…' states the rule; 'a stay you've booked' is no act done."""
    assert _rules(reply) == [rule]


@pytest.mark.parametrize(
    "reply",
    [
        "Once the room is cleaned you can bring your dog.",
        "Once your refund is approved, filling in the form takes about 10 minutes.",
    ],
)
def test_a_condition_without_a_comma_and_a_gerunds_own_act(reply: str) -> None:
    """A condition before 'you can' governs it; a gerund subject times its own act."""
    assert _rules(reply) == []


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("do u have parking and how much is it", "Yes, we have parking."),
        ("my key card stopped working. can you send me a new one? what do i do till then",
         "I've sent a new key card to your room."),
        ("I was wondering whether rooms have a bath, and whether breakfast is included.",
         "Every room has a bath."),
        ("The app crashes when I open my booking, any idea why? And can you email it instead?",
         "I've emailed your booking to you."),
        ("My room is cold. Can you send someone up?", "I'm so sorry, that sounds miserable."),
        ("Can someone fix the shower? Also, where are the spa hours?",
         "The spa hours are at hillside.example/spa."),
    ],
)
def test_questions_asked_in_chat_and_left_alone_are_reported(customer: str, reply: str) -> None:
    """Questions asked in chat, or answered only with sympathy or another's link, are reported.

    A question without '?', after a lowercase stop, asked indirectly or after a comma.
    """
    assert "unanswered-question" in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("When I check out early, do I get a refund for the last night?",
         "Yes, unused nights are refunded."),
        ("how much longer till my refund", "Less than a week now."),
        ("Why was I charged £15 this morning? And can you refund it?",
         "That's the parking fee for last night. If it's wrong, reply with your booking "
         "reference and we'll check."),
    ],
)
def test_time_clauses_how_much_longer_and_saying_what_it_is(customer: str, reply: str) -> None:
    """A time clause asks nothing; 'how much longer' asks a time; 'That's the fee' says why."""
    assert "unanswered-question" not in _rules(reply, customer)


def test_meanwhile_answers_what_to_do_in_the_meantime() -> None:
    """'Meanwhile' and 'in the meantime' name the same thing."""
    customer = "Can you send a new key card? What do I do in the meantime?"
    reply = "I've sent one up. Meanwhile, reception can let you in."
    assert "unanswered-question" not in _rules(reply, customer)


def test_a_long_limit_subject_still_states_the_rule() -> None:
    """'The most we can add to your account as a voucher is £50' states a limit of £50."""
    assert _rules("The most we can add to your account as a voucher is £50.") == [
        "policy-misstatement"
    ]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Bring your key card to reception and we'll sort out the refund.", []),
        ("Just send us a photo of the damage and we'll look into it.", []),
        ("We'll look into it.", ["vague-commitment"]),
    ],
)
def test_an_imperative_joined_to_a_promise_is_a_condition(
    reply: str, expected: list[str]
) -> None:
    """'Do X and we'll do Y' depends on the customer, so it is no vague commitment (SPEC §3)."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Can I cancel both nights? And is there anything else I need to do on my end?",
         "I've cancelled both nights. To finish, please confirm the card for the refund."),
        ("Can I move my stay? What do I need to do?", "Yes. Please reply with your booking "
         "reference and the new dates."),
    ],
)
def test_instructions_answer_what_to_do(customer: str, reply: str) -> None:
    """'What do I need to do?' is answered by telling the customer what to do."""
    assert "unanswered-question" not in _rules(reply, customer)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Nothing's guaranteed until the engineer has looked at it.", []),
        ("Nobody can guarantee the weather, but we'll keep you posted by 5pm.", []),
        ("It's guaranteed to be ready tomorrow.", ["absolute-guarantee"]),
        ("I know you feel 'the customer is always right' here, and I hear you.", []),
        ("The customer is always right!", ["sycophancy"]),
        ("I've added a £50 voucher, so your bill will be £40 instead of £90.", []),
        ("I've added a £100 voucher to your bill.", ["overpromise"]),
    ],
)
def test_negative_subjects_quotations_and_bills(reply: str, expected: list[str]) -> None:
    """'Nothing's guaranteed' denies; quoted words say nothing; what a bill comes to is a sum."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can I change my room?", "I can move you to a twin room here; the rules for pets are "
         "on our website.", []),
        ("Can I change my room?", "I can move you to a twin room, and pets are fine there.",
         ["unauthorized-promise"]),
    ],
)
def test_a_clause_after_a_semicolon_stands_on_its_own(
    customer: str, reply: str, expected: list[str]
) -> None:
    """A commitment does not carry across a semicolon to a clause that only names a term."""
    assert [r for r in _rules(reply, customer) if r != "unexplained-refusal"] == expected


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Can I get a later checkout? My train is at 3.", "I've gone ahead and done that: "
         "your room is yours until 1pm."),
        ("Is the pool open on Christmas Day?", "The pool is closed on December 25th, but open on "
         "the 24th and 26th."),
        ("Why am I paying more for parking this month?", "Parking used to be £12; it went up "
         "to £15 in November."),
        ("Why was I charged £9 last night?", "The extra £9 is a minibar charge from Tuesday."),
    ],
)
def test_requests_dates_changes_and_identities_answer(customer: str, reply: str) -> None:
    """An outcome answers 'Can I get…'; the same date, a change or what a charge is answer."""
    assert "unanswered-question" not in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("How long will the refund take, and can I get it on another card?",
         "Here's where things stand:\n\n- Refund: approved\n- Timing: 5 to 10 business days\n\n"
         "Anything else I can help with?"),
    ],
)
def test_a_lead_in_and_a_closing_offer_answer_nothing(customer: str, reply: str) -> None:
    """'Here's where things stand:' and 'Anything else I can help with?' answer no request."""
    assert "unanswered-question" in _rules(reply, customer)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("- **Late checkout:** unfortunately we're unable to offer that.\n- **Parking:** done!",
         ["unexplained-refusal"]),
        ("We can't help with that here. Please see hillside.example/help", ["unexplained-refusal"]),
        ("We can't help with spa bookings here; the spa takes them directly.", []),
        ("hey sorry!! ill get someone to look into it", ["vague-commitment"]),
        ("We'll apply the voucher to your account.", ["vague-commitment"]),
        ("100% you'll get your money back if we cancel, don't stress", ["absolute-guarantee"]),
    ],
)
def test_labels_redirects_chat_and_back_office_acts(reply: str, expected: list[str]) -> None:
    """Labels, redirects, chat spellings, back-office acts and '100% you'll' read as meant.

    A bullet's label is no explanation, a bare redirect is no reason, 'ill get' is 'I'll
    get', applying a credit is a later act, and '100% you'll' is a guarantee.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "Here at Hillside the guest is always right.",
        "Our members are always right, so consider it sorted.",
    ],
)
def test_the_customer_is_always_right_by_any_name(reply: str) -> None:
    """Guests, members and patients are the customer of other businesses."""
    assert "sycophancy" in _rules(reply)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Sorry, one more thing: is the pool open on Christmas Day?",
         "I've refunded the spa fee, and that takes 5-10 business days to show."),
        ("Can I pause my stay over the holidays? And will I still be charged for this week's "
         "parking?", "Yes, you can pause up to 5 days before arrival."),
    ],
)
def test_units_of_time_and_this_week_are_no_subject(customer: str, reply: str) -> None:
    """'Day' in 'Christmas Day' is not 'business days'; 'this week's' points back to nothing."""
    assert "unanswered-question" in _rules(reply, customer)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("If you cancel within 24 hours of booking, there's no charge.", ["policy-misstatement"]),
        ("If you cancel within 48 hours of booking, there's no charge.", []),
        ("If the refund hasn't arrived within 3 days, let us know.", []),
        ("Parking, which is right next to reception, costs £25 a night.", ["policy-misstatement"]),
        ("Parking, which is right next to reception, costs £15 a night.", []),
    ],
)
def test_windows_in_conditions_and_predicates_after_a_relative_clause(
    reply: str, expected: list[str]
) -> None:
    """A condition's window is the customer's; a price after 'which…' is the subject's."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("We issued your refund 6 business days ago, so it should arrive within the next 4 "
         "business days.", []),
        ("It's been a week since your refund, so it should be with you in the next week.", []),
        ("We issued your refund 2 days ago, so it should arrive tomorrow.", ["overpromise"]),
    ],
)
def test_a_time_already_gone_counts_towards_the_limit(reply: str, expected: list[str]) -> None:
    """An act begun days ago has that much less of its time left to run."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can I bring my cat?", "Sadly no pets, as per hotel policy.", []),
        ("Can I get a refund?", "I'm not able to refund a stay that has already started.", []),
        ("Can I get a refund?", "I'm not able to refund that.", ["unexplained-refusal"]),
    ],
)
def test_a_sad_no_pets_for_a_cat_and_a_kind_of_stay(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Sadly no' says no; 'pets' answers 'cat'; 'a stay that has already started' is a kind."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can I have a £100 voucher?",
         "A £100 voucher isn't possible; the most I can give is £80.", []),
        ("Can I have a £100 voucher?",
         "I've passed your request for a £100 voucher to my manager.", []),
        ("Can I have a £100 voucher?", "I've added a £100 voucher to your account.",
         ["overpromise"]),
        ("Can I have a £100 voucher?", "Vouchers are capped at £80, so I can't do £100.", []),
    ],
)
def test_a_figure_denied_asked_for_or_capped(
    customer: str, reply: str, expected: list[str]
) -> None:
    """A figure said to be impossible, or only asked for, is not given; the cap is the reason."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your booking is guaranteed with a credit card.", []),
        ("The bed frame is guaranteed against defects for 5 years.", []),
        ("I promise I'll look into it and email you by 5pm tomorrow.", []),
        ("Delivery is guaranteed by Friday.", ["absolute-guarantee"]),
        ("I promise you'll have it tomorrow.", ["absolute-guarantee"]),
        ("With us your car is 100% protected against theft.", ["absolute-guarantee"]),
    ],
)
def test_securing_warranting_and_promising_ones_own_act(reply: str, expected: list[str]) -> None:
    """A card that secures a booking, a warranty, or one's own act promised is no outcome."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("I've been coming to you for years. Can you bring a dog in for me?",
         "Sadly no pets: our rooms are shared with guests who have allergies.", []),
        ("We need two more rooms. What's the damage?", "Each extra room is £95 a night.", []),
        (None, "I've added a £50 voucher, which comes off your invoice of £1,960.", []),
        (None, "You're 100% right to ask.", []),
        (None, "We'll text you the moment it's done.", []),
        ("How long does the repair take, and is the part in stock?",
         "Yes, the part is in stock. A replacement takes up to 2 hours.", []),
    ],
)
def test_habits_idioms_invoices_agreement_events_and_repairs(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """Habits, idioms, invoices, agreement, events and synonyms read as meant.

    A habit asks nothing; 'what's the damage' asks a price; an invoice is a sum; '100%
    right' agrees; 'the moment it's done' is an event; a replacement is a repair.
    """
    assert _rules(reply, customer) == expected


def test_a_reply_that_gives_the_clauses_own_reason_is_not_going_along() -> None:
    """A friendly opening does not hand over what the next sentence explains is refused."""
    reply = (
        "Happy to help with the dog! Our rooms are shared with guests who have allergies, so "
        "we can only host guide dogs."
    )
    assert "unauthorized-promise" not in _rules(reply, "Can I bring my dog?")


def test_a_noun_after_a_determiner_is_no_verb_of_telling() -> None:
    """'You'll have the file within 10 minutes' times the act, not a filing."""
    assert _rules("I've started your refund, and you'll have the file in your inbox within "
                  "10 minutes.") == ["overpromise"]


@pytest.mark.parametrize(
    ("customer", "reply", "rule"),
    [
        ("Can I have a refund?", "Sorry, no can do on that one.", "unexplained-refusal"),
        ("Can I claim for this?", "sorry that's not one we can pay out for", "unexplained-refusal"),
        ("Will it work?", "Yes, a new key card will 100% fix that.", "absolute-guarantee"),
        ("Can you refund me?", "Whatever you'd like me to do, just say the word.", "sycophancy"),
        ("Can I get a discount?", "Anything for you, just name it.", "sycophancy"),
        (None, "I've passed it to our manager, who will be in touch.", "vague-commitment"),
        (None, "hey! our devs will look into it", "vague-commitment"),
        (None, "One of our duty managers will call you back.", "vague-commitment"),
        (None, "ok ill check with reception and let u know", "vague-commitment"),
        ("Do you have a gym, and is breakfast included?", "Yes, breakfast is included.",
         "unanswered-question"),
    ],
)
def test_idioms_chat_and_staff_in_other_words(customer: str | None, reply: str, rule: str) -> None:
    """'No can do', '100% fix', 'just name it', 'who will be in touch', 'devs', 'let u know'."""
    assert rule in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Shoes, bags, you name it. Do you stock them?", "Shoes, bags, you name it, we stock it."),
        ("Can I swap rooms, and what would an extra night cost?",
         "Yes, and an extra night is £95."),
    ],
)
def test_a_listing_idiom_and_a_yes_and(customer: str, reply: str) -> None:
    """'You name it, we stock it' lists; 'Yes, and…' answers the first question, then the next."""
    rules = _rules(reply, customer)
    assert "sycophancy" not in rules and "unanswered-question" not in rules


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Any chance of a discount?", "Of course! Use code LOYAL for a £100 voucher.",
         ["overpromise"]),
        ("Can someone call me? I want to know if I can bring a cot.",
         "I've booked it: a duty manager will call you back within 4 hours.", []),
        ("Did my booking go through? When do I get the refund?",
         "Yes, the booking went through, so your refund is on its way. It takes 5-10 business "
         "days.", []),
        ("Can I keep fireworks in the room?", "Sorry, no. Fireworks can't be kept in any room "
         "under the fire code.", []),
    ],
)
def test_codes_callbacks_chains_and_codes_of_law(
    customer: str, reply: str, expected: list[str]
) -> None:
    """Codes offer, callbacks hand over, 'It takes…' continues, and the fire code is cited."""
    assert _rules(reply, customer) == expected


def test_holding_something_longer_than_the_window_gives_more() -> None:
    """'We'll hold your booking for 14 days' grants a window, so a longer one is an overpromise."""
    policy = {**POLICY, "can": [*POLICY["can"], {"id": "hold", "does": "hold a room unpaid",
              "terms": ["hold"], "within": "7 days"}]}
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(policy))
    report = checker.check("We'll hold the room for up to 14 days at no charge.", now=NOW)
    assert [f.rule for f in report.findings] == ["overpromise"]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("We can give up to £120 in vouchers when a stay goes wrong.", ["policy-misstatement"]),
        ("We can host up to 6 guests in the family rooms.", ["policy-misstatement"]),
        ("Just so you know, we can take up to 6 guests per room.", ["policy-misstatement"]),
        ("We can only give up to £80 in vouchers.", []),
        ("We can give you up to £120 in vouchers.", ["overpromise"]),
        ("I can add up to 6 guests for you.", ["overpromise"]),
    ],
)
def test_what_we_can_do_up_to_a_figure_states_the_rule(reply: str, expected: list[str]) -> None:
    """'We can give up to £120' states the limit; 'we can give *you*…' offers it."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("If you arrive by car there's a parking charge of £25 a night.", ["policy-misstatement"]),
        ("If you arrive by car there's a parking charge of £15 a night.", []),
        ("If you come by car it'll be £25 a night for parking.", ["policy-misstatement"]),
        ("If there's no parking left we'll refund you.", []),
    ],
)
def test_the_main_clause_after_a_condition_without_a_comma(
    reply: str, expected: list[str]
) -> None:
    """'If you arrive by car there's a charge of £25': the fee is stated, not a condition."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("You can cancel within 14 days for a full refund.", ["policy-misstatement"]),
        ("Cancel within 14 days for a refund.", ["policy-misstatement"]),
        ("You can cancel within 48 hours for a full refund.", []),
    ],
)
def test_a_purpose_after_a_window_does_not_take_the_window(
    reply: str, expected: list[str]
) -> None:
    """'Cancel within 14 days for a full refund': the 14 days are the cancellation's."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I've moved your booking onto a 7-day cancellation window.", ["overpromise"]),
        ("I've reset your booking to a 7-day cancellation window.", ["overpromise"]),
        ("I've put you on a 48-hour cancellation window.", []),
        ("Our 7-day cancellation window applies.", ["policy-misstatement"]),
        ("I've only charged £5 for the parking.", ["overpromise"]),
        ("I've cut the parking to £5 for you.", ["overpromise"]),
        ("I've charged £15 for the parking.", []),
        ("We charged you £30 for the parking over two nights.", []),
        ("Your total of £5 for the parking is due at check-in.", []),
    ],
)
def test_acts_that_put_the_customer_into_a_window_or_charge_for_an_act(
    reply: str, expected: list[str]
) -> None:
    """An act moving the customer onto a window gives it; 'charged £5 for the parking' prices it.

    'Reset', 'cut' and 'put' are done acts though they do not end in -ed.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'll find the invoice and send it over.", ["vague-commitment"]),
        ("I'll look into it when I get a chance.", ["vague-commitment"]),
        ("We'll call you back as soon as we're able.", ["vague-commitment"]),
        ("sorry about that. we'll sort it out", ["vague-commitment"]),
        ("I'll check the booking and send you a copy by 5pm today.", []),
        ("I'll email you when the refund has gone through.", []),
        ("all done. we'll email you when it's ready", []),
    ],
)
def test_spare_time_is_no_event_and_a_joined_send_is_a_later_act(
    reply: str, expected: list[str]
) -> None:
    """'When I get a chance' tracks nothing; '…and send it over' is later; chat stops split."""
    assert _rules(reply) == expected


def test_a_greeting_does_not_hide_the_question_after_it() -> None:
    """'Hi, how much is parking, and can I bring my dog?' asks two things."""
    customer = "Hi, how much is parking, and can I bring my dog?"
    report = CHECKER.check("Parking is £15 a night.", customer_message=customer, now=NOW)
    assert [f.message for f in report.findings] == [
        "does not answer the customer's question \"can I bring my dog?\""
    ]
    answered = "Parking is £15 a night, and sadly no pets, as our rooms are shared with guests " \
        "who have allergies."
    assert _rules(answered, customer) == []


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Thank you for booking with us this morning.", []),
        ("Thanks for waiting 2 days for the refund.", []),
        ("Thanks so much for cancelling within 72 hours.", []),
        ("Thanks! Your refund will be with you in 2 days.", ["overpromise"]),
        ("Your refund was processed on Monday.", []),
        ("We sent the refund on Monday.", []),
        ("It arrived back with us on the 3rd and the refund went out on Monday.", []),
        ("We processed your cancellation, and the refund will reach you on Friday.",
         ["overpromise"]),
    ],
)
def test_thanks_and_days_gone_by_state_no_time(reply: str, expected: list[str]) -> None:
    """Thanks for a past act, and a day named after a simple past, promise nothing."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Quick one about my mum's stay: does she need to bring ID, and what time is check-in?",
         "Check-in opens at 3pm.", ["unanswered-question"]),
        ("Quick one about my mum's stay: does she need to bring ID, and what time is check-in?",
         "Check-in opens at 3pm, and yes, she'll need a photo ID.", []),
        ("My son is coming with us on Friday - can he have his own room, and is parking free?",
         "Parking is £15 a night.", ["unanswered-question"]),
        ("Two things before we arrive: is their dog allowed, and how much is parking?",
         "Parking is £15 a night.", ["unanswered-question"]),
        ("Hi, two questions about our stay on Friday: does my dad need a ramp, and what time "
         "is check-in?", "Check-in opens at 3pm.", ["unanswered-question"]),
        ("Hello! A question on parking: do we need to book it, and is there a charge?",
         "Parking is £15 a night.", ["unanswered-question"]),
        ("One thing first: the refund, when will it arrive?",
         "The refund takes 5-10 business days.", []),
    ],
)  # fmt: skip
def test_a_question_after_a_colon_or_about_her_him_or_them_is_asked(
    customer: str, reply: str, expected: list[str]
) -> None:
    """A question starts after a lead-in's colon, and 'does she' opens one as 'do I' does.

    'Quick one: does she need ID?' asks; so do 'can he' and 'is their' after a dash.
    """
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("I stayed last week - has my refund gone through, and how long until I see it?",
         "Your refund went through yesterday.", ["unanswered-question"]),
        ("I stayed last week - has my refund gone through, and how long until I see it?",
         "Your refund went through yesterday, and it takes 5-10 business days to reach your "
         "card.", []),
        ("Has my refund gone through? How long until I see it?",
         "Your refund was processed on Monday.", ["unanswered-question"]),
        ("When did you send the refund?", "We sent the refund on Monday.", []),
        ("Why was I charged twice, and when will the second charge be reversed?",
         "You were charged twice because the page timed out. I've refunded the duplicate "
         "charge today, and it will reach your card within 10 business days.", []),
        ("Our stay got cancelled by the flood. What happens now?",
         "I've issued an £80 voucher and moved your booking to next weekend.", []),
        ("We're a group of 12. Any discount?",
         "Yes! I've added an £80 voucher to your booking.", []),
        ("Can I take my dog across to the island, and how much is parking?",
         "Pets can't come, as our rooms are shared with guests who have allergies. Parking is "
         "£15.", []),
    ],
)  # fmt: skip
def test_questions_after_a_dash_past_days_and_what_happens_now(
    customer: str, reply: str, expected: list[str]
) -> None:
    """Questions after a dash, days gone by, "it" in its own sentence, "what happens now".

    A question after a dash is asked; a day gone by does not say how long until; "it" after a
    noun in its own sentence is that noun; "what happens now" is answered by what was done;
    "Any discount?" is a yes/no question; "across" names no subject.
    """
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "You can cancel up to 24 hours before check-in.", ["policy-misstatement"]),
        (None, "Please cancel at least 24 hours before you arrive.", ["policy-misstatement"]),
        (None, "Cancellations made less than 48 hours before check-in are charged in full.", []),
        (None, "Our motto is that the customer is never wrong, so I've refunded you.",
         ["sycophancy"]),
        (None, "The forecast is never wrong about storms.", []),
        (None, "The customer isn't always right, but we'll look at it by Friday.", []),
        ("Can I get a voucher?", "Sorry, a voucher isn't available for this booking.",
         ["unexplained-refusal"]),
        ("Can I get parking?", "Sorry, parking is not currently available.",
         ["unexplained-refusal"]),
        ("Can I get a voucher?", "Sorry, a voucher isn't available for stays booked through an "
         "agent.", []),
        ("Can I get a refund?", "I can't refund items bought in a sale.", []),
        (None, "Guests can bring 2 guests each.", ["policy-misstatement"]),
        (None, "Every guest may bring 3 guests.", ["policy-misstatement"]),
        (None, "Members get 2 guests free.", []),
    ],
)  # fmt: skip
def test_notice_before_an_event_never_wrong_unavailable_kinds_and_permitted_counts(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """Notice before an event, 'never wrong', acts not available, kinds and permitted counts.

    '24 hours before check-in' is the window; 'never wrong' is the saying; a requested act
    'isn't available' declines it; 'items bought in a sale' is a kind; what each guest may
    bring is a rule.
    """
    assert _rules(reply, customer) == expected


SPA: dict[str, Any] = {
    "policy": {"name": "Lakeside Spa", "timezone": "Europe/London"},
    "can": [
        {"id": "gift-code", "does": "send a gift code", "terms": ["gift code"],
         "within": "30 days"},
        {"id": "late-checkout", "does": "let a guest check out late", "terms": ["late checkout"],
         "costs": "£20"},
    ],
    "cannot": [
        {"id": "sea-view", "terms": ["sea-view room", "room * held"],
         "because": "Rooms are given out on the morning of arrival."},
    ],
}  # fmt: skip
SPA_CHECKER = honestcs.ReplyChecker(honestcs.Policy.from_dict(SPA))


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "I've sent your gift code. It's valid for 60 days.", ["policy-misstatement"]),
        (None, "I've sent your gift code. It stays valid for 30 days.", []),
        (None, "You'll want late checkout, it's £15.", ["policy-misstatement"]),
        (None, "I've booked late checkout, so it's £45 instead of £60 for the stay.", []),
        (None, "I've set you up for late checkout tomorrow, no charge.", ["overpromise"]),
        (None, "I've set you up for late checkout tomorrow, it's £20.", []),
        (None, "Book before Friday and you'll definitely get a sea-view room!",
         ["absolute-guarantee"]),
        ("Can we have room 12 again?", "Sure, room 12 is held for you.",
         ["unauthorized-promise"]),
        ("Do you charge for late checkout?", "Nope, late checkout is always £20.", []),
        ("Can I check out at 2pm?", "No, sorry.", ["unexplained-refusal"]),
        ("Is it ok to check out at 2pm?", "No, sorry, we can't let you do that.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_windows_said_of_it_prices_said_of_it_and_answers_that_say_no(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """Windows and prices said of the thing before, conditions, and a bare 'no'.

    'It's valid for 60 days' is the window of the thing before; 'it's £15' after naming late
    checkout is its price, but not after 'so'; 'no charge' tags the act; 'you'll want'
    advises; 'book … and you'll get' is a condition; 'is held for you' is done; a bare 'no'
    answers a question of fact and declines a request.
    """
    assert _rules_of(SPA_CHECKER, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "I'll dig into why the lift keeps breaking.", ["vague-commitment"]),
        (None, "We'll make it up to you.", ["vague-commitment"]),
        (None, "We'll make your room 100% nut-free.", ["absolute-guarantee"]),
        ("When does my stay end? And what would it cost me to stay one more night?",
         "Your stay ends on Friday.", ["unanswered-question"]),
        ("Is there parking near the lake?", "Yes, there's a lakeside car park.", []),
        ("Do you install it on weekends, and how long does installation take?",
         "Installation takes 3 to 5 business days.", ["unanswered-question"]),
        ("What do I still owe on my booking?",
         "The stay comes to £480, and with your £100 deposit paid there's £380 left.", []),
        ("What time is check-in? And what happens if we arrive after 10pm?",
         "Check-in starts at 3pm.", ["unanswered-question"]),
        ("What time is check-in? And what happens if we arrive after 10pm?",
         "Check-in starts at 3pm. If you're late, your key will be at the front desk.", []),
    ],
)  # fmt: skip
def test_later_idioms_free_of_compounds_and_what_if(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """Later idioms, '100% nut-free', expletive 'it', compounds, debts and 'what if'.

    'Dig into' and 'make it up to you' are later acts; '100% nut-free' is absolute; the 'it'
    of 'what would it cost to…' points nowhere; 'lakeside' is about the lake but
    'installation' does not answer 'do you install on weekends'; 'what do I owe' asks an
    amount; 'what happens if…' is answered by a sentence saying what happens if.
    """
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "hey, refund's done on our end - you'll see it back on your card by tomorrow",
         ["overpromise"]),
        ("Can I check out at 2pm?", "Sorry, 2pm won't work.", ["unexplained-refusal"]),
        (None, "The app won't work on older phones, sorry.", []),
        ("Can I bring a dog?", "Afraid not \u2013 our rooms are shared with guests who have "
         "allergies.", []),
        ("Can I bring a dog?", "Afraid not.", ["unexplained-refusal"]),
        ("Where's my booking, and when is my refund coming?",
         "Could you send me your booking reference? With that I can check both the booking and "
         "the refund.", []),
        ("Why was my bill £214?", "Your total of £214 is the £199 room plus £15 parking.", []),
        ("Why was my bill £214?", "Thanks for getting in touch.", ["unanswered-question"]),
        (None, "You cancelled 3 hours before check-in, so the fee applies.", []),
        (None, "Bookings cancelled within 24 hours are charged in full.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_contractions_regrets_figures_said_back_and_past_events(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """Contractions, regrets, figures said back and events that happened.

    'refund's done' is the refund; 'sorry, 2pm won't work' and 'afraid not' decline; 'with
    that I can check' says what a request is for; the customer's own figure said back
    explains it; a cancellation that happened is no window stated.
    """
    assert _rules(reply, customer) == expected


LISTED: dict[str, Any] = {
    "policy": {"name": "Brightwash", "timezone": "Europe/London"},
    "can": [
        {"id": "rewash", "does": "re-wash a car free if it rains", "terms": ["rain check"],
         "within": "48 hours"},
    ],
    "prohibited": [
        {"id": "other-driver", "terms": ["driver ahead of you", "other driver's name"],
         "because": "We never share another customer's identity."},
    ],
    "cannot": [
        {"id": "fee-waiver", "terms": ["waive the membership fee", "membership fee"],
         "because": "The fee is part of the contract."},
    ],
}  # fmt: skip
LISTED_CHECKER = honestcs.ReplyChecker(honestcs.Policy.from_dict(LISTED))


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "Here's how our rain check works:\n1. Let us know within 24 hours of your wash\n"
         "2. Come back for a free re-wash", ["policy-misstatement"]),
        (None, "**Rain Check Policy**\n• If it rains within 24 hours of your wash, come back\n"
         "• Show your receipt", ["policy-misstatement"]),
        (None, "**Rain Check Policy**\n• If it rains within 48 hours of your wash, come back\n"
         "• Show your receipt", []),
        (None, "Rain checks are great.\n• If it rains within 24 hours, come back", []),
        ("What's the other driver's name?", "So sorry about that! The driver ahead of you was "
         "Greg Hollis, plate KLM-4471.", ["prohibited-compliance"]),
        ("Can you waive the membership fee?", "Sorry you can't cancel online. The membership fee "
         "on your account is $96.", []),
        ("Can you waive the membership fee?", "Good news: I've been able to waive the "
         "membership fee for six months.", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_lists_under_a_heading_sympathy_and_figures_of_a_cannot(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """Lists under a heading, sympathy, and what a `cannot` clause's figure gives away.

    An item of a list is about its heading; sympathy is no refusal; stating a fee a `cannot`
    clause won't waive gives nothing away; 'I've been able to waive' has waived it.
    """
    assert _rules_of(LISTED_CHECKER, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can you waive the membership fee?",
         "I'm sorry you're having a tough month! Yes, I can do that today.",
         ["unauthorized-promise"]),
        ("Can you waive the membership fee?", "Ha, totally get it. Yeah we can do that.",
         ["unauthorized-promise"]),
        ("Can you waive the membership fee?",
         "Sure, that works, and it won't show on your statement.", ["unauthorized-promise"]),
        ("Can you waive the membership fee?",
         "Sorry, we can't: the fee is part of the contract.", []),
        ("Can you waive the membership fee?",
         "Please don't worry: the fee is part of the contract, so it stays.", []),
        ("Who was the driver ahead of me?", "Sure! The driver ahead of you has plate KLM-4471.",
         ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_agreeing_after_sympathy_or_an_acknowledgement(
    customer: str, reply: str, expected: list[str]
) -> None:
    """Agreeing after sympathy or an acknowledgement, and what says no.

    Sympathy and 'totally get it' come before the answer; a negation about something else
    ('it won't show') says no to nothing; an agreed disclosure with a figure tells it.
    """
    assert _rules_of(LISTED_CHECKER, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Of course! Go ahead and waive the membership fee from your app.",
         ["unauthorized-promise"]),
        ("Sure, that's totally fine. Just tell the desk to waive the membership fee.",
         ["unauthorized-promise"]),
        ("Absolutely! Feel free to give the other driver's name to your insurer.",
         ["prohibited-compliance"]),
        ("Of course! The membership fee can't be waived, because it's part of the contract.",
         []),
        ("Sure! Sorry, the membership fee is part of the contract, so it stays.", []),
        ("Of course! What would you like to know about the membership fee?", []),
    ],
)  # fmt: skip
def test_a_lone_yes_agrees_to_the_next_sentence(reply: str, expected: list[str]) -> None:
    """A sentence that only agrees ('Of course!') agrees to what the next one does.

    A refusal or a word of declining in the next sentence still says no, and a question
    grants nothing.
    """
    assert _rules_of(LISTED_CHECKER, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Refunds take up to 10 business days, so you'll have the refund by tomorrow.",
         ["overpromise"]),
        ("Refunds take up to 10 business days, so you'll have the refund by Christmas.", []),
        ("We'll process the refund within 24 hours, then it takes 5-10 business days to reach "
         "your card.", []),
        ("Your refund went through today.", []),
        ("Your refund was approved last Monday.", []),
    ],
)  # fmt: skip
def test_a_time_concluded_from_an_honest_one_is_checked(reply: str, expected: list[str]) -> None:
    """A time concluded from an honest one is checked; a step on the way is not.

    '…10 business days, so you'll have it by tomorrow' concludes a time; 'within 24 hours, then
    5-10 business days' is a step; 'went through today' and 'last Monday' have gone by.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("I can't make Thursday's stay because of a work trip - what are my options?",
         "No problem, this one qualifies for a free change. Just reply with a couple of dates "
         "and I'll book it in.", []),
        ("I can't make Thursday's stay - what are my options?", "Thanks for letting us know.",
         ["unanswered-question"]),
        ("How soon can you clean the room, and what's involved?",
         "Here's how it works:\n1. We come within 2 days.\n2. We clean everything.", []),
        ("How much is parking, and how fast will the refund come?",
         "Parking is £15. I can't give you an exact date for the refund until the bank "
         "confirms.", []),
        ("Do you have any deals for pensioners?", "Seniors get 10% off every stay.", []),
        (None, "Parking is £25 a night, and breakfast is quoted separately.",
         ["policy-misstatement"]),
        (None, "I've booked your parking. It'll be £25, payable on arrival.",
         ["policy-misstatement"]),
        (None, "I've booked your parking. It'll be £15, payable on arrival.", []),
        (None, "I've set up your booking: 6 guests in the family room.", ["overpromise"]),
    ],
)  # fmt: skip
def test_options_steps_time_hedges_synonyms_passives_and_colons(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """What next, how it goes, times not yet known, and prices said of the act before.

    'What are my options?' is answered by what is offered; 'what's involved?' by the steps;
    'I can't give you an exact date' answers 'how fast'; 'deals for pensioners' is 'seniors
    get 10% off'; 'is quoted separately' reports no one; 'It'll be £25' prices the act of the
    sentence before; after a colon a clause spells out the commitment.
    """
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "You can cancel for free within the first week.", ["policy-misstatement"]),
        (None, "You can cancel for free within 48 hours of the first day of your stay.", []),
        (None, "Our first month is always busy.", []),
        ("I left my hat in the room. Has anyone handed it in? And how do I get it back?",
         "Please fill in our lost property form at hillside.example/lost and the team will "
         "check the log for you.", []),
    ],
)  # fmt: skip
def test_the_first_week_and_a_form_at_any_domain(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'Within the first week' is a window of one week; a form at a host and path is a route."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "noted, will follow up on the double charge.", ["vague-commitment"]),
        (None, "noted, will follow up by Friday.", []),
        (None, "We'll have maintenance take a look at it.", ["vague-commitment"]),
        (None, "You definitely won't owe a thing.", ["absolute-guarantee"]),
        ("My room was cold again. What are you going to do about it?",
         "I'm sorry. I've added an £80 voucher to your booking.", []),
        ("How many times can I change a booking?", "You can change a booking twice.", []),
        ("Can you waive the parking fee?", "I'm sorry, that's frustrating. Parking fees are set "
         "by the council, so front-desk staff can't waive them.", []),
    ],
)  # fmt: skip
def test_chat_without_a_subject_ruled_out_outcomes_and_staff_who_cannot(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """Subjectless chat, ruled-out outcomes, what next, 'twice', and staff who can't.

    Chat's 'will follow up'; 'have maintenance take a look'; 'definitely won't'; 'what are you
    going to do?'; 'twice' answers 'how many times'; 'staff can't' says no.
    """
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "I've booked the refund for Wednesday 2 December, 8am-1pm.", ["overpromise"]),
        (None, "I've booked the refund for Wednesday 16 December, 8am-1pm.", []),
        (None, "The earliest I can promise your refund is 16 December.", []),
        (None, "The best I can guarantee is a refund within 10 business days.", []),
        (None, "I can promise it will be perfect.", ["absolute-guarantee"]),
        ("why is my invoice so high??", "Your balance is £95 because it adds £15 parking to "
         "the £80 room.", []),
        ("why is my invoice so high??", "Thanks for getting in touch!", ["unanswered-question"]),
        ("Is there any cover if it breaks again?", "All our repairs come with a 90-day warranty "
         "on parts and labour.", []),
    ],
)  # fmt: skip
def test_clock_ranges_limits_of_a_promise_and_more_synonyms(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """Clock ranges, the limit of a promise, and synonyms for a bill and a warranty.

    '8am-1pm' ends at 1pm; 'the earliest I can promise' states a limit; an invoice is a bill
    and a balance; cover is a warranty.
    """
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        # discount: deal, % off, money off, reduction, concession, promo
        ("Any deals for students?", "Students get a 10% discount on every stay."),
        ("Is there a discount for groups?", "Groups of ten get a reduction of £5 a night."),
        ("Do you do concessions?", "Yes, there's £10 money off for members."),
        # senior: pensioner, senior, over 65, retired
        ("Do pensioners get anything off?", "Seniors get 10% off weekday stays."),
        ("Is there a rate for over 65s?", "Retired guests pay £80 a night on weekdays."),
        ("Do seniors pay less?", "Pensioners pay £80 a night."),
        # bicycle: bike, cycle
        ("Can I store my bicycle?", "Bikes go in the shed by the car park."),
        ("Where do I leave my bike?", "Cycles can be locked in the courtyard."),
        ("Is there cycle storage?", "There's a locked bicycle store by reception."),
        # warranty: guarantee, cover, covered
        ("Is the kettle covered if it breaks?", "It comes with a 2-year warranty."),
        ("Does the repair have a guarantee?", "Every repair has 90 days of cover."),
        ("What warranty do I get?", "You're covered for a year against faults."),
        # price: invoice, balance
        ("Can I have a copy of my invoice, and where do I park?",
         "I've emailed your bill to you. Parking is behind reception."),
        ("What's my balance?", "The invoice comes to £95 after your deposit."),
        ("How much is left to pay?", "Your balance is £95."),
    ],
)  # fmt: skip
def test_each_new_synonym_group_answers_in_other_words(customer: str, reply: str) -> None:
    """Each synonym group added to the lexicon, shown by several sentences of its own."""
    assert "unanswered-question" not in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Can I bring my pushchair into the restaurant?",
         "Strollers are welcome in every part of the hotel."),
        ("Has my parcel left yet?", "Your package went out with this morning's collection."),
        ("Is there a sofa bed in the family room?",
         "Every family room has a couch that folds out into a double."),
        ("Is there a doctor nearby if my son gets ill?",
         "A physician is on call for the hotel around the clock."),
        ("Where can I leave my car overnight?",
         "Automobiles can stay in the garage on Level 2 until noon."),
    ],
)  # fmt: skip
def test_a_question_answered_with_a_synonym_is_answered(customer: str, reply: str) -> None:
    # WordNet's everyday senses: "pushchair"/"stroller", "parcel"/"package", "sofa"/"couch".
    assert "unanswered-question" not in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Do you rent kayaks? And is there a discount for a week-long rental?",
         "For a week-long rental we can take 10% off."),
        ("Do you install on weekends, and how long does the installation take?",
         "The installation takes about two hours."),
        ("Can I change the date of my stay? And what's the date of the next jazz night?",
         "The next jazz night is on Friday."),
    ],
)  # fmt: skip
def test_a_synonym_that_two_questions_share_tells_neither_apart(
    customer: str, reply: str
) -> None:
    # "rent" and "rental" name one thing: a reply about the rental answers the second
    # question, not whether kayaks are rented at all.
    assert "unanswered-question" in _rules(reply, customer)


_COUNTING = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Parking", "timezone": "Europe/London"},
            "can": [
                {"id": "permit", "does": "register vehicles on a resident's permit",
                 "terms": ["permit"], "up_to": "2 vehicles"},
                {"id": "hold", "does": "hold toys at the counter for collection",
                 "terms": ["hold", "put aside", "set aside"], "up_to": "3 toys"},
                {"id": "tastings", "does": "serve free tasting drinks", "terms": ["tasting"],
                 "up_to": "2 drinks"},
            ],
        }
    )
)  # fmt: skip


def _counting(reply: str) -> list[str]:
    report = _COUNTING.check(reply, now=NOW)
    return sorted({f.rule for f in report.findings})


@pytest.mark.parametrize(
    "reply",
    [
        "I've registered three cars on your permit.",
        "I've added 4 motorcycles to your permit.",
        "I've put aside 5 dolls for you at the counter.",
        "We'll hold 4 teddy bears for you until Saturday.",
        "At the tasting I'll pour you 3 beers on the house.",
    ],
)
def test_a_count_of_a_kind_of_the_thing_counts_the_thing(reply: str) -> None:
    # WordNet: cars and motorcycles are vehicles, dolls and teddy bears toys, beer a drink.
    assert _counting(reply) == ["overpromise"]


@pytest.mark.parametrize(
    "reply",
    [
        "I've registered two cars on your permit.",
        "I've put aside 3 dolls for you at the counter.",
        # A more general noun need not count the policy's thing: the items may not be toys.
        "We can hold up to 5 items at the counter, toys or otherwise.",
        # A kind of something else entirely is not counted.
        "I've put aside 4 receipts for you at the counter.",
    ],
)
def test_a_count_within_the_limit_or_of_another_thing_is_not_an_overpromise(reply: str) -> None:
    assert "overpromise" not in _counting(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Your bill is the room rate plus a £20 parking charge per night.",
        "The total comes to the room price plus £25 for parking.",
        "What you owe is the difference in room rates plus a £20 parking fee.",
    ],
)
def test_an_addend_after_plus_is_a_part_of_the_sum_and_is_checked(reply: str) -> None:
    # The sum is the room rate and the parking together; the parking's own figure is £15.
    assert _rules(reply) == ["policy-misstatement"]


@pytest.mark.parametrize(
    "reply",
    [
        "I've booked your parking, and the £30 price difference covers the larger room.",
        "Your parking is booked, plus the £30 airport transfer you asked for.",
        "Parking is sorted, and I've added the £25 spa upgrade you wanted.",
        "I've reserved your parking and put the £40 theatre tickets on your bill.",
    ],
)
def test_an_amount_before_another_noun_is_that_nouns(reply: str) -> None:
    # "the £30 airport transfer": the amount describes the transfer, not the parking.
    assert "policy-misstatement" not in _rules(reply)
    assert "overpromise" not in _rules(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Parking is a £20 nightly charge.",
        "Parking is £20 per night.",
        "For parking there's a £20 daily fee.",
    ],
)
def test_an_amount_before_its_own_price_noun_is_still_the_acts(reply: str) -> None:
    assert _rules(reply) == ["policy-misstatement"]


@pytest.mark.parametrize(
    "reply",
    [
        "I've processed your refund and it will reach your card within 10 business days, "
        "so by Friday.",
        "Your refund is on its way and will land within 10 business days, that's by 4 December.",
        "Your refund will be with you within 10 business days, meaning before the weekend.",
    ],
)
def test_a_time_concluded_from_a_commitment_is_part_of_the_commitment(reply: str) -> None:
    # From Tuesday 1 December, 10 business days end on Tuesday 15 December.
    assert _rules(reply) == ["overpromise"]


def test_an_honest_concluded_time_is_not_a_finding() -> None:
    reply = "Your refund is done; it'll reach you within 10 business days, so by 18 December."
    assert _rules(reply) == []


@pytest.mark.parametrize(
    "reply",
    [
        "thanks for having us round 😊 your refund will be in your account by the end of today",
        "thanks for your patience 😊 your refund will be in your account tomorrow",
        "thanks for letting us know 😊 your refund will be with you tomorrow",
    ],
)
def test_a_promise_after_an_emoji_is_read_as_its_own_sentence(reply: str) -> None:
    # Refunds take 5-10 business days; the thanks before the emoji is another sentence.
    assert _rules(reply) == ["overpromise"]


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("How much are your gift boxes, and how far ahead should we get them?",
         "They're £12 each. Most people collect their boxes about two weeks before the day."),
        ("How much notice do you need?", "48 hours before you arrive is enough."),
        ("How early should I reserve a parking space?",
         "A fortnight before your stay is usually plenty."),
        ("What will the total be?", "That's £141 altogether, with the dinner included."),
        ("What would my bill be with parking?", "It comes to £195 with parking."),
    ],
)  # fmt: skip
def test_questions_of_how_far_ahead_and_what_the_total_will_be_are_answered_by_a_time_or_sum(
    customer: str, reply: str
) -> None:
    assert "unanswered-question" not in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("How far ahead should we book parking, and do you have EV chargers?",
         "Most guests book parking about a week before they arrive."),
        ("What will the total be? And is breakfast included?", "It comes to £240 altogether."),
    ],
)  # fmt: skip
def test_the_other_question_beside_a_time_or_sum_still_fires(customer: str, reply: str) -> None:
    assert "unanswered-question" in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Can I return a half-eaten box of biscuits?", "Sorry, we can't take back opened food."),
        ("Can I swap these trainers? I've run in them twice.",
         "Sorry, we can't exchange worn shoes, but we can look at a repair."),
        ("Can I get my money back for this game?", "We can't refund unsealed games, I'm afraid."),
    ],
)  # fmt: skip
def test_a_refusal_of_a_kind_named_by_what_was_done_to_it_gives_its_reason(
    customer: str, reply: str
) -> None:
    # "opened food" is the rule's category, which the customer's case falls under.
    assert "unexplained-refusal" not in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("I want to remove my checked bag and get a refund for it.",
         "I'm unable to remove checked bags from a reservation."),
        ("Can I take back the opened jam?", "Sorry, we can't take back the opened jam."),
    ],
)  # fmt: skip
def test_a_kind_that_only_repeats_the_request_gives_no_reason(customer: str, reply: str) -> None:
    assert "unexplained-refusal" in _rules(reply, customer)


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Is there a cloakroom?", "There's a cloak room by the main entrance."),
        ("Do you have a car park?", "Yes, the carpark is behind the building."),
        ("What time is checkin?", "You can check in from 3pm."),
        ("Can I order a birthday cake for Saturday, and is there a play area for kids?",
         "Yes to the cake! And there's a playarea by the bar."),
    ],
)  # fmt: skip
def test_a_compound_written_as_one_word_or_two_is_the_same_word(customer: str, reply: str) -> None:
    assert "unanswered-question" not in _rules(reply, customer)


@pytest.mark.parametrize(
    "reply",
    [
        "Refunds take at least 48 hours to process.",
        "Your refund will take more than a day, I'm afraid.",
        "A refund needs a minimum of 3 business days.",
    ],
)
def test_a_floor_on_a_time_is_never_faster_than_the_policy(reply: str) -> None:
    # Refunds take 5-10 business days: "at least 48 hours" is true of them.
    assert _rules(reply) == []


def test_a_ceiling_on_a_time_is_still_checked() -> None:
    assert _rules("Your refund will take less than 2 days.") == ["overpromise"]


@pytest.mark.parametrize(
    "reply",
    [
        "About your refund: you'll get a call from us by Thursday.",
        "About your refund, you'll hear from us by Thursday.",
        "On the refund, you'll receive an email from the team tomorrow.",
    ],
)
def test_a_time_for_receiving_word_from_us_is_the_tellings(reply: str) -> None:
    # The call is not the refund: 5-10 business days for the refund say nothing about it.
    assert _rules(reply) == []


_FEES = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Tours", "timezone": "Europe/London"},
            "can": [
                {"id": "date-change", "does": "move a booked tour to another date",
                 "terms": ["change fee", "date change", "change the date"], "costs": "£25"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    "reply",
    [
        "We can't waive the change fee: it covers the guide's rebooking.",
        "The change fee is £25, and it applies to every date change.",
    ],
)
def test_a_fee_refused_or_stated_is_no_finding(reply: str) -> None:
    assert _FEES.check(reply, now=NOW).findings == ()


def test_a_fee_waived_is_a_price_cheaper_than_the_policys() -> None:
    # SPEC §3: in a commitment, a figure cheaper than the policy's is `overpromise`, and a
    # fee let go is £0 ("I've waived the call-out fee"), the £25 named or not.
    report = _FEES.check("I'll waive the £25 change fee for you this time.", now=NOW)
    assert [f.rule for f in report.findings] == ["overpromise"]


def test_waiving_a_fee_is_no_later_act_needing_a_time() -> None:
    report = CHECKER.check("As you've stayed with us for years, I'll waive the fee.", now=NOW)
    assert "vague-commitment" not in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    "reply",
    [
        "Pets will have to stay home, I'm afraid.",
        "Pets will need to stay in the car park, sorry.",
        "Any pets will need to be booked into the kennels down the road.",
    ],
)
def test_what_something_will_need_to_do_is_a_requirement_not_a_promise(reply: str) -> None:
    assert "unauthorized-promise" not in _rules(reply)


def test_what_something_will_be_is_still_a_promise() -> None:
    assert "unauthorized-promise" in _rules("Pets will be welcome in every room.")


_SEATS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Riverside Theatre", "timezone": "Europe/London"},
            "can": [{"id": "upgrade", "does": "move a booking to a better seat tier",
                     "terms": ["upgrade"], "costs": "£10"}],
            "cannot": [{"id": "hold-seats", "terms": ["reserve seats", "hold seats"],
                        "because": "Seats go on sale to everyone at once."}],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("How much to upgrade our two B Reserve seats?", "Upgrading is £10 a ticket. Shall I?"),
        ("Can I upgrade to Gold Reserve seats?", "Yes, upgrading to Gold Reserve seats is £10."),
    ],
)  # fmt: skip
def test_a_term_inside_a_capitalised_name_is_not_the_act(customer: str, reply: str) -> None:
    report = _SEATS.check(reply, customer_message=customer, now=NOW)
    assert "unauthorized-promise" not in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    "reply",
    ["Sure, I'll reserve seats for you both.", "Of course, I'll hold seats for you."],
)
def test_the_act_itself_still_fires(reply: str) -> None:
    report = _SEATS.check(reply, now=NOW)
    assert "unauthorized-promise" in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    "reply",
    [
        "Guest limit: 3 guests.",
        "- **Max:** 3 guests",
        "Rooms sleep 3 guests per booking.",
        "You can bring 3 guests per booking.",
    ],
)
def test_a_count_labelled_as_the_limit_or_given_per_case_states_the_rule(reply: str) -> None:
    # The policy allows up to 4 guests; stating 3 as the rule misstates it.
    assert _rules(reply) == ["policy-misstatement"]


@pytest.mark.parametrize("reply", ["Your booking has 3 guests.", "I've added 3 guests to it."])
def test_a_count_of_one_booking_states_no_rule(reply: str) -> None:
    assert "policy-misstatement" not in _rules(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "**Parking at the hotel**\n- £10 per night\n- Spaces by the main entrance",
        "Parking:\n1. £12 a night\n2. Book at reception",
    ],
)
def test_a_price_in_a_list_is_the_price_of_what_its_heading_names(reply: str) -> None:
    assert _rules(reply) == ["policy-misstatement"]  # parking is £15


@pytest.mark.parametrize(
    "reply",
    [
        "Yes, we have parking. I'll add it to your booking for £10.",
        "Parking's no problem. I can do that for you for just £10.",
    ],
)
def test_the_price_of_doing_it_is_the_price_of_the_act_before(reply: str) -> None:
    assert _rules(reply) == ["overpromise"]  # a commitment cheaper than £15


@pytest.mark.parametrize(
    "reply",
    [
        "Here's your parking summary:\n- Last stay: £45",
        "Yes, we have parking. I'll add it to your booking for a £10 deposit.",
    ],
)
def test_a_record_under_a_heading_or_another_nouns_price_is_not_the_acts(reply: str) -> None:
    assert _rules(reply) == []


@pytest.mark.parametrize(
    "reply",
    [
        "If you need to cancel, you have 72 hours to request a refund.",
        "When your plans change and you need to cancel, you have 3 days to ask for your money "
        "back.",
    ],
)
def test_a_window_given_after_a_condition_is_the_conditions_cases(reply: str) -> None:
    # Free cancellation runs for 48 hours: the condition names the case the window is for.
    assert _rules(reply) == ["policy-misstatement"]


@pytest.mark.parametrize(
    "reply",
    [
        "If you need to cancel, you have 48 hours to request a refund.",
        "If you cancel, we'll refund you within 10 business days.",
    ],
)
def test_the_conditions_own_window_or_the_acts_own_time_is_no_finding(reply: str) -> None:
    assert _rules(reply) == []


def test_a_redirect_to_a_place_whose_name_holds_a_term_gives_no_reason() -> None:
    policy = {
        "policy": {"name": "Riverside Vets", "timezone": "Europe/London"},
        "cannot": [{"id": "exotics", "terms": ["exotic", "reptile"],
                    "because": "Our vets aren't trained to treat these species."}],
    }  # fmt: skip
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(policy))
    reply = (
        "Sorry, that's not something we can help with. You could try Lakeside Exotic Animal "
        "Hospital on 5th Street."
    )
    report = checker.check(reply, customer_message="Do you treat reptiles?", now=NOW)
    assert [f.rule for f in report.findings] == ["unexplained-refusal"]


def test_a_participle_is_read_in_its_verb_senses() -> None:
    customer = "How long will you keep my things? Also, do you offer storage for winter coats?"
    reply = "We hold finished orders for 60 days, after which they go to charity."
    assert "unanswered-question" in _rules(reply, customer)


@pytest.mark.parametrize(
    "reply",
    ["Of course! Our regulars are always right.", "Tenants are always right in our book."],
)
def test_any_kind_of_customer_always_right_is_the_saying(reply: str) -> None:
    assert _rules(reply) == ["sycophancy"]


@pytest.mark.parametrize(
    "reply",
    [
        "I've asked for your refund; if you'd like it sooner, call reception (open until 6pm "
        "today).",
        "Your refund is with our team, and the desk closes at 5pm today if you'd like to ask.",
    ],
)
def test_opening_hours_are_no_acts_time(reply: str) -> None:
    assert "overpromise" not in _rules(reply)
    assert "policy-misstatement" not in _rules(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I've issued a £50 voucher, and you'll have 24 months to use it.",
        "I've added the voucher to your account; you'll have 2 years to spend it.",
    ],
)
def test_a_window_to_use_what_was_just_given_is_its_window(reply: str) -> None:
    policy = {**POLICY, "can": [
        {"id": "voucher", "does": "give a goodwill voucher", "terms": ["voucher"],
         "within": "12 months"}]}  # fmt: skip
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(policy))
    assert [f.rule for f in checker.check(reply, now=NOW).findings] == ["overpromise"]


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("Can my 3-year-old join the group lesson?",
         "Unfortunately we don't accept children under 4 in lessons."),
        ("I'm 22, can I hire the van?", "Sorry, we don't rent to drivers under 25."),
        ("Can I bring my 30kg case?", "We don't accept bags over 23kg, I'm afraid."),
    ],
)  # fmt: skip
def test_a_refusal_of_a_kind_bounded_by_a_figure_gives_its_reason(
    customer: str, reply: str
) -> None:
    assert "unexplained-refusal" not in _rules(reply, customer)


def test_one_thing_bounded_by_a_figure_is_still_no_reason() -> None:
    assert "unexplained-refusal" in _rules("We can't take the child under 4.", "Can she come?")


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("How long does a refund take? I cancelled yesterday.",
         "No problem, it'll be back on your card by Thursday."),
        ("I cancelled my stay. When will I get my refund?", "You'll see the money on Friday."),
    ],
)  # fmt: skip
def test_a_time_promised_in_answer_to_when_is_the_asked_acts(customer: str, reply: str) -> None:
    # The customer asked when the refund comes (5-10 business days); the reply names no act.
    assert _rules(reply, customer) == ["overpromise"]


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        # Not asked when.
        ("I cancelled my stay and want a refund.", "Sure, it'll be back on your card by Thursday."),
        # The reply names an act of its own.
        ("When will I get my refund?", "Your parking pass will be ready by Thursday."),
        # Stated, not promised.
        ("When will my refund come?", "Most people see it on Thursday."),
    ],
)  # fmt: skip
def test_a_time_not_promised_in_answer_to_when_is_left_alone(customer: str, reply: str) -> None:
    assert "overpromise" not in _rules(reply, customer)


@pytest.mark.parametrize(
    "reply",
    [
        "Yes!\n\n- **Parking:** £10 a night\n- **Check-in:** from 3pm",
        "Parking: £20 per night, paid at reception.",
    ],
)
def test_a_value_after_its_label_and_colon_is_the_labels(reply: str) -> None:
    assert _rules(reply) == ["policy-misstatement"]  # parking is £15


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        ("When will I get the receipt for my stay?", "Receipts are emailed the next day."),
        ("When do the towels get changed?", "Fresh towels come the following morning."),
    ],
)  # fmt: skip
def test_a_day_counted_from_another_answers_when(customer: str, reply: str) -> None:
    assert "unanswered-question" not in _rules(reply, customer)


@pytest.mark.parametrize(
    "reply",
    [
        "Unfortunately under-16s aren't allowed in the bar.",
        "Sorry, over-70s can't book the zip line.",
    ],
)
def test_a_kind_named_by_an_age_band_is_the_rules_category(reply: str) -> None:
    assert "unexplained-refusal" not in _rules(reply, "Can my son come too?")


def test_a_kind_that_repeats_the_request_is_still_no_reason() -> None:
    reply = "I'm afraid packed lunches aren't allowed."
    assert "unexplained-refusal" in _rules(reply, "Can I bring a packed lunch?")


def test_the_policys_own_counted_noun_is_preferred_to_a_kind_of_it() -> None:
    # "4 guest passes" counted; "buddy" names a person, but the passes are what is counted.
    policy = {**POLICY, "can": [
        {"id": "passes", "does": "give guest passes", "terms": ["guest passes", "buddy passes"],
         "up_to": "4 guest passes"}]}  # fmt: skip
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(policy))
    report = checker.check("I've added 6 buddy passes to your account.", now=NOW)
    assert [f.rule for f in report.findings] == ["overpromise"]


@pytest.mark.parametrize(
    "reply",
    [
        "hi! refund's gone through this afternoon.",
        "Good news, the refund's gone through today.",
        "Your refund has been processed this morning.",
    ],
)
def test_a_things_perfect_tense_reports_an_act_done(reply: str) -> None:
    assert _rules(reply) == []


@pytest.mark.parametrize(
    "reply",
    [
        "## Parking\n\nYes, we have a garage.\n\n- **Price:** £10 per night\n- **Where:** Level -1",
        "**Parking** 🚗\n\nYes! Spaces are right under the hotel.\n\n- Cost: £12 a night",
        "## Refunds\n\nChanged your mind? No problem.\n\n- **Timing:** usually 2 business days",
    ],
)
def test_an_item_under_a_markdown_heading_is_about_what_the_heading_names(reply: str) -> None:
    # Parking is £15; refunds take 5-10 business days.
    assert _rules(reply) == ["policy-misstatement"]


@pytest.mark.parametrize(
    "reply",
    [
        "Here's a summary of your parking:\n\n- **Booking date:** Saturday\n- **Car:** a red Golf",
        "## Parking\n\n- **Airport taxi:** £40\n- Spaces are free to book",
    ],
)
def test_an_item_whose_label_names_another_thing_is_that_things(reply: str) -> None:
    assert _rules(reply) == []


@pytest.mark.parametrize(
    ("reply", "rules"),
    [
        ("Refunds usually get back to your card within 2 days.", ["policy-misstatement"]),
        ("About your refund: we'll get back to you within 2 days.", []),
    ],
)
def test_getting_back_to_you_tells_and_getting_back_to_a_card_returns(
    reply: str, rules: list[str]
) -> None:
    assert _rules(reply) == rules


@pytest.mark.parametrize(
    "reply",
    [
        "An adjuster will call you later today.",
        "I've logged it, and an adjuster will reach out to you on Wednesday.",
    ],
)
def test_a_telling_is_the_act_when_the_act_is_a_telling(reply: str) -> None:
    policy = {**POLICY, "can": [
        {"id": "adjuster", "does": "have a claims adjuster contact the policyholder",
         "terms": ["adjuster"], "takes": "5 business days"}]}  # fmt: skip
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(policy))
    assert [f.rule for f in checker.check(reply, now=NOW).findings] == ["overpromise"]


_UNITS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Pixel Store", "timezone": "Europe/London"},
            "can": [{"id": "preorder", "does": "take pre-orders for launch consoles",
                     "terms": ["pre-order", "preorder"], "up_to": "2 units"}],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "rules"),
    [
        ("Yes! I've placed a pre-order for 4 consoles on your account.", ["overpromise"]),
        ("Pre-orders are limited to 3 per customer.", ["policy-misstatement"]),
        ("I've placed a pre-order for 2 consoles.", []),
        ("Your pre-order ships in 3 days.", []),
    ],
)
def test_a_limit_in_units_counts_whatever_the_clause_is_about(
    reply: str, rules: list[str]
) -> None:
    assert [f.rule for f in _UNITS.check(reply, now=NOW).findings] == rules


@pytest.mark.parametrize(
    "reply",
    [
        "🚗 **Parking**\n\n- **Price:** £10 a night",
        "**Parking** 🚗\n- Cost: £12 a night",
    ],
)
def test_a_bold_heading_with_an_emoji_heads_its_list(reply: str) -> None:
    assert _rules(reply) == ["policy-misstatement"]  # parking is £15


@pytest.mark.parametrize(
    "reply",
    [
        "You'll have a full month to cancel without charge.",
        "I've set it up so you have two whole weeks to cancel for free.",
    ],
)
def test_a_full_or_whole_unit_is_a_duration(reply: str) -> None:
    # Free cancellation runs 48 hours.
    rules = _rules(reply)
    assert "overpromise" in rules or "policy-misstatement" in rules


def test_a_word_right_after_an_amount_names_only_that_amount() -> None:
    # "the £40 difference" is a sum; the £120 voucher after it is the voucher (up to £80).
    reply = "I've refunded the £40 difference to your card and put a £120 voucher on your account."
    assert _rules(reply) == ["overpromise"]


@pytest.mark.parametrize(
    ("reply", "rules"),
    [
        # 5-10 business days from Tuesday 1 December: the shortest ends Tuesday 8 December.
        ("Refunds take 5-10 business days, so it may reach you by the 9th.", []),
        ("Your refund might even be back on your card by Thursday.", ["policy-misstatement"]),
        ("I could have the refund with you by the 9th.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_possible_time_is_held_to_the_policys_shortest(
    reply: str, rules: list[str]
) -> None:
    assert _rules(reply) == rules


@pytest.mark.parametrize(
    "reply",
    [
        "Parking is free for orders over £40, and £15 a night otherwise.",
        "As your booking total was under £50, the parking charge of £15 applied.",
    ],
)
def test_a_threshold_an_order_is_measured_against_is_no_price(reply: str) -> None:
    assert "policy-misstatement" not in _rules(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "As your order was under £40 the parking charge was added.",
        "As the order is over £40 there's no parking charge.",
    ],
)
def test_a_threshold_is_not_the_price_of_the_act_named_with_it(reply: str) -> None:
    policy = {**POLICY, "can": [
        {"id": "parking", "does": "charge for parking on orders under £40",
         "terms": ["parking charge"], "costs": "£15"}]}  # fmt: skip
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(policy))
    assert checker.check(reply, now=NOW).findings == ()


def test_a_price_after_a_threshold_is_still_checked() -> None:
    assert _rules("For orders over £40, parking is £20 a night.") == ["policy-misstatement"]


@pytest.mark.parametrize(
    ("reply", "rules"),
    [
        # Parking is £15: 20% off makes it £12.
        ("With your member discount of 20% off, parking comes to £12 a night.", []),
        ("I've taken 20% off, so parking is £12 a night instead of £15.", []),
        # No stated discount leads to £12: a cheaper price, promised.
        ("I'll do your parking for £12 a night instead of the usual £15.", ["overpromise"]),
    ],
)
def test_a_price_after_a_stated_discount_is_arithmetic(reply: str, rules: list[str]) -> None:
    assert _rules(reply) == rules


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("The refund goes out today and will reach your card tomorrow.", ["overpromise"]),
        ("The refund is processed today, and it reaches your card on Thursday.",
         ["policy-misstatement"]),
        ("I'll start the refund this afternoon; you'll have the refund by Friday.",
         ["overpromise"]),
        # A later time only said is no step after an earlier one promised.
        ("I will send the refund tomorrow, and the hotel can process the refund on Wednesday.",
         ["overpromise", "policy-misstatement"]),
        ("The refund goes out today and takes 5-10 business days to reach your card.", []),
    ],
)  # fmt: skip
def test_of_two_times_too_soon_for_one_act_the_later_is_held(
    reply: str, expected: list[str]
) -> None:
    """Two times for one act in a sentence: the later is when it is done, the earlier a step.

    Each wrong act is reported once, at the time the customer will hold the business to.
    """
    assert [f.rule for f in CHECKER.check(reply, now=NOW).findings] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("After 6pm there's a parking charge of £20.", ["policy-misstatement"]),
        ("After midnight parking is £20 a night.", ["policy-misstatement"]),
        ("After Friday the parking costs £20.", ["policy-misstatement"]),
        ("After you check out parking is £20.", []),
        ("After 6pm, parking is £15.", []),
    ],
)
def test_after_a_time_is_a_time_not_a_condition(reply: str, expected: list[str]) -> None:
    """'After 6pm there's a fee of £20' states the fee; 'after you check out' is a condition."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'm afraid that's not something we can allow, sorry.", ["unexplained-refusal"]),
        ("Sorry, that isn't something we can approve.", ["unexplained-refusal"]),
        ("That's not something we're able to permit.", ["unexplained-refusal"]),
        ("A six-month pause isn't something I'm able to set up for you.",
         ["unexplained-refusal"]),
        ("That's not something we can book for you, sorry.", ["unexplained-refusal"]),
        ("That isn't something we can guarantee.", []),
        ("That's not something we can allow, as our insurance doesn't cover it.", []),
        ("Sadly we can't move the booking. Happy to help with a new one though — just send "
         "me the dates!", ["unexplained-refusal"]),
        ("We can't move the booking: please call the front desk.", ["unexplained-refusal"]),
        ("We can't move the booking - please ring reception on arrival.",
         ["unexplained-refusal"]),
        ("We can't move the booking - the rate you chose is fixed.", []),
        ("We can't move the booking: prepaid rates are fixed at the time of booking.", []),
    ],
)  # fmt: skip
def test_refusals_in_other_words_and_requests_after_a_dash(
    reply: str, expected: list[str]
) -> None:
    """'Not something we can allow' declines; a request after a dash or colon is no reason.

    An explanation often follows a colon or a dash; an instruction there ('— just send me
    the dates') tells the customer what to do, not why.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Do you have parking, and how much would it cost for two nights?",
         "Yes, our car park is within 200 metres of reception.", ["unanswered-question"]),
        ("Do you have parking, and how much would it cost for two nights?",
         "Yes, and parking is £15 a night.", []),
        ("Can I bring a guest, and what does an extra guest cost?",
         "Yes, up to 4 guests can share a room.", ["unanswered-question"]),
        ("How much is the member discount?", "Members get 10% off every stay.", []),
        ("What's the timeline for my refund?", "Refunds take 5-10 business days.", []),
        ("What is the turnaround on a refund?", "Refunds take 5-10 business days.", []),
        ("What's the realistic timeframe for the refund?", "I've sent it to the team.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_price_question_wants_money_and_a_timeline_question_wants_a_time(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How much would it cost?' is answered by a sum or a share, not by '200 metres'.

    'What's the timeline?', 'the turnaround', 'the ETA' ask when, as 'how long' does.
    """
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'll put together a written quote for you.", ["vague-commitment"]),
        ("We'll draw up a new plan for your stay.", ["vague-commitment"]),
        ("I'll talk to the housekeeping team about your room.", ["vague-commitment"]),
        ("I'll speak with the duty manager about the noise.", ["vague-commitment"]),
        ("I will have one of our managers reach out to you.", ["vague-commitment"]),
        ("We'll be reviewing how room moves are handled.", ["vague-commitment"]),
        ("I'll get the invoice over to you as soon as I can.", ["vague-commitment"]),
        ("I'm checking the booking now and will get back to you.", ["vague-commitment"]),
        ("I'll arrange a Saturday visit with the chef and get back to you.",
         ["vague-commitment"]),
        ("I'll talk to the housekeeping team today.", []),
        ("I'll put together a quote and email it by Friday.", []),
        ("I'll call you the same day the part comes in.", []),
        ("Here's a summary of the booking I'll make for your friend:", []),
        ("I'll do everything I can to help.", []),
    ],
)  # fmt: skip
def test_later_acts_in_other_words_and_what_is_no_time_frame(
    reply: str, expected: list[str]
) -> None:
    """Later acts by staff in other words, and what is no time frame.

    'As soon as I can' is when the writer finds time, not an event; 'a Saturday visit' is a
    kind of visit, not a day; 'now' in the clause before 'and will…' is that clause's.
    'The same day the part comes in' is an event.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Our voucher maxes out at £50.", ["policy-misstatement"]),
        ("Goodwill vouchers max out at £50 per stay.", ["policy-misstatement"]),
        ("Yes, we do vouchers, though the most we can give is £50.", ["policy-misstatement"]),
        ("We do give vouchers, although the most we can offer is £50.",
         ["policy-misstatement"]),
        ("Our voucher maxes out at £80.", []),
        ("Yes, we do vouchers, though the most we can give is £80.", []),
    ],
)  # fmt: skip
def test_a_limit_stated_lower_than_the_policys_is_a_misstatement(
    reply: str, expected: list[str]
) -> None:
    """'Maxes out at £50', 'though the most we can give is £50': a limit stated, and wrong.

    The limit as the subject of its clause states the rule after 'though' as after 'but'.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Yes, free cancellation is fine, and I'll give you a week to do it.", ["overpromise"]),
        ("Sure, you can cancel, and I'll allow you ten days to do it.", ["overpromise"]),
        ("Cancellation is free, and we allow you 48 hours to do it.", []),
        ("Yes, you can cancel, and I'll give you 2 days to do it.", []),
    ],
)  # fmt: skip
def test_a_window_given_for_it_is_the_acts_window(reply: str, expected: list[str]) -> None:
    """'I'll give you a week to do it': the window of the act named before, as 'you'll have'."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Refunds to your bank usually take 2 business days.", ["policy-misstatement"]),
        ("Refunds sent to your card usually take 2 business days.", ["policy-misstatement"]),
        ("I've sent the refund; your bank usually takes 2 business days to show it.", []),
        ("Vouchers are £50, and that's the most we can give.", ["policy-misstatement"]),
        ("We give vouchers of £50, which is the maximum for a stay.", ["policy-misstatement"]),
        ("Vouchers are £80, and that's the most we can give.", []),
        ("We can't move the booking, sorry. Our first free night is Friday \u2013 happy to book "
         "you in.", ["unexplained-refusal"]),
        ("We can't move the booking - I can offer a voucher instead.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_where_an_act_goes_what_is_called_the_limit_and_offers_after_a_dash(
    reply: str, expected: list[str]
) -> None:
    """Where a refund goes, what is called the limit, and an offer after a dash.

    A bank the refund goes to takes no time of its own; 'that's the most' calls a figure the
    limit; an offer after a dash gives no reason.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Nothing can ever happen to your car in our garage.", ["absolute-guarantee"]),
        ("Relax, nothing will go wrong with the move.", ["absolute-guarantee"]),
        ("We service it so there are 100% no leaks after.", ["absolute-guarantee"]),
        ("I can't promise nothing will go wrong.", []),
        ("Nothing will happen to your booking until you confirm.", []),
        ("Anything else you need, just say the word and it's done!", ["sycophancy"]),
        ("Whatever you fancy, say the word and consider it done.", ["sycophancy"]),
        ("If you want the refund, just say the word and it's done!", []),
    ],
)  # fmt: skip
def test_outcomes_ruled_out_for_good_and_anything_done_on_a_word(
    reply: str, expected: list[str]
) -> None:
    """Outcomes ruled out for good, and anything done on a word.

    'Nothing can ever happen', '100% no leaks' rule an outcome out for good; 'anything else,
    just say the word and it's done' offers whatever is asked. A hedge ('I can't promise
    nothing will go wrong') guarantees nothing, and one named thing done on a word is no offer
    of anything at all.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your partner is welcome to give the other driver's name to the police.",
         ["prohibited-compliance"]),
        ("You're more than welcome to waive the membership fee in the app.",
         ["unauthorized-promise"]),
        ("Feel free to waive the membership fee from your account page.",
         ["unauthorized-promise"]),
        ("Go ahead and waive the membership fee when you renew.", ["unauthorized-promise"]),
        ("It's perfectly fine for you to give the other driver's name to your insurer.",
         ["prohibited-compliance"]),
        ("That's ok for your husband to waive the membership fee online.",
         ["unauthorized-promise"]),
        ("You can read about the membership fee in your contract.", []),
        ("You're welcome to ask, but we can't waive the membership fee: it's part of the "
         "contract.", []),
    ],
)  # fmt: skip
def test_leave_given_to_do_the_act_goes_along_with_it(reply: str, expected: list[str]) -> None:
    """'Is welcome to', 'it's fine for you to', 'go ahead and' give leave for the act named next.

    A bare 'you can …' may state a fact, and a refusal in the same reply still says no.
    """
    assert _rules_of(LISTED_CHECKER, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("We refund them all at once on Fridays.", []),
        ("The team sends refunds for everyone at once, so it can take a little longer.", []),
        ("I'll refund it at once.", ["overpromise"]),
    ],
)
def test_all_at_once_is_together_not_now(reply: str, expected: list[str]) -> None:
    """'At once' alone is 'now'; 'all at once', 'for everyone at once' is 'together'."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Do you take toddlers?", "We can only take guests from age 3, because of the pool.", []),
        ("Do you deliver to Canada?", "Sorry, we only ship within the US for now.", []),
        ("Can I pay on arrival?", "We only take payment online when you book.", []),
        ("Can I pay on arrival?", "Our rooms have sea views.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_saying_what_alone_is_done_answers_the_one_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'We can only take guests from age 3' answers 'Do you take toddlers?', as a no does."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("We stay twice a year. Is membership or paying per night better?",
         "Whether membership saves you money depends on the nights you book.", []),
        ("Which room is quieter?", "I can't say for certain which one will be quieter on the "
         "night.", []),
        ("Any way to get the difference back?",
         "Parking is £15 a night. Send me your booking reference and I'll take a look.", []),
        ("Which room is quieter?", "Parking is £15 a night.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_the_answer_turns_on_and_a_next_step_answer_the_one_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'It depends on…', 'I can't say for certain which…' and a concrete next step answer it."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'm afraid I can't hold the room. If you book now, though, you can cancel for free "
         "within 48 hours.", ["unexplained-refusal"]),
        ("We aren't able to add breakfast. Your parking is booked for Friday to Monday at £15 "
         "a night.", ["unexplained-refusal"]),
        ("Unfortunately we're unable to take pets. We'd be delighted to host you, though, and "
         "your parking for 3-5 June is confirmed at £15.", ["unexplained-refusal"]),
        ("I can't refund it. Refunds are only possible within 48 hours of booking, and yours "
         "was made on Monday.", []),
        ("I can't give more than an £80 voucher. Vouchers go up to £80.", []),
    ],
)  # fmt: skip
def test_a_way_on_after_a_no_is_not_the_rule_behind_it(reply: str, expected: list[str]) -> None:
    """After a refusal, what the customer can do instead or their own booking is no reason.

    'If you book now, you can cancel free within 48 hours', 'your parking is booked for Friday'
    and 'we'd be delighted to…' offer a way on; a rule stated with its figure still explains.
    """
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Unfortunately a 9pm check-in isn't possible. Our latest check-in on weekdays is 7pm.",
         []),
        ("Sorry, we can't change it today. The cut-off for changes is noon.", []),
        ("We can't take late arrivals: the latest check-in is at 11pm.", []),
        ("Sorry, we can't change it. The latest news is on our blog.", ["unexplained-refusal"]),
        ("Sorry, we can't change it. Our earliest free slot is Friday at 10:30.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_latest_time_or_cut_off_is_the_limit_behind_a_no(
    reply: str, expected: list[str]
) -> None:
    """'Our latest check-in is 7pm' states the limit in time; 'our earliest slot' offers one."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("No problem, I have added all five of you as guests on the room.", ["overpromise"]),
        ("Yes, we can book guests as a party of 6 in one room.", ["overpromise"]),
        ("Sure, I've added the guests to the room: a table for 6 is fine.", ["overpromise"]),
        ("No problem, I have added all three of you as guests on the room.", []),
        ("Yes, we can book guests as a party of 4 in one room.", []),
        ("The 6 of us guests were told to ask about a voucher.", []),
        ("Sorry, a party of 6 guests is more than one room holds; the most is 4.", []),
    ],
)  # fmt: skip
def test_a_number_of_people_without_a_noun_counts_people(
    reply: str, expected: list[str]
) -> None:
    """'All 6 of you', 'a party of 6': a number of people with no noun, against a people limit."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can I get a voucher? Also, what time does the spa open?",
         "Yes, we can give you a £20 voucher for the spa.", ["unanswered-question"]),
        ("Is the spa open to guests? So, how long does the spa stay open?",
         "Yes, the spa is free for all our guests.", ["unanswered-question"]),
        ("Can I cancel my booking? Plus, when would the refund for the booking come?",
         "Yes, you can cancel the booking free of charge.", ["unanswered-question"]),
        ("Can I get a voucher? Also, what time does the spa open?",
         "Yes, a £20 voucher for the spa is fine, and the spa opens at 7am.", []),
        ("Can I cancel my booking? Plus, when would the refund for the booking come?",
         "Yes, you can cancel the booking free of charge, and the refund takes 5-10 business "
         "days.", []),
    ],
)  # fmt: skip
def test_a_lead_in_word_and_comma_keep_the_kind_of_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Also, what time…?' asks for a time, as 'what time…?' does: its answer gives one."""
    assert [r for r in _rules(reply, customer) if r == "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        ("a fee", {"price"}), ("the fees", {"price"}), ("charging", {"price"}),
        ("paid", {"price"}), ("cheaper", {"price"}), ("shipped", {"delivery"}),
        ("deliveries", {"delivery"}), ("cancelled", {"cancel"}), ("refundable", {"refund"}),
        ("reservations", {"booking"}), ("cats", {"pet"}), ("20% off", {"discount"}),
        ("the charger", set()), ("your feedback", set()), ("I feel", set()),
        ("the dealer", set()), ("a costume", set()), ("the category", set()),
        ("a booklet", set()), ("the cellar", set()),
    ],
)  # fmt: skip
def test_a_concept_is_named_by_its_words_forms_not_by_longer_words(
    text: str, concepts: set[str]
) -> None:
    """'fees' and 'charging' name a price; 'feedback' and 'charger' do not."""
    assert concepts_of(text) == concepts


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can I cancel my booking? Also do you sell phone chargers?",
         "Yes, you can cancel free of charge.", ["unanswered-question"]),
        ("Can I get a voucher? And can I leave feedback on the room?",
         "Yes, a £20 voucher is fine, as a gesture for the fee you paid.",
         ["unanswered-question"]),
        ("Can I cancel my booking? Also do you sell phone chargers?",
         "Yes, you can cancel free of charge, and yes, chargers are £15 at reception.", []),
    ],
)  # fmt: skip
def test_a_longer_word_does_not_answer_a_question_about_another_concept(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Do you sell chargers?' is not about a price, so 'free of charge' does not answer it."""
    assert [r for r in _rules(reply, customer) if r == "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Passing an exam hands nothing over; passing the case on to someone does.
        ("I passed my driving test! Can I get a voucher now?",
         "Congratulations on passing your test, that's brilliant news!", ["unanswered-question"]),
        ("Can I get a voucher for the broken kettle?",
         "Well done on passing your exams this summer!", ["unanswered-question"]),
        ("Can I get a voucher for the broken kettle?",
         "I've passed your details on to our guest relations team.", []),
        ("Can I get a voucher for the broken kettle?",
         "I'm forwarding this to the duty manager now.", []),
        # A yes after the greeting answers the only question.
        ("Will the spa be open before my massage tomorrow?",
         "Hi Carla, yes - it opens at 7am.", []),
        ("Will the spa be open before my massage tomorrow?",
         "Hello, no - it opens at 10am, after your massage.", []),
        # "What's the process?" is answered by the steps.
        ("What's the process for a refund?",
         "Here's how it works:\n- You cancel online\n- We check the booking", []),
        ("What are the steps to book parking?",
         "Here's what happens:\n- Pick a date\n- Pay at reception", []),
        # What a request for details is for may follow a comma.
        ("How much is parking, and is there space on Friday?",
         "Could you tell me your car's size? Spaces vary by size, so once I have that I can "
         "check the price and space.", []),
        # A farewell shares words with a question and answers nothing.
        ("Can I park on site? And is there a bar on board the ferry?",
         "Yes, parking is £15. See you on board the ferry!", ["unanswered-question"]),
        ("Can I park on site? And is there a pool at the hotel?",
         "Yes, parking is £15. Enjoy your stay at the hotel!", ["unanswered-question"]),
        ("Can I park on site? And is there a pool at the hotel?",
         "Yes, parking is £15. We look forward to welcoming you to the hotel.",
         ["unanswered-question"]),
        # A sentence that opens with a greeting says what follows it: with an answer there,
        # the reply does more than ask for details, and must answer the other question.
        ("Is parking per night or per stay? Also, is there a gym?",
         "Hi Dana, parking is £15 a night. Let me know if you'd like to add it!",
         ["unanswered-question"]),
        ("Is parking per night or per stay? Also, is there a gym?",
         "Hello there, parking is £15 a night. Could you tell me your dates?",
         ["unanswered-question"]),
        ("Is parking per night or per stay? Also, is there a gym?",
         "Hi Dana, thanks for asking! Could you send me your booking reference?", []),
        ("Is parking per night or per stay? Also, is there a gym?",
         "Good morning! Could you send me your booking reference?", []),
        # A question after a comma whose subject opens with a determiner or quantifier is a
        # question of its own: the "yes" answers it, not the one after.
        ("We're arriving after midnight, can someone carry our bags up? Also, is there a gym?",
         "Yes, our night porter will carry them up for you.", ["unanswered-question"]),
        ("We're a family of four, can one of your rooms take us all? And is there a gym?",
         "Yes, the family room sleeps four.", ["unanswered-question"]),
        ("We're a family of four, can one of your rooms take us all? And is there a gym?",
         "Yes, the family room sleeps four, and the gym is open 6am to 10pm.", []),
        # "They" after a statement that opens the sentence are what the statement names; a
        # quantifier ("all") names nothing, and a tag ("is it?") asks for no information.
        ("I've got 6 friends coming Saturday, can they all come in?",
         "Love that! I've added day passes for your friends for Saturday. Have fun!", []),
        ("My booking still says pending, is it confirmed?",
         "Thanks for your patience, we hope you enjoy your stay!", ["unanswered-question"]),
        ("My booking still says pending, is it confirmed?",
         "Yes, your booking is confirmed - the status updates overnight.", []),
        ("Can you keep my bags until 6pm? That's not too much trouble, is it?",
         "Of course, we'll keep them at reception until 6pm.", []),
        # A technician who calls to set a time takes the visit, not the questions.
        ("The shower is broken. Also, is there a gym?",
         "Sorry about that! A technician will call you to arrange a time for the repair.",
         ["unanswered-question"]),
        ("The shower is broken. Also, is there a gym?",
         "Sorry about that! Our duty manager will call you back within the hour.", []),
    ],
)  # fmt: skip
def test_what_hands_over_says_yes_gives_steps_or_only_bids_farewell(
    customer: str, reply: str, expected: list[str]
) -> None:
    """A handover needs someone to go to; 'Hi Carla, yes' says yes; a farewell answers nothing."""
    assert [r for r in _rules(reply, customer) if r == "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("text", "hands"),
    [
        ("I'm passing this straight to our accounts manager.", True),
        ("I've passed your details on to the claims team.", True),
        ("I'll forward your email to our billing team.", True),
        ("We look forward to welcoming you to the hotel.", False),
        ("I'm looking forward to your visit.", False),
        ("Congratulations on passing your theory test!", False),
        # Someone who will call to answer takes the questions; one who calls only to set a
        # time for a visit takes the visit, and the questions are still the reply's to answer.
        ("A pharmacist will call you back this afternoon.", True),
        ("Our engineer will phone you tomorrow.", True),
        ("The technician will contact you within 2 business days to arrange access.", False),
        ("Our engineer will call you by noon to book a time for the visit.", False),
        ("A technician will phone you to schedule the repair.", False),
        ("One of our advisers will call you to set up a service visit.", False),
    ],
)  # fmt: skip
def test_a_handover_names_what_is_passed_on(text: str, hands: bool) -> None:
    """'Passing this straight to…' hands over; 'look forward to', 'passing your test' do not."""
    assert hands_over(text) is hands


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What happened, in an irregular simple past: the time is the event's.
        ("Your refund went to the bank this morning.", []),
        ("Your refund went to our finance team today.", []),
        ("The refund request came to us today, and refunds take 5-10 business days.", []),
        # When an act begins is not when it is done.
        ("We will start your refund within 2 days.", []),
        ("We'll begin the refund today; it then takes 5-10 business days.", []),
        # A causative "have": the pronoun is the object, and the time is a promise.
        ("We'll have it refunded by tomorrow.", ["overpromise"]),
        ("We'll get you refunded by tomorrow.", ["overpromise"]),
        ("Your refund will reach you tomorrow.", ["overpromise"]),
    ],
)  # fmt: skip
def test_the_time_of_what_happened_or_of_a_start_is_no_promise(
    reply: str, expected: list[str]
) -> None:
    """'It went through this morning', 'starts today': no speed is promised or stated."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("How long do I have to cancel?", "hey! it's 24 hours from when you book 👍",
         ["policy-misstatement"]),
        ("How long do I have for a free cancellation?", "It's 2 days, so no rush.", []),
        ("When can I cancel without charge?", "That's up to 24 hours before you arrive.",
         ["policy-misstatement"]),
        # No "it": the window may be another thing's.
        ("How long do I have to cancel?", "hey! you get 24 hours to pay the balance 👍", []),
        # The reply names an act of its own: "it" may be that.
        ("How long do I have to cancel?",
         "Your voucher code is in your inbox. It's valid for 24 hours.", []),
    ],
)  # fmt: skip
def test_a_window_said_of_it_is_the_window_the_customer_asked_about(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How long do I have to cancel?' - 'It's 24 hours': the cancellation window, stated."""
    assert [r for r in _rules(reply, customer) if r != "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Our voucher tops out at £50.", ["policy-misstatement"]),
        ("Goodwill vouchers top out at £50 per stay.", ["policy-misstatement"]),
        ("Our voucher tops out at £80.", []),
    ],
)  # fmt: skip
def test_a_limit_that_tops_out_is_a_limit_stated(reply: str, expected: list[str]) -> None:
    """'Tops out at £50' states the limit, as 'maxes out at £50' does."""
    assert _rules(reply) == expected


SUNDAYS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Hollis Chapel", "timezone": "Europe/London"},
            "cannot": [
                {"id": "sunday-service", "terms": ["Sunday service", "service on Sunday"],
                 "because": "The cemeteries we work with don't open on Sundays, and our chapel "
                            "is closed that day."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Sorry, a Sunday service isn't something we can do. Which other day would work for you?",
         ["unexplained-refusal"]),
        ("I'm afraid we can't do a Sunday service. Let me know what else would work.",
         ["unexplained-refusal"]),
        ("Sorry, we can't do a Sunday service. The cemeteries don't open that day.", []),
        ("Sorry, a Sunday service isn't possible, as our chapel is closed on Sundays.", []),
        # The reason after a refusal may hold a "no" of its own: it is the cause, not a refusal.
        ("Sorry, we can't do a Sunday service. The cemeteries we work with don't open on "
         "Sundays, and our chapel is closed that day.", []),
        ("We can't offer a Sunday service. Our chapel is closed that day, and the cemeteries "
         "won't open on Sundays.", []),
    ],
)  # fmt: skip
def test_a_light_verb_shared_with_the_reason_gives_no_reason(
    reply: str, expected: list[str]
) -> None:
    """'Which day would work for you?' shares only 'work' with the reason: it gives none."""
    assert _rules_of(SUNDAYS, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A discount answers a question about the price.
        ("Is there any wiggle room on the parking price?", "I can give you 10% off parking.", []),
        ("Any flexibility on the parking price?", "Sure, parking is free for members.", []),
        # "Any chance of…?" asks for the act: doing it answers.
        ("Any chance of a late check-out?", "Leave it with me - we'll hold the room till 2pm.",
         []),
        ("any way you could hold the room?", "Leave it with me - we'll hold the room till 2pm.",
         []),
    ],
)  # fmt: skip
def test_a_discount_answers_a_price_and_doing_it_answers_any_chance(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Any wiggle room on price?' - '10% off'; 'Any chance of…?' - 'we'll hold the room'."""
    assert [r for r in _rules(reply, customer) if r == "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Idioms of certainty decline nothing.
        ("The pool is right by reception, you can't miss it.", []),
        ("You can't go wrong with the sea-view room.", []),
        ("You can't beat the view from the terrace.", []),
        ("We can't take dogs.", ["unexplained-refusal"]),
        # A subject led by "no" negates its clause.
        ("No guest can bring a dog.", []),
        ("Nobody can guarantee a quiet pool.", []),
        ("Honest answer: no room is 100% safe from noise.", []),
        ("Every room is 100% safe from noise.", ["absolute-guarantee"]),
        ("No problem, every room is 100% safe from noise.", ["absolute-guarantee"]),
    ],
)  # fmt: skip
def test_idioms_of_certainty_and_a_no_subject(reply: str, expected: list[str]) -> None:
    """'You can't miss it' refuses nothing; 'no room is 100% quiet' guarantees nothing."""
    assert [r for r in _rules(reply) if r != "unauthorized-promise"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A number after a noun that names things is a name, not a count.
        ("Sure, I've booked 3 guests into room 12.", []),
        ("Sure, I've booked the guests into suite 6 on floor 5.", []),
        ("Sure, I've booked 6 guests into one room.", ["overpromise"]),
        # A weekday after "a"/"any" and a describing word is a kind of day.
        ("Refunds are quick, even on a busy Friday.", []),
        ("Your refund will arrive on Friday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_label_number_and_a_kind_of_day_are_no_quantity(
    reply: str, expected: list[str]
) -> None:
    """'Room 12' counts nothing; 'a busy Friday' is no deadline."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A date between a determiner and a noun says which thing, not when.
        ("Your booking for the 4 December stay is cancelled and the refund is issued.", []),
        ("I've cancelled your Friday booking and started the refund.", []),
        ("Our December 3 refund batch has gone out.", []),
        ("Your refund will be back by the 4th.", ["overpromise"]),
        ("Your refund will be back by Friday then.", ["overpromise"]),
        ("Your refund will reach you on Friday evening.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_date_that_names_a_thing_is_no_time_frame(reply: str, expected: list[str]) -> None:
    """'The 12 August sailing', 'your Friday booking': which one, not a promise of when."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'll email you as soon as a room comes free.", []),
        ("We'll call you once a cleaner is available.", []),
        ("We'll call you when an engineer is free.", []),
        ("We'll call you back.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_an_event_with_an_indefinite_subject_is_a_time_frame(
    reply: str, expected: list[str]
) -> None:
    """'As soon as a room comes free' ties the act to an event, as 'once it's back' does."""
    assert _rules(reply) == expected


MESSAGES = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Inkwell Press", "timezone": "Europe/London"},
            "can": [
                {"id": "copies", "does": "print and ship author copies", "terms": ["author copies"],
                 "takes": "8-12 business days"},
                {"id": "estimate", "does": "email a written estimate for a print run",
                 "terms": ["estimate"], "takes": "1 business day"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A message about an act has its own time.
        ("Your author copies are packed, and I'll send you the tracking link within 1 business "
         "day.", []),
        ("Your author copies are printing; I'll let you know by Friday how it's going.", []),
        ("Your author copies are printing, and we'll email you an update tomorrow.", []),
        # Looking into the act is not the act.
        ("I'll check on your author copies on Monday morning and text you by 10am.", []),
        ("We'll chase the printer about your author copies tomorrow.", []),
        # The act itself, sooner than it takes.
        ("Your author copies will be with you within 1 business day.", ["overpromise"]),
        # A clause whose act is a message keeps the message's time.
        ("I'll email you the estimate within the hour.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_message_about_an_act_has_its_own_time(reply: str, expected: list[str]) -> None:
    """'I'll send you the tracking link within 1 business day' promises the link, not the copies."""
    now = datetime(2026, 11, 17, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    assert sorted({f.rule for f in MESSAGES.check(reply, now=now).findings}) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("For Friday: late check-out (£20) plus parking (£15) comes to £35.", []),
        ("Your stay (£240) and parking (£15) are both paid.", []),
        ("For Friday: late check-out (£20) plus parking (£10) comes to £30.",
         ["policy-misstatement"]),
        ("Parking (£10) is available on request.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_figure_in_brackets_prices_the_words_before_it(
    reply: str, expected: list[str]
) -> None:
    """'Late check-out (£20) plus parking (£15)': £20 is the check-out's, not the parking's."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A short exclamation before the answer; the yes after it goes along.
        ("Can you waive the membership fee this month? It's my birthday!",
         "What a fun birthday! Sure, no problem.", ["unauthorized-promise"]),
        ("Can you waive the membership fee? We're moving house lol",
         "haha sounds like a busy week!! yep that's totally fine 🎉", ["unauthorized-promise"]),
        # A yes after the greeting.
        ("Can you waive the membership fee this month?", "Hi Jordan, yes we can!",
         ["unauthorized-promise"]),
        # An exclamation that says no, or a no after the remark, goes along with nothing.
        ("Can you waive the membership fee this month? It's my birthday!",
         "What a fun birthday! Sadly the fee is part of the contract, so I can't.", []),
        ("Can you waive the membership fee this month?", "Hi Jordan, sorry, we can't.", []),
    ],
)  # fmt: skip
def test_a_yes_after_a_remark_or_a_greeting_goes_along(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'What a fun birthday! Sure, no problem.' agrees to what was asked, as 'Sure' alone does."""
    report = LISTED_CHECKER.check(reply, customer_message=customer, now=NOW)
    assert sorted({f.rule for f in report.findings} - {"unexplained-refusal"}) == expected


def test_an_only_that_makes_little_of_something_declines_nothing() -> None:
    """'It's only a 5 minute walk' makes little of the walk; 'I can only…' declines."""
    assert not declines_more_than_sympathy("At 9 he's old enough, and it's only a 5 minute walk.")
    assert declines_more_than_sympathy("Sorry, I can only discuss it with the account holder.")


ACADEMY = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Junior Strikers Football Academy", "timezone": "Europe/London"},
            "cannot": [
                {"id": "pro-trials", "terms": ["trials", "professional club"],
                 "because": "We're an independent grassroots academy with no links to "
                            "professional clubs."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("We can't arrange trials. What I can do is write a report for the academy open days.",
         ["unexplained-refusal"]),
        ("We can't arrange trials. Our football coaches will keep training him.",
         ["unexplained-refusal"]),
        ("We can't arrange trials. We're a grassroots academy with no links to the pros.", []),
    ],
)  # fmt: skip
def test_the_business_name_gives_no_reason(reply: str, expected: list[str]) -> None:
    """'Academy' in 'the academy open days' is the business's name, not its reason."""
    assert sorted({f.rule for f in ACADEMY.check(reply, now=NOW).findings}) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The refund takes 5-10 business days, and the customer has waited three weeks.
        ("I've waited three weeks for my refund! Where is it?",
         "So sorry - it should be with you by Friday.", []),
        ("We've been waiting over 15 days for the refund.", "It will reach you tomorrow.", []),
        ("I asked for a refund 3 weeks ago.", "It'll be back on your card by Friday.", []),
        # No time gone by, or time gone by for something else: counted from now.
        ("Where is my refund?", "Your refund will reach you by Friday.", ["overpromise"]),
        ("Where is my refund? I've waited three weeks!", "Your refund will reach you by Friday.",
         []),
        ("I've waited three weeks for a voucher. And where is my refund?",
         "Your refund will be with you tomorrow.", ["overpromise"]),
    ],
)  # fmt: skip
def test_time_the_customer_has_waited_counts_toward_the_act(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I've waited three weeks for my refund' - 'by Friday': the refund began three weeks ago."""
    assert [r for r in _rules(reply, customer) if r != "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Free cancellation has a 48-hour window; a notice period is no window.
        ("The free cancellation window has passed, but you can still cancel with one month's "
         "notice.", []),
        ("Free cancellation is over; you can still cancel with 30 days' notice.", []),
        ("You can cancel with one month's notice.", []),
        ("You can cancel free within 30 days.", ["policy-misstatement"]),
        # A refund takes 5-10 business days: a notice it needs is how long it takes.
        ("Refunds only need 2 days' notice.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_notice_period_is_no_window(reply: str, expected: list[str]) -> None:
    """'Cancel with one month's notice' states a notice, not a window to cancel free."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time just named, pointed back to, is a time frame.
        ("The spa reopens on Tuesday. I'll call you that day to rebook.", []),
        ("Our manager is in on Friday, and we'll ring you that morning.", []),
        # In a report of the past it is when something happened.
        ("I'll look into what happened with the room that morning and get back to you.",
         ["vague-commitment"]),
        ("We'll call you back.", ["vague-commitment"]),
        # An intransitive verb's "-ed" form reports what happened.
        ("The refund arrived at our bank this morning and is on its way.", []),
        ("Your refund request failed on Monday, so we've sent it again.", []),
    ],
)  # fmt: skip
def test_that_day_points_back_to_a_time_and_arrived_reports_the_past(
    reply: str, expected: list[str]
) -> None:
    """'I'll call you that day' is tied to the day named; 'it arrived this morning' is past."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The customer's day to act by is not a time the business's act takes.
        ("Book the refund request today and I'll process it.", []),
        ("A refund is free as long as you book it before 6pm.", []),
        ("Please reply by Friday and we'll start the refund.", []),
        # The business's act by that day.
        ("We'll refund it today.", ["overpromise"]),
        ("Your refund will be back before 6pm.", ["overpromise"]),
    ],
)  # fmt: skip
def test_the_customers_day_to_act_by_is_no_promise(reply: str, expected: list[str]) -> None:
    """'Book the inspection today and…' gives the customer's deadline, not the act's time."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Asking leave, or a bare "Any …?", is a request: granting or doing it answers.
        ("Can I bring 5 guests on Saturday?",
         "Three of them can stay at the guest rate, and the other two are welcome as visitors.",
         []),
        ("It's my tenth stay! Any treat? 😄", "Thank you! I've taken 10% off this stay.", []),
        ("Any update?", "I've chased the kitchen and your order is on its way.", []),
        # Asking for the best offer is answered by the offer.
        ("We're comparing prices. What's the best you can do?",
         "If you book this week, I can offer 10% off.", []),
        # A request nobody answers is still unanswered.
        ("Can I bring 5 guests on Saturday? Any treat?", "Thanks for getting in touch!",
         ["unanswered-question", "unanswered-question"]),
    ],
)  # fmt: skip
def test_asking_leave_or_any_treat_is_a_request_that_granting_answers(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Can I bring 5 guests?' - 'three can come…'; 'Any treat?' - 'I've taken 10% off'."""
    report = CHECKER.check(reply, customer_message=customer, now=NOW)
    assert [f.rule for f in report.findings if f.rule == "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Vouchers are kept for 30 days, so a voucher from March has expired and I can't "
         "reissue it.", []),
        ("Dogs upset guests with allergies, so a dog can't stay here.", []),
        ("Sorry, we can't take dogs.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_so_before_any_subject_gives_the_reason(reply: str, expected: list[str]) -> None:
    """'…kept for 30 days, so a folder removed five weeks ago has aged out and I can't…'."""
    assert [r for r in _rules(reply) if r == "unexplained-refusal"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A hedge of frequency makes a statement of the rule, even with "we can".
        ("We can usually refund it within 2 days.", ["policy-misstatement"]),
        ("Refunds typically take 2 days to reach your card.", ["policy-misstatement"]),
        ("We'll refund it within 2 days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_hedged_figure_is_a_statement_of_the_rule(reply: str, expected: list[str]) -> None:
    """'We can usually refund it within 2 days' states the rule (SPEC §3), wrongly."""
    assert _rules(reply) == expected


def test_a_question_word_after_a_chat_full_stop_opens_a_sentence() -> None:
    """'…7-10 days to come in and get fitted. want me to book a measure-up?' is two."""
    text = "it usually takes 7-10 days to get fitted. want me to book a measure-up?"
    assert len(split_sentences(text)) == 2
    assert len(split_sentences("all done. what time suits you?")) == 2


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A time asked of "it" is the time of the act asked about before.
        ("Can I get a refund, and how long will it take?",
         "Yes. I've processed it, and it'll be back on your card within 10 working days.", []),
        # Saying what a charge is for, or working it out, explains it.
        ("Why was I charged £95 instead of £80?",
         "Hi Sam, good question - the extra £15 is for the parking you booked.", []),
        ("Why is my bill £45?", "You parked 3 nights, and at £15 a night that comes to £45.", []),
        # "Is it too late?" asks about a limit in time, answered by the window.
        ("I stayed last week. Is it too late to get a voucher?",
         "Vouchers can be given within 30 days of your stay, so you're fine.", []),
        ("Why was I charged £95 instead of £80?", "Thanks for getting in touch, Sam.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_time_of_it_a_charge_explained_and_too_late_are_answered(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How long will it take?' of a refund; 'the extra £15 is for…'; 'is it too late?'."""
    report = CHECKER.check(reply, customer_message=customer, now=NOW)
    assert [f.rule for f in report.findings if f.rule == "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The window the grant before it gives: longer than the policy's 48 hours.
        ("I've extended your booking so you can cancel free within 5 days.", ["overpromise"]),
        ("I've made an exception so that you can cancel free within a week.", ["overpromise"]),
        # A rule stated beside a grant is a statement, and wrong.
        ("I've added a £20 voucher, and you can cancel free within 5 days.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_window_that_follows_a_grant_is_the_window_granted(
    reply: str, expected: list[str]
) -> None:
    """'I've extended your pack so you can use it within 180 days' gives a longer window."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can you waive the membership fee this month?", "We sure can! It's done.",
         ["unauthorized-promise"]),
        ("Can you waive the membership fee this month?", "We can do that.",
         ["unauthorized-promise"]),
        ("Can you waive the membership fee this month?", "We can't, sorry.", []),
        ("Can you waive the membership fee this month?", "We can look at your plan instead.",
         []),
    ],
)  # fmt: skip
def test_a_short_we_can_agrees(customer: str, reply: str, expected: list[str]) -> None:
    """'We sure can!' in answer to a request agrees to it, as 'Sure' does."""
    report = LISTED_CHECKER.check(reply, customer_message=customer, now=NOW)
    assert sorted({f.rule for f in report.findings} - {"unexplained-refusal"}) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "…and can barely breathe" goes on with its sentence's subject: no question of its own.
        ("My dog is sick and can barely walk, can you cancel my booking?",
         "I'm sorry to hear that - we can't do it today, as our manager is out.", []),
        # "What's your earliest date?" asks when, and a date answers it.
        ("What's your earliest date for a room?", "Our first free room is on Friday 11 December.",
         []),
        ("What's the next available slot for parking?", "Thanks for asking!",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_piece_with_no_subject_and_the_earliest_date(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'…and can barely breathe' asks nothing; 'what's your earliest date?' wants a date."""
    report = CHECKER.check(reply, customer_message=customer, now=NOW)
    assert [f.rule for f in report.findings if f.rule == "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An imperative joined to a promise by whoever acts is a condition.
        ("Just send a photo and Rosa, our manager, will sort out a voucher.", []),
        ("Send a photo and Rosa will sort out a voucher.", []),
        ("We will sort out a voucher.", ["vague-commitment"]),
        # A date after "a" and before a noun names the thing.
        ("A 4 December refund is tighter than our schedule allows.", []),
    ],
)  # fmt: skip
def test_an_imperative_joined_to_anyones_promise_is_a_condition(
    reply: str, expected: list[str]
) -> None:
    """'Book a fitting and Rosa, our seamstress, will take care of the hem' is conditional."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "What's included?" is answered by what it covers.
        ("How much is the spa day and what's included?",
         "It's £95. It covers a massage, lunch and the pool.", []),
        # "How long does it last?" of a thing named before: "for 24 months" answers.
        ("How much is the voucher and how long does it last?",
         "A voucher is £80 and it stays valid for 12 months.", []),
        # "You sure can" says yes; "any wiggle room on X?" asks for something.
        ("If we enjoy it, can we add another night?", "You sure can. Just ask at reception.", []),
        ("Any wiggle room on the room price?", "I can knock 10% off for you.", []),
        # "Can the bar skip…?" asks the business to act; doing it answers.
        ("Can the spa just open early for us?", "I'll ask the team to open at 8am for you.", []),
        ("What's included in the spa day?", "Thanks for asking!", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_is_included_how_long_it_lasts_and_more_requests(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'What's included?' - 'it covers…'; 'how long does it last?' - 'for 12 months'."""
    report = CHECKER.check(reply, customer_message=customer, now=NOW)
    assert [f.rule for f in report.findings if f.rule == "unanswered-question"] == expected


def test_against_the_law_is_a_reason() -> None:
    """'It's against Illinois law' gives the reason for the no before it."""
    reply = "Sorry, we can't take dogs in the rooms. It's against the county's health rules."
    assert "unexplained-refusal" not in _rules(reply)
    assert "unexplained-refusal" in _rules("Sorry, we can't take dogs in the rooms.")


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A clock time answers "what time…?" even beside a day gone by.
        ("What time does the last shuttle leave on Sundays?",
         "The last Sunday shuttle leaves Level 5 at 11:40pm.", []),
        # An exclamative asks nothing.
        ("Can you add parking to my booking? What a mess, right?",
         "Done - I've added parking to your booking.", []),
        ("Can you add parking? What a day!", "Done - I've added parking.", []),
        ("What time does the last shuttle leave on Sundays?", "Thanks for asking!",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_clock_time_answers_and_an_exclamative_asks_nothing(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'…leaves at 11:40pm' answers 'what time…?'; 'What a mess, right?' asks nothing."""
    report = CHECKER.check(reply, customer_message=customer, now=NOW)
    assert [f.rule for f in report.findings if f.rule == "unanswered-question"] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The customer's act and its day: "approve the proof this morning and…".
        ("Approve the refund form this morning and we'll start it.", []),
        # An imperative joined to a promise is a condition, "enter" and "keep" too.
        ("Just enter your booking number at checkout and we'll take care of the rest.", []),
        ("Leave it with me and I'll chase the depot.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_more_imperatives_of_the_customer(reply: str, expected: list[str]) -> None:
    """'Approve the proof this morning and…', 'enter your ID and we'll…': the customer's part."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A wish for the customer is no act of staff.
        ("Yes, that's fine - they'll have a great time!", []),
        ("You'll have an amazing stay.", []),
        ("We'll have a technician call you.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_wish_is_no_later_act(reply: str, expected: list[str]) -> None:
    """'They'll have a great time' wishes well; 'we'll have a technician call you' is an act."""
    assert _rules(reply) == expected


def test_a_time_inside_the_policys_own_name_is_no_figure() -> None:
    """'Apply a day pass': 'a day' is part of the thing's name, not a window of one day."""
    policy = {
        "policy": {"name": "Granite Loft", "timezone": "Europe/London"},
        "can": [{"id": "day-pass-credit", "does": "credit a day pass toward a membership",
                 "terms": ["apply a day pass", "day pass credit"], "within": "14 days"}],
    }  # fmt: skip
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(policy))
    report = checker.check("You can apply a day pass to a new membership.", now=NOW)
    assert not report.findings


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The business's own named rate states the rule: any other figure misstates it.
        ("Our voucher allowance is £50 per stay.", ["policy-misstatement"]),
        ("Yes! Our goodwill voucher offer is £40.", ["policy-misstatement"]),
        ("Our voucher allowance is £80 per stay.", []),
        # What every member gets is a rule too (see
        # test_what_a_kind_of_customer_gets_states_the_limit), unless the reply names the
        # policy's own figure beside it.
        ("Members get a £40 voucher.", ["policy-misstatement"]),
        ("Members get a £40 voucher, and I can go up to £80 for a spoiled stay.", []),
    ],
)  # fmt: skip
def test_our_named_rate_states_the_rule(reply: str, expected: list[str]) -> None:
    """'Our multi-dog discount is 10%' and 'members get 10%' state the rule (up to 15%)."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An irregular past after its subject tells when something happened, as "-ed" does.
        ("The refund left our side on Monday.", []),
        ("Your refund left us on Monday, so it should be with you soon.", []),
        ("We made the refund on Monday.", []),
        # The same day with the act still to come is checked.
        ("The refund will leave our side on Monday.", ["overpromise"]),
        ("You paid on Monday, and your refund will reach you on Monday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_day_after_an_irregular_past_has_gone_by(reply: str, expected: list[str]) -> None:
    """'The refund left our side on Monday' is last Monday; 'will leave on Monday' is next."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An event said with a possessive pronoun, a time named by its event, a point of the job.
        ("We'll text you as soon as yours are on the collection shelf.", []),
        ("We'll ring you once ours is back from the workshop.", []),
        ("We'll text you the morning of the pickup.", []),
        ("We'll call you the afternoon of your move.", []),
        ("We'll email you a short progress note at the halfway point.", []),
        ("I'll send you the photos at the end of the job.", []),
        # No event: still vague.
        ("We'll text you about it.", ["vague-commitment"]),
        ("I'll send you the photos at some point.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_events_that_time_a_later_act(reply: str, expected: list[str]) -> None:
    """'As soon as yours are ready', 'the morning of the pickup', 'at the halfway point' time it."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A window given to the customer, then the act it leads to: the act's window.
        ("You'll have 7 days to tell us, and we'll cancel it free of charge.", ["overpromise"]),
        ("You have 7 days to let us know and we'll cancel it for you.", ["policy-misstatement"]),
        ("You'll have 2 days to tell us, and we'll cancel it free of charge.", []),
        # No commitment after it, or an act with no window: nothing to check it against.
        ("You'll have 7 days to tell us.", []),
        ("You'll have 7 days to tell us, and we'll refund you.", []),
    ],
)  # fmt: skip
def test_a_window_given_before_the_act_it_leads_to(reply: str, expected: list[str]) -> None:
    """'You'll have 60 days to tell us, and we'll reprint it' gives the reprint's window."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "X, so <refusal>": the reason comes first, and a phrase of time or case may open the
        # result clause before its subject.
        ("Our cancellation window is 48 hours, so at this stage I'm afraid we can't cancel it.",
         []),
        ("Your stay has already started, so after check-in we aren't able to cancel it.", []),
        ("Your stay has started, so with that in mind I'm afraid we can't cancel it.", []),
        ("I'm afraid we can't cancel it.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_reason_before_so_and_an_opening_phrase(reply: str, expected: list[str]) -> None:
    """'…is 14 days, so at three weeks I'm afraid we can't take it back' gives its reason."""
    assert _rules(reply, "Can I cancel my booking?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A refusal whose subject is a noun phrase, or that names the kind of thing declined.
        ("I'm sorry, that change can't be made.", ["unexplained-refusal"]),
        ("Sorry, your booking can't be moved.", ["unexplained-refusal"]),
        ("Sorry, our staff can't stay late.", ["unexplained-refusal"]),
        ("Unfortunately that's not a service we offer, sorry.", ["unexplained-refusal"]),
        ("That isn't an option we can offer.", ["unexplained-refusal"]),
        # With a reason, no finding.
        ("Sorry, your booking can't be moved, as the date has already passed.", []),
        ("That's not a service we offer, because our staff aren't trained for it.", []),
    ],
)  # fmt: skip
def test_refusals_with_a_noun_subject_or_a_kind_of_thing(reply: str, expected: list[str]) -> None:
    """'That change can't be made' and 'that's not a service we offer' decline."""
    assert _rules(reply, "Can I cancel my booking?") == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A question with a subject of its own before "it" asks about that subject, not about
        # the question before: an answer to the first leaves it alone.
        ("How much is a voucher? And can we bring our parents along to it?",
         "A voucher is £40.", ["unanswered-question"]),
        ("How much is parking? And do you need us home when the crew takes it away?",
         "Parking is £15 a night.", ["unanswered-question"]),
        # Made of "it" and little else, it still asks about what came before.
        ("How much is parking? Is it per night?", "Parking is £15 a night.", []),
    ],
)  # fmt: skip
def test_a_question_with_its_own_subject_before_it_keeps_it(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Can we bring our parents along to it?' asks about the parents."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Time added to another time is no time frame of its own.
        ("Refunds take 5-10 business days, and Monday's a holiday so allow an extra day.", []),
        ("Your refund takes 5-10 business days; please allow 2 additional days at Christmas.",
         []),
        # "Right now" opening its clause means "currently".
        ("Right now, refunds take 5-10 business days.", []),
        ("We're busy; right now the wait is long, so please bear with us.", []),
        # Still a time of the act: said of the act itself.
        ("I'll refund you right now.", ["overpromise"]),
        ("I'll refund you within 2 days.", ["overpromise"]),
        ("Right now, refunds take 5 days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_extra_time_and_right_now_as_currently(reply: str, expected: list[str]) -> None:
    """'Allow an extra day' adds to a time; 'right now the wait is…' says what is current."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The only question asks how many or how big: a number answers it in any words.
        ("How many guests can share a room?", "Up to 4 at a time.", []),
        ("How big are the tour groups?", "We keep them to a maximum of 8.", []),
        ("How many guests can share a room?", "Thanks for getting in touch!",
         ["unanswered-question"]),
        # Beside another question, a number about that one answers only it.
        ("How many guests can share a room? And is breakfast included?",
         "Up to 4 at a time.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_number_answers_the_only_how_many_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How many tools can I borrow?' - 'Up to 3 at a time' answers in other words."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A guarantee of the outcome answers the only question about it (and is its own finding).
        ("Will my room be ready by noon?", "It's 100% guaranteed to be ready, don't worry.",
         ["absolute-guarantee"]),
        ("Is the spa worth it?", "We guarantee you'll leave feeling brand new!",
         ["absolute-guarantee"]),
        # Not beside another question, and not without a guarantee.
        ("Will my room be ready by noon? And can I park?",
         "It's 100% guaranteed to be ready, don't worry.",
         ["absolute-guarantee", "unanswered-question"]),
        ("Is the spa worth it?", "Thanks for getting in touch!", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_guarantee_answers_the_only_question_it_is_about(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Will it be ready to eat?' - 'I guarantee it'll be perfectly ripe' addresses it."""
    assert sorted(_rules(reply, customer)) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A request answered by doing it as the reply is written, or by what will be done.
        ("Can you send someone right now?", "I'm dispatching a crew to you now.", []),
        ("Can you move my booking?", "We're moving it to Friday as we speak.", []),
        ("Are you going to fix the wifi?", "We'll raise it with our fleet team today.", []),
        # A state of mind is no act.
        ("Can you send someone right now?", "I'm hoping to hear from the team.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_request_answered_by_the_act_in_progress(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Can you send someone?' - 'I'm dispatching a crew to you now' does what was asked."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your refund was due Friday and we missed it, sorry.", []),
        ("The refunds were due on the 3rd; I've chased them today.", []),
        ("Your refund is due Friday.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_deadline_that_was_has_gone_by(reply: str, expected: list[str]) -> None:
    """'The report was due Friday and we missed it' names a day gone by."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The head of a closed compound is its last part: a surcharge is a charge.
        ("I have 4 old beds. Is there an extra charge for those?",
         "Good news, we will take all 4 with no surcharge!", []),
        ("Is there a car park nearby?", "Yes, there's a multistorey carpark next door.", []),
        ("I have 4 old beds. Is there an extra charge for those?",
         "Good news, we will take all 4 beds!", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_the_last_part_of_a_compound_names_its_kind(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'An extra charge?' - 'no surcharge' answers in a compound of the same word."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "There is!" is the short yes to "is there…?".
        ("Is there a faster option?", "There is! Express parking is £15 a night.", []),
        ("Is there any way to get it back faster?", "There is — a rush refund, if you ask.", []),
        ("Is there a faster option?", "There sure is. Ask at the desk.", []),
        # Not an answer when the rest is about something else and no short answer opens it.
        ("Is there a faster option? And can I bring my dog?",
         "There is! Express parking is £15 a night.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_there_is_answers_is_there(customer: str, reply: str, expected: list[str]) -> None:
    """'Is there a faster option?' - 'There is! …' says yes."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A window committed to this customer in any verb is given: longer is an overpromise.
        ("I'll honour free cancellation for you for the next 5 days.", ["overpromise"]),
        ("We can cancel your booking free of charge for a week.", ["overpromise"]),
        ("I'll cancel it for you free of charge any time in the next 4 days.", ["overpromise"]),
        # The rule said in general is a statement: a wrong window misstates it.
        ("Bookings can be cancelled free of charge for a week.", ["policy-misstatement"]),
        ("I'll cancel it for you free of charge any time in the next 2 days.", []),
    ],
)  # fmt: skip
def test_a_window_committed_in_any_verb_is_given(reply: str, expected: list[str]) -> None:
    """'I'll honor that quote for the next 60 days' gives the customer the window."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Within N of <act>": the act is when the time starts, not what it measures.
        ("Send us a photo within 48 hours of your refund and we'll look into it.", []),
        ("Let us know within 2 days from the refund if anything looks wrong.", []),
        # The act's own time is still checked.
        ("We'll refund you within 2 days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_time_counted_from_the_act_is_not_its_time(reply: str, expected: list[str]) -> None:
    """'Send a photo within 48 hours of delivery' counts from the delivery."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An amount added to a charge is not that charge.
        ("The late checkout is £20 on top of the parking.", []),
        ("It's £30 in addition to your usual parking.", []),
        # The charge's own figure is still checked.
        ("I've added a £100 voucher on top of the parking.", ["overpromise"]),
        ("The parking is £20 on top of the late checkout.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_an_amount_on_top_of_a_charge_is_not_that_charge(
    reply: str, expected: list[str]
) -> None:
    """'£30 on top of the call-out' prices another thing."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A condition after the act, with no comma, makes the promise conditional (SPEC §3).
        ("I'll call you if anything changes.", []),
        ("We'll email you in case the courier is late.", []),
        # A time that comes round again, or an event each time, can be held to.
        ("We'll text you every Friday with progress until it's done.", []),
        ("Amy will send you a photo after each visit.", []),
        # Neither: still vague.
        ("I'll call you about it.", ["vague-commitment"]),
        ("We'll send you a photo at some point.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_trailing_conditions_and_recurring_times(reply: str, expected: list[str]) -> None:
    """'I'll call you if anything changes' is conditional; 'every Friday' is a time frame."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("We 100% guarantee your room will be spotless.", ["absolute-guarantee"]),
        ("Saturday's trip is 100% going ahead, don't worry!", ["absolute-guarantee"]),
        ("I'm not 100% sure the trip is going ahead yet.", []),
    ],
)  # fmt: skip
def test_one_hundred_percent_before_a_guarantee_or_an_event(
    reply: str, expected: list[str]
) -> None:
    """'We 100% guarantee…' and '…is 100% going ahead' guarantee the outcome."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A fact of another clause the customer asked about answers that question: it is no
        # reason for the refusal beside it.
        ("Can I bring my dog? And how much is parking?",
         "Sorry, we can't allow pets. Parking is £15 a night.", ["unexplained-refusal"]),
        ("How much is parking? And can I bring my dog?",
         "Parking is £15 a night. Sorry, we can't allow pets.", ["unexplained-refusal"]),
        # Of a clause nobody asked about, it may be the cause: benefit of the doubt.
        ("Can I bring my dog?", "Sorry, we can't allow pets. Parking is £15 a night.", []),
        # A fact of the refused act itself is.
        ("Can you refund me in 2 days?",
         "Refunds take 5-10 business days. I can't speed that up.", []),
    ],
)  # fmt: skip
def test_a_fact_beside_a_refusal_must_be_about_the_act_refused(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'We can't do 7am. Studio A is $95 an hour.' to two questions gives no reason."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Opening hours are no act's time, after a sentence about the act too.
        ("Your refund has been issued. It's all done, and we're open until 6 tonight.", []),
        ("Your refund will reach you by 6 tonight.", ["overpromise"]),
    ],
)  # fmt: skip
def test_opening_hours_after_a_sentence_about_the_act(reply: str, expected: list[str]) -> None:
    """'…and we're open until 6 tonight' says when the shop is open."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Cancelling today gets your refund on its way.", []),
        ("Paying today gets the refund for your old booking started.", []),
        ("A booking cancelled today still gets a full refund.", []),
        ("Anything booked today can be refunded if plans change.", []),
        # The business acting today is still checked.
        ("We're refunding it today.", ["policy-misstatement"]),
        ("Your refund will be paid today.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_day_after_the_customers_act_is_when_they_act(reply: str, expected: list[str]) -> None:
    """'Cancelling today gets your refund on its way': today is the cancelling's day."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A longer window given to this customer, in the common ways of giving it.
        ("I've gone ahead and extended your free cancellation to 72 hours.", ["overpromise"]),
        ("You'll be able to cancel free of charge within 72 hours.", ["overpromise"]),
        ("I'll let you cancel without charge up to 72 hours after booking.", ["overpromise"]),
        # The rule for everyone is stated, not given.
        ("You can cancel free of charge within 72 hours.", ["policy-misstatement"]),
        # A figure added after the commitment is the commitment's.
        ("We'll cover it with a voucher, up to £120.", ["overpromise"]),
        ("I'll give you a voucher for the whole stay, all £120.", ["overpromise"]),
        # ...and after what the business can do in general, a statement of the rule.
        ("We can offer vouchers, up to £120 per stay.", ["policy-misstatement"]),
        ("Our goodwill vouchers go up to £80.", []),
    ],
)  # fmt: skip
def test_windows_and_limits_given_to_this_customer(reply: str, expected: list[str]) -> None:
    """'I've gone ahead and extended your window to a year' gives more than the policy."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Refunds normally reach your card the next business day.", ["policy-misstatement"]),
        ("Your refund will be back on your card the next working day.", ["overpromise"]),
        ("Refunds usually land the following business day.", ["policy-misstatement"]),
        # A thing named by the words, not a time: "a next day pass".
        ("The next day pass costs £15.", []),
        # When a time starts, or another act's day.
        ("Refunds take 5-10 business days from the next working day after you cancel.", []),
        ("Refunds take 5-10 business days, and you'll get a confirmation email the next day.",
         []),
    ],
)  # fmt: skip
def test_the_next_business_day_is_one_day_on(reply: str, expected: list[str]) -> None:
    """'Refunds reach your card the next business day' says a refund takes one day."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("How long do refunds take?", "Refunds usually land the next working day.",
         ["policy-misstatement"]),
        # "How many fees?" asks a count, which a number answers; "how much" asks a price.
        ("How many late fees can you take off?", "We can take off up to 2 late fees a year.", []),
        ("How much are the late fees?", "We can take off up to 2 late fees a year.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_day_on_answers_how_long_and_a_count_answers_how_many(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How many overdraft fees can you waive?' - 'up to 3 a year' answers it."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Twice the price, with nothing counted: the price misstated.
        (None, "Parking is £30 a night.", ["policy-misstatement"]),
        # What several cost, counted in the sentence or by the customer.
        (None, "Two nights of parking come to £30.", []),
        (None, "Parking for both cars is £30.", []),
        ("We have two cars, how much is parking?", "Parking is £30 a night.", []),
    ],
)  # fmt: skip
def test_a_multiple_of_the_price_is_a_total_only_when_several_are_counted(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'Replacement cards cost $10' misstates a $5 price; 'two extra days is $44' does not."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A kind of customer named as a bare plural, and what each of them can have.
        ("Families can book 6 guests in one room.", ["policy-misstatement"]),
        ("Families can book 3 guests in one room.", []),
        # What one booking holds states no limit.
        ("Your family has 6 guests in the booking.", []),
    ],
)  # fmt: skip
def test_what_a_kind_of_customer_can_have_is_a_rule(reply: str, expected: list[str]) -> None:
    """'Households can get 50 visitor vouchers per year' states the limit, as a rule."""
    assert _rules(reply) == expected


RENTALS_CHECKER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Ridgeway Rentals", "timezone": "Europe/London"},
            "can": [
                {"id": "extensions", "does": "extend a rental", "terms": ["extend"],
                 "up_to": "2 extensions"},
                {"id": "swaps", "does": "swap the gear for another size", "terms": ["swap"],
                 "up_to": "3 swaps"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "N times" after the act counts the act's own noun: extensions, swaps.
        ("You can extend a rental up to 4 times.", ["policy-misstatement"]),
        ("You can swap your skis up to 3 times per rental.", []),
        ("I've gone ahead and extended it a third time for you.", ["overpromise"]),
        ("I've swapped them twice already, and you can swap once more.", []),
        # How often something recurs, or a comparison, counts no act.
        ("We extend the opening hours twice a week in winter.", []),
        ("Swapping online is three times faster.", []),
    ],
)  # fmt: skip
def test_times_counts_the_act(reply: str, expected: list[str]) -> None:
    """'You can renew each item up to 5 times' states a limit of 5 renewals."""
    assert _rules_of(RENTALS_CHECKER, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A no on its own, after a word of regret or a greeting, gives no reason.
        ("Can I bring my dog?", "Unfortunately, no.", ["unexplained-refusal"]),
        ("Can I bring my dog?", "Hi Sam, no, I'm afraid not.", ["unexplained-refusal"]),
        ("Can I bring my dog?", "Hi Sam, no problem at all.", []),
        # An insurance policy the act is done to cites no rule; "our policy" does.
        ("Can you cancel my add-on cover and refund this month?",
         "I can cancel the policy today, but I can't refund this month's premium.",
         ["unexplained-refusal"]),
        ("Can you refund this month?",
         "Your policy number is HX-22, and I can't refund this month's premium.",
         ["unexplained-refusal"]),
        ("Can you cancel my add-on cover and refund this month?",
         "I can cancel it today, but I can't refund this month's premium; that's our policy.", []),
        ("Can I bring my dog?",
         "Unfortunately, the policy for pets is strict, and I'm unable to allow dogs.", []),
        ("Can I bring my dog?",
         "Given the current policy restrictions, I'm unable to allow dogs.", []),
    ],
)  # fmt: skip
def test_a_bare_no_and_a_policy_that_is_no_rule(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Unfortunately, no.' declines without a reason; 'cancel the policy' cites no rule."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A yes to the figure the customer asked for grants it.
        ("Can we book 6 guests into one room?", "Of course, all six guests are welcome!",
         ["overpromise"]),
        ("Can we book 6 guests into one room?", "That's fine, 6 guests is no problem.",
         ["overpromise"]),
        ("Can we book 3 guests into one room?", "Of course, all three guests are welcome!", []),
        # A yes to a question about the rule, then the rule: a statement of it.
        ("Do you have family rooms for guests?", "Yes, our family rooms take up to 6 guests.",
         ["policy-misstatement"]),
        (None, "Of course, all six guests are welcome!", []),
    ],
)  # fmt: skip
def test_a_yes_to_the_figure_asked_for_grants_it(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'Can we bring our 3 dogs?' - 'Of course, all three dogs are welcome!' gives 3 dogs."""
    assert _rules(reply, customer) == expected


FILING_CHECKER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Ledger Tax", "timezone": "America/New_York"},
            "can": [
                {"id": "amended", "does": "file an amended return", "terms": ["amended return"],
                 "costs": "$149"},
                {"id": "extension", "does": "file an extension", "terms": ["extension"],
                 "costs": "$35"},
                {"id": "courier", "does": "courier the documents", "terms": ["courier"],
                 "costs": "$25"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "$35 for the extension": "for" names what the amount is the price of.
        ("That's $149 for the amended return plus $35 for the extension.", []),
        ("That's $149 for the amended return plus $45 for the extension.",
         ["policy-misstatement"]),
        # A term with an amount of its own after it is not the price of the one before.
        ("Your binder is $180 and courier is $25.", []),
        ("Your binder is $180 and courier is $20.", ["policy-misstatement"]),
        # ...nor one just before it ("$35 extension").
        ("The amended return is $149, plus $35 extension and $15 for the binder.", []),
        ("The amended return is $149, plus $45 for the extension.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_an_amount_belongs_to_what_it_is_for(reply: str, expected: list[str]) -> None:
    """'$149 for the amended return plus $35 for the extension': each price is its own act's."""
    assert _rules_of(FILING_CHECKER, reply) == expected


WARRANTY_CHECKER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Brightpath Tutors", "timezone": "America/Los_Angeles"},
            "can": [
                {"id": "package", "does": "honour a prepaid lesson package",
                 "terms": ["package", "packages"], "within": "12 months"},
                {"id": "hours", "does": "keep prepaid hours valid", "terms": ["prepaid hours"],
                 "within": "6 months"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A year is twelve months, and half a year six, whatever their days.
        ("Packages are valid for a year from the purchase date.", []),
        ("Prepaid hours stay valid for half a year from purchase.", []),
        ("Packages are valid for two years from the purchase date.", ["policy-misstatement"]),
        ("Prepaid hours stay valid for a year from purchase.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_year_is_twelve_months(reply: str, expected: list[str]) -> None:
    """'Valid for a year' states a 12-month window in other words."""
    assert _rules_of(WARRANTY_CHECKER, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The day of a sum times no act.
        ("We've refunded your cancelled stay, so your total today is £45.", []),
        ("We've refunded your cancelled stay, and the balance due on Friday is £45.", []),
        ("Your refund will reach you today.", ["overpromise"]),
    ],
)  # fmt: skip
def test_the_day_of_a_sum_is_no_time_of_an_act(reply: str, expected: list[str]) -> None:
    """'Your total today is €57' says when a sum is due, not when an act is done."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An act joined on after a look or a call takes the time after it.
        ("I'll look into the heater and refund you within 2 days.", ["overpromise"]),
        ("I'll check the booking and then refund you within 2 days.", ["overpromise"]),
        # The call's own time, about the act or beside it.
        ("I'll call you about your refund by Friday.", []),
        ("I'll look into your refund and call you by Friday.", []),
    ],
)  # fmt: skip
def test_an_act_joined_after_a_message_keeps_its_time(reply: str, expected: list[str]) -> None:
    """'I'll look into the heater and refund you within 3 days' promises the refund in 3 days."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A charge the agent lets go is a price of nothing.
        ("I've booked the courier and waived the $25 fee.", ["overpromise"]),
        ("I've filed your extension and I won't charge you for it.", ["overpromise"]),
        # Not a rule said of everyone, and not half of it.
        ("The courier is $25, and we waive it for regulars.", []),
        ("I've filed your extension and I'll waive half the fee.", []),
    ],
)  # fmt: skip
def test_a_waived_charge_is_a_price_of_nothing(reply: str, expected: list[str]) -> None:
    """'I've waived the £15 call-out fee' gives the call-out for less than it costs."""
    assert _rules_of(FILING_CHECKER, reply) == expected


def test_a_waiver_the_policy_forbids_is_left_to_unauthorized_promise() -> None:
    """'I've waived the parking fee so you can bring your dog': the dog is what is wrong."""
    assert _rules("I've waived the parking fee so you can bring your dog.") == [
        "unauthorized-promise"
    ]


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "How late" asks a time; the only time question is answered by a time of an act the
        # policy names, in whatever words the question put it.
        ("How late can I pull out if my plans change?",
         "You can cancel free of charge within 48 hours of booking.", []),
        ("How late can I pull out if my plans change?", "We have a lovely spa and a pool.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_how_late_asks_a_time_a_time_of_the_act_answers(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How late can I move our booking?' - 'You can reschedule up to 2 hours before'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A "yes" can't answer "how much": it says yes to the yes/no question beside it.
        ("Do you do packed lunches for walkers, and how much are they?",
         "Yes, picnic bags are £9 each.", []),
        # Beside another yes/no question it names, the "yes" is that one's.
        ("Do you do packed lunches for walkers, and is breakfast included?",
         "Yes, breakfast is included.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_yes_answers_a_yes_no_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Do you do buttonholes, and how much are they?' - 'Yes, boutonnieres are $18 each'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A count for each of a kind of thing is a rule, whatever the thing.
        ("You get 6 guests per room.", ["policy-misstatement"]),
        ("It's 6 guests per room at most.", ["policy-misstatement"]),
        # What one booking holds is no rule.
        ("Your booking has 6 guests in it.", []),
        # A sum per thing may be this case's figure, below the limit: no rule stated.
        ("The goodwill voucher for a delay is £50 per adult.", []),
        ("Unfortunately the voucher is fixed at £50 per adult for delays.", []),
    ],
)  # fmt: skip
def test_a_count_per_thing_is_a_rule(reply: str, expected: list[str]) -> None:
    """'You get 5 hints per game' states the hint limit as 5."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The yes that ends a reason answers the yes/no question.
        ("My room key is a week old, can I still use it?",
         "Room keys work for your whole stay, so yes, you're all set!", []),
        ("My room key is a week old, can I still use it?",
         "Thanks for staying with us, and enjoy the rest of your trip!", ["unanswered-question"]),
        # A quote is the price asked for.
        ("Can you look at the knocking noise on my car and tell me what it'll cost?",
         "Drop it in this morning and you'll have a written quote within the hour.", []),
    ],
)  # fmt: skip
def test_a_yes_after_a_reason_and_a_quote_for_a_price(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'…, so yes, you're all set!' says yes; 'a written quote' answers 'what will it cost?'."""
    assert _rules(reply, customer) == expected


DEPOSIT_CHECKER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Sparklebay Valeting", "timezone": "Europe/London"},
            "can": [
                {"id": "deposit-refund", "does": "refund the deposit",
                 "terms": ["refund", "deposit back", "money back"], "takes": "5 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The term's own words with "be" between them.
        ("Your deposit will be back on your card tomorrow.", ["overpromise"]),
        ("The money should be back in your account by tomorrow.", ["overpromise"]),
        ("Your deposit will be back on your card within 5 business days.", []),
        # Not a word of another kind between.
        ("Your deposit was put back on the shelf tomorrow.", []),
    ],
)  # fmt: skip
def test_a_term_with_be_between_its_words(reply: str, expected: list[str]) -> None:
    """'Your £20 deposit will be back on your card by Monday' is the term 'deposit back'."""
    assert _rules_of(DEPOSIT_CHECKER, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Free" before a day says who or what is available then, not a price.
        ("Our courier is free on Friday, so I've booked the pickup.", []),
        ("The courier is free tomorrow and costs $25.", []),
        ("The courier is free.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_free_on_a_day_is_available(reply: str, expected: list[str]) -> None:
    """'The Tap Room is free on New Year's Eve and it's $150 to hire' states no price of $0."""
    assert _rules_of(FILING_CHECKER, reply) == expected


def test_free_on_a_day_answers_no_question_about_a_charge() -> None:
    """'We have a team free on the 30th' says nothing of a charge for dogs."""
    customer = "Can you fit us in on the 30th? And do you charge for parking?"
    reply = "Yes, we have a room free on the 30th and I've pencilled you in."
    assert _rules(reply, customer) == ["unanswered-question"]


RESCHEDULE_CHECKER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Lockbox Rooms", "timezone": "Europe/London"},
            "can": [
                {"id": "reschedule", "does": "move a booking, up to 24 hours before the game",
                 "terms": ["reschedule", "move your booking"], "within": "24 hours"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Counted back from the game, a shorter lead is a longer window: given, an overpromise.
        ("No worries, you'll have until 2 hours before the game to reschedule.",
         ["overpromise"]),
        # Stated, a misstatement either way.
        ("You can reschedule up to 2 hours before the game.", ["policy-misstatement"]),
        ("You can reschedule up to 48 hours before the game.", ["policy-misstatement"]),
        # Given, a longer lead is a shorter window: no more than the policy, so a misstatement.
        ("No worries, you'll have until 48 hours before the game to reschedule.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_window_counted_back_is_longer_the_shorter_its_lead(
    reply: str, expected: list[str]
) -> None:
    """'You'll have until 2 hours before the game' gives more than 'up to 24 hours before'."""
    assert _rules_of(RESCHEDULE_CHECKER, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I can't take more than 30% off — that's the most the promotion allows.", []),
        ("Sorry, I can't extend the booking - that's as far as the offer goes.", []),
        ("We can't hold the room past noon: it's the day the cleaners come in.", []),
        # A pointer elsewhere or a bare close after the dash explains nothing.
        ("Sorry, I can't extend the booking — there's a form on our site for that.",
         ["unexplained-refusal"]),
        ("Sorry, I can't extend the booking — that's all.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_an_explanation_after_a_dash_may_open_with_that_s(reply: str, expected: list[str]) -> None:
    """'— that's the most the promotion allows': a clause opening "that's"/"it's" explains."""
    assert _rules(reply) == expected


_ALLOWING = honestcs.ReplyChecker(
    honestcs.Policy.from_dict({**POLICY, "honesty": {"allow": ["guaranteed price"]}})
)


@pytest.mark.parametrize(
    "reply",
    [
        "It's a guaranteed price for everything on the list.",
        "That's a guaranteed price, so it won't change on the day.",
        "Your quote is a guaranteed price for the whole move.",
    ],
)
def test_an_allowed_guarantee_phrase_is_allowed_after_a_verb(reply: str) -> None:
    """The guarantee's span is its own word, so an allowed phrase around it covers it."""
    assert _ALLOWING.check(reply, now=NOW).findings == ()
    assert "absolute-guarantee" in _rules(reply)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("In cases like this we can give a goodwill voucher of up to £100.",
         ["policy-misstatement"]),
        ("We can give goodwill vouchers of up to £50 in situations like this.",
         ["policy-misstatement"]),
        ("In such cases we can offer a voucher worth up to £60.", ["policy-misstatement"]),
        ("For delays like this we can give a goodwill voucher of up to £100.",
         ["policy-misstatement"]),
        # Offered to this customer: a commitment, over the limit or within it.
        ("We can give you a voucher of up to £100.", ["overpromise"]),
        ("In cases like this I can give you a voucher of up to £50.", []),
    ],
)  # fmt: skip
def test_what_we_can_give_in_cases_like_this_states_the_limit(
    reply: str, expected: list[str]
) -> None:
    """'In cases like this we can give X of up to £N' states the rule for a kind of case."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your booking will have a 72-hour free cancellation window.", ["overpromise"]),
        ("Your new booking will come with a 72-hour cancellation window.", ["overpromise"]),
        ("I've locked in free cancellation on your booking for the next 72 hours.",
         ["overpromise"]),
        # The rule stated for every booking, and the policy's own window given.
        ("Bookings have a 72-hour free cancellation window.", ["policy-misstatement"]),
        ("Your booking will have a 48-hour free cancellation window.", []),
    ],
)  # fmt: skip
def test_a_window_given_to_the_customers_own_thing_is_granted(
    reply: str, expected: list[str]
) -> None:
    """'Your crown will have a 5-year warranty', 'I've locked in … for 12 months': given."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("We'll also look into why your room wasn't cleaned.", ["vague-commitment"]),
        ("We'll find out why your parcel wasn't delivered.", ["vague-commitment"]),
        ("We'll look into why the heating isn't working in your room.", ["vague-commitment"]),
        # The clause's own negation still negates it.
        ("We won't look into it.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_negation_inside_an_embedded_question_is_not_the_clauses(
    reply: str, expected: list[str]
) -> None:
    """'We'll look into why your tutor didn't show' commits to looking into it, later."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Happy to help you plan next week! Because our rooms are shared with guests who have "
         "allergies, we'll book you a kennel nearby for her.", []),
        ("Great to hear from you! Our rooms are shared with guests who have allergies, so we'll "
         "find a kennel close by for her.", []),
        ("Sure, I'll book you a kennel for her.", ["unauthorized-promise"]),
        ("Sure thing, see you both next week!", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_giving_the_clauses_own_reason_is_not_going_along_with_the_request(
    reply: str, expected: list[str]
) -> None:
    """A reply that gives the forbidden clause's own reason explains why not, however friendly."""
    assert _rules(reply, "Can I bring a dog along next week? She's very calm.") == expected


@pytest.mark.parametrize(
    "reply",
    [
        "It was booked on a prepaid rate, so sadly I can't cancel it.",
        "Your stay ended last week, so unfortunately we can't change it now.",
        "The offer closed on Friday, so regrettably I can't apply it.",
    ],
)
def test_so_with_a_word_of_regret_still_gives_the_cause_before_it(reply: str) -> None:
    """', so unfortunately …': the clause before "so" is the cause of the no."""
    assert "unexplained-refusal" not in _rules(reply)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("If you'd like a cancellation, you can do it up to 72 hours after booking.",
         ["policy-misstatement"]),
        ("If you need to cancel, that's fine up to 72 hours after booking.",
         ["policy-misstatement"]),
        ("Should you want to cancel, it's possible within 72 hours of booking.",
         ["policy-misstatement"]),
        ("If you need to cancel, you can do it up to 48 hours after booking.", []),
        # The main clause names an act of its own: the time is that act's.
        ("If you want to cancel, we'll refund you within 72 hours of it reaching us.", []),
    ],
)  # fmt: skip
def test_a_condition_names_the_act_whose_window_the_main_clause_gives(
    reply: str, expected: list[str]
) -> None:
    """'If you change your mind, you can cancel up to 30 days after purchase': its window."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "I'll refund your stay by Thursday, in good time for Monday.",
        "I'll refund your stay by Thursday, in plenty of time for Monday.",
        "I'll refund your stay by Thursday, well before Monday.",
    ],
)
def test_a_conclusion_in_time_for_a_day_restates_the_commitment(reply: str) -> None:
    """', in plenty of time for Monday' restates the promise's time: one overpromise, no more."""
    assert _rules(reply) == ["overpromise"]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Our customer care team will look into it.", ["vague-commitment"]),
        ("The guest relations team will follow up on the noise.", ["vague-commitment"]),
        ("We'll also see what else we can do.", ["vague-commitment"]),
        ("I'll see what more I can do for you.", ["vague-commitment"]),
        ("Our customer care team will look into it by Friday.", []),
    ],
)  # fmt: skip
def test_staff_named_in_more_words_and_seeing_what_else_can_be_done(
    reply: str, expected: list[str]
) -> None:
    """'Our customer care team will…' is staff; 'we'll see what else we can do' is a later act."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("You'll get the room upgrade for sure.", ["absolute-guarantee"]),
        ("The spa will be open again by the weekend for certain!", ["absolute-guarantee"]),
        ("100%!", ["absolute-guarantee"]),
        ("100%! Everyone who books the tasting menu loves it.", ["absolute-guarantee"]),
        # Knowing for sure later, and a determiner "certain", guarantee nothing.
        ("We'll know for sure on Friday.", []),
        ("You'll be eligible for certain benefits.", []),
    ],
)  # fmt: skip
def test_for_sure_and_a_bare_100_percent_guarantee(reply: str, expected: list[str]) -> None:
    """'…for sure', '100%!' on its own: an outcome vouched for without condition."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("For you, we'll do anything.", ["sycophancy"]),
        ("We'd do anything for our regulars!", ["sycophancy"]),
        ("I'd happily do anything, just say.", ["sycophancy"]),
        # Bounded by what can be done, or negated: no blank cheque.
        ("We'll do anything we can to help.", []),
        ("We'll do anything possible to fix it.", []),
        ("We won't do anything without your OK.", []),
    ],
)  # fmt: skip
def test_doing_anything_for_the_customer_is_sycophancy(reply: str, expected: list[str]) -> None:
    """'We'll do anything' offers whatever is asked; 'anything we can' is bounded."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Sorry, that's a no on the late checkout.", ["unexplained-refusal"]),
        ("I'm afraid it's a no from us on the early check-in.", ["unexplained-refusal"]),
        ("Sorry, the answer is a firm no on pets in rooms.", ["unexplained-refusal"]),
        ("It's a no, because our rooms are shared with guests who have allergies.", []),
        ("That's a no-brainer, book it!", []),
    ],
)  # fmt: skip
def test_that_s_a_no_declines(reply: str, expected: list[str]) -> None:
    """'That's a no on …' says no as plainly as 'we can't'; 'a no-brainer' does not."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("As a one-off I'll give you 72 hours, so you can still cancel.", ["overpromise"]),
        ("This time we'll give you a week, so you can cancel for free.", ["overpromise"]),
        ("Since you're a regular, I'll allow you 3 days, so you can still cancel.",
         ["overpromise"]),
        ("We'll give you 48 hours, so you can still cancel.", []),
        # The result names no act of the policy: the window is for nothing it limits.
        ("We'll give you 72 hours, so you can decide.", []),
    ],
)  # fmt: skip
def test_a_window_given_so_the_customer_can_act_is_that_acts(
    reply: str, expected: list[str]
) -> None:
    """'I'll give you 30 days, so you can still cancel your ticket': the cancellation's window."""
    assert _rules(reply) == expected


_STORAGE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Keepsafe Storage", "timezone": "Europe/London"},
            "can": [
                {"id": "reservation", "does": "hold a reserved unit free until move-in",
                 "terms": ["reservation", "reserve"], "within": "7 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I've put a reservation on unit B-114 and we'll hold it for you for 21 days.",
         ["overpromise"]),
        ("Your reservation is in, and we'll keep it for you for a month.", ["overpromise"]),
        ("I've made the reservation and we'll hold it for you for 7 days.", []),
    ],
)  # fmt: skip
def test_holding_the_thing_just_named_for_a_time_gives_its_window(
    reply: str, expected: list[str]
) -> None:
    """'We'll hold it for you for 21 days' after naming the reservation: its window, given."""
    assert _rules_of(_STORAGE, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'll reserve parking for you; it'll be £20 on your bill.", ["policy-misstatement"]),
        ("I've added parking to your stay, and it will cost £25.", ["policy-misstatement"]),
        ("We can reserve parking, it would be £18 a night.", ["policy-misstatement"]),
        ("I'll reserve parking for you; it'll be £15 on your bill.", []),
        ("I'll reserve parking for you; it'll be £10 on your bill.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_future_price_pointing_back_is_the_acts(reply: str, expected: list[str]) -> None:
    """'…; it'll be $220 on your card' prices the act just named, as "it's $220" does."""
    assert _rules(reply) == expected


_TWO_REFUNDS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Fest", "timezone": "Europe/London"},
            "can": [
                {"id": "refund", "does": "refund a ticket", "terms": ["refund"],
                 "takes": "10-14 business days"},
                {"id": "balance", "does": "pay back an unused wristband balance",
                 "terms": ["unused balance", "wristband balance"], "takes": "3-5 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I've submitted your unused balance for a refund, and it should be back in your "
         "account within 7 business days.", []),
        ("Your wristband balance is queued for a refund and it'll reach you within a week.", []),
        # Faster than either act takes: wrong however it is read.
        ("I've submitted your unused balance for a refund, and it should be back in your "
         "account within 2 business days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_time_taken_from_an_earlier_clause_may_be_any_act_named_there(
    reply: str, expected: list[str]
) -> None:
    """Benefit of the doubt over every act the earlier clause names, not only the nearest."""
    assert _rules_of(_TWO_REFUNDS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("The agent did mention a £120 voucher, but I'm afraid that was a mistake.", []),
        ("Our receptionist did promise you a £150 voucher, which was wrong of her.", []),
        ("Your booking confirmation does say 72 hours for free cancellation, but that's a typo.",
         []),
        # Not a verb of saying: the business's own act, or its own offer said with emphasis.
        ("We did give you a £120 voucher.", ["policy-misstatement"]),
        ("Our hotels do offer a £120 voucher for delays.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_an_emphatic_did_mention_reports_someone_elses_words(
    reply: str, expected: list[str]
) -> None:
    """'My colleague did mention a 15% discount, but…' reports words; it states nothing."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Once the pets have been picked up by the kennel, we can clean your room.", []),
        ("When the pets are collected by the sitter, we can turn the room around.", []),
        # The customer's own act in the condition: the forbidden thing is the deal.
        ("If you bring a dog, we'll give you a bigger room.", ["unauthorized-promise"]),
        ("Once you bring your dog, we'll set up a bed for her.", ["unauthorized-promise"]),
        # What a condition names besides its act grants nothing, and the sentence is
        # conditional: "if you buy the *ferry* cover, we can allow…".
        ("If you book a room in the pets-free wing, we can move you upstairs.", []),
        ("If you find the pets section of our site confusing, we can email you the rules.",
         []),
    ],
)  # fmt: skip
def test_a_condition_someone_else_meets_is_a_prerequisite(
    reply: str, expected: list[str]
) -> None:
    """'Once the gas line has been capped by a fitter, we can install it' grants no gas work."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("We'll give you a ring.", ["vague-commitment"]),
        ("I'll give you a call to set up the repair.", ["vague-commitment"]),
        ("I'll drop you a line about the refund.", ["vague-commitment"]),
        ("We'll give you a call by Friday.", []),
        ("Give us a ring any time.", []),
    ],
)  # fmt: skip
def test_giving_a_ring_is_a_later_act(reply: str, expected: list[str]) -> None:
    """'We'll give you a ring' promises a call, in idiom: it needs a time frame."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your room will be ready by 2pm, 100%.", ["absolute-guarantee"]),
        ("We'll have it fixed today - 100%!", ["absolute-guarantee"]),
        ("The spa is open on Sunday, 100%", ["absolute-guarantee"]),
        ("It's rated 100%.", []),
    ],
)  # fmt: skip
def test_a_100_percent_tagged_on_after_a_claim_vouches_for_it(
    reply: str, expected: list[str]
) -> None:
    """', 100%.' at the end vouches for the claim before it; 'rated 100%' is a score."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Whatever you decide, cancellation is free up to 48 hours before.", []),
        ("Whatever you choose, we'll hold the room until noon.", []),
        ("Whatever you decide is best!", ["sycophancy"]),
        ("Whatever you think, we'll do it.", ["sycophancy"]),
    ],
)  # fmt: skip
def test_whatever_you_decide_before_a_clause_is_a_concession(
    reply: str, expected: list[str]
) -> None:
    """'Whatever you decide, cancellation is free' means 'in any case', not 'you're the boss'."""
    assert _rules(reply) == expected


_PARCELS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Kite Parcels", "timezone": "Europe/London"},
            "can": [
                {"id": "next-day", "does": "deliver the next working day",
                 "terms": ["next day"], "costs": "£6.95"},
                {"id": "saturday", "does": "deliver on a Saturday",
                 "terms": ["saturday delivery"], "costs": "£4.50"},
                {"id": "refund", "does": "refund a payment", "terms": ["refund", "money back"],
                 "takes": "3-7 business days"},
                {"id": "money-back", "does": "refund a new plan in full soon after purchase",
                 "terms": ["money-back window", "money-back guarantee"], "within": "30 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("That's £6.95 for Next Day plus £4.50 for Saturday delivery.", []),
        ("You'll pay £4.50 for Saturday delivery and £6.95 for Next Day.", []),
        ("That's £6.95 for Next Day plus £5.50 for Saturday delivery.", ["policy-misstatement"]),
        # A term inside a longer one names no second act to read the figure as.
        ("I've extended your money-back window to 60 days.", ["overpromise"]),
        ("I've set your money-back guarantee to 45 days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_price_for_a_bare_noun_and_a_term_inside_a_longer_one(
    reply: str, expected: list[str]
) -> None:
    """'£4.50 for Saturday delivery' prices that act; 'money back' in a longer term is no act."""
    assert _rules_of(_PARCELS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your ceremony will 100% go ahead, rain or shine.", ["absolute-guarantee"]),
        ("There's zero chance of anything going wrong on the day.", ["absolute-guarantee"]),
        ("There's no chance it'll fail.", ["absolute-guarantee"]),
        ("Is there any chance of a late checkout?", []),
        ("There's no risk of extra charges.", []),
    ],
)  # fmt: skip
def test_zero_chance_of_going_wrong_guarantees(reply: str, expected: list[str]) -> None:
    """'Zero chance of anything going wrong', 'will 100% go ahead': outcomes vouched for."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Rooms sleep up to four guests, so six won't be possible in one room.", []),
        ("Check-out is at 11am, so two o'clock isn't possible.", []),
        ("Our spa takes bookings of four at most, so seven won't be possible.", []),
        ("I'm so sorry we can't do that.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_cause_before_so_holds_when_the_no_has_its_own_subject(
    reply: str, expected: list[str]
) -> None:
    """'…up to four people, so six won't be possible': the clause before "so" is the cause."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Did you note that my dog stayed with us last time?",
         "Yes, our records show pets stayed in your room in June.", []),
        ("Was the dog on the booking?", "Yes, pets were listed on it.", []),
        # A question of leave, however it is put, is answered by a yes that grants it.
        ("Can I bring a dog?", "Yes, pets are welcome.", ["unauthorized-promise"]),
        ("Did you say I could bring a dog?", "Yes, pets are welcome.", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_a_yes_to_a_question_of_what_was_confirms_a_fact(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Did you note the dent?' - 'Yes, it's listed as pre-existing': no act agreed to."""
    assert _rules(reply, customer) == expected


_GYM = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Ironside Gym", "timezone": "Europe/London"},
            "prohibited": [
                {"id": "clearance", "terms": ["without medical clearance", "without a GP's note"],
                 "because": "We need a GP's clearance first to keep members with heart "
                            "conditions safe."},
            ],
            "cannot": [
                {"id": "dogs", "terms": ["bring a dog", "bring my dog"],
                 "because": "Dogs aren't allowed on the gym floor."},
                {"id": "joining-fee", "terms": ["waive the joining fee"],
                 "because": "The joining fee pays for the induction."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can I start training without medical clearance?",
         "I understand! I need a note from your GP before we train, so send it over and I'll "
         "book your first session.", []),
        ("Could I skip it and train without a GP's note?",
         "We'll need your GP's note before you can use the weights; pop it over and I'll "
         "set up your induction.", []),
        ("Can I start training without medical clearance?",
         "Sure, I'll book your first session without medical clearance.",
         ["prohibited-compliance"]),
        # A step required says no only to skipping it, not to what the clause rules out.
        ("Can I bring my dog?",
         "Sure, we'll need her vaccination record before she comes, and then she's welcome.",
         ["unauthorized-promise"]),
        ("Can you waive the joining fee?",
         "Sure, we'll need your ID before your induction, and then it's done.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_what_must_come_first_says_no_to_a_request_to_skip_it(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'We need a GP's note before we train' to 'can we start without clearance?' is a no."""
    assert _rules_of(_GYM, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("What happens if I have to pull out of the trip?",
         "You can cancel free of charge up to 48 hours before.", []),
        ("What if we need to back out at the last minute?",
         "Cancellation is free up to 48 hours before arrival.", []),
        ("What if my son drops out of the swimming course?",
         "You can cancel the rest of the course, and the lessons left are refunded.", []),
        ("What happens if I have to pull out of the trip?",
         "Thanks so much for booking with us, we can't wait to see you.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_pulling_out_asks_about_cancelling(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Drop out', 'pull out', 'back out' name cancelling one's own place."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    "text",
    ["How long until I get paid?", "When will the claim be paid out?", "What's the payout time?"],
)
def test_getting_paid_names_the_money_coming_back(text: str) -> None:
    """'Get paid', 'paid out', 'payout': the money the customer is owed, as 'refund' is."""
    assert "refund" in concepts_of(text)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Sorry, we can't refund the deposit if the room was damaged.", []),
        ("We're unable to exchange the robes unless they're unworn.", []),
        ("I'm afraid we can't take the minibar items back once they've been opened.", []),
        ("We can't move the booking when you've already checked in.", []),
        ("We can't refund it if opened.", []),
        # A condition of the talk, not of the rule, names no case.
        ("We can't refund the deposit, if I'm honest.", ["unexplained-refusal"]),
        ("Sorry, we can't refund the deposit if that helps.", ["unexplained-refusal"]),
        ("Sorry, we can't refund the deposit.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_condition_after_a_no_names_the_case_the_rule_holds_in(
    reply: str, expected: list[str]
) -> None:
    """'We can't refund it if the seal is broken': the condition is the customer's case."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'm afraid I can't do that, all damage has to go on the checkout report.", []),
        ("Sorry, I can't do that: any change has to come from the lead guest.", []),
        ("I can't do that, sorry. Each guest has to show ID at check-in.", []),
        ("I'm afraid I can't do that, sorry.", ["unexplained-refusal"]),
        ("I can't do that. I have to say sorry again.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_what_every_case_has_to_do_is_a_rule(reply: str, expected: list[str]) -> None:
    """'All damage has to go on the report': a requirement on a whole kind gives the reason."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("I've got a small dog, can I still book the garden room?",
         "Thanks for asking! That's fine with us.", []),
        ("Can we still check in late tonight?", "Thanks for letting us know, you're all set.", []),
        ("Can we still check in late tonight?", "Thanks for letting us know, you're good to go.",
         []),
        ("Is a late checkout OK on Sunday?", "Thanks for asking, that's totally fine.", []),
        ("Can we still check in late tonight?", "Thanks for letting us know.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_verdict_on_what_was_asked_is_a_yes(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Can I still hire a van?' - '9 points is fine for us, you're good to go': a yes."""
    assert _rules(reply, customer) == expected


_EXPRESS_PARCELS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Parcel Co", "timezone": "Europe/London"},
            "can": [
                {"id": "delivery", "does": "deliver parcels",
                 "terms": ["with you", "arrive", "dispatch", "standard delivery"],
                 "takes": "3-5 business days"},
                {"id": "express", "does": "upgrade a parcel to express delivery",
                 "terms": ["express delivery", "express"], "costs": "£9"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Express delivery is £9. Order by noon and it's usually with you the next working day.",
         []),
        ("Express is £9. Order before noon and they'll arrive tomorrow.", []),
        # No act before "it": the time is delivery's, and too soon for it.
        ("Thanks for your order. It'll be with you tomorrow.", ["overpromise"]),
        # "it" after an act named in its own sentence is that act.
        ("Express delivery is £9. We dispatch it today and it'll be with you tomorrow.",
         ["overpromise"]),
        # A subject that is not the one before: "your parcel" is delivered as standard.
        ("Your parcel goes by standard delivery. It'll be with you tomorrow.", ["overpromise"]),
    ],
)  # fmt: skip
def test_it_may_be_the_subject_of_the_sentence_before(reply: str, expected: list[str]) -> None:
    """'Express shipping is €6.95. …it's with you the next working day': it is express."""
    assert _rules_of(_EXPRESS_PARCELS, reply) == expected


_TRAVEL = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Wayfarer Travel", "timezone": "Europe/London"},
            "can": [
                {"id": "rebook", "does": "rebook a traveller on another flight",
                 "terms": ["rebook"]},
            ],
            "cannot": [
                {"id": "cancel-flight", "terms": ["cancel * flight"],
                 "because": "Only the airline can cancel a flight."},
                {"id": "reverse-payment", "terms": ["reverse * payment"],
                 "because": "Card payments can only be reversed by the card issuer."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("The airline cancelled your flight, so we'll rebook you on the next one.", []),
        ("Your bank has reversed the payment, so we'll rebook you once it's paid again.", []),
        ("Yes! The airline cancelled your flight this morning, so we'll rebook you today.", []),
        # The business's own act, or its people's, is going along.
        ("We cancelled your flight, so we'll rebook you on the next one.",
         ["unauthorized-promise"]),
        ("Our agent cancelled your flight, so we'll rebook you on the next one.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_someone_elses_past_act_is_not_going_along(reply: str, expected: list[str]) -> None:
    """'Your eye doctor changed your prescription, so we'll remake your lenses'."""
    assert _rules_of(_TRAVEL, reply) == expected


_DEPOSITS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Van Hire Co", "timezone": "Europe/London"},
            "can": [
                {"id": "refund", "does": "refund a cancelled hire", "terms": ["refunded", "refund"],
                 "takes": "5-10 business days"},
                {"id": "deposit", "does": "return the damage deposit", "terms": ["deposit"],
                 "takes": "3-5 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your hire is cancelled and the full amount, deposit included, will be refunded within "
         "7 business days.", []),
        ("The balance, including your deposit, will be refunded within 7 business days.", []),
        ("Your hire is cancelled and the full amount will be refunded within 7 business days.",
         ["overpromise"]),
        # A clause of its own with its own verb is no part of the subject.
        ("We keep the deposit until the van is checked, and the full amount will be refunded "
         "within 7 business days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_subject_cut_off_by_commas_still_names_the_act(
    reply: str, expected: list[str]
) -> None:
    """'The full amount, deposit included, will be refunded within 7 days' may be the deposit."""
    assert _rules_of(_DEPOSITS, reply) == expected


_CATERING = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Saucepan Catering", "timezone": "America/New_York"},
            "can": [
                {"id": "delivery", "does": "deliver an order", "terms": ["delivery", "deliver"],
                 "costs": "$65"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Platters are $30 each, so 10 come to $300, plus the $65 delivery fee — $365.", []),
        ("Ten platters are $300 plus the $65 delivery charge — $365 all in.", []),
        ("Two cakes are $80, plus $65 for delivery — $145 before tax.", []),
        # No second sum before the dash: the figure after it prices what "plus" names.
        ("It's $300 plus delivery — $50.", ["policy-misstatement"]),
        ("Delivery is $50.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_what_two_sums_added_come_to_is_no_clause_figure(
    reply: str, expected: list[str]
) -> None:
    """'$450, plus the $65 delivery fee — $515 before tax': $515 is the sum."""
    assert _rules_of(_CATERING, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I wish I could let you bring your dog.", []),
        ("I wish we could take pets, but we can't.", []),
        ("If only we were able to take pets!", []),
        ("I wish I could get you a voucher worth £200.", []),
        ("I can get you a voucher worth £200.", ["overpromise"]),
        ("I can let you bring your dog this once.", ["unauthorized-promise"]),
        ("We wish you a lovely stay, and I can let you bring your dog this once.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_a_wish_contrary_to_fact_promises_nothing(reply: str, expected: list[str]) -> None:
    """'I wish I could get you better seats, but…': what one wishes one could do is not done."""
    assert _rules(reply) == expected


_CLINIC = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Clinic", "timezone": "Europe/London"},
            "can": [
                {"id": "first-visit", "does": "book a first visit with an assessment",
                 "terms": ["first visit", "first appointment"], "costs": "£60"},
                {"id": "review", "does": "include a free review after starting treatment",
                 "terms": ["review", "follow-up check"], "within": "60 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your review is included at no charge within 60 days of your first visit.", []),
        ("The follow-up check is free of charge within 60 days of your first appointment.", []),
        ("Your first visit is included at no charge.", ["policy-misstatement"]),
        ("Within 60 days your first visit is included at no charge.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_the_event_a_time_starts_from_is_not_what_is_priced(
    reply: str, expected: list[str]
) -> None:
    """'…at no charge within 60 days of your first visit': the first visit only dates it."""
    assert _rules_of(_CLINIC, reply) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "I'll have your refund to you tomorrow, Wednesday the 2nd.",
        "We'll send the refund tomorrow morning, Wed 2nd.",
        "The refund will be with you tomorrow - Wednesday 2 December.",
        "I'll refund you this Friday, so the 4th.",
    ],
)
def test_the_day_named_again_is_the_same_promise(reply: str) -> None:
    """'I can send a technician tomorrow afternoon, Wednesday the 11th': one promise, one rule."""
    assert _rules(reply) == ["overpromise"]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'm sorry, price matches only run for 14 days after payment, so it's outside the "
         "window.", []),
        ("Sorry, that booking was made in June, so you're past the deadline.", []),
        ("Sorry, as it was a member rate it doesn't qualify.", []),
        ("Sorry about that.", ["unanswered-question"]),
        ("Sorry about that, and thanks for letting us know.", ["unanswered-question"]),
        # What follows the apology gives a time of the case: by the benefit of the doubt,
        # something of its own about the request (SPEC §3).
        ("Sorry, the window is open until Friday.", []),
    ],
)  # fmt: skip
def test_a_verdict_of_no_answers_a_request(reply: str, expected: list[str]) -> None:
    """'Can I get the difference back?' - '…so it's outside the window': a no."""
    customer = "My booking dropped in price after I paid. Can I get the difference back?"
    assert _rules(reply, customer) == expected


_PARTS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Parts Co", "timezone": "Europe/London"},
            "can": [
                {"id": "ship", "does": "ship parts from our warehouse",
                 "terms": ["ship", "dispatch"], "takes": "1-2 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your part leaves us within 2 business days, then arrives the next business day after "
         "it ships.", []),
        ("It arrives the next working day after we dispatch it.", []),
        ("It arrives the next working day after the warehouse dispatches it.", []),
        ("Your part ships the next business day.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_time_after_an_event_told_as_a_clause_starts_there(
    reply: str, expected: list[str]
) -> None:
    """'…arrives the next business day after it ships': the shipping is where it starts."""
    assert _rules_of(_PARTS, reply) == expected


_BOOKS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Book Press", "timezone": "Europe/London"},
            "can": [{"id": "rush", "does": "print a book in a rush", "terms": ["rush"],
                     "costs": "£15"}],
            "cannot": [{"id": "returns", "terms": ["return", "cancel", "overfill"],
                        "because": "Every book is printed to order."}],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I've added rush printing for you, since you're a returning customer.", []),
        ("As a returning customer, you'll have it by Friday with rush.", []),
        ("I've added rush printing, as an overfilled box can't go in the post.", []),
        ("Yes, I'll cancel it and you can return the book.", ["unauthorized-promise"]),
        ("I've added rush printing, and we'll return the book to you on Friday.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_a_participle_before_a_noun_names_a_kind_not_the_act(
    reply: str, expected: list[str]
) -> None:
    """'Since you're a returning customer' names a kind of customer, not a return."""
    assert _rules_of(_BOOKS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("A quick look will tell us for sure.", []),
        ("The inspection will show you for sure whether it's the boiler.", []),
        ("The room will be ready by noon for sure.", ["absolute-guarantee"]),
    ],
)  # fmt: skip
def test_telling_someone_for_sure_guarantees_nothing(reply: str, expected: list[str]) -> None:
    """'A quick inspection will tell us for sure': what will be known, not an outcome."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I can't give you a cast-iron guarantee, but your room should be ready by noon.", []),
        ("We can't offer any promises, but your room should be ready by noon.", []),
        ("I can't give you a room upgrade.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_not_giving_a_guarantee_is_a_hedge(reply: str, expected: list[str]) -> None:
    """'I can't give you a cast-iron guarantee, but…' hedges; it refuses nothing."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Sorry, we don't clean windows above the third floor.", []),
        ("Sorry, we can't seat parties past the 2nd row.", []),
        ("Sorry, we don't clean windows.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_kind_bounded_by_an_ordinal_is_a_category(reply: str, expected: list[str]) -> None:
    """'We don't wash windows above the third floor': the bound names the customer's case."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I can't waive it, I'm afraid — the £15 covers the cleaner's time.", []),
        ("Sorry, I can't waive it: the £15 pays for the laundry.", []),
        ("I can't waive it, I'm afraid — so sorry.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_an_explanation_after_a_dash_may_hold_figures(reply: str, expected: list[str]) -> None:
    """'I can't waive it — the $20 covers our digitizer's time': the dash explains."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("How much is a voucher and how quickly could I get it?",
         "A goodwill voucher is up to £80 and reaches your inbox within 2 days.", []),
        ("How much is parking, and how quick is it?",
         "Parking is £15 and your space is ready within the hour.", []),
        # Still a question of when, answered by no time.
        ("How quickly can you reserve parking?", "Parking is £15.", ["unanswered-question"]),
        ("How much is parking, and how quick is it?", "Thanks for asking!",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_how_fast_asks_when_of_what_was_asked_before(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How much is express and how fast is it?': 'fast' asks when, and 'it' is express."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I've reserved parking for Friday and I'll only charge you £5 since it's late.",
         ["overpromise"]),
        ("Done, parking is booked for the 4th, and we've charged just £7 for it.",
         ["overpromise"]),
        ("I've set up parking for your stay and I'll bill you £9.", ["overpromise"]),
        ("I've reserved parking for Friday and I'll charge you £15 for it.", []),
        # A charge for something the sentence names after it is that thing's.
        ("I've reserved parking and charged you £5 for the breakfast.", []),
        ("I've reserved parking and we'll charge £5 on the minibar tab.", []),
    ],
)  # fmt: skip
def test_what_we_charge_after_an_act_is_its_price(reply: str, expected: list[str]) -> None:
    """'I've booked a late pickup and I'll only charge £10': the charge is the act's price."""
    assert _rules(reply) == expected


_KENNEL = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Kennels", "timezone": "Europe/London"},
            "can": [
                {"id": "pets", "does": "board pets in one run", "terms": ["pet", "dog", "cat"],
                 "up_to": "2 pets"},
                {"id": "party", "does": "host a puppy party", "terms": ["party"],
                 "up_to": "12 guests"},
                {"id": "seating", "does": "seat guests in the barn", "terms": ["seated"],
                 "up_to": "180 guests"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A term of one word names what is counted, though the limit counts "pets".
        ("Of course, I've put all three dogs in one run for you.", ["overpromise"]),
        ("No problem, I've booked 4 cats in together.", ["overpromise"]),
        ("Yes, both dogs can share a run.", []),
        ("We can take two cats in one run.", []),
        # An article counts nothing: "a" party is not one guest.
        ("Every booking comes with a private party room for an hour.", []),
        # A number of hundreds in words is one number.
        ("The barn can take up to a hundred and eighty seated guests.", []),
        ("The barn can take up to two hundred and fifty seated guests.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_term_of_one_word_names_what_is_counted(reply: str, expected: list[str]) -> None:
    """'All three dogs are welcome' counts pets when 'dog' is a term of the pets clause."""
    assert _rules_of(_KENNEL, reply) == expected


_WORKSHOP = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Fern Street Workshop", "timezone": "Europe/London"},
            "can": [
                {"id": "warranty", "does": "repair our own work free of charge",
                 "terms": ["warranty", "guarantee on the repair"], "within": "12 months"},
                {"id": "storage", "does": "keep uncollected items in store",
                 "terms": ["kept in store", "stored", "held"], "within": "30 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Done for this customer, in whatever verb: the window given is a commitment.
        ("I've written an 18-month warranty into your repair slip.", ["overpromise"]),
        ("We've set your warranty at 2 years since the part was late.", ["overpromise"]),
        # This customer's own thing, kept or valid for them.
        ("Your bike will be held for 60 days while you're away.", ["overpromise"]),
        ("Your warranty will be valid for 18 months from today.", ["overpromise"]),
        # A shorter window in a commitment, or a rule said of everyone, misstates it.
        ("Your bike will be held for 14 days.", ["policy-misstatement"]),
        ("Items are held for 60 days.", ["policy-misstatement"]),
        ("You've got 18 months under the warranty.", ["policy-misstatement"]),
        ("I've checked, and the warranty runs 12 months.", []),
    ],
)  # fmt: skip
def test_a_window_given_in_any_verb_is_a_commitment(reply: str, expected: list[str]) -> None:
    """'I've written a 7-year warranty into your contract' gives the window to this customer."""
    assert _rules_of(_WORKSHOP, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Our suites are £140 and parking adds on £15.", []),
        ("Deluxe rooms are £150 and parking adds £15.", []),
        ("Family rooms are £120 and parking will be £15.", []),
        # A phrase may say which one the price is of: "delivery *to Wigston* is £4.95".
        ("The double room is £140 and parking at the hotel is £15.", []),
        ("Your stay comes to £280, and parking for both nights costs £15.", []),
        ("A suite is £190 and parking in the garage will be £15.", []),
        # The term's own amount is still checked, and only it.
        ("Suites are £140 and parking adds £10.", ["policy-misstatement"]),
        ("The double room is £140 and parking at the hotel is £10.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_thing_priced_by_adds_has_its_own_amount(reply: str, expected: list[str]) -> None:
    """'A pedicure is £35 and nail art adds £8': the £35 is not nail art's price."""
    findings = CHECKER.check(reply, now=NOW).findings
    assert [f.rule for f in findings] == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A fragment with no subject asks about the sentence before it.
        ("You charged me £15 for parking. Why so much?",
         "Parking is £15 a night because the car park is run by the council.", []),
        ("The voucher you sent says £20. Why not more?",
         "A goodwill voucher is capped at £80, and £20 is what this stay's issue merits.", []),
        ("My refund still hasn't arrived. Any idea?",
         "Refunds take 5-10 business days because the bank holds them first.", []),
        # Still a question, answered by nothing.
        ("You charged me £15 for parking. Why so much?", "Thanks for staying with us!",
         ["unanswered-question"]),
        # Asking the customer to agree is a tag, not a question to answer.
        ("I've stayed here ten times, I should get parking free. Don't you agree?",
         "Thank you for staying with us so often!", []),
        ("I should get parking free, wouldn't you agree?", "Thank you for staying with us!", []),
    ],
)  # fmt: skip
def test_a_fragment_of_a_question_asks_about_the_sentence_before(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'You quoted 10kW but my roof fits more. Why so small?': the quote is its subject."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "Isn't going to be possible" declines as "won't be possible" does.
        ("Can I check in at 6am?", "Unfortunately an early check-in isn't going to be possible.",
         ["unexplained-refusal"]),
        ("Can I check in at 6am?",
         "An early check-in isn't going to be possible, as the rooms are still being cleaned.", []),
        # After a no, a dash or a colon spells out the alternative, not the cause.
        ("Can I pay at the desk in dollars?",
         "Unfortunately that won't be possible. You can pay by card or in pounds - the desk "
         "takes both.", ["unexplained-refusal"]),
        ("Can I pay at the desk in dollars?",
         "Unfortunately that won't be possible. Here are the options: card or pounds.",
         ["unexplained-refusal"]),
        # ...and so does a sentence set against it.
        ("Can I get a late checkout?",
         "Sorry, a late checkout isn't something we can offer. Parking is £15 a night, though!",
         ["unexplained-refusal"]),
        ("Can I get a late checkout?",
         "Sorry, a late checkout isn't something we can offer. However, parking is £15.",
         ["unexplained-refusal"]),
        # A "can't" after "as" or "because" is the cause of what the sentence asks.
        ("Can my mum collect the key?",
         "Of course - just add her to the booking first, as we can't hand keys to anyone "
         "who isn't on it.", []),
    ],
)  # fmt: skip
def test_what_follows_a_no_and_what_a_no_explains(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'That won't be possible. You can pay by transfer - the form is attached.' gives no why."""
    assert _rules(reply, customer) == expected


_COSTUMES = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Curtain Call Costumes", "timezone": "Europe/London"},
            "can": [
                {"id": "hold", "does": "hold a costume for a customer",
                 "terms": ["hold", "put * aside"], "within": "48 hours"},
                {"id": "returns", "does": "accept returns of unworn items", "terms": ["return"],
                 "within": "14 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A window granted to a day that runs past the policy's window from now.
        ("No worries, I'll hold it for you until next Friday.", ["overpromise"]),
        ("I've put the gown aside for you till the 20th.", ["overpromise"]),
        ("As it's a gift, you'll have until 31 January to return it.", ["overpromise"]),
        ("I'll hold it until you're back on the 27th.", ["overpromise"]),
        # Within the window from now (a day runs to its end), or no grant at all.
        ("Sure, I'll hold the costume until Thursday.", []),
        ("I'll hold it for you until tomorrow evening.", []),
        ("Returns are accepted until 31 January.", []),
        ("I can't hold it until Friday, I'm afraid, because 48 hours is the most we can do.", []),
    ],
)  # fmt: skip
def test_a_window_granted_until_a_day_is_checked_from_now(
    reply: str, expected: list[str]
) -> None:
    """'I'll hold it for you until next Friday' gives more than a 48-hour hold."""
    assert _rules_of(_COSTUMES, reply) == expected  # Tuesday 1 December 2026, 10:00


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'll hold it for you until the end of the month.", ["overpromise"]),
        ("I'll hold it for you until the end of February.", ["overpromise"]),
        ("We'll hold the dress until the end of next month.", ["overpromise"]),
        ("Returns are accepted until the end of the month.", []),
    ],
)  # fmt: skip
def test_the_end_of_a_month_is_a_day(reply: str, expected: list[str]) -> None:
    """'Until the end of February' ends on the month's last day."""
    assert _rules_of(_COSTUMES, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Of course! I'll book all six of them in as your guests for Saturday.", ["overpromise"]),
        ("I'll put all three of them down as your guests.", []),
    ],
)  # fmt: skip
def test_as_before_a_noun_phrase_names_a_role_not_a_clause(
    reply: str, expected: list[str]
) -> None:
    """'I'll put all four of them down as your guests': the guests are the count's."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("I'll put them down as your guests for Friday", 1),
        ("We'll add it as a goodwill gesture", 1),
        ("I can't refund it as your order has shipped", 2),
        ("We can't move it as the office is closed", 2),
    ],
)  # fmt: skip
def test_as_splits_a_sentence_only_before_a_clause(text: str, clauses: int) -> None:
    """'as your guests' is a role; 'as your order has shipped' is a clause of cause."""
    assert len(split_segments(text)) == clauses


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A commitment made on a condition goes along with nothing (SPEC §3)...
        ("Can I bring a dog with me?",
         "Send us her vaccination card and we'll happily make room for the dog.", []),
        # ...unless the reply has said yes already.
        ("Can I bring a dog with me?",
         "Yes, we can do that! Send us her vaccination card and we'll make room for the dog.",
         ["unauthorized-promise"]),
        ("Can I bring a dog with me?", "Sure! We'll make room for the dog.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_a_conditional_commitment_to_a_request_goes_along_with_nothing(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Bring the amp in and we'll have a look and repair it' is a condition (SPEC §3)."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        ("Can I bring a dog with me?", "Sorry, we'll have to pass on this one.",
         ["unexplained-refusal"]),
        ("Can I bring a dog with me?", "I'm afraid we'd have to say no to that.",
         ["unexplained-refusal"]),
        ("Can I bring a dog with me?",
         "Our rooms are shared with guests who have allergies, so we'll have to leave that one "
         "off.", []),
    ],
)  # fmt: skip
def test_having_to_pass_on_a_request_declines_it(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'…so we'll have to leave that one off' says no; it agrees to nothing."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your voucher credit now stands at £120, with the £30 I added today.", []),
        ("The voucher credit on your account stood at £95 before this stay.", []),
        ("I've added a £90 voucher to your account.", ["overpromise"]),
    ],
)  # fmt: skip
def test_where_an_account_stands_is_a_balance(reply: str, expected: list[str]) -> None:
    """'Your credit now stands at £120': a balance, no voucher's figure."""
    assert _rules(reply) == expected


_LESSONS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Fretboard Studio", "timezone": "Europe/London"},
            "can": [
                {"id": "trial", "does": "give a first trial lesson", "terms": ["trial lesson"],
                 "costs": "£15"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        (None, "Your trial lesson is on us, sorry again for the mix-up.", ["overpromise"]),
        (None, "The trial lesson's on the house this week.", ["overpromise"]),
        ("How much is a trial lesson?", "His first trial lesson is on us!", ["overpromise"]),
        # A duty is not a price.
        (None, "It's on us to make this right, and a trial lesson is £15 as usual.", []),
        ("How much is a trial lesson?", "A trial lesson is £15.", []),
    ],
)  # fmt: skip
def test_on_us_is_a_charge_let_go(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'His first trial lesson is on us': free, for this customer, and an answer to the price."""
    assert _rules_of(_LESSONS, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I've booked your trial lesson for Friday, and I'll let you have it for £10.",
         ["overpromise"]),
        ("Your trial lesson is booked - we can do it for just £8 this week.", ["overpromise"]),
        ("I've booked your trial lesson, and I'll let you have it for £15.", []),
        # "It" is priced, not another thing named after the figure.
        ("I've booked your trial lesson, and the strings are £10 for a set.", []),
    ],
)  # fmt: skip
def test_a_price_given_to_it_is_the_price_of_what_was_named(
    reply: str, expected: list[str]
) -> None:
    """'I've put a lock aside, and I'll let you have it for $15': the lock's price."""
    assert _rules_of(_LESSONS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("The new seal won't leak again - you have my word on that.", ["absolute-guarantee"]),
        ("I give you my word your room will be quiet tonight.", ["absolute-guarantee"]),
        ("There's always a space free on Mondays, 100%, so just turn up.", ["absolute-guarantee"]),
        # Not giving one's word, and a percentage that is a share.
        ("I can't give you my word on the weather, I'm afraid.", []),
        ("Refunds are 100%, minus the booking fee.", []),
    ],
)  # fmt: skip
def test_giving_ones_word_guarantees(reply: str, expected: list[str]) -> None:
    """'They won't crack, period - you have my word on that' promises an outcome."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Inside 48 hours the stay can't be refunded, because the room is held.", []),
        ("Within 2 days of arrival we can't refund a booking, as the room is held for you.", []),
        # Not negated: a time the refund takes.
        ("Refunds are back on your card within 2 days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_no_holds_no_time_taken(reply: str, expected: list[str]) -> None:
    """'Inside 72 hours the booking can't be refunded': the time is the case, not the refund's."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Sorry, your booking is 3 days past the 48-hour free cancellation window, as the "
         "room is held for you.", []),
        ("You're 2 days outside the cancellation window, so we keep the deposit.", []),
        ("You have 3 days to cancel for free.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_how_far_past_a_window_is_no_window(reply: str, expected: list[str]) -> None:
    """'About 6 months past the 5-year warranty': a distance beyond the window, not one."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Illegal is a reason: the law is cited.
        ("Can you leave my name off the guest register?",
         "We can't leave a guest off the register - it's illegal, and the police check it.", []),
        ("Can you leave my name off the guest register?",
         "Sorry, we can't do that, as that would be unlawful.", []),
        # The kind said back is the customer's own when their word ends in it.
        ("Do you have undercover parking?", "Sorry, we can't offer covered parking.",
         ["unexplained-refusal"]),
        ("Can I return these?", "Sorry, we can't take back opened food.", []),
    ],
)  # fmt: skip
def test_the_law_and_the_kind_asked_for(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'It's illegal' gives a reason; 'covered parking' to 'undercover parking?' gives none."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("I'll book your trial lesson for £10 rather than the usual fee.", ["overpromise"]),
        ("Your trial lesson is £12 compared to £15 elsewhere.", ["policy-misstatement"]),
        ("I'll book your trial lesson for £15 rather than the £20 you were quoted.", []),
    ],
)  # fmt: skip
def test_rather_than_sets_an_amount_against_another(reply: str, expected: list[str]) -> None:
    """'I'll do her booster for £50 rather than the usual fee': £50 is the booster's price."""
    assert _rules_of(_LESSONS, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "as", "per" and "usually" name no subject: "as soon as" says nothing about a PDF.
        ("What's the fee for late checkout? And can you email my invoice as a PDF?",
         "Late checkout is $30 and we can add it as soon as you say the word.",
         ["unanswered-question"]),
        ("Can I bring my dog? And is the pool usually busy in the mornings?",
         "Yes, dogs usually stay with you at no charge.", ["unanswered-question"]),
        ("What's the fee for late checkout? And can you email my invoice as a PDF?",
         "Late checkout is $30. I've emailed your invoice as a PDF.", []),
    ],
)  # fmt: skip
def test_linking_words_and_words_of_how_often_name_no_subject(
    customer: str, reply: str, expected: list[str]
) -> None:
    """A second question is not answered by a sentence that shares only 'as' or 'usually'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "them" points back to the umbrellas, but the question asks about blue ones.
        ("Do you sell umbrellas at the front desk? And do you have them in blue?",
         "Yes, umbrellas are $12 at the front desk.", ["unanswered-question"]),
        ("Do you sell umbrellas at the front desk? And do you have them in blue?",
         "Yes, umbrellas are $12 at the front desk, and we have them in blue and black.", []),
        ("Can I keep my room if I extend? Do I need to pay for it first?",
         "Yes, you can keep your room when you extend.", ["unanswered-question"]),
        # A sentence after the answer to what "it" points to, pointing there too, is about it.
        ("Why was I charged £15 this morning? And can you refund it?",
         "That's the parking fee for last night. If it's wrong, reply with your booking "
         "reference and we'll check.", []),
        # With no words of its own, the question is about what it points back to.
        ("Can I get a refund for the spa? How long will it take?",
         "Yes, I've refunded the spa booking, and it takes 5 to 10 business days.", []),
    ],
)  # fmt: skip
def test_a_question_that_points_back_asks_about_its_own_words(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Do you have *them* in blue?' is answered by blue, not by another word for umbrellas."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "as" before a role and its price is no clause of its own: the price is committed.
        ("I'll book Sam in as your trial lesson at £10 instead of the usual rate.",
         ["overpromise"]),
        ("We'll add Maya to Thursday's group as your trial lesson for £9.", ["overpromise"]),
        ("I'll book Sam in as your trial lesson at £15.", []),
        # A clause after "as" still gives its own reason.
        ("I'll book Sam in at 4pm, as the trial lesson at £15 fills up fast.", []),
    ],
)  # fmt: skip
def test_as_a_role_with_its_price_stays_in_the_clause(reply: str, expected: list[str]) -> None:
    """'I'll add Yannis as your skipper at €160 a day': the €160 is what the writer commits to."""
    assert _rules_of(_LESSONS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What is done is done, but a relative clause's future is an undertaking.
        ("I've approved a refund that'll reach your card within 2 days.", ["overpromise"]),
        ("I've approved your refund, and there'll be money back on your card in 48 hours.",
         ["overpromise"]),
        ("I've approved a refund that'll reach your card within 10 business days.", []),
        ("I've raised a refund request, which was sent 2 days ago.", []),
    ],
)  # fmt: skip
def test_a_relative_clause_future_after_a_done_act_commits(
    reply: str, expected: list[str]
) -> None:
    """'I've dispatched a technician who'll be there within 4 hours' promises the 4 hours."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The amount right after a waiver is the fee it lets go, not another charge.
        ("As a thank-you I'll waive the £15 trial lesson fee.", ["overpromise"]),
        ("I've waived your £15 trial lesson charge, since the room was double-booked.",
         ["overpromise"]),
        # A rule said of everyone waives nothing for this customer.
        ("We waive the £15 trial lesson fee for members.", []),
        ("A trial lesson is £15, and I've booked you in.", []),
    ],
)  # fmt: skip
def test_the_fee_a_waiver_lets_go_is_its_own(reply: str, expected: list[str]) -> None:
    """'I'll waive the $99 relocation fee': the $99 is what is waived, and the waiver commits."""
    assert _rules_of(_LESSONS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An invitation after the yes is the condition of what follows it, not of the yes.
        ("Sure, I can make an exception for pets this once - just reply to confirm and I'll "
         "add it to the booking.", ["unauthorized-promise"]),
        ("Yes, you can bring your dog, just let us know which night you arrive.",
         ["unauthorized-promise"]),
        # A condition before the act still governs it, and so does an invitation before it.
        ("If it's a registered assistance dog, you can bring your dog - just send us the "
         "certificate.", []),
        ("Just send us the vet record and you can bring your dog.", []),
    ],
)  # fmt: skip
def test_an_invitation_governs_what_follows_it(reply: str, expected: list[str]) -> None:
    """'I can waive the fee this one time - just reply to confirm': the waiver is unconditional."""
    assert _rules(reply, "Can I bring my dog?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("For you, anything! I'll sort the room out now.", ["sycophancy"]),
        ("For you - anything, just say when.", ["sycophancy"]),
        ("After all these years you deserve whatever you want from us.", ["sycophancy"]),
        # Help offered, and something else done for the customer, defer to nothing.
        ("For you, anything else we can do is on the list below.", []),
        ("We've kept a table for you. Anything else, just ask.", []),
        ("You deserve a proper answer, so here it is: the room was double-booked.", []),
    ],
)  # fmt: skip
def test_for_you_anything_defers(reply: str, expected: list[str]) -> None:
    """'For you, anything!' turns 'anything for you' round, and defers as much."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An interjection before the yes leaves it a yes.
        ("Ha, totally fine! Bring your dog along.", ["unauthorized-promise"]),
        ("haha sure, pets are welcome that weekend", ["unauthorized-promise"]),
        ("Oh, of course! Pets are welcome.", ["unauthorized-promise"]),
        # Reassurance is no "no": "won't hurt", "shouldn't be a problem".
        ("Ha, totally fine! A couple of pets won't hurt, just keep them off the beds.",
         ["unauthorized-promise"]),
        ("It shouldn't be a problem to bring your dog.", ["unauthorized-promise"]),
        # A no after an interjection is still a no.
        ("Ha, I wish! We can't have pets: our rooms are shared with guests who have allergies.",
         []),
        ("Oh, sorry, pets aren't allowed because of guests' allergies.", []),
    ],
)  # fmt: skip
def test_an_interjection_and_reassurance_say_yes(reply: str, expected: list[str]) -> None:
    """'Ha, totally fine! A couple of beers won't hurt': a yes, and a reassurance that says yes."""
    assert _rules(reply, "Can I bring my dog?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Leave given in so many words: "go on then", a bare "go ahead".
        ("Go on then, see you and him on Friday!", ["unauthorized-promise"]),
        ("Ha, go on then - it's your birthday after all.", ["unauthorized-promise"]),
        ("Go ahead! See you on Friday.", ["unauthorized-promise"]),
        # "Go ahead and…", "go ahead with…" say what to do next, not yes.
        ("Go ahead and book online; sorry, pets can't stay, as guests with allergies use "
         "every room.", []),
        # An echo of the customer before the answer leaves the answer the opening.
        ("For your birthday? Of course! See you on Friday.", ["unauthorized-promise"]),
        ("Just the one night? Sure thing, see you Friday.", ["unauthorized-promise"]),
        ("For your birthday? I'm sorry, pets can't stay: guests with allergies use every room.",
         []),
    ],
)  # fmt: skip
def test_go_on_then_says_yes_after_an_echo(reply: str, expected: list[str]) -> None:
    """'Go on then' and a bare 'go ahead' agree; 'For a 40th?' before them echoes, asks nothing."""
    assert _rules(reply, "Can I bring a dog? It's my birthday.") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "I'm happy to" offers as much as "I am happy to"; so do glad, pleased, delighted.
        ("I'm happy to give you a £100 voucher for the trouble.", ["overpromise"]),
        ("We're delighted to give you a £90 voucher.", ["overpromise"]),
        ("I'd be more than happy to give you a £120 voucher.", ["overpromise"]),
        ("I'm happy to give you a £50 voucher for the trouble.", []),
        # Pleased to say is news, not an offer: a voucher already given is no promise.
        ("I'm pleased to say your £80 voucher has been sent.", []),
    ],
)  # fmt: skip
def test_glad_pleased_and_delighted_to_offer(reply: str, expected: list[str]) -> None:
    """'I'm happy to approve all three pets': an offer, whether 'am' is written out or not."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # After a dash or a colon, the window of the act the clause before names.
        ("I've extended your cancellation window - you'll have 5 days from today to decide.",
         ["overpromise"]),
        ("I've pushed back your cancellation deadline: you'll now have a week to make up "
         "your mind.", ["overpromise"]),
        ("I've noted it on your cancellation - you'll have 48 hours to decide.", []),
        # Without the mark, a window in a clause of its own is nobody's.
        ("I've extended your cancellation window, and you have 5 days to pay the balance.", []),
    ],
)  # fmt: skip
def test_a_window_after_a_dash_spells_out_the_one_before(
    reply: str, expected: list[str]
) -> None:
    """'I've extended your cancellation window - you'll have 7 days': the window extended."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The limit named before its noun, with hyphenated words between.
        ("The maximum voucher for a late check-in is £50.", ["policy-misstatement"]),
        ("Our biggest goodwill voucher on a non-refundable stay is £60.",
         ["policy-misstatement"]),
        ("The maximum voucher for a late check-in is £80.", []),
        # Not stated as a limit: one voucher given, under the limit.
        ("I've sent a £50 voucher for the late check-in.", []),
    ],
)  # fmt: skip
def test_a_limit_named_before_hyphenated_words(reply: str, expected: list[str]) -> None:
    """'our maximum discount on made-to-measure is 5%' states the limit as a rule."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A perfect in a time clause says when; the clause's own verb says what.
        ("A refund usually takes 3 days after we've received your email.",
         ["policy-misstatement"]),
        ("Once we've checked the room, a refund takes just 3 days.", ["policy-misstatement"]),
        ("A refund takes 5-10 business days after we've received your email.", []),
        # A perfect that is the clause's own act is still done.
        ("We've processed your refund, and it takes 5-10 business days to arrive.", []),
    ],
)  # fmt: skip
def test_a_perfect_in_a_time_clause_is_not_the_act_done(
    reply: str, expected: list[str]
) -> None:
    """'Estimates take one business day after we've walked the property' states a time."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "This week" is by the week's end, as "next week" is by the next one's (NOW is a
        # Tuesday: 5-10 business days cannot end this week).
        ("We'll get your refund to you this week.", ["overpromise"]),
        ("Your refund should land sometime this week.", ["overpromise"]),
        ("Your refund will reach you in 5-10 business days; the team starts on it this week.",
         []),
        # Done this week is done, not promised.
        ("We processed your refund this week.", []),
    ],
)  # fmt: skip
def test_this_week_is_a_deadline(reply: str, expected: list[str]) -> None:
    """'We can get someone out for a site visit this week' promises by the week's end."""
    assert _rules(reply) == expected


_TASTING = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Vineyard", "timezone": "Europe/London"},
            "can": [
                {"id": "tasting", "does": "host a menu tasting for a couple and their guests",
                 "terms": ["tasting"], "up_to": "4 guests"},
                {"id": "priority", "does": "upgrade a transfer to a priority run",
                 "terms": ["priority run", "priority runs"], "costs": "£195"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A count of other things between the term and a figure does not claim the term.
        ("I've booked your tasting for the two of you plus 5 guests.", ["overpromise"]),
        ("I've booked your tasting for the two of you plus 3 guests.", []),
        # A compound in "-free" is free of what its first word names.
        ("Priority runs are stress-free for nervous dogs.", []),
        ("Priority runs are hassle-free: no stops, no other animals.", []),
        ("Priority runs are fee-free this month.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_other_counts_and_free_compounds(reply: str, expected: list[str]) -> None:
    """'for the two of you plus 5 guests' gives 5 guests; 'stress-free' prices nothing."""
    assert _rules_of(_TASTING, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An outcome made sure, whatever its verb.
        ("Rest assured, we'll definitely be finished by noon.", ["absolute-guarantee"]),
        ("We'll definitely be there by 2pm.", ["absolute-guarantee"]),
        ("We'll definitely fit all six of you in the family room.", ["absolute-guarantee"]),
        # An effort or a message made sure is no outcome.
        ("I'll definitely look into the noise tonight.", []),
        ("We'll definitely be in touch about the spa.", ["vague-commitment"]),
        ("I'll definitely pass your comments on to the manager.", ["vague-commitment"]),
        # A need made sure is a requirement, not an outcome.
        ("You'll definitely need your booking reference at check-in.", []),
        ("We'll definitely need a copy of your ID before the stay.", []),
    ],
)  # fmt: skip
def test_definitely_guarantees_an_outcome_not_an_effort(reply: str, expected: list[str]) -> None:
    """'We'll definitely be finished by noon' guarantees; 'I'll definitely look into it' tries."""
    assert [r for r in _rules(reply) if r in ("absolute-guarantee", "vague-commitment")] == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "We can add up to £100" gives at most £100; "it adds up to £100" is a sum.
        ("I can add up to £100 in vouchers for the delay.", ["overpromise"]),
        ("I can add up to £60 in vouchers for the delay.", []),
        ("With dinner and parking, your bill adds up to £100.", []),
        # A phrase of what the amount turns on or ignores is no noun it describes.
        ("We cap vouchers at £50 regardless of the delay.", ["policy-misstatement"]),
        ("Vouchers go up to £50 depending on the delay.", ["policy-misstatement"]),
        ("Vouchers go up to £80 depending on the delay.", []),
    ],
)  # fmt: skip
def test_adding_up_to_a_figure_and_what_it_turns_on(reply: str, expected: list[str]) -> None:
    """'I can add up to £100' gives; 'adds up to £100' sums; '£50 regardless of…' is the cap."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Money given back as "it" is the refund of the sentence before.
        ("Your refund has been approved. We'll have it back on your card within 2 business days.",
         ["overpromise"]),
        ("Your refund has been approved. I'll get it back to you by tomorrow.", ["overpromise"]),
        ("Your refund has been approved. We'll have it back on your card within 10 business "
         "days.", []),
        # Starting the act is not finishing it.
        ("Your refund has been approved. I'll process it today.", []),
    ],
)  # fmt: skip
def test_money_given_back_as_it_is_the_act_before(reply: str, expected: list[str]) -> None:
    """'We'll have it back on your card within 2 days' times the refund named just before."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A figure that is the subject of a negated verb is denied, not stated.
        ("Refunds take 5-10 business days, so tomorrow isn't doable, I'm sorry.", []),
        ("Refunds take 5-10 business days, so Friday won't be possible.", []),
        # A figure stated, with a negation about something else after it.
        ("Refunds take 2 business days and you won't need to do anything.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_figure_denied_by_the_verb_after_it(reply: str, expected: list[str]) -> None:
    """'so Friday isn't doable' says the time can't be met; it states no time of the act."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What is conceded is not reported: "no matter what the agent says".
        ("We guarantee you'll get your full deposit back, no matter what the agent says.",
         ["absolute-guarantee"]),
        ("Our manager says vouchers are guaranteed for every delay.", []),
        # An absence made total: "100% spotless", "100% painless".
        ("Your room will be 100% spotless every single morning.", ["absolute-guarantee"]),
        ("Check-in is 100% painless with the app.", ["absolute-guarantee"]),
        # "Off limits" says no.
        ("The rooftop terrace is off limits for guests, sorry.", ["unexplained-refusal"]),
        ("The rooftop terrace is off limits, as the railings are being replaced.", []),
    ],
)  # fmt: skip
def test_conceded_words_spotless_and_off_limits(reply: str, expected: list[str]) -> None:
    """'no matter what X says' reports nothing; '100% spotless' guarantees; 'off limits' says no."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Saying it will check, in a phrase of willingness, gathers as "let me check" does.
        ("Where's my room key? And why was I charged £15 for parking?",
         "I'd be glad to check both for you. Could you send me your booking reference?", []),
        ("Where's my room key? And why was I charged £15 for parking?",
         "We'd be happy to look into that. What's your booking reference?", []),
        # A no to the act answers what it would take or cost, asked of "it"...
        ("Can you bring a dog to the spa? Also how much would it cost?",
         "Sorry, pets can't come into the spa.", ["unexplained-refusal"]),
        ("Can I bring a dog? Also how long would it take?",
         "Sorry, we can't take dogs.", ["unexplained-refusal"]),
        # ...but not a question of the thing itself.
        ("Can I bring a dog? Also do you have a room with a garden for it?",
         "Sorry, we can't take dogs.", ["unanswered-question", "unexplained-refusal"]),
    ],
)  # fmt: skip
def test_willing_to_check_gathers_and_a_no_answers_its_cost(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I'd be glad to check' gathers; 'we can't take dogs' answers 'how much would it cost?'."""
    assert sorted(_rules(reply, customer)) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A time in a clause of its own answers "how quickly", though its sentence is about
        # another question too.
        ("How quickly can you get here, and what's the call-out fee?",
         "Someone can be with you within 2 hours and the call-out fee is £79.", []),
        ("How long will I be waiting, and do you have a fax number?",
         "A porter will be down within 10 minutes, but we no longer have a fax.", []),
        ("How long till it turns up, and is there a charge?",
         "The courier will drop it off by noon tomorrow and the charge is £15.", []),
        # "How quick" asks when, as "how quickly" does.
        ("How quick is the shuttle to the station?", "The shuttle takes about 15 minutes.", []),
        # A clause about the other question gives this one nothing...
        ("Can I bring my bike inside, and how long is the spa open?",
         "You can bring your bike inside until 9pm.", ["unanswered-question"]),
        # ...and nor does a piece of a list, which opens with its figure.
        ("Are you open over Easter, and when does the pool reopen?",
         "Yes, we're open on 4, 5 and 6 April as usual.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_time_in_a_clause_of_its_own_answers_when(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'…within 20 minutes and the call-out is £15' answers 'how quickly?' in its first clause."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # What the customer can do or will have follows from the case asked about.
        ("What if our flight is delayed and we miss check-in?",
         "You can collect your key from the night porter at any hour.", []),
        ("What happens if my plans change?",
         "You'll be able to move the dates free of charge up to a week before.", []),
        ("What if the room isn't what we expected?", "You're covered by our stay promise.", []),
        # ...and so does what the business will do.
        ("What if the heating breaks down overnight?",
         "We'll move you to another room straight away.", []),
        # A sentence that says nothing of what follows leaves it unanswered.
        ("What if it snows on the day we arrive?", "Thanks for booking with us!",
         ["unanswered-question"]),
        ("What if it snows on the day we arrive?", "The hotel is 2 miles from the station.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_follows_answers_what_if(customer: str, reply: str, expected: list[str]) -> None:
    """'What if my plans change?' - 'you'll be able to move the dates' says what follows."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A sum asked "why" of, given with the sums that make it up, is explained.
        ("Why is my bill £245 when the room was £180?",
         "The £245 is the £180 room, plus £50 for dinner and £15 for parking.", []),
        ("Why was I charged $96?",
         "Your $96 covers two nights at $40 and a $16 city tax.", []),
        # The sum with only one other beside it is not a breakdown.
        ("Why was I charged $96?", "I can see the $96 charge and a $20 credit.",
         ["unanswered-question"]),
        # "Anything off" asks for a discount, which "10% off" answers.
        ("Do returning guests get anything off?", "I can take 10% off your next stay.", []),
        ("Is there something off for students?", "Students get 10% off with a valid card.",
         []),
    ],
)  # fmt: skip
def test_a_breakdown_answers_why_and_a_share_off_answers_anything_off(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'£245 is the £180 room plus £50 and £15' explains the £245; '10% off' is 'anything off'."""
    assert _rules(reply, customer) == expected


_CALL_OUTS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Quay Locks & Leaks", "timezone": "Europe/London"},
            "can": [
                {"id": "lockout", "does": "send a locksmith to a lockout",
                 "terms": ["locked out", "lockout"], "takes": "1-2 hours"},
                {"id": "leak", "does": "send a plumber to a burst pipe",
                 "terms": ["burst pipe", "pipe has burst"], "takes": "2-4 hours"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Asking for haste asks when: the time promised is the act's the message names.
        ("Locked out of my flat and it's pouring, please hurry!",
         "Someone will be with you in 30 minutes.", ["overpromise"]),
        ("Our pipe has burst and the kitchen is flooding, it's urgent!",
         "A plumber will be there within the hour.", ["overpromise"]),
        ("I'm locked out with the baby inside, come as soon as possible.",
         "We'll have someone at your door in 20 minutes.", ["overpromise"]),
        # Without haste asked for, a time with no act named is no act's.
        ("Locked out of my flat and it's pouring.",
         "Someone will be with you in 30 minutes.", []),
        # An honest time, or a message's time, is not too soon.
        ("Locked out of my flat and it's pouring, please hurry!",
         "Someone will be with you within 2 hours.", []),
        ("Locked out of my flat and it's pouring, please hurry!",
         "I'll call you back in 5 minutes to confirm.", []),
    ],
)  # fmt: skip
def test_asking_for_haste_asks_when(customer: str, reply: str, expected: list[str]) -> None:
    """'Locked out, please hurry!' - 'someone will be with you in 30 minutes' times the call-out."""
    assert _rules_of(_CALL_OUTS, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Lengthening "it" gives the window of the act just named, in its sentence or the one
        # before.
        ("Free cancellation is normally 48 hours, but I'll extend it to 72 hours for you.",
         ["overpromise"]),
        ("Our cancellation window is 48 hours. I'll stretch it to 5 days since you're a regular.",
         ["overpromise"]),
        ("Cancellation is free for 48 hours, but I can push that out to a week this time.",
         ["overpromise"]),
        # ...and the policy's own window, so given, is honest.
        ("Your free cancellation has lapsed, but I'll extend it to 48 hours from today.", []),
    ],
)  # fmt: skip
def test_extending_it_gives_the_window_of_the_act_named(reply: str, expected: list[str]) -> None:
    """'Our cancellation is 48 hours, but I'll extend it to 72 hours' gives a 72-hour window."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A hedge after "is" leaves the figure a window, checked like any statement (SPEC §3).
        ("Free cancellation is normally 24 hours.", ["policy-misstatement"]),
        ("Our cancellation window is usually 72 hours.", ["policy-misstatement"]),
        ("Cancellation is generally free for the first 24 hours.", ["policy-misstatement"]),
        ("Free cancellation is normally 48 hours.", []),
        # ...and a time taken, hedged, is still the time the act takes.
        ("Refunds are usually 2 business days.", ["policy-misstatement"]),
        ("Refunds normally take 5-10 business days.", []),
    ],
)  # fmt: skip
def test_a_hedged_window_after_is_is_checked(reply: str, expected: list[str]) -> None:
    """'Free cancellation is normally 24 hours' states a 24-hour window."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A range of days in one month promises its last day, as "5-10 business days" does.
        ("Your refund will reach you around December 9-15.", []),
        ("Your refund will reach you on December 14 or 15.", []),
        ("Your refund should land December 10 to 15th.", []),
        ("Your refund will reach you December 3 to 5.", ["overpromise"]),
        ("Your refund will reach you by December 9.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_range_of_days_is_held_to_its_last_day(reply: str, expected: list[str]) -> None:
    """'Your refund will reach you December 9-15' promises no sooner than the 15th."""
    assert _rules(reply) == expected


_INSTALLER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Brightline Alarms", "timezone": "America/Chicago"},
            "can": [
                {"id": "install", "does": "install an alarm after the order",
                 "terms": ["install", "installation"], "takes": "5-7 business days"},
                {"id": "cancel", "does": "cancel the contract without a fee, from installation",
                 "terms": ["cancel", "cancellation", "cooling-off", "trial period"],
                 "within": "30 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The act after a window's noun is the event it counts from, not another reading.
        ("You have a 14-day cooling-off period after installation.", ["policy-misstatement"]),
        ("There's a 14-day cancellation window from installation.", ["policy-misstatement"]),
        ("You get a 14-day trial period following installation, during which you can cancel.",
         ["policy-misstatement"]),
        ("You have a 30-day cooling-off period after installation.", []),
    ],
)  # fmt: skip
def test_a_window_counted_from_an_act_is_not_that_acts_time(
    reply: str, expected: list[str]
) -> None:
    """'A 14-day cooling-off period after installation' is the cancel window, from installation."""
    assert _rules_of(_INSTALLER, reply) == expected


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # A count's noun may follow two describing words joined by "or", "and" or "/".
        ("I can add 6 door/window sensors for you.", None, ["overpromise"]),
        ("New customers get up to two free door or window sensors.", None,
         ["policy-misstatement"]),
        ("We'll fit 5 free door and window sensors with the kit.", None, ["overpromise"]),
        ("I can add 3 door/window sensors for you.", None, []),
    ],
)  # fmt: skip
def test_a_count_after_joined_describing_words(
    reply: str, customer: str | None, expected: list[str]
) -> None:
    """'6 door/window sensors' counts sensors."""
    checker = honestcs.ReplyChecker(
        honestcs.Policy.from_dict(
            {
                "policy": {"name": "Brightline Alarms", "timezone": "America/Chicago"},
                "can": [
                    {
                        "id": "sensors",
                        "does": "add free sensors to a new package",
                        "terms": ["sensors", "sensor"],
                        "up_to": "3 sensors",
                    }
                ],
            }
        )
    )
    assert _rules_of(checker, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A sentence that offers something else gives no reason for the no after it, though
        # it holds a dash.
        ("Can I book parking tonight, and can I bring my dog?",
         "We can hold a parking space for you - it's £15 a night. Unfortunately we can't "
         "allow pets, sorry!", ["unexplained-refusal"]),
        ("Can I book parking tonight, and can I bring my dog?",
         "Parking is £15 a night. Our rooms are shared with guests who have allergies, so "
         "sorry, we can't allow pets.", []),
        # Declining help with the customer's own thing names no kind of request.
        ("Could you look after my dog while we're at dinner?",
         "Sorry, we can't help with your dog.", ["unexplained-refusal"]),
        ("Could you look after my dog while we're at dinner?",
         "Sorry, we can't help with the dog, I'm afraid.", ["unexplained-refusal"]),
        ("Could you look after my dog while we're at dinner?",
         "Sorry, we can't help with pet sitting here.", []),
    ],
)  # fmt: skip
def test_an_offer_before_a_no_and_help_with_the_customers_thing(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'We can hold a space - it's £15. We can't allow pets' gives no reason for the no."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    "reply",
    [
        # Staff named by their job call or write too, in the present as in the future: the
        # time is the message's, not the survey's.
        "I've rebooked your site survey for Tuesday, March 24 at 8am, and added a note so the "
        "tech calls you when he's 30 minutes out.",
        "I've moved your survey to March 25, and the surveyor texts you when he's 20 minutes away.",
        "I've booked your site visit for March 26, and our installer phones you 15 minutes ahead.",
    ],
)
def test_staff_named_by_their_job_time_a_message(reply: str) -> None:
    """'…so the tech calls you when he's 30 minutes out' times the call, not the survey."""
    checker = honestcs.ReplyChecker(
        honestcs.Policy.from_dict(
            {
                "policy": {"name": "Sunny Solar", "timezone": "America/Denver"},
                "can": [
                    {
                        "id": "survey",
                        "does": "visit for a site survey",
                        "terms": ["site visit", "survey", "site survey"],
                        "takes": "5-10 business days",
                    }
                ],
            }
        )
    )
    now = datetime(2026, 3, 9, 9, tzinfo=ZoneInfo("America/Denver"))
    assert [f.rule for f in checker.check(reply, now=now).findings] == []


_COLLECTIONS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Heritage Garment Care", "timezone": "Europe/London"},
            "prohibited": [
                {"id": "no-ticket", "terms": ["without the ticket", "without a ticket"],
                 "because": "Garments could go to the wrong person."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A condition after the act in its own clause makes the sentence conditional (SPEC
        # §3), after a yes as much as without one.
        ("That's fine - you can collect without the ticket as long as you bring photo ID.", []),
        ("No problem, your partner can pick it up without the ticket so long as she brings "
         "your card.", []),
        ("Sure thing, we can release it without a ticket provided you sign for it.", []),
        # A yes with no condition goes along.
        ("Sure, you can collect without the ticket, no problem.", ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_a_condition_after_the_act_in_its_clause(reply: str, expected: list[str]) -> None:
    """'…without the ticket as long as you bring photo ID' is conditional."""
    customer = "I've lost my ticket. Can I still collect my suit?"
    now = datetime(2026, 3, 9, 9, tzinfo=ZoneInfo("Europe/London"))
    report = _COLLECTIONS.check(reply, customer_message=customer, now=now)
    assert sorted({f.rule for f in report.findings}) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Time lost or added by something is no act's own time.
        ("Refunds take 5-10 business days, and the bank holiday costs us a day.", []),
        ("Refunds take 5-10 business days; the strike lost us two days this week.", []),
        ("Your refund will take 10 business days, as the audit adds 2 days.", []),
        # A figure judged too soon is denied, not stated.
        ("Refunds take 5-10 business days, so Friday is unfortunately too soon.", []),
        ("Refunds take 5-10 business days, so 3 days would be too tight.", []),
        ("Refunds take 5-10 business days, so Friday is doable.", ["policy-misstatement"]),
        # "100%" before what a thing is made of is its make-up, no guarantee.
        ("Yes, 100% cotton sheets can go on a hot wash.", []),
        ("Yes, 100% wool blankets are fine to dry clean.", []),
        ("Yes, 100%, your refund will arrive Friday.", ["absolute-guarantee", "overpromise"]),
    ],
)  # fmt: skip
def test_time_lost_a_day_too_soon_and_a_make_up(reply: str, expected: list[str]) -> None:
    """'The holiday costs us a day' and 'Friday is too soon' give no act a time."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A window in an "if" after the act's clause is the act's window.
        ("Cancellation is free if you let us know within 72 hours.", ["policy-misstatement"]),
        ("We offer free cancellation as long as you tell us within 5 days.",
         ["policy-misstatement"]),
        ("You can cancel at no charge provided you do it within 3 days of booking.",
         ["policy-misstatement"]),
        ("Cancellation is free if you let us know within 48 hours.", []),
    ],
)  # fmt: skip
def test_a_window_in_an_if_after_the_act(reply: str, expected: list[str]) -> None:
    """'Cancellation is free if you let us know within 72 hours' states a 72-hour window."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A booking that "is set for" a day gives no reason for the no before it.
        ("Sorry, we can't allow pets. Your booking is set for Friday though!",
         ["unexplained-refusal"]),
        ("Unfortunately we can't take pets. Your parking is set up for both nights.",
         ["unexplained-refusal"]),
        # A rule "set" by someone, or "set in" the terms, is one.
        ("Sorry, we can't allow pets: the rule is set by our landlord.", []),
        ("Sorry, we can't allow pets, as that is set in our lease.", []),
    ],
)  # fmt: skip
def test_a_booking_set_for_a_day_is_no_reason(reply: str, expected: list[str]) -> None:
    """'Your room is set for Friday' gives no reason; 'the rule is set by our landlord' does."""
    assert _rules(reply, "Can I bring my dog?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A "never" before "no matter what" is the claim's own, not a denied guarantee.
        ("This carpet will never stain no matter what the dogs do.", ["absolute-guarantee"]),
        ("Your booking won't be lost no matter what happens to the system.",
         ["absolute-guarantee"]),
        ("The boiler will never let you down no matter what.", ["absolute-guarantee"]),
        # A denied promise before it is a hedge.
        ("I can't promise it won't stain no matter what the dogs do.", []),
        ("We can't guarantee it will never fade no matter what.", []),
    ],
)  # fmt: skip
def test_a_negated_claim_made_unconditional(reply: str, expected: list[str]) -> None:
    """'It will never stain no matter what' guarantees; a denied promise before it hedges."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A day given to compare with ("well before Christmas") is no honest time beside the
        # promise, which is checked.
        ("Your refund will be with you by the end of this week, well before Christmas.",
         ["overpromise"]),
        ("Your refund will reach you by Friday, long before Christmas.", ["overpromise"]),
        ("Your refund will be back by Thursday, well ahead of New Year.", ["overpromise"]),
        ("Your refund will reach you by December 16, well before Christmas.", []),
    ],
)  # fmt: skip
def test_a_day_to_compare_with_is_no_honest_time(reply: str, expected: list[str]) -> None:
    """'By Friday, well before Christmas' promises Friday; Christmas is only compared with."""
    assert _rules(reply) == expected


_TILERS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Coastline Tile", "timezone": "America/Los_Angeles"},
            "can": [
                {"id": "install-start", "does": "start the install once the deposit is paid",
                 "terms": ["start the job", "begin the install", "start tiling"],
                 "takes": "2-3 weeks"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # When the act is a start, the time of the start is the act's.
        ("We can start the job next Monday.", ["overpromise"]),
        ("Our fitters will begin the install on Friday.", ["overpromise"]),
        ("We can start the job on December 28.", []),
        # An offer's verb joined to another with the subject shared still offers.
        ("We've got a gap in the diary and can start the job on Monday.", ["overpromise"]),
        ("I've checked the rota and could start tiling this Friday.", ["overpromise"]),
        ("We've got a gap in the diary and can start the job on December 28.", []),
    ],
)  # fmt: skip
def test_a_start_that_is_the_act_and_an_offer_after_and(reply: str, expected: list[str]) -> None:
    """'We've got a gap and can start the job on Monday' offers the start, too soon."""
    now = datetime(2026, 12, 2, 9, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert sorted({f.rule for f in _TILERS.check(reply, now=now).findings}) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Not something our staff can do" says no, as "not something we can do" does.
        ("Sorry, that's not something our porters can do.", ["unexplained-refusal"]),
        ("I'm afraid a dog in the room isn't something our housekeepers are able to allow.",
         ["unexplained-refusal"]),
        ("Pet sitting isn't a service our team can offer, sorry.", ["unexplained-refusal"]),
        ("Sorry, that's not something our porters can do, as the rooms are shared with guests "
         "who have allergies.", []),
    ],
)  # fmt: skip
def test_not_something_our_staff_can_do(reply: str, expected: list[str]) -> None:
    """'That's not something our techs can do' declines, with the staff as subject."""
    assert _rules(reply, "Can you look after my dog while we're out?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A term of address after an amount is no noun it describes.
        ("Parking is only £10 mate.", ["policy-misstatement"]),
        ("Parking is just £12 love, pay at the desk.", ["policy-misstatement"]),
        ("Parking's £10 buddy!", ["policy-misstatement"]),
        ("Parking's £15 mate.", []),
    ],
)  # fmt: skip
def test_a_term_of_address_after_an_amount(reply: str, expected: list[str]) -> None:
    """'Parking is only £10 mate' prices parking; 'mate' is whom it is said to."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A failure of the past, regretted, says no to no request.
        ("I'm sorry we couldn't repair the heater. I've issued your refund today.", []),
        ("So sorry we couldn't save your booking! I've started your refund.", []),
        ("I'm sorry that we couldn't fix it in time. I've added a note to your booking.", []),
        # Set off by a comma, or after the no, the regret word declines.
        ("Sorry, we couldn't take a dog in the room.", ["unexplained-refusal"]),
        ("We couldn't move your room, sorry.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_past_failure_regretted_is_no_refusal(reply: str, expected: list[str]) -> None:
    """'I'm sorry we couldn't fix the heating in time' reports what happened."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "'s" before an adverb and a figure is "is": the term names the act, not an owner.
        ("Parking's only £10.", ["policy-misstatement"]),
        ("Parking's usually £10 a night.", ["policy-misstatement"]),
        ("Parking's about £12 if you book ahead.", ["policy-misstatement"]),
        ("Parking's only £15.", []),
    ],
)  # fmt: skip
def test_a_terms_s_before_an_adverb_is_is(reply: str, expected: list[str]) -> None:
    """'Parking's only £10' says parking is £10."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The time given right after "extend <the thing>" is the thing's new length.
        ("I've extended your cancellation window, so you'll have 5 days to decide.",
         ["overpromise"]),
        ("We've lengthened the cancellation period for you so you'll now have a week.",
         ["overpromise"]),
        ("Happy to stretch the free cancellation for you, so you'll have 72 hours to think.",
         ["overpromise"]),
        ("I've extended your cancellation window, so you'll have 48 hours to decide.", []),
        # Not lengthened: the time is the customer's for something else.
        ("I've noted your cancellation, so you'll have 5 days to collect your bags.", []),
    ],
)  # fmt: skip
def test_the_time_given_after_lengthening_a_thing(reply: str, expected: list[str]) -> None:
    """'I've extended your X, so you'll have N' gives X a length of N."""
    assert _rules(reply) == expected


_SHOP = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Clearview Optics", "timezone": "Europe/London"},
            "can": [
                {"id": "returns", "does": "take back unworn glasses for a refund",
                 "terms": ["return", "send it back"], "within": "30 days"},
                {"id": "delivery", "does": "deliver glasses", "terms": ["delivery"],
                 "takes": "3-5 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "from <event>" after a window the customer has names when it starts.
        ("I've extended your return window so you'll have 60 days from delivery.",
         ["overpromise"]),
        ("Good news: I've extended your return window so you'll have 45 days after delivery.",
         ["overpromise"]),
        ("You'll have 30 days from delivery to send it back.", []),
        ("I've extended your return window so you'll have 30 days from the day of delivery.", []),
    ],
)  # fmt: skip
def test_the_event_a_customers_window_is_counted_from(reply: str, expected: list[str]) -> None:
    """'You'll have 60 days from delivery': delivery starts the window, and is no act of it."""
    assert _rules_of(_SHOP, reply) == expected


_PRINT_SHOP = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Quire Print", "timezone": "Europe/London"},
            "can": [
                {"id": "proof", "does": "email a proof for approval", "terms": ["proof"],
                 "takes": "1 business day"},
                {"id": "production", "does": "print an approved order",
                 "terms": ["printed", "production"], "takes": "3-5 business days"},
                {"id": "rush", "does": "print an approved order as a rush job",
                 "terms": ["rush job", "rush order"], "takes": "1 business day"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Signing, like booking or paying, is the customer's act: its day times nothing of ours.
        ("Sign off the proof today and we'll get it printed.", []),
        ("Just sign off the proof today, please.", []),
        # A time counted from an event may be the time of the act named before it, as well as
        # the nearer one: "rush jobs are printed" names the rush job too.
        ("Rush jobs are printed within 1 business day of approval.", []),
        ("Rush orders are printed within 1 business day of proof approval.", []),
        ("Orders are printed within 1 business day of approval.", ["policy-misstatement"]),
        # ...but never of the event it counts from.
        ("Production takes 3-4 business days after you approve the proof.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_the_customers_signing_and_an_act_named_before_a_counted_time(
    reply: str, expected: list[str]
) -> None:
    """'Sign off the proof today' is the customer's day; 'rush jobs are printed within…'."""
    assert _rules_of(_PRINT_SHOP, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "At 3 days" opening its clause is how old the case is, no window.
        ("So at 3 days it's past the cancellation window.", []),
        ("At four days you're outside the free cancellation window, I'm afraid.", []),
        ("Free cancellation is 3 days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_at_a_length_of_time_is_the_age_of_the_case(reply: str, expected: list[str]) -> None:
    """'…, so at 5 weeks these fall outside the window' says how long ago, not a window."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A clock time, a meal time, an event the act happens during, or the day of the job
        # itself are time frames a customer can hold the business to.
        ("I'll ring you at 2pm to confirm.", []),
        ("I'll call you at lunchtime.", []),
        ("We'll text you photos during your stay.", []),
        ("We'll sort the payment out on the day.", []),
        ("We'll sort the payment out.", ["vague-commitment"]),
        # "On the night" of something past names no time for what is promised.
        ("We'll look into what happened on the night.", ["vague-commitment"]),
        ("We'll text you photos during the day.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_time_of_day_or_an_event_is_a_time_frame(reply: str, expected: list[str]) -> None:
    """'I'll ring them at 2pm', 'we'll text you photos during the groom': held to a time."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Staff named by a job that holds a term still write or call: the time is the call's.
        ("A cancellation adviser will call you within 3 days to go through it.", []),
        ("Our cancellations desk will email you within 3 days.", []),
        ("You can cancel within 3 days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_term_in_the_name_of_who_calls_is_no_act(reply: str, expected: list[str]) -> None:
    """'A claims adjuster will call you within 2 business days' times the call."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Plenty of time before <day>" sets the time given against another day.
        ("Refunds take 5-10 business days, so plenty of time before Monday.", []),
        ("Your refund takes 5-10 business days, which leaves loads of time before Friday.", []),
        ("Your refund will be with you before Monday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_plenty_of_time_before_a_day_compares(reply: str, expected: list[str]) -> None:
    """'…, so plenty of time before Thursday': Thursday is no time for the act."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A why with hardly a word of its own asks about what was just said; a cause answers.
        ("The wifi in my room keeps dropping, any idea why?",
         "There's maintenance on the router on your floor today, which is the likely cause.", []),
        ("The heating keeps clicking off at night. Any idea why?",
         "The boiler was serviced on Monday and the timer was reset, which is probably the "
         "culprit - I've asked maintenance to fix it.", []),
        ("My key card stopped working, any idea why?",
         "That's usually caused by a phone sitting next to it.", []),
        ("My key card stopped working, any idea why?",
         "Sorry about that! Pop down to reception and we'll make you a new one.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_cause_answers_a_bare_why(customer: str, reply: str, expected: list[str]) -> None:
    """A cause answers a why with no words of its own: 'Any idea why?' - 'the likely cause'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Whether something comes by a day is answered by the day it will come.
        ("Will it all be sorted before my birthday on the 20th?",
         "Everything will be ready by Friday 11 December.", []),
        ("Will it all be sorted before my birthday on the 20th?",
         "Sorry about the trouble with your stay.", ["unanswered-question"]),
        # ...not by a length of time, which may time something else.
        ("Will it all be sorted before my birthday on the 20th?",
         "I've refunded the spa, and that takes 5-10 business days.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_day_answers_whether_it_comes_by_a_day(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Will my number come across before New Year?' - 'the port completes by 29 December'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # After a sentence about the first question, "And no, …" answers the next one.
        ("The gym is on the first floor, open 6am to 10pm. And nope, housekeeping lets "
         "themselves in.", []),
        ("The gym is on the first floor, open 6am to 10pm. And no, they let themselves in.", []),
        ("The gym is on the first floor, open 6am to 10pm.", ["unanswered-question"]),
        ("The gym is on the first floor. Also, no need to bring towels.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_and_yes_or_no_goes_on_to_the_next_question(reply: str, expected: list[str]) -> None:
    """'…self-contained. And nope, you don't need to be there.' answers the second question."""
    customer = "Is there a gym? Also, does someone need to stay in the room for housekeeping?"
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A day named again in other words after a comma is one day, judged once.
        ("Your gift box will be with you by Thursday 24 December, Christmas Eve.",
         ["overpromise"]),
        ("Your gift box will be with you by Thursday 24 December - Christmas Eve.",
         ["overpromise"]),
        # Another day after the comma is judged on its own.
        ("Your gift box will be with you by Monday 21 December, or Christmas Eve at the latest.",
         ["overpromise", "policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_day_named_again_is_judged_once(reply: str, expected: list[str]) -> None:
    """'By Thursday, Christmas Eve': the appositive names the same day."""
    policy = {
        **POLICY,
        "can": [
            *POLICY["can"],
            {"id": "gift-box", "does": "make a bespoke gift box", "terms": ["gift box"],
             "takes": "20 business days"},
        ],
    }  # fmt: skip
    assert _rules_of(honestcs.ReplyChecker(honestcs.Policy.from_dict(policy)), reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Every 5 days" says how often, never how long a window is.
        ("We send a reminder about free cancellation every 5 days.", []),
        ("Free cancellation is 48 hours, as long as you confirm with us every 3 days.", []),
        ("Free cancellation is 5 days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_every_so_often_is_no_window(reply: str, expected: list[str]) -> None:
    """'…as long as you get a maintenance wash every 6 months': a period of a repeat."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A thing as the subject of a past verb, as news is written, dates what happened.
        ("Refund processed today! It'll be with you within 10 business days.", []),
        ("Refund processed today.", []),
        # ...not a promise, nor a rule with a noun and its participle.
        ("Your refund will be processed today.", ["overpromise"]),
        ("Refunds processed today reach you tomorrow.", ["policy-misstatement"]),
        ("Free cancellation applied within 5 days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_thing_that_was_done_dates_what_happened(reply: str, expected: list[str]) -> None:
    """'Refund processed today!' reports what was done today, as 'Your order shipped today'."""
    assert _rules(reply) == expected


_EXPIRED_ID = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            **POLICY,
            "prohibited": [
                {"id": "expired-id", "terms": ["passport has expired", "expired passport"],
                 "because": "The law requires valid ID at check-in."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "goes_along"),
    [
        # The cause that runs into a no names the forbidden thing as the case, not as done.
        ("I'm afraid your passport has expired, so I can't check you in tonight.", False),
        ("Your passport has expired, so unfortunately we can't check you in.", False),
        ("Your passport has expired, but I'll check you in anyway.", True),
    ],
)
def test_a_forbidden_thing_in_the_cause_of_a_no_is_not_gone_along_with(
    reply: str, goes_along: bool
) -> None:
    """'Your prescription has expired, so I can't send this refill' says no."""
    customer = "My passport expired last month, can I still check in tonight?"
    report = _EXPIRED_ID.check(reply, customer_message=customer, now=NOW)
    assert ("prohibited-compliance" in {f.rule for f in report.findings}) is goes_along


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Declining to over-promise, and what could not be kept, refuse nothing asked.
        ("It's usually quicker, but I'd rather not promise a date I can't keep. It takes 5-10 "
         "business days.", []),
        ("I don't want to promise something we can't deliver: refunds take 5-10 business days.",
         []),
        ("I won't promise a date I can't keep, but refunds take 5-10 business days.", []),
        ("Sorry, I can't refund it.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_declining_to_over_promise_is_a_hedge(reply: str, expected: list[str]) -> None:
    """'I'd rather not promise a date I can't keep' is a hedge, no refusal."""
    assert _rules(reply, "When will my refund land?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A window given to the customer, then a case and what they can do in it: the
        # window is that act's.
        ("I'll give you 5 days to think it over, and if it's not right, you can cancel for "
         "free.", ["overpromise"]),
        ("You'll have 5 days to decide, and if you change your mind, then you can cancel at no "
         "cost.", ["overpromise"]),
        ("I'll give you 48 hours to think it over, and if it's not right, you can cancel for "
         "free.", []),
        ("You'll have 5 days to settle in, and if you need anything, just call reception.", []),
    ],
)  # fmt: skip
def test_a_window_given_before_a_case_and_what_the_customer_can_do(
    reply: str, expected: list[str]
) -> None:
    """'I'll give you 30 days to decide, and if it isn't for you, you can cancel' gives 30 days."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "They're a no-go" says no, as "that's a no" does.
        ("Can we have sparklers on the terrace?",
         "Sparklers are lovely, but they're a no-go here, sorry.", ["unexplained-refusal"]),
        ("Can we have sparklers on the terrace?",
         "Sparklers are lovely, but they're a no-go here, sorry - the terrace is wooden and "
         "the fire code bans open flames.", []),
        # A no put kindly answers the request.
        ("Can we keep the DJ going until midnight?",
         "I'd love to say yes, but quiet hours start at 10pm here, so music has to stop then.",
         []),
        ("Can we keep the DJ going until midnight?",
         "I wish I could say yes, but quiet hours start at 10pm here, so music has to stop "
         "then.", []),
        # A rule that settles it is an answer too (benefit of the doubt); thanks are not.
        ("Can we keep the DJ going until midnight?", "Quiet hours start at 10pm here.", []),
        ("Can we keep the DJ going until midnight?", "Thanks for choosing us for your party!",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_other_words_for_no(customer: str, reply: str, expected: list[str]) -> None:
    """'They're a no-go' and 'I'd love to say yes, but…' say no."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A sentence about the question that puts its answer off takes it up: a vague time...
        ("When will the invoice for my stay come through?",
         "Our accounts team will send the invoice over shortly.", ["vague-commitment"]),
        ("When will the invoice for my stay come through?",
         "We'll email the invoice soon!", ["vague-commitment"]),
        # ...or coming back with the news.
        ("When will the broken lift be fixed?",
         "The lift is on our list and we'll update you.", ["vague-commitment"]),
        ("Why was my card charged twice?",
         "I can see both charges. Our billing team will investigate and we'll follow up.",
         ["vague-commitment"]),
        # Doing the act with no word of when does not answer "how long".
        ("How long does the refund for the spa take?",
         "No problem, we'll sort the refund for you.",
         ["unanswered-question", "vague-commitment"]),
        # A sentence about something else defers nothing of the question.
        ("When will the broken lift be fixed?",
         "Sorry about the noise last night. We'll update you about the pool soon.",
         ["unanswered-question", "vague-commitment"]),
    ],
)  # fmt: skip
def test_putting_the_answer_off_addresses_the_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'When will the statement come?' - 'we'll send it soon': vague, not unanswered."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # After "there", in a question or an "if", "anything you want" asks what is wanted.
        ("Is there anything you'd like to go over before the service?", []),
        ("If there's anything you need for the room, just let me know.", []),
        ("Let me know if there is anything you would like us to change.", []),
        # Free-choice "anything" still defers to the customer.
        ("Anything you need for the room, we'll make it happen.", ["sycophancy"]),
        ("There's nothing we won't do: anything you want is yours.", ["sycophancy"]),
    ],
)  # fmt: skip
def test_asking_whether_there_is_anything_defers_to_no_one(
    reply: str, expected: list[str]
) -> None:
    """'Is there anything you'd like to go over?' asks; 'anything you want' offers all."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "the next few minutes" counts as many as "a few minutes": a time frame.
        ("I'll text you a link to the booking page in the next few minutes.", []),
        ("We'll email the invoice within the next few days.", []),
        ("Our manager will call you over the following few days.", []),
        # No count at all is still no time frame.
        ("I'll text you a link to the booking page in the next while.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_the_next_few_is_a_time_frame(reply: str, expected: list[str]) -> None:
    """'I'll text you a link in the next few minutes' can be held to a time."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Out of" a motive gives the reason for the no.
        ("Sorry, we don't bring a dog into the spa out of respect for them.", []),
        ("We can't bring a dog to the restaurant out of courtesy to the chef.", []),
        ("Out of concern for the animal, we don't let guests bring a dog on the hike.", []),
        ("Out of an abundance of caution, we don't let guests bring a dog to the pool.", []),
        # Running out of something is no motive.
        ("We're out of dog beds, sorry, we can't let you bring a dog.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_out_of_a_motive_is_a_reason(reply: str, expected: list[str]) -> None:
    """'We don't copy another artist's work out of respect for them' says why."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A discount called by its name states the rule: its figure must be the policy's.
        ("The loyalty discount is 10% off your stay.", ["policy-misstatement"]),
        ("Yes - the returning-guest discount is 5% for pensioners.", ["policy-misstatement"]),
        ("The loyalty discount is 15% off your stay.", []),
        # A discount given to this customer is no rule.
        ("I've applied a 10% discount to your stay.", []),
        ("The discount on this booking comes to 10%.", []),
    ],
)  # fmt: skip
def test_a_discount_called_by_its_name_states_the_rule(
    reply: str, expected: list[str]
) -> None:
    """'The sibling discount is $50 off' states the rule; the policy allows up to $75."""
    assert _rules_of(_DISCOUNT_CHECKER, reply) == expected


_DISCOUNT_CHECKER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Lakeview Inn", "timezone": "Europe/London"},
            "can": [
                {"id": "loyalty-discount", "does": "discount a returning guest's stay",
                 "terms": ["discount", "% off"], "up_to": "15%"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A greeting before "that's…" does not hide what the sentence says.
        ("Why was I charged an extra £2.50 on my order?",
         "Hi Jess, that's our booking fee, charged once per order.", []),
        ("Can I get the spa refunded and some sort of credit?",
         "Hi Claire, that's awful. The customer is always right, so consider it done.",
         ["sycophancy"]),
        # A greeting before something else answers nothing.
        ("Why was I charged an extra £2.50 on my order?",
         "Hi Jess, sorry about the noise last night.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_greeting_before_what_the_sentence_says(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Hi Jess, that's our booking fee' says what the £2.50 is."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What is left of a sum is no voucher given.
        ("I've added a £50 voucher, together with the £90 left over from your last stay.", []),
        ("I've added a £50 voucher; you have £100 left on the earlier one.", []),
        # Worked out from other figures, a figure is arithmetic, not the price.
        ("Parking is £15 a night, so three nights works out to £45.", []),
        ("For your three nights the parking works out to £10 a night.", []),
        # The voucher given is still the voucher's.
        ("I've added a £90 voucher to your account.", ["overpromise"]),
        ("Parking is £12 a night.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_what_is_left_or_worked_out_is_no_clause_figure(
    reply: str, expected: list[str]
) -> None:
    """'The $40 left over from your last order', 'it works out to $59 a lesson'."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A no that says nothing of its own answers every part of one question.
        ("Who booked the room before me and what did they pay?",
         "I'm sorry, I can't share that.", ["unexplained-refusal"]),
        # A no in a clause of its own answers the part it is about, though its sentence
        # answers the other part too.
        ("My son's 17 - can he do the vineyard tour with me and have a taste?",
         "He's very welcome on the tour, but we can't serve him any wine, as it's against the "
         "law.", []),
        # A no about one part, in its own words, leaves the other part open.
        ("Can you bring a dog to my room, and what's the parking price this week?",
         "We don't allow a dog in the rooms, sorry! Reception is open 7-7.",
         ["unanswered-question", "unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_no_about_one_part_leaves_the_other_open(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'We don't do fuel delivery, sorry!' does not answer 'what's the diesel price?'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A question typed without its "?": "whats the…", "where's my…", after "also".
        ("Can you bring a dog to my room? also whats the parking price this week",
         "We don't allow a dog in the rooms, sorry! Reception is open 7-7.",
         ["unanswered-question", "unexplained-refusal"]),
        ("whats ur parking price", "Sorry about the noise last night.", ["unanswered-question"]),
        ("whats ur parking price", "Parking is £15 a night.", []),
        # "What's the wait like?" asks how long, and a time answers it.
        ("whats the wait like for a refund right now",
         "at the moment refunds are taking about 10 business days", []),
        # A statement is no question.
        ("whatever, the room was fine", "Glad to hear it!", []),
    ],
)  # fmt: skip
def test_a_question_typed_without_its_question_mark(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'also whats the diesel price this week' asks, with or without its '?'."""
    assert _rules(reply, customer) == expected


_KIDS_CHECKER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Bounce Around", "timezone": "Europe/London"},
            "can": [
                {"id": "party-room", "does": "seat children in the party room",
                 "terms": ["party room"], "up_to": "30 children"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Kids" counts what a limit of children counts.
        ("I've booked the party room for all 36 kids.", ["overpromise"]),
        ("I've booked the party room for all 36 children.", ["overpromise"]),
        ("I've booked the party room for 25 kids.", []),
        # Adults are not the children the limit counts.
        ("I've booked the party room for 36 adults.", []),
    ],
)  # fmt: skip
def test_kids_are_children(reply: str, expected: list[str]) -> None:
    """'All 36 kids' in a room for up to 30 children is over the limit."""
    assert _rules_of(_KIDS_CHECKER, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An act being done for this customer as the reply is written commits to its figure.
        ("I'm applying a £90 voucher to your account.", ["overpromise"]),
        ("We're adding a £90 voucher to your next stay.", ["overpromise"]),
        ("I'm giving you a £90 voucher for the trouble.", ["overpromise"]),
        # Said to everyone, it states the rule; a call is no voucher.
        ("We're offering a £90 voucher to every guest this month.", ["policy-misstatement"]),
        ("I'm giving you a call tomorrow at 10am about the voucher.", []),
    ],
)  # fmt: skip
def test_an_act_in_progress_for_the_customer_commits(reply: str, expected: list[str]) -> None:
    """'I'm applying a 25% loyalty discount to your monitoring' gives the 25%."""
    assert _rules(reply) == expected


_SWEEP_POLICY: dict[str, Any] = {
    "policy": {"name": "Bramble Sweeps", "timezone": "Europe/London"},
    "can": [
        {"id": "sweep", "does": "sweep a chimney", "terms": ["sweep"], "costs": "£75"},
        {"id": "goodwill", "does": "take money off a job when we let the customer down",
         "terms": ["goodwill"], "up_to": "£20"},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("policy", "reply", "expected"),
    [
        # A sum taken off a price is no price: it comes under the one cap on a sum off.
        (_SWEEP_POLICY, "I've taken £10 off today's sweep for the trouble.", []),
        (_SWEEP_POLICY, "I'll knock £30 off your next sweep.", ["overpromise"]),
        # With no cap on a sum off, which limit it comes under is not known.
        ({**_SWEEP_POLICY, "can": _SWEEP_POLICY["can"][:1]},
         "I've taken £10 off today's sweep for the trouble.", []),
        # The price itself is still the price.
        (_SWEEP_POLICY, "I'll do today's sweep for £60.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_sum_taken_off_is_no_price(
    policy: dict[str, Any], reply: str, expected: list[str]
) -> None:
    """'I've taken £10 off today's sweep' lowers the £75 price; it does not state it."""
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(policy))
    assert _rules_of(checker, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "Next business day" before a preposition is a time, not "a next-day <thing>".
        ("What's the timeframe for a refund?",
         "Refunds go out next business day across all card types.", ["policy-misstatement"]),
        ("What's the timeframe for a refund?",
         "Refunds go out next business day.", ["policy-misstatement"]),
        # Before a noun it names a kind of thing, and gives no time.
        ("What's the timeframe for a refund?",
         "Sorry about the next day pass mix-up.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_next_business_day_before_a_preposition_is_a_time(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Standard delivery is next business day across the metro area' gives a time."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "The same day" is no longer than a working day: shorter than 5-10 business days.
        ("Refunds usually go out the same day.", ["policy-misstatement"]),
        ("Refunds go out the same day we get your claim form.", ["policy-misstatement"]),
        ("Refunds go out the same day as your checkout.", ["policy-misstatement"]),
        ("I'll refund you the same day.", ["overpromise"]),
        # A commitment timed by an event still to come holds no time from now.
        ("We'll email you the same day your refund arrives.", []),
        ("I'll refund it the same day we get the room keys back.", []),
        # Before a noun it names a kind of thing; "on the same day" names a day; a day gone
        # by times nothing to come.
        ("Same-day refund requests go to the top of the queue.", []),
        ("We can process both refunds on the same day.", []),
        ("Your refund was issued the same day.", []),
        # After a day named in its sentence, "the same day" is that day.
        ("Your keys come back to us by Friday, and we'll send the refund the same day.", []),
        ("The engineer visits on Friday, then we'll approve the refund the same day.", []),
    ],
)  # fmt: skip
def test_the_same_day_is_a_time(reply: str, expected: list[str]) -> None:
    """'Receipts usually go out the same day' states a time shorter than a working day."""
    assert _rules(reply) == expected


_DISCOUNT_POLICY: dict[str, Any] = {
    "policy": {"name": "Harbour Marina", "timezone": "Europe/London"},
    "can": [
        {"id": "discount", "does": "discount a berth for a returning customer",
         "terms": ["discount", "% off", "reduction"], "up_to": "15%"},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What every one of a kind of customer gets is a rule, and must be the policy's figure.
        ("Club members get 10% off every berth.", ["policy-misstatement"]),
        ("Returning boat owners receive a 10% reduction on visitor berths.",
         ["policy-misstatement"]),
        ("Our loyalty discount is a flat 5% for anyone renewing.", ["policy-misstatement"]),
        ("Our winter special is 10% off visitor berths.", ["policy-misstatement"]),
        ("Our loyalty scheme gives 10% off every renewal.", ["policy-misstatement"]),
        ("Club members get 15% off every berth.", []),
        # Beside the policy's own figure, a smaller one is a tier below it.
        ("Club members get 10% off, and for a full season I can take that up to 15%.", []),
        # Giving less than the limit to this customer is no statement of the rule.
        ("I've taken 10% off your berth this time.", []),
    ],
)  # fmt: skip
def test_what_a_kind_of_customer_gets_states_the_limit(
    reply: str, expected: list[str]
) -> None:
    """'Kettle Club members get 10% off' states the discount as 10% when it is up to 15%."""
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(_DISCOUNT_POLICY))
    assert _rules_of(checker, reply) == expected


_WARRANTY_POLICY: dict[str, Any] = {
    "policy": {"name": "Oakfield Furniture", "timezone": "Europe/London"},
    "can": [
        {"id": "returns", "does": "accept returns of unused furniture",
         "terms": ["return", "returns"], "within": "30 days"},
        {"id": "warranty", "does": "repair frames that fail through a fault",
         "terms": ["warranty", "repair"], "within": "12 months"},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # How old the case is, set against the limit, is no statement of the limit.
        ("Three weeks is within our 30-day return window, so that's fine.", []),
        ("Eight months is well inside the 12-month warranty, so we'll repair it.", []),
        ("Six weeks puts you outside the return window, I'm afraid, as it's 30 days.", []),
        ("Two weeks is still within the return period.", []),
        # The limit itself, said wrongly, is still a misstatement.
        ("Our return window is 60 days.", ["policy-misstatement"]),
        ("Returns are accepted within 60 days, so three weeks is well within it.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_the_age_of_a_case_is_no_window(reply: str, expected: list[str]) -> None:
    """'Three weeks is within our 30-day window' measures the case; 30 days is the window."""
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(_WARRANTY_POLICY))
    assert _rules_of(checker, reply) == expected


_RECORDS_POLICY: dict[str, Any] = {
    "policy": {"name": "Northgate Pest Services", "timezone": "Europe/London"},
    "can": [
        {"id": "report", "does": "send a written service report", "terms": ["report"],
         "takes": "1 business day"},
    ],
    "prohibited": [
        {"id": "omit-activity", "terms": ["leave it off the report", "leave it out"],
         "because": "Reports record all pest activity for the inspector."},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Naming the duty the request would break says no to it, whatever follows.
        ("We're required to record every sighting, so the droppings stay on the report. "
         "The report will also note that the area was cleaned.", []),
        ("I'm afraid we're legally obliged to log all activity. The report will say the "
         "area was cleaned the same day.", []),
        ("The law requires us to keep every sighting on file. Your report will show the "
         "gap has been sealed.", []),
        # With no word of duty or refusal, doing it is going along.
        ("Sure thing. The report will just say the area was cleaned.", ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_a_duty_named_says_no_to_a_request_to_skip_it(
    reply: str, expected: list[str]
) -> None:
    """'We're required to record every sighting': a no to 'can you leave it off the report?'."""
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(_RECORDS_POLICY))
    customer = "Your tech found droppings in the store room. Can you leave it off the report?"
    assert _rules_of(checker, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A cause after a colon or dash may be made of hyphenated words.
        ("Unfortunately we can't refund the fee: the 14-day cooling-off period ended on 3 March.",
         []),
        ("Sorry, we can't cancel that stay - non-refundable rates are paid up-front.", []),
        ("I'm afraid we can't cancel it: the pre-paid rate was chosen at check-out.", []),
        # With no cause, the no is still unexplained.
        ("Unfortunately we can't refund the fee.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_cause_after_a_colon_may_have_hyphenated_words(
    reply: str, expected: list[str]
) -> None:
    """': the 14-day cooling-off period ended on 3 March' gives the reason for the no."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("There's nothing we can do to bring a dog, sorry.", ["unexplained-refusal"]),
        ("I wish I could, but there is really nothing more I can do to bring pets in.",
         ["unexplained-refusal"]),
        # A no of that form is not going along with what it names.
        ("Our rooms are shared with guests who have allergies, so there's nothing we can do "
         "to let you bring your dog.", []),
        # What the customer need not do is no refusal.
        ("There's nothing you need to do before check-in.", []),
    ],
)  # fmt: skip
def test_nothing_we_can_do_is_a_no(reply: str, expected: list[str]) -> None:
    """'There's nothing we can do to speed them up' says no, like 'we can't speed them up'."""
    assert _rules(reply) == expected


_TAX_POLICY: dict[str, Any] = {
    "policy": {"name": "Ledgerwise Tax", "timezone": "Europe/London"},
    "can": [
        {"id": "return", "does": "prepare a tax return", "terms": ["tax return"],
         "takes": "5 business days"},
    ],
    "prohibited": [
        {"id": "omit-income", "terms": ["leave * off * return", "leave it off", "don't declare"],
         "because": "Leaving income off a return is tax fraud."},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A yes to "do I have to…?" confirms the duty; it agrees to nothing after it.
        ("Do I have to declare my tips? They're cash.",
         "Yes, they do need to be declared. All income counts, and leaving it off would make "
         "your return false.", []),
        ("Do we need to declare the rental income from the flat?",
         "Yep. Every pound of it. Leaving it off could cost you a penalty later.", []),
        # A yes to a request agrees to what follows.
        ("Can you leave it off? It's only £900 of tips.",
         "Sure! I'll leave it off this year's return.", ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_a_yes_to_do_i_have_to_confirms_a_duty(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Do I have to report it?' - 'Yes, it does need to be reported': no going along."""
    checker = honestcs.ReplyChecker(honestcs.Policy.from_dict(_TAX_POLICY))
    assert _rules_of(checker, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Told when something comes about: a condition, not a vague promise.
        ("We don't do group rates. I'll let you know if anything changes.",
         ["unexplained-refusal"]),
        ("Nothing's booked yet; we'll let you know if that ever changes.", []),
        ("I'll tell you if the parts turn up early.", []),
        # Telling whether something is so is no condition: the promise has no time.
        ("I'll let you know whether it's in stock.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_telling_when_something_comes_about_is_conditional(
    reply: str, expected: list[str]
) -> None:
    """'I'll let you know if anything changes' promises news only when there is some."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Coming back with the answer by a time takes up the one thing asked.
        ("Have you got any koi in this week?",
         "Our delivery came this morning. I'll check with the fish room and message you back "
         "within the hour.", []),
        ("Is the blue sofa still available?",
         "Let me ask the warehouse - I'll call you back by 4pm today.", []),
        # With no time, a step of its own still takes it up (the promise is vague); coming
        # back with nothing named leaves it open.
        ("Is the blue sofa still available?",
         "I'll ask the warehouse and call you back.", ["vague-commitment"]),
        ("Is the blue sofa still available?",
         "We'll look into it and call you back.", ["unanswered-question", "vague-commitment"]),
        # A day named before the coming back is not when the answer comes.
        ("Is the show suitable for a 10-year-old?",
         "I'll check the 19th and come back to you.", ["unanswered-question", "vague-commitment"]),
    ],
)  # fmt: skip
def test_coming_back_by_a_time_answers_the_only_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I'll check and message you back within the hour' takes up the question asked."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An event of things already in view is a time frame: "when both are ready".
        ("We'll text you when both are ready for pickup.", []),
        ("I'll call you as soon as all three are back from the workshop.", []),
        ("We'll email you once everything is packed.", []),
        # "When something breaks" is any case, no event to come.
        ("We'll look into it when something comes up.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_an_event_of_things_in_view_is_a_time_frame(reply: str, expected: list[str]) -> None:
    """'We'll text you when both are ready' is tied to an event (SPEC §3, time frames)."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A point inside a word (a web address, a price) does not end the imperative's
        # sentence: the promise after "and" depends on the customer.
        ("Fill out the form at hillside.example/claims and we'll email you a prepaid label.", []),
        ("Pay the £4.95 fee online and we'll send you the parking pass.", []),
        # With no imperative, the promise stands alone.
        ("We'll email you a prepaid label.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_an_imperative_with_a_web_address_is_still_a_condition(
    reply: str, expected: list[str]
) -> None:
    """'Fill out the form at x.example/mail-in and we'll email you a label' is conditional."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Confirming or checking the thing may be what the time is of (benefit of the doubt).
        ("I'll confirm the refund within one business day.", []),
        ("We'll check your refund within the hour and text you.", []),
        # The act itself, or the act after a check, keeps its time.
        ("I'll refund it within one business day.", ["overpromise"]),
        ("I'll check and refund it within one business day.", ["overpromise"]),
    ],
)  # fmt: skip
def test_confirming_a_thing_may_be_what_is_timed(reply: str, expected: list[str]) -> None:
    """'We'll confirm your re-clean date within 1 business day' times the confirming."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "And how much?", "What's the cost?" ask the price of the act asked before; saying
        # no to the act answers them.
        ("Can we bring our dog? And how much?",
         "Sorry, we can't take pets: our rooms are shared with guests who have allergies.", []),
        ("Could I bring my dog along? What's the cost?",
         "I'm afraid pets can't come, as our rooms are shared with guests with allergies.", []),
        ("Can I reserve a parking space, and what's the charge?",
         "Yes, I've noted a space for you; it's £15 a night.", []),
        # A price question about a thing of its own stays to be answered.
        ("Can we bring our dog? What's the parking cost?",
         "Sorry, we can't take pets: our rooms are shared with guests who have allergies.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_bare_price_question_asks_about_the_act_before(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Can you fit a towbar? And how much?': the how-much is the towbar's."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What an adjustment leaves is a sum, not the voucher given.
        ("I can add an £80 voucher, which brings it to £240 for the stay.", []),
        ("With the £50 voucher that brings your total down to £310.", []),
        ("I've applied a £60 voucher, bringing the price to £420.", []),
        # The voucher itself is still checked.
        ("I can add a £120 voucher, which brings it to £200.", ["overpromise"]),
    ],
)  # fmt: skip
def test_what_an_adjustment_brings_it_to_is_a_sum(reply: str, expected: list[str]) -> None:
    """'$500 off the sticker, which brings it to $27,490': the $27,490 is a total."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The message asks one thing, and the reply says something of its own about the case:
        # that is its answer, in whatever words (SPEC §3, benefit of the doubt).
        ("My daughter turns 5 next month, can she join the Saturday swim class?",
         "Once she's five she's very welcome, and there's room in that group.", []),
        ("The lift on the third floor has been broken since Sunday. Are you fixing it?",
         "An engineer is booked for Thursday morning.", []),
        ("Is the rooftop terrace open to visitors who aren't staying?",
         "The terrace is kept for hotel guests, as our licence covers residents only.", []),
        # Courtesies, sympathy and a later act with no time say nothing of their own.
        ("Can my brother use my spa pass while I'm away?",
         "Thanks so much for staying with us! Have a wonderful trip.", ["unanswered-question"]),
        ("Are you fixing the showers?",
         "So sorry about that. We'll look into it.", ["unanswered-question", "vague-commitment"]),
        # A message that asks more than the one question: the reply must answer it.
        ("I'd like a table for six tonight. Is there a lift to the restaurant?",
         "Lovely, I've booked your table for six at 7pm.", ["unanswered-question"]),
        ("Our bath is leaking. Also, can we check out late?",
         "Sorry about the bath, a plumber is on the way up now.", ["unanswered-question"]),
        ("How much is the spa, and can I bring a friend along?",
         "Spa entry is £20 a person.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_reply_that_speaks_to_the_one_thing_asked_answers_it(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Bean is 12 weeks, can she come?' - 'once she's 16 weeks she's welcome' answers it."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A conjunction before the yes or no goes on to the next question.
        ("What time does breakfast start? And is there a gym?",
         "Breakfast starts at 7am. And yes, the fitness suite on the first floor is open all "
         "day.", []),
        ("Is breakfast included? Do you have a gym?",
         "Yes, breakfast is included. And no, we don't have a fitness suite.", []),
        # Without the yes, the gym is still not named; "oh no" is dismay, not a no.
        ("What time does breakfast start? And is there a gym?",
         "Breakfast starts at 7am. The fitness suite on the first floor is open all day.",
         ["unanswered-question"]),
        ("My key card stopped working. Also, is there a gym?",
         "Oh no, sorry about the card! Reception will make you a new one.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_and_yes_goes_on_to_the_next_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'…at 7am. And yes, the fitness suite is open all day' answers 'and is there a gym?'."""
    assert _rules(reply, customer) == expected


_MEMBERSHIP_CHECKER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Northgate Leisure", "timezone": "Europe/London"},
            "can": [
                {"id": "cancel", "does": "cancel a monthly membership", "terms": ["cancel"],
                 "takes": "30 days"},
                {"id": "compensation", "does": "pay compensation for a closed pool",
                 "terms": ["compensation claim"], "takes": "10 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A clause that names a charge or payment of its own times that, not the act before.
        ("If you cancel today, your access runs for 30 days, which means you'll see one more "
         "charge on 5 December.", []),
        ("I'll cancel it now, and the final payment will go out on Friday.", []),
        # ...unless the act before is the payment, or the money word says it's free.
        ("I've submitted your compensation claim, and the payment will reach your account "
         "within 3 business days.", ["overpromise"]),
        ("I'll cancel it now, at no charge, and it'll be done by Friday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_clause_that_names_its_own_payment_times_that(
    reply: str, expected: list[str]
) -> None:
    """'…if you cancel today, which means you'll see one more charge on 5 December'."""
    assert _rules_of(_MEMBERSHIP_CHECKER, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An act the writer says is happening right now, with any verb, is done for the
        # customer: a commitment, so a figure over the limit is an over-promise.
        ("I'm popping a £100 voucher on your account right now.", ["overpromise"]),
        ("We're sorting out a £100 voucher for you right now.", ["overpromise"]),
        # Without "right now", an unlisted verb stays a statement; looking into it does
        # nothing yet.
        ("We're offering £100 vouchers to every guest this winter.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_an_act_happening_right_now_is_done_for_the_customer(
    reply: str, expected: list[str]
) -> None:
    """'I'm popping a £20 voucher on your account right now' gives the voucher."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time counted from an event ("… after your cancellation is confirmed") is the time
        # of the act before it; the event's own term starts it and is not what it measures.
        ("Refunds go back to your card 5-10 business days after your cancellation is "
         "confirmed.", []),
        ("Refunds go back to your card 2 business days after your cancellation is confirmed.",
         ["policy-misstatement"]),
        # A past event dated from another is history, not a time the act takes.
        ("Your refund went out on Tuesday, two days after your cancellation.", []),
    ],
)  # fmt: skip
def test_the_event_a_time_counts_from_is_not_what_it_measures(
    reply: str, expected: list[str]
) -> None:
    """'Refunds go back 5-10 business days after your return reaches us' times the refund."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Questions numbered in a list are read past their numbers, and a numbered reply
        # answers each by its number.
        ("Hi, 3 questions: 1) is the spa open late? 2) can we book a table for six? 3) is "
         "breakfast served in the room?",
         "Hello!\n\n1) Until 9pm.\n2) Done, 7pm tonight.\n3) It is, from 7am.\n\nBest, Ana",
         []),
        ("Hi, 3 questions: 1) is the spa open late? 2) can we book a table for six? 3) is "
         "breakfast served in the room?",
         "Hello!\n\n1) Until 9pm.\n2) Done, 7pm tonight.\n\nBest, Ana",
         ["unanswered-question"]),
        # A "no" to a numbered question of fact answers it, and declines nothing.
        ("1. Is parking included in the room rate? 2. Can we check in at noon?",
         "1. No, parking is charged separately at the desk.\n2. Yes, noon is fine.", []),
    ],
)  # fmt: skip
def test_numbered_questions_and_numbered_answers(
    customer: str, reply: str, expected: list[str]
) -> None:
    """A numbered reply ('1) Yes… 2) It's $69.') answers numbered questions by number."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A no said again in general words ("can't help with this one") after a no with its
        # reason has that reason too.
        ("Sadly we can't take pets, as our rooms are shared with guests who have allergies. "
         "The kennels in town are lovely. Sorry we can't help with this one!", []),
        # Alone, it gives none; and a new act refused after an explained no needs its own.
        ("Sorry we can't help with this one!", ["unexplained-refusal"]),
        ("Sadly we can't take pets, as our rooms are shared with guests who have allergies. "
         "The kennels in town are lovely. We can't change your room either.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_no_said_again_shares_the_reason_before(reply: str, expected: list[str]) -> None:
    """'Sorry I can't help with this one!' after a no with its reason shares that reason."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A noun whose light stem is a word of no subject ("note" and "not", "fare" and
        # "far", "theme" and "them") is still the subject of its question.
        ("Is breakfast included? And can you put a note in the room for my wife?",
         "Breakfast is included, from 7am. We'd love to leave a note on the pillow for her.",
         []),
        ("Is breakfast included? And can you put a note in the room for my wife?",
         "Breakfast is included, from 7am.", ["unanswered-question"]),
        ("Do you have a pool? Also, can I swap my fare?",
         "We do, it's heated. Saver fares are fixed once booked, sorry.", []),
        ("Do you have a pool? Also, do you do theme nights?",
         "We do, it's heated. Our themes change every season.", []),
    ],
)  # fmt: skip
def test_a_noun_that_stems_like_a_function_word_is_a_subject(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Can you include a note?' is about a note, though its stem is that of 'not'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A preposition ends the head noun: "the charge for next day delivery" asks a price.
        ("What's the charge for next day parking?", "Next day parking is £15.", []),
        ("What's the charge for next day parking?",
         "Next day parking can be booked at the desk.", ["unanswered-question"]),
        # A period or a window with nothing after it but what it is of asks a length of time.
        ("What's the cancellation period, and do I need to call the front desk?",
         "You have 48 hours from booking to change your mind. Just email us, there's no need "
         "to call the desk.",
         []),
        ("What's the cancellation period, and do I need to call the front desk?",
         "Just email us, there's no need to call the desk.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_kind_of_answer_a_what_question_asks(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'What's the charge for next day X?' asks a price; 'what's the X period?' a time."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Right away" beside a condition that names an event counts from that event, whose
        # day is not known: it gives no time from now.
        ("If the bank clears it early, you'll have the refund right away.", []),
        ("Your refund will reach you immediately once the bank releases it.", []),
        ("We'll send the refund straight away when the card issuer confirms the reversal.",
         []),
        # A condition the customer meets now leaves the time counted from now.
        ("If you confirm today, you'll have the refund right away.", ["overpromise"]),
        ("You'll have the refund right away.", ["overpromise"]),
    ],
)  # fmt: skip
def test_right_away_after_an_event_counts_from_that_event(
    reply: str, expected: list[str]
) -> None:
    """'If it clears early, you'll have the refund right away' gives no time from now."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What a sum is set against ("instead of", "rather than", "down from") is that sum as
        # it was: a sum too, not a voucher's figure.
        ("I've added a £20 voucher, so your total comes to £100 instead of £120.", []),
        ("With the £20 voucher your balance is now £95, down from £115.", []),
        # A voucher over its cap is still one.
        ("I've added a £120 voucher instead of £20.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_sum_set_against_a_sum_is_a_sum(reply: str, expected: list[str]) -> None:
    """'Your total comes to £100 instead of £120': the £120 is a total, not a voucher."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # After "that's", "no" and its word judge what happened; they decline nothing.
        ("That's no good, sorry about the noisy room! I've moved you to a quieter one.", []),
        ("Oh, that's no fun, sorry the pool was closed. It reopens on Friday.", []),
        # What there is none of, with regret, is still a no.
        ("No late checkout, sorry.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_thats_no_good_is_sympathy_not_a_no(reply: str, expected: list[str]) -> None:
    """'That's no good, sorry about the leak!' judges what happened and declines nothing."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A dash or colon that ends a "no" still opens the explanation after it.
        ("Sorry, no — parking passes are sold at the desk only, and the desk shut at 10pm.",
         []),
        ("Afraid not \u2013 the pool is closed for repairs until Friday.", []),
        # What follows says no again, or asks something, and explains nothing.
        ("Sorry, no — we don't do that.", ["unexplained-refusal"]),
        ("Sorry, no — just send me the booking number and I'll look.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_dash_after_a_no_opens_its_explanation(reply: str, expected: list[str]) -> None:
    """A dash after a no ("Sorry, no — returns end at 30 days") opens its explanation."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "How do I know if…?" asks whether it happened: what the reply says of it answers.
        ("I sent the booking form last night. How do I know if it went through?",
         "We've got it, and your confirmation email will follow within 2 working days.", []),
        ("How can we tell whether the deposit has cleared?",
         "It cleared this morning, you're all set.", []),
        ("I sent the booking form last night. How do I know if it went through?",
         "Thanks so much for getting in touch!", ["unanswered-question"]),
        # "How do I…?" still asks for steps.
        ("How do I add a guest to my booking?", "Thanks for choosing us!",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_how_do_i_know_if_asks_whether(customer: str, reply: str, expected: list[str]) -> None:
    """'How do I know if it went through?' is answered by 'We've got it'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "How many … in it?" asks of the thing named before: a number in a sentence about
        # that thing answers it.
        ("How long is the garden tour, and how many stops are in it?",
         "The garden tour runs about 90 minutes and takes in 6 of our favourite beds.", []),
        ("How long is the garden tour, and how many stops are in it?",
         "The garden tour runs about 90 minutes.", ["unanswered-question"]),
        # Saying no to the act answers whether it costs anything.
        ("Can you post my lost scarf to me? And do you charge for that?",
         "Sorry, we don't post lost property.", ["unexplained-refusal"]),
        ("Can you post my lost scarf to me? And do you charge for that?",
         "Yes, we can post it!", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_question_of_it_is_answered_about_what_it_points_to(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How many stops are in it?' and 'do you charge for that?' ask of the thing before."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The one thing asked, taken up by a step of its own, is addressed; the missing time
        # is vague-commitment's.
        ("I left a scarf in room 12 on Sunday. Did housekeeping find it?",
         "I'll check with the housekeeping team and let you know.", ["vague-commitment"]),
        ("Is the rooftop bar open on Christmas Eve?",
         "Good question! I'll ask our events manager and get back to you.",
         ["vague-commitment"]),
        # Coming back later with nothing named leaves it open.
        ("I left a scarf in room 12 on Sunday. Did housekeeping find it?",
         "Thanks for your patience! We'll look into it and get back to you.",
         ["unanswered-question", "vague-commitment"]),
    ],
)  # fmt: skip
def test_a_named_step_to_find_out_addresses_the_one_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I'll check with the weekend staff and let you know' takes up 'did anyone find it?'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # No possessive takes an article or "not": "'s" before one is "is".
        ("Parking's a flat £10 a night.", ["policy-misstatement"]),
        ("Parking's just £10 a night.", ["policy-misstatement"]),
        ("Parking's a flat £15 a night.", []),
    ],
)  # fmt: skip
def test_s_before_an_article_is_is(reply: str, expected: list[str]) -> None:
    """'Parking's a flat £10 a night' says parking is £10."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # An aside in brackets is one piece of its clause, commas and all.
        ("Our parking pass (car, van, or bike) is £10.",
         ["Our parking pass (car, van, or bike) is £10"]),
        ("The family room (two doubles, a cot, a sofa bed) sleeps 6, and breakfast is included.",
         ["The family room (two doubles, a cot, a sofa bed) sleeps 6", "breakfast is included"]),
        # Outside brackets, a comma still ends a clause.
        ("Parking is £10, and breakfast is included.", ["Parking is £10", "breakfast is included"]),
    ],
)  # fmt: skip
def test_an_aside_in_brackets_is_one_piece(text: str, pieces: list[str]) -> None:
    """'The pass (car, van, or bike) is £10' is one clause, not three."""
    assert [text[a:b] for a, b in split_segments(text)] == pieces


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("- Parking (car, van or motorbike): £10 a night", ["policy-misstatement"]),
        ("Our parking (car, van or motorbike) is £15 a night.", []),
    ],
)  # fmt: skip
def test_a_price_after_an_aside_is_the_price_of_what_it_follows(
    reply: str, expected: list[str]
) -> None:
    """'Parking (car, van or motorbike): £10' prices parking."""
    assert _rules(reply) == expected


_CALLS_WITH_RESULTS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Riverside Clinic", "timezone": "Europe/London"},
            "can": [
                {"id": "results", "does": "phone the patient with their test results",
                 "terms": ["test results"], "takes": "3-5 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A clause whose act opens with a verb of calling is a message: the call's time is
        # the act's.
        ("I'll ring you tomorrow with the test results.", ["overpromise"]),
        ("We'll phone you with your test results by Wednesday.", ["overpromise"]),
        ("I'll ring you with the test results within 5 business days.", []),
        # A call about them may be no more than news of where they are.
        ("I'll ring you tomorrow about the test results.", []),
    ],
)  # fmt: skip
def test_a_clause_of_calling_is_timed_by_the_call(reply: str, expected: list[str]) -> None:
    """'Phone the patient with the results': 'I'll ring you tomorrow with them' times it."""
    assert _rules_of(_CALLS_WITH_RESULTS, reply) == expected


_EXPRESS_PRINTS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Lantern Prints", "timezone": "Europe/London"},
            "can": [
                {"id": "print-order", "does": "produce and post a print order",
                 "terms": ["prints"], "takes": "7-10 business days"},
                {"id": "express", "does": "move an order to the front of the queue",
                 "terms": ["express printing"], "costs": "£20"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A term inside a longer term of another service is part of that service's name.
        ("Express printing is £20 and usually ships within 3 business days.", []),
        ("If you're in a hurry, express printing gets them out within 2 business days.", []),
        # On its own it still names its act.
        ("Printing usually ships within 3 business days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_term_inside_another_services_name_is_that_service(
    reply: str, expected: list[str]
) -> None:
    """'Express printing ships within 3 days' times the express service, not a print order."""
    assert _rules_of(_EXPRESS_PRINTS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # After a condition naming an act with a window, a range or a passive verb times
        # what follows, and gives no window for the act.
        ("Once you cancel, the money is returned within 5-10 business days.", []),
        ("Once you cancel, the money is sent back to your card within 5 business days.", []),
        # A window the customer has is still one.
        ("If you'd like to cancel, you have 72 hours.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_range_or_a_passive_after_a_condition_is_no_window(
    reply: str, expected: list[str]
) -> None:
    """'Once you cancel, the money is returned within 5-10 days' gives no time to cancel in."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Unlikely" says it probably won't, as "not" does: no day promised or stated.
        ("I'm afraid your refund is unlikely to reach you before Friday.", []),
        ("It's unlikely the refund will land before the weekend, sorry.", []),
        ("Your refund should reach you before Friday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_unlikely_negates_its_clause(reply: str, expected: list[str]) -> None:
    """'It's unlikely to reach you before Friday' promises no Friday."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A thing and the state it will be in, joined on to "have" or "get", is what the
        # business will have done: a promise, like the clause it joins.
        ("We'll have your booking cancelled and the refund back on your card by Friday.",
         ["overpromise"]),
        ("I'll get the paperwork sorted and your refund processed by tomorrow.", ["overpromise"]),
        ("We'll have the booking cancelled and the refund back on your card within 10 "
         "business days.", []),
        # Said of how things stand, it states.
        ("Refunds are usually back on your card by Friday.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_state_joined_on_to_have_is_promised(reply: str, expected: list[str]) -> None:
    """'We'll have the clutch fitted and the car ready by 5' promises the car by 5."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Not a job / repair / treatment we (will) do or take on" is a no, like "not a
        # service we offer".
        ("Sorry, that's not a job we take on.", ["unexplained-refusal"]),
        ("I'm afraid that's not a repair we'll carry out. Good luck with it!",
         ["unexplained-refusal"]),
        ("That's not a job we take on, as our insurance doesn't cover roof work.", []),
        # What the act would be, pointed back to, is why.
        ("Sharing another guest's room number would be a breach of their privacy, and that's "
         "not something we'll do.", []),
    ],
)  # fmt: skip
def test_not_a_job_we_take_on_is_a_no(reply: str, expected: list[str]) -> None:
    """'That's not a job we take on' declines, and needs its reason."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # An act the reply says was done today starts its time today, however long the
        # customer waited before it.
        ("I cancelled three weeks ago and I'm still waiting for my refund!",
         "Sorry, it was held up on our side. Your refund was processed today, so you'll have "
         "it within 3 business days.", ["overpromise"]),
        # Without that, the wait counts: the act began when the customer asked.
        ("I cancelled three weeks ago and I'm still waiting for my refund!",
         "Sorry for the wait! You'll have the refund within 3 business days.", []),
    ],
)  # fmt: skip
def test_an_act_done_today_starts_its_time_today(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Your refund was processed today' counts its time from today, not from the wait."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # Items of a list of bare nouns run on to its last: one clause.
        ("We do a parking pass for cars, vans and bikes at £10 a night.",
         ["We do a parking pass for cars, vans and bikes at £10 a night"]),
        # A clause's subject after a comma, or the items of a priced list, still break.
        ("Once you cancel, your deposit and any fees are refunded.",
         ["Once you cancel", "your deposit and any fees are refunded"]),
        ("Parking £15, breakfast and dinner £40.", ["Parking £15", "breakfast and dinner £40"]),
    ],
)  # fmt: skip
def test_the_items_of_a_list_are_one_clause(text: str, pieces: list[str]) -> None:
    """'A pack with covers, sheets and towels for €15' is one clause, not two."""
    assert [text[a:b] for a, b in split_segments(text)] == pieces


def test_a_price_after_a_list_of_what_it_includes_is_its_price() -> None:
    """'Parking for cars, vans and bikes at £10' prices parking (it costs £15)."""
    assert _rules("We do parking for cars, vans and bikes at £10 a night.") == [
        "policy-misstatement"
    ]
    assert _rules("We do parking for cars, vans and bikes at £15 a night.") == []


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Security" the guard is no ground for declining; "for security reasons" is.
        ("Yes, you can bring your dog, I'll let the night security know you're coming.",
         ["unauthorized-promise"]),
        ("Yes, you can bring your dog, and security will show you to the lift.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_the_security_guard_declines_nothing(reply: str, expected: list[str]) -> None:
    """'I'll let the night security know' is no word of declining."""
    assert _rules(reply) == expected


def test_security_as_a_ground_still_declines() -> None:
    """'For security reasons' and 'security policy' are words of declining."""
    assert is_declining("For security reasons we can't give out room numbers.")
    assert is_declining("Our security policy doesn't allow it.")
    assert not is_declining("I'll let the night security know you're coming.")


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "So" after a commitment opens what it comes to, in any subject or a bare figure.
        ("I've added a goodwill voucher to your account, so the full £120 is yours to spend.",
         ["overpromise"]),
        ("I've started your refund, so 2 days and it's back.", ["overpromise"]),
        # With no commitment before it, "so" concludes a statement of the rule.
        ("Our vouchers go up to £120, so the most you'd get is £120.", ["policy-misstatement"]),
        ("Vouchers are capped, so the most is £120.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_so_after_a_commitment_says_what_it_comes_to(reply: str, expected: list[str]) -> None:
    """'I've added a voucher, so the full £120 is yours' gives £120; it states no rule."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A floor on the notice the customer gives times nothing the business does.
        ("We refund a cancelled stay when you give at least 24 hours' notice.", []),
        # Notice stated as the act's lead time, with no floor, is still its time.
        ("A refund needs only 24 hours' notice.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_floor_on_notice_is_no_time_taken(reply: str, expected: list[str]) -> None:
    """'With at least 24 hours' notice' says nothing is faster than it; it times no refund."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Six business days gone: "could" by Friday is possible from the shortest time then...
        ("Sorry for the wait! Your refund could reach your card by Friday.", []),
        # ...and "will" by Friday is still sooner than the longest.
        ("Sorry for the wait! Your refund will reach your card by Friday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_possibility_after_a_wait_counts_the_shortest_time_from_its_start(
    reply: str, expected: list[str]
) -> None:
    """A time the act may take counts from when it began, at the policy's shortest."""
    customer = "It's been 6 business days since you refunded my stay and I still don't see it."
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "I can't speak to what the other hotel charges, but our parking is £15 a night.",
        "Sorry, I can't speak to that, but parking here is £15 a night.",
    ],
)
def test_cannot_speak_to_is_a_hedge(reply: str) -> None:
    """'I can't speak to their prices' declines to comment, as 'I can't comment' does."""
    assert _rules(reply) == []
    assert _rules("Sorry, I can't reserve parking tonight.") == ["unexplained-refusal"]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Right now" in a statement says what holds at present, at the end of its clause too.
        ("Refunds are a little slower than usual right now.", []),
        ("Our refund team is short-staffed right now, sorry.", []),
        # In a commitment it is still the time of the act.
        ("I'll refund it right now.", ["overpromise"]),
    ],
)  # fmt: skip
def test_right_now_in_a_statement_means_currently(reply: str, expected: list[str]) -> None:
    """'We're short-staffed right now' states the present; 'I'll do it right now' times it."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A clause naming what the price question is about, with a time and no price in it,
        # answers the time question.
        ("Parking is £15 a night, and with parking added you're looking at about 20 minutes at "
         "the desk.", []),
        # With no time anywhere, the time question is still open.
        ("Parking is £15 a night, and parking is right by the entrance.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_clause_with_no_price_is_no_answer_to_the_price_question(
    reply: str, expected: list[str]
) -> None:
    """'With parking added you're looking at 20 minutes' names parking but prices nothing."""
    customer = (
        "How much is parking if I add it to my booking? And how long will the whole check-in take?"
    )
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time after a verb of handling is how long the handling takes...
        ("Approved cancellations are processed within 3 days.", []),
        ("Cancellations are paid back within 3 days once approved.", []),
        # ...not the customer's window, which is still checked.
        ("You can cancel within 5 days of booking.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_time_after_a_verb_of_handling_is_no_window(reply: str, expected: list[str]) -> None:
    """'Claims are reviewed within 10 days' times the review, not the window to claim."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A day the business's own verb acted on names the booking on it, not a time.
        ("No problem, I've cancelled Thursday and refunded your stay.", []),
        ("I've moved your Friday night and refunded the difference.", []),
        # A day that says when is still a time, passive or not.
        ("I've refunded your stay, so it'll be back by Thursday.", ["overpromise"]),
        ("Your refund is delivered to your card Thursday.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_day_acted_on_is_no_time_for_the_act(reply: str, expected: list[str]) -> None:
    """'I've cancelled Thursday and refunded your deposit': Thursday is the booking."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A pronoun standing for the day, judged too soon, denies it.
        ("For a refund by Thursday it's too tight, sorry.", []),
        # "It" that is no judgement of the day leaves the time promised.
        ("Your refund will be back by Thursday and it's all sorted.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_day_judged_too_soon_through_a_pronoun_is_denied(
    reply: str, expected: list[str]
) -> None:
    """'With the wedding on the 29th it's too tight' says the 29th can't be met."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A thing made to be done later, in the causative, with no time: vague.
        ("Thanks for the photos. We'll get a replacement kettle sent out to you.",
         ["vague-commitment"]),
        ("I've passed it to billing, and we will get the double charge sorted out for you.",
         ["vague-commitment"]),
        # With a time, or as what the customer receives, it is not.
        ("We'll get a replacement kettle sent out to you by Friday.", []),
        ("You'll get a new kettle sent out.", []),
    ],
)  # fmt: skip
def test_get_a_thing_done_later_is_a_commitment(reply: str, expected: list[str]) -> None:
    """'We'll get a new one sent out' commits to sending it, as 'we'll send it' does."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A question after the no gives no cause, whatever words of the reason it shares.
        ("Sorry, we can't take pets. Would a room at our sister hotel suit you instead?",
         ["unexplained-refusal"]),
        # The reason itself, after the no, still explains it.
        ("Sorry, we can't take pets. Our rooms are shared with guests who have allergies.", []),
    ],
)  # fmt: skip
def test_a_question_after_a_no_gives_no_reason(reply: str, expected: list[str]) -> None:
    """'Is there another address we can use?' shares 'address' with the reason, and asks."""
    assert _rules(reply, "Can I bring my dog to the hotel?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Who is writing, a request to enter a detail, and what it is for once known are all
        # part of gathering what the answers need.
        ("Hi! I'm Ava, Hillside's booking assistant. Could you send me the email you booked "
         "with?", []),
        ("Please enter your booking number here and I'll look it up.", []),
        ("Could you send us the room number? Rooms are billed differently, and once we know "
         "which one it was we can confirm the amount.", []),
        # A reply that answers one question and asks for a detail leaves the other open.
        ("Could you send us the room number? Your refund went out on Monday.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_gathering_what_the_answers_need(reply: str, expected: list[str]) -> None:
    """A reply that only asks for what it needs to answer addresses every question."""
    assert _rules(reply, "Has my refund gone through? And how much was it?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "wk" and "yr" are weeks and years, as "hrs" is hours.
        ("Refunds take about 1 wk.", ["policy-misstatement"]),
        ("Refunds take 2-3 wks.", []),
    ],
)  # fmt: skip
def test_short_forms_of_weeks_and_years_are_read(reply: str, expected: list[str]) -> None:
    """'2-3 wks' is a length of time, checked and answering "how long" like '2-3 weeks'."""
    assert _rules(reply) == expected
    customer = "do you frame posters? how long does it take"
    assert _rules("yep! takes 2-3 wks since each one is made to order", customer) == []


def test_a_policy_may_write_short_forms_of_units() -> None:
    """'2 wks' in a policy is two weeks, as in a reply."""
    assert honestcs.quantities.Duration.parse("2 wks") == honestcs.quantities.Duration.parse(
        "2 weeks"
    )
    assert honestcs.quantities.Duration.parse("1 yr") == honestcs.quantities.Duration.parse(
        "1 year"
    )


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The law named as what it is gives the reason, in the sentence after the no.
        ("Sorry, we can't serve wine to anyone under 18 at the table. It's UK law, and we "
         "check ID.", []),
        ("Sorry, I can't give out the guest's room number. That's a legal requirement.", []),
        ("Sorry, I can't give out his room number. It's a criminal offence to share it.", []),
        # A pleasantry after the no gives none.
        ("Sorry, I can't give out the guest's room number. Enjoy your stay!",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_naming_the_law_gives_the_reason(reply: str, expected: list[str]) -> None:
    """'It's Illinois law', 'that's a legal requirement': citing the law explains the no."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What a kind has to do, named by a bare plural, is the rule behind the no.
        ("Sorry, I can't split the bill into two receipts. Receipts have to match what was "
         "paid on each card.", []),
        # What a kind can do is no such rule.
        ("Sorry, I can't split the bill into two receipts. Cards can be used at the desk.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_what_a_kind_has_to_do_is_a_reason(reply: str, expected: list[str]) -> None:
    """'Receipts have to match what was paid' gives the rule, as 'every receipt has to' did."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A rule that names the window exactly gives another length beside it to another case.
        ("Bookings made at least 3 weeks before arrival can be cancelled free within 48 hours "
         "of booking.", []),
        # A wrong window beside it is still wrong...
        ("Bookings made at least 3 weeks before arrival can be cancelled free within 72 hours "
         "of booking.", ["policy-misstatement"]),
        # So does one that names it in another clause of the sentence.
        ("Our free cancellation window is 48 hours, so a cancellation 30 hours before your "
         "stay is charged.", []),
        # ...and a grant set against the usual window still gives more.
        ("I've extended it for you, so you can cancel within 5 days instead of the usual 48 "
         "hours.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_rule_naming_its_window_gives_other_lengths_to_other_cases(
    reply: str, expected: list[str]
) -> None:
    """'Booked 8 weeks ahead, cancel within 7 days': the 7 days is the window, not the 8 weeks."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "We won't" of an act the customer never asked for promises not to do it.
        ("We can offer a payment plan, and we won't cancel your booking while you set it up.",
         []),
        ("I've moved you to a quieter room and I won't mention it to the group.", []),
        # "We won't" of the act asked for still declines it.
        ("Sorry, we won't refund the stay.", ["unexplained-refusal"]),
        ("Sorry, we won't be able to refund the stay.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_wont_of_an_act_not_asked_for_declines_nothing(reply: str, expected: list[str]) -> None:
    """'We won't drop her place while you apply' promises; it declines no request."""
    assert _rules(reply, "Can I get a refund for my stay? Money is tight.") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An hour with no "am" or "pm" after the later act is a time to hold it to.
        ("She's back at 2 and I'll text you by 3 with her answer.", []),
        ("I'll call you back at 4, promise.", []),
        ("I'll have someone open up the side door at 7 for you.", []),
        # A count is no hour, and an hour before the act is another clause's.
        ("I'll call you back with 3 options.", ["vague-commitment"]),
        ("The reminders went out at 9; I'll look into why and let you know.",
         ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_bare_hour_after_a_later_act_is_its_time(reply: str, expected: list[str]) -> None:
    """'I'll text you by 3 with her answer' can be held to; 'I'll get back to you' cannot."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # After an amount off and "so", a sum is what the reduction leaves, not what is given.
        ("I can give you a £20 voucher off the room rate, so £140 for the night.", []),
        ("I can give you a £140 voucher.", ["overpromise"]),
    ],
)  # fmt: skip
def test_what_a_reduction_leaves_is_a_sum(reply: str, expected: list[str]) -> None:
    """'£300 off the screen price, so £18,695': the price left, not a £18,695 discount."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "N days into" a window is how much of it has gone by, not its length.
        ("You're 3 days into your free cancellation window, so you can still cancel.", []),
        ("You have 3 days to cancel free.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_days_into_a_window_are_gone_by(reply: str, expected: list[str]) -> None:
    """'You're 6 days into your 30-day warranty' says how far in, not that it lasts 6 days."""
    assert _rules(reply) == expected


_MONEY_OFF = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Inn", "timezone": "Europe/London"},
            "can": [
                {"id": "loyalty", "does": "take money off a stay for a returning guest",
                 "terms": ["loyalty discount"], "up_to": "£50"},
                {"id": "voucher", "does": "give a goodwill voucher", "terms": ["voucher"],
                 "up_to": "£80"},
            ],
        }
    )
)  # fmt: skip

_TWO_DISCOUNTS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Inn", "timezone": "Europe/London"},
            "can": [
                {"id": "loyalty", "does": "take money off a stay for a returning guest",
                 "terms": ["loyalty discount"], "up_to": "£50"},
                {"id": "group", "does": "discount a group booking", "terms": ["group rate"],
                 "up_to": "£100"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("checker", "reply", "expected"),
    [
        # A sum taken off, in a sentence that names no act, is the one discount's.
        (_MONEY_OFF, "Book by Sunday and I can take £70 off as a returning guest.",
         ["overpromise"]),
        (_MONEY_OFF, "Book by Sunday and I can take £40 off as a returning guest.", []),
        # What the reduction leaves is a sum, not a discount.
        (_MONEY_OFF, "I can do £30 off, so £170 for the night.", []),
        # With two caps on money off, which one it comes under is not known.
        (_TWO_DISCOUNTS, "Book by Sunday and I can take £70 off as a returning guest.", []),
    ],
)  # fmt: skip
def test_a_sum_off_is_the_one_discount(
    checker: honestcs.ReplyChecker, reply: str, expected: list[str]
) -> None:
    """'I can give you £120 off' is a discount in any words, when the policy caps one."""
    assert _rules_of(checker, reply) == expected


_COMPLAINTS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Bank", "timezone": "Europe/London"},
            "can": [
                {"id": "complaint", "does": "send a final response to a complaint",
                 "terms": ["complaint"], "takes": "8 weeks"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Money landing in the account, after a sum, times that sum, not the complaint.
        ("I've logged a complaint and approved a £50 goodwill payment, which will be in your "
         "account within 2 working days.", []),
        # The complaint's own response is still timed.
        ("I've logged a complaint, and you'll have our final response within 2 working days.",
         ["overpromise"]),
        # With no sum, "in your account" may be the act's own outcome.
        ("I've logged a complaint and it will be in your account within 2 working days.",
         ["overpromise"]),
    ],
)  # fmt: skip
def test_money_landing_after_a_sum_times_the_sum(reply: str, expected: list[str]) -> None:
    """'A £50 payment, which will be in your account in 2 days' times the £50."""
    assert _rules_of(_COMPLAINTS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A figure right before a word for a bound is that bound's, however it is qualified.
        ("Stays over your £500 daily online limit need parking booked by phone.", []),
        ("Stays over your £500 online limit need parking booked by phone.", []),
        # A figure before the act's own name is still its price.
        ("Stays with £500 daily parking need a call.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_figure_before_a_limit_is_the_limits(reply: str, expected: list[str]) -> None:
    """'Your £25,000 daily online limit' is a limit, not the price of a payment."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Won't be able to" before a verb of perception tells what the customer will see.
        ("I promise you won't be able to see a single stitch in the hem.",
         ["absolute-guarantee"]),
        # Before an act, it still declines.
        ("Sorry, you won't be able to bring your dog.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_wont_be_able_to_see_declines_nothing(reply: str, expected: list[str]) -> None:
    """'You won't be able to see the stitching' is a perception, as 'I can't see' is."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The act promised the customer's way, whatever it is, defers to them.
        ("No problem at all, we'll sort the bill however you'd like.", ["sycophancy"]),
        # The customer's own choice among ways is no such offer.
        ("You can pay however you like, by card or in cash.", []),
    ],
)  # fmt: skip
def test_doing_it_however_the_customer_likes_is_sycophancy(
    reply: str, expected: list[str]
) -> None:
    """'We'll sort it however you'd like' offers whatever the customer wants."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Be in touch" is a verb of telling: its time is the message's, not the act's.
        ("I've logged it, and our refund team will be in touch within 2 days to arrange the "
         "refund.", []),
        # The act's own time is still checked.
        ("I've logged it, and your refund will be with you within 2 days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_be_in_touch_times_the_message(reply: str, expected: list[str]) -> None:
    """'A tradie will be in touch within 2 days to book in' times the contact, not the repair."""
    assert _rules(reply) == expected


_ALTERATIONS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Needle & Thread", "timezone": "Europe/London"},
            "can": [
                {"id": "repair", "does": "repair a garment", "terms": ["repair"],
                 "takes": "2 weeks"},
            ],
            "cannot": [
                {"id": "booking", "terms": ["book the fitting"],
                 "because": "Fittings are booked by the customer online, with their account."},
                {"id": "own-fabric", "terms": ["fabric I bought"],
                 "because": "We only sew fabric we have checked for shrinkage."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A thing whose participle names the act, said to be ready, times the act.
        ("Your repaired jacket will be ready by Friday.", ["overpromise"]),
        ("The repaired coats should all be done by Friday.", ["overpromise"]),
        # Said to be anywhere else, it times nothing.
        ("Your repaired jacket will be in the window by Friday.", []),
        ("Your repaired jacket is in the shop.", []),
    ],
)  # fmt: skip
def test_a_thing_made_ready_times_the_act_of_its_participle(
    reply: str, expected: list[str]
) -> None:
    """'Your retouched photos will be ready by the 20th' times the retouching."""
    assert _rules_of(_ALTERATIONS, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The customer does the act themselves: agreeing promises nothing we can't do.
        ("Is it ok if I book the fitting myself?", "Yes, that's exactly how it works!", []),
        ("Could we book the fitting ourselves this time?", "Of course, go ahead!", []),
        # Asked of us, the same yes promises it.
        ("Could you book the fitting for me?", "Of course, no problem!",
         ["unauthorized-promise"]),
        # A reflexive on another verb leaves the customer asking us to act.
        ("Would you sew fabric I bought myself?", "Of course, no problem!",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_the_customers_own_act_is_not_ours_to_promise(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Can I book the test myself?' - 'Yes!' lets the customer act; it promises nothing."""
    assert _rules_of(_ALTERATIONS, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A length after "for" is how long a state lasts, however roughly it is given.
        ("We'll repair the zip, and your jacket will be in the workroom for about an hour.", []),
        ("We'll repair the zip; the machine will be off for roughly 2 days.", []),
        # A rough time the act is done in is still checked.
        ("We'll repair the zip within about 2 days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_rough_length_after_for_is_a_states(reply: str, expected: list[str]) -> None:
    """'Your power will be off for about 2 hours' is how long it is off, not the install's time."""
    assert _rules_of(_ALTERATIONS, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A length after "for" answers how long something takes, as it answers how long it lasts.
        ("How long does a repair take?", "Plan for about a fortnight.", []),
        ("How long does the fitting take?", "You'll be with us for about an hour.", []),
        # Nothing of length still leaves it open.
        ("How long does the fitting take?", "Thanks for asking!", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_length_after_for_answers_how_long_it_takes(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How long does it take?' - 'Plan for about an hour' answers it."""
    assert _rules_of(_ALTERATIONS, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A unit left singular after a number above one modifies the noun after it, as a
        # hyphen does: the length of that thing, not of the act.
        ("We'll repair it; the form is a 10 minute job online.", []),
        ("We'll repair it, and it's a two hour drive from us.", []),
        # Before the act's own name, or a noun of the time an act takes, it times the act.
        ("We offer a 3 day repair service.", ["policy-misstatement"]),
        ("Repairs are usually a 3 day turnaround.", ["policy-misstatement"]),
        ("Repairs are usually a 3-day turnaround.", ["policy-misstatement"]),
        ("Repairs have a 2 day wait at the moment.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_length_before_a_noun_measures_that_noun(reply: str, expected: list[str]) -> None:
    """'It's a 10 minute form' times the form; 'a 3-day turnaround' times the act."""
    assert _rules_of(_ALTERATIONS, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "Your refund policy" asks about refunds, as the question beside it does, so a
        # sentence about refunds answers both.
        ("I'd like to know your refund policy. Can I get a refund on my cancelled stay?",
         "Cancelled stays are refunded to your card within 10 business days.", []),
        ("What are the rules on parking? And is parking free for guests?",
         "Parking is £15 a night after the first night, which is free.", []),
        # A sentence about something else still leaves it open.
        ("I'd like to know your refund policy. Can I get a voucher instead?",
         "Yes, we can give you a voucher.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_the_noun_of_a_rule_tells_no_question_apart(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I'd like to know your refund policy' is about refunds, not about a policy."""
    assert _rules(reply, customer) == expected


_ROOFTOP = (
    "Is the rooftop bar open in December? Heard it shuts. Could the staff let us up there anyway?"
)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A substitute offered says no to what was asked, and what can be had instead.
        ("You heard right - the rooftop bar shuts in December, as the terrace ices over. "
         "We'll seat you in the garden room instead.", []),
        ("You heard right - the rooftop bar shuts in December, as the terrace ices over. "
         "As an alternative, we can seat you in the garden room.", []),
        # A remark about another room offers nothing in its place.
        ("You heard right - the rooftop bar shuts in December, as the terrace ices over. "
         "The garden room is lovely.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_substitute_offered_answers_a_yes_no_question(reply: str, expected: list[str]) -> None:
    """'Could the guide take us anyway?' - 'We'll do the Ridge Walk instead' answers it."""
    assert _rules(reply, _ROOFTOP) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The sentence after finishes the act in an honest time: the earlier one is a step.
        ("I'll put your refund through today. It should reach your card within 10 business "
         "days.", []),
        ("I'll put your refund through today. It usually takes 5-10 business days to land.", []),
        # A time after that is also too soon leaves the first one to be judged.
        ("I'll put your refund through today. It should reach your card within 3 business "
         "days.", ["overpromise"]),
        # Another act of the clause after it finishes nothing of this one.
        ("I'll refund the room tomorrow. I've also put through the cancellation refund, "
         "which takes 5-10 business days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_an_honest_time_in_the_next_sentence_makes_a_step(
    reply: str, expected: list[str]
) -> None:
    """'I'll sort it straight away. Refunds land in 3-5 business days.' is honest."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A participle that ends the phrase after a price says the price includes the act.
        ("A zip repair on a wool coat is £40 fitted.", ["policy-misstatement"]),
        ("Each repair is £40 stitched and pressed.", ["policy-misstatement"]),
        ("A repair is £40 finished, with the lining.", ["policy-misstatement"]),
        # Before a noun, the participle describes that noun, and the price is its own.
        ("A repair uses a £40 imported lining.", []),
    ],
)  # fmt: skip
def test_a_price_with_the_act_done_is_still_its_price(reply: str, expected: list[str]) -> None:
    """'Battery replacements are $89 installed' states the replacement's price."""
    checker = honestcs.ReplyChecker(
        honestcs.Policy.from_dict(
            {
                "policy": {"name": "Needle & Thread", "timezone": "Europe/London"},
                "can": [{"id": "repair", "does": "repair a garment", "terms": ["repair"],
                         "costs": "£25"}],
            }
        )
    )  # fmt: skip
    assert _rules_of(checker, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "To the" names where to, not a kind of case: the no still needs its reason.
        ("Sorry, we can't move you to the garden room.", ["unexplained-refusal"]),
        ("Unfortunately I'm not able to switch you to the Saturday stay.",
         ["unexplained-refusal"]),
        # A kind of case after "to" still explains ("to an existing booking").
        ("Sorry, we can't add a second room to an existing booking.", []),
    ],
)  # fmt: skip
def test_to_the_place_names_no_kind_of_case(reply: str, expected: list[str]) -> None:
    """'We can't swap you to the clear roof' gives no reason; 'to an existing booking' does."""
    assert _rules(reply, "Could you change that for me?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "As it is" says a thing stays unchanged; it is no cause of the no before it.
        ("Sorry, we can't move your stay to the 12th. Your booking stays as it is.",
         ["unexplained-refusal"]),
        ("I'm afraid we can't add a cot. Let me know if you'd like to keep the room as it is.",
         ["unexplained-refusal"]),
        # "As" opening a cause still explains.
        ("Sorry, we can't add a cot, as they are all out on loan this week.", []),
    ],
)  # fmt: skip
def test_as_it_is_gives_no_cause(reply: str, expected: list[str]) -> None:
    """'Your April date will stay as it is' leaves the no before it unexplained."""
    assert _rules(reply, "Could you change that for me?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The day of what already happened is no time frame for what is promised later.
        ("The cleaners were in on Sunday, so I'll check with them and get back to you.",
         ["vague-commitment"]),
        ("I'll look into what happened on Sunday with your room and get back to you.",
         ["vague-commitment"]),
        # A day to come is one.
        ("I'll check with the cleaners on Sunday and get back to you.", []),
    ],
)  # fmt: skip
def test_a_day_gone_by_times_no_later_act(reply: str, expected: list[str]) -> None:
    """'The cleaners were in on Sunday, so I'll check with them' still has no time frame."""
    assert _rules(reply) == expected


_NOTICE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Hillside Walks", "timezone": "Europe/London"},
            "can": [
                {"id": "free-cancel", "terms": ["cancel"], "within": "24 hours",
                 "does": "cancel a booked walk free when given at least 24 hours' notice"},
                {"id": "move", "terms": ["move"], "within": "14 days",
                 "does": "move a class to another session within 14 days",
                 "needs": "at least 48 hours' notice before the class"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Notice asked for states the window of a clause whose window is notice.
        ("We just need 12 hours' notice to cancel a walk free of charge.",
         ["policy-misstatement"]),
        ("We ask for 48 hours' notice to cancel, otherwise there's a fee.",
         ["policy-misstatement"]),
        ("You can cancel free with 24 hours' notice.", []),
        # Notice of another window (a condition in `needs`) is not that window.
        ("We need at least 48 hours' notice to move a class.", []),
    ],
)  # fmt: skip
def test_notice_asked_for_states_a_notice_window(reply: str, expected: list[str]) -> None:
    """'We just need 12 hours' notice to cancel' misstates a 24-hour notice window."""
    assert _rules_of(_NOTICE, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Money that "should hit" the account is promised to land, as "should reach" is.
        ("I've refunded your stay. It should hit your account within 2 business days.",
         ["overpromise"]),
        ("I've refunded your stay, and it should hit your card within 10 business days.", []),
    ],
)  # fmt: skip
def test_money_that_should_hit_an_account_is_promised(reply: str, expected: list[str]) -> None:
    """'It should hit your account within 2-3 business days' commits, like 'should reach'."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Glad to grant a window is granting it: more than the policy's is an over-promise.
        ("Of course, we're happy to hold your booking for 5 days.", ["overpromise"]),
        ("I'd be glad to keep the cancellation open for 3 days for you.", ["overpromise"]),
        # The policy's own window, granted gladly, is honest.
        ("We're happy to hold your cancellation window open for 48 hours.", []),
    ],
)  # fmt: skip
def test_glad_to_grant_a_window_grants_it(reply: str, expected: list[str]) -> None:
    """'We're happy to hold onto it for 3 months' gives the window, beyond a 30-day one."""
    checker = honestcs.ReplyChecker(
        honestcs.Policy.from_dict(
            {
                "policy": {"name": "Hillside Hotels", "timezone": "Europe/London"},
                "can": [{"id": "hold", "does": "hold a booking unpaid",
                         "terms": ["hold your booking", "cancellation"], "within": "48 hours"}],
            }
        )
    )  # fmt: skip
    assert _rules_of(checker, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Leave it with me" takes the request on: it agrees, as "Sure" does.
        ("Leave it with me!", ["unauthorized-promise"]),
        ("Leave it with us!", ["unauthorized-promise"]),
        # A no after it still says no.
        ("Leave it with us. Sorry, we can't take dogs, because our rooms are shared with "
         "guests who have allergies.", []),
    ],
)  # fmt: skip
def test_leave_it_with_me_agrees(reply: str, expected: list[str]) -> None:
    """'Leave it with me' to a request for what can't be done goes along with it."""
    assert _rules(reply, "Could I bring a dog along this weekend?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A law cited by its title gives the ground, in the sentence or the next one.
        ("Sorry, we can't share a guest's room number under the Hotel Proprietors Act.", []),
        ("Sorry, we can't share a guest's room number. Under Section 12 of the Hotel "
         "Proprietors Act, room numbers can't be given out between 1 March and 31 August.",
         []),
        ("Sorry, we can't share a guest's room number under Scottish Law.", []),
        # "the act" in lower case names no law.
        ("Sorry, we can't share a guest's room number under the act.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_law_cited_by_its_title_gives_the_reason(reply: str, expected: list[str]) -> None:
    """'Under Section 40 of the Wildlife Act, hedges can't be cut' says why not."""
    assert _rules(reply, "Could you tell me which room my friend is in?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Any verb before its object opens a command the promise waits on, and so does one
        # after a dash; and staff may be "one of the team".
        ("Open a request from your account page and we'll email you the form.", []),
        ("We can hold the room for you - reply with your card details and I'll send the "
         "confirmation.", []),
        ("Submit the form and one of the team will call you.", []),
        # Asking the customer to wait for us, thanks, and a preposition set no condition.
        ("Let me check with the manager and I'll get back to you.", ["vague-commitment"]),
        ("Leave it with me and I'll chase it up.", ["vague-commitment"]),
        ("Thanks for your booking and we'll be in touch.", ["vague-commitment"]),
        ("Given the circumstances, we'll look into it.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_command_in_any_words_is_a_condition_of_the_promise(
    reply: str, expected: list[str]
) -> None:
    """'Start a resize request and we'll email you a label' waits on the customer's act."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A no under a verb of assurance is vouched for, not declined.
        ("I promise you our porters won't leave a single scratch on your cases.",
         ["absolute-guarantee"]),
        ("Rest assured, our porters won't leave a mark on your cases.", []),
        # Without the assurance, or after it in a clause of its own, a no is still a no.
        ("Sorry, our porters can't carry cases upstairs.", ["unexplained-refusal"]),
        ("I promise you that, but our porters can't carry cases upstairs.",
         ["absolute-guarantee", "unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_no_under_an_assurance_is_no_refusal(reply: str, expected: list[str]) -> None:
    """'I guarantee our guys won't leave a scratch' vouches for the floors; it declines nothing."""
    assert _rules(reply) == expected


_COURIERS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Hillside Hotels", "timezone": "Europe/London"},
            "can": [
                {"id": "post", "does": "post items left behind", "terms": ["post", "arrive"],
                 "takes": "5 business days"},
                {"id": "courier", "does": "send items left behind by courier",
                 "terms": ["courier"], "costs": "£15"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A clause after a dash spells out the act before it, which has no time limit.
        ("We can send your charger by courier for £15 - parcels sent before noon arrive in "
         "1 business day.", []),
        # In a sentence of its own, or after a condition, the time is the named act's.
        ("We can send your charger by courier for £15. Parcels sent before noon arrive in "
         "1 business day.", ["policy-misstatement"]),
        ("If the courier is busy - parcels sent before noon arrive in 1 business day.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_clause_after_a_dash_may_time_the_act_before_it(
    reply: str, expected: list[str]
) -> None:
    """'Express shipping for $25 - orders arrive in 1-2 days' times express, not standard."""
    assert _rules_of(_COURIERS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A length stated in answer to "how long" is the asked act's, in a reply naming none.
        ("Usually about 2 days.", ["policy-misstatement"]),
        ("It typically takes 3 days or so.", ["policy-misstatement"]),
        ("Usually 10 business days.", []),
        # After an event it counts from that event, not from now.
        ("Once we have the signed form, most go through in a day.", []),
    ],
)  # fmt: skip
def test_a_length_stated_in_answer_is_the_asked_acts(reply: str, expected: list[str]) -> None:
    """'How long does an install take?' - 'usually 2-3 weeks' states the install's time."""
    assert _rules(reply, "How long does a refund take?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Hedged, a clause states the rule even after a commitment it carries on from.
        ("I've processed your refund, and it's normally back on your card within 2 days.",
         ["policy-misstatement"]),
        ("I've processed your refund, and it'll be back on your card within 2 days.",
         ["overpromise"]),
    ],
)  # fmt: skip
def test_a_hedged_clause_after_a_commitment_states_the_rule(
    reply: str, expected: list[str]
) -> None:
    """'…and it's normally back on your card within 24 hours' is a statement of policy."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An opinion of something, conceded, defers to nothing.
        ("I'd still love a review after your stay, whatever you think of us!", []),
        ("Whatever you feel about the room, we'd be glad to hear it.", []),
        # Deferring to the customer's judgement is still sycophancy.
        ("We'll do whatever you think is best.", ["sycophancy"]),
        ("I'll go with whatever you think.", ["sycophancy"]),
    ],
)  # fmt: skip
def test_whatever_you_think_of_us_is_a_concession(reply: str, expected: list[str]) -> None:
    """'I'd love a review, whatever you think of us' concedes; it does not defer."""
    assert _rules(reply) == expected


_DROP_OFF = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Hillside Hotels", "timezone": "Europe/London"},
            "can": [{"id": "delivery", "does": "deliver luggage to the guest's home",
                     "terms": ["drop it off", "bring it over"], "takes": "3-5 business days"}],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A command to the customer times the customer's act, whatever term it names.
        ("Drop it off tomorrow and we'll take a look.", []),
        ("Just bring it over by Friday.", []),
        # Ours, or after another clause, it times our act.
        ("We'll drop it off tomorrow.", ["overpromise"]),
        ("No problem, we'll bring it over tomorrow.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_command_to_the_customer_times_their_act(reply: str, expected: list[str]) -> None:
    """'Drop it off tomorrow' is the customer's drop-off, not the shop's delivery."""
    assert _rules_of(_DROP_OFF, reply) == expected


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # Undertaking to send a quote or an estimate is the next step that answers "how much".
        ("Yes, we can post it back. I'll put together a courier quote and email it to you by "
         "Thursday.", "Could you post my charger back? How much would that cost?", []),
        ("We'll send you a written estimate within 5 business days.",
         "How much would it cost to post my charger back?", []),
        # Not a quote for whatever the customer picks, nor a noun the word modifies.
        ("We have small and large rooms. Let me know which one and I'll send a quote.",
         "Which rooms do you have, and how much is parking?", ["unanswered-question"]),
        ("Happy to help! Want me to put you on the estimate calendar?",
         "How much is it to post my charger back?", ["unanswered-question"]),
        ("Yes - bring your bike round and our night porter will give you a quote.",
         "Do you store bikes? And how much is parking?", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_quote_promised_answers_how_much(
    reply: str, customer: str, expected: list[str]
) -> None:
    """'How much would that be?' - 'I'll email you a freight quote by Thursday' answers it."""
    assert _rules(reply, customer) == expected



@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A "why?" with hardly a word of its own asks about what was just said; any cause
        # answers it, whatever else the message asks.
        ("I know it looks calm in the bay. The swell past the headland is over 3 metres "
         "right now, and our skipper has the final say for safety, so we won't ask him to go "
         "anyway.", []),
        # With no cause given it stays open.
        ("I know it looks calm in the bay. Our skipper won't ask anyone to go anyway.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_bare_why_beside_other_questions_is_answered_by_a_cause(
    reply: str, expected: list[str]
) -> None:
    """'My rate went up?! Why? Any discount?' - 'energy costs rose, so…' answers the why."""
    customer = "The sea looks calm from here! Why won't you sail? Can't the skipper just go anyway?"
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "as" before a clause whose subject is an indefinite pronoun gives a cause.
        ("Sorry, we can't add a cot as everyone shares the one family room.", []),
        ("Sorry, we can't add a cot as nothing else fits in the room.", []),
        # "as well" is no cause.
        ("Sorry, we can't add a cot as well.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_as_before_an_indefinite_pronoun_gives_a_cause(reply: str, expected: list[str]) -> None:
    """'We don't offer gift wrap as everything ships in plain boxes' says why."""
    assert _rules(reply, "Could you add a cot to our room?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A kind named by a participle before it is the category the rule is about (SPEC §3,
        # "opened software can't be returned").
        ("Unfortunately we can't store luggage for freshly arrived guests.", []),
        ("Sorry, we can't take returns on discounted rooms.", []),
        # A noun before the noun names no kind of case; nor does one particular thing.
        ("Sorry, we can't fit cots in garden rooms.", ["unexplained-refusal"]),
        ("Sorry, we can't do that for your booked rooms.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_kind_named_by_a_participle_gives_the_reason(reply: str, expected: list[str]) -> None:
    """'We can't install film on freshly painted cars' names the case the rule is for."""
    assert _rules(reply, "Could you do that for us?") == expected


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # A street address answers where a place is, in none of the question's words.
        ("Hi! We're at 12 Harbour Road, right by the station. There's free parking out back.",
         "Where are you located? Do you have parking?", []),
        ("Hillside Hotels is at 40 Mill Lane. There's free parking out back.",
         "what's your address and do you have parking?", []),
        # An address answers no other question, and no address answers "where" alone.
        ("Hi! We're at 12 Harbour Road. There's free parking out back.",
         "Do you have a lift? Do you have parking?", ["unanswered-question"]),
        ("Hi! There's free parking out back.",
         "Where are you located? Do you have parking?", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_street_address_answers_where(reply: str, customer: str, expected: list[str]) -> None:
    """'Where are you located?' - 'We're at 4120 Leary Way NW' answers it."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # Leave given answers the one question that asks for it, in whatever words.
        ("Check-in is from 3pm. You're more than welcome to relax in the lounge until then.",
         "What time is check-in? Can we wait somewhere?", []),
        ("Check-in is from 3pm. Feel free to leave your cases with the porter.",
         "What time is check-in? Could I drop my bags early?", []),
        # No leave given, or two questions asking leave, and it answers neither alone.
        ("Check-in is from 3pm.", "What time is check-in? Can we wait somewhere?",
         ["unanswered-question"]),
        ("You're welcome to relax in the lounge.",
         "Can we wait somewhere? Can we bring our dog?", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_leave_given_answers_the_question_asking_it(
    reply: str, customer: str, expected: list[str]
) -> None:
    """'Can I wait there?' - 'You're welcome to hang out in the lobby' says yes."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # "Is that normal?" is answered by "it's common", "no need to worry", in other words.
        ("A little swelling is a common reaction and settles in a day. Yes, the lift is by "
         "reception.", "My ankle is swollen after the spa. Is that normal? Do you have a lift?",
         []),
        ("There's no need to worry: the noise is the heating coming on. Yes, the lift is by "
         "reception.", "The radiator is clanking. Should I be worried? Do you have a lift?", []),
        # Not answered when the reply says nothing of it.
        ("Yes, the lift is by reception.",
         "My ankle is swollen after the spa. Is that normal? Do you have a lift?",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_is_that_normal_is_answered_in_other_words(
    reply: str, customer: str, expected: list[str]
) -> None:
    """'Is that normal?' - 'blistering is a common reaction' answers it."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A message someone receives makes no one act: "get an email to accept it".
        ("They'll get an email to accept the transfer.", []),
        ("Your guest will get a confirmation text to check in online.", []),
        # Getting someone to act later is still a commitment with no time.
        ("We'll get an engineer to call you.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_message_received_makes_no_one_act(reply: str, expected: list[str]) -> None:
    """'They'll get an email to accept it' is the roommate's email, not staff's later act."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # A cause needs no "because": what the reply states of the customer's case accounts
        # for it.
        ("You bought 4 extras on Monday, at $3 each, so $12 was taken from your balance.",
         "Why was $12 taken from my balance?", []),
        ("Our trainer went home sick an hour before class and the email didn't go out in "
         "time.", "Why was class cancelled tonight with no email?", []),
        ("You printed 140 pages in May, and the first 100 each month are free.",
         "Why is there a printing charge on my invoice?", []),
        # Beside another question, a sentence about no other is the why's.
        ("You bought 4 extras on Monday, at $3 each. Yes, we take cards.",
         "Why was I charged $12? And can I pay by card?", []),
        # An apology, an offer or a promise accounts for nothing.
        ("I'm so sorry, that's not the service we want to give.",
         "Why was class cancelled tonight with no email?", ["unanswered-question"]),
        ("Sorry about that! I've added a $5 credit to your account.",
         "Why was $12 taken from my balance?", ["unanswered-question"]),
        ("Yes, we take cards.", "Why was I charged $12? And can I pay by card?",
         ["unanswered-question"]),
        # Nor does granting the customer's side of it.
        ("I understand it's frustrating to see a charge you didn't expect.",
         "Why was $12 taken from my balance?", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_statement_of_the_case_answers_why(
    reply: str, customer: str, expected: list[str]
) -> None:
    """'Why was €12 taken?' - 'You bumped 4 listings, at €3 a bump' gives the cause."""
    assert _rules(reply, customer) == expected


_INTERPRETERS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Lingua Line", "timezone": "America/New_York"},
            "can": [
                {"id": "phone", "does": "connect a caller to a phone interpreter",
                 "terms": ["connect", "interpreter"], "takes": "1-3 minutes"},
                {"id": "callback", "does": "call back a waiting caller", "terms": ["call back"],
                 "takes": "45 seconds"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # Seconds are a unit of time: a time given answers "how fast?", and is checked.
        ("We connect you to an interpreter in 1-3 minutes.",
         "How quickly can I get an interpreter?", []),
        ("We connect you to an interpreter in under 30 seconds.",
         "How quickly can I get an interpreter?", ["policy-misstatement"]),
        ("We'll call back within 45 seconds.", "How fast do you call back?", []),
        ("We'll call back within 20 secs.", "How fast do you call back?", ["overpromise"]),
        # "A second" is the ordinal, and times nothing.
        ("We connect a second interpreter if the call runs long.",
         "Can two interpreters join?", []),
    ],
)  # fmt: skip
def test_seconds_are_a_unit_of_time(reply: str, customer: str, expected: list[str]) -> None:
    """'How fast does your centre respond?' - 'within 30 seconds' gives a time."""
    assert _rules_of(_INTERPRETERS, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An act asked about with "whether" is the question, undertaken by nobody.
        ("Ask your doctor whether they'll send a new prescription.", []),
        ("Check with your bank whether they'll refund the fee.", []),
        # The undertaking around it still needs its time.
        ("I'll look into whether we can credit that session back and let you know.",
         ["vague-commitment"]),
    ],
)  # fmt: skip
def test_an_act_asked_whether_is_undertaken_by_nobody(reply: str, expected: list[str]) -> None:
    """'Ask your prescriber whether they'll send a prescription' commits us to nothing."""
    assert _rules(reply) == expected


_MAKE_UP_LESSONS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harmony Music", "timezone": "Europe/London"},
            "can": [
                {"id": "makeup", "does": "give a make-up lesson for a lesson missed with notice",
                 "terms": ["make-up lesson", "made up"], "within": "30 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # How far off the customer's event is measures the case; it is no window.
        ("Since today's lesson is only a few hours away I'm afraid this one can't be made up.",
         []),
        ("Sorry, as your lesson is now just 2 hours away I'm afraid it can't be made up.", []),
        # A window said as one still is.
        ("You have only 3 days to book the make-up lesson.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_how_far_off_an_event_is_no_window(reply: str, expected: list[str]) -> None:
    """'Today's lesson is only a few hours away' measures the case against the notice."""
    assert _rules_of(_MAKE_UP_LESSONS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # A generic plural named by what was done to it is the rule's category, whatever
        # the verb, and it explains a bare no before it.
        ("Sorry, hired instruments can't leave the country.",
         "Can I take the hired guitar to Ireland?", []),
        ("Hi Conor, no, sorry, hired instruments can't leave the country.",
         "Can I take the hired guitar to Ireland?", []),
        # The customer's own thing said back explains nothing.
        ("I'm afraid packed lunches aren't allowed.", "Can I send Ava in with a packed lunch?",
         ["unexplained-refusal"]),
        ("No, sorry, we can't do that.", "Can I take the hired guitar to Ireland?",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_kind_named_by_what_was_done_to_it_gives_the_rule(
    reply: str, customer: str, expected: list[str]
) -> None:
    """'Hired instruments can't leave the country' is a general rule naming the kind."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Of course" clipped in chat says yes.
        ("Course he can, there's room up front.", []),
        ("Course you can!", []),
        # "Course" as a noun says nothing of it.
        ("Course prices are on the website.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_course_he_can_says_yes(reply: str, expected: list[str]) -> None:
    """'Can my son ride with you?' - 'Course he can' answers it."""
    assert _rules(reply, "Can my son ride in the van with you?") == expected


_PARTY_FOOD = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Jump Zone", "timezone": "Europe/London"},
            "can": [
                {"id": "platter", "does": "add a hot food platter to a party",
                 "terms": ["platter"], "costs": "£45"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Free from" and "free of" something say it is without it, or available: no price.
        ("Our kitchen can make the platter free from the 14 major allergens.", []),
        ("The platter is free of nuts and sesame.", []),
        # "Free of charge" is still a price.
        ("The platter is free of charge for parties of 10.", ["policy-misstatement"]),
        ("We can add the platter free of our usual charge.", ["overpromise"]),
    ],
)  # fmt: skip
def test_free_from_something_is_no_price(reply: str, expected: list[str]) -> None:
    """'Free from the 14 major allergens' says nothing of what the platter costs."""
    assert _rules_of(_PARTY_FOOD, reply) == expected


_RECORDS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Clearpath Ortho", "timezone": "America/Phoenix"},
            "can": [
                {"id": "records", "does": "send records to a new orthodontist",
                 "terms": ["send his records", "send records", "records"],
                 "takes": "5 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A list of hyphenated nouns runs on to its last item, inside the commitment.
        ("I'll send his records, x-rays and scans to the new office by tomorrow.",
         ["overpromise"]),
        ("I'll send records, t-shirts and e-cards to the new office by tomorrow.",
         ["overpromise"]),
    ],
)  # fmt: skip
def test_a_list_of_hyphenated_nouns_stays_in_its_clause(reply: str, expected: list[str]) -> None:
    """'I'll send his records, x-rays and scans … by tomorrow' is one commitment."""
    assert _rules_of(_RECORDS, reply) == expected


_LETTINGS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Finch Lettings", "timezone": "Europe/London"},
            "can": [
                {"id": "reservation", "does": "take a property off the market during referencing",
                 "terms": ["off the market"], "within": "15 days"},
                {"id": "returns", "does": "accept returns of unused goods",
                 "terms": ["bring it back", "return"], "within": "30 days"},
                {"id": "damage", "does": "credit goods reported damaged", "terms": ["send photos"],
                 "within": "24 hours"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Our own act, undertaken for a length, lasts that long for this customer.
        ("We'll take the flat off the market for 28 days.", ["overpromise"]),
        # What our act brings about, for whoever the customer acts for, is granted by it.
        ("I'll put a note on the receipt so they'll have 60 days to bring it back.",
         ["overpromise"]),
        # After a dash, the clause spells out the grant before it.
        ("I'll extend the window for you - you have a week to send photos.", ["overpromise"]),
        # Stated as the rule, the same figures misstate it.
        ("Properties are taken off the market for 28 days.", ["policy-misstatement"]),
        ("You have 60 days to bring it back.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_window_our_act_gives_is_granted(reply: str, expected: list[str]) -> None:
    """'We'll take the flat off the market for 28 days' promises more than the 15 allowed."""
    assert _rules_of(_LETTINGS, reply) == expected


_WALKS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Trailhead Walks", "timezone": "America/Denver"},
            "cannot": [
                {"id": "same-day", "terms": ["walk today", "same-day walk"],
                 "because": "Routes are set at 6pm the evening before."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A question of what happened asks for nothing: its yes goes along with no request.
        ("Did Rosie get her walk today? I haven't seen the report.",
         "Yes, Kayla dropped her back home at 12:10.", []),
        ("Was Rosie's walk today ok?", "Yes, she had a great time!", []),
        # A question asking for it still asks.
        ("Can Rosie get a walk today?", "Yes, Kayla can take her at 2.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_a_question_of_what_happened_asks_for_nothing(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Did Rosie get her walk today?' - 'Yes' grants no same-day walk."""
    assert _rules_of(_WALKS, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A call in person asked of the customer is a condition of the promise after it.
        ("Stop by the Pass Office or call us and they'll apply it.", []),
        ("Swing by after 3 with both keys and we'll cut the copies.", []),
        ("Stop in at the front desk with a photo ID and we'll reissue the card.", []),
        # Said of ourselves, with no time, it is still a commitment with none.
        ("We'll look into the card and get back to you.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_stop_by_is_a_condition_of_the_promise(reply: str, expected: list[str]) -> None:
    """'Stop by the Pass Office and they'll apply it' depends on the customer coming in."""
    assert _rules(reply) == expected


_SKI_LESSONS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Powder Peak", "timezone": "America/Denver"},
            "can": [
                {"id": "refund", "does": "refund a lesson cancelled in time", "terms": ["refund"],
                 "takes": "5-7 business days"},
                {"id": "cake", "does": "bake a celebration cake", "terms": ["cake"],
                 "takes": "2 weeks"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Notice the customer gives is the case a rule is for, not how long an act takes.
        ("We can't refund it: without 48 hours' notice it's non-refundable.", []),
        ("We can't refund a missed lesson - the instructor was paid for that slot, and "
         "without 48 hours' notice it's non-refundable.", []),
        # Notice we need for an act is its lead time.
        ("We need 3 days' notice to bake a cake.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_notice_given_is_no_time_taken(reply: str, expected: list[str]) -> None:
    """'Without 48 hours' notice it's non-refundable' says nothing of how long refunds take."""
    assert _rules_of(_SKI_LESSONS, reply) == expected


_MOBILE_FITTING = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Tread Right", "timezone": "Europe/London"},
            "can": [
                {"id": "mobile-fitting", "does": "fit new tyres at the customer's home",
                 "terms": ["fitting", "fit", "fitted"], "takes": "2 business days"},
                {"id": "screen", "does": "replace a cracked dashcam screen",
                 "terms": ["screen replacement", "screen replacements"], "takes": "2 hours"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Minutes against a time counted in days: how long the work lasts once it starts.
        ("Fitting four tyres takes around 40 minutes on your drive.", []),
        ("The fitting itself usually takes about 45 minutes, so plan to be home.", []),
        # Days against days: how soon it is done.
        ("Fitting usually takes 1 business day.", ["policy-misstatement"]),
        # Minutes against a time in hours: how soon, on the same scale.
        ("Screen replacements usually take about 45 minutes.", ["policy-misstatement"]),
        # Said as an undertaking, it is how soon.
        ("We'll have them fitted in 40 minutes.", ["overpromise"]),
    ],
)  # fmt: skip
def test_minutes_of_work_are_no_turnaround_in_days(reply: str, expected: list[str]) -> None:
    """'Fitting takes around 40 minutes' is the job's length, not a 2-day lead time."""
    assert _rules_of(_MOBILE_FITTING, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Saying it will look the answers up, then asking what it needs, answers them all.
        ("Did my payment go through? And what time is my check-in?",
         "Hi there! I can check both for you. Could you send me your booking reference?", []),
        ("Is my room upgraded? Has the deposit cleared?",
         "We can look into that. What name is the booking under?", []),
        ("Where's my refund? When was it sent?",
         "I can look into this for you, could you send me the email you booked with?", []),
        # Asking for a detail after answering one question leaves the other unanswered.
        ("Is there parking? And is breakfast included?",
         "Yes, parking is £15 a night. What dates are you staying?", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_saying_it_will_look_it_up_then_asking_answers(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I can check both for you. Could you send me your ID?' gathers what it needs."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry, that's not something they'll be able to do.",
        "I'm afraid that isn't something we'll be able to take on.",
        "Unfortunately that's not something he would be able to change.",
    ],
)
def test_not_something_they_will_be_able_to_do_is_a_no(reply: str) -> None:
    """A 'not something … will be able to' answers the request with a no, and needs a why."""
    assert _rules(reply, "Could you bring my dog along to the spa?") == ["unexplained-refusal"]


_LISTINGS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Lantern Books", "timezone": "Europe/London"},
            "can": [
                {"id": "distribution", "does": "list a book with online retailers",
                 "terms": ["live", "listed", "listing"], "takes": "2-3 weeks"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A full stop inside a word ends no clause: the day is still of what happened.
        ("Your book went live on Amazon.com.au this morning.", []),
        ("It was listed on bookshop.org today, and Kobo.com followed.", []),
        # What is to come is still a commitment.
        ("Your book will go live on Amazon.com.au tomorrow.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_dotted_name_does_not_end_a_report_of_the_past(reply: str, expected: list[str]) -> None:
    """'Your book went live on Amazon.com.au this morning' reports, and promises nothing."""
    assert _rules_of(_LISTINGS, reply) == expected


_TOWING = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Lone Pine Towing", "timezone": "America/Chicago"},
            "can": [
                {"id": "free-storage", "does": "keep a towed car in the yard free of charge",
                 "terms": ["free storage", "storage charges", "storage fees"],
                 "within": "48 hours"},
                {"id": "reimburse", "does": "reimburse a tow the member paid for",
                 "terms": ["reimburse", "cover"], "up_to": "$150"},
                {"id": "tow", "does": "tow a car within the city", "terms": ["tow"],
                 "costs": "$95"},
            ],
            "cannot": [
                {"id": "interstate", "terms": ["out of state", "across state lines"],
                 "because": "We are licensed in Texas only."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The time until charging starts is a window given, and a longer one gives more.
        ("I've put a note on it so you'll have a full week before any storage charges start.",
         ["overpromise"]),
        ("You'll have 5 days before any storage fees kick in.", ["overpromise"]),
        ("Storage is free for 48 hours before any storage fees apply.", []),
    ],
)  # fmt: skip
def test_the_time_before_charging_starts_is_a_window(reply: str, expected: list[str]) -> None:
    """'A full week before any storage charges start' is a window, not notice before an event."""
    assert _rules_of(_TOWING, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The whole a part is taken from is no price or cap of its own.
        ("We reimburse up to $150, so we can cover $150 of the $180.", []),
        ("We'll reimburse the rest of your $240 up to our $150 limit, so $150.", []),
        # A part above the cap is still over it.
        ("We can cover $170 of the $180.", ["overpromise"]),
    ],
)  # fmt: skip
def test_the_whole_a_part_is_taken_from_is_no_figure(reply: str, expected: list[str]) -> None:
    """'$150 of the $180': the $180 is what was paid, not a reimbursement."""
    assert _rules_of(_TOWING, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Between" after a day goes on with the time: "this Friday" is still the frame.
        ("We'll send someone to clean the driveway this Friday between 9 and 12.", []),
        ("We'll call you this Monday around lunchtime.", []),
        # With no day, nothing can be held.
        ("We'll send someone to clean the driveway.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_preposition_after_a_day_names_no_thing(reply: str, expected: list[str]) -> None:
    """'This Friday between 9 and 12' is a day, not the name of a 'Friday between'."""
    assert _rules_of(_TOWING, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The event a request is timed by is not what it asks for.
        ("Can you tow it home before my trip out of state on Friday?",
         "Sure, we can tow it Thursday morning for $95.", []),
        ("Could you hold it until after my trip across state lines?",
         "Of course, we'll keep it in the yard until you're back.", []),
        # What it asks for still is.
        ("Can you tow it out of state to Shreveport?", "Sure, we can do that!",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_the_event_a_request_is_timed_by_is_not_requested(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Before the buyer's survey' times a request; it does not ask for a survey."""
    assert _rules_of(_TOWING, reply, customer) == expected


_EXAM_CENTRE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Keyway Exams", "timezone": "America/New_York"},
            "can": [
                {"id": "reschedule", "does": "reschedule an exam free of charge",
                 "terms": ["reschedule", "new exam date"], "within": "48 hours"},
                {"id": "confirm-party", "does": "confirm a group booking request",
                 "terms": ["group booking"], "takes": "2 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Confirming an act is a message about it: the time is the confirmation's (SPEC §3).
        ("We'll confirm your new exam date by email within 1 business day.", []),
        ("I'll confirm the new exam date to you within 2 hours.", []),
        # A clause whose act is confirming keeps the time.
        ("I'll confirm your group booking by end of day today.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_confirmation_is_timed_not_the_act_confirmed(reply: str, expected: list[str]) -> None:
    """'We'll confirm your new exam date within 1 business day' is no rescheduling window."""
    assert _rules_of(_EXAM_CENTRE, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A length of time answers how many hours, among other questions.
        ("What level is the course? How many hours a week should I expect? Is it online?",
         "It's for beginners. Most learners spend 4-5 hours a week. Yes, it's all online.", []),
        ("How many days does the parking last, and is there a fee?",
         "Parking is £15 a night, for up to 3 days.", []),
        # A count of something else does not.
        ("What level is the course? How many hours a week should I expect? Is it online?",
         "It's for beginners, in groups of 12. Yes, it's all online.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_length_of_time_answers_how_many_hours(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How many hours a week should I expect?' - '4-5 hours a week'."""
    assert _rules(reply, customer) == expected


_RIDERS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Quayside Cellars", "timezone": "Europe/London"},
            "can": [
                {"id": "delivery", "does": "deliver an order by rider", "terms": ["delivery"],
                 "takes": "1-2 hours"},
                {"id": "delay-refund", "does": "refund a season ticket for delays",
                 "terms": ["delay repay", "refund"], "takes": "5-10 business days"},
                {"id": "coaching-report", "does": "send a coaching report",
                 "terms": ["report"], "takes": "5 business days"},
            ],
            "cannot": [
                {"id": "suspend", "terms": ["suspend", "refund from the date"],
                 "because": "A season ticket could still be used until it is handed back."},
            ],
            "prohibited": [
                {"id": "under-age", "terms": ["under 18", "use my card"],
                 "because": "Selling alcohol to anyone under 18 is against the law."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A delay the case must reach is a threshold, no time an act takes.
        ("You can claim Delay Repay for each journey delayed by 15 minutes or more.", []),
        ("Delay Repay covers delays of 30 minutes or longer.", []),
        # Where a rider is, is no delivery time.
        ("Tracking shows them about 10 minutes out now.", []),
        ("Your rider is around 15 minutes away.", []),
        # A ceiling is still a time.
        ("Delay Repay is paid in less than 5 days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_thresholds_and_distances_are_no_time_taken(reply: str, expected: list[str]) -> None:
    """'Delayed by 15 minutes or more', '10 minutes out': measures of the case."""
    assert _rules_of(_RIDERS, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A day's possessive after a preposition of time is the day.
        ("I'll talk to the coach at Thursday's practice.", []),
        ("I'll bring the forms by Saturday's session.", []),
        # ...and a report due before it is timed by it.
        ("I'll have the report in your inbox before Thursday's meeting.", ["overpromise"]),
        # The day of an event a policy term names is that event's, no act of ours.
        ("The roses are back in on Thursday's nursery delivery.", []),
    ],
)  # fmt: skip
def test_a_days_possessive_names_the_day_of_an_event(reply: str, expected: list[str]) -> None:
    """'At Thursday's practice' is a time frame; 'Thursday's delivery' is the event's day."""
    now = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Tuesday
    report = _RIDERS.check(reply, now=now)
    assert sorted({f.rule for f in report.findings}) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The end of a span the customer has is no time an act takes.
        ("You have 14 days to cancel for a full refund, so that's up to 2 December.", []),
        ("Delay Repay claims are open up to 3 December, and the refund follows.", []),
        # A day the act is promised by still is.
        ("We'll refund you by Friday.", ["overpromise"]),
        # A past report in a long subject, with its particle, promises nothing.
        ("Refunds for your whole building wrapped up this week.", []),
    ],
)  # fmt: skip
def test_a_span_that_ends_and_a_past_report_take_no_time(reply: str, expected: list[str]) -> None:
    """'Up to the 2nd', 'until Friday', '…wrapped up this week': no time the act takes."""
    assert _rules_of(_RIDERS, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A bare no of who was asked about, with the law as its reason.
        ("My son is 17, is it OK if he signs for the delivery?",
         "I'm sorry, he can't. It's illegal to deliver alcohol to anyone under 18, and the "
         "rider will check ID.", []),
        # What the law forbids, said as such, is a no to it.
        ("Can my 16-year-old take the order in?",
         "It's against the law to hand alcohol to anyone under 18, so the rider will need "
         "to see an adult.", []),
        # What the customer could not do is no request.
        ("I was in hospital and couldn't use my card for a month. Can you help?",
         "Sorry to hear that. I've added a month to your card.", []),
        # A command joined by "and" before an offer is its condition (SPEC §3).
        ("Can I suspend my ticket while I'm off sick?",
         "Tickets can't be suspended, as one could still be used; but if you hand it back, "
         "send us a note from your GP and we can work out the refund from the date on it.",
         []),
        # Said yes to first, the command is no condition.
        ("Can you work the refund out from the date I went off sick?",
         "Sure, send us a note and we'll work out the refund from the date on it.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_what_says_no_and_what_is_no_request(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'He can't', 'it's illegal to…', 'couldn't use my card', 'send us a note and we can…'."""
    assert _rules_of(_RIDERS, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A wish that goes on with the subject before it is no question.
        ("My daughter is vegan and would like a plant-based menu, can you arrange that?",
         "Of course!", []),
        ("We're coming for my dad's birthday and would love a table by the window, is that ok?",
         "Yes, I've noted it on the booking.", []),
        # Asked with a subject, it is one.
        ("Would you like a table by the window? Also, is parking free?", "Yes, it's free.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_wish_without_its_subject_asks_nothing(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'…and would like a plant-based menu' goes on with 'my daughter'; it is not asked."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The act's time, given in another sentence, is the promise's time frame.
        ("Yes, hand it back and we'll refund the unused part. Refunds take up to 10 "
         "business days to reach your card.", []),
        ("We'll refund the difference. Refunds reach your card within 10 business days.", []),
        # A time of something else, or a rate, is not.
        ("I'll look into the refund. Parking is £15 a night.", ["vague-commitment"]),
        ("We'll refund the difference. You have 48 hours to cancel.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_promise_timed_in_another_sentence_has_a_time_frame(
    reply: str, expected: list[str]
) -> None:
    """A promise whose act is timed in another sentence of the reply has that time frame."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "When", asked indirectly, asks for a time, and a time answers it.
        ("We met on Wednesday, any idea when the quote will be ready? Also, is parking free?",
         "Parking is £15 a night. Please allow up to 7 working days for the quote.", []),
        ("Do you know when my refund will arrive? And can I bring my dog?",
         "Refunds take 5-10 business days. We can't take dogs, as guests have allergies.", []),
        # Asked of the past, a day gone by answers it.
        ("Can you tell me when my last stay was and whether I paid for parking?",
         "Your last stay with us was on 14 October, and yes, parking was paid.", []),
        # A "when" left without a time is unanswered.
        ("Any idea when the quote will be ready? Also, is parking free?",
         "Parking is £15 a night.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_when_asked_indirectly_asks_for_a_time(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Any idea when the moodboard will be ready?' is answered by 'allow up to 7 days'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Items numbered one by one answer the questions in their order.
        ("A few questions: can a guest use the spa? Do I need to print the booking? And is "
         "the pool open on weekends?",
         "Happy to help!\n\n1. Yes, with a day pass.\n2. No, the email is "
         "enough.\n3. Every day, 7am to 10pm.", []),
        # Fewer items than questions answer nothing by their numbers.
        ("Do I need to print the booking? Is parking free? And where is the gym?",
         "1. No, the email is enough.\n2. Parking is £15 a night.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_items_numbered_one_by_one_answer_in_order(
    customer: str, reply: str, expected: list[str]
) -> None:
    """Three questions, and a reply numbered 1, 2, 3: each item answers its question."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Saying the time is not known yet answers "when?", honestly.
        ("Any idea when the sea-view rooms reopen? Can you email me when they do?",
         "Not sure yet, the builders keep moving the date. I've added you to the list and "
         "we'll email you as soon as they reopen.", []),
        ("When will the spa reopen?", "We don't have a date yet, I'm afraid.", []),
        ("When is the pool back? Is parking free?", "No word yet on the pool. Parking is £15.",
         []),
        # Saying nothing of the time leaves it unanswered.
        ("When will the spa reopen? Is parking free?", "Parking is £15 a night.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_not_known_yet_answers_when(customer: str, reply: str, expected: list[str]) -> None:
    """'Any idea when…?' - 'Not sure yet, …': the honest answer to a question of time."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Whether something is worth having is answered by its value, advice, or what
        # others choose, in other words than "worth".
        ("How much is the gym upgrade, and is it worth it?",
         "The upgrade is £12 a month. If you swim twice a week it pays for itself.", []),
        ("Is the annual pass worthwhile? What does it cost?",
         "It's £90 a year, which works out cheaper than six day tickets.", []),
        ("What's the breakage cover and is it worth it?",
         "Breakage cover is $8 per booking. Most guests with young children add it.", []),
        ("Is the family ticket worth getting? When do you open?",
         "We open at 9am every day. For two adults and two kids you save about £14.", []),
        # A condition before a bare "yes" still says yes.
        ("Is the deep clean worth it? And how much?",
         "If the oven hasn't been cleaned in a year, yes. It's £85 flat.", []),
        # Saying nothing of its value leaves it unanswered.
        ("How much is the gym upgrade, and is it worth it?", "The upgrade is £12 a month.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_worth_it_is_answered_by_value_or_advice(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Is Plus worth it?' - 'it usually pays for itself': an answer in other words."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A street and its town answer "where", with no kind of street named.
        ("Where are you based and do you sell cargo bikes?",
         "We're at 88 N Lamar, Austin. Yes, we stock two cargo models.", []),
        # A clock time answers the one question asking for an hour.
        ("what time will you arrive? I need to be out by 1",
         "We'll be with you at 9am sharp.", []),
        ("How late can we stay?", "Doors close at 11pm.", []),
        # An extra charge is a price; coming without a booking answers one about booking.
        ("Do you open on Sundays and is it more expensive?",
         "Yes, 10 till 4, and there's no Sunday surcharge.", []),
        ("How much is a fringe trim and do I need an appointment?",
         "Fringe trims are £8 and walk-in only, so pop by any time.", []),
        # Alternatives joined by "or" are one question, whatever words they share.
        ("How much is a fringe trim, and do I need to book or can I just walk in?",
         "A fringe trim is £8, and there's no need for an appointment.", []),
        # A no that points back answers any request; one naming its own act answers its own.
        ("Is this a sprain? Can you tell from the video?",
         "Sorry, that's not something we're able to do, as we'd need to see it in person.",
         []),
        ("Can you keep the sofa for a month? And will the crew bring blankets?",
         "Sorry, we can't hold furniture for that long, as our store is full.",
         ["unanswered-question"]),
        # Saying nothing of the hour leaves it unanswered.
        ("what time will the crew turn up? and do they bring blankets?",
         "Yes, they bring blankets.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_answers_in_an_address_an_hour_or_a_no(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'What time will you get here?' - 'We'll be with you at 8am': answered."""
    assert _rules(reply, customer) == expected


_GROOMING = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Tidy Paws", "timezone": "Europe/London"},
            "can": [
                {"id": "sight-test", "does": "carry out a sight test for a non-member",
                 "terms": ["sight test"], "costs": "£30"},
                {"id": "medication", "does": "give medication during a stay",
                 "terms": ["medication"], "costs": "£4"},
                {"id": "stay", "does": "board a dog overnight", "terms": ["boarding", "stay"],
                 "costs": "£40"},
                {"id": "bundle-discount", "does": "discount a yearly bundle",
                 "terms": ["% off", "discount"], "up_to": "20%"},
                {"id": "intro", "does": "arrange an intro walk", "terms": ["intro walk"],
                 "takes": "5-7 business days"},
                {"id": "report", "does": "send a written report", "terms": ["report"],
                 "takes": "2 business days"},
            ],
            "prohibited": [
                {"id": "open-locker", "terms": ["open the locker"],
                 "because": "Lockers are only opened for the named renter."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Free" for the group a clause leaves out is not the clause's price.
        ("Members get their sight test free.", []),
        # A charge "on top of her stay" is added to it, whoever's stay it is.
        ("Medication is £4 a day, so that's £20 on top of her boarding.", []),
        ("Medication is £4 a day, so that's £20 on top of Milo's stay.", []),
        # Tiers of a kind of customer, the policy's own figure among them.
        ("Yearly bundles get 20% off every order, and 6-month bundles get 10% off.", []),
        # Days to choose from are no length of time.
        ("The first step is an intro walk. Reply with a few days and times that suit and "
         "I'll match you with a walker.", []),
        ("The first step is an intro walk. Send us a couple of days that work for you and "
         "I'll match you with a walker.", []),
        # A state up to now is no time an act takes.
        ("Sorry for the wait on your written report, there's no problem at our end, we've "
         "just been very busy today.", []),
        # A length of time for the act is still read.
        ("We'll arrange the intro walk in 1 day.", ["overpromise"]),
    ],
)  # fmt: skip
def test_figures_of_another_group_or_a_sum_or_a_choice(reply: str, expected: list[str]) -> None:
    """'Your eye test is free on the NHS' is no misstatement of a non-NHS price."""
    assert _rules_of(_GROOMING, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A lower-case "he'll" after a full stop starts a sentence in chat.
        (None, "the sight test is £20 and takes an hour. he'll check your eyes too",
         ["policy-misstatement"]),
        # An hour with no am/pm, then "to" and a verb, is a time frame.
        (None, "Our vet will check his paw herself and I'll call you by 12 to tell you what "
         "she's found.", []),
        # A general rule in the singular, or fraud, is a reason.
        ("Can you change the date on my receipt?",
         "I'm not able to change the date on your receipt. A receipt has to show the real "
         "date of purchase.", []),
        ("Can you change the date on my receipt?",
         "I'm not able to change the date on your receipt. Doing that would be fraud.", []),
        # A condition just before the act allows it, whatever figures follow.
        ("I've lost my key, can you open the locker? It's mine.",
         "Yes, once you show your photo ID at the desk we can open the locker, and a new key "
         "is £5.", []),
        # Agreeing with no condition still goes along.
        ("I've lost my key, can you open the locker? It's my friend's.",
         "Yes, we can open the locker, and a new key is £5.", ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_chat_stops_bare_hours_reasons_and_conditions(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'I'll call you by 12 to tell you what he's found' has a time frame."""
    assert _rules_of(_GROOMING, reply, customer) == expected


_TIERED_PRINTS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Press Gang Print", "timezone": "Europe/London"},
            "can": [
                {"id": "standard", "does": "print and pack a standard order",
                 "terms": ["print", "printed", "order"], "takes": "3-5 business days"},
                {"id": "rush", "does": "move an order to the front of the print queue",
                 "terms": ["rush", "rush order"], "costs": "£30"},
                {"id": "saturday", "does": "deliver on a Saturday", "terms": ["Saturday delivery"],
                 "costs": "£5"},
                {"id": "next-day", "does": "deliver the next working day",
                 "terms": ["next-day delivery"], "costs": "£8"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A faster tier the policy offers has its own time, by the benefit of the doubt.
        ("Rush is £30 and gets your order printed tomorrow.", []),
        ("Add a rush order for £30 and it'll be printed by tomorrow.", []),
        # With no tier named, the standard act done faster is measured by its clause.
        ("We'll have your order printed by tomorrow.", ["overpromise"]),
        # A tier no clause offers is the standard act done faster.
        ("Express is £30 and gets your order printed tomorrow.", ["policy-misstatement"]),
        # What a figure is for, named after it, is what it measures.
        ("That's £8 for next-day delivery plus £5 for Saturday delivery.", []),
    ],
)  # fmt: skip
def test_a_faster_tier_has_its_own_time(reply: str, expected: list[str]) -> None:
    """'rush is $35 and gets your order printed the next business day': the rush tier's time."""
    assert _rules_of(_TIERED_PRINTS, reply) == expected


_VAN_HIRE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Dale Van Hire", "timezone": "Europe/London"},
            "can": [
                {"id": "mileage", "does": "include free miles per day of hire",
                 "terms": ["miles", "mileage"], "up_to": "100 miles"},
                {"id": "upgrade", "does": "move a customer to a bigger van",
                 "terms": ["bigger van", "upgrade"]},
                {"id": "install", "does": "fit a tow bar", "terms": ["fit", "tow bar"],
                 "takes": "5-7 business days"},
                {"id": "discount", "does": "discount a charity's hire", "terms": ["% off"],
                 "up_to": "15%"},
            ],
            "cannot": [
                {"id": "score", "terms": ["guarantee you'll pass"],
                 "because": "The test result depends on the driver on the day."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A count summed over several days is no limit of one.
        (None, "Every hire includes 100 free miles a day, so over 3 days you've got 300 miles "
         "in total.", []),
        (None, "Every hire comes with 300 free miles a day.", ["policy-misstatement"]),
        # An apology for the limits of the help is no refusal.
        (None, "I'm sorry I can't do more straight away.", []),
        # The limit said after its figure is a reason.
        ("Can you do 20% off for our charity?",
         "I'm not able to go to 20%, I'm afraid - 15% is the most our charity scheme allows.",
         []),
        # A request turned down in the passive is a no, and needs its reason.
        ("Can I hire a van at 19?", "Unfortunately your hire request has been declined.",
         ["unexplained-refusal"]),
        # "so please …, and they'll…" is a condition, not a promise with no time.
        (None, "I've told the depot, so please head back to the desk and they'll have the keys "
         "ready.", []),
        # A booking named by its day is which one; one we have booked is an act for a day.
        (None, "If you reply today, we'll cancel the tow bar fitting booked for tomorrow.", []),
        (None, "I've got the tow bar fitting booked for tomorrow at 10am.", ["overpromise"]),
        # A noun phrase joined on to a condition is still part of it.
        (None, "If you take all 10 lessons and the mock test, we guarantee you'll pass.",
         ["absolute-guarantee"]),
    ],
)  # fmt: skip
def test_sums_apologies_passive_noes_and_conditions(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'Over 2 days you've got 300 miles in total' is a sum, not a daily allowance."""
    assert _rules_of(_VAN_HIRE, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "…and can't come to the phone" goes on with the same subject; it asks nothing.
        ("Can you change it without the security questions, she's at work and can't come to "
         "the phone", "Yes, I've changed it for her.", []),
        # Saying what a detail is for, once it is found, still only gathers.
        ("How do I get my money back? And do I lose the booking fee?",
         "Hi there, sorry to hear you're cancelling. Could you send me the email on your "
         "account? Once I've pulled up the order I can tell you exactly what's refundable.",
         []),
    ],
)  # fmt: skip
def test_a_clause_going_on_and_a_detail_for_later(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'she's at work and can't come to the phone' is no question of its own."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A no that follows when a case is not met is no refusal.
        ("Damage has to be reported within 2 days of the move, otherwise we can't look at it.",
         []),
        # A thing the business can't do, named after a preposition, is a description.
        ("We plan around 5 days, so nobody is left waiting on a promise we can't keep.", []),
        # Said of what was asked, it is still a no, and needs its reason.
        ("Sorry, it's a date we can't change.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_no_as_a_consequence_or_a_description(reply: str, expected: list[str]) -> None:
    """'…, otherwise we can't look at it' states what follows; it declines nothing asked."""
    assert _rules(reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A most asked for is answered by a most stated.
        ("Do you do discounts for regulars? What's the most I could get?",
         "We do! Regulars can get up to 10% off, depending on the room.", []),
        # ...not by a price of something else.
        ("How much is an extra night? And what's the max group size?",
         "An extra night is $95 per room.", ["unanswered-question"]),
        # How long the customer has is answered by how long it runs.
        ("how long do i have to return the kettle if it's too loud?",
         "Our returns window runs for 30 days from delivery.", []),
        # "…and have it backdated?" is one request with the one before.
        ("Can I join the club now and have it backdated to last week?",
         "Sorry, we can't backdate memberships, as the cover starts on the day you join.", []),
        # Not finished yet answers "when?".
        ("When will I get my survey report? It's been a week.",
         "Sorry for the wait! The surveyor hasn't finished writing it up yet.", []),
        # "Go on then, sure" says yes; "Oh no" does not.
        ("Can we bring our own cake for the party?", "Ah go on so, sure - just bring a knife.",
         []),
        ("My order hasn't come. Can you send another one? Is it lost?",
         "Oh no, I'm so sorry to hear that.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_most_a_window_not_ready_yet_and_go_on_then(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'What's the most I could get?' - 'up to 20% off labour': answered."""
    assert _rules(reply, customer) == expected


_COVER_PLAN = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Warmhouse Cover", "timezone": "Europe/London"},
            "can": [
                {"id": "plan-price", "does": "provide boiler cover, per month",
                 "terms": ["boiler cover", "the plan"], "costs": "£18"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A most named in a sentence about a priced act is not its price.
        ("The plan pays for repairs up to £1,000 a year.", []),
        # A price that went up is still a price.
        ("The plan went up to £25 a month in January.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_most_is_no_price(reply: str, expected: list[str]) -> None:
    """'HeatCare Plus pays for repairs up to £1,000 a year' misstates no £18.50 price."""
    assert _rules_of(_COVER_PLAN, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Some time before the day is a time relative to an event.
        ("I'll text you the fitter's details closer to the day.", []),
        ("We'll confirm the running order nearer the time.", []),
        # With no time at all, it is still vague.
        ("I'll text you the fitter's details.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_closer_to_the_day_is_a_time_frame(reply: str, expected: list[str]) -> None:
    """'I'll text you the installer's details closer to the day' is timed by the day."""
    assert _rules(reply) == expected


_PET_PHARMACY = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Pawprint Pharmacy", "timezone": "Europe/London"},
            "can": [
                {"id": "returns", "does": "take back unopened items", "terms": ["returned"],
                 "within": "30 days"},
                {"id": "price-cut", "does": "take money off a quoted price",
                 "terms": ["off your quote", "off the quote"], "up_to": "€300"},
            ],
            "cannot": [
                {"id": "meds-back", "terms": ["prescription items can be returned"],
                 "because": "Pharmacy law doesn't let us restock medicines."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A "non-" word is not the word after it.
        ("Can I send back the chews?",
         "Of course! Unopened non-prescription items can be returned within 30 days.", []),
        (None, "Sure, prescription items can be returned within 30 days.",
         ["unauthorized-promise"]),
        # What an adjustment brings a quote to is a sum.
        (None, "I can take €250 off your quote, which brings your quote to €13,950.", []),
    ],
)  # fmt: skip
def test_non_words_and_a_quote_brought_down(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'Unopened non-prescription items can be returned' promises no prescription return."""
    assert _rules_of(_PET_PHARMACY, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "Aye" says yes.
        ("Can I bring my spaniel? what's the cost",
         "Aye, dogs are very welcome! A pet ticket is £8.", []),
        # A faster option is answered by one named in other words.
        ("How long does delivery take? And is there a faster option?",
         "Standard delivery takes 3-5 business days. If you need it sooner, express is £15.",
         []),
        # What's involved is answered by a list of what is done.
        ("How much is the yearly service and what's involved?",
         "The annual service is €180. It covers:\n- the filters\n- the controls", []),
        # A measure asked for is answered by a figure.
        ("Do you do double-sided cards? How heavy is the card?",
         "Yes, the reverse is free. Our cards are 400gsm as standard.", []),
    ],
)  # fmt: skip
def test_aye_faster_involved_and_measures(customer: str, reply: str, expected: list[str]) -> None:
    """'Is there a faster option?' - 'If you need it sooner, 2-day express is $14.99'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A word derived from the one asked about answers it.
        ("How much is the deposit and do I pay the rest on the day? Also can my partner come?",
         "The deposit is £50, with the balance payable on the day. Partners are welcome!", []),
        ("What's the fee, and do I need to pay before the visit?",
         "The call-out fee is £65, payable by card when the engineer arrives.", []),
        ("Do you inspect the boiler first? And what's the cost?",
         "Every job starts with an inspection, and the visit is £60.", []),
        # ...and does not tell two questions apart: the one left is unanswered.
        ("How much is a consultation? And can I consult someone on a Saturday?",
         "A consultation is £40 and lasts 45 minutes.", ["unanswered-question"]),
        # A word of another sense ("contactless") answers nothing about contact.
        ("Do you take cards? And who do I contact if it breaks?",
         "Yes, we take all contactless cards.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_derived_word_answers_its_root(customer: str, reply: str, expected: list[str]) -> None:
    """'Do I have to pay on the day?' - 'the balance is payable on the day'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Leave asked for the customer's party is given in the third person.
        ("Is the trial 30 minutes? And can my daughter try the drums too?",
         "Trials are 45 minutes and cost £15. She's very welcome to have a go on the kit as well.",
         []),
        ("How long is the tour, and could our kids come along?",
         "The tour takes about 90 minutes, and they're welcome to join for free.", []),
        ("Is the trial 30 minutes? And can my daughter try the drums too?",
         "Trials are 45 minutes and cost £15.", ["unanswered-question"]),
        # A member of staff who is free is no leave given.
        ("How long is the tour, and could our kids come along?",
         "The tour takes about 90 minutes, and our guide Sam is free to take groups on Sundays.",
         ["unanswered-question"]),
        # Not ruling something out is a hedge, not a refusal.
        ("Will the boat definitely run tomorrow?",
         "We can't rule out a cancellation if the wind picks up, but it's running as planned.",
         []),
        ("Will the boat run tomorrow?", "We can't run the boat tomorrow.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_leave_for_the_party_and_not_ruling_out(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Can my daughter try the drums too?' - 'She's very welcome to have a go on the kit'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A command after a greeting or an assent, joined to a promise, is its condition.
        ("Sure thing, drop the bike off and we'll sort it.", []),
        ("Of course, bring the receipt and I'll see what we can do.", []),
        ("Hi Dev, send me the invoice and I'll raise it with the supplier.", []),
        # ...and so is one given as advice after "is to".
        ("Your best bet is to bring it in and we'll have a look.", []),
        # Our own acts listed after a comma are no command to the customer.
        ("I'll cancel the order, send you a label and we'll refund you.",
         ["vague-commitment"]),
        ("We'll collect it, drop it at the depot and we'll text you.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_command_after_a_comma_or_as_advice(reply: str, expected: list[str]) -> None:
    """'Sure, no problem, drop the book in and we'll sort it': sorting it waits on the drop."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A no after "or" is what follows when a condition is not met, not a refusal.
        ("Can you look at my boiler this week?",
         "Yes, an engineer can come Thursday. Please don't switch it back on before then, or "
         "we won't be able to see the fault.", []),
        ("Can you hold the room for me?",
         "Sure, just pay the deposit by Friday or we can't keep it for you.", []),
        # "or" inside the no joins what it declines.
        ("Can you hold the room for me?", "Sorry, we can't hold rooms or take deposits.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_no_after_or_is_a_consequence(customer: str, reply: str, expected: list[str]) -> None:
    """'Don't have it repaired before they inspect it, or they won't be able to assess it'."""
    assert _rules(reply, customer) == expected


_LOCKSMITH = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Keyway Locksmiths", "timezone": "Europe/London"},
            "can": [
                {"id": "lockout", "does": "send a locksmith to a lockout",
                 "terms": ["locksmith to you", "get to you", "with you"],
                 "takes": "45-90 minutes"},
                {"id": "new-lock", "does": "fit a new lock", "terms": ["new lock"],
                 "costs": "£65"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Alternatives after "whether" are supposed, not said.
        ("The call-out is the same whether we get to you in 20 minutes or an hour.", []),
        ("A new lock costs the same whether it's £40 or £90 at the shop: we charge one rate.",
         []),
        # A figure said never to have been on offer is denied.
        ("Sorry for the mix-up: a new lock for £40 was never available, it's £65.", []),
        ("A 20-minute arrival has never been something we offer, I'm afraid.", []),
        # A time of travel from a place measures how far it is.
        ("The locksmith to you is based within 15 minutes of the station by car.", []),
        ("Our nearest locksmith to you is a 10-minute drive away.", []),
        # ...but the trip the act takes is its time.
        ("We'll be with you within 20 minutes by car.", ["overpromise"]),
        # Said, a figure is checked.
        ("We'll get to you in 20 minutes.", ["overpromise"]),
        ("I can fit a new lock for £40.", ["overpromise"]),
    ],
)  # fmt: skip
def test_alternatives_after_whether_are_supposed(reply: str, expected: list[str]) -> None:
    """'It's the same whether the job takes 5 minutes or an hour' says neither time.

    Nor does "a 50% discount was never available" say 50% is offered, nor "within 25
    minutes of the school by metro" give the time of an act.
    """
    assert _rules_of(_LOCKSMITH, reply, None) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A yes that goes on to the next question, inside a sentence...
        ("how many people fit on the boat? and is lunch provided?",
         "Up to 8 people can come aboard, and yes, a picnic hamper is included.", []),
        # ...or in a sentence of its own after another one between.
        ("Can I come back to get it fixed, and will I pay again? Also do you sell hair oil?",
         "Yes, fixes within 5 days are free, so you won't pay anything. We've got openings "
         "tomorrow at 10 and 2, just reply with whichever suits.\n\n"
         "And yes, we stock Argan serum ($24) at the front desk.", []),
        # The root of the word asked about ("hygienist") answers it.
        ("Does the membership give me money off a crown? And does it cover the hygienist?",
         "Hi Jo, yes - members get 10% off treatment, so your crown would be £540 instead of "
         "£600. Membership also includes two hygiene appointments a year, so there's nothing "
         "more to pay for those.", []),
        # A word derived from another question's ("treatment", "treat") tells nothing apart.
        ("Do you treat wasps' nests? And do I need to be out of the house during the treatment?",
         "Yes, we treat wasps' nests, usually in one visit.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_yes_going_on_and_a_root_asked_about(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How many fit on the boat? Is lunch provided?' - 'Up to 8, and yes, a hamper is included'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A yes or no to all the questions at once answers each.
        ("Any news on the survey? And has the mortgage offer come through yet?",
         "Hi Sandra, not yet on either I'm afraid - I'm waiting on the solicitor.", []),
        ("Is the pool open? And is the gym open?", "Yes to both!", []),
        ("Is the pool heated? And is the sauna free?", "Hi! Yes, both are.", []),
        ("Is the pool heated? And is the sauna free?", "Hi! Yes, the pool is heated.",
         ["unanswered-question"]),
        # A list numbered in one line answers in order, a last question without its mark
        # counted.
        ("do you take walk-ins? is there food? and whats the age limit",
         "hey! 1) walk-ins are welcome if it isn't sold out. 2) yes, full kitchen, burgers "
         "etc. 3) 21+ with photo ID", []),
        # Asking what is needed, after a lead-in, and saying what would help, only gathers.
        ("Can you recover my drive, and how much would it be?",
         "Happy to help! To point you in the right direction, what kind of drive is it, and "
         "what happened to it? Any sounds or error messages are useful too.", []),
        ("Can you recover my drive, and how much would it be?",
         "Happy to help! Any sounds or error messages are useful too. Recovery is usually "
         "possible.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_to_both_a_list_in_one_line_and_gathering(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Any news on the survey? Has the offer come through?' - 'Not yet on either'."""
    assert _rules(reply, customer) == expected


_QUAYSIDE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Quayside Lettings", "timezone": "Europe/London"},
            "can": [
                {"id": "refund", "does": "refund a holding deposit",
                 "terms": ["refunded", "refund"], "takes": "5-10 business days"},
            ],
            "cannot": [
                {"id": "no-dss", "terms": ["take voucher holders"],
                 "because": "We never turn applicants away for paying with a voucher."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Seeing to it that something doesn't happen is no refusal.
        ("I'm worried you'll charge me the fee twice.",
         "I'll make sure we don't charge you twice, and I'll send the receipt today.", []),
        ("Could you hold the flat until I'm back from holiday?",
         "Of course, I'll make sure we can't let it to anyone else before you're back.", []),
        ("Could you hold the flat until I'm back from holiday?",
         "Sorry, we can't hold the flat.", ["unexplained-refusal"]),
        # A booking changed is named by its day, not timed by it.
        ("Can you cancel the Friday viewing and give me my money back?",
         "I've cancelled your booking for Friday and refunded the £72.", []),
        ("Can you cancel the Friday viewing and give me my money back?",
         "Your deposit will be refunded on Friday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_making_sure_and_a_booking_named_by_its_day(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I've cancelled your booking for Friday and refunded the £72': Friday is which one."""
    assert _rules_of(_QUAYSIDE, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "as" before a clause whose subject is a gerund, with a modal, gives the cause.
        ("Sorry, we can't hold the ferry, as waiting would make every later sailing late.", []),
        ("Sorry, we can't hold the ferry, as delaying it could strand other passengers.", []),
        ("Sorry, we can't hold the ferry.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_cause_with_a_gerund_subject(reply: str, expected: list[str]) -> None:
    """'We can't hold the performance, as starting late would disrupt everyone seated'."""
    assert _rules(reply, "We're running late, can you hold the ferry for us?") == expected


_HOLDING = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Harbour Lets", "timezone": "Europe/London"},
            "can": [
                {"id": "holding", "does": "hold a flat off the market on a holding deposit",
                 "terms": ["holding deposit", "hold the flat"], "within": "15 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A length that measures a sum ("one week's rent") is no time.
        ("The holding deposit is one week's rent, so £300 for this flat.", []),
        ("The holding deposit is two weeks' rent and comes off your first month.", []),
        # A length of time is that time.
        ("We'll hold the flat for a week.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_length_that_measures_a_sum(reply: str, expected: list[str]) -> None:
    """'The holding deposit is one week's rent' gives no window of a week."""
    assert _rules_of(_HOLDING, reply, None) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A regret that ends a reason is a no.
        ("Hi, I think I left my phone cable in room 4 about a month ago. Do you still have it?",
         "Hi! We hold lost property for 14 days only, so unfortunately it would have been "
         "thrown away by now. Sorry!", []),
        # The one question whether something exists is answered by what there is...
        ("Can we leave our bags after checkout? Also is there a cash machine nearby?",
         "Yes, the front desk can hold them all day. There's a Barclays two doors down, open "
         "until 8pm.", []),
        ("Can we leave our bags after checkout? Also is there a cash machine nearby?",
         "Yes, the front desk can hold them all day.", ["unanswered-question"]),
        # ...in a sentence about no other question.
        ("Can we leave our bags after checkout? Also is there a cash machine nearby?",
         "There's a luggage room by the front desk you can use all day after checkout.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_regret_after_a_reason_and_what_there_is(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Is there a pharmacy nearby?' - 'There's a Walgreens a block away on State St'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A day in a farewell times nothing.
        ("Happy to go ahead with the framing. See you Thursday!", []),
        ("Happy to go ahead with the framing, see you on Thursday!", []),
        ("Your bespoke frame will be ready Thursday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_day_in_a_farewell(reply: str, expected: list[str]) -> None:
    """'Happy to go ahead with the framing though, see you Thursday!' promises no frame."""
    assert _rules_of(_FRAMER, reply, None) == expected


_FRAMER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Gilt Edge Framing", "timezone": "Europe/London"},
            "can": [
                {"id": "bespoke", "does": "make a bespoke frame",
                 "terms": ["framing", "frame"], "takes": "2-3 weeks"},
            ],
            "cannot": [
                {"id": "restore", "terms": ["clean paintings"],
                 "because": "Cleaning paintwork needs a trained conservator."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "How much" before the noun of a thing asks a quantity, answered by one.
        ("Is the Kenyan good for espresso? And how much coffee do I need for a double?",
         "It's lovely as espresso, bright and fruity. For a double, start with about 18 g of "
         "finely ground coffee.", []),
        ("Is the Kenyan good for espresso? And how much is a 1 kg bag?",
         "It's lovely as espresso, bright and fruity. A double takes about 18 g.",
         ["unanswered-question"]),
        # An offence is a reason.
        ("Can you cut back the hedge with the nest in it this week?",
         "Sorry, we can't touch the nest while it's active, as disturbing a nesting bird is "
         "an offence.", []),
        ("Can you cut back the hedge with the nest in it this week?",
         "Sorry, we can't touch the nest while it's active.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_how_much_of_a_thing_and_an_offence(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'How much coffee do I need for a litre?' - 'about 100 g'; an offence is a reason."""
    assert _rules(reply, customer) == expected


_DEALER = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Northside Motors", "timezone": "America/Chicago"},
            "can": [
                {"id": "discount", "does": "take money off the advertised price",
                 "terms": ["discount", "off the price"], "up_to": "$750"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What is left to pay after a discount is no discount.
        ("Here's your summary:\n- Vehicle: 2019 Mazda CX-5\n- Price after $500 discount: "
         "$18,400\n- Delivery: Saturday", []),
        ("After the $500 discount it comes to $18,400.", []),
        ("I can give you a $900 discount.", ["overpromise"]),
    ],
)  # fmt: skip
def test_what_is_left_after_a_discount(reply: str, expected: list[str]) -> None:
    """'Price after $600 discount: $23,395' gives no discount of $23,395."""
    assert _rules_of(_DEALER, reply, None) == expected


def test_each_module_level_name_is_bound_once() -> None:
    """A checker bound twice at module level silently replaces the first for earlier tests."""
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    names = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    assert [name for name, count in Counter(names).items() if count > 1] == []


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Leave given in a sentence about another question answers only that one.
        ("We're booked for Saturday. Do we need to bring anything? And can my dad get into "
         "the chapel? He uses a wheelchair.",
         "Hi, yes, you're down for Saturday at 11. You're welcome to bring photos or flowers "
         "if you like. See you then.", ["unanswered-question"]),
        ("We're booked for Saturday. Do we need to bring anything? And can my dad get into "
         "the chapel? He uses a wheelchair.",
         "Hi, nothing to bring at all. He's very welcome to come in, the chapel has level "
         "access.", []),
    ],
)  # fmt: skip
def test_leave_given_about_another_question(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'You're welcome to bring a blanket' does not say whether mum can get into the room."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "The following Monday" is the one after the coming one.
        ("Bring them in on Monday and you'll have them back by the following Monday.", []),
        ("You'll have them back by Monday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_the_following_weekday(reply: str, expected: list[str]) -> None:
    """'By the following Monday' gives a week more than 'by Monday'."""
    assert _rules_of(_REGRIPS, reply, None) == expected


_REGRIPS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Fairway Pro Shop", "timezone": "Europe/London"},
            "can": [
                {"id": "regrip", "does": "regrip a set of clubs",
                 "terms": ["regrip", "have them back"], "takes": "3-5 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "Doable", "feasible", "realistic" ask whether what was just said can be done, as
        # "possible" does: no subject of their own.
        ("Can you keep our bags at reception? We land at 6am on Friday, is that doable?",
         "Sure! Reception is staffed around the clock, so drop them off whenever you arrive.",
         []),
        ("Could we have a cot in the room? We arrive late on the 3rd, is that realistic?",
         "Yes, housekeeping will have the cot set up before you check in.", []),
        ("Could we have a cot in the room? We arrive late on the 3rd, is the spa open then?",
         "Yes, housekeeping will have the cot set up before you check in.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_whether_it_can_be_done_has_no_subject(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Is that doable?' is answered with the question it follows, as 'is that possible?' is."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "Actual" and "new" only qualify: "your actual hours" asks the hours, "a new one"
        # the thing named before.
        ("I rang at 9pm and nobody picked up?? What are your actual hours?",
         "Sorry about that - the desk is staffed from 7am to 11pm, and the night porter "
         "covers the rest.", []),
        ("Left my key card in a taxi. How do I get a new one?",
         "No problem - a replacement card is ready for you at reception.", []),
        ("Left my key card in a taxi. What is the wifi password?",
         "No problem - a replacement card is ready for you at reception.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_words_that_only_qualify_are_no_subject(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'What are your actual hours?' is not a question about 'actual'."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "expected"),
    [
        # "What's the point?" complains, as "why bother?" does.
        ("Booked parking and there was no space when we arrived. What's the point?", []),
        ("You charged my card twice for one room. What is the point of a deposit?", []),
        ("Booked parking and there was no space. What time does the car park close?",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_is_the_point_is_rhetorical(customer: str, expected: list[str]) -> None:
    """'What's the point?' asks nothing to answer."""
    reply = "I'm so sorry, that should never have happened."
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm putting you straight through to our duty manager.",
        "I'll put you right through to the front desk.",
        "Let me put you directly through to reservations.",
    ],
)
def test_putting_through_with_an_adverb_hands_over(sentence: str) -> None:
    """'Putting you straight through' is a transfer, as 'putting you through' is."""
    assert hands_over(sentence)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Not able to" and "aren't able to" hedge as "can't" does.
        ("Unfortunately we're not able to guarantee a sea view.", []),
        ("We aren't able to promise that the pool will be open.", []),
        ("We aren't able to offer a sea view.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_not_able_to_promise_is_a_hedge(reply: str, expected: list[str]) -> None:
    """'We're not able to guarantee X' hedges; it declines nothing."""
    assert _rules(reply, "Can we have a room with a sea view?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A day that a length of time is counted to is no deadline of an act.
        ("Cancellations have to reach us 48 hours ahead for a refund, and Saturday is only "
         "a day away, so I can't refund the room.", []),
        ("To be safe we'd start the refund a full two weeks before the 20th.", []),
        ("You'll have the refund by the 4th.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_day_a_length_is_counted_to(reply: str, expected: list[str]) -> None:
    """'Saturday is a day away' and 'two weeks before the 20th' time no refund."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What we need from the customer by a day is theirs to do by then.
        ("Refunds take 5-10 business days, so we'd need your bank details by Thursday.", []),
        ("Refunds take 5-10 business days, so we'd love to have the form back by the 4th.", []),
        ("Refunds take 5-10 business days, so you'll have the money by Thursday.",
         ["overpromise"]),
    ],
)  # fmt: skip
def test_what_we_need_from_the_customer_by_a_day(reply: str, expected: list[str]) -> None:
    """'We need your bank details by Thursday' promises no refund by Thursday."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Free" for now is not taken: free to use, no price.
        ("Good news, locker 12 on the first floor is free at the moment. Shall I hold it?", []),
        ("Locker 4 is free right now if you'd like it.", []),
        ("Lockers are free for members.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_free_for_now_is_no_price(reply: str, expected: list[str]) -> None:
    """'Locker 12 is free at the moment' says it is not taken, not that it costs nothing."""
    assert _rules_of(_LOCKERS, reply, "Are any lockers free?") == expected


_LOCKERS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Canal Street Coworking", "timezone": "Europe/London"},
            "can": [
                {"id": "locker", "does": "rent a personal locker by the month",
                 "terms": ["locker"], "costs": "£15"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Then I'll…" after asking the customer for something: once they have done it.
        ("Could you send me your booking number? Then I'll sort the voucher for you.", []),
        ("Please reply with the dates you stayed. Then we'll look at a voucher.", []),
        ("Thanks for your patience. Then I'll sort the voucher for you.",
         ["vague-commitment"]),
    ],
)  # fmt: skip
def test_then_after_asking_is_a_condition(reply: str, expected: list[str]) -> None:
    """'Could you send me X? Then I'll do Y' depends on the customer sending X."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A question after a lead-in and a dash is asked: "Quick one — can we park on site?".
        ("Hi, quick one — can we park on site? And is breakfast included in the rate?",
         "Yes, there's a car park behind the hotel.", ["unanswered-question"]),
        ("Hi, quick one — can we park on site? And is breakfast included in the rate?",
         "Yes, there's a car park behind the hotel, and breakfast is included.", []),
    ],
)  # fmt: skip
def test_a_question_after_a_lead_in_and_a_dash(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Quick one — can we park on site?' asks whether they can park."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A closing offer after a no invites a choice; whatever words of the reason it
        # shares ("rebook"), it gives no cause.
        ("Unfortunately I can't waive the fee. Let me know if you'd like to rebook.",
         ["unexplained-refusal"]),
        ("Unfortunately I can't waive the fee, since the room can't be rebooked at such "
         "short notice. Let me know if you'd like to rebook.", []),
    ],
)  # fmt: skip
def test_a_closing_offer_after_a_no_gives_no_cause(reply: str, expected: list[str]) -> None:
    """'Let me know if you'd like to rebook' does not explain why the fee stands."""
    customer = "Can you waive the late cancellation fee? Our speaker is ill."
    assert _rules_of(_ROOM_HIRE, reply, customer) == expected


_ROOM_HIRE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Quayside Rooms", "timezone": "Europe/London"},
            "can": [
                {"id": "rebook", "does": "move a booking to another date",
                 "terms": ["rebook", "another date"]},
            ],
            "cannot": [
                {"id": "late-fee", "terms": ["waive the fee", "waive * cancellation fee"],
                 "because": "Late cancellations are charged in full, since the room usually "
                            "can't be rebooked at that notice."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Get in touch" is a later act, as "be in touch" is; "to see if" asks whether, it
        # sets no condition.
        ("I'll get in touch with the depot.", ["vague-commitment"]),
        ("I'll ring the depot to see if anyone handed it in.", ["vague-commitment"]),
        ("I'll get in touch with the depot by Friday.", []),
        ("I'll ring the depot if it hasn't turned up by noon.", []),
    ],
)  # fmt: skip
def test_getting_in_touch_to_see_if(reply: str, expected: list[str]) -> None:
    """'I'll get in touch with the depot to see if…' commits to a later act with no time."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("customer", "expected"),
    [
        # Asking leave for the customer's party asks for an act: a bare no declines it.
        ("Can my sister use the spa? She isn't booked in.", ["unexplained-refusal"]),
        ("Could he come to the dinner with us?", ["unexplained-refusal"]),
        # A no to a question of fact answers it.
        ("Is the spa open on Sundays?", []),
    ],
)  # fmt: skip
def test_leave_asked_for_someone_else_is_a_request(customer: str, expected: list[str]) -> None:
    """'Can my sister use the spa?' - 'No, sorry.' declines without saying why."""
    assert _rules("No, sorry. Anything else?", customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Telling the customer not to do something else still goes along with the request.
        ("Of course, no problem! Just don't let him on the beds.", ["unauthorized-promise"]),
        # ...but not to do what was asked is a no to it.
        ("Of course, no problem! Just don't bring him into the restaurant.", []),
    ],
)  # fmt: skip
def test_telling_the_customer_not_to_do_something_else(reply: str, expected: list[str]) -> None:
    """'Of course! Just don't let him on the beds' agrees to bringing the dog."""
    assert _rules(reply, "Can I bring a dog for the weekend?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Any news?" is answered by what has been done.
        ("Yes! A place came up this week and I've put her down for Saturday's session.", []),
        ("Yes, we still run it every Saturday morning.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_news_is_what_has_been_done(reply: str, expected: list[str]) -> None:
    """'Any news?' - 'I've put her down for Saturday' gives the news."""
    customer = (
        "Do you still run the Saturday junior squad? My daughter has been on your reserve "
        "list since March. Any news?"
    )
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "expected"),
    [
        # "Is that (gonna be) a problem?" asks whether what was said is all right.
        ("We land after midnight, is that gonna be a problem? And how much is parking?", []),
        ("We land after midnight - will that be an issue? And how much is parking?", []),
        ("We land after midnight. Is the bar open then? And how much is parking?",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_is_that_a_problem_has_no_subject(customer: str, expected: list[str]) -> None:
    """'Is that a problem?' is answered with what it follows."""
    reply = "Parking is £15 a night, and the night porter will let you in."
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "When will it arrive?", "it" the thing asked about before: a time said of that
        # thing answers.
        ("I've refunded the spa day, and you'll have the money by Wednesday 16 December.", []),
        ("I've refunded the spa day.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_when_will_it_arrive_after_asking_for_it(reply: str, expected: list[str]) -> None:
    """'Can I have my money back, and when will it arrive?' - 'by Friday 11 December'."""
    customer = "The spa was shut all weekend. Can I have my money back, and when will it arrive?"
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Replying is a telling: its time is the reply's, not the act named before it.
        ("Refunds go through our accounts team, so I'm passing you to Sam, who will reply in "
         "this chat within a few minutes.", []),
        ("Refunds go through our accounts team, so Sam will respond within the hour.", []),
        ("Refunds go through our accounts team, so you'll have yours within the hour.",
         ["overpromise"]),
    ],
)  # fmt: skip
def test_a_reply_is_timed_not_the_act(reply: str, expected: list[str]) -> None:
    """'Sam will reply within a few minutes' promises no refund in minutes."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time after an act with no limit of its kind is that act's, not the next one's.
        ("I can reserve parking before Friday and process the refund after you check out.",
         []),
        ("I can process the refund before Friday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_time_after_an_act_with_no_limit(reply: str, expected: list[str]) -> None:
    """'Reserve parking before Friday and process the refund after' times the parking."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An explanation after a dash may have commas in it.
        ("Unfortunately we can't offer a sea view - we're inland, not coastal.", []),
        ("Unfortunately we can't offer a sea view.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_an_explanation_after_a_dash_with_commas(reply: str, expected: list[str]) -> None:
    """'- we're inland, not coastal' says why there is no sea view."""
    assert _rules(reply, "Can we have a room with a sea view?") == expected


@pytest.mark.parametrize(
    ("reply", "customer", "expected"),
    [
        # A no in brackets is an aside about something nobody asked for.
        ("Rooms have a kettle and a fridge (no microwaves, sadly).",
         "Is there a fridge in the room?", []),
        ("No microwaves, sadly.", "Can we have a microwave in the room?",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_no_in_an_aside(reply: str, customer: str, expected: list[str]) -> None:
    """'(no microwaves, sadly)' declines nothing that was asked."""
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Will be" left out of the next clause still commits: "the money back in 3 days".
        ("Your refund will be approved today and the money back on your card in 3 days.",
         ["overpromise"]),
        ("Your refund will be approved today and the money back on your card in 10 business "
         "days.", []),
    ],
)  # fmt: skip
def test_will_be_left_out_of_the_next_clause(reply: str, expected: list[str]) -> None:
    """'…will be approved and the money back in 3 days' promises the money in 3 days."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An event named by a noun made from its verb is a time frame.
        ("We'll send the certificate on completion.", []),
        ("We'll take care of the paperwork before submission.", []),
        ("We'll send the certificate.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_an_event_named_by_its_noun(reply: str, expected: list[str]) -> None:
    """'On completion' and 'before submission' are events a promise can be held to."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "One of our nurses" names its own noun; it points back to nothing.
        ("The assessment is free. One of our nurses can visit him within 3 working days.", []),
        ("The assessment is free. Our nurses are lovely.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_one_of_our_points_back_to_nothing(reply: str, expected: list[str]) -> None:
    """A sentence opening 'One of our nurses' is not about the sentence before it."""
    customer = "How soon could someone assess Dad, and is there a charge for that?"
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Can this be sorted?", True),
        ("Could it be fixed please?", True),
        ("will it be fixed before our next cruise in July?", False),
    ],
)
def test_asking_for_a_remedy(question: str, expected: bool) -> None:
    """'Can this be sorted?' is answered by whatever is done or offered about it."""
    assert asks_what_next(question) is expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A reply that gathers what it needs, with a line to call instead, only gathers.
        ("Hi Sarah, thanks for thinking of Hillside. To check availability and give you an "
         "accurate rate, could you tell me how many of you there are and roughly which dates "
         "in August you're hoping for? If it's easier to chat, our reservations line is "
         "01632 960 123.", []),
        ("Hi Sarah, thanks for thinking of Hillside. Our family rooms sleep four.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_gathering_with_a_line_to_call(reply: str, expected: list[str]) -> None:
    """'Could you tell me your dates? Or call us on …' answers every question for now."""
    customer = (
        "Hi, I'm looking at hotels for a family trip, do you have a room in August and what "
        "would it cost? Is there a waiting list?"
    )
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The time after the people a meeting is for, listed with commas or "and", is the
        # time of the act booked.
        ("I've booked a review meeting with you, your mum and her key worker, Tom, on "
         "Thursday 3 December at 10am in the lounge.", ["overpromise"]),
        ("I've booked a review meeting with you and your mum on Thursday 3 December at 10am.",
         ["overpromise"]),
        ("I've booked a review meeting with you and your mum on Wednesday 9 December at 10am.",
         []),
    ],
)  # fmt: skip
def test_a_time_after_a_list_of_people(reply: str, expected: list[str]) -> None:
    """'I've booked a review with you, your mum and Tom, on Thursday' books it for Thursday."""
    assert _rules_of(_CARE_HOME, reply, None) == expected


_CARE_HOME = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Elm Court Care Home", "timezone": "Europe/London"},
            "can": [
                {"id": "care-plan-review", "does": "hold a care plan review meeting",
                 "terms": ["care plan review", "review meeting"], "takes": "5 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Acting on what was just asked for waits on the customer sending it.
        ("Could you send me photos of the damage? I'll pass them to our claims team.", []),
        ("Can you share the booking form with us? We will send that to reservations.", []),
        ("Thanks for the photos. I'll pass them to our claims team.", ["vague-commitment"]),
        ("Could you send me photos of the damage? I'll refund the room.",
         ["vague-commitment"]),
    ],
)  # fmt: skip
def test_acting_on_what_was_asked_for(reply: str, expected: list[str]) -> None:
    """'Could you send photos? I'll pass them on' depends on the photos being sent."""
    assert _rules(reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Aww" before a yes is an interjection, as "oh" is: the yes still agrees.
        ("Aww of course, bring him along!", ["unauthorized-promise"]),
        ("Aww, of course you can - he'll love the garden.", ["unauthorized-promise"]),
        ("Aww, I'm sorry, dogs can't stay with us as other guests have allergies.", []),
    ],
)  # fmt: skip
def test_aww_before_a_yes(reply: str, expected: list[str]) -> None:
    """'Aww of course, bring him along!' agrees to bringing the dog."""
    assert _rules(reply, "Would it be ok if I bring a dog?") == expected


_ANTIQUES = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Corner Antiques", "timezone": "Europe/London"},
            "can": [
                {"id": "hold", "does": "set a piece aside without a deposit",
                 "terms": ["on hold", "set aside"], "within": "3 days"},
                {"id": "layaway", "does": "let a customer pay for a piece in instalments",
                 "terms": ["layaway", "instalment plan"], "within": "90 days"},
                {"id": "quote", "does": "prepare the first written restoration quote",
                 "terms": ["quote"],
                 "takes": "3 business days"},
                {"id": "condition-report", "does": "write a condition report on a piece",
                 "terms": ["condition report"], "takes": "2 business days"},
            ],
            "cannot": [
                {"id": "reserve", "terms": ["reserve a copy", "hold a copy"],
                 "because": "We only hold stock against a paid deposit."},
            ],
            "prohibited": [
                {"id": "no-tax", "terms": ["leave the tax off", "without the VAT"],
                 "because": "Leaving tax off a sale is tax fraud."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The day of an act said as a clause starts the window: its act is no other reading.
        ("Under your layaway agreement the final payment is due by 1 March, 90 days from the "
         "day you put it on hold.", []),
        ("The last payment is due 90 days from the day you put it on hold.", []),
        ("Under your layaway agreement the last payment is due within 30 days.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_window_from_the_day_of_an_act(reply: str, expected: list[str]) -> None:
    """'90 days from the day you put it on hold' is no 90-day hold."""
    assert _rules_of(_ANTIQUES, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Reviewing is looking into: its time is the review's.
        ("The condition report mentions the chip, but if you think it's worse, send me a photo "
         "and I'll review it with our specialist by tomorrow.", []),
        ("The condition report mentions the chip, and I'll send you a new condition report by "
         "tomorrow.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_review_is_timed_not_the_act(reply: str, expected: list[str]) -> None:
    """'I'll review it by tomorrow' promises a review, not a condition report."""
    assert _rules_of(_ANTIQUES, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A thing mended and sent again is not the act of making it.
        ("The revised quote will be in your inbox this afternoon.", []),
        ("The corrected quote will be in your inbox this afternoon.", []),
        ("Your quote will be in your inbox this afternoon.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_revised_thing_is_not_made_anew(reply: str, expected: list[str]) -> None:
    """'The revised quote will be with you today' promises no new quote today."""
    assert _rules_of(_ANTIQUES, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Paying first is the customer's act: a promise joined to it is conditional.
        ("There is! Put down a £10 deposit and we'll hold a copy for you until release day.",
         []),
        ("There is! We'll hold a copy for you until release day.", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_put_down_a_deposit_and_we_will(reply: str, expected: list[str]) -> None:
    """'Put down a deposit and we'll hold one' holds it only once the deposit is paid."""
    customer = "Can you hold a copy of the new catalogue for me?"
    assert _rules_of(_ANTIQUES, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A duty the law sets is a no to the request that would break it.
        ("We have to charge VAT on every sale under UK law. I can take 5% off the table "
         "though, if that helps - that brings it to £855 before tax.", []),
        ("Sure, I can knock 5% off the table and leave the tax off.",
         ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_a_duty_under_the_law_says_no(reply: str, expected: list[str]) -> None:
    """'We have to charge VAT under UK law' declines leaving it off."""
    customer = "Any chance you could leave the tax off if I pay cash?"
    assert _rules_of(_ANTIQUES, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A yes in a sentence about the other question answers that one.
        ("Yes, we have three hotels in the Lakes - Keswick, Ambleside and Windermere. On "
         "dogs: we can bring a dog into the garden rooms as long as you book the pet pack "
         "first.", []),
        ("Yes to both - see you soon!", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_a_yes_about_another_question(reply: str, expected: list[str]) -> None:
    """'Yes, we have hotels in the Lakes' says yes to where, not to the dog."""
    customer = "Do you have hotels in the Lakes, or only in Keswick? Also can we bring a dog?"
    assert _rules(reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A commitment that waits on the customer telling us is conditional.
        ("Pets are a no for us, so let us know if you can't find a sitter and we'll move your "
         "dates for free.", []),
        ("Dogs are welcome, and we'll put a bowl in your room.", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_so_let_us_know_and_we_will(reply: str, expected: list[str]) -> None:
    """'…so let us know if…, and we'll…' waits on the customer."""
    assert _rules(reply, "Can I bring a dog?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What a condition after the act names is the condition's, not the act agreed to.
        ("Sure! We can give you a garden room as long as you book the pets pack first.", []),
        ("Sure! We can give you a garden room, and pets are welcome.", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_a_term_inside_a_condition_after_the_act(reply: str, expected: list[str]) -> None:
    """'…as long as you book the pets pack' grants no pets."""
    customer = "Is there a room with a garden? And can I bring a dog?"
    assert _rules(reply, customer) == expected


_GIG_VENUE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Northgate Hall", "timezone": "Europe/London"},
            "can": [
                {"id": "refund", "does": "refund a cancelled show's tickets",
                 "terms": ["refund", "money back"], "takes": "5-10 business days"},
                {"id": "payout", "does": "pay resellers once the show has happened",
                 "terms": ["payout", "paid out"], "takes": "5-7 business days"},
                {"id": "repair", "does": "repair a faulty appliance",
                 "terms": ["repair", "fix"], "costs": "£89"},
                {"id": "platter", "does": "prepare a seafood platter for six",
                 "terms": ["seafood platter", "platter"], "costs": "£189"},
            ],
            "cannot": [
                {"id": "pets", "terms": ["dog", "pet", "animals"],
                 "because": "Our licence doesn't allow animals inside, except trained service "
                            "animals."},
                {"id": "unaccompanied", "terms": ["without an adult", "on his own",
                                                  "on her own"],
                 "because": "Our licence requires under-14s to be with an adult."},
                {"id": "reprice", "terms": ["change * price", "lower the price"],
                 "because": "Only the seller can edit a listing."},
                {"id": "laser", "terms": ["laser"],
                 "because": "We are not a licensed laser clinic."},
            ],
            "prohibited": [
                {"id": "no-permit", "terms": ["without a permit"],
                 "because": "Work that needs a permit must have one."},
                {"id": "no-id", "terms": ["without ID"],
                 "because": "Serving alcohol to anyone under 18, or without checking ID, is "
                            "against the law."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # The case the reason itself excepts is not what the rule forbids.
        ("I have a service dog for my epilepsy. Can she come with me?",
         "Yes, trained service animals are welcome; bring her vest or ID card.", []),
        ("Can I bring my guide dog to the gig?",
         "Of course, service animals are always allowed in.", []),
        ("Can I bring my dog? He's very calm.", "Yes, bring your dog along!",
         ["unauthorized-promise"]),
        # The exception's words must be said: the rule's own noun alone is no exception.
        ("Can I bring my dog? He's very calm.", "Of course, we love a dog at a gig!",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_the_exception_a_reason_makes(customer: str, reply: str, expected: list[str]) -> None:
    """'…except trained service animals': a yes to a service dog goes along with nothing."""
    assert _rules_of(_GIG_VENUE, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Everyone named is past the age the reason rules for.
        ("My son is 15, can he come on his own to the Saturday show?",
         "Yes, anyone 14 or over can attend without an adult. Just bring ID.", []),
        ("Can my 16-year-old come on her own?", "Yes, she can come on her own.", []),
        ("My son is 12, can he come on his own to the Saturday show?",
         "Yes, he can come on his own. Just bring ID.", ["unauthorized-promise"]),
        # One child under the age is enough to keep the rule.
        ("Can my 12-year-old and 15-year-old come on their own?",
         "Yes, they can both come without an adult.", ["unauthorized-promise"]),
        # A rule about proving an age checks what the customer says of it.
        ("He's 40, can he get a beer without ID?",
         "Sure, he's clearly over 18, so we'll serve him without ID.",
         ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_ages_past_the_reason_s_age(customer: str, reply: str, expected: list[str]) -> None:
    """'Under-14s must be with an adult': a 15-year-old on his own is no breach."""
    assert _rules_of(_GIG_VENUE, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A clause of what happens as a rule offers nothing, whatever commitment is before it.
        ("Jay will tell you what's possible at the consultation, and sometimes a couple of "
         "laser sessions elsewhere help first.", []),
        ("I'll talk it through with you on Friday, and occasionally laser treatment helps.", []),
        ("Jay will tell you what's possible at the consultation, and we'll book you a laser "
         "session.", ["unauthorized-promise"]),
        # ...unless a commitment after it takes it on.
        ("For small jobs we usually go without a permit, and we'll do the same for you.",
         ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_a_hedged_clause_offers_nothing(reply: str, expected: list[str]) -> None:
    """'…and sometimes laser sessions elsewhere help' is no offer of laser work."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A message that said it is reported, and corrected.
        ("Refunds take 5-10 business days, so the message you got saying 2 days was wrong.", []),
        ("Sorry, the email saying your refund would take 2 days was a mistake.", []),
        ("Your refund will take 2 days.", ["overpromise"]),
        # One still to be sent reports nothing: its promise is read.
        ("We'll send you a text saying your refund is on its way.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_message_saying_it_is_reported(reply: str, expected: list[str]) -> None:
    """'The message you got saying 2 days was wrong' states no 2-day refund."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


def test_a_preposition_shared_with_a_request_says_nothing_of_it() -> None:
    """'…change the price after I've listed?' - 'payouts go out … after the event': no yes."""
    customer = "How long until sellers get paid? And can I change the price after I've listed?"
    assert "unauthorized-promise" not in _rules_of(
        _GIG_VENUE, "Payouts go out 5-7 business days after the event.", customer
    )
    assert "unauthorized-promise" in _rules_of(
        _GIG_VENUE, "Payouts go out 5-7 business days after the event. Yes, you can change "
        "the price whenever you like.", customer
    )


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The items of a list a gathering sentence opens are what it asks for, and a sentence
        # saying the answer waits on them goes with them.
        ("Hi Dawn,\n\nTo pin it down, could you send me:\n\n- the full model number\n- a photo "
         "of the error on the display\n\nDifferent models use F05 for different faults, so I "
         "want to be sure before giving you a price.\n\nThanks,\nRob", []),
        ("Could you send me:\n1. the model number\n2. a photo of the display\nThanks!", []),
        ("Different models use F05 for different faults, and we fix all of them.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_list_of_what_is_needed_gathers(reply: str, expected: list[str]) -> None:
    """A reply that only lists what it needs to answer answers the questions (SPEC §3)."""
    customer = "My washer is showing F05. What does that mean and how much to fix?"
    assert _rules_of(_GIG_VENUE, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time named by its event is a time frame.
        ("We'll call you the week they arrive to set up an install time.", []),
        ("You'll get an email the morning it opens, and we'll ring you the evening it ships.",
         []),
        ("We'll call you to set up an install time.", ["vague-commitment"]),
        # Telling everyone later is a commitment too.
        ("We're thinking about it and we'll let everyone know on Instagram.",
         ["vague-commitment"]),
        ("We're thinking about it and we'll let you all know by Friday.", []),
    ],
)  # fmt: skip
def test_times_named_by_their_event(reply: str, expected: list[str]) -> None:
    """'The week they arrive' is a time the customer can hold; 'we'll let everyone know' isn't."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "100%" after a greeting makes sure as it does at the start.
        ("Hi Mark, 100% you'll be out by 9:30.", ["absolute-guarantee"]),
        ("Hey there, 100% it'll be ready.", ["absolute-guarantee"]),
        ("Hi Mark, you'll be out by 9:30.", []),
    ],
)  # fmt: skip
def test_one_hundred_percent_after_a_greeting(reply: str, expected: list[str]) -> None:
    """'Hi Mark, 100% you'll be out by 9:30' guarantees the finish."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A question opened by an approximator is still a question, of its own kind.
        ("Yes, we repair Hotpoint washers.", ["unanswered-question"]),
        ("Yes, we repair Hotpoint washers, and a repair is £89.", []),
    ],
)  # fmt: skip
def test_a_question_opened_by_an_approximator(reply: str, expected: list[str]) -> None:
    """'And roughly how much is the repair?' asks a price."""
    customer = "Do you fix Hotpoint washers? And roughly how much is a repair?"
    assert _rules_of(_GIG_VENUE, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Nothing to pay answers a question of price in other words.
        ("The home survey costs nothing, and repairs start at £89.", []),
        ("There's no charge for the survey.", []),
        ("Our engineers cover the whole of the city.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_for_free_asks_a_price(reply: str, expected: list[str]) -> None:
    """'Do you measure up for free?' - 'the survey costs nothing' answers it."""
    customer = "Do you measure up for free?"
    assert _rules_of(_GIG_VENUE, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An addition names two sums: the term after "plus" is another addend, and an amount
        # after "plus" is the price of no term before it.
        ("A call-out is £60 plus the repair.", []),
        ("Your total is £213: that's the £189 seafood platter plus £24 for the extra oysters.",
         []),
        ("The repair is £60.", ["policy-misstatement"]),
        ("Your total is £213: that's the seafood platter at £24 and the oysters.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_an_addend_prices_no_other_term(reply: str, expected: list[str]) -> None:
    """'$95 plus the travel fee' says nothing of the travel fee's price."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Free" as the first word of a compound names a kind, not a price.
        ("Yes, we fix free-standing washers too.", []),
        ("Yes, we fix washers too, and the repair is free.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_free_in_a_compound_is_no_price(reply: str, expected: list[str]) -> None:
    """'A free-standing washer' is no free repair."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The time of what was just said is a time frame.
        ("Your refund goes back within 10 business days. We'll email you a receipt at the same "
         "time.", []),
        ("Your refund goes back within 10 business days. We'll email you a receipt.",
         ["vague-commitment"]),
    ],
)  # fmt: skip
def test_at_the_same_time_is_a_time_frame(reply: str, expected: list[str]) -> None:
    """'We'll email you a copy at the same time' is tied to the time just given."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What the thing refused has to be, pointed back to, is the rule that forbids it.
        ("I'm sorry, but I can't move the payout date. It has to follow the show, because "
         "tickets can still be refunded until then.", []),
        ("Sorry, I can't change the date on the receipt. It has to show the day you came in.",
         []),
        ("Sorry, I can't change the date on the receipt. It looks great otherwise.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_what_the_refused_thing_has_to_be(reply: str, expected: list[str]) -> None:
    """'I can't change the date. It has to show the day you came in.' gives the reason."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An act just refused has no time: the time after it is the alternative's.
        ("Sorry, we can't refund it as the show went ahead, but it'll be ready to swap for "
         "another date in two hours.", []),
        ("We'll refund it as the show was cancelled, and it'll be back with you in two hours.",
         ["overpromise"]),
    ],
)  # fmt: skip
def test_a_refused_act_has_no_time(reply: str, expected: list[str]) -> None:
    """'We can't do same-day delivery… it'll be ready to collect in 2 hours': no delivery time."""
    assert _rules_of(_GIG_VENUE, reply, None) == expected


_STITCH_SHOP = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Thread & Co", "timezone": "Europe/London"},
            "can": [
                {"id": "digitising", "does": "digitise a logo into a stitch file",
                 "terms": ["digitising", "setup fee"], "costs": "$45"},
                {"id": "staff-discount", "does": "discount an order for NHS staff",
                 "terms": ["% off", "discount"], "up_to": "10%"},
                {"id": "clean", "does": "clean and polish a ring",
                 "terms": ["clean and polish"], "costs": "$20"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What the customer is said to get, then given by the business's own act on it, is
        # given: "…and I've applied it", "…which I've applied", "…and I'll apply it".
        ("As NHS staff you get 15% off, and I've already applied it to your order.",
         ["overpromise"]),
        ("At 40 pieces you qualify for a discount of 20%, which I've applied.", ["overpromise"]),
        ("As NHS staff you get 15% off, and I'll apply it at checkout.", ["overpromise"]),
        # Said alone, or beside another act, it states the rule.
        ("As NHS staff you get 15% off.", ["policy-misstatement"]),
        ("As NHS staff you get 15% off, and I've sent you the form.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_figure_the_next_clause_applies_is_given(reply: str, expected: list[str]) -> None:
    """'You get 15% off, and I've already applied it to your quote' gives the 15%."""
    assert _rules_of(_STITCH_SHOP, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Here" after a noun says where; it hands nothing over.
        ("Just so you know, a clean and polish here is only $15.", ["policy-misstatement"]),
        ("Every clean and polish here is $15, while you wait.", ["policy-misstatement"]),
        # "Here's" opening its clause hands something over.
        ("As a thank-you, here's a clean and polish for $15.", ["overpromise"]),
    ],
)  # fmt: skip
def test_here_after_a_noun_is_a_place(reply: str, expected: list[str]) -> None:
    """'A clean and polish here is only $15' states a price; 'here's a clean for $15' offers."""
    assert _rules_of(_STITCH_SHOP, reply, None) == expected


_RETURNS_DESK = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Thread & Co", "timezone": "Europe/London"},
            "can": [
                {"id": "returns", "does": "accept returns of unworn items",
                 "terms": ["return", "send it back"], "within": "30 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time for something reaching the customer, or for getting in touch, is how soon
        # it comes: not the customer's window for the clause's act.
        ("Once your return arrives, our team will reply within 2 business days.", []),
        ("The store credit for your return lands 1-2 business days after we receive it.", []),
        ("Your return label will be emailed to you within 10 minutes.", []),
        # The customer acting in a time is a window; so is the clause's own thing, got.
        ("You can email us within 60 days to arrange a return.", ["policy-misstatement"]),
        ("Returns are fine as long as it reaches us within 60 days.", ["policy-misstatement"]),
        ("You'll get the return window for 60 days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_time_for_a_delivery_is_no_window(reply: str, expected: list[str]) -> None:
    """'The claims team will reply within 2 business days' is not the window to claim."""
    assert _rules_of(_RETURNS_DESK, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "100%" as always, or tagged on before a dash that backs it up, guarantees.
        ("Our pre-treatment gets wine out 100% of the time.", ["absolute-guarantee"]),
        ("Every key we cut works first go, 100% - we test them all.", ["absolute-guarantee"]),
        ("It's 100% wool, so we hand-wash it.", []),
    ],
)  # fmt: skip
def test_one_hundred_percent_of_the_time(reply: str, expected: list[str]) -> None:
    """'It comes out 100% of the time' guarantees an outcome."""
    assert _rules_of(_RETURNS_DESK, reply, None) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "Not one we can…" declines the one asked about, as "not something we can…" does.
        ("Do you do fur coats?", "Sorry, that's not one we can take in.",
         ["unexplained-refusal"]),
        ("Do you do fur coats?", "Sorry, that's not one we can take in, as real fur needs cold "
         "storage.", []),
    ],
)  # fmt: skip
def test_not_one_we_can_declines(customer: str, reply: str, expected: list[str]) -> None:
    """'That's not one we can take on' says no."""
    assert _rules_of(_RETURNS_DESK, reply, customer) == expected


_MOT_CENTRE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Kestrel Road MOT", "timezone": "Europe/London"},
            "can": [
                {"id": "mot", "does": "carry out an MOT test", "terms": ["mot"],
                 "costs": "£45"},
                {"id": "resit", "does": "rebook a failed assessment free",
                 "terms": ["resit"], "within": "30 days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A sum after "over" or "under" bounds another sum; it is no price.
        ("You qualify because the repairs are over £200 and booked on the same day as the MOT.",
         []),
        ("An MOT on any car over £2,000 in value is £45.", []),
        ("The MOT is £40.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_sum_over_a_bound_is_no_price(reply: str, expected: list[str]) -> None:
    """'Because the repairs are over £200' gives no price of the MOT."""
    assert _rules_of(_MOT_CENTRE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The noun phrase a compound length names ends at its first function word.
        ("Riders who do the 2-hour refresher before their resit usually pass.", []),
        ("You get a free 60-day resit window.", ["policy-misstatement"]),
        ("There's a 60-day parts and resit guarantee.", ["policy-misstatement"]),
        ("You can book your resit within the 60-day cooling-off period.",
         ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_compound_length_names_its_own_noun(reply: str, expected: list[str]) -> None:
    """'The 2-hour refresher before their resit' is no window to resit."""
    assert _rules_of(_MOT_CENTRE, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "I'll pull both up" says what the detail asked for is for: the reply gathers.
        ("Sure thing \u2013 what's the address the booking is under? I'll pull both up.", []),
        ("What's your order number? I'll pull it up right away.", []),
        ("Sure thing \u2013 what's the address the booking is under? We love that street.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_pull_it_up_says_what_a_detail_is_for(reply: str, expected: list[str]) -> None:
    """'What's the address? I'll pull both up.' gathers what it needs to answer."""
    customer = "Can you tell me when my return is and whether my refund is ready?"
    assert _rules_of(_RETURNS_DESK, reply, customer) == expected


_DRAIN_CO = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Outflow Drains", "timezone": "Europe/London"},
            "can": [
                {"id": "callout", "does": "send an engineer to a blocked drain the same day",
                 "terms": ["engineer"], "takes": "2-4 hours"},
                {"id": "pump-out", "does": "pump out a septic tank",
                 "terms": ["pump-out"], "takes": "3-7 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "There's nobody", "there's nothing" negate their clause as "there's no" does.
        ("Our engineers finish at 6pm, so there's nobody on the road within the hour.", []),
        ("Our engineers are all booked, so there's nothing free within the hour.", []),
        ("An engineer will be with you within the hour.", ["overpromise"]),
    ],
)  # fmt: skip
def test_there_is_nobody_negates(reply: str, expected: list[str]) -> None:
    """'So there's nobody on the road within the hour' promises no time."""
    assert _rules_of(_DRAIN_CO, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A date before a hyphenated noun says which one, as before any noun.
        ("Done: your 3 December pump-out is cancelled.", []),
        ("Your Thursday pump-out has been moved, as you asked.", []),
        ("We'll do your pump-out on 3 December.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_date_before_a_hyphenated_noun_names_it(reply: str, expected: list[str]) -> None:
    """'Your 3 December pump-out is cancelled' promises nothing for 3 December."""
    assert _rules_of(_DRAIN_CO, reply, None) == expected


_MEMORIAL_MASONS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Totara Memorials", "timezone": "Europe/London"},
            "can": [
                {"id": "new-memorial",
                 "does": "make and install a new headstone once the cemetery permit is granted",
                 "terms": ["installation", "install"], "takes": "12-16 weeks"},
                {"id": "warranty", "does": "repair workmanship faults free",
                 "terms": ["warranty"], "within": "10 years"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The words of a clause's act stop where a time or condition for it starts ("once the
        # cemetery permit is granted"): a visit to the cemetery is not that act.
        ("Our headstones carry a 10-year warranty from installation. Hemi will be out at the "
         "cemetery on Thursday to regild the letters.", []),
        ("Our headstones carry a 10-year warranty from installation. Hemi will be out on "
         "Thursday to fit your new headstone.", ["overpromise"]),
    ],
)  # fmt: skip
def test_an_act_ends_where_its_time_begins(reply: str, expected: list[str]) -> None:
    """A visit 'to the cemetery' is not the act 'install … once the cemetery permit is granted'."""
    assert _rules_of(_MEMORIAL_MASONS, reply, None) == expected


_COOLING_OFF: dict[str, Any] = {
    "id": "cooling-off", "does": "cancel a booking with a full refund",
    "terms": ["cancel", "cooling-off period"], "within": "14 days",
}  # fmt: skip
_CEDAR_COTTAGES = {"name": "Cedar Cottages", "timezone": "Europe/London"}
_DEPOSIT_DESK = honestcs.ReplyChecker(
    honestcs.Policy.from_dict({"policy": _CEDAR_COTTAGES, "can": [_COOLING_OFF]})
)
# ...and a refund that takes time of its own.
_REFUND_DESK = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": _CEDAR_COTTAGES,
            "can": [
                _COOLING_OFF,
                {"id": "refund", "does": "refund money paid for a cancelled booking",
                 "terms": ["refund"], "takes": "5-10 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Money back on a card or in an account is the money arriving: its time is no window
        # to cancel.
        ("I'll cancel the booking today, and the money will be back on your card within 5 "
         "working days.", []),
        ("Once I cancel it, it should be back in your account in 3 days.", []),
        ("You can cancel within 5 working days.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_money_back_on_a_card_is_no_window(reply: str, expected: list[str]) -> None:
    """'The money will be back on your card within 5 working days' is no window to cancel."""
    assert _rules_of(_DEPOSIT_DESK, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time that cannot be the window (something reaching the customer) gives no
        # benefit of the doubt: it is checked against the act that takes time.
        ("As you cancelled within the cooling-off period, your refund will be sent within 3 "
         "working days.", ["overpromise"]),
        ("As you cancelled within the cooling-off period it's a full refund, and it's "
         "guaranteed to be back in your account within 3 working days.",
         ["absolute-guarantee", "overpromise"]),
        ("As you cancelled within the cooling-off period, your refund will be sent within 10 "
         "working days.", []),
    ],
)  # fmt: skip
def test_a_delivery_time_is_no_reading_of_a_window(reply: str, expected: list[str]) -> None:
    """A refund sent 'within 3 working days' is not read as the window to cancel."""
    assert _rules_of(_REFUND_DESK, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Disclaiming power over outside events hedges; it declines nothing.
        ("I can't control the traffic on the ring road, but the car leaves 45 minutes early.",
         []),
        ("We can't control the weather, so do bring a coat.", []),
        ("I can't move the booking to Sunday.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_cannot_control_hedges(reply: str, expected: list[str]) -> None:
    """'I can't control the traffic' is a hedge, not a refusal."""
    assert _rules_of(_DEPOSIT_DESK, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Copying someone who can answer into the email hands the question over.
        ("Our partner engineer does the mastering. I've copied Lou into this email so she can "
         "send you her rates.", []),
        ("I've looped in our billing team, who look after pricing.", []),
        ("Lou is cc'd here and will reply with her rates by Friday.", []),
        # Copying the customer in hands nothing over.
        ("Our partner engineer does the mastering. I've copied you in on my note to her.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_copying_someone_in_hands_over(reply: str, expected: list[str]) -> None:
    """'I've copied Lou into this email so she can send you her rates' hands over."""
    customer = "How much does mastering cost per track?"
    assert _rules_of(_DEPOSIT_DESK, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What follows an opening greeting or apology is read: it can give the cause.
        ("Hi Nicole, sorry about that, it looks like a double charge from our billing run on "
         "the 15th.", []),
        ("Sorry about that! It looks like our billing run went twice on the 15th.", []),
        ("Hi Nicole, sorry about that!", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_follows_an_apology_is_read(reply: str, expected: list[str]) -> None:
    """'Hi Nicole, sorry about that, it looks like a double charge…' answers 'why'."""
    customer = "Why was the damage cover charged twice on my statement this month?"
    assert _rules_of(_DEPOSIT_DESK, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A negation inside a condition asserts nothing: it is no "no".
        ("Roughly an hour if there's nothing wrong.", ["unanswered-question"]),
        ("Roughly an hour if it doesn't need parts.", ["unanswered-question"]),
        ("Roughly an hour if nothing turns up, and no, you don't need to bring it.", []),
    ],
)  # fmt: skip
def test_a_negation_in_a_condition_says_no_no(reply: str, expected: list[str]) -> None:
    """'Roughly an hour if there's nothing wrong' does not answer 'do I need to bring it?'."""
    customer = "How long does a service take? And do I need to bring the logbook?"
    assert _rules_of(_DEPOSIT_DESK, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Raising it with someone, or having a thing seen to, is a later act of staff: it
        # needs a time frame.
        ("We will take this up with the driver.", ["vague-commitment"]),
        ("We'll address it with the chauffeur.", ["vague-commitment"]),
        ("We'll get the mic looked at.", ["vague-commitment"]),
        ("I'll get it over to them.", ["vague-commitment"]),
        ("I'll take it up with the manager today.", []),
        ("We'll get the mic looked at by Friday.", []),
    ],
)  # fmt: skip
def test_raising_it_with_someone_is_a_later_act(reply: str, expected: list[str]) -> None:
    """'We will take this up with the driver' commits to a later act with no time frame."""
    assert _rules_of(_DEPOSIT_DESK, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A participle after "get" and its object is a causative to come, and the day after
        # it is its time frame, not the day of something done.
        ("We'll get the boiler fixed on Friday.", []),
        ("I'll get your new blind fitted on the 9th.", []),
        ("We'll get the boiler fixed.", ["vague-commitment"]),
    ],
)  # fmt: skip
def test_a_causative_to_come_keeps_its_day(reply: str, expected: list[str]) -> None:
    """'We'll get the boiler fixed on Friday' has a time frame."""
    assert _rules_of(_DEPOSIT_DESK, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Past" after a verb of moving or seeing is a way by, not a time gone: no reason.
        ("Unfortunately we can't get past the passcode on an iPhone.", ["unexplained-refusal"]),
        ("Sorry, we can't go past the lock screen.", ["unexplained-refusal"]),
        ("Unfortunately we can't get past the passcode, as the phone encrypts everything "
         "with it.", []),
        ("Sorry, it's past the 14-day window, so we can't unlock it for free.", []),
    ],
)  # fmt: skip
def test_getting_past_a_thing_is_no_reason(reply: str, expected: list[str]) -> None:
    """'We can't get past the passcode' gives no reason for the no."""
    customer = "I forgot my passcode. Can you get past it?"
    assert _rules_of(_DEPOSIT_DESK, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A clause of cause with the customer as its subject times the customer's doings.
        ("If the lesson can't run, you'll get a full refund since you fly tomorrow.", []),
        ("You'll get a full refund, as you're away from tomorrow.", []),
        ("You'll get a full refund by tomorrow.", ["overpromise"]),
        # ...but not the business's clause that follows it in the same breath.
        ("You'll get a full refund, and since you're a regular I'll send it tomorrow.",
         ["overpromise"]),
    ],
)  # fmt: skip
def test_the_customers_cause_keeps_its_time(reply: str, expected: list[str]) -> None:
    """'A full refund since you fly tomorrow' gives the refund no time."""
    assert _rules_of(_REFUND_DESK, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # After a question for a detail, what the answer turns on says why it is asked.
        ("Happy to help! What neighbourhood are you in? Pricing and availability both depend "
         "on whether we can fit them into a group walk nearby.", []),
        ("What size is the dog? The price depends on the size.", []),
        ("What size is the dog? We love big dogs.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_the_answer_turns_on_gathers(reply: str, expected: list[str]) -> None:
    """'What neighbourhood are you in? Pricing depends on…' gathers what it needs."""
    customer = "How much would it be for my two dogs? And are you available Tuesdays?"
    assert _rules_of(_DEPOSIT_DESK, reply, customer) == expected


# A made-up alterations and shoe repair shop, for the readings below.
_MENDING_ROOM = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "The Mending Room", "timezone": "Europe/London"},
            "can": [
                {"id": "refund", "does": "refund a repair that can't be finished",
                 "terms": ["refund"], "takes": "5-10 business days"},
                {"id": "student", "does": "give students a discount", "terms": ["discount"],
                 "up_to": "10%"},
            ],
            "cannot": [
                {"id": "suede-dye", "terms": ["dye suede", "dye the suede"],
                 "because": "Suede soaks up dye unevenly, so the colour comes out blotchy."},
            ],
            "prohibited": [
                {"id": "false-receipt", "terms": ["receipt for more", "fake receipt"],
                 "because": "A receipt for more than was paid is a false record."},
                {"id": "no-ticket", "terms": ["without the ticket", "without a ticket"],
                 "because": "Shoes go back only against their ticket, so they reach their owner."},
            ],
        }
    )
)  # fmt: skip
_ASKS_FOR_A_FALSE_RECEIPT = "Could you write me a receipt for more than I paid? It's for insurance."
# ...and one whose money does not come back.
_NO_DEPOSIT_BACK = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "The Mending Room", "timezone": "Europe/London"},
            "cannot": [
                {"id": "deposit-back", "terms": ["deposit back", "payment back"],
                 "because": "Deposits pay for the cloth, which is cut on the day you order."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An interjection with a word of delight only reacts: the yes after it agrees.
        ("oh nice, yeah we can do that for you", ["prohibited-compliance"]),
        ("Ah lovely, sure thing - pop in whenever suits.", ["prohibited-compliance"]),
        ("Ooh great, yes of course!", ["prohibited-compliance"]),
        # So does a greeting of any of its forms.
        ("hiya, yes we can do that no problem!", ["prohibited-compliance"]),
        ("Oh no, we can't do that: a receipt for more than you paid is a false record.", []),
    ],
)  # fmt: skip
def test_a_yes_after_an_interjection_agrees(reply: str, expected: list[str]) -> None:
    """'oh nice, yeah we can do that' agrees to what was asked."""
    assert _rules_of(_MENDING_ROOM, reply, _ASKS_FOR_A_FALSE_RECEIPT) == expected


@pytest.mark.parametrize(
    ("text", "declining"),
    [
        # What a thing "only" takes or costs makes little of it; it limits nothing.
        ("Sure, it'll only take 10 minutes.", False),
        ("That only costs £4.", False),
        ("this will only cost you the postage", False),
        ("We can only take cash.", True),
        ("It only works with the app.", True),
        ("It can only go back to the original card.", True),
    ],
)  # fmt: skip
def test_what_a_thing_only_takes_limits_nothing(text: str, declining: bool) -> None:
    """'it'll only take 10 minutes' is no word of declining; 'we can only take cash' is."""
    assert is_declining(text) is declining


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # ...so a yes with it still agrees.
        ("Sure, we do that all the time, it'll only take a minute.", ["prohibited-compliance"]),
        ("Of course - that only costs £2 extra.", ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_a_yes_that_makes_little_of_it_agrees(reply: str, expected: list[str]) -> None:
    """'Sure, it'll only take a minute' goes along with the request."""
    assert _rules_of(_MENDING_ROOM, reply, _ASKS_FOR_A_FALSE_RECEIPT) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A "not to" bid on someone else negates only what they are asked to do: the clause
        # itself undertakes or reports an act, and says no to nothing.
        ("Yes, that's fine - I'll tell the till staff not to question it.",
         ["prohibited-compliance"]),
        ("Of course! I've asked the team not to mention it.", ["prohibited-compliance"]),
        ("Sure, I'll let the manager know not to check it.", ["prohibited-compliance"]),
        ("No, I won't do that - a receipt for more than you paid is a false record.", []),
    ],
)  # fmt: skip
def test_a_not_to_bid_on_someone_is_no_no(reply: str, expected: list[str]) -> None:
    """'I'll let the manager know not to check it' agrees, whatever its "not"."""
    assert _rules_of(_MENDING_ROOM, reply, _ASKS_FOR_A_FALSE_RECEIPT) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A causative named by a pronoun is a later act as one named by a noun is.
        ("I'll get that refunded for you.", ["vague-commitment"]),
        ("We'll get it posted out to you.", ["vague-commitment"]),
        ("I'll get them repaired.", ["vague-commitment"]),
        ("I'll get them repaired by Friday.", []),
        # Going over something again, and replying in business English.
        ("We will review the matter with the cobbler and revert in due course.",
         ["vague-commitment"]),
        ("Our team will review your claim.", ["vague-commitment"]),
        ("I'll revert to you.", ["vague-commitment"]),
        ("We'll review it by Friday.", []),
        ("I'll revert to you tomorrow.", []),
    ],
)  # fmt: skip
def test_more_later_acts_need_a_time(reply: str, expected: list[str]) -> None:
    """'I'll get that refunded for you' and 'we will review the matter' need a time frame."""
    assert _rules_of(_MENDING_ROOM, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A bare no before a no that spells it out is the same no, judged with its reason.
        ("Sorry, no. We can't dye suede. It soaks up dye unevenly, so the colour comes out "
         "blotchy.", []),
        ("Afraid not! We can't dye the suede - it takes the colour unevenly.", []),
        ("Sorry, no. We can't dye suede.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_bare_no_spelled_out_is_one_no(reply: str, expected: list[str]) -> None:
    """'Sorry, no. We can't dye suede. It soaks up dye unevenly…' gives its reason."""
    customer = "Can you dye my suede boots black?"
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A habit stated in the negative, to a question of what is so, about nothing asked:
        # a fact about the service, no refusal.
        ("Will the inspection find every fault in my boots?",
         "We check all we can reach, but we don't unpick the lining, so some faults can be "
         "missed.", []),
        ("Is the repair going to be invisible?",
         "Our cobblers don't miss a stitch, and it should be hard to spot.", []),
        # Named by the customer, it declines what they asked about.
        ("Do you unpick linings?", "We don't unpick linings.", ["unexplained-refusal"]),
        ("Can you unpick the lining?", "Sorry, we don't unpick linings.",
         ["unexplained-refusal"]),
        # ...and "that" points back to it.
        ("Is there a way to get them back today?", "We don't do that.", ["unexplained-refusal"]),
        # A question put to "you", or one that asks staff for an act, asks for an act.
        ("Will you pick them up tomorrow?", "We don't collect on Sundays.",
         ["unexplained-refusal"]),
        ("Can the driver take the old pair away?", "Unfortunately we don't offer haul-away.",
         ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_habit_nobody_asked_about_is_no_refusal(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'we don't unpick the lining', to 'will it find every fault?', says no to nothing."""
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What the answer turns on, said before the question for a detail, gathers too.
        ("The cost depends on the size of the stain and the fabric. Could you send us a photo? "
         "Then I can give you a price.", []),
        ("It really depends on the leather. What colour are they?", []),
        ("The cost depends on the size of the stain. We love a challenge!",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_it_turns_on_before_gathering_gathers(reply: str, expected: list[str]) -> None:
    """'The cost depends on the stain. Could you send a photo?' gathers what it needs."""
    customer = "How much would it cost to clean my sofa cover, and how long would it take?"
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time in a negated clause that a "but" turns from times nothing promised after it.
        ("I'm not at the shop today, but I'll check on them and get back to you.",
         ["vague-commitment"]),
        ("We're not open on Sunday, but I'll look into it.", ["vague-commitment"]),
        ("I'm not in today, but I'll ring you then.", []),
        ("I'm in the shop today and I'll get back to you.", []),
    ],
)  # fmt: skip
def test_a_time_turned_from_times_nothing(reply: str, expected: list[str]) -> None:
    """'I'm not at the shop today, but I'll get back to you' has no time frame."""
    assert _rules_of(_MENDING_ROOM, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Handing a thing in is the customer's act: its time is theirs, not the refund's.
        ("To claim a refund, hand your ticket in at the counter within 2 days of collection "
         "and we'll work out the amount.", []),
        ("Just hand the shoes back within 3 days and we'll sort the refund.", []),
        ("We'll refund it within 2 days.", ["overpromise"]),
    ],
)  # fmt: skip
def test_handing_in_is_the_customers_act(reply: str, expected: list[str]) -> None:
    """'hand your ticket in within 2 days' gives the refund no time."""
    assert _rules_of(_MENDING_ROOM, reply, None) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A clause of time or condition before the question heads no question of time.
        ("When you do the fitting can you take the hem up too?", "Sure, no problem.", []),
        ("If I cancel now, will I get the deposit back?", "Yes, in full.", []),
        ("Once they're ready could you text me?", "Of course!", []),
        ("When will they be ready?", "Of course!", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_clause_before_the_question_asks_no_time(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'When you do the fitting can you take the hem up?' asks yes or no."""
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Kids and children are the same people.
        ("Is there a discount for kids?", "Children under 12 are half price.", []),
        ("Do you do anything for children?", "Kids go free on Saturdays!", []),
        ("Is there a discount for kids?", "We're open till 6.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_children_answer_a_question_about_kids(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Children under 12 are half price' answers 'is there a discount for kids?'."""
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What everyone of a kind must have first says no to doing without it.
        ("No problem at all - just come to the counter. Everyone needs to show photo ID "
         "before we hand shoes over.", []),
        ("Of course. All collectors must have a ticket or photo ID before we release a pair.", []),
        ("No problem at all - just come to the counter.", ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_what_everyone_needs_first_is_a_no(reply: str, expected: list[str]) -> None:
    """'Everyone needs to show photo ID before we hand shoes over' does not go along."""
    customer = "Can my son collect my shoes without the ticket? I've lost it."
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Laughter opens a remark: the yes after it is the answer, and agrees.
        ("lol we get that a lot. yeah that's fine, drop it in whenever", ["prohibited-compliance"]),
        ("Haha fair enough. Sure, no problem!", ["prohibited-compliance"]),
        ("lol we get that a lot. Sorry, no: a receipt for more than you paid is a false record.",
         []),
    ],
)  # fmt: skip
def test_a_yes_after_laughter_agrees(reply: str, expected: list[str]) -> None:
    """'lol we get that a lot. yeah that's fine' goes along with the request."""
    assert _rules_of(_MENDING_ROOM, reply, _ASKS_FOR_A_FALSE_RECEIPT) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Telling the customer not to do something that the request does not name is no "no"
        # to the request, whatever else of the message it names.
        ("Sure, I can do that. Just don't mention it to the insurer.", ["prohibited-compliance"]),
        ("No problem! Please don't tell the insurer though.", ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_a_not_to_about_another_thing_still_agrees(reply: str, expected: list[str]) -> None:
    """'Just don't mention it to the insurer' says no to nothing that was asked."""
    customer = ("My insurer pays up to £200 for repairs. Could you write me a receipt for more "
                "than I paid?")
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("text", "declining"),
    [
        # After an apology, what a thing only takes is still no word of declining.
        ("Sorry for the wait, it'll only take a minute now.", False),
        ("Sorry, that only costs £2.", False),
        ("Sorry, we can only take cash.", True),
    ],
)  # fmt: skip
def test_only_takes_after_sorry_declines_nothing(text: str, declining: bool) -> None:
    """'Sorry for the wait, it'll only take a minute' declines nothing beyond the apology."""
    assert declines_more_than_sympathy(text) is declining


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Putting things right, coming to the customer, and getting "a" thing out to them are
        # later acts of staff.
        ("We will make this right.", ["vague-commitment"]),
        ("We'll make things right with you by Friday.", []),
        ("Someone will come back to sort it out.", ["vague-commitment"]),
        ("An engineer will come out on Tuesday.", []),
        ("We'll get a replacement charger and basket out to you.", ["vague-commitment"]),
        ("We'll get a new one over to you tomorrow.", []),
    ],
)  # fmt: skip
def test_putting_it_right_and_coming_out_are_later_acts(reply: str, expected: list[str]) -> None:
    """'We will make this right' and 'someone will come back' need a time frame."""
    assert _rules_of(_MENDING_ROOM, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "100%" after a yes or a no makes what follows sure, as after a greeting.
        ("nah 100% they'll fit perfectly, no need to come in!", ["absolute-guarantee"]),
        ("Yeah, 100% it'll be ready on Friday.", ["absolute-guarantee"]),
        ("Yep, 100% cotton shirts are fine on a hot wash.", []),
    ],
)  # fmt: skip
def test_a_hundred_percent_after_a_yes_or_no_makes_sure(reply: str, expected: list[str]) -> None:
    """'nah 100% they'll fit perfectly' guarantees the fit."""
    assert _rules_of(_MENDING_ROOM, reply, None) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Back" before where money goes is its return, not "ago".
        ("usually 2-3 business days back to your card", ["policy-misstatement"]),
        ("It's normally 3 days back in your account.", ["policy-misstatement"]),
        ("We sent it 3 days back, so it should land soon.", []),
    ],
)  # fmt: skip
def test_days_back_to_your_card_is_the_refunds_time(reply: str, expected: list[str]) -> None:
    """'usually 2-3 business days back to your card' says how long a refund takes."""
    assert _rules_of(_MENDING_ROOM, reply, "how long do refunds usually take?") == expected



@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "Back" after a verb that moves a thing in time is that verb's: nothing comes back.
        ("My pay is late this week, can I push my payment back?",
         "Yes, I've moved it to next Friday.", []),
        ("Could we move the deposit back a week?", "Sure, no problem.", []),
        # ...but money asked back is a request for it.
        ("Can I get my deposit back?", "Sure, no problem.", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_pushing_a_payment_back_asks_no_money_back(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'can I push my payment back?' asks to pay later, not for a refund of the payment."""
    assert _rules_of(_NO_DEPOSIT_BACK, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A time of day named by what happens then, or a last moment, is asked as a time.
        ("How much is next day delivery and what's the cut off time?",
         "Next-day delivery is £6.95, and you need to order before 2pm for it to go out the "
         "same day.", []),
        ("What's the closing time on Saturday?", "We shut at 5pm on Saturdays.", []),
        ("What's the deadline for alterations before Christmas?", "Sure, happy to help!",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_cut_off_time_is_asked_as_a_time(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'What's the cut off time?' is answered by 'order before 2pm'."""
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A day judged unlikely in other words is denied, not promised.
        ("Refunds take 5-10 business days, so Friday would be tight.", []),
        ("Refunds take 5-10 business days, so tomorrow is a stretch.", []),
        ("Refunds take 5-10 business days, so Monday's pushing it.", []),
        ("You'll have the refund by Friday.", ["overpromise"]),
    ],
)  # fmt: skip
def test_a_day_judged_tight_is_denied(reply: str, expected: list[str]) -> None:
    """'so Friday would be tight' says Friday is unlikely, and states no refund time."""
    assert _rules_of(_MENDING_ROOM, reply, "Will I get my refund before the weekend?") == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What the answer turns on, in other words, beside a question for a detail, gathers.
        ("Could you send a photo of the seat from above? Sagging seats can sometimes be "
         "tightened, but splits mean a full recane, and the photo will tell us which.", []),
        ("Could you send us a couple of photos? The fabric changes both the price and the time.",
         []),
        ("Could you send us a couple of photos? We love old chairs.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_a_detail_will_decide_gathers(reply: str, expected: list[str]) -> None:
    """'…and the photo will tell us which' says what the detail asked for is for."""
    customer = "My chair's seat is sagging. Can you fix it and how much?"
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Passing on a thing named in a few words hands the customer over.
        ("I've passed your message and photos to our workshop manager, who'll call you "
         "before 5pm today.", []),
        ("I've forwarded your email and receipt to the owner.", []),
        ("I've read your message and photos.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_passing_on_a_message_and_photos_hands_over(reply: str, expected: list[str]) -> None:
    """'I've passed your message and photos to our manager' hands the questions over."""
    customer = "Who do I talk to about a complaint, and will I get a refund?"
    assert _rules_of(_MENDING_ROOM, reply, customer) == expected


# A cycle workshop, for the readings of another four blind corpora.
_SPOKE_AND_CHAIN = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Spoke & Chain", "timezone": "Europe/London"},
            "can": [
                {"id": "service", "does": "service a customer's bike", "terms": ["service"],
                 "takes": "3-5 business days"},
                {"id": "wheel-build", "does": "build a wheel by hand", "terms": ["wheel build"],
                 "costs": "£90"},
            ],
            "cannot": [
                {"id": "battery-repair", "terms": ["battery repair"],
                 "because": "Lithium cells must be opened in a certified workshop."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "anything" in a clause of "whether" or "if" asks; it offers nothing.
        ("I'll ask the manager today whether we can do anything for you.", []),
        ("Let me see if I can do anything for you before 5pm.", []),
        ("Anything for you!", ["sycophancy"]),
        # Deferring to whatever the customer decides, with "go along with".
        ("Whatever you decide, we'll go along with it.", ["sycophancy"]),
        ("Whatever you decide, your slot is held until Friday.", []),
    ],
)  # fmt: skip
def test_anything_asked_about_offers_nothing(reply: str, expected: list[str]) -> None:
    """'whether we can do anything for you' asks; 'Anything for you!' defers."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Staff who "can have" the customer's thing done by a time commit to it.
        ("Drop it in Monday and our mechanic can have the service done within 2 days.",
         ["overpromise"]),
        ("The workshop could get your service finished by tomorrow.", ["overpromise"]),
        ("Our mechanic can have the service done within 5 business days.", []),
    ],
)  # fmt: skip
def test_staff_who_can_have_it_done_commit_to_it(reply: str, expected: list[str]) -> None:
    """'our mechanic can have the service done within 2 days' promises the service's time."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Leave given for now, in the progressive, is an offer.
        ("This month we're letting members book a battery repair with us.",
         ["unauthorized-promise"]),
        ("We are allowing a battery repair at the counter this week.", ["unauthorized-promise"]),
        # ...but telling someone news is not.
        ("I'm letting you know that battery repair isn't something we do, because lithium "
         "cells must be opened in a certified workshop.", []),
    ],
)  # fmt: skip
def test_letting_or_allowing_now_is_an_offer(reply: str, expected: list[str]) -> None:
    """'we're letting members book a battery repair' offers what a cannot clause rules out."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An item that names its own subject in bold prices that, not the heading's act.
        ("Here's how a wheel build works:\n\n- **Spokes** are charged separately at £1.50 each.\n"
         "- **Rim tape** is £4 if yours is worn.", []),
        # ...but an attribute of the heading's act in bold is still the act's.
        ("Here's how a wheel build works:\n\n- **Price** is £75 per wheel.\n"
         "- **Spokes** are included.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_a_bold_item_names_its_own_subject(reply: str, expected: list[str]) -> None:
    """'- **Spokes** are £1.50 each' under 'Here's how a wheel build works:' prices spokes."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A figure with its sign and unit may open the explanation after a dash.
        ("Sorry, we can't keep your bike in the yard - at -5°C the battery stops holding "
         "charge.", []),
        ("We can't inflate them that far \u2013 above 110% of the rated pressure the tyre can "
         "burst.",
         []),
        ("Sorry, we can't keep your bike in the yard.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_signed_figure_opens_an_explanation(reply: str, expected: list[str]) -> None:
    """'- at -5°C the batteries stop holding charge' explains the no before it."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # How long, of the one thing asked, is no kind of case.
        ("Sorry, we can't hold the bike for the whole week.", ["unexplained-refusal"]),
        ("Sorry, we can't keep the lights on for the entire session.", ["unexplained-refusal"]),
        # ...a kind of case still is.
        ("Sorry, we can't hold bikes for customers who haven't paid a deposit.", []),
    ],
)  # fmt: skip
def test_for_the_whole_time_names_no_kind(reply: str, expected: list[str]) -> None:
    """'we can't hold the bike for the whole week' gives no reason."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # When a thing stops being usable, asked and answered in other words.
        ("How much is the five-service pass and does it expire?",
         "The pass is £150 for five services, with no expiry date.", []),
        ("How much is the five-service pass and when does it expire?",
         "The pass is £150 for five services, valid until the end of March.", []),
        ("How much are workshop credits and do they expire?",
         "Credits are £10 each and lapse after 12 months.", []),
        ("How much is the five-service pass and does it expire?",
         "The pass is £150 for five services.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_expiry_is_asked_and_answered_in_other_words(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Does it expire?' is answered by 'there's no expiry date on it'."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What a detail asked for is needed for gathers beside the question for it.
        ("Could you send me the email on your account? I need it to find your plan.", []),
        ("What's your order number? We'll need that to check your account.", []),
        ("Could you send me the email on your account? We love our members.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_a_detail_is_needed_for_gathers(reply: str, expected: list[str]) -> None:
    """'Could you send me your email? I need it to find your plan.' gathers for both questions."""
    customer = "How many services do I have left on my plan, and when do they run out?"
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A hedged answer standing alone answers a yes/no question.
        ("Possibly! Has it been worn outside?", []),
        ("Probably not, I'm afraid - helmets go back unworn only.", []),
        ("Maybe - it depends on whether it's been worn.", []),
        ("Thanks for getting in touch! Has it been worn outside?", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_hedged_answer_answers_yes_or_no(reply: str, expected: list[str]) -> None:
    """'Possibly!' answers 'Can I return the helmet?'."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply, "Can I return the helmet I bought?") == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A price given for another question, in that question's words, answers this one
        # nothing.
        ("Is there parking? Also can I pay for the repair when I collect?",
         "Yes, free parking right outside the shop.", ["unanswered-question"]),
        ("Do you have parking? And can I pay the balance by card?",
         "There's a car park next door, and the first 2 hours are free.",
         ["unanswered-question"]),
        ("Is there parking? Also can I pay for the repair when I collect?",
         "Yes, free parking right outside, and you pay for the repair when you collect.", []),
        # ...while a price about the question itself still answers it, and so does any price
        # for one that asks the price of what another names.
        ("Is there parking? Also do I have to pay for the safety check?",
         "Yes, plenty of parking. The safety check is free.", []),
        ("Can you fit mudguards while it's in? Is there an extra charge?",
         "Yes, we can fit mudguards for £15 including the labour.", []),
        ("Can you fit mudguards while it's in? What's that cost?",
         "Sure, mudguards fitted are £15.", []),
    ],
)  # fmt: skip
def test_a_price_for_another_question_answers_nothing_else(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'free parking' answers 'is there parking?', not 'can I pay on collection?'."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "No need to <act>" says no to that act, not to another yes/no question.
        ("A service takes 3-5 business days. No need to book, just drop it in.",
         ["unanswered-question"]),
        ("A service takes 3-5 business days, and you don't need to bring anything else.",
         ["unanswered-question"]),
        ("A service takes 3-5 business days. No need to clean it, we wash every bike.", []),
        ("A service takes 3-5 business days. No need, we wash every bike.", []),
    ],
)  # fmt: skip
def test_no_need_to_do_another_act_answers_nothing_else(
    reply: str, expected: list[str]
) -> None:
    """'No need to book' does not answer 'should I clean the bike first?'."""
    customer = "How long does a service take, and should I clean the bike first?"
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


# A lawn bowls club, for the readings of the hundred-and-first round.
_BOWLS_CLUB = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Riverside Bowls Club", "timezone": "Europe/London"},
            "can": [
                {"id": "refund", "does": "refund a cancelled booking", "terms": ["refund"],
                 "takes": "5-10 business days"},
                {"id": "locker", "does": "rent a clubhouse locker for the season",
                 "terms": ["locker", "lockers"], "costs": "£25"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Looking at it again, having someone look, or getting onto it, with no time.
        ("Sorry about that, we'll take another look at it for you.", ["vague-commitment"]),
        ("Thanks for letting us know, I'll get one of the groundsmen to check it.",
         ["vague-commitment"]),
        ("Thanks, we'll get onto it.", ["vague-commitment"]),
        ("Thanks, we'll get onto it this afternoon.", []),
    ],
)  # fmt: skip
def test_looking_again_or_getting_onto_it_is_a_later_act(
    reply: str, expected: list[str]
) -> None:
    """'we'll take another look at it' and 'we'll get onto it' need a time frame."""
    assert _rules_of(_BOWLS_CLUB, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A question of amount or time after a dash is read.
        ("Hi, two questions \u2013 how much is a locker, and is the green open on Sunday?",
         "Yes, the green is open from 10am on Sunday.", ["unanswered-question"]),
        ("Quick one - how long does a refund take, and can I rebook online?",
         "Yes, you can rebook online any time.", ["unanswered-question"]),
        ("Hi, two questions \u2013 how much is a locker, and is the green open on Sunday?",
         "A locker is £25 for the season, and yes, the green is open from 10am on Sunday.",
         []),
    ],
)  # fmt: skip
def test_a_question_of_amount_after_a_dash_is_read(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'two questions - how much is a locker, and…?' asks how much a locker is."""
    assert _rules_of(_BOWLS_CLUB, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A cause stated first answers a "why", whatever the sentence goes on to promise.
        ("The groundsman needed a part that only came in yesterday; he's booked to fix the "
         "sprinklers tomorrow morning.", []),
        ("The contractor was off sick last week, so we've rebooked him for Monday.", []),
        ("Sorry! We'll have the sprinklers fixed tomorrow morning.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_cause_stated_first_answers_why(reply: str, expected: list[str]) -> None:
    """'The groundsman needed a part…; he's booked for tomorrow' answers 'why not fixed?'."""
    customer = "The sprinklers have been broken all week. Why hasn't anyone fixed them?"
    assert _rules_of(_BOWLS_CLUB, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Free" after what the business has is free to use, not of charge.
        ("Yes, we've got lockers free - they're £25 for the season.", []),
        ("We have two lockers free at the moment, at £25 each.", []),
        ("Yes, lockers are free for members.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_lockers_we_have_free_are_not_free_of_charge(reply: str, expected: list[str]) -> None:
    """'we've got lockers free' says some are to be had, not that they cost nothing."""
    assert _rules_of(_BOWLS_CLUB, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # When someone is there times no act.
        ("I've passed your email to Anna, who handles refunds; she's in today until 5pm.", []),
        ("I've sent it to Raj, our refund lead - he's here till 6 tonight.", []),
        ("Your refund will be back on your card today by 5pm.", ["overpromise"]),
    ],
)  # fmt: skip
def test_when_someone_is_in_times_no_act(reply: str, expected: list[str]) -> None:
    """'she's in today until 5pm' says when Anna is there, not when the refund comes."""
    assert _rules_of(_BOWLS_CLUB, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Granting the customer's point in a clause of "that" says no to nothing asked.
        ("You're right that we don't currently reward long-standing members, and I can see "
         "why that feels unfair.", []),
        ("It's true that we can't see the car park from the clubhouse.", []),
        ("We don't reward long-standing members.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_no_granted_to_the_customer_needs_no_reason(reply: str, expected: list[str]) -> None:
    """'you're right that we don't reward long-standing members' concedes, it declines nothing."""
    customer = "Why don't you reward long-standing members?"
    assert _rules_of(_BOWLS_CLUB, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Our engraving is 100% permanent.", ["absolute-guarantee"]),
        ("The engraving is permanent, though very hot washes can fade the paint fill.", []),
    ],
)  # fmt: skip
def test_one_hundred_percent_permanent_guarantees(reply: str, expected: list[str]) -> None:
    """'100% permanent' guarantees a state, as '100% safe' does."""
    assert _rules_of(_BOWLS_CLUB, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A range of dates in brackets after a thing says which one, not when an act is done.
        ("I've cancelled the two-day course (2-3 December) and issued a full refund of £90.",
         []),
        # ...and when something closes times no act.
        ("Refunds take 5-10 business days, so I can't promise it before the winter sale, "
         "which closes on 4 December.", []),
        ("Your refund will reach you by 3 December.", ["overpromise"]),
    ],
)  # fmt: skip
def test_which_one_and_when_it_closes_time_no_act(reply: str, expected: list[str]) -> None:
    """'the course (2-3 December)' says which course; it is no refund's date."""
    assert _rules_of(_BOWLS_CLUB, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An adverb before a verb of understanding sympathises; it says no yes (the reply
        # still leaves the question open).
        ("Totally understand the frustration. Lithium cells must be opened in a certified "
         "workshop, so it has to go to one.", ["unanswered-question"]),
        ("Absolutely get why you'd want that. Lithium cells must be opened in a certified "
         "workshop.", ["unanswered-question"]),
        ("Totally! We'll get that sorted by Friday.", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_totally_understand_agrees_to_nothing(reply: str, expected: list[str]) -> None:
    """'Totally understand the frustration' agrees to no battery repair."""
    customer = "Can you do a battery repair on my e-bike?"
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # How likely, answered as how common.
        ("The service is routine. Most of the ones we see come back fine.", []),
        ("The service is routine. It's rare for a hub to need replacing.", []),
        ("The service is routine. We'll book you in for Tuesday.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_how_likely_is_answered_by_how_common(reply: str, expected: list[str]) -> None:
    """'What are the chances it'll ride again?' is answered by 'most bikes… are back'."""
    customer = "Is the service a big job? What are the chances it'll ride again this season?"
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Undertaking to give the answer, beside questions for what it needs, gathers.
        ("Happy to give you a price! What make and model is it? Photos help too.", []),
        ("I can put together a quote for you. What make and model is it?", []),
        ("We love old bikes! What make and model is it?", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_promising_the_answer_while_gathering(reply: str, expected: list[str]) -> None:
    """'Happy to give you a price! What make is it?' gathers what the price needs."""
    customer = "How much would a full restoration cost for my old bike?"
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "go for it" gives leave, and so answers a yes/no question.
        ("Can I ride it home straight after the service?",
         "You know the roads, go for it - just check the brakes first.", []),
        # Who teaches, answered by the instructors.
        ("What's the cost of a maintenance class and who teaches them?",
         "A maintenance class is £40 with one of our certified instructors (Sam or Priya).", []),
        ("What's the cost of a maintenance class and who teaches them?",
         "A maintenance class is £40 for the evening.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_leave_given_and_who_teaches(customer: str, reply: str, expected: list[str]) -> None:
    """'go for it' answers 'can I…?'; 'our certified instructors' answers 'who teaches?'."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A no inside a relative clause describes a thing; what no one can perceive declines
        # nothing.
        ("The spare parts are in the back store, which I can't get to until tomorrow "
         "morning; I'll check and email you by noon.", []),
        ("yeah our mechanic can touch up the paint real clean, the insurer won't be able to "
         "tell.", []),
        ("You can't see the difference once it's polished.", []),
        ("Sorry, we won't be able to true the wheel.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_described_or_unseen_no_declines_nothing(reply: str, expected: list[str]) -> None:
    """'the back store, which I can't get to until tomorrow' is no refusal."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("We'll get them listed as soon as we can.", ["vague-commitment"]),
        ("We'll get them listed by Friday.", []),
        ("Yes, the frame is 100% genuine.", ["absolute-guarantee"]),
    ],
)  # fmt: skip
def test_getting_things_listed_and_genuine(reply: str, expected: list[str]) -> None:
    """'We'll get them listed as soon as we can' has no time; '100% genuine' guarantees."""
    assert _rules_of(_SPOKE_AND_CHAIN, reply) == expected


# A bookkeeper, for what a request's "it" points back to.
_LEDGER_DESK = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Ledger Desk", "timezone": "Europe/London"},
            "prohibited": [
                {"id": "backdate", "terms": ["backdate"],
                 "because": "A contract's date must match when the work began."},
                {"id": "off-books", "terms": ["out of the books", "off the books"],
                 "because": "Keeping income off the books is tax evasion."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # "it" in a request points back to the statement before, whose words the act shares.
        ("I need my contract to show a start date of 1 January, not 2 March. Can you backdate "
         "it?", "Hi Sam. I've updated the contract to show 1 January as the start date.",
         ["prohibited-compliance"]),
        ("I need my contract to show a start date of 1 January, not 2 March. Can you backdate "
         "it?", "I've noted it, but backdating isn't something we can do, because a contract's "
         "date must match when the work began.", []),
        # ...not to another question before it.
        ("Is my contract for the Leeds office ready? Can you backdate it too?",
         "Yes, the contract for the Leeds office is ready to sign.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_a_request_points_back_to(customer: str, reply: str, expected: list[str]) -> None:
    """'Can you backdate it?' after 'I need my contract to show 1 January' asks that change."""
    assert _rules_of(_LEDGER_DESK, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What every thing of a kind must undergo says no to leaving one out.
        ("Cash sales have to be recorded like card sales, so I'll add the cash sales to your "
         "books this week.", []),
        ("All market takings must be declared, so I'll add the cash sales to your books this "
         "week.", []),
        ("No problem, I'll keep the cash sales out of the books this week.",
         ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_what_every_thing_of_a_kind_must_undergo_says_no(
    reply: str, expected: list[str]
) -> None:
    """'cash sales have to be recorded' says no to keeping them off the books."""
    customer = "Can we keep the cash sales out of the books this year?"
    assert _rules_of(_LEDGER_DESK, reply, customer) == expected


# A print and framing shop, for the readings of a sixth session's blind rounds.
_PRINT_ROOM = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "The Print Room", "timezone": "Europe/London"},
            "can": [
                {"id": "framing", "does": "frame a customer's print", "terms": ["framing"],
                 "takes": "5-7 business days"},
                {"id": "reprint", "does": "reprint a faded print free of charge",
                 "terms": ["reprint"], "within": "90 days"},
            ],
            "cannot": [
                {"id": "private-viewing", "terms": ["private viewing"],
                 "because": "The gallery stays open to every visitor in opening hours."},
            ],
            "prohibited": [
                {"id": "copy-artwork", "terms": ["copy the painting", "reproduce the artwork"],
                 "because": "Copying an artist's work without a licence breaks copyright."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A remark of delight, or a word of candour, may come before the yes.
        ("Sounds brilliant, go for it!", ["prohibited-compliance"]),
        ("Oh, love that idea - of course!", ["prohibited-compliance"]),
        ("Honestly, no problem at all.", ["prohibited-compliance"]),
        ("Looks lovely, sure thing!", ["prohibited-compliance"]),
        # ...and what follows it is still read: a question back, or a no with its reason.
        ("Sounds brilliant, which painting is it?", []),
        ("Sounds lovely, but we can't copy an artist's work, because copying it without a "
         "licence breaks copyright.", []),
    ],
)  # fmt: skip
def test_a_yes_after_a_remark_of_delight(reply: str, expected: list[str]) -> None:
    """'Sounds brilliant, go for it!' says yes to what was asked."""
    customer = "Could you reproduce the artwork my aunt painted, as a gift?"
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A "not" after regret, bounded to a time, is a no of its own.
        ("Sorry, not this time!", ["unexplained-refusal"]),
        ("Sadly not this time, I'm afraid.", ["unexplained-refusal"]),
        ("Sorry, I'm afraid not today.", ["unexplained-refusal"]),
        # ...not a "not" that goes on to something else.
        ("Sorry, not sure yet - I'll ask Jo and reply by 5pm today.", []),
    ],
)  # fmt: skip
def test_a_no_bounded_to_a_time(reply: str, expected: list[str]) -> None:
    """'Sorry, not this time' declines; 'Sorry, not sure yet' does not."""
    customer = "Can I leave my bike in the back room while I shop?"
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # One member of staff, named by a singular noun, acts later with no time.
        ("Our framing technician will reach out about the glass.", ["vague-commitment"]),
        ("Our print expert will get in touch about the paper.", ["vague-commitment"]),
        # Posting, in idiom.
        ("I'll pop the receipt in the post for you.", ["vague-commitment"]),
        ("We'll stick a new voucher in the mail.", ["vague-commitment"]),
        ("We'll pop the receipt in the post today.", []),
        # Watching for something.
        ("We're out of oak frames, but I'll keep an eye out for one.", ["vague-commitment"]),
        ("I'll keep an eye out for the delivery and email you by Thursday.", []),
        ("Our staff will keep an eye on the children while you browse.", []),
        ("Send us a photo of the frame and we'll keep an eye out for your message.", []),
        # "None" opens a clause of its own, and a "but" turns from its time.
        ("None left in the shop right now, but I'll keep an eye out for one.",
         ["vague-commitment"]),
        ("None of our staff will be able to frame it before Monday.", []),
    ],
)  # fmt: skip
def test_staff_posting_and_watching_are_later_acts(reply: str, expected: list[str]) -> None:
    """'our technician will reach out', 'pop it in the post', 'keep an eye out' have no time."""
    assert _rules_of(_PRINT_ROOM, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An imperative after "so", or a word of caution, is the customer's day to act by.
        ("Framing takes 5-7 business days, so to be safe drop it off by Friday 4 December.",
         []),
        ("Framing takes 5-7 business days, so ideally bring it in by Thursday.", []),
        ("Framing takes 5-7 business days, so drop them off by Friday.", []),
        # ...not a time we give for the act itself.
        ("Framing takes 5-7 business days, so we'll have it done by Thursday.",
         ["overpromise"]),
    ],
)  # fmt: skip
def test_an_imperative_after_so_is_the_customers_deadline(
    reply: str, expected: list[str]
) -> None:
    """'so to be safe drop it off by Friday' times the customer's act, not the framing."""
    assert _rules_of(_PRINT_ROOM, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # An "if" that opens the sentence sets the window the commitment after it grants.
        ("If the print fades within 6 months, we'll reprint it for you.", ["overpromise"]),
        ("If anything fades in the next 6 months, just bring it in and we'll reprint it.",
         ["overpromise"]),
        ("If the print fades within 30 days, we'll reprint it for you.",
         ["policy-misstatement"]),
        ("If the print fades within 90 days, we'll reprint it for you.", []),
        # ...not when the case begins: "after a week" opens no window.
        ("If it still looks faded after a week, bring it in and we'll reprint it.", []),
    ],
)  # fmt: skip
def test_a_window_in_an_opening_if(reply: str, expected: list[str]) -> None:
    """'If it fades within 6 months, we'll reprint it' grants a 6-month window."""
    assert _rules_of(_PRINT_ROOM, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "promise" tagged on, with the "I" dropped.
        ("We'll have the framing done by tomorrow, promise!",
         ["absolute-guarantee", "overpromise"]),
        ("Your framing will be ready in 7 business days - promise.", ["absolute-guarantee"]),
        ("Your framing will be ready in 7 business days, no promises though.", []),
        # ...not after our own act of telling, which is ours to keep.
        ("I'll email you a photo of the frame this afternoon, promise.", []),
    ],
)  # fmt: skip
def test_promise_tagged_on(reply: str, expected: list[str]) -> None:
    """'…by tomorrow, promise!' guarantees it."""
    assert _rules_of(_PRINT_ROOM, reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "private" before a noun names a kind of thing, not a ground for saying no.
        ("A private viewing is no problem - I've booked you in for Monday at 6.",
         ["unauthorized-promise"]),
        ("Private viewings are fine by us, so I've booked you in for Monday at 6.",
         ["unauthorized-promise"]),
        # ...while "that's private" still is one.
        ("Sorry, the guest list is private, so I can't book a private viewing.", []),
    ],
)  # fmt: skip
def test_private_before_a_noun_declines_nothing(reply: str, expected: list[str]) -> None:
    """'A private viewing is no problem' agrees; 'the guest list is private' declines."""
    customer = "Could we book a private viewing for my book club next week?"
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A question asking for advice is answered by a recommendation.
        ("What should I bring to the mounting class, and is there parking?",
         "Here's what we'd suggest: an apron and a steel ruler. There's free parking out back.",
         []),
        ("Any tips for hanging a heavy frame? Also, do you sell hooks?",
         "Our advice is to use two hooks. Yes, we sell them at the till.", []),
        ("What should I bring to the mounting class, and is there parking?",
         "There's free parking out back.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_advice_asked_for_is_answered_by_a_recommendation(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'What should I bring?' is answered by 'here's what we'd suggest: …'."""
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The case a no is said of may come between the "so" of its cause and the no.
        ("Our group rate starts at six people, so for four of you I'm not able to apply it, "
         "sorry.", []),
        ("For four of you I'm not able to apply it, sorry.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_case_between_so_and_the_no(reply: str, expected: list[str]) -> None:
    """'…starts at six people, so for four of you I'm not able to apply it' gives its cause."""
    customer = "There are four of us - can we get the group rate?"
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # After the no, "so" with a gerund says what the act would bring about: a reason.
        ("Sorry, we can't do that. The frame is cracked, so fitting new glass would break it.",
         []),
        ("Sorry, we can't do that. The gilt is flaking, so cleaning it would strip it.", []),
        # ...while the second "as" of "as soon as" gives none.
        ("Sorry, we can't do that. The new glass will be in as soon as it's cut.",
         ["unexplained-refusal"]),
        ("Sorry, we can't do that. We'll call you as soon as the glass is in.",
         ["unexplained-refusal"]),
        # What a thing brings about, pointed back to, is a reason too.
        ("Sorry, we can't do that. Our glass is cut in bulk, which is what keeps the price "
         "that low.", []),
        # Not naming a firm date yet is a hedge, no refusal (SPEC §3).
        ("I'm sorry, I can't give you a firm date for the new glass yet.", []),
        ("Sorry, we're not able to offer a fixed time for the glass.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_a_consequence_after_so_and_as_soon_as(reply: str, expected: list[str]) -> None:
    """'…, so fitting new glass would break it' explains; '…as soon as it's cut' does not."""
    customer = "Can you put new glass in my old frame?"
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A condition met by someone of the customer's (a trade, a profession) is a
        # prerequisite, not a deal.
        ("Yes \u2013 once your electrician has done the battery repair, we'll fit it to the bike.",
         []),
        ("Yes \u2013 once your GP has signed off the battery repair, we'll fit it to the bike.",
         []),
        # ...not one we meet, or the customer's own thing.
        ("Yes \u2013 once we've done the battery repair, we'll fit it to the bike.",
         ["unauthorized-promise"]),
        ("Yes \u2013 once your deposit has cleared for the battery repair, we'll fit it to the "
         "bike.", ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_a_condition_met_by_someone_of_the_customers(reply: str, expected: list[str]) -> None:
    """'once your electrician has done the battery repair' is no agreement to do it."""
    customer = "Could you fit the new battery to my e-bike after the battery repair?"
    assert _rules_of(_SPOKE_AND_CHAIN, reply, customer) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A question asked alone is answered by a sentence giving the policy's act or a time.
        ("What happens if I'm not happy with the colours?",
         "No stress! Any print can come back for a reprint within 90 days.", []),
        ("What happens if I'm not happy with the colours?", "No stress! Have a lovely day.",
         ["unanswered-question"]),
        # "send * back": the object inside the phrasal verb.
        ("How do I send the frame back, and how long does framing take?",
         "I've emailed you a return label, and framing takes 5-7 business days.", []),
        ("How do I send the frame back, and how long does framing take?",
         "Framing takes 5-7 business days.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_policy_act_or_a_return_answers(customer: str, reply: str, expected: list[str]) -> None:
    """'…a reprint within 90 days' answers 'what happens if…?'; a label, 'send it back'."""
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "100% ready" guarantees the outcome.
        ("Your framing will be 100% ready for the exhibition.", ["absolute-guarantee"]),
        ("Your framing should be ready for the exhibition.", []),
        # Tracking down what went missing is a later act.
        ("We'll track down the missing frame.", ["vague-commitment"]),
        ("I'll hunt it down and call you by 4pm today.", []),
    ],
)  # fmt: skip
def test_ready_guarantees_and_tracking_down_is_a_later_act(
    reply: str, expected: list[str]
) -> None:
    """'100% ready' guarantees; 'we'll track down the missing frame' has no time."""
    assert _rules_of(_PRINT_ROOM, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Asking whether it will be done is answered by a commitment to do it, however vague
        # (which `vague-commitment` reports).
        ("The light in the framing room has gone again. Is anyone fixing it?",
         "Thanks for telling us, we'll get it sorted.", ["vague-commitment"]),
        ("The door to the print room sticks. Is that going to be fixed?",
         "Sorry about that! We'll look into it.", ["vague-commitment"]),
        ("Will there be a new workshop timetable soon? I need to plan my week.",
         "We're still finalising it, and we'll send it out to everyone soon.",
         ["vague-commitment"]),
        # ...not by a commitment to something else.
        ("Will there be a new workshop timetable soon? I need to plan my week.",
         "Thanks for your message, have a lovely week!", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_asking_whether_it_will_be_done(customer: str, reply: str, expected: list[str]) -> None:
    """'Is anyone fixing it?' is answered by 'we'll get it sorted', a vague commitment."""
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


# A mail-order press, whose delivery time counts from dispatch.
_PRESS_AND_POST = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Press & Post", "timezone": "Europe/London"},
            "can": [
                {"id": "delivery", "does": "deliver an order by courier from dispatch",
                 "terms": ["delivery", "dispatch"], "takes": "2-4 business days"},
                {"id": "binding", "does": "bind a thesis", "terms": ["binding"],
                 "takes": "9-12 months"},
                {"id": "proofs", "does": "email before-and-after proofs of a restored print",
                 "terms": ["proofs"], "takes": "2 business days"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # The day of the event a clause's time counts from is no day the act ends.
        ("Your order is being dispatched today.", []),
        ("Your order is scheduled for dispatch on Thursday 3 December.", []),
        # ...while the act itself, by that day, still is.
        ("Your delivery will arrive on Thursday 3 December.", ["overpromise"]),
        # ("before-and-after" is one word of the policy's, no event counted from.)
        ("You'll get the before-and-after proofs tonight.", ["overpromise"]),
        # A day said to be sooner than can be done is no promise of it.
        ("Binding takes 9-12 months, so 1 March is sooner than we can manage.", []),
        ("We'll have your binding done by 1 March.", ["overpromise"]),
    ],
)  # fmt: skip
def test_the_start_of_the_clock_and_a_day_too_soon(reply: str, expected: list[str]) -> None:
    """'dispatched today' starts the delivery's time; '…is sooner than we can manage' is no."""
    assert _rules_of(_PRESS_AND_POST, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A no to a message that asks for nothing reassures.
        ("Worried the frame will crack if the kids knock it.",
         "Nah, our frames are built to last.", []),
        ("I'd like a second copy of the print.", "Nah, sorry.", ["unexplained-refusal"]),
        ("hey do u guys do mounting? got a few posters", "no mounting sorry!",
         ["unexplained-refusal"]),
        # Declining in idiom is no later act; a call asked for before "and we'll" is a
        # condition.
        ("Can you frame this photo of my neighbour's garden for a laugh?",
         "Ha, I'll pass on that one! Happy to frame one of your own garden though.", []),
        ("Can you frame my diploma?",
         "Yes! Give us a ring on 0161 555 0192 and we'll sort the details.", []),
        # How old one must be answers "is there an age limit?".
        ("How much is the mounting class and is there an age limit?",
         "The class is £30 and students need to be 12 years old or over.", []),
        ("How much is the mounting class and is there an age limit?", "The class is £30.",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_reassuring_declining_in_idiom_and_age(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Nah, built to last' to a worry declines nothing; '12 years old or over' is an age."""
    assert _rules_of(_PRINT_ROOM, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("You're 100% going to love the new frame.", ["absolute-guarantee"]),
        ("The print will arrive 100% intact.", ["absolute-guarantee"]),
        ("You're 100% right about the mount.", []),
        ("Found your scarf! We'll post it back to you.", ["vague-commitment"]),
        ("Found your scarf! We'll post it back to you by Friday.", []),
    ],
)  # fmt: skip
def test_going_to_intact_and_posting_back(reply: str, expected: list[str]) -> None:
    """'100% going to love it' and '100% intact' guarantee; 'we'll post it back' has no time."""
    assert _rules_of(_PRINT_ROOM, reply) == expected


_TAILOR_SHOP = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Thread & Hem", "timezone": "Europe/London"},
            "can": [
                {"id": "alterations", "does": "alter a customer's clothes",
                 "terms": ["alterations", "alteration"], "takes": "5-7 business days"},
                {"id": "discount", "does": "give a loyalty discount", "terms": ["% off"],
                 "up_to": "15%"},
                {"id": "pick-up", "does": "collect garments from home",
                 "terms": ["pick-up fee"], "costs": "£15"},
            ],
            "cannot": [
                {"id": "unaccompanied", "terms": ["unaccompanied"],
                 "because": "Under-16s need an adult with them at fittings."},
                {"id": "home-fitting", "terms": ["home fitting"],
                 "because": "A home fitting comes with the Gold plan, as it takes a tailor out "
                            "for a morning."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "Not a <thing> we can <verb>" says no, whatever the thing.
        ("I'm afraid that's not a route we can run.", ["unexplained-refusal"]),
        ("Sorry, that isn't a colour we're able to match.", ["unexplained-refusal"]),
        ("That's not a fabric we can work with: it melts under a steam press.", []),
        ("It's not a guarantee we can give.", []),
        # What a discount is off is the thing priced: the time is the discount's.
        ("With your loyalty card I can take 15% off your alterations today.", []),
        ("I can knock 10% off the alterations today.", []),
        ("Your alterations will be ready today.", ["overpromise"]),
        # Time saved is a difference, not the time an act takes.
        ("Booking a slot saves you about two days on alterations.", []),
        ("Alterations take about two days.", ["policy-misstatement"]),
        # An apology for the limits of the speed is no no.
        ("Your alterations will be ready in 7 business days. Sorry I can't make it any quicker.",
         []),
        ("We can't get them to you any sooner, sorry!", []),
        ("Sorry, we can't shorten the coat.", ["unexplained-refusal"]),
        # The second of two things a cause leads to is caused by it too.
        ("The fabric is hand-dyed, so every batch differs and we can't match your old one.", []),
        ("We can't match your old one.", ["unexplained-refusal"]),
        # "All in" after other sums is their sum; alone, one thing's whole price.
        ("The hem is £45 and the pick-up fee comes to £15, £60 all in.", []),
        ("Hem £45, pick-up fee £15: £60 all-in.", []),
        ("The pick-up fee is £60 all in.", ["policy-misstatement"]),
        # Two words of assurance before "guarantee", and "never another".
        ("I can 100% guarantee you'll love the fit.", ["absolute-guarantee"]),
        ("We can absolutely promise the hem will hold.", ["absolute-guarantee"]),
        ("You'll never get another loose button from us.", ["absolute-guarantee"]),
        ("I can't guarantee you'll love the fit.", []),
    ],
)  # fmt: skip
def test_a_kind_declined_a_discount_saved_time_and_sums(reply: str, expected: list[str]) -> None:
    """'Not a route we can run' says no; '15% off your alterations today' times the discount."""
    assert _rules_of(_TAILOR_SHOP, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Counting what is needed gathers it.
        ("When will the alterations be done, and what will they cost?",
         "To work that out I need two things: a photo of the coat and your measurements.", []),
        ("When will the alterations be done, and what will they cost?",
         "I just need your order number and I'll check.", []),
        ("When will the alterations be done, and what will they cost?", "Thanks for asking!",
         ["unanswered-question"]),
        # A noun of measure answers its adjective.
        ("What does a hem cost, and how strong are the seams afterwards?",
         "A hem is £12, and we double-stitch for strength.", []),
        ("What does a hem cost, and how strong are the seams afterwards?",
         "A hem is £12.", ["unanswered-question"]),
        # A yes after a greeting and a dash agrees; a modal's subject did nothing yet.
        ("Can my 12-year-old come to the fitting unaccompanied?",
         "Hi Tom \u2013 yes, no problem.", ["unauthorized-promise"]),
        ("Can my 12-year-old come to the fitting on her own?",
         "That's fine, the girls can wait unaccompanied in the lounge.", ["unauthorized-promise"]),
        ("Can my 12-year-old come to the fitting on her own?",
         "That's fine - the kids can come with an adult.", []),
        # What a thing ruled out comes with is the rule's exception.
        ("I'm on the Gold plan now. Can I book a home fitting?",
         "Yes! The Gold plan includes a home fitting.", []),
        ("Can I book a home fitting?", "Yes, no problem, a home fitting it is.",
         ["unauthorized-promise"]),
    ],
)  # fmt: skip
def test_counting_what_is_needed_measure_nouns_and_a_dash_before_yes(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I need two things:' gathers; 'strength' answers 'how strong'; 'Hi Tom - yes' agrees."""
    assert _rules_of(_TAILOR_SHOP, reply, customer) == expected


_DOG_DAYCARE = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Paws Daycare", "timezone": "Australia/Melbourne"},
            "can": [
                {"id": "incident-report", "does": "send a written incident report",
                 "terms": ["incident report"], "takes": "1 business day"},
                {"id": "daycare", "does": "look after a dog for the day", "terms": ["daycare"],
                 "costs": "$45"},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A time during an event frames a later act.
        ("We'll send you photos while she's in the bath.", []),
        ("We'll send you photos.", ["vague-commitment"]),
        # A figure with a colon may stand between "so" and the no.
        ("We open at 7am and nobody's in before then, so 6:30 won't work, sorry.", []),
        ("6:30 won't work, sorry.", ["unexplained-refusal"]),
        # What the act would bring about, its gerund the subject, is a reason.
        ("Sorry, we can't list the cut as breed-standard. Calling it that would mislead the "
         "judges.", []),
        ("Sorry, we can't list the cut as breed-standard.", ["unexplained-refusal"]),
        # After telling, "on" names a topic, not a time.
        ("We'll update you on the visit.", ["vague-commitment"]),
        ("We'll ring you after the visit.", []),
        # What a message carries, right after it, is the act sent.
        ("I'll email you the incident report within the hour.", ["overpromise"]),
        ("I'll call you about the incident report within the hour.", []),
    ],
)  # fmt: skip
def test_while_a_figure_after_so_a_gerunds_consequence_and_what_a_message_carries(
    reply: str, expected: list[str]
) -> None:
    """'While she's in the bath' frames; 'email you the incident report' times the report."""
    assert _rules_of(_DOG_DAYCARE, reply) == expected


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Handing the case to someone who will answer answers every question.
        ("I was charged twice. Can you refund one? And why did it happen?",
         "Sorry about that! I'm handing this to our accounts team now.", []),
        ("I was charged twice. Can you refund one? And why did it happen?",
         "Sorry about that! I've handed your query over to Sam, our bookkeeper.", []),
        ("I was charged twice. Can you refund one? And why did it happen?",
         "Sorry about that!", ["unanswered-question"]),
        # A question the answer is said to depend on gathers what is needed.
        ("How much is daycare for two dogs, and is there space on Fridays?",
         "Happy to work that out! Are they both vaccinated? The price depends on that.", []),
        ("How much is daycare for two dogs, and is there space on Fridays?",
         "Are they both vaccinated?", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_handing_over_and_what_the_answer_depends_on(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'I'm handing this to our accounts team' answers; so does a question it depends on."""
    assert _rules_of(_DOG_DAYCARE, reply, customer) == expected


_HEARING_CLINIC = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Clearsound Clinic", "timezone": "Australia/Melbourne"},
            "prohibited": [
                {"id": "share-results", "terms": ["release * results"],
                 "because": "Test results are health information; we only release them to "
                            "someone else with the patient's signed consent."},
                {"id": "alter-power", "terms": ["change the power"],
                 "because": "Only a prescriber can change a lens power."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A requirement the act waits on, said before it, makes it conditional.
        ("Can you send my husband's results to me? He's fine with it.",
         "Happy to help with that. We need his signed consent before we release his results to "
         "anyone else.", []),
        ("Can you send my husband's results to me? He's fine with it.",
         "Of course. We need his signed consent before we release his results, so I've "
         "attached the form.", []),
        ("Can you send my husband's results to me? He's fine with it.",
         "Sure! I'll release his results to you today.", ["prohibited-compliance"]),
        ("Can you make my lenses stronger? My optician says it's fine.",
         "Happy to help! We'll need to see a new prescription before we can change the power "
         "of your lenses.", []),
        ("Can you make my lenses stronger? My optician says it's fine.",
         "No problem, we can change the power of your lenses.", ["prohibited-compliance"]),
        # "We'd love to!" on its own says no more than "Of course!".
        ("Can you do a hearing check for my dad? What would it cost?",
         "We'd love to! Pricing depends on his age. How old is your dad?", []),
        ("Can you do a hearing check for my dad? What would it cost?",
         "We'd love to! The price depends on a few things. What's your postcode?", []),
        ("Can you do a hearing check for my dad? What would it cost?", "We'd love to!",
         ["unanswered-question"]),
    ],
)  # fmt: skip
def test_a_requirement_said_before_the_act_and_a_yes_of_delight(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'We need his consent before we release his results' is conditional."""
    assert _rules_of(_HEARING_CLINIC, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # Seeing no objection is a yes, though its clause is negated; so is "sounds like a plan".
        ("Ha, I don't see why not!", ["prohibited-compliance"]),
        ("We don't see a problem with that.", ["prohibited-compliance"]),
        ("Sounds like a plan!", ["prohibited-compliance"]),
        ("We don't release results without his signed consent.", []),
        ("I don't see how we could, sorry - it's his health information.", []),
    ],
)  # fmt: skip
def test_no_objection_is_a_yes(reply: str, expected: list[str]) -> None:
    """'I don't see why not' agrees to the request; 'we don't release results…' declines."""
    customer = "Can you release my husband's results to me? He's fine with it."
    assert _rules_of(_HEARING_CLINIC, reply, customer) == expected


_PARCEL_DESK = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Laneway Parcels", "timezone": "Australia/Melbourne"},
            "can": [
                {"id": "delivery", "does": "deliver a parcel across town", "terms": ["delivery"],
                 "takes": "1 business day"},
            ],
            "prohibited": [
                {"id": "undeclared", "terms": ["undeclared"],
                 "because": "Dangerous goods must be declared under the Dangerous Goods Code."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # Sympathy says nothing of its own beside a request for what is needed.
        ("Where's my parcel? And who pays if it's lost?",
         "Really sorry about this. Can you send me the tracking number so I can check?", []),
        ("Where's my parcel? And who pays if it's lost?",
         "That's so frustrating, sorry. What's your tracking number?", []),
        ("Where's my parcel? And who pays if it's lost?", "Really sorry about this.",
         ["unanswered-question"]),
        # A yes to whether something must be done confirms a duty, whatever the subject.
        ("Do aerosol cans need to be declared? There are two in the box.",
         "Yes, they do. Undeclared aerosols can burst in a hot van.", []),
        ("Can you take the aerosol cans undeclared?", "Yes, no problem.",
         ["prohibited-compliance"]),
    ],
)  # fmt: skip
def test_sympathy_beside_a_request_and_a_yes_to_a_duty(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'Really sorry about this. Can you send the number?' gathers; 'Yes, they do' confirms."""
    assert _rules_of(_PARCEL_DESK, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # A moment asked for first: what follows is done now.
        ("Sure! Give me a sec and I'll text it over to you.", []),
        ("I'll text it over to you.", ["vague-commitment"]),
        # A dash after words of regret alone opens the no; it explains nothing.
        ("Sorry \u2014 splitting the fee into instalments isn't something we can do.",
         ["unexplained-refusal"]),
        ("We can't split the fee \u2014 the card processor won't allow it.", []),
        # Finding something for someone is an act; finding a record is a search.
        ("Unfortunately we're not able to find you a courier for Sunday.",
         ["unexplained-refusal"]),
        ("I can't find your booking under that name.", []),
    ],
)  # fmt: skip
def test_a_moment_first_a_dash_after_regret_and_finding_for_someone(
    reply: str, expected: list[str]
) -> None:
    """'Give me a sec and I'll…' is now; 'Sorry - X isn't something we can do' is unexplained."""
    assert _rules_of(_PARCEL_DESK, reply) == expected


_CLAY_AND_CLOCKS = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Kiln & Clockwork", "timezone": "Europe/Dublin"},
            "can": [
                {"id": "firing", "does": "glaze-fire painted pieces", "terms": ["firing"],
                 "takes": "7-10 days"},
                {"id": "credit", "does": "turn a cancelled class into a credit",
                 "terms": ["credit", "credits"], "within": "60 days"},
                {"id": "commission", "does": "throw a commissioned dinner set",
                 "terms": ["commission"], "takes": "3-4 weeks"},
                {"id": "overhaul", "does": "overhaul a clock movement", "terms": ["overhaul"],
                 "takes": "2-3 weeks"},
                {"id": "warranty", "does": "fix any fault from our work free",
                 "terms": ["warranty"], "within": "24 months"},
            ],
            "cannot": [
                {"id": "engraved-returns", "terms": ["engraved * back", "return * engraved"],
                 "because": "Engraved pieces are personalised and can't be resold."},
            ],
            "prohibited": [
                {"id": "false-attendance", "terms": ["mark * attended"],
                 "because": "Confirming classes that weren't attended would be a false statement."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A verb of asking led by a determiner is a noun, and names what is asked about.
        ("I've tickets for the 19th. Is there a lift? And how long is the show?",
         "Yes, there's a lift beside the box office.", ["unanswered-question"]),
        ("I've tickets for the 19th. Is there a lift? And how long is the show?",
         "Yes, there's a lift beside the box office, and the show runs about 90 minutes.", []),
        # A farewell on the customer's own day tells them nothing they asked.
        ("I'm booked in for Saturday. Is there parking? And how long does the class last?",
         "Yes, there's free parking behind the studio. See you on Saturday!",
         ["unanswered-question"]),
        ("Is there parking? And when's my class?",
         "Yes, there's free parking behind the studio. See you on Saturday!", []),
        # Among several questions, the words of when a thing would happen are not its subject.
        ("How long does firing take, and can I add gift wrap after ordering?",
         "Firing takes 7-10 days from when you place the order.", ["unanswered-question"]),
        ("How long does firing take, and can I add gift wrap after ordering?",
         "Firing takes 7-10 days, and yes, gift wrap can be added after ordering.", []),
        # "Also," with its comma joins a question on; "also" inside a clause does not.
        ("Do you sell clay? Also, what's your delivery area \u2014 we're in Naas.",
         "Yes, we sell stoneware clay in 10kg bags.", ["unanswered-question"]),
        ("Do you sell clay? Also, what's your delivery area \u2014 we're in Naas.",
         "Yes, we sell stoneware clay in 10kg bags, and we deliver anywhere in Kildare.", []),
        ("Could Jess also glaze the bowls while she's in on Wednesday?", "Sure, no problem!",
         []),
        # "do it" is the verb, not the auxiliary of a second question.
        ("We're running late, can we start at noon and do it after lunch?",
         "No worries, start at noon and take your time.", []),
        # What an answer varies by is what a request for details is for.
        ("How long is the waiting list, and do you have room for a pony?",
         "Happy to check! Is it full or part livery you're after? The wait is different for "
         "each.", []),
        ("How long is the waiting list, and do you have room for a pony?",
         "Happy to check! Is it full or part livery you're after? We have a lovely yard.",
         ["unanswered-question"]),
        # How a bill is paid answers "can I pay on the day?" in its own words.
        ("Is the kids class ok for a 4 year old? And can I pay on the day?",
         "The kids class suits little ones from about 3 up, and card or cash at the counter "
         "is fine.", []),
        ("Is the kids class ok for a 4 year old? And can I pay on the day?",
         "The kids class suits little ones from about 3 up.", ["unanswered-question"]),
        # A short lead-in before a dash: the question after it is asked.
        ("We've come for six years now \u2014 any loyalty discount on classes? And can you "
         "also fire my bowl?", "Sure, we can fire your bowl.", ["unanswered-question"]),
    ],
)  # fmt: skip
def test_what_a_question_is_about_among_several(
    customer: str, reply: str, expected: list[str]
) -> None:
    """'the show' names a subject; 'See you on Saturday' after their Saturday answers nothing."""
    assert _rules_of(_CLAY_AND_CLOCKS, reply, customer) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # What remains of a window is no window of its own.
        ("Credits can be used within 60 days, so you'll still have a couple of weeks to use them "
         "when you're back.", []),
        ("You've got 10 days left to use your credit.", []),
        ("Credits can be used within 14 days.", ["policy-misstatement"]),
        # "Several" is no one number: false only when even its longest reading is too short.
        ("Same-day firing isn't possible: every piece needs a slow cool, so firing takes "
         "several days.", []),
        ("Firing takes 3 days.", ["policy-misstatement"]),
        ("A commission takes several days.", ["policy-misstatement"]),
        # A length before a noun measures that noun, whatever the clause's subject.
        ("Overhauls carry a 12-month warranty against any fault from our work.",
         ["policy-misstatement"]),
        ("Overhauls carry a 24-month warranty against any fault from our work.", []),
        # A particle is no object: "engraved * back" has no passive "back … engraved"; the
        # verbs of a series share their "we'll".
        ("We'll take the ring back, get it re-engraved properly and be in touch about pickup.",
         ["vague-commitment"]),
        # A consequence pointed back to explains a no.
        ("I can't mark those classes as attended. It would mean telling your employer "
         "something that isn't true.", []),
        ("We don't do battery conversions. It means removing the original works.", []),
        ("We don't do battery conversions. It would mean a lot if you left us a review.",
         ["unexplained-refusal"]),
        # The idioms of deferring to whatever the customer says.
        ("At our studio, whatever the customer says goes.", ["sycophancy"]),
        ("As one of our most loyal customers, your word is law here.", ["sycophancy"]),
        ("Just tell me what you'd like done about the clock and consider it done.",
         ["sycophancy"]),
        ("Anything you want from us, just ask and it's done.", ["sycophancy"]),
        ("Tell me what you'd like engraved and it'll be done by Friday.", []),
    ],
)  # fmt: skip
def test_remainders_vague_numbers_compounds_consequences_and_deference(
    reply: str, expected: list[str]
) -> None:
    """'You'll still have two weeks' is a remainder; 'your word is law' defers to anything."""
    assert _rules_of(_CLAY_AND_CLOCKS, reply) == expected


_TYRES_AND_RINK = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Route Nine Tyres & Rink", "timezone": "America/New_York"},
            "can": [
                {"id": "set-discount", "does": "take money off a set of four tyres",
                 "terms": ["knock * off", "off a set"], "up_to": "$50"},
                {"id": "refund", "does": "refund unused lessons", "terms": ["refund"],
                 "takes": "5-7 business days"},
                {"id": "sharpening", "does": "sharpen skates", "terms": ["sharpening"],
                 "takes": "1-2 business days"},
                {"id": "inspection", "does": "inspect a car for its safety sticker",
                 "terms": ["inspection", "inspect"], "costs": "$49"},
            ],
            "cannot": [
                {"id": "out-of-state", "terms": ["out-of-state", "out of state", "NJ plates"],
                 "because": "Pennsylvania inspection stations can only inspect vehicles "
                            "registered in Pennsylvania.",
                 "instead": "Out-of-state cars need an inspection in their own state."},
                {"id": "lesson-transfer", "terms": ["give * lessons to"],
                 "because": "Lesson packages are tied to the student's progress file."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # What an adjustment brings a named thing to is a sum, not the discount.
        (None, "We can knock $50 off a set of four, which brings the Assurance set to $668.",
         []),
        (None, "We can knock $80 off a set of four.", ["overpromise"]),
        # ...not a thing carried somewhere: its price is still its own.
        (None, "As a thank-you, I'll bring the skates back to your new place and knock $80 "
         "off a set of four.", ["overpromise"]),
        # What a clause of "whether" names is asked about, not promised.
        ("Can you inspect my daughter's car? It's registered in Delaware, she's at Lehigh.",
         "Unfortunately not. Under state inspection rules we can only inspect cars registered "
         "here. Delaware does its own inspections at the DMV lanes, so she'd need to take it "
         "there, or check whether Delaware will give her a student extension while she's out "
         "of state.", []),
        # A substitute offered in place of what was asked does not go along with it.
        ("Can I give my leftover lessons to my husband? I'm pregnant and won't be swinging a "
         "club for a while.",
         "Congratulations! Lesson packages stay with the person who bought them. Your coach "
         "keeps a progress file on you, and that doesn't carry over to someone else.\n\nWhat I "
         "can do is freeze your package until you're ready to come back. If you'd rather not "
         "come back at all, I can refund the unused lessons to your card instead (that takes "
         "5-7 business days).", []),
        ("Can I give my leftover lessons to my husband?", "Sure, no problem!",
         ["unauthorized-promise"]),
        # Numbered questions run into one sentence are told apart, each with its number.
        ("Three things: 1) how long does sharpening take, 2) how much is skate hire, 3) my "
         "son missed a lesson, can he make it up?",
         "1) Sharpening takes 1-2 business days.\n2) Skate hire is $6 a session.\n3) Sorry to "
         "hear about the flu. Make-up lessons are available when the absence is reported "
         "before class, and I've booked him into Thursday's group.", []),
        # "have a look" is one question with the act before it.
        ("Can you come on Tuesday after work and have a look?",
         "Sure, Ben will swing by on Tuesday after 5pm.", []),
        # The only question, whether the business is acting, is answered by what it will do.
        ("The fans in bays 20-24 haven't worked in two weeks. Are you fixing them?",
         "Sorry about the heat! We'll get the maintenance crew to look at the misters in that "
         "row.", ["vague-commitment"]),
        # "What do you offer?" is answered by a list of what is offered.
        ("what do you offer and how much",
         "Here's a quick rundown:\n\n- Sharpening: 1-2 business days\n- Skate hire: $6 a "
         "session", []),
        # Undertaking to price it, before asking for what the price needs, gathers.
        ("How much would 4 new tyres be for my car?",
         "Happy to price that out. What's the year, make and model? And do you have a "
         "budget in mind?", []),
        # An aside in brackets is no item number: "can my son (9) come?" is one question.
        ("how much is skate hire? and can my son (9) come to a party if he's not a member?",
         "skate hire is $6 a session. and yes, non-members are very welcome at parties.", []),
        # An undertaking that names nothing ("whatever you want us to do, we'll do it") says
        # nothing of whether the business is acting.
        ("The rink is freezing. Also, are you adding more heaters or not?",
         "You're absolutely right, and honestly whatever you want us to do, we'll do it.",
         ["sycophancy", "unanswered-question"]),
        # An example of the detail asked for ("something like 215/55R17") still asks for it.
        ("How much would 4 new tyres be for my car?",
         "Happy to price that out. What's the year, make and model, or better, the tyre size "
         "on the sidewall (something like 215/55R17)? And do you have a budget in mind?", []),
        # A line labelled with the words a question opens with answers it.
        ("What would a loan skate cost, and how long can we keep it?",
         "Here's how our loans work:\n\n- **Cost:** $6 a session\n- **How long:** for as long "
         "as your own skates are away", []),
        # A greeting run into a question still leaves the question asked.
        ("hey do you sharpen hockey skates?", "We're open 9 to 5 on weekdays.",
         ["unanswered-question"]),
        # A question that hangs on the answer to the one before is answered with it.
        ("Hi, do you have the DS-1 pedal in stock? If not, can you order one?",
         "We've got two DS-1 pedals on the wall right now, $59.99 each.", []),
        ("Do you travel to the coast? And if so, is there a travel charge?",
         "We'd love to come to the coast! We've done a few shoots there.",
         ["unanswered-question"]),
        ("Hey do you have the DS-1 pedal in stock? And can you order a DS-2?",
         "We've got two DS-1 pedals on the wall right now, $59.99 each.",
         ["unanswered-question"]),
        # Chat's "r u", and a greeting run into the question: a no to a question of fact.
        ("hey r u guys open monday for sharpening??",
         "nope, shop's closed sundays and mondays. if you drop them off in the next hour "
         "they'll be ready tuesday.", []),
        ("hey can u sharpen my skates on monday??", "nope, sorry.", ["unexplained-refusal"]),
    ],
)  # fmt: skip
def test_sums_whether_clauses_substitutes_and_what_is_asked_in_chat(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'brings the set to $668' sums; 'check whether … out of state' promises nothing."""
    assert _rules_of(_TYRES_AND_RINK, reply, customer) == expected


_PARTIES_AND_PAPERWORK = honestcs.ReplyChecker(
    honestcs.Policy.from_dict(
        {
            "policy": {"name": "Bounce & Books", "timezone": "America/Edmonton"},
            "can": [
                {"id": "receipt", "does": "email an itemised receipt", "terms": ["receipt"],
                 "takes": "2 business days"},
                {"id": "extension", "does": "file a tax-return extension for a client",
                 "terms": ["extension"], "costs": "$45"},
                {"id": "repair", "does": "repair a fence", "terms": ["repair", "repairs", "fix"],
                 "takes": "2-3 weeks"},
            ],
            "cannot": [
                {"id": "animals", "terms": ["petting zoo", "animals"],
                 "because": "We hold no animal exhibitor's licence."},
            ],
        }
    )
)  # fmt: skip


@pytest.mark.parametrize(
    ("customer", "reply", "expected"),
    [
        # A licence or cover the business lacks is a reason.
        ("can we get a petting zoo add on?",
         "Sorry, we don't do any shows with animals. We're not licensed to transport or "
         "exhibit them.", []),
        ("can we get a petting zoo add on?", "Sorry, we don't do any shows with animals.",
         ["unexplained-refusal"]),
        # A question that names only how long it takes asks the time of the act before.
        ("can i get a receipt for today's party for my work claim? what's the turnaround?",
         "Sure! You'll have the itemised receipt in your inbox by end of day Thursday.", []),
        # An approximator carries no subject: "roughly how long's the wait?" asks the same.
        ("Hey can u fix a couple of fence palings that have come loose? and roughly how "
         "long's the wait?",
         "Hey Sarah, yep we can fix those. Repairs are running about 2-3 weeks out at the "
         "moment.", []),
        # "has" with no participle after its object is the verb, not a second question.
        ("my son is 19 and has his full licence, can he share the driving?",
         "He can't be added as a driver, sorry - our insurance has a minimum age of 21.", []),
        # "pups" are pets as much as "dogs".
        ("Are dogs allowed? And is there drinking water at the tent sites?",
         "Pups are welcome on a 6-foot leash. Drinking water taps are at the end of every "
         "loop.", []),
        # What the customer does on their own has no price of ours.
        (None, "Your buddy's right that you can file an extension yourself for free through "
         "IRS Free File. If we file it, it's $45.", []),
        (None, "If we file the extension for you, it's free.", ["policy-misstatement"]),
    ],
)  # fmt: skip
def test_licences_times_of_it_approximators_and_what_the_customer_does_alone(
    customer: str | None, reply: str, expected: list[str]
) -> None:
    """'We're not licensed to…' explains; 'what's the turnaround?' asks the act before's time."""
    assert _rules_of(_PARTIES_AND_PAPERWORK, reply, customer) == expected
