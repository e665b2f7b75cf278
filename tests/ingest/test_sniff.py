import pytest

from summitwatch.ingest import load_bytes
from summitwatch.ingest.errors import InputError
from summitwatch.ingest.sniff import sniff


@pytest.mark.parametrize("fmt", ["pdf", "docx", "hwpx", "hwp", "html"])
def test_sniff_chooses_the_format_from_content(rendered, fmt):
    assert sniff(rendered[fmt]) == fmt
    assert sniff(rendered[fmt], "renamed.bin") == fmt


@pytest.mark.parametrize("fmt, name", [("pdf", "brief.docx"), ("docx", "brief.hwpx"), ("hwpx", "brief.pdf"),
                                       ("hwp", "brief.docx"), ("html", "brief.pdf"), ("hwp", "brief.hwpx")])
def test_sniff_reads_a_file_by_its_content_whatever_its_name(rendered, fmt, name):
    doc = load_bytes(rendered[fmt], source=name)
    assert doc.format == fmt
    assert doc.raw == load_bytes(rendered[fmt], source=f"brief.{fmt}").raw
    ext = name.rsplit(".", 1)[1]
    assert doc.warnings[0] == f"the file is named .{ext} but its content is {fmt.upper()}; read as {fmt.upper()}"


def test_sniff_refuses_a_file_named_as_a_document_whose_content_is_none():
    with pytest.raises(InputError, match="named .hwpx but its content is not HWPX"):
        load_bytes("그냥 글입니다".encode(), source="brief.hwpx")
