"""Bounds that keep memory and time finite whatever the input."""

MAX_INPUT_BYTES = 64 * 1024 * 1024        # a file larger than this is refused before reading
MAX_TEXT_CHARS = 8 * 1024 * 1024          # decoded text larger than this is refused
MAX_LINE_CHARS = 1_000_000                # a "line" this long is not a document's text
MAX_UNPACKED_BYTES = 256 * 1024 * 1024    # total decompressed size of a zip container
MAX_PDF_PAGES = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024      # one XML part of a zip container, decompressed
MAX_COMPRESSION_RATIO = 200              # a larger ratio on a big member is a zip bomb, not a document
MAX_ZIP_MEMBERS = 10_000
