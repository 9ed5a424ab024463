"""China Customs cross-border e-commerce (CEB 2022) clearance: codes, messages, XSD, signing, outbox, worker,
transports, receipts, case statuses and summary declarations."""
