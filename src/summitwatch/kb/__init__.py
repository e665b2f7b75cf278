"""Knowledge base of real-world entities: countries, people, parties, media,
organisations and places, with their Korean, English, Japanese and Hanja names.

``load_kb()`` returns the process-wide KB (built once). Users extend it with JSON or TSV
files of the same format in a directory named by ``SUMMITWATCH_KB_DIR`` or passed as
``extra_dirs``.
"""
from .loader import KB, KBEntry, load_kb, norm_alias

__all__ = ["KB", "KBEntry", "load_kb", "norm_alias"]
