"""A minimal writer of OLE compound files (CFB version 3), enough to build an HWP 5 file.

olefile reads compound files but cannot create new ones, and no HWP 5 file can be produced
here by Hancom's software; so the tests write one themselves, following [MS-CFB]: 512-byte
sectors, a FAT, a mini stream with its MiniFAT for streams under 4096 bytes, a directory.
"""
from __future__ import annotations

import struct

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def _pad(b: bytes, n: int) -> bytes:
    return b + b"\0" * (-len(b) % n)


class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b""):
        self.name, self.kind, self.data = name, kind, data
        self.children: list[_Entry] = []
        self.left = self.right = self.child = NOSTREAM
        self.start, self.size, self.sid = END, 0, 0


def _tree(children: list[_Entry]) -> int:
    """Children as a balanced binary tree in CFB name order; returns the root's id."""
    if not children:
        return NOSTREAM
    mid = len(children) // 2
    node = children[mid]
    node.left = _tree(children[:mid])
    node.right = _tree(children[mid + 1:])
    return node.sid


def write_cfb(streams: dict[str, bytes]) -> bytes:
    root = _Entry("Root Entry", 5)
    entries = [root]
    storages = {"": root}
    for path in streams:
        parts = path.split("/")
        parent = root
        for k, part in enumerate(parts[:-1]):
            key = "/".join(parts[: k + 1])
            if key not in storages:
                st = _Entry(part, 1)
                storages[key] = st
                parent.children.append(st)
                entries.append(st)
            parent = storages[key]
        e = _Entry(parts[-1], 2, streams[path])
        parent.children.append(e)
        entries.append(e)
    for i, e in enumerate(entries):
        e.sid = i
    for e in entries:
        e.children.sort(key=lambda c: (len(c.name), c.name.upper()))
        e.child = _tree(e.children)

    # mini stream for small streams
    mini = bytearray()
    minifat: list[int] = []
    for e in entries:
        if e.kind == 2 and len(e.data) < CUTOFF:
            e.size = len(e.data)
            if not e.data:
                continue
            first = len(mini) // MINI
            n = (len(e.data) + MINI - 1) // MINI
            minifat += [first + k + 1 for k in range(n - 1)] + [END]
            e.start = first
            mini += _pad(e.data, MINI)

    sectors: list[bytes] = []
    fat: list[int] = []

    def chain(data: bytes) -> int:
        if not data:
            return END
        first = len(sectors)
        blocks = [data[i:i + SECTOR] for i in range(0, len(data), SECTOR)]
        for k, b in enumerate(blocks):
            sectors.append(_pad(b, SECTOR))
            fat.append(first + k + 1 if k < len(blocks) - 1 else END)
        return first

    root.start = chain(bytes(mini))
    root.size = len(mini)
    minifat_bytes = b"".join(struct.pack("<I", x) for x in minifat)
    minifat_start = chain(_pad(minifat_bytes, SECTOR)) if minifat else END
    n_minifat = (len(minifat_bytes) + SECTOR - 1) // SECTOR
    for e in entries:
        if e.kind == 2 and len(e.data) >= CUTOFF:
            e.start, e.size = chain(e.data), len(e.data)

    def dir_entry(e: _Entry) -> bytes:
        name = e.name.encode("utf-16-le") + b"\0\0"
        return struct.pack("<64sHBBIII16sIQQIQ", name, len(name), e.kind, 1, e.left, e.right, e.child,
                           b"\0" * 16, 0, 0, 0, e.start if e.kind != 1 else 0, e.size)

    directory = b"".join(dir_entry(e) for e in entries)
    directory = _pad(directory, SECTOR)
    dir_start = chain(directory)
    n_fat = 1
    while len(sectors) + n_fat > n_fat * (SECTOR // 4):
        n_fat += 1
    fat_start = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREE] * (n_fat * (SECTOR // 4) - len(fat))
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat)
    if n_fat > 109:
        raise ValueError("compound file too large for this writer")
    difat = [fat_start + k for k in range(n_fat)] + [FREE] * (109 - n_fat)
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\0" * 16, 0x3E, 3,
                         0xFFFE, 9, 6, b"\0" * 6, 0, n_fat, dir_start, 0, CUTOFF, minifat_start, n_minifat,
                         END, 0)
    header += b"".join(struct.pack("<I", x) for x in difat)
    return header + b"".join(sectors) + fat_bytes
