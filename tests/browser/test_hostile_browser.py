"""Hostile text in Chromium (issue 14): records holding the corpus's markup, Markdown,
Streamlit directives, formulas and invisible characters, and the public pages that show them.

The DOM must hold no element made from the text (no script, image, SVG, frame, handler,
link, emphasis, colour or formula), the visible text must be the characters as typed (the
direction and zero-width characters the public pages drop aside), and no script may run:
an ``alert`` from a handler would open a dialog, which the test records.

The records are written straight into the server's database through the services, as staff
and moderators would write them. They would change what other browser tests count on the
shared demo server (the inventory's 153 practices), so this module runs its own, without the
demo county.
"""

from __future__ import annotations

import secrets
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page
from sqlmodel import Session, select

from portal.auth.roles import Actor, Role
from portal.db import make_engine, upgrade
from portal.engagement.comments import submit_comment
from portal.engagement.decisions import decide, respond
from portal.engagement.models import Comment
from portal.indicators.definitions import create_definition
from portal.indicators.values import import_values
from portal.inventory.service import create_practice
from portal.notices.editing import create_technology, publish, save_draft
from portal.surveys import builder
from tests import factories, hostile
from tests.browser.conftest import (
    LiveServer,
    RequestLog,
    settle,
    start_server,
    stop_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser

STAFF = Actor(subject="staff@alder-county.example", roles=frozenset({Role.STAFF}))
MODERATOR = Actor(subject="moderator@alder-county.example", roles=frozenset({Role.MODERATOR}))
RESIDENT = Actor(subject="", roles=frozenset())
#: Unique within a run, so each record is found by it.
RUN = secrets.token_hex(3)
#: What a browser can be given: no lone surrogates (no UTF-8 page holds one) and no null
#: characters (refused when stored); one string a line, as a person would paste them.
TEXTS = [s.value for s in hostile.strings()
         if s.encodable and "\x00" not in s.value and len(s.value) < 1_000]
WHOLE = "\n".join(TEXTS)
#: Short names: markup a name could smuggle in, and the run's mark to find it by.
NAME = f"{hostile.named('img-onerror')} {hostile.named('markdown-js-link')} **bold** {RUN}"
#: An indicator's name is its charts' title too, which Plotly reads as HTML: a link there
#: would be an element made of it.
INDICATOR = f'{NAME} <a href="https://evil.example/chart">chart</a>'
AREA_LABELS = [hostile.named("img-onerror"), hostile.named("svg-onload-breakout"),
               hostile.named("iframe-javascript")]
#: Text of elements Markdown or Streamlit would make of the corpus: ``**bold**``, ``_it_``,
#: ``[click](…)``, ``# Heading``, ``:red[…]``.
MADE_FROM_TEXT = ["bold", "it", "code", "click", "Heading", "Urgent: your account is suspended"]

#: Everything in the page (and in every frame) that the corpus could have become.
ELEMENTS_MADE = """(made) => {
  const found = [];
  const all = (sel) => [...document.querySelectorAll(sel)];
  for (const e of all('*')) {
    for (const a of e.getAttributeNames()) {
      if (/^on/i.test(a)) found.push(`${e.tagName} ${a}`);
    }
  }
  all('a').filter(e => /evil\\.example|^\\s*javascript:/i.test(e.getAttribute('href') || ''))
    .forEach(e => found.push(e.outerHTML.slice(0, 120)));
  all('img, iframe').filter(e => /evil\\.example|javascript:|^x$/i.test(e.getAttribute('src') || '')
                               || e.getAttribute('alt') === 'x')
    .forEach(e => found.push(e.outerHTML.slice(0, 120)));
  all('details').filter(e => e.closest('[data-testid="stMarkdownContainer"]'))
    .forEach(e => found.push(e.outerHTML.slice(0, 120)));
  all('style').filter(e => /body\\s*\\{\\s*display:\\s*none/.test(e.textContent))
    .forEach(e => found.push(e.outerHTML.slice(0, 120)));
  // LaTeX, a colour directive, and the icon ":material/warning:" would be.
  all('.katex, .stMarkdownColoredText, [role="img"][aria-label="warning icon"]')
    .forEach(e => found.push(e.outerHTML.slice(0, 120)));
  all('strong, b, em, i, code, a, h1, h2, h3, h4, h5, h6, del, s, details, summary')
    .filter(e => made.includes(e.textContent.trim()))
    .forEach(e => found.push(e.outerHTML.slice(0, 120)));
  return found;
}"""


@dataclass
class Stored:
    practice_id: int
    notice_slug: str
    survey_slug: str
    indicator_slug: str
    choices: list[str]


def _areas() -> list[dict[str, object]]:
    square = [[[-122.6, 45.5], [-122.5, 45.5], [-122.5, 45.6], [-122.6, 45.6], [-122.6, 45.5]]]
    return [{"label": label, "geometry": {"type": "Polygon", "coordinates": square}}
            for label in AREA_LABELS]


def _choices() -> list[str]:
    kept: list[str] = []
    for text in TEXTS:
        if "\n" not in text.strip() and text.strip() not in kept and len(text) < 200:
            kept.append(text.strip())
    return kept[:12]


def _store(database_url: str) -> Stored:
    """The hostile records, written through the services as staff and moderators would."""
    engine = make_engine(database_url)
    with Session(engine, expire_on_commit=False) as session:
        department = factories.department(session, name="Police Department")
        dataset = factories.dataset(session, department_id=department.id)
        for code, w in (("D1", -122.7), ("D2", -122.5)):
            e = w + 0.2
            factories.district(session, code, name=f"District {code}", geometry={
                "type": "Polygon",
                "coordinates": [[[w, 45.4], [e, 45.4], [e, 45.7], [w, 45.7], [w, 45.4]]]})
        practice = create_practice(session=session, actor=STAFF, values=factories.practice_values(
            dataset.identifier, title=NAME, purpose=WHOLE, data_elements=TEXTS[:8]))
        receipt = submit_comment(session=session, actor=RESIDENT, target_type="practice",
                                 target_id=practice.id, text=WHOLE, personal_data_confirmed=True)
        comment = session.exec(select(Comment).where(Comment.receipt_code == receipt.code)).one()
        decide(session=session, actor=MODERATOR, comment_id=comment.id,
               lock_version=comment.lock_version, action="publish")
        respond(session=session, actor=STAFF, comment_id=comment.id, text=WHOLE)

        slug = f"hostile-{RUN}"
        tech = create_technology(session=session, actor=STAFF, slug=slug, name=NAME,
                                 category="camera", department_id=department.id,
                                 content={"description": WHOLE})
        save_draft(session=session, actor=STAFF, technology_id=tech.id,
                   content={"purpose": WHOLE, "data_collected": WHOLE}, locations=_areas())
        publish(session=session, actor=STAFF, technology_id=tech.id)

        choices = _choices()
        survey = builder.create_survey(session=session, actor=STAFF, values={
            "slug": slug, "title": NAME, "description": WHOLE})
        builder.add_question(session=session, actor=STAFF, survey_id=survey.id, values={
            "kind": "single_choice", "text": f"{hostile.named('markdown-autolink')} {RUN}",
            "help_text": WHOLE, "options": choices})
        builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id)

        create_definition(session=session, actor=STAFF, values={
            "slug": slug, "name": INDICATOR, "unit": "count", "description": WHOLE,
            "caveats": WHOLE, "is_published": True})
        table = {("D1", "all", "all"): (100, 400), ("D2", "all", "all"): (101, 400),
                 ("all", "all", "all"): (201, 800)}
        import_values(session=session, actor=STAFF, rows=factories.value_rows(slug, table))
        session.commit()
    engine.dispose()
    return Stored(practice.id, slug, slug, slug, choices)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Stored]]:
    """Its own server, with no demo county (it starts in half the time); the hostile records
    and what they need are stored while it starts, before anyone visits. The file watcher
    is off: a source file saved while it runs would be imported twice."""
    tmp = tmp_path_factory.mktemp("hostile")
    database_url = f"sqlite:///{tmp / 'portal.db'}"  # where start_server puts it
    engine = make_engine(database_url)
    upgrade(engine)  # so the server's own migration finds nothing to do
    engine.dispose()
    with ThreadPoolExecutor(max_workers=1) as pool:
        starting = pool.submit(start_server, tmp, demo=False,
                               env={"STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"})
        try:
            stored = _store(database_url)
        finally:
            server = starting.result()
    try:
        assert server.database_url == database_url
        yield server, stored
    finally:
        stop_server(server)


