"""Decoding text files: encodings detected without being told, normalisation keeps offsets."""
import codecs
import unicodedata

import pytest

from summitwatch.ingest import load_bytes
from summitwatch.ingest.errors import InputError
from summitwatch.ingest.normalize import normalize

SAMPLE = "한미 정상은 2025년 8월 25일 워싱턴에서 만나 조선 협력에 합의했다.\n둘째 줄이다.\n"


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", SAMPLE.encode("utf-8")),
    ("utf-8-sig", codecs.BOM_UTF8 + SAMPLE.encode("utf-8")),
    ("utf-16", SAMPLE.encode("utf-16")),
    ("utf-16", SAMPLE.encode("utf-16-le")),
    ("cp949", SAMPLE.encode("cp949")),
    ("cp949", SAMPLE.encode("euc-kr")),
])
def test_text_decode_detects_encoding(encoding, data):
    doc = load_bytes(data, "sample.txt")
    assert doc.raw.lstrip("\ufeff") == SAMPLE
    assert doc.encoding == encoding


def test_text_decode_cp949_only_characters():
    text = "똠방각하 펲시콜라: 확장 완성형 글자도 읽는다.\n"
    doc = load_bytes(text.encode("cp949"), "x.txt")
    assert doc.raw == text


@pytest.mark.parametrize("data,msg", [
    (b"", "empty"),
    (b"   \n\n ", "empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "binary"),
])
def test_text_decode_rejects_with_one_line(data, msg):
    with pytest.raises(InputError) as e:
        load_bytes(data, "bad.txt")
    assert msg in str(e.value) and "\n" not in str(e.value)


def test_text_decode_rejects_undecodable_bytes():
    data = ("정상회담 " * 50).encode("utf-8") + b"\xff\xfe\xfa\x80\x81" + ("결과 " * 50).encode("utf-8")
    with pytest.raises(InputError):
        load_bytes(data, "bad.txt")


def test_normalize_nfc_keeps_map_to_raw():
    decomposed = unicodedata.normalize("NFD", "한국 외교") + " 2025"
    m = normalize(decomposed)
    assert m.text == "한국 외교 2025"
    assert decomposed[m.origin[m.text.index("2025")]] == "2"
    assert m.origin[0] == 0


def test_normalize_controls_and_crlf():
    raw = "가\r\n나\x07다\u200b라\f마\t바"
    m = normalize(raw)
    assert m.text == "가 \n나다라\n마 바"
    assert raw[m.origin[m.text.index("라")]] == "라"
