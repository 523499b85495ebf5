"""Maintainer tooling: knowledge gaps, drafts from mentor answers, usage statistics."""
