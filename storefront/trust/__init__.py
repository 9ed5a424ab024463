"""Trust: seller profiles with trust figures (years, verified filing, on-time shipping, customs refusals, reply
time, reviews) and a credit rating computed from them, explained publicly, overridable by operators (audited)."""
