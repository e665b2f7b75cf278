"""The one compiled part of summitwatch: the PDF reader's per-object pdfium loops in C
(src/summitwatch/ingest/_pdfwalk.c). It is optional: without a C compiler the install still
succeeds and the reader runs the same loops in Python, about a quarter slower on busy PDFs.
Everything else is configured in pyproject.toml."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("summitwatch.ingest._pdfwalk", ["src/summitwatch/ingest/_pdfwalk.c"],
                             optional=True)])
