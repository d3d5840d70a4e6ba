"""Short lists of links, each with a line of detail, that stay readable on a phone.

Streamlit draws a page link's label on one line and cuts what does not fit with an
ellipsis, so a label such as "Police drones — comments close Monday, December 7, 2026,
11:59 PM PST" loses its date at 390 px. Here each item is a small card: the link (its
label allowed to wrap) and, under it, its detail as ordinary text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from portal.auth.roles import Actor
from portal.i18n import _
from portal.registry import page_for
from portal.ui.links import link_to


@dataclass(frozen=True)
class LinkedItem:
    """One entry: ``label`` (Markdown-safe: pass it through ``inert``) links to the page
    with ``query_params``; ``detail`` is shown under it as plain text."""

    label: str
    detail: str
    query_params: dict[str, str] = field(default_factory=dict)


def _wrap_css(key: str) -> str:
    scope = f".st-key-{key} [data-testid='stPageLink-NavLink']"
    return (
        "<style>"
        f"{scope} > span:last-child, {scope} [data-testid='stMarkdownContainer'], "
        f"{scope} p {{white-space: normal; overflow: visible; text-overflow: clip; "
        "overflow-wrap: anywhere;}"
        "</style>"
    )


def linked_items(key: str, url_path: str, actor: Actor, items: Sequence[LinkedItem], *,
                 icon: str | None = None) -> None:
    """``items`` as cards linking to the registered page ``url_path`` (plain text when the
    actor may not open it). ``key`` names the list, unique on its page."""
    key = f"linked-{key}"
    linked = page_for(url_path).visible_to(actor)
    with st.container(key=key):
        st.html(_wrap_css(key))
        for item in items:
            with st.container(border=True, gap="small"):
                if linked:
                    link_to(url_path, actor, item.label, query_params=item.query_params, icon=icon)
                else:
                    st.markdown(item.label)
                st.caption(item.detail)


def open_for_comment(actor: Actor, periods: Sequence[Any]) -> None:
    """The notices open for comment now, each linked with its closing date (home, Have your
    say): one list, so both pages say the same thing."""
    from portal.timefmt import county_zone, format_datetime
    from portal.ui.text import inert

    from portal.ui.translated import localized_records

    if not periods:
        st.write(_("No surveillance technology notice is open for comment right now."))
        return
    zone = county_zone()
    named = localized_records("notice", {p.technology_id: {"name": p.name} for p in periods}, actor)
    linked_items("open-for-comment", "notice", actor, [
        LinkedItem(inert(named[period.technology_id]["name"]),
                   _("Comments close {when}").format(when=format_datetime(period.closes_at, zone)),
                   {"technology": period.slug})
        for period in periods
    ], icon=":material/campaign:")
