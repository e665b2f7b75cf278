"""Zip containers (HWPX, DOCX) read with bounded decompression, and XML parsed without DTDs."""
from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree as ET

from .errors import InputError
import re

from .limits import MAX_COMPRESSION_RATIO, MAX_MEMBER_BYTES, MAX_UNPACKED_BYTES, MAX_ZIP_MEMBERS


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


class SafeZip:
    """Declared sizes are checked up front; actual reads are capped, since headers can lie."""

    def __init__(self, data: bytes, kind: str):
        self.kind = kind
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as e:
            raise InputError(f"the {kind} file is damaged or truncated ({e})") from None
        if len(infos) > MAX_ZIP_MEMBERS:
            raise InputError(f"the {kind} file holds {len(infos):,} parts; this is not a document")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise InputError(f"the {kind} file would unpack to {total / 1e6:,.0f} MB; refused as a zip bomb")
        for i in infos:
            if i.file_size > 1_000_000 and i.file_size > MAX_COMPRESSION_RATIO * max(1, i.compress_size):
                raise InputError(f"the {kind} file's part {i.filename} is compressed "
                                 f"{i.file_size // max(1, i.compress_size):,}:1; refused as a zip bomb")
        self.names = [i.filename for i in infos]
        self._read = 0

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        cap = min(MAX_MEMBER_BYTES, MAX_UNPACKED_BYTES - self._read)
        try:
            with self.zip.open(name) as f:
                data = f.read(cap + 1)
        except KeyError:
            raise InputError(f"the {self.kind} file has no {name}") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as e:
            raise InputError(f"the {self.kind} file is damaged or truncated ({name}: {e})") from None
        if len(data) > cap:
            raise InputError(f"the {self.kind} file's part {name} unpacks beyond {cap // (1024 * 1024)} MB; "
                             f"refused as a zip bomb")
        self._read += len(data)
        return data

    def xml(self, name: str) -> ET.Element:
        return parse_xml(self.read(name), f"{self.kind} part {name}")


def parse_xml(data: bytes, what: str) -> ET.Element:
    if _DTD.search(data):
        raise InputError(f"the {what} declares a DTD or entities; refused (not written by a word processor)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise InputError(f"the {what} is not well-formed XML ({e})") from None


def local(tag: str) -> str:
    """Tag name without its namespace: OWPML and OOXML have several namespace versions."""
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag
