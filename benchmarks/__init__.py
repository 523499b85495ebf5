"""Benchmarks: scripts that print figures (see `make bench`)."""