@pytest.fixture
def requests_seen(hostile_server: tuple[LiveServer, Stored]) -> RequestLog:
    """The ``page`` fixture's record of requests: every one must stay on this server."""
    return RequestLog(own_host=urlsplit(hostile_server[0].url).netloc)


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """Every dialog a script opened (``alert(1)`` from a handler made of the text)."""
    opened: list[str] = []

    def record(dialog) -> None:  # type: ignore[no-untyped-def]
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return opened


def visible(text: str) -> str:
    """What the public pages show of ``text``: no format or control characters (bidi and
    zero-width characters are dropped), whitespace runs as one space."""
    kept = "".join(" " if ch.isspace() else ch for ch in text
                   if unicodedata.category(ch) not in ("Cf", "Cc") or ch.isspace())
    return " ".join(kept.split())


#: Whether the page's main part shows a text, compared as :func:`visible` compares it.
SHOWS = r"""(wanted) => {
    const main = document.querySelector('[data-testid="stMain"]');
    return !!main && main.innerText.replace(/\p{Cf}/gu, '')
        .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '')
        .replace(/\s+/g, ' ').includes(wanted);
}"""


def _open(page: Page, server: LiveServer, path: str, heading: str, record: str) -> str:
    """Open ``path``, wait until it shows ``record`` (a page may draw its lists in a second
    run), and return its visible text."""
    page.goto(f"{server.url}/{path}")
    wait_for_app(page, heading)
    page.wait_for_function(SHOWS, arg=visible(record), timeout=30_000)
    settle(page)
    return visible(page.get_by_test_id("stMain").inner_text())


