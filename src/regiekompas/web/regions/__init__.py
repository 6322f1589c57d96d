"""Regions: the gemeenten working together, their organisations, contracts and mechanisms."""
