/* The PDF reader's two per-object loops in C: each makes thousands of pdfium calls a page
 * (one per page object, per path's bounds, per character, five per text run), and through
 * cffi or ctypes each call costs 0.2-0.4 us of Python overhead, a quarter of the reader's time.
 *
 * pdfium is not linked here: the caller passes the addresses of the functions in the library
 * pypdfium2 has loaded (the same handles, the same pdfium state), so this module builds with
 * a C compiler alone. It mirrors page_graphics() and page_runs() in pdf_lines.py, which stay as
 * the fallback when it is not built; tests/ingest/test_pdf_walk.py checks both give the same.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

typedef struct { float a, b, c, d, e, f; } FS_MATRIX;

typedef int (*count_objects_t)(void *);
typedef void *(*get_object_t)(void *, int);
typedef int (*get_type_t)(void *);
typedef int (*get_bounds_t)(void *, float *, float *, float *, float *);
typedef void *(*text_object_t)(void *, int);
typedef int (*char_origin_t)(void *, int, double *, double *);
typedef int (*char_box_t)(void *, int, double *, double *, double *, double *);
typedef double (*font_size_t)(void *, int);
typedef int (*matrix_t)(void *, int, FS_MATRIX *);
typedef int (*font_weight_t)(void *, int);

static int
addresses(PyObject *seq, void **out, Py_ssize_t n)
{
    PyObject *fast = PySequence_Fast(seq, "function addresses must be a sequence");
    if (fast == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(fast) != n) {
        Py_DECREF(fast);
        PyErr_Format(PyExc_ValueError, "expected %zd function addresses", n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = PyLong_AsVoidPtr(PySequence_Fast_GET_ITEM(fast, i));
        if (out[i] == NULL) {
            Py_DECREF(fast);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a function address is null");
            return -1;
        }
    }
    Py_DECREF(fast);
    return 0;
}

static int
append_rule(PyObject *list, double mid, double from, double to)
{
    PyObject *t = Py_BuildValue("(ddd)", mid, from, to);
    if (t == NULL)
        return -1;
    int r = PyList_Append(list, t);
    Py_DECREF(t);
    return r;
}

static void *
handle_of(PyObject *o)
{
    void *h = PyLong_AsVoidPtr(o);
    if (h == NULL && !PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "a null pdfium handle");
    return h;
}

/* graphics(fns, page, path_type, image_type) -> (images, vertical, horizontal)
 * fns: addresses of FPDFPage_CountObjects, FPDFPage_GetObject, FPDFPageObj_GetType,
 * FPDFPageObj_GetBounds. Thin paths are rules: (x, y0, y1) vertical, (y, x0, x1) horizontal,
 * computed in double from pdfium's floats exactly as the Python loop does. */
static PyObject *
graphics(PyObject *self, PyObject *args)
{
    PyObject *seq, *page_obj, *vertical = NULL, *horizontal = NULL;
    void *fn[4];
    int path_type, image_type;
    if (!PyArg_ParseTuple(args, "OOii", &seq, &page_obj, &path_type, &image_type))
        return NULL;
    void *page = handle_of(page_obj);
    if (page == NULL || addresses(seq, fn, 4) < 0)
        return NULL;
    count_objects_t count_objects = (count_objects_t)fn[0];
    get_object_t get_object = (get_object_t)fn[1];
    get_type_t get_type = (get_type_t)fn[2];
    get_bounds_t get_bounds = (get_bounds_t)fn[3];

    vertical = PyList_New(0);
    horizontal = PyList_New(0);
    if (vertical == NULL || horizontal == NULL)
        goto fail;
    long images = 0;
    int n = count_objects(page);
    for (int k = 0; k < n; k++) {
        void *obj = get_object(page, k);
        int kind = get_type(obj);
        if (kind == image_type) {
            images++;
            continue;
        }
        if (kind != path_type)
            continue;
        float l, b, r, t;
        if (!get_bounds(obj, &l, &b, &r, &t))
            continue;
        double x0 = l, y0 = b, x1 = r, y1 = t;
        if (x1 - x0 <= 2.5 && y1 - y0 >= 10) {
            if (append_rule(vertical, (x0 + x1) / 2, y0, y1) < 0)
                goto fail;
        } else if (y1 - y0 <= 2.5 && x1 - x0 >= 10) {
            if (append_rule(horizontal, (y0 + y1) / 2, x0, x1) < 0)
                goto fail;
        }
    }
    return Py_BuildValue("(lNN)", images, vertical, horizontal);
fail:
    Py_XDECREF(vertical);
    Py_XDECREF(horizontal);
    return NULL;
}

