"""The cffi bindings of pdfium give what pypdfium2's own helpers give on the same page: the
same library, the same handles, the arguments in pdfium's order."""
import pypdfium2 as pdfium
from fixtures import to_pdf

from summitwatch.ingest.pdf_calls import NULL, ffi, handle, lib


def _first_page():
    pdf = pdfium.PdfDocument(to_pdf())
    return pdf, pdf[0]


def test_pdf_calls_count_chars_and_objects_like_pypdfium2():
    pdf, page = _first_page()
    tp = page.get_textpage()
    assert lib.FPDFText_CountChars(handle(tp)) == tp.count_chars() > 0
    top = list(page.get_objects(max_depth=0))
    assert lib.FPDFPage_CountObjects(handle(page)) == len(top)
    kinds = [lib.FPDFPageObj_GetType(lib.FPDFPage_GetObject(handle(page), k)) for k in range(len(top))]
    assert kinds == [o.type for o in top]
    tp.close()
    page.close()
    pdf.close()


def test_pdf_calls_char_box_in_pdfium_order():
    pdf, page = _first_page()
    tp = page.get_textpage()
    h = handle(tp)
    box = ffi.new("double[4]")
    checked = 0
    for i in range(tp.count_chars()):
        if lib.FPDFText_GetTextObject(h, i) == NULL:
            continue                     # a space pdfium made up has no box of its own
        assert lib.FPDFText_GetCharBox(h, i, box, box + 1, box + 2, box + 3)
        left, right, bottom, top = box
        assert (left, bottom, right, top) == tp.get_charbox(i)
        checked += 1
    assert checked > 10
    tp.close()
    page.close()
    pdf.close()


def test_pdf_calls_handle_of_nothing_is_null():
    class Closed:
        raw = None
    assert handle(Closed()) == NULL


def test_pdf_calls_generated_declarations_are_current(tmp_path):
    """pdf_ffi.py is what cffi makes of CDEF today: edit CDEF without regenerating and this fails."""
    from summitwatch.ingest import pdf_calls
    out = tmp_path / "pdf_ffi.py"
    pdf_calls.build(out)
    assert out.read_text() == pdf_calls.GENERATED.read_text()
