"""Respondents of a scan and their personal links (tokens kept only as hashes)."""
