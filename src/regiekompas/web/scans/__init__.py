"""Scans: one round of questions to a region's respondents, from concept to gesloten."""
