"""A one-clause policy and a reply with one finding of each severity, for the CLI tests."""

NOW = "2026-12-01T10:00:00-06:00"

POLICY = """\
[policy]
name = "Test Furniture"
timezone = "America/Chicago"

[[can]]
id = "refund"
does = "refund returned items"
terms = ["refund"]
takes = "5-7 business days"
"""

# One error (overpromise), one warning (absolute-guarantee), one info (vague-commitment).
REPLY = "We'll refund you within 3 days. I guarantee it. We'll look into it."
