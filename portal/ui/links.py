"""Links between registered pages."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from portal.auth.roles import Actor
from portal.i18n import QUERY_KEY, SOURCE_LANGUAGE, _, language, language_query
from portal.registry import page_for
from portal.ui.text import inert


def link_to(
    url_path: str,
    actor: Actor,
    label: str | None = None,
    *,
    query_params: dict[str, str] | None = None,
    icon: str | None = None,
) -> None:
    """Link to a registered page if ``actor`` may open it.

    Inside the app ``st.page_link`` keeps the session; a page run on its own
    (tests, ``streamlit run app_pages/x.py``) has no navigation, so it gets a plain link.
    """
    page = page_for(url_path)
    if not page.visible_to(actor):
        return
    # The visit's language goes along, so the address opens the same way when shared.
    query_params = {**(query_params or {}), **language_query()} or None
    try:
        st.page_link(page.script, label=label or _(page.title), icon=icon or page.icon,
                     query_params=query_params)
    except StreamlitPageNotFoundError:
        query = f"?{urlencode(query_params)}" if query_params else ""
        st.markdown(f"[{label or _(page.title)}](/{page.url_path}{query})")


def in_this_language(address: str) -> str:
    """``address`` (a path with no query) with the visit's language, as ``link_to`` adds it."""
    from urllib.parse import urlencode

    query = language_query()
    return f"{address}?{urlencode(query)}" if query else address


def mail_link(address: str) -> str:
    """Markdown for a link that writes to ``address``, its text inert: an address in inert
    text is not made a link (portal/ui/text.py), so the county's own is linked on purpose."""
    href = address.replace(")", "%29").replace(" ", "%20")
    return f"[{inert(address)}](mailto:{href})"


def same_tab_links(links: list[tuple[str, str]], *, inline: bool = False) -> None:
    """A list of links to the portal's own routes (not pages) that open in this tab.

    Streamlit's link widgets and Markdown open every address in a new tab; a route
    that sets a cookie and returns to the portal must replace the page instead.
    ``href`` values are the portal's own, labels are escaped.
    """
    from html import escape

    anchors = [f'<a href="{escape(href, quote=True)}">{escape(label)}</a>' for href, label in links]
    if inline:
        st.html(f"<p>{' · '.join(anchors)}</p>")
    else:
        st.html("<ul>" + "".join(f"<li>{a}</li>" for a in anchors) + "</ul>")


def subscribe_links() -> None:
    """The stable addresses a feed reader or calendar subscribes to (docs/api.md), beside a
    page's one-off downloads: a download goes stale, a subscription does not. The feeds are in
    the page's language (``?lang=es``); without it they are in English."""
    from portal.web.addresses import CALENDAR_ICS, NOTICES_ATOM

    st.markdown(_(
        "To be told of changes, subscribe to these addresses in a feed reader or a calendar: "
        "[new and updated notices (Atom)]({feed}) · "
        "[comment deadlines and commission meetings (iCalendar)]({calendar})."
    ).format(feed=feed_address(NOTICES_ATOM), calendar=feed_address(CALENDAR_ICS)))


def feed_address(path: str) -> str:
    """A feed's address in the page's language. Unlike a page's (``in_this_language``) it
    names Spanish even where Spanish is the county's default: a feed reader has no visit and
    no default, so a feed without ``?lang`` is English."""
    lang = language()
    return path if lang == SOURCE_LANGUAGE else f"{path}?{urlencode({QUERY_KEY: lang})}"


def api_links(kind: str, what: str) -> None:
    """Where scripts and spreadsheets fetch what a page shows, at an address that stays the
    same (the read-only API, docs/api.md), rather than a download that goes stale."""
    from portal.web.addresses import API, API_KINDS

    assert kind in API_KINDS, kind
    st.markdown(_("{what}, as data to fetch again whenever you like: "
                  "[JSON]({json}) · [CSV]({csv}).").format(
        what=what, json=f"{API}/{kind}.json", csv=f"{API}/{kind}.csv"))
