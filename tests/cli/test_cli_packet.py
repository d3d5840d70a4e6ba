"""``portal packet build MEETING_ID [--pdf FILE] [--json FILE]`` and ``portal export meetings-ics``,
through the real command on the demo county."""

from __future__ import annotations

import io
import json
from pathlib import Path

import icalendar
import sqlalchemy as sa
from pypdf import PdfReader

from tests.cli.test_cli import counts, portal


def test_packet_build_writes_the_pdf_and_json_of_a_published_version(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        meeting_id, title = conn.execute(sa.text(
            "SELECT id, title FROM meeting WHERE status != 'cancelled' ORDER BY id LIMIT 1")).one()
        items = conn.execute(sa.text("SELECT title FROM agenda_item WHERE meeting_id = :m "
                                     "ORDER BY position"), {"m": meeting_id}).scalars().all()
        texts = dict(conn.execute(sa.text("SELECT id, redacted_text FROM comment")).all())
        unpublished = conn.execute(sa.text(
            "SELECT redacted_text FROM comment WHERE state != 'published'")).scalars().all()
    engine.dispose()
    pdf, data = tmp_path / "packet.pdf", tmp_path / "packet.json"
    done = portal("packet", "build", str(meeting_id), "--pdf", str(pdf), "--json", str(data), db=db)
    assert done.returncode == 0, done.stderr
    assert "Published packet version 1" in done.stdout
    content = json.loads(data.read_text(encoding="utf-8"))
    assert content["meeting"]["title"] == title
    assert [i["title"] for i in content["items"]] == items
    assert content["audit_head"]["hash"] in done.stdout
    quotes = [q for i in content["items"] if i["summary"] for t in i["summary"]["themes"]
              for q in t["quotes"]]
    assert quotes, "the demo county's first meeting has published comments to quote"
    for q in quotes:
        assert texts[q["comment_id"]][q["start"]:q["end"]] == q["text"]
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for item in items:
        assert " ".join(item.split()) in text
    assert " ".join(quotes[0]["text"].split())[:40] in text
    whole = json.dumps(content)
    for secret in unpublished:
        assert json.dumps(secret)[1:-1] not in whole

    again = portal("packet", "build", str(meeting_id), db=db)
    assert again.returncode == 0, again.stderr
    assert "Published packet version 2" in again.stdout
    assert counts(db)["packet"] == 2


def test_packet_build_refuses_an_unknown_meeting_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    pdf = tmp_path / "packet.pdf"
    done = portal("packet", "build", "424242", "--pdf", str(pdf), db=db)
    assert done.returncode == 1
    assert "No meeting 424242" in done.stderr
    assert not pdf.exists()
    assert counts(db)["packet"] == 0


def test_meetings_calendar_export(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    out = tmp_path / "meetings.ics"
    done = portal("export", "meetings-ics", "-o", str(out), "--base-url",
                  "https://portal.example.gov", db=db)
    assert done.returncode == 0, done.stderr
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == counts(db)["meeting"]
    assert all(str(e["url"]).startswith("https://portal.example.gov/meeting?id=") for e in events)
