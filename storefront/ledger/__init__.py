"""The append-only, double-entry money ledger: every charge, refund, commission, voucher subsidy and payout.

Each money movement is one *transaction* (``txn``) of two or more entries in one currency that sum to zero
(debits positive, credits negative). Balances are sums of entries, never an edited column; entries are never
updated or deleted (a mistake is corrected by a reversing transaction). Accounts are plain strings:

=========================  ==========================================================================
``cash:stripe``            money held at Stripe (card charges in, card refunds out)
``cash:bank``              the platform's bank account (T/T and 对公转账 in, manual refunds and payouts out)
``seller:merchant:<id>``   what the platform owes a merchant (credit balance)
``seller:provider:<id>``   what the platform owes a service provider (credit balance)
``platform:commission``    the platform's commission income
``voucher:budget``         government voucher budget spent on subsidies (debit balance)
``suspense:refund_due``    money received that belongs to nobody yet (double or late payment, mismatch)
=========================  ==========================================================================

See docs/money.md for a worked example.
"""
