"""Distribution documents (배포용 문서): the text sits in ViewText/Section* streams encrypted with
AES-128 (ECB); the key is hidden in the stream's own first record (DISTRIBUTE_DOC_DATA, 256
bytes), XOR-masked with a sequence from the C runtime's rand() seeded by its first four bytes.
This is Hancom's published scheme (한글 문서 파일 형식: 배포용 문서), as hwplib and pyhwp read it."""
from __future__ import annotations

import struct

from .errors import InputError
from .hwp_records import TAG_DISTRIBUTE_DOC_DATA

_RECORD = 256


def _msvc_rand(seed: int):
    """Microsoft C runtime rand(): the mask generator the format specifies."""
    while True:
        seed = (seed * 214013 + 2531011) & 0xFFFFFFFF
        yield (seed >> 16) & 0x7FFF


def unmask(data: bytes) -> bytes:
    """The 256-byte DISTRIBUTE_DOC_DATA with its mask removed (the first 4 bytes are the seed)."""
    out = bytearray(data)
    rand = _msvc_rand(struct.unpack_from("<I", data, 0)[0])
    run, mask = 0, 0
    for i in range(_RECORD):
        if run == 0:
            mask = next(rand) & 0xFF
            run = (next(rand) & 0xF) + 1
        if i >= 4:
            out[i] ^= mask
        run -= 1
    return bytes(out)


def mask(plain: bytes) -> bytes:
    """The inverse of ``unmask`` (the XOR is its own inverse; the seed bytes are kept)."""
    return unmask(plain)


def key_of(record: bytes) -> bytes:
    data = unmask(record)
    offset = 4 + (data[0] & 0xF)
    return data[offset:offset + 16]


def decrypt_view_text(stream: bytes, path: str) -> bytes:
    """The section's record stream (still compressed if the document is) from a ViewText stream."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if len(stream) < 4 + _RECORD:
        raise InputError(f"the HWP distribution document is damaged ({path} is too short)")
    (h,) = struct.unpack_from("<I", stream, 0)
    tag, size = h & 0x3FF, (h >> 20) & 0xFFF
    if tag != TAG_DISTRIBUTE_DOC_DATA or size != _RECORD:
        raise InputError(f"the HWP distribution document is damaged ({path} has no key record)")
    key = key_of(stream[4:4 + _RECORD])
    body = stream[4 + _RECORD:]
    body = body[: len(body) // 16 * 16]
    dec = Cipher(algorithms.AES(key), modes.ECB()).decryptor()
    return dec.update(body) + dec.finalize()
