"""Tracking across documents: summits, commitment lineage, follow-up evidence, status history and
poll series. Pure functions over analysed documents (``TrackDoc``); ``store/`` persists the result."""
from .builder import build
from .model import Tracking, TrackDoc, Review
from .polls import around

__all__ = ["build", "around", "Tracking", "TrackDoc", "Review"]
