"""The site's menu, and what answers an address a person may not or cannot open.

Every page of the registry is registered with Streamlit on every run, so that a
deep link, a reload or a mistyped address never falls to Streamlit's generic
"Page not found" dialog (which runs the home page behind it). A page the
person may open is its own script; a page they may not open answers with the
portal's "not available" page under the same address. That page is only a
courtesy: the services refuse the call whatever the menu shows (DESIGN.md §3).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st

from portal.auth.roles import Actor
from portal.i18n import _, language_query
from portal.manifest import ABOUT_SECTION, WORK_SECTION, PageSpec
from portal.registry import all_pages
from portal.settings import get_settings

# What Streamlit accepts as a page's URL: one path segment, no slash.
_ADDRESS = re.compile(r"[A-Za-z0-9._~-]{1,80}")


def _section_order() -> list[str]:
    """Menu sections in the registry's order, with staff work and "about" last."""
    order: list[str] = []
    for spec in all_pages():
        if spec.section not in order and spec.section not in (WORK_SECTION, ABOUT_SECTION):
            order.append(spec.section)
    return [*order, WORK_SECTION, ABOUT_SECTION]


def _not_available_page(address: str, spec: PageSpec | None) -> Callable[[], None]:
    def not_available() -> None:
        from portal.ui.not_available import show_not_available

        show_not_available(address, spec)

    return not_available


def _go_to(page: st.Page) -> Callable[[], None]:
    def go() -> None:
        st.switch_page(page)

    return go


def requested_address() -> str | None:
    """The page name the browser asked for, before Streamlit resolves it.

    Streamlit keeps it on the script run's page manager; reading it lets a
    mistyped address get a page of its own instead of the generic dialog.
    """
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        name = ctx.pages_manager.intended_page_name if ctx is not None else None
    except AttributeError:  # a Streamlit without it: the dialog, as before
        return None
    return name or None


def site_pages(actor: Actor) -> dict[str, list[st.Page]]:
    """Every page under its menu section; what ``actor`` may not open answers "not available"."""
    demo = get_settings().demo_signin
    sections: dict[str, list[st.Page]] = {name: [] for name in ["", *_section_order()]}
    known: set[str] = set()
    home: st.Page | None = None
    for spec in all_pages():
        if spec.demo_only and not demo:
            continue
        known.add(spec.url_path)
        listed = spec.in_menu and spec.visible_to(actor)
        if spec.visible_to(actor):
            default = spec.url_path == "home"
            page = st.Page(
                # The default page answers at "/", but still reserves its own name; a name
                # nobody types leaves "/home" free to lead there.
                str(spec.path), title=_(spec.title), icon=spec.icon,
                url_path="portal-home" if default else spec.url_path, default=default,
                visibility="visible" if listed else "hidden",
            )
        else:
            page = st.Page(_not_available_page(spec.url_path, spec), title=_(spec.title),
                           url_path=spec.url_path, visibility="hidden")
        if spec.url_path == "home":
            home = page
        # Unlisted pages stand outside the sections: a section of hidden pages only
        # would still show its heading.
        sections[spec.menu_section if listed else ""].append(page)
    asked = requested_address()
    if asked == "home" and home is not None:
        # The home page lives at "/", so "/home" would be unknown: send it there.
        sections[""].append(st.Page(_go_to(home), title=_("Home"), url_path="home",
                                    visibility="hidden"))
    elif asked and asked not in known and _ADDRESS.fullmatch(asked):
        sections[""].append(st.Page(_not_available_page(asked, None), title=_("Not available"),
                                    url_path=asked, visibility="hidden"))
    return {name: pages for name, pages in sections.items() if pages}


def site_navigation(actor: Actor) -> st.navigation:  # type: ignore[valid-type]
    """Register every address, and draw the menu ourselves, grouped by what people come to do.

    Streamlit's own sectioned menu (in the sidebar, and the top bar's on a phone) puts
    section headings straight inside its list, which screen readers announce wrongly
    (axe ``list``/``listitem``, serious), and folds long menus behind "View N more". The
    menu here is headings and links, every entry shown, the same at every size.
    """
    sections = site_pages(actor)
    navigation = st.navigation([page for pages in sections.values() for page in pages],
                               position="hidden")
    # Desktop: the menu in the sidebar. Phone: Streamlit's sidebar is a drawer that stays
    # open over the page after a link is chosen, so the same menu sits folded at the top of
    # the page instead; the site's style sheet (portal/ui/chrome.py) shows one or the other.
    with st.sidebar, st.container(key="site_menu"):
        _menu(sections)
    # Keyed by the page: choosing a page opens it with the menu folded again.
    folded = f"phone_menu_{navigation.url_path or 'home'}"
    with st.container(key="phone_menu"), st.expander(_("Menu"), icon=":material/menu:", key=folded):
        _menu(sections)
    return navigation


def _menu(sections: dict[str, list[st.Page]]) -> None:
    for name, pages in sections.items():
        listed = [page for page in pages if page.visibility == "visible"]
        if not listed:
            continue
        if name:
            st.markdown(f"**{_(name)}**")
        for page in listed:
            # The address keeps the visit's language, so it can be shared as it is.
            st.page_link(page, query_params=language_query() or None)
