"""Keep active content out of the published HTML: what a template overlay may not add.

Overlays render in a sandbox (no code runs on the builder), but they write the report's HTML,
which readers open in a browser. After rendering, the final HTML is parsed with lxml and
checked for what would run or navigate there: script-like elements (``<script>``,
``<iframe>``, ``<object>``, ``<embed>``, ``<base>``, a refresh ``<meta>`` …), event-handler
attributes (``on*=``), attribute values that are ``javascript:``, ``vbscript:`` or
``data:text/html`` URLs (browsers ignore spaces and control characters in the scheme, so this
check does too) and ``<style>`` text with markup in it (inside ``<svg>`` or ``<math>`` a
browser reads that as elements). Anything found is removed.

A browser may parse malformed markup differently from lxml (a second ``<body onload=…>``,
which lxml drops and a browser merges into the first). So HTML from overlays is published as
lxml writes it out again: the reader's browser gets exactly what was checked. HTML from the
packaged templates alone, with nothing to remove, is returned unchanged, byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

ACTIVE_ELEMENTS = frozenset(
    {"script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "base"}
)
VOID_ELEMENTS = frozenset({"embed", "base", "meta", "frame"})
_ACTIVE_URL = re.compile(r"(?:javascript|vbscript):|data:(?:text/html|application/xhtml)", re.I)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Finding:
    """One removed thing: what it was (``<script> element``) and the text that marks it in a
    template source (``script``), used to tell which overlay put it there."""

    what: str
    marker: str


def remove_active_content(html: str, rewrite: bool = False) -> tuple[str, tuple[Finding, ...]]:
    """``html`` without active content, and what was removed; ``html`` itself when nothing
    was removed, unless ``rewrite`` (the HTML came from overlays: see above)."""
    if not html.strip():
        return html, ()
    document = lxml.html.document_fromstring(html)
    findings: list[Finding] = []
    for element in list(document.iter(etree.Element)):
        findings += _checked_attributes(element)
        if _is_active(element):
            findings.append(_element_finding(element))
            _drop(element)
    if not findings and not rewrite:
        return html, ()
    return _serialised(document), tuple(dict.fromkeys(findings))


def _is_active(element: etree._Element) -> bool:
    tag = element.tag.lower()
    refresh = tag == "meta" and (element.get("http-equiv") or "").strip().lower() == "refresh"
    markup_in_style = tag == "style" and "<" in (element.text or "")
    return tag in ACTIVE_ELEMENTS or refresh or markup_in_style


def _drop(element: etree._Element) -> None:
    """Remove ``element``; for an element that has no content in HTML (``<embed>``), which
    lxml may wrap around what follows it, keep what follows."""
    if element.tag.lower() in VOID_ELEMENTS:
        element.drop_tag()
    else:
        element.drop_tree()


def _element_finding(element: etree._Element) -> Finding:
    if element.tag.lower() == "meta":
        return Finding("<meta http-equiv=refresh> element", "refresh")
    if element.tag.lower() == "style":
        return Finding("<style> element with markup inside", "<style")
    return Finding(f"<{element.tag}> element", element.tag)


def _checked_attributes(element: etree._Element) -> list[Finding]:
    """Remove event handlers and script URLs from ``element``'s attributes."""
    findings: list[Finding] = []
    for name, value in list(element.attrib.items()):
        short = name.rsplit("}", 1)[-1].lower()
        if short.startswith("on"):
            findings.append(Finding(f"{short}= attribute on <{element.tag}>", short))
        elif is_active_url(value):
            scheme = _IGNORED_IN_URL.sub("", value).split(":", 1)[0].lower()
            findings.append(Finding(f"{scheme}: URL in {short}= of <{element.tag}>", scheme))
        else:
            continue
        del element.attrib[name]
    return findings


def is_active_url(value: str) -> bool:
    """Whether an attribute value is a URL a browser would run (``java\\tscript:…``)."""
    return bool(_ACTIVE_URL.match(_IGNORED_IN_URL.sub("", value)))


def _serialised(document: etree._Element) -> str:
    doctype = document.getroottree().docinfo.doctype
    body = lxml.html.tostring(document, encoding="unicode", method="html")
    return f"{doctype}\n{body}" if doctype else body
