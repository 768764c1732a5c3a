"""Writes for meetings, split by feature: the meeting itself, its votes, and the action log."""
