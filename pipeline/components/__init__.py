"""spaCy components of whereas: each reads tokens and the parse and writes serialisable annotations."""
