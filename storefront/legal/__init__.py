"""Legal and help pages (terms, privacy, returns, shipping and customs, contacts): shipped default text in a data
file, edited by operators in every language, linked from the footer and checkout."""
