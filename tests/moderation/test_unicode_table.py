"""``moderation/unicode_table.py`` is generated from :mod:`unicodedata`: it saves every
screening process a scan of all 1.1 million code points, and must not drift from the data."""

from __future__ import annotations

import unicodedata

import pytest

from moderation import textview, unicode_table


def test_the_committed_table_is_what_unicodedata_generates() -> None:
    committed = textview.TABLE_PATH.read_text(encoding="utf-8")
    assert unicode_table.UNIDATA_VERSION == unicodedata.unidata_version, (
        "Python's Unicode version changed: regenerate the table with "
        '`python -c "from moderation.textview import write_table; write_table()"`')
    assert committed == textview.table_source(), (
        "moderation/unicode_table.py differs from what unicodedata generates: regenerate it")


def test_the_tables_from_the_file_equal_those_from_a_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    textview._tables.cache_clear()
    from_file = textview._tables()
    # Another Unicode version than the file's: the tables are built by scanning instead.
    monkeypatch.setattr(unicode_table, "UNIDATA_VERSION", "0.0.0")
    textview._tables.cache_clear()
    try:
        scanned = textview._tables()
    finally:
        textview._tables.cache_clear()
    assert from_file.translate == scanned.translate
    assert from_file.invisible == scanned.invisible and from_file.mapped == scanned.mapped
    # Spot checks against unicodedata itself: digits of other scripts, and invisible formats.
    assert from_file.translate[ord("٣")] == ord("3") and from_file.translate[ord("７")] == ord("7")
    assert from_file.translate[0x1D7D9] == ord("1")  # MATHEMATICAL DOUBLE-STRUCK DIGIT ONE
    assert {"\u200b", "\u2060", "\ufeff", "\U000e0001"} <= from_file.invisible


def test_views_read_through_the_table() -> None:
    tv = textview.view("call ５５５-１\u200b２３-４５６７ or ٥٥٥")
    assert tv.text == "call 555-123-4567 or 555"
    start = tv.text.index("123")
    assert tv.original[slice(*tv.to_original(start, start + 3))] == "１\u200b２３"
