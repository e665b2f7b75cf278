"""Zip containers (HWPX, DOCX) read with bounded decompression, and XML parsed without DTDs."""
from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree as ET

import re

from .errors import InputError
from .limits import (MAX_COMPRESSION_RATIO, MAX_MEMBER_BYTES, MAX_UNPACKED_BYTES, MAX_XML_BYTES, MAX_XML_ELEMENTS,
                     MAX_ZIP_MEMBERS)


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
# the parts that hold a document's text, whose declared sizes are budgeted before any is read
_TEXT_PARTS = {"HWPX": re.compile(r"^Contents/section\d+\.xml$"),
               "DOCX": re.compile(r"^word/(?:document|footnotes|endnotes)\.xml$")}


class SafeZip:
    """Declared sizes are checked up front; actual reads are capped, since headers can lie.
    The budgets hold for the container as a whole, not per part: many small parts just under
    a per-part guard add up (what is read, its compression ratio and its XML elements)."""

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
        text_parts = _TEXT_PARTS.get(kind)
        if text_parts:
            parts = [i for i in infos if text_parts.match(i.filename)]
            size, packed = sum(i.file_size for i in parts), sum(i.compress_size for i in parts)
            if size > MAX_XML_BYTES:
                raise InputError(f"the {kind} file's text parts would unpack to {size / 1e6:,.0f} MB of XML; "
                                 f"summitwatch reads documents of up to {MAX_XML_BYTES // (1024 * 1024)} MB")
            if size > 4 * 1024 * 1024 and size > MAX_COMPRESSION_RATIO * max(1, packed):
                raise InputError(f"the {kind} file's {len(parts)} text parts are compressed "
                                 f"{size // max(1, packed):,}:1 together; refused as a zip bomb")
        self.names = [i.filename for i in infos]
        self._packed = {i.filename: i.compress_size for i in infos}
        self._read = 0              # bytes unpacked so far
        self._read_packed = 0       # their compressed size
        self.elements = 0           # XML elements parsed so far

    def _bomb_check(self) -> None:
        if self._read > 4 * 1024 * 1024 and self._read > MAX_COMPRESSION_RATIO * max(1, self._read_packed):
            raise InputError(f"the {self.kind} file's parts unpack to {self._read / 1e6:,.0f} MB, compressed "
                             f"{self._read // max(1, self._read_packed):,}:1 together; refused as a zip bomb")

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        cap = min(MAX_MEMBER_BYTES, MAX_XML_BYTES - self._read)
        try:
            with self.zip.open(name) as f:
                data = f.read(cap + 1)
        except KeyError:
            raise InputError(f"the {self.kind} file has no {name}") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as e:
            raise InputError(f"the {self.kind} file is damaged or truncated ({name}: {e})") from None
        if len(data) > cap:
            if cap < MAX_MEMBER_BYTES:
                raise InputError(f"the {self.kind} file's parts unpack to more than {MAX_XML_BYTES // (1024 * 1024)} "
                                 f"MB of XML together; summitwatch reads documents of up to that")
            raise InputError(f"the {self.kind} file's part {name} unpacks beyond {cap // (1024 * 1024)} MB; "
                             f"refused as a zip bomb")
        self._read += len(data)
        self._read_packed += self._packed.get(name, 0)
        self._bomb_check()
        return data

    def xml(self, name: str) -> ET.Element:
        data = self.read(name)
        self.elements += count_elements(data)
        if self.elements > MAX_XML_ELEMENTS:
            raise InputError(f"the {self.kind} file holds more than {MAX_XML_ELEMENTS:,} XML elements; "
                             f"summitwatch reads documents of up to that")
        return parse_xml(data, f"{self.kind} part {name}")


def count_elements(data: bytes) -> int:
    """XML elements in ``data``, counted before parsing (C-speed byte counts): in well-formed XML
    every "<" opens a tag, an end tag ("</"), a comment, CDATA or a DTD ("<!") or a PI ("<?");
    an upper bound for anything else."""
    return data.count(b"<") - data.count(b"</") - data.count(b"<!") - data.count(b"<?")


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
