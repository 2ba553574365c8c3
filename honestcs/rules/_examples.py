"""The policy every rule's examples are checked against (and shown with in the docs)."""

from __future__ import annotations

from typing import Any

__all__ = ["EXAMPLE_POLICY"]

EXAMPLE_POLICY: dict[str, Any] = {
    "policy": {"name": "Trailhead Outfitters", "timezone": "America/New_York"},
    "calendar": {"workdays": ["mon", "tue", "wed", "thu", "fri"], "holidays": ["2026-12-25"]},
    "can": [
        {"id": "refund", "does": "refund returns to the original payment method",
         "terms": ["refund", "money back"], "takes": "5-10 business days"},
        {"id": "returns", "does": "accept returns of unused gear",
         "terms": ["return", "send it back"], "within": "30 days"},
        {"id": "delivery", "does": "deliver orders", "terms": ["deliver", "delivery", "arrive"],
         "takes": "3-5 business days"},
        {"id": "discount", "does": "discount display models", "terms": ["discount", "% off"],
         "up_to": "15%", "needs": "manager approval above 10%"},
        {"id": "store-credit", "does": "add store credit as an apology",
         "terms": ["store credit", "gift card"], "up_to": "$50"},
        {"id": "express", "does": "upgrade to express delivery",
         "terms": ["express delivery", "express shipping"], "costs": "$12"},
        {"id": "callback", "does": "call the customer back",
         "terms": ["call you back", "callback"], "takes": "1 business day"},
    ],
    "cannot": [
        {"id": "price-match", "terms": ["price match", "match the price"],
         "because": "Our prices are set nationally, so we don't match other stores.",
         "instead": "I can email you when this item goes on sale."},
    ],
    "prohibited": [
        {"id": "backdate-invoice", "terms": ["backdate", "earlier date on the invoice"],
         "because": "An invoice with a false date is a falsified financial record."},
    ],
}
