"""HWP 5 as government documents write it: tables nested in cells, footnote markers inside
cells, text boxes, headers, equations, pictures, distribution (배포용) documents."""
from __future__ import annotations

import pytest
from hwp_build import box, equation, header, hwp, master_pages, note, para, picture, table, with_lists

from summitwatch.export import to_analysis
from summitwatch.ingest import load_bytes
from summitwatch.ingest.errors import InputError
from summitwatch.pipeline import Options, run

O = "\ufffc"


def _sample(**kw) -> bytes:
    inner = table([[[para("하위 갑")], [para("하위 을")]]])
    outer = table([[[para("항목")], [para("설명")]],
                   [[para("첫째 칸")], [para(f"주석 달린 값{O}", note(para("셀 안 각주의 본문")))]],
                   [[para("둘째 칸")], [para("겉 글"), para(O, inner)]]])
    return hwp(para(f"{O}머리 있는 문서의 첫 문단", header(para("쪽 머리에 적힌 글"))),
               para(O, outer),
               para(f"{O}상자 밖 문장", box(para("상자 안의 문장"))),
               para(f"식 {O} 끝", equation("a over b")),
               para(f"{O}그림 뒤 문장", picture()), **kw)


def _analysis(data: bytes, name: str = "t.hwp"):
    return to_analysis(run(load_bytes(data, source=name), Options(structure_only=True)))


@pytest.fixture(scope="module")
def exported():
    return _analysis(_sample())


def test_hwp_objects_tables_with_nested_table(exported):
    tables = [(t.caption, [(r.header, r.cells) for r in t.rows], t.header_rows, t.parent) for t in exported.tables]
    assert tables == [
        ("", [("항목", ["설명"]), ("첫째 칸", ["주석 달린 값"]), ("둘째 칸", ["겉 글 하위 갑 하위 을"])], 0, None),
        ("", [("하위 갑", ["하위 을"])], 0, 0),
    ]


def test_hwp_objects_footnote_marker_in_a_cell_links(exported):
    assert [(f.n, f.text) for f in exported.footnotes] == [(1, "셀 안 각주의 본문")]
    assert [(r.n, r.dangling) for r in exported.footnote_refs] == [(1, False)]
    assert "주석 달린 값1" not in exported.text
    # written after the table that anchors it, before the next paragraph
    after = exported.text.split("겉 글 하위 갑 하위 을\n\n", 1)[1]
    assert after.startswith("1) 셀 안 각주의 본문\n\n상자 밖 문장")


def test_hwp_objects_boxes_equations_and_header_kept_apart(exported):
    paragraphs = exported.text.split("\n\n")
    assert paragraphs[0] == "머리 있는 문서의 첫 문단"
    assert "상자 밖 문장" in paragraphs and "상자 안의 문장" in paragraphs
    assert "식 a over b 끝" in paragraphs
    assert paragraphs[-1] == "쪽 머리에 적힌 글"          # after the body, once
    assert exported.warnings == ["1 image(s) not read"]


def test_hwp_objects_distribution_document_is_decrypted(exported):
    dist = _analysis(_sample(distribution=True))
    assert "배포용 문서입니다" not in dist.text
    assert dist.text == exported.text
    assert dist.tables == exported.tables and dist.footnotes == exported.footnotes


def test_hwp_objects_distribution_key_differs_per_file():
    a = _sample(distribution=True, key=bytes(16 * [9]), seed=77)
    assert _analysis(a).text == _analysis(_sample()).text


def test_hwp_objects_text_only_in_boxes_is_read():
    got = _analysis(hwp(para(O, box(para("상자에만 글이 있다"), para("둘째 줄")))))
    assert got.text == "상자에만 글이 있다\n\n둘째 줄"


def test_hwp_objects_named_hwpx_is_read_by_content(exported):
    got = _analysis(_sample(), name="t.hwpx")
    assert got.text == exported.text and got.document.format == "hwp"
    assert got.warnings[0] == "the file is named .hwpx but its content is HWP; read as HWP"


def test_hwp_objects_password_protected_refused_in_one_line():
    from fixtures import to_hwp
    with pytest.raises(InputError) as e:
        load_bytes(to_hwp(flags_extra=0x2), source="p.hwp")
    assert str(e.value) == "the HWP file is password-protected"


@pytest.mark.parametrize("value, title", [("회의 자료\x00\x00\x00\x13\x02", "회의 자료"), ("\x00\x01\x02", None),
                                          ("20240101", None), ("\ufffd\ufffd\x05", None), (None, None)])
def test_hwp_objects_summary_title_is_text(value, title):
    from summitwatch.ingest.canon import meta_text as _text_prop
    assert _text_prop(value) == title


