"""Bounds that keep memory and time finite whatever the input (documented in docs/limits.md).

Each is checked as early as it can be: file size before reading, declared zip sizes before
unpacking, XML element counts before parsing, paragraphs and characters while the text is
assembled. Within them an analysis takes at most about a minute and about 1.5 GB (see
docs/benchmarks.md for what a million characters costs)."""

MAX_INPUT_BYTES = 64 * 1024 * 1024        # a file larger than this is refused before reading
MAX_TEXT_CHARS = 3_000_000                # decoded text (or the text of a document) beyond this is refused
MAX_LINE_CHARS = 1_000_000                # a "line" this long is not a document's text
MAX_PARAGRAPHS = 200_000                  # paragraphs, headings and table lines of a PDF/DOCX/HWPX/HWP/HTML
MAX_UNPACKED_BYTES = 256 * 1024 * 1024    # declared decompressed size of all members of a zip container
MAX_XML_BYTES = 64 * 1024 * 1024          # XML actually unpacked from one zip container, all parts together
MAX_XML_ELEMENTS = 1_500_000              # XML elements of one zip container, all parts together
MAX_PDF_PAGES = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024      # one XML part of a zip container, decompressed
MAX_COMPRESSION_RATIO = 200              # a larger ratio on a big member (or on all XML read) is a zip bomb
MAX_ZIP_MEMBERS = 10_000
