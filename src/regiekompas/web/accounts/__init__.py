"""Facilitator accounts, memberships and the object-level access checks every view uses."""
