"""Results pages: the region overview and a page per gemeente × transitie, computed by core."""
