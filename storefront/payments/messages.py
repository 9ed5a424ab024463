"""Buyer-facing, translated explanations of card declines and gateway trouble (by gateway code)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

DECLINES = {
    "card_declined": _l("Your card was declined. Please try another card or contact your bank."),
    "generic_decline": _l("Your card was declined. Please try another card or contact your bank."),
    "insufficient_funds": _l("The card has insufficient funds. Please try another card."),
    "expired_card": _l("The card has expired. Please use another card."),
    "incorrect_cvc": _l("The security code (CVC) is incorrect."),
    "incorrect_number": _l("The card number is incorrect."),
    "invalid_expiry_year": _l("The expiry date is invalid."),
    "processing_error": _l("The card could not be processed. Please try again."),
    "payment_intent_authentication_failure": _l("The card's security check (3-D Secure) was not completed."),
}
GATEWAY_DOWN = _l("The payment service cannot be reached right now. Your order is kept; please try again shortly.")
TRY_AGAIN = _l("Another payment for this order is being processed. Please wait a moment and try again.")


def decline_message(code: str | None) -> str:
    """A translated message for a decline code (a generic one for codes we do not know)."""
    return str(DECLINES.get(code or "", DECLINES["card_declined"]))
