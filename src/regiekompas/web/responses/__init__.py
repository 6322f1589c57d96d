"""Answers: saved one at a time and idempotently, turned into a core `Dataset` for analysis."""
