"""Write the report's HTML to PDF with WeasyPrint, safely and atomically.

The URL fetcher allows only ``data:`` URLs and ``file:`` URLs under the brief and template
folders: a report can never read other local files or reach the network. The PDF is written
to a temporary file beside the target and moved into place, so a failed build never leaves a
half-written PDF. The PDF is tagged PDF/UA-1 (structure tree, language, XMP metadata), and its
text layer is repaired for right-to-left ligatures by ``textlayer.one_character_per_code``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from sitrep.report.render.libraries import weasyprint  # first: imports it without ldconfig/gcc
from sitrep.report.render.textlayer import one_character_per_code

HTML, URLFetcher = weasyprint.HTML, weasyprint.URLFetcher


class BlockedURLError(ValueError):
    """A resource outside the allowed folders or schemes."""


class BriefURLFetcher(URLFetcher):
    """Fetch ``data:`` URLs and files under ``roots``; refuse everything else."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"data", "file"})
        self.roots = tuple(Path(r).resolve() for r in roots)

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and self.allows(Path(url2pathname(urlsplit(url).path))):
            return super().fetch(url, headers)
        raise BlockedURLError(
            f"blocked resource {url!r}: only data: URLs and files under "
            f"{', '.join(map(str, self.roots))} may be loaded"
        )

    def allows(self, path: Path) -> bool:
        resolved = path.resolve()
        return any(resolved.is_relative_to(root) for root in self.roots)


def write_pdf(html: str, target: Path, base_dir: Path, roots: Iterable[Path]) -> None:
    """Render ``html`` to ``target`` (atomically); relative URLs resolve against ``base_dir``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        render_pdf(html, Path(temporary), base_dir, roots)
        publish(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def render_pdf(html: str, path: Path, base_dir: Path, roots: Iterable[Path]) -> None:
    """Render ``html`` into the file ``path`` (the caller publishes it)."""
    document = HTML(
        string=html, base_url=str(base_dir) + os.sep, url_fetcher=BriefURLFetcher(roots)
    )
    document.write_pdf(
        str(path), pdf_variant="pdf/ua-1", pdf_tags=True, finisher=one_character_per_code
    )


def reproducible_fonts() -> bool:
    """Whether WeasyPrint found libharfbuzz-subset: without it, fonts are subset by another
    route and two builds of the same inputs may differ (checked without running ldconfig)."""
    from weasyprint.text.ffi import harfbuzz_subset

    return harfbuzz_subset is not None


def publish(temporary: str, target: Path) -> None:
    """Give a finished temporary file ordinary permissions and move it over ``target``."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    os.replace(temporary, target)
