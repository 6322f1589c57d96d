"""The read-only JSON API under /api/v1 for BI tools, authenticated by per-region API tokens."""
