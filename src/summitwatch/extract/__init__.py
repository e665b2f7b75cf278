"""Extractors: one module per kind of fact, run in a declared order by ``pipeline``."""
