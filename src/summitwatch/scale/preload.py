"""Imported once by the pool's fork server: Kiwi, the knowledge base and the extractors' patterns
are loaded there, before any worker is forked, so every worker starts with them loaded (shared
copy-on-write) instead of loading them itself."""
from ..store.prepare import warm

warm()
