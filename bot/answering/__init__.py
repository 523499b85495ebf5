"""Answering: knowledge loading, indexing, retrieval, composition, language and safety."""
