"""Tracking across documents: summits, commitment lineage, follow-up evidence, status history and
poll series. Pure functions over analysed documents (``TrackDoc``); ``store/`` persists the result."""
