# ruff: noqa: E501  (a table of test inputs, one case a line)
"""Regenerate tests/bad_inputs/articles/* and expected.toml (run from the repository root)."""
import codecs
import json
import unicodedata
from pathlib import Path

import arabic_reshaper

D = Path("tests/bad_inputs/articles")
A = "أعلنت وزارة الخارجية الروسية أن المحادثات ستبدأ في جنيف الأسبوع المقبل بحضور الوفود.\n"
B = "وقال المتحدث إن الوفد وصل أمس إلى المدينة بعد تأخير دام يومين بسبب الأحوال الجوية.\n"
T = A + B
cases = {
 "empty.txt": (b"", "warning", "the file is empty"),
 "blank.txt": (b"  \n\t\n", "warning", "the file is empty"),
 "binary.txt": (b"\x00\x01\x02\xff\xfe\x00PK\x03\x04" * 30, "warning", "binary data (NUL bytes)"),
 "utf16le_nobom.txt": (T.encode("utf-16-le"), "ok", "وصل أمس"),
 "utf16be_nobom.txt": (T.encode("utf-16-be"), "ok", "وصل أمس"),
 "utf16_odd_bytes.txt": (codecs.BOM_UTF16_LE + T.encode("utf-16-le") + b"\x0a", "removed", "undecodable as UTF-16-LE at byte"),
 "utf16_odd_nobom.txt": (T.encode("utf-16-le") + b"\x41", "removed", "undecodable as UTF-16-LE at byte"),
 "utf16_lone_surrogate.txt": (codecs.BOM_UTF16_LE + T.encode("utf-16-le") + b"\x00\xd8" + B.encode("utf-16-le"), "removed", "undecodable as UTF-16-LE"),
 "utf8_stray_byte.txt": (A.encode() + b"\xff" + B.encode(), "removed", "undecodable as UTF-8 at byte"),
 "utf8_truncated.txt": (T.encode() + "ق".encode()[:1], "removed", "undecodable as UTF-8"),
 "cp1256.txt": ((T * 2).encode("cp1256"), "ok", "وصل أمس"),
 "iso8859_6.txt": ((T * 2).encode("iso8859_6"), "ok", "وصل أمس"),
 "nul_in_text.txt": (("\x00" + A + B.replace("الوفد", "الو\x00فد")).encode(), "removed", "control character removed"),
 "rlo_override.txt": (("\u202e" + A + B).encode(), "removed", "bidi control character removed"),
 "bidi_isolates.txt": ((A + "\u2066" + B + "\u2069").encode(), "removed", "bidi control character removed"),
 "lre_pdf.txt": ((A + "\u202a" + B + "\u202c").encode(), "removed", "bidi control character removed"),
 "c1_controls.txt": ((A + "\x85\x9b" + B).encode(), "removed", "U+0085 U+009B"),
 "terminal_escape.txt": ((A + "\x1b]0;owned\x07" + B).encode(), "removed", "U+001B U+0007"),
 "form_feed_vt.txt": ((A + "\x0c\x0b" + B).encode(), "removed", "U+000C U+000B"),
 "del_char.txt": ((A + "\x7f" + B).encode(), "removed", "U+007F"),
 "zero_width.txt": (T.replace("وزارة", "وز\u200bارة").replace("جنيف", "جن\u200cيف").encode(), "ok", "جن\u200cيف"),
 "presentation_forms.txt": (arabic_reshaper.reshape(T).encode(), "ok", "ﻭﺻﻞ"),
 "nfd.txt": (unicodedata.normalize("NFD", T).encode(), "ok", "وصل"),
 "bom_and_crlf.txt": (codecs.BOM_UTF8 + T.replace("\n", "\r\n").encode(), "ok", "وصل أمس"),
 "lone_cr.txt": (T.replace("\n", "\r").encode(), "ok", "وصل أمس"),
 "line_separators.txt": (T.replace("\n", "\u2028").encode(), "ok", "وصل أمس"),
 "replacement_char.txt": (("\ufffd" + T).encode(), "ok", "\ufffd"),
 "html_in_text.txt": (("<script>alert(1)</script> " + T).encode(), "ok", "<script>"),
 "jinja_in_text.txt": (("{{ 7*7 }} {% include '/etc/passwd' %} " + T).encode(), "ok", "{{ 7*7 }}"),
 "dotted_run.txt": (("ب." * 20_000 + "\n" + T).encode(), "ok", "وصل أمس"),
 "yaml_bad_date.txt": (("---\npublished: 2017-13-45\n---\n" + T).encode(), "warning", ":2: cannot read article: front matter 'published': expected YYYY-MM-DD"),
 "yaml_int_key.txt": (("---\n1: x\n---\n" + T).encode(), "warning", ":2: cannot read article: unknown front matter key(s): 1"),
 "yaml_nested.txt": (("---\ntitle: " + "[" * 50_000 + "\n---\n" + T).encode(), "warning", "nested deeper than 20 levels"),
 "yaml_billion_laughs.txt": (("---\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntitle: *c\n---\n" + T).encode(), "warning", "anchors and aliases are not allowed"),
 "yaml_python_tag.txt": (("---\ntitle: !!python/object/apply:os.system [id]\n---\n" + T).encode(), "warning", "could not determine a constructor"),
 "yaml_list.txt": (("---\n- a\n- b\n---\n" + T).encode(), "warning", "must be a table of keys and values"),
 "yaml_unclosed.txt": (("---\ntitle: x\n" + T).encode(), "warning", ":1: cannot read article: front matter opened with --- is never closed"),
 "yaml_syntax.txt": (("---\ntitle: [a\n---\n" + T).encode(), "warning", "invalid YAML front matter"),
 "yaml_tab.txt": (("---\ntitle:\n\t- x\n---\n" + T).encode(), "warning", "invalid YAML front matter"),
 "yaml_title_map.txt": (("---\ntitle: {a: 1}\n---\n" + T).encode(), "warning", "'title': expected text, got dict"),
 "yaml_datetime.txt": (("---\npublished: 2017-10-17 10:00:00\n---\n" + T).encode(), "ok", "وصل أمس"),
 "toml_nested.txt": (("+++\ntitle = " + "[" * 50_000 + "\n+++\n" + T).encode(), "warning", "nested too deeply"),
 "toml_syntax.txt": (("+++\ntitle = \n+++\n" + T).encode(), "warning", "invalid TOML front matter"),
 "toml_unknown_key.txt": (('+++\ncolour = "red"\n+++\n' + T).encode(), "warning", ":2: cannot read article: unknown front matter key(s): colour"),
 "toml_title_list.txt": (("+++\ntitle = [1, 2]\n+++\n" + T).encode(), "warning", "'title': expected text, got list"),
 "toml_url_int.txt": (("+++\nurl = 3\n+++\n" + T).encode(), "warning", "'url': expected text, got int"),
 "toml_bad_date_text.txt": (('+++\npublished = "yesterday"\n+++\n' + T).encode(), "warning", "expected YYYY-MM-DD, got 'yesterday'"),
 "toml_datetime.txt": (("+++\npublished = 2017-10-17T10:00:00Z\n+++\n" + T).encode(), "ok", "وصل أمس"),
 "front_matter_only.txt": (b'+++\ntitle = "x"\n+++\n\n', "warning", "no article text after the front matter"),
 "url_javascript.md": (('+++\nurl = "javascript:alert(1)"\n+++\n' + T).encode(), "removed", "url that is not http(s)"),
 "url_data.md": (('+++\nurl = "data:text/html,<script>alert(1)</script>"\n+++\n' + T).encode(), "removed", "url that is not http(s)"),
 "url_file.md": (('+++\nurl = "file:///etc/passwd"\n+++\n' + T).encode(), "removed", "url that is not http(s)"),
 "url_tab_javascript.md": (('+++\nurl = "java\\tscript:alert(1)"\n+++\n' + T).encode(), "removed", "url that is not http(s)"),
 "url_quote_break.md": (('+++\nurl = "https://x.example/\\" onmouseover=\\"alert(1)"\n+++\n' + T).encode(), "removed", "url that is not http(s)"),
 "url_scheme_relative.md": (('+++\nurl = "//evil.example/x"\n+++\n' + T).encode(), "removed", "url that is not http(s)"),
 "title_too_long.md": ((f'+++\ntitle = "{"عنوان " * 200}"\n+++\n' + T).encode(), "warning", "a title of 1,199 characters, longer than the limit of 500"),
 "paragraph_too_long.txt": ((A + "كلمة " * 12_000 + "\n").encode(), "warning", ":2: cannot read article: a paragraph of 60,000 characters"),
 "front_matter_too_long.txt": (("+++\n" + "# x\n" * 20_000 + "+++\n" + T).encode(), "warning", "front matter longer than the limit"),
 "html_xml_declaration.html": (('<?xml version="1.0" encoding="utf-8"?>\n' + Path("tests/corpus/skynews_page.html").read_text()).encode(), "ok", "الرقة"),
 "html_empty.html": (b"<html></html>", "warning", "no article text found in the HTML page"),
 "html_garbage.html": (b"<<<>>><!-- \x00", "warning", "no article text found in the HTML page"),
 "html_deep_nesting.html": (("<div>" * 20_000 + "<p>" + T + "</p>").encode(), "warning", "no article text found"),
 "html_javascript_url.html": (Path("tests/corpus/skynews_page.html").read_text().replace("<head>", '<head><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="javascript:alert(1)">', 1).encode(), "ok", "الرقة"),
}
expected = {}
for name, (data, outcome, fragment) in cases.items():
    (D / name).write_bytes(data)
    expected[name] = {"outcome": outcome, "fragment": fragment}
lines = ["# Expected outcome of reading each file of articles/ (tests/test_bad_inputs.py).",
         "# outcome: ok (fragment in a sentence or the title), removed (fragment in a removed-line",
         "# text or reason), warning (fragment in the ArticleError message, which names the file).", ""]
for name, e in expected.items():
    lines.append(f"[{json.dumps(name)}]\noutcome = {json.dumps(e['outcome'])}\nfragment = {json.dumps(e['fragment'], ensure_ascii=False)}\n")
(D.parent / "expected.toml").write_text("\n".join(lines), encoding="utf-8")
print(len(cases))