def _nothing_made(page: Page) -> None:
    for frame in page.frames:
        made = frame.evaluate(ELEMENTS_MADE, MADE_FROM_TEXT)
        assert made == [], (frame.url, made)


def _read(page: Page, server: LiveServer, path: str, heading: str, texts: list[str]) -> str:
    """Open ``path`` (titled ``heading``): it shows each of ``texts`` as typed, but for the
    invisible characters the public pages drop, and holds no element made of them. Its
    visible text."""
    shown = _open(page, server, path, heading, texts[0])
    _nothing_made(page)
    for text in texts:
        assert visible(text) in shown, text
    assert not any(unicodedata.category(ch) == "Cf" for ch in shown)  # no bidi, no zero-width
    return shown


def test_a_practice_its_comment_and_the_response_show_as_typed(
        page: Page, hostile_server: tuple[LiveServer, Stored], dialogs: list[str]) -> None:
    server, stored = hostile_server
    shown = _read(page, server, f"inventory?practice={stored.practice_id}", visible(NAME),
                  [NAME, *TEXTS])
    # Each of the corpus's lines in the purpose, the published comment and the response.
    for text in TEXTS:
        assert shown.count(visible(text)) >= 3, text
    assert "invoicegnp.exe" in shown and "\u202e" not in shown
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;amp; &#x3C;script&#x3E;" in shown  # entities as typed
    assert dialogs == []


def test_a_notice_and_its_map_show_hostile_names_as_text(
        page: Page, hostile_server: tuple[LiveServer, Stored], dialogs: list[str]) -> None:
    server, stored = hostile_server
    _read(page, server, f"notice?technology={stored.notice_slug}", visible(NAME),
          [NAME, *TEXTS, *AREA_LABELS])
    page.get_by_title("streamlit_folium.st_folium").first.wait_for()  # the map's frame
    map_frame = next(f for f in page.frames if "st_folium" in f.url)
    map_frame.wait_for_function("() => Object.keys(window).some(k => k.startsWith('geo_json_'))")
    # Each area's tooltip in the map's frame, opened as a pointer over it opens it: its text,
    # and the elements in it (a label written in as HTML would be an image, an SVG, a frame).
    tips = map_frame.evaluate("""() => {
        const tips = [];
        for (const name of Object.keys(window)) {
            const group = window[name];
            if (!name.startsWith('geo_json_') || !group || !group.eachLayer) continue;
            group.eachLayer(shape => {
                shape.fire('mouseover', {latlng: shape.getBounds().getCenter()}, true);
                document.querySelectorAll('.leaflet-tooltip').forEach(t => tips.push(
                    [t.textContent, t.querySelectorAll('img, svg, iframe, script').length]));
            });
        }
        return tips;
    }""")
    assert tips and all(made == 0 for _, made in tips), tips
    for label in AREA_LABELS:
        assert any(label in text for text, _ in tips), (label, tips)
    _nothing_made(page)
    assert dialogs == []


def test_a_survey_shows_hostile_questions_and_choices_as_text(
        page: Page, hostile_server: tuple[LiveServer, Stored], dialogs: list[str]) -> None:
    server, stored = hostile_server
    _read(page, server, "surveys", "Surveys", [NAME])
    _read(page, server, f"surveys?survey={stored.survey_slug}", visible(NAME),
          [NAME, *TEXTS, hostile.named("markdown-autolink"), *stored.choices])
    assert dialogs == []


def test_an_indicator_shows_its_hostile_name_as_text(
        page: Page, hostile_server: tuple[LiveServer, Stored], dialogs: list[str]) -> None:
    server, stored = hostile_server
    _read(page, server, "indicators", "Data by district and group", [INDICATOR])
    # (The heading's name is found by its start: an address in it carries an invisible joiner.)
    _read(page, server, f"indicators?indicator={stored.indicator_slug}", visible(NAME),
          [INDICATOR, *TEXTS])
    # The chart by district is titled with the name, as typed.
    page.locator(".gtitle").first.wait_for()
    titles = page.locator(".gtitle").all_text_contents()
    assert visible(INDICATOR) in visible(titles[0]), titles
    assert dialogs == []
