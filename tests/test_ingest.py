import codecs
import datetime as dt

import pytest

from sitrep.errors import ArticleError
from sitrep.reading.ingest import read_article

from .conftest import REPO, SEEDS

REPO_CORPUS = REPO / "tests" / "corpus"

SEED = {p.name[:3]: p for p in SEEDS.glob("*.txt")}

# Gold, read off the seed files by hand.
SEED_GOLD = {
    "000": dict(title=None, subtitles=(), captions=(), dateline=None, removed=()),
    "001": dict(
        title="«قسد» تتقدَّم داخل المدينة القديمة في الرقة وتقتل 50 من «داعش»",
        subtitles=("إخفاق محادثات أستانا في التوصل إلى اتفاق حول مناطق خفض التصعيد بسورية",),
        captions=("الجولة الخامسة من محادثات السلام السورية في أستانا. أ.ف.ب",),
        dateline=None,
        removed=("تويتر",),
    ),
    "002": dict(
        title="دي ميستورا يلتقي لافروف اليوم تحضيراً لـ«جنيف».. وعبد الرحمانوف يؤكّد أنّ موعد"
        " أستانة – 7 سيتحدّد قريباً",
        subtitles=(),
        captions=(),
        dateline=None,
        removed=(),
    ),
    "003": dict(
        title="وزير الدفاع الروسي التقى الأسد وبحث التعاون العسكري",
        subtitles=(
            "جولة مفاوضات في أستانا بشأن مناطق خفض التوتر في سورية وزير الدفاع الروسي التقى"
            " الأسد وبحث التعاون العسكري",
        ),
        captions=('يحتل تنظيما "داعش" و"بي كاكا" 37 في المئة من مساحة الأراضي السورية (الأناضول)',),
        dateline="استانا – وكالات:",
        removed=(),
    ),
    "004": dict(
        title="إرجاء محادثات أستانا بشأن سوريا لأجل غير مسمى",
        subtitles=(),
        captions=(),
        dateline=None,
        removed=("ت + ت - الحجم الطبيعي", "Email"),
    ),
}


@pytest.mark.parametrize("ref", sorted(SEED_GOLD))
def test_seed_structure(ref):
    article = read_article(SEED[ref], ref)
    gold = SEED_GOLD[ref]
    assert article.title == gold["title"]
    assert article.subtitles == gold["subtitles"]
    assert article.captions == gold["captions"]
    assert article.dateline == gold["dateline"]
    assert tuple(r.text for r in article.removed) == gold["removed"]
    assert article.outlet is None and article.published is None  # seeds carry no front matter


def test_dateline_is_cut_from_the_body_and_blocks_keep_offsets():
    article = read_article(SEED["003"], "003")
    assert article.blocks[0].text.startswith("افتتحت أمس")
    for block in article.blocks:
        assert article.text[block.start : block.start + len(block.text)] == block.text


def test_removed_lines_keep_their_line_numbers():
    article = read_article(SEED["004"], "004")
    assert [r.line for r in article.removed] == [3, 21]
    assert all(r.reason for r in article.removed)


ARABIC = "أعلنت وزارة الخارجية الروسية أن المحادثات ستبدأ في جنيف.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),
        (ARABIC * 3).encode("cp1256"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "windows-1256"],
)
def test_encodings_decode_to_the_same_text(tmp_path, encoded):
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    article = read_article(path, "001")
    assert article.blocks[0].text == ARABIC.strip()


def test_toml_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        '+++\noutlet = "عنب بلدي"\npublished = 2017-07-06\nurl = "https://example.org/a"\n+++\n'
        + ARABIC,
        encoding="utf-8",
    )
    article = read_article(path, "001")
    assert article.outlet == "عنب بلدي"
    assert article.published == dt.date(2017, 7, 6)
    assert article.url == "https://example.org/a"
    assert article.blocks[0].text == ARABIC.strip()
    assert article.text[article.blocks[0].start :].startswith("أعلنت")


def test_yaml_front_matter_with_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: عنوان الخبر\npublished: 2017-10-17\n---\n" + ARABIC, "utf-8")
    article = read_article(path, "001")
    assert article.title == "عنوان الخبر"
    assert article.published == dt.date(2017, 10, 17)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02\xff\xfe\x00binary\x00" * 20, "binary"),
        (b"+++\noutlet = 1\n", "never closed"),
        ('+++\ncolour = "red"\n+++\nنص\n'.encode(), "unknown front matter key"),
        ('---\npublished: "yesterday"\n---\nنص\n'.encode(), "expected YYYY-MM-DD"),
    ],
)
def test_unreadable_articles_name_the_file_and_why(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=reason) as info:
        read_article(path, "001")
    assert str(path) in str(info.value)


def test_missing_file_is_an_article_error(tmp_path):
    with pytest.raises(ArticleError, match="No such file"):
        read_article(tmp_path / "absent.txt", "001")


