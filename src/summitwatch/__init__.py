"""summitwatch: facts an analyst can trust, from Korean diplomacy briefs."""

__version__ = "0.1.0"
