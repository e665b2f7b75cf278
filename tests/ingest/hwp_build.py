"""Build HWP 5 files piece by piece for the tests: paragraphs whose controls hold tables (nested
too), footnotes, text boxes, pictures, headers, equations; plain or as a distribution document
(배포용), encrypted the way Hancom's format specifies (see summitwatch.ingest.hwp_crypt).

A paragraph builder is a function of the record level it starts at; a control is
(control character, control id, builder of the records under it)."""
from __future__ import annotations

import struct
import zlib

from cfb import write_cfb
from fixtures import _hwp_para, _rec


def para(text: str, *ctrls, style: int = 0):
    """A paragraph; each U+FFFC in ``text`` is where the next control stands."""
    def build(level: int) -> list[bytes]:
        out = _hwp_para(text, level, style, controls=[(code, cid) for code, cid, _ in ctrls])
        for _code, cid, under in ctrls:
            extra = getattr(under, "payload", b"\0" * 4)
            out.append(_rec(71, level + 1, cid[::-1] + extra))
            out += under(level + 2)
        return out
    return build


def _list(paras, level: int, head: bytes = b"") -> list[bytes]:
    out = [_rec(72, level, struct.pack("<HHI", len(paras), 0, 0) + head)]
    for p in paras:
        out += p(level)
    return out


def table(rows: list[list[list]], caption: list = ()):
    """rows of cells, each cell a list of paragraph builders; ``caption``: its paragraphs."""
    width = max(len(r) for r in rows)

    def under(level: int) -> list[bytes]:
        out = _list(caption, level) if caption else []
        out.append(_rec(77, level, struct.pack("<IHH", 0, len(rows), width)))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                out += _list(cell, level, struct.pack("<HHHH", c, r, 1, 1))
        return out
    return (11, b"tbl ", under)


def note(*paras, kind: bytes = b"fn  "):
    return (17 if kind == b"fn  " else 18, kind, lambda level: _list(paras, level))


def box(*paras):
    """A rectangle with text in it (a 글상자)."""
    return (11, b"gso ", lambda level: [_rec(76, level, b"\0" * 8)] + _list(paras, level + 1))


def picture():
    return (11, b"gso ", lambda level: [_rec(76, level, b"\0" * 8), _rec(85, level + 1, b"\0" * 8)])


def header(*paras):
    return (16, b"head", lambda level: _list(paras, level))


def master_pages(*pages):
    """A section definition holding master pages (바탕쪽), each a list of paragraph builders."""
    return (2, b"secd", lambda level: [r for paras in pages for r in _list(paras, level)])


def with_lists(paragraph, *pages):
    """A paragraph followed, one level down, by more master-page lists (as a section's last one has)."""
    return lambda level: paragraph(level) + [r for paras in pages for r in _list(paras, level + 1)]


def autonumber(kind: int, number: int):
    """An automatic number (kind 4: a table's), as captions hold it."""
    def under(level: int) -> list[bytes]:
        return []
    under.payload = struct.pack("<IH", kind, number) + b"\0" * 6
    return (18, b"atno", under)


def equation(script: str):
    payload = struct.pack("<IH", 0, len(script)) + script.encode("utf-16-le")
    return (11, b"eqed", lambda level: [_rec(88, level, payload)])


def _mask(data: bytes) -> bytes:
    """The format's XOR mask over a 256-byte DISTRIBUTE_DOC_DATA (the first 4 bytes seed it)."""
    out = bytearray(data)
    seed = struct.unpack_from("<I", data, 0)[0]
    run = mask = 0
    for i in range(256):
        if run == 0:
            seed = (seed * 214013 + 2531011) & 0xFFFFFFFF
            mask = ((seed >> 16) & 0x7FFF) & 0xFF
            seed = (seed * 214013 + 2531011) & 0xFFFFFFFF
            run = (((seed >> 16) & 0x7FFF) & 0xF) + 1
        if i >= 4:
            out[i] ^= mask
        run -= 1
    return bytes(out)


def hwp(*paras, distribution: bool = False, key: bytes = bytes(range(16)), seed: int = 0x1234_5677) -> bytes:
    """An HWP 5 file with one compressed section holding ``paras`` (distribution: in ViewText,
    AES-128-ECB under ``key`` hidden in the section's DISTRIBUTE_DOC_DATA record)."""
    body = b"".join(b for p in paras for b in p(0))
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = c.compress(body) + c.flush()
    streams = {}
    flags = 0x1
    if distribution:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
        plain = bytearray(struct.pack("<I", seed) + bytes((7 * i + 3) & 0xFF for i in range(252)))
        offset = 4 + (plain[0] & 0xF)
        plain[offset:offset + 16] = key
        enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        padded = packed + b"\0" * (-len(packed) % 16)
        streams["ViewText/Section0"] = _rec(28, 0, _mask(bytes(plain))) + enc.update(padded) + enc.finalize()
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        notice = b"".join(para("배포용 문서입니다")(0))
        streams["BodyText/Section0"] = c.compress(notice) + c.flush()
        flags |= 0x4
    else:
        streams["BodyText/Section0"] = packed
    header_stream = struct.pack("<32sII", b"HWP Document File", 0x05000300, flags).ljust(256, b"\0")
    return write_cfb({"FileHeader": header_stream, **streams})
