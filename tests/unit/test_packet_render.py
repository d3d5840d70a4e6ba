"""The packet's PDF and Markdown, drawn from its JSON (docs/packet-format.md)."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import re
from datetime import datetime

import pypdf
import pytest

from portal.i18n import using_language
from portal.oversight.packet_markdown import packet_markdown
from portal.oversight.packet_pdf import packet_pdf
from portal.pdf import Document, bar_chart_png, safe_text
from portal.textsafety import escape_markdown

AUDIT_HASH = "9f" + "0123456789abcdef" * 3 + "0123456789abcd"
QUOTE_CAMERAS = "Fixed cameras on Main Street keep every plate for a year; that is far too long."
HOSTILE_TITLE = "# Pwned **bold** [click](javascript:alert(1)) <script>alert(1)</script> | x"
HOSTILE_QUOTE = (
    "> not a quote\n# not a heading\n**not bold** `not code` [link](javascript:alert(1)) "
    "<script>alert('x')</script> a|b|c \u202eevil\u202c zero\u200bwidth 🙂 中文"
)
LONG_QUOTE = "word " * 4000  # 20,000 characters


def _quote(comment_id: int, text: str) -> dict:
    return {"comment_id": comment_id, "text": text, "start": 0, "end": len(text)}


def sample_content() -> dict:
    busy = {
        "position": 1,
        "title": "Automated license plate readers: renewal of the vendor contract",
        "description": "The sheriff asks to renew the ALPR contract for three years.",
        "record": {
            "type": "notice",
            "id": 3,
            "title": "Fixed automated license plate readers",
            "address": "/notice?technology=alpr-fixed",
            "brief": [
                ["Status", "Proposed"],
                ["Department", "Sheriff"],
                ["Retention", "365 days"],
                ["Shared with", "State fusion centre"],
            ],
        },
        "input_period": {"from": "2026-10-01T00:00:00-07:00", "to": "2026-12-01T00:00:00-08:00"},
        "summary": {
            "count": 120,
            "comments": 110,
            "survey_answers": 10,
            "positions": {"support": 10, "neutral": 0, "oppose": 90, "unstated": 20},
            "themes": [
                {
                    "id": 1,
                    "label": "cameras, retention, plates",
                    "keywords": ["cameras", "retention", "plates"],
                    "size": 40,
                    "members": [12, 15, 18],
                    "quotes": [
                        _quote(15, QUOTE_CAMERAS),
                        _quote(18, "Thirty days is what neighbouring Birch County keeps."),
                        _quote(12, "Who audits the searches officers run?"),
                    ],
                    "positions": {"support": 1, "neutral": 0, "oppose": 30, "unstated": 9},
                },
                {
                    "id": 2,
                    "label": "stolen cars, safety",
                    "keywords": ["stolen", "safety"],
                    "size": 25,
                    "members": [21, 22],
                    "quotes": [
                        _quote(21, "The readers found my stolen truck in two days."),
                        _quote(22, "Safety matters more than a plate number."),
                    ],
                    "positions": {"support": 9, "neutral": 0, "oppose": 10, "unstated": 6},
                },
            ],
            "campaigns": [
                {
                    "id": 1,
                    "representative": 40,
                    "copies": 500,
                    "similarity": 0.93,
                    "members": [40, 41],
                    "quote": _quote(40, "I oppose the renewal. Data about where I drive is mine."),
                    "additions": [_quote(77, "My grandmother was stopped twice by mistake.")],
                },
            ],
            "unthemed": [99],
        },
        "participation": {
            "rows": [
                {
                    "district": "District 1",
                    "comments": "64",
                    "status": "published",
                    "population": 120000,
                    "population_share": "24.0%",
                    "comment_share": "53.3%",
                    "rate_per_10000": "5.33",
                },
                {
                    "district": "District 2",
                    "comments": "suppressed",
                    "status": "suppressed_primary",
                    "population": 90000,
                    "population_share": "18.0%",
                    "comment_share": "—",
                    "rate_per_10000": "—",
                },
                {
                    "district": "District 3",
                    "comments": "0",
                    "status": "true_zero",
                    "population": 80000,
                    "population_share": "16.0%",
                    "comment_share": "0.0%",
                    "rate_per_10000": "0.00",
                },
                {
                    "district": "No district given",
                    "comments": "suppressed",
                    "status": "suppressed_complementary",
                    "population": None,
                    "population_share": "—",
                    "comment_share": "—",
                    "rate_per_10000": "—",
                },
                {
                    "district": "All",
                    "comments": "120",
                    "status": "published",
                    "population": 500000,
                    "population_share": "100.0%",
                    "comment_share": "100.0%",
                    "rate_per_10000": "—",
                },
            ],
            "representation_ratio": "0.41",
            "note": "Counts below 11 are suppressed. 2 district figures are suppressed.",
        },
        "surveys": [
            {
                "id": 1,
                "title": "Plate readers on county roads",
                "status": "open",
                "responses": "212",
                "questions": [
                    {
                        "position": 1,
                        "text": "Should plate data be kept longer than 30 days?",
                        "kind": "single",
                        "answered": "198",
                        "options": [
                            {
                                "option": "Yes",
                                "count": "40",
                                "percent": "20.2%",
                                "status": "published",
                            },
                            {
                                "option": "No",
                                "count": "150",
                                "percent": "75.8%",
                                "status": "published",
                            },
                            {
                                "option": "Not sure",
                                "count": "suppressed",
                                "percent": "suppressed",
                                "status": "suppressed_primary",
                            },
                            {
                                "option": "Only for open cases",
                                "count": "0",
                                "percent": "0.0%",
                                "status": "true_zero",
                            },
                        ],
                        "summary": "",
                    },
                ],
            },
        ],
        "findings": [
            {
                "practice": "ALPR data sharing",
                "rule": "R3-retention",
                "severity": "High",
                "detail": "Retention exceeds the 90-day policy.",
            }
        ],
        "moderation": {
            "received": 140,
            "published": 120,
            "rejected": 15,
            "awaiting": 5,
            "rejected_by_reason": {"Personal attack": 9, "Off topic": 6},
        },
        "notes": [
            {
                "text": "Ask the sheriff for the audit log of searches.",
                "by": "Commissioner Ortiz",
                "at": "2026-12-01T09:30:00-08:00",
            }
        ],
    }
    quiet = {
        "position": 2,
        "title": "Library Wi-Fi analytics",
        "description": "",
        "record": {
            "type": "practice",
            "id": 8,
            "title": "Wi-Fi usage analytics",
            "address": "/inventory?practice=8",
            "brief": [["Status", "Active"]],
        },
        "input_period": {"from": None, "to": "2026-12-01T00:00:00-08:00"},
        "summary": {
            "count": 0,
            "comments": 0,
            "survey_answers": 0,
            "positions": {"support": 0, "neutral": 0, "oppose": 0, "unstated": 0},
            "themes": [],
            "campaigns": [],
            "unthemed": [],
        },
        "participation": None,
        "surveys": [],
        "findings": [],
        "moderation": {
            "received": 0,
            "published": 0,
            "rejected": 0,
            "awaiting": 0,
            "rejected_by_reason": {},
        },
        "notes": [],
    }
    hostile = {
        "position": 3,
        "title": HOSTILE_TITLE,
        "description": "*emphasis* and `code`",
        "record": {
            "type": "notice",
            "id": 9,
            "title": "Drones 🚁 — Ωμέγα — Дроны",
            "address": "/notice?technology=drones",
            "brief": [["Status | pipe", "**Proposed**"]],
        },
        "input_period": {"from": "2026-10-01T00:00:00-07:00", "to": "2026-12-01T00:00:00-08:00"},
        "summary": {
            "count": 12,
            "comments": 12,
            "survey_answers": 0,
            "positions": {"support": 2, "neutral": 0, "oppose": 10, "unstated": 0},
            "themes": [
                {
                    "id": 1,
                    "label": "drones <b>",
                    "keywords": ["drones"],
                    "size": 12,
                    "members": [201, 202],
                    "quotes": [_quote(201, HOSTILE_QUOTE), _quote(202, LONG_QUOTE)],
                    "positions": {"support": 2, "neutral": 0, "oppose": 10, "unstated": 0},
                }
            ],
            "campaigns": [],
            "unthemed": [],
        },
        "participation": None,
        "surveys": [],
        "findings": [],
        "moderation": {
            "received": 12,
            "published": 12,
            "rejected": 0,
            "awaiting": 0,
            "rejected_by_reason": {},
        },
        "notes": [
            {
                "text": "[see](https://evil.example) <img src=x onerror=alert(1)>",
                "by": "Commissioner <b>Lee</b>",
                "at": None,
            }
        ],
    }
    return {
        "format": 1,
        "county": "Alder County",
        "meeting": {
            "id": 2,
            "title": "December regular meeting",
            "scheduled_at": "2026-12-16T18:00:00-08:00",
            "location": "County Building, Room 110, 100 Main Street",
            "link": "https://meet.example.org/privacy-dec",
            "status": "scheduled",
            "description": "Regular meeting of the Privacy Commission.",
        },
        "version": 1,
        "built_at": "2026-12-02T18:40:00-08:00",
        "built_by": "Commissioner Ortiz",
        "suppression_k": 11,
        "audit_head": {"event_id": 412, "hash": AUDIT_HASH, "events": 412},
        "items": [busy, quiet, hostile],
    }


def _hash(content: dict) -> str:
    data = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@pytest.fixture(scope="module")
def content() -> dict:
    return sample_content()


@pytest.fixture(scope="module")
def digest(content: dict) -> str:
    return _hash(content)


@pytest.fixture(scope="module")
def pdf(content: dict, digest: str) -> bytes:
    return packet_pdf(content, content_hash=digest)


@pytest.fixture(scope="module")
def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


@pytest.fixture(scope="module")
def text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def markdown(content: dict, digest: str) -> str:
    return packet_markdown(content, content_hash=digest)


def _flat(text: str) -> str:
    """Extracted text with line wrapping undone (a wrapped word has no space at the break)."""
    return re.sub(r"\s+", " ", text)


# -- the PDF ------------------------------------------------------------------------------------


def test_pdf_has_titles_quotes_and_hashes(text: str, digest: str) -> None:
    flat = _flat(text)
    assert "December regular meeting" in flat
    assert "Automated license plate readers: renewal of the vendor contract" in flat
    assert "Library Wi-Fi analytics" in flat
    assert QUOTE_CAMERAS in flat
    assert "Comment #15" in flat
    assert digest in text.replace("\n", "")
    assert AUDIT_HASH in text.replace("\n", "")
    assert "event #412" in flat


def test_pdf_says_plainly_when_an_item_has_no_input(text: str) -> None:
    assert "No published comments or survey answers were received" in _flat(text)


def test_pdf_shows_suppressed_cells_as_words(text: str) -> None:
    flat = _flat(text)
    assert "District 2 suppressed" in flat
    assert "0.41" in flat
    assert "500 copies of one text" in flat
    assert "My grandmother was stopped twice by mistake." in flat
    assert "from 1 to 10" in flat  # from suppression_k, not a constant


def test_pdf_in_spanish_says_the_same_figures_and_quotes_in_spanish(content: dict, digest: str,
                                                                   pdf: bytes) -> None:
    with using_language("es"):
        spanish = packet_pdf(content, content_hash=digest)
        markdown = packet_markdown(content, content_hash=digest)
    reader = pypdf.PdfReader(io.BytesIO(spanish))
    flat = _flat("\n".join(page.extract_text() for page in reader.pages))
    assert "Cómo verificar este expediente" in flat and "Sobre este expediente" in flat
    assert "Fecha: miércoles, 16 de diciembre de 2026, 18:00 (UTC−08:00)" in flat
    assert f"Página 1 de {len(reader.pages)}" in flat
    # Figures as Spanish writes them; suppressed cells in Spanish words.
    assert "Distrito" in flat and "District 2 suprimido" in flat and "0,41" in flat
    assert "53,3 %" in flat and "500 copias de un mismo texto" in flat
    assert "de 1 a 10" in flat
    # Residents' words and staff's titles exactly as published.
    assert QUOTE_CAMERAS in flat and "December regular meeting" in flat
    assert digest in flat.replace(" ", "")
    # The chart's alt text and words are Spanish too; the English is untouched by it.
    assert b"suprimido" not in pdf and spanish != pdf
    assert "### Aportes de los residentes" in markdown and "> — Comentario n\\.º 15" in markdown
    assert "<script>" not in markdown  # still escaped: a translation changes no safety


def test_pdf_has_page_numbers(reader: pypdf.PdfReader, text: str) -> None:
    pages = len(reader.pages)
    assert pages >= 4
    assert "Page 1 of " + str(pages) in text
    assert f"Page {pages} of {pages}" in text


def test_pdf_bookmarks_every_agenda_item(reader: pypdf.PdfReader, content: dict) -> None:
    def titles(outline: list) -> list[str]:
        out = []
        for entry in outline:
            out += titles(entry) if isinstance(entry, list) else [entry.title]
        return out

    top = [e.title for e in reader.outline if not isinstance(e, list)]
    for item in content["items"][:2]:
        assert f"Item {item['position']}: {item['title']}" in top
    assert any(t.startswith("Item 3: # Pwned **bold**") for t in top)
    assert "How to verify this packet" in top
    assert "About this packet" in top
    assert "Positions" in titles(reader.outline)  # sub-sections nest under their item


def test_pdf_images_carry_alt_text(reader: pypdf.PdfReader, pdf: bytes) -> None:
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    alts: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if node.get("/S") == "/Figure" and "/Alt" in node:
                alts.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"])

    walk(root["/StructTreeRoot"])
    assert any(a.startswith("Positions taken in published input. Support: 10") for a in alts)
    assert any("District 2: suppressed" in a for a in alts)
    assert b"/Alt" in pdf


def test_same_content_gives_identical_bytes(content: dict, digest: str, pdf: bytes) -> None:
    again = packet_pdf(copy.deepcopy(content), content_hash=digest)
    assert again == pdf
    changed = copy.deepcopy(content)
    changed["items"][0]["notes"][0]["text"] += " Also the contract."
    assert packet_pdf(changed, content_hash=_hash(changed)) != pdf


def test_pdf_metadata(reader: pypdf.PdfReader) -> None:
    meta = reader.metadata
    assert meta.title == "December regular meeting — packet, version 1"
    assert meta.author == "Commissioner Ortiz"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    # The creation date is the packet's built_at, not the clock: rebuilding gives the same bytes.
    built = datetime.fromisoformat("2026-12-02T18:40:00-08:00")
    assert meta.creation_date == built


def test_hostile_text_draws_literally(text: str) -> None:
    flat = _flat(text)
    assert "# Pwned **bold** [click](javascript:alert(1)) <script>alert(1)</script> | x" in flat
    assert "**not bold** `not code` [link](javascript:alert(1))" in flat
    assert "<script>alert('x')</script> a|b|c" in flat
    # Bidi overrides and zero-width characters are removed; emoji and CJK become U+FFFD.
    assert "evil zerowidth \ufffd \ufffd\ufffd" in flat
    assert "\u202e" not in text and "\u200b" not in text
    assert "<img src=x onerror=alert(1)>" in flat
    # The 20,000-character quote is drawn whole: every word of it is on some page.
    assert text.count("word") >= 4000


def test_safe_text() -> None:
    assert safe_text("a\u202eb\u2066c\u200bd\ufeffe") == "abcde"
    assert safe_text("x\x00y\x1bz\tw") == "xyz w"
    assert safe_text("🙂👍🏽 中文") == "\ufffd\ufffd \ufffd\ufffd"
    assert safe_text("Ωμέγα Дроны naïve") == "Ωμέγα Дроны naïve"
    assert safe_text(None) == ""
    assert safe_text("abcdef", limit=4) == "abc…"


def test_document_draws_every_helper_and_charts_distinguish_states() -> None:
    from datetime import UTC

    png = bar_chart_png(["A", "B $x$", "C", "D"], [5, "suppressed", 0, None], "States")
    assert png.startswith(b"\x89PNG")
    doc = Document(
        title="Evidence", county="Alder County", created=datetime(2026, 1, 1, tzinfo=UTC)
    )
    doc.add_page()
    doc.heading("One", 1)
    doc.paragraph(LONG_QUOTE)
    doc.quote(HOSTILE_QUOTE, "Comment #1")
    doc.table(["Key", "Value"], [["a", "b"], ["long", LONG_QUOTE]])
    doc.chart(png, "States: A 5, B suppressed, C 0, D no data")
    doc.boxed("Box", [("text", "words"), ("code", "ab" * 32)])
    out = doc.output()
    assert isinstance(out, bytes) and out.startswith(b"%PDF")
    flat = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out)).pages))
    assert "**not bold**" in flat
    assert "18,500 more characters not shown" in flat  # a cut cell says so


# -- the Markdown -------------------------------------------------------------------------------


def test_markdown_has_the_same_content(markdown: str, digest: str) -> None:
    assert markdown.startswith("# December regular meeting\n")
    assert f"`{digest}`" in markdown
    assert f"`{AUDIT_HASH}`" in markdown
    assert "## Item 1: Automated license plate readers: renewal" in markdown.replace("\\", "")
    assert "No published comments or survey answers were received" in markdown
    assert "| District 2 | suppressed |" in markdown
    assert "> — Comment \\#15" in markdown
    assert escape_markdown(QUOTE_CAMERAS) in markdown


def test_markdown_escapes_hostile_text(markdown: str) -> None:
    assert "<script>" not in markdown
    assert re.search(r"(?<!\\)<", markdown) is None  # every "<" is escaped
    assert "\\<img src\\=x" in markdown and "\\<b\\>Lee" in markdown
    assert "](javascript" not in markdown and "](https" not in markdown
    assert "**bold**" not in markdown and "**not bold**" not in markdown
    assert "`not code`" not in markdown
    assert "\\*\\*not bold\\*\\*" in markdown
    assert "\\<script\\>alert(" not in markdown  # parentheses are escaped too
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in markdown
    # The item heading stays one heading: its "#" is text.
    assert "## Item 3\\: \\# Pwned" in markdown
    # No line of a quote starts a heading, and "> not a quote" stays inside the blockquote.
    assert "> “\\> not a quote\\" in markdown
    assert "> \\# not a heading\\" in markdown
    for line in markdown.splitlines():
        assert not line.startswith("# ") or line == "# December regular meeting"
    assert "\u202e" not in markdown and "\u200b" not in markdown


def test_markdown_tables_keep_their_columns(markdown: str) -> None:
    for line in markdown.splitlines():
        if line.startswith("| "):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            assert len(cells) in (2, 3, 4, 5), line
    assert "| Status \\| pipe | \\*\\*Proposed\\*\\* |" in markdown


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("# x", "\\# x"),
        ("**bold**", "\\*\\*bold\\*\\*"),
        ("[link](javascript:alert(1))", "\\[link\\]\\(javascript\\:alert\\(1\\)\\)"),
        ("<script>", "\\<script\\>"),
        ("a | b", "a \\| b"),
        ("`tick`", "\\`tick\\`"),
        ("> quoted", "\\> quoted"),
        ("1. item", "1\\. item"),
        ("line\none", "line one"),
    ],
)
def test_escape_markdown_inline(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_escape_markdown_block_keeps_lines_without_markup() -> None:
    assert escape_markdown("> a\n\n    # b", block=True) == "\\> a\n\n\\# b"
    assert escape_markdown("a\nb", block=True) == "a\\\nb"


def test_only_https_meeting_links_are_clickable(content: dict, pdf: bytes) -> None:
    assert b"/URI (https://meet.example.org/privacy-dec)" in pdf
    hostile = copy.deepcopy(content)
    hostile["meeting"]["link"] = "javascript:alert(1)"
    out = packet_pdf(hostile, content_hash=_hash(hostile))
    assert b"/URI" not in out
    assert "javascript:alert(1)" in _flat(pypdf.PdfReader(io.BytesIO(out)).pages[0].extract_text())


def test_sparse_content_renders() -> None:
    """An empty audit log, an item about no published record, nothing optional."""
    content = {
        "format": 1,
        "county": "Alder County",
        "meeting": {
            "id": 1,
            "title": "Special meeting",
            "scheduled_at": None,
            "location": "",
            "link": "",
            "status": "held",
            "description": "",
        },
        "version": 2,
        "built_at": "not a date",
        "built_by": "",
        "suppression_k": 5,
        "audit_head": {"event_id": None, "hash": "0" * 64, "events": 0},
        "items": [
            {
                "position": 1,
                "title": "Open discussion",
                "description": "",
                "record": None,
                "input_period": {"from": None, "to": None},
                "summary": None,
                "participation": None,
                "surveys": [],
                "findings": [],
                "moderation": None,
                "notes": [],
            }
        ],
    }
    digest = _hash(content)
    pdf = packet_pdf(content, content_hash=digest)
    text = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    assert "not about a published record" in text
    assert "no event yet (empty log)" in text
    assert "from 1 to 4" in text
    assert pdf == packet_pdf(content, content_hash=digest)
    markdown = packet_markdown(content, content_hash=digest)
    assert "not about a published record" in markdown
    assert f"`{'0' * 64}`" in markdown


def test_a_questions_kind_is_named_in_words_in_the_packets_language() -> None:
    from portal.i18n import using_language
    from portal.oversight.packet_view import question_facts

    question = {"answered": {"count": 12, "status": "published"}, "kind": "single_choice"}
    assert question_facts(question).endswith("(one choice).")
    with using_language("es"):
        assert question_facts(question).endswith("(una opción).")
    assert question_facts({**question, "kind": "future_kind"}).endswith("(future_kind).")
