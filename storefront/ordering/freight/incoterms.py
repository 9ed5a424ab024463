"""Incoterms 2020: for each rule, who pays and does what, and what the platform charges with the goods."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from storefront.ordering.states import DeliveryTerms

SELLER, BUYER = "seller", "buyer"

#: The duties a rule splits between seller and buyer, in the order pages list them.
DUTIES = {
    "export": _l("Export clearance in China"),
    "freight": _l("Main transport (freight)"),
    "insurance": _l("Insurance in transit"),
    "import": _l("Import clearance"),
    "duties": _l("Import duties and taxes"),
}
PARTY_LABELS = {SELLER: _l("Merchant"), BUYER: _l("You")}

#: CIF: minimum cover of the Institute Cargo Clauses (C), 110 % of the value, at this premium (per mille).
CIF_PREMIUM_PER_MILLE = 3


@dataclass(frozen=True)
class Rule:
    """Who bears each duty under one Incoterm."""

    code: str
    export: str
    freight: str
    insurance: str
    import_: str
    duties: str
    #: FOB and CIF are for sea and inland waterway transport only.
    sea_only: bool = False

    def payer(self, duty: str) -> str:
        """SELLER or BUYER for a key of DUTIES."""
        return getattr(self, "import_" if duty == "import" else duty)

    @property
    def charges_freight(self) -> bool:
        """True when the order's price includes the main transport."""
        return self.freight == SELLER

    @property
    def charges_duties(self) -> bool:
        """True when the order's price includes the import duty and tax estimate (DDP)."""
        return self.duties == SELLER


RULES: dict[str, Rule] = {
    DeliveryTerms.EXW: Rule("EXW", BUYER, BUYER, BUYER, BUYER, BUYER),
    DeliveryTerms.FCA: Rule("FCA", SELLER, BUYER, BUYER, BUYER, BUYER),
    DeliveryTerms.FOB: Rule("FOB", SELLER, BUYER, BUYER, BUYER, BUYER, sea_only=True),
    DeliveryTerms.CIF: Rule("CIF", SELLER, SELLER, SELLER, BUYER, BUYER, sea_only=True),
    DeliveryTerms.DAP: Rule("DAP", SELLER, SELLER, SELLER, BUYER, BUYER),
    DeliveryTerms.DDP: Rule("DDP", SELLER, SELLER, SELLER, SELLER, SELLER),
}


def rule(code: str) -> Rule:
    """The rule for a stored terms code (DAP when unknown)."""
    return RULES.get(code) or RULES[DeliveryTerms.DAP]


def responsibilities(code: str) -> list[tuple[str, str]]:
    """[(duty label, payer label)] in the current language, for pages, the invoice and e-mails."""
    found = rule(code)
    return [(str(label), str(PARTY_LABELS[found.payer(key)])) for key, label in DUTIES.items()]


def insurance_fen(goods_fen: int, freight_fen: int) -> int:
    """CIF insurance premium: 110 % of goods + freight at the premium rate, rounded up to a fen."""
    return -(-(goods_fen + freight_fen) * 110 * CIF_PREMIUM_PER_MILLE // 100_000)
