"""The web app and JSON API over the corpus store (``summitwatch serve``)."""
from .app import create_app

__all__ = ["create_app"]
