"""Blank and odd text: invisible-only files are empty, NUL bytes are counted wherever they are,
and offsets stay exact through NFC (decomposed Hangul)."""
import codecs
import unicodedata

import pytest

from summitwatch.ingest import load_bytes
from summitwatch.ingest.errors import InputError
from summitwatch.ingest.normalize import normalize

BLANK = "\ufeff\u3000\u00a0\u200b \u3000\n\u200b\ufeff\u00a0\r\n\u3000\u200d\u2060\u202f" * 20
NFD_DOC = ("한국과 일본 정상은 2025년 3월 5일 도쿄에서 만나 반도체 협력 확대에 합의했다. 양국은 10억 달러를 "
           "함께 투자하고 2026년 상반기까지 공동 연구소를 세우기로 했다.\n\n"
           "이재명 대통령은 이시바 총리와 회담한 뒤 기자회견을 열었다. 조사에서 찬성은 45%였다.\n")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be-bom", "cp949"])
def test_normalize_blank_only_files_are_refused_as_empty(encoding):
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + BLANK.encode("utf-16-be")
    elif encoding == "cp949":
        data = "".join(c for c in BLANK if c in " \n\r\u3000").encode("cp949")
    else:
        data = BLANK.encode(encoding)
    with pytest.raises(InputError, match="no text|empty"):
        load_bytes(data, "blank.txt")


@pytest.mark.parametrize("where", [0, 100, 70_000])
def test_normalize_nul_bytes_are_dropped_and_counted_wherever_they_are(where):
    text = ("정상회담 결과를 분석한다. " * 6000)[:80_000]
    data = text.encode("utf-8")
    cut = len(text[:where].encode("utf-8"))
    data = data[:cut] + b"\x00\x00" + data[cut:]
    doc = load_bytes(data, "nul.txt")
    assert "\x00" not in doc.text.text
    assert any("2 NUL characters dropped" in w for w in doc.warnings)


def test_normalize_binary_is_judged_on_the_whole_file():
    data = ("본문 " * 40_000).encode("utf-8") + b"\x00" * 200_000
    with pytest.raises(InputError, match="binary"):
        load_bytes(data, "tail.bin.txt")


def test_normalize_nfd_maps_each_syllable_to_its_jamo():
    raw = unicodedata.normalize("NFD", "한국 외교")
    m = normalize(raw)
    assert m.text == "한국 외교"
    for i, ch in enumerate(m.text):
        a, z = m.raw_span(i, i + 1)
        assert unicodedata.normalize("NFC", raw[a:z]) == ch, (i, ch)


def test_normalize_nfd_document_every_fact_span_points_at_its_raw_characters():
    from summitwatch.pipeline import run

    raw = unicodedata.normalize("NFD", NFD_DOC)
    assert raw != NFD_DOC
    doc = load_bytes(raw.encode("utf-8"), "nfd.txt")
    ctx = run(doc)
    checked = 0
    for name, facts in ctx.facts.items():
        for f in facts:
            spans = [(f, f.start, f.stop)] if getattr(f, "start", -1) >= 0 else []
            spans += [(m, m.start, m.stop) for m in getattr(f, "mentions", []) if m.start >= 0]
            for item, start, stop in spans:
                a, z = ctx.text.raw_span(start, stop)
                assert item.raw_offset == a, (name, item.text)
                assert unicodedata.normalize("NFC", doc.raw[a:z]) == item.text, (name, item.text, doc.raw[a:z])
                checked += 1
    assert checked >= 5
    kinds = {name for name, facts in ctx.facts.items() if facts}
    assert {"dates", "quantities", "entities"} <= kinds


def test_normalize_nfd_export_raw_offset_and_raw_end_cut_out_each_fact():
    from summitwatch.export import to_analysis
    from summitwatch.pipeline import run

    raw = unicodedata.normalize("NFD", NFD_DOC)
    doc = load_bytes(raw.encode("utf-8"), "nfd.txt")
    data = to_analysis(run(doc)).model_dump()
    spans = []
    for kind in ("dates", "quantities", "groups", "events", "commitments"):
        spans += [(kind, f) for f in data[kind]]
    spans += [("entities", m) for e in data["entities"] for m in e["mentions"]]
    spans = [(k, f) for k, f in spans if f.get("raw_end") is not None]
    assert len(spans) >= 5
    for kind, f in spans:
        assert unicodedata.normalize("NFC", doc.raw[f["raw_offset"]:f["raw_end"]]) == f["text"], (kind, f["text"])
