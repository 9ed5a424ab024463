"""Company filing in the back offices: the merchant's filing pages, the operators' review queue and its views."""