def test_hwp_objects_records_nested_absurdly_deep_refused_in_one_line():
    from cfb import write_cfb
    from fixtures import _rec
    import struct
    import zlib
    body = b"".join(_rec(66, k, b"\0" * 22) for k in range(300))
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = write_cfb({"FileHeader": struct.pack("<32sII", b"HWP Document File", 0x05000300, 1).ljust(256, b"\0"),
                      "BodyText/Section0": c.compress(body) + c.flush()})
    with pytest.raises(InputError) as e:
        load_bytes(data, source="deep.hwp")
    assert str(e.value) == "the HWP file is damaged (records nested 121 deep)"


def test_hwp_objects_table_nested_two_deep():
    deep = table([[[para("깊은 하나")], [para("깊은 둘")]]])
    mid = table([[[para("중간 칸")], [para("중간"), para(O, deep)]]])
    outer = table([[[para("겉 칸")], [para(O, mid)]], [[para("아래")], [para("끝 칸")]]])
    got = _analysis(hwp(para("첫 문단"), para(O, outer), para("마지막")))
    assert [(t.parent, [(r.header, r.cells) for r in t.rows]) for t in got.tables] == [
        (None, [("겉 칸", ["중간 칸 중간 깊은 하나 깊은 둘"]), ("아래", ["끝 칸"])]),
        (0, [("중간 칸", ["중간 깊은 하나 깊은 둘"])]),
        (1, [("깊은 하나", ["깊은 둘"])]),
    ]


def test_hwp_objects_table_caption_without_its_automatic_number():
    # the number an automatic-number control would show is not text in the file: no extractor
    # writes it, and writing it would split the caption's words apart from every other reading
    from hwp_build import autonumber
    t = table([[[para("열 하나")], [para("열 둘")]]], caption=[para(f"표 {O} 부처별 예산", autonumber(4, 3))])
    got = _analysis(hwp(para("앞 문단"), para(O, t)))
    assert [(x.caption, [(r.header, r.cells) for r in x.rows]) for x in got.tables] == [
        ("표 부처별 예산", [("열 하나", ["열 둘"])])]


def test_hwp_objects_title_framed_in_one_cell_tables():
    got = _analysis(hwp(para(O, table([[[para("알림 자료")]]])), para(O, table([[[para("두 나라가 항만 협력 방안에 합의")]]])),
                        para("양국 장관은 오늘 회담을 열었다.")))
    assert got.document.title == "두 나라가 항만 협력 방안에 합의"


def test_hwp_objects_unreadable_section_counted_and_the_rest_read():
    import struct
    import zlib
    from cfb import write_cfb
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    good = c.compress(b"".join(para("둘째 구역의 문단은 읽힌다.")(0))) + c.flush()
    data = write_cfb({"FileHeader": struct.pack("<32sII", b"HWP Document File", 0x05000300, 1).ljust(256, b"\0"),
                      "BodyText/Section0": b"\xff\xfe not deflate data at all", "BodyText/Section1": good})
    got = _analysis(data)
    assert got.text == "둘째 구역의 문단은 읽힌다."
    assert got.warnings == ["1 unreadable section stream(s) not read"]


def test_hwp_objects_master_pages_are_furniture_after_the_body():
    data = hwp(para(f"{O}본문의 첫 문단", master_pages([para("홀수 쪽 바탕 글")], [para("짝수 쪽 바탕 글")])),
               with_lists(para("본문의 끝 문단"), [para("끝 쪽 바탕 글")]))
    st = run(load_bytes(data, source="m.hwp"), Options(structure_only=True)).structure
    assert [(b.kind, st.body.text[b.start:b.end]) for b in st.blocks] == [
        ("paragraph", "본문의 첫 문단"), ("paragraph", "본문의 끝 문단"), ("master_page", "홀수 쪽 바탕 글"),
        ("master_page", "짝수 쪽 바탕 글"), ("master_page", "끝 쪽 바탕 글")]


def test_hwp_objects_nested_table_keeps_its_caption():
    inner = table([[[para("안 열")], [para("안 값")]]], caption=[para("안쪽 표의 제목")])
    outer = table([[[para("바깥 칸")], [para("설명 글"), para(O, inner)]]])
    got = _analysis(hwp(para("앞 문단"), para(O, outer)))
    assert [(t.parent, t.caption, [(r.header, r.cells) for r in t.rows]) for t in got.tables] == [
        (None, "", [("바깥 칸", ["설명 글 안쪽 표의 제목 안 열 안 값"])]),
        (0, "안쪽 표의 제목", [("안 열", ["안 값"])]),
    ]
