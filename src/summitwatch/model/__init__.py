"""Data types shared by every stage; imports nothing else of ours."""
