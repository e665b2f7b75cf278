import pytest

from summitwatch.ingest import load_bytes
from summitwatch.ingest.errors import InputError
from summitwatch.ingest.sniff import sniff


@pytest.mark.parametrize("fmt", ["pdf", "docx", "hwpx", "hwp", "html"])
def test_sniff_chooses_the_format_from_content(rendered, fmt):
    assert sniff(rendered[fmt]) == fmt
    assert sniff(rendered[fmt], "renamed.bin") == fmt


@pytest.mark.parametrize("fmt, name", [("pdf", "brief.docx"), ("docx", "brief.hwpx"), ("hwpx", "brief.pdf"),
                                       ("hwp", "brief.docx"), ("html", "brief.pdf")])
def test_sniff_refuses_a_file_that_claims_another_format(rendered, fmt, name):
    with pytest.raises(InputError, match="named"):
        load_bytes(rendered[fmt], source=name)
