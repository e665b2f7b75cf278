"""The pdfium functions the PDF reader calls per page object and per character, bound with
cffi on the library pypdfium2 has loaded (the same handles, the same pdfium state).

A page of the RFP in ../shared/realfiles makes thousands of these calls (one per object, one
per path's bounds, one per character, a few per text run). cffi's calls cost about 0.24 µs
against 0.31 µs for ctypes, pypdfium2's own binding (measured over its 87,504 page objects,
bench/bench_pdf.py); pypdfium2's typed helpers are kept for everything called once a page.
"""
from __future__ import annotations

import ctypes

from cffi import FFI
from pypdfium2_raw.bindings import _libs

ffi = FFI()
ffi.cdef("""
typedef struct { float a, b, c, d, e, f; } FS_MATRIX;
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
""")
lib = ffi.dlopen(_libs["pdfium"]._name)
NULL = ffi.NULL


def handle(obj) -> "ffi.CData":
    """The raw pdfium handle of a pypdfium2 page or text page, as a cffi pointer."""
    return ffi.cast("void*", ctypes.cast(obj.raw, ctypes.c_void_p).value or 0)
