"""The commitments screen: the list of statements of commitment, their editor and letters."""
