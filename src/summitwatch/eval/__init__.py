"""The evaluation gate: score the seed briefs against their gold and hold pinned floors."""
