"""China Customs cross-border e-commerce (CEB 2022) clearance layer: codes, messages, XSD, signing."""
