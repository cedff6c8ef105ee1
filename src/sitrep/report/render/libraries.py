"""Import WeasyPrint without its library search running ldconfig, gcc and ld ~215 times.

WeasyPrint finds Pango, HarfBuzz, fontconfig … by trying several names per library with
``cffi``'s ``ffi.dlopen``; for each name that does not load as given, cffi calls
``ctypes.util.find_library``, which on Linux runs ``/sbin/ldconfig -p``, then ``gcc`` and
``ld`` (with a PATH search for each). Measured with ``strace -f -e trace=execve -c`` on
``sitrep build``: 215 execve calls per run (WeasyPrint 70, cffi 2.1; WeasyPrint issue #1125
"Why is weasyprint exec'ing gcc?" names the same cause; the only variable WeasyPrint reads,
``WEASYPRINT_DLL_DIRECTORIES``, is for Windows).

Every list of names ends with the library's file name (``libpango-1.0.so.0``), which the
dynamic loader finds itself, through ``LD_LIBRARY_PATH`` and ``ld.so.cache``. So, on Linux,
WeasyPrint is imported with ``find_library`` answering "not found" at once: the first names
fail without a subprocess and the file name loads. Should that fail (a library reachable only
through a compiler search path), the import is tried again with the ordinary search.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import sys
from collections.abc import Iterator
from types import ModuleType


@contextlib.contextmanager
def no_library_search() -> Iterator[None]:
    """``ctypes.util.find_library`` finds nothing (and runs nothing) inside the block."""
    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = original


def import_weasyprint() -> ModuleType:
    """``weasyprint``, imported without running a program where that works."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint

        return weasyprint
    try:
        with no_library_search(), contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except OSError:
        import weasyprint  # the ordinary search, with WeasyPrint's own error if it fails
    return weasyprint


weasyprint = import_weasyprint()