static int
all_space(PyObject *text, Py_ssize_t i, Py_ssize_t j)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t k = i; k < j; k++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k)))
            return 0;
    return 1;
}

/* runs(fns, textpage, text, run_class, hypot) -> [run_class(text, x0, x1, y, size, bold)]
 * fns: addresses of FPDFText_GetTextObject, FPDFText_GetCharOrigin, FPDFText_GetCharBox,
 * FPDFText_GetFontSize, FPDFText_GetMatrix, FPDFText_GetFontWeight. `text` is the page's text,
 * one character per pdfium character. A run is the characters of one text object in a row;
 * runs without an object or of whitespace only are left out. The size is scaled by the text
 * matrix's vertical vector, its length computed by the caller's `hypot` (Python's math.hypot,
 * so that the result is the fallback's to the last bit). */
static PyObject *
runs(PyObject *self, PyObject *args)
{
    PyObject *seq, *tp_obj, *text, *run_class, *hypot;
    void *fn[6];
    if (!PyArg_ParseTuple(args, "OOUOO", &seq, &tp_obj, &text, &run_class, &hypot))
        return NULL;
    void *tp = handle_of(tp_obj);
    if (tp == NULL || addresses(seq, fn, 6) < 0)
        return NULL;
    text_object_t text_object = (text_object_t)fn[0];
    char_origin_t char_origin = (char_origin_t)fn[1];
    char_box_t char_box = (char_box_t)fn[2];
    font_size_t font_size = (font_size_t)fn[3];
    matrix_t get_matrix = (matrix_t)fn[4];
    font_weight_t font_weight = (font_weight_t)fn[5];

    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    /* what a failed call leaves is what the one before it wrote, as in the Python loop */
    double x0 = 0, y = 0, bl = 0, right = 0, bb = 0, bt = 0;
    double last_c = 0, last_d = 0, last_scale = -1;
    FS_MATRIX m;
    Py_ssize_t i = 0;
    void *obj = n > 0 ? text_object(tp, 0) : NULL;
    while (i < n) {
        Py_ssize_t j = i + 1;
        void *next = NULL;
        while (j < n && (next = text_object(tp, (int)j)) == obj)
            j++;
        if (obj != NULL && !all_space(text, i, j)) {
            char_origin(tp, (int)i, &x0, &y);
            char_box(tp, (int)(j - 1), &bl, &right, &bb, &bt);
            double size = font_size(tp, (int)i);
            if (get_matrix(tp, (int)i, &m)) {
                double c = m.c, d = m.d;
                if (last_scale < 0 || c != last_c || d != last_d) {
                    PyObject *h = PyObject_CallFunction(hypot, "dd", c, d);
                    if (h == NULL)
                        goto fail;
                    last_scale = PyFloat_AsDouble(h);
                    Py_DECREF(h);
                    if (last_scale == -1.0 && PyErr_Occurred())
                        goto fail;
                    last_c = c;
                    last_d = d;
                }
                if (last_scale > 0)
                    size *= last_scale;
            }
            int bold = font_weight(tp, (int)i) >= 600;
            PyObject *s = PyUnicode_Substring(text, i, j);
            if (s == NULL)
                goto fail;
            PyObject *run = PyObject_CallFunction(run_class, "NddddO", s, x0, x0 > right ? x0 : right, y,
                                                  size, bold ? Py_True : Py_False);
            if (run == NULL)
                goto fail;
            int r = PyList_Append(out, run);
            Py_DECREF(run);
            if (r < 0)
                goto fail;
        }
        i = j;
        obj = next;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"graphics", graphics, METH_VARARGS, "Rules and image count of a page's top-level objects."},
    {"runs", runs, METH_VARARGS, "Text runs of a text page, one per text object in a row."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    .m_base = PyModuleDef_HEAD_INIT,
    .m_name = "_pdfwalk",
    .m_doc = "pdfium's per-object loops of the PDF reader, in C.",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC
PyInit__pdfwalk(void)
{
    return PyModule_Create(&module);
}
