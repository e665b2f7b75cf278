"""Renderings of an analysis for people: the terminal report and Markdown."""
