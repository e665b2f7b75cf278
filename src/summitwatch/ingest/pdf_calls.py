"""The pdfium functions the PDF reader calls per page object and per character, bound with
cffi on the library pypdfium2 has loaded (the same handles, the same pdfium state).

Pages and text pages are loaded here too, without pypdfium2's wrapper objects (their
finalizers cost about 5 % of reading the RFP). A page of the RFP in ../shared/realfiles makes thousands of these calls (one per object, one
per path's bounds, one per character, a few per text run). cffi's calls cost about 0.22 µs
against 0.29 µs for ctypes, pypdfium2's own binding (bench/bench_pdf.py --rfp-only); pypdfium2's
typed helpers are kept for everything called once a page.

The declarations are parsed once, ahead of time, into ``pdf_ffi.py`` (cffi's out-of-line ABI
mode: no C compiler); parsing them at import would load pycparser, about 15 ms for every
process that reads a PDF. After editing CDEF, regenerate it:

    .venv/bin/python -m summitwatch.ingest.pdf_calls
"""
from __future__ import annotations

import ctypes
from pathlib import Path

from pypdfium2_raw.bindings import _libs

CDEF = """
typedef struct { float a, b, c, d, e, f; } FS_MATRIX;
void* FPDF_LoadPage(void* document, int page_index);
void FPDF_ClosePage(void* page);
float FPDF_GetPageHeightF(void* page);
void* FPDFText_LoadPage(void* page);
void FPDFText_ClosePage(void* text_page);
int FPDFPage_CountObjects(void* page);
void* FPDFPage_GetObject(void* page, int index);
int FPDFPageObj_GetType(void* obj);
int FPDFPageObj_GetBounds(void* obj, float* left, float* bottom, float* right, float* top);
int FPDFText_CountChars(void* text_page);
void* FPDFText_GetTextObject(void* text_page, int index);
int FPDFText_GetText(void* text_page, int start, int count, unsigned short* result);
unsigned int FPDFText_GetUnicode(void* text_page, int index);
int FPDFText_GetCharOrigin(void* text_page, int index, double* x, double* y);
int FPDFText_GetCharBox(void* text_page, int index, double* left, double* right, double* bottom, double* top);
double FPDFText_GetFontSize(void* text_page, int index);
int FPDFText_GetMatrix(void* text_page, int index, FS_MATRIX* matrix);
int FPDFText_GetFontWeight(void* text_page, int index);
"""
MODULE = "summitwatch.ingest.pdf_ffi"
GENERATED = Path(__file__).with_name("pdf_ffi.py")


def build(path: Path = GENERATED) -> None:
    """Write the pre-parsed declarations (a pure-Python module) to ``path``."""
    from cffi import FFI
    builder = FFI()
    builder.cdef(CDEF)
    builder.set_source(MODULE, None)
    builder.emit_python_code(str(path))


if __name__ == "__main__":
    build()
else:  # (run as a script it must not need the module it is about to write)
    from .pdf_ffi import ffi

    lib = ffi.dlopen(_libs["pdfium"]._name)
    NULL = ffi.NULL

    def handle(obj) -> "ffi.CData":
        """The raw pdfium handle of a pypdfium2 document, page or text page, as a cffi pointer
        (a cffi pointer is its own handle)."""
        if isinstance(obj, ffi.CData):
            return obj
        return ffi.cast("void*", ctypes.cast(obj.raw, ctypes.c_void_p).value or 0)

    def address(name: str) -> int:
        """Where pdfium function `name` lives in the loaded library (for the C walker)."""
        return int(ffi.cast("uintptr_t", getattr(lib, name)))