def test_an_article_over_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    from sitrep.reading.ingest import MAX_ARTICLE_BYTES

    path = tmp_path / "huge.txt"
    path.write_bytes(ARABIC.encode() * (MAX_ARTICLE_BYTES // len(ARABIC.encode()) + 1))
    with pytest.raises(ArticleError, match="larger than the limit of 2,000,000 bytes"):
        read_article(path, "001")


def test_a_paragraph_over_the_length_limit_names_its_line(tmp_path):
    from sitrep.reading.ingest import MAX_LINE_CHARS

    path = tmp_path / "long.txt"
    path.write_text(ARABIC + "\n" + "كلمة " * (MAX_LINE_CHARS // 5 + 1) + "\n", "utf-8")
    with pytest.raises(ArticleError, match=r"long\.txt:3: .*longer than the limit of 50,000"):
        read_article(path, "001")


def test_a_title_over_the_length_limit_is_refused(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f'+++\ntitle = "{"عنوان " * 200}"\n+++\n' + ARABIC, "utf-8")
    with pytest.raises(ArticleError, match="a title of 1,199 characters"):
        read_article(path, "001")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes((ARABIC * 2).encode(encoding))
    article = read_article(path, "001")
    assert article.blocks[0].text == ARABIC.strip()
    assert article.removed == ()


def test_an_odd_trailing_byte_of_utf16_is_listed_with_its_offset(tmp_path):
    path = tmp_path / "a.txt"
    raw = codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le") + b"\x41"
    path.write_bytes(raw)
    article = read_article(path, "001")
    assert article.blocks[0].text == ARABIC.strip()
    [removed] = article.removed
    assert removed.text == "0x41"
    assert removed.reason == f"undecodable as UTF-16-LE at byte {len(raw) - 1}"


def test_a_stray_byte_in_utf8_is_listed_with_its_offset_and_line(tmp_path):
    path = tmp_path / "a.txt"
    good, at = (ARABIC * 3).encode(), len(ARABIC.encode()) + 10
    path.write_bytes(good[:at] + b"\xff" + good[at:])
    article = read_article(path, "001")
    [removed] = article.removed
    assert (removed.text, removed.line) == ("0xFF", 2)
    assert removed.reason == f"undecodable as UTF-8 at byte {len(ARABIC.encode()) + 10}"
    assert [b.text for b in article.blocks] == [ARABIC.strip()] * 3


# Real text: /work/shared/corpus/ant/articles/0930_bbc.txt line 10 carries two
# LEFT-TO-RIGHT OVERRIDE and two POP DIRECTIONAL FORMATTING characters after "شرق".
BBC_0930 = (
    "وقال أردوغان في إقليم موس بجنوب شرق\u202d\u202d \u202c\u202c البلاد، حيث يتم إحياء ذكرى"
    " معركة ملاذكرد بين السلاجقة والبيزنطيين.\n"
)


def test_bidi_controls_are_removed_and_listed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARABIC + BBC_0930, "utf-8")
    article = read_article(path, "001")
    assert "\u202d" not in article.text and "\u202c" not in article.text
    assert [(r.text, r.reason, r.line) for r in article.removed] == [
        ("U+202D U+202D U+202C U+202C", "bidi control character removed", 2)
    ]


def test_nul_and_control_characters_are_removed_and_listed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\x00" + ARABIC + "وقال\x1b[31m المتحدث\x85 إن الوفد وصل أمس.\u2066\n", "utf-8")
    article = read_article(path, "001")
    second = "وقال[31m المتحدث إن الوفد وصل أمس."
    assert [b.text for b in article.blocks] == [ARABIC.strip(), second]
    assert [(r.text, r.reason, r.line) for r in article.removed] == [
        ("U+0000", "control character removed", 1),
        ("U+2066", "bidi control character removed", 2),
        ("U+001B U+0085", "control character removed", 2),
    ]


@pytest.mark.parametrize(
    ("front", "line", "reason"),
    [
        ("---\ntitle: x\npublished: 2017-13-45\n---\n", 3, "expected YYYY-MM-DD, got '2017-13-45'"),
        ("---\n1: x\n---\n", 2, "unknown front matter key(s): 1 (allowed"),
        ("---\ntitle: " + "[" * 50_000 + "\n---\n", 2, "nested deeper than 20 levels"),
        ("+++\ntitle = " + "[" * 50_000 + "\n+++\n", 2, "nested too deeply"),
        ("---\na: &a [x, x]\nb: [*a, *a]\n---\n", 2, "anchors and aliases are not allowed"),
        ("---\ntitle: !!python/object/apply:os.system [id]\n---\n", 2, "could not determine"),
        ("+++\ntitle = [1, 2]\n+++\n", 2, "'title': expected text, got list"),
        ("+++\nurl = 3\n+++\n", 2, "'url': expected text, got int"),
        ("---\n- a\n- b\n---\n", 2, "must be a table of keys and values"),
    ],
)
def test_hostile_front_matter_is_an_article_error_with_its_line(tmp_path, front, line, reason):
    path = tmp_path / "a.txt"
    path.write_text(front + ARABIC, "utf-8")
    with pytest.raises(ArticleError) as info:
        read_article(path, "001")
    assert str(info.value).startswith(f"{path}:{line}: cannot read article: ")
    assert reason in str(info.value)


def test_xhtml_with_an_encoding_declaration_is_read(tmp_path):
    page = (REPO_CORPUS / "skynews_page.html").read_text(encoding="utf-8")
    path = tmp_path / "page.xhtml.html"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + page, "utf-8")
    original = read_article(REPO_CORPUS / "skynews_page.html", "001")
    assert read_article(path, "001").title == original.title
