"""The rules of the domain: what an innovation record holds and what makes it valid."""
