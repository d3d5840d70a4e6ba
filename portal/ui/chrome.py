"""What surrounds every page: the header, the footer, the demo warning, the account menu."""

from __future__ import annotations

import json

import streamlit as st

from portal.auth.roles import ROLE_LABELS, Actor, Role
from portal.i18n import LANGUAGES, N_, QUERY_KEY, _, language
from portal.settings import get_settings
from portal.ui.context import sign_in_expired
from portal.ui.links import feed_address, mail_link
from portal.ui.signin import sign_in_buttons
from portal.ui.text import inert

DEMO_BANNER = N_(
    "**Demo sign-in is on: no real authentication is in place.** Anyone using this site can "
    "pick any role. Never enable it where real residents' data is stored."
)
NO_ROLE = N_(
    "You are signed in, but no portal role has been given to you, so you are treated as a "
    "resident: you see what the public sees. If you work for the county, ask an administrator "
    "to grant you a role."
)
# Streamlit's breakpoint for phones (its sidebar becomes a drawer below it). Above it the
# menu is the sidebar; below it, the folded "Menu" at the top of the page. The page also
# starts higher than Streamlit's default: no toolbar row needs the room.
SITE_STYLE = """
[data-testid="stMainBlockContainer"] { padding-top: 3rem; }
@media (min-width: 768px) { .st-key-phone_menu { display: none; } }
/* A keyboard's focus is always visible (WCAG 2.4.7): Streamlit marks some links and buttons
   by a change of background alone, and its own rules would win over a plain one. */
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible,
textarea:focus-visible, [tabindex]:focus-visible {
  outline: 2px solid #1a5e9a !important; outline-offset: 2px; }
/* A radio button's or checkbox's own input is visually hidden, so its outline is drawn
   nowhere (Streamlit tints the option's background only): the option's label shows it. */
label:has(input[type="radio"]:focus-visible), label:has(input[type="checkbox"]:focus-visible) {
  outline: 2px solid #1a5e9a; outline-offset: 2px; }
/* A select box's options are one line each, cut short at the list's width: a long option (a
   dataset classification is a sentence) could not be read on a phone or in a half-width
   column. They wrap in a short list; a long list places its rows at a fixed height (only
   the rows in view are drawn), so there a row keeps to one line. */
[role="listbox"]:not(:has(> [role="presentation"])) [role="option"],
[role="listbox"]:not(:has(> [role="presentation"])) [role="option"] > div {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; min-height: 2.5rem; }
[role="listbox"]:not(:has(> [role="presentation"])) [role="option"] { padding-block: 0.4rem; }
.portal-languages a, .portal-languages strong { display: inline-block; padding: 2px 4px;
  min-height: 24px; min-width: 24px; }
@media (max-width: 767.98px) {
  [data-testid="stSidebar"], [data-testid="stExpandSidebarButton"] { display: none; }
  /* Streamlit's header is 3.75rem tall: below it, or it lies over the folded menu's top. */
  [data-testid="stMainBlockContainer"] { padding-top: 4rem; }
}
"""
#: Installed once per tab, by the first page's run.
#: - A page chosen from the menu opens at its top. The menu changes the page without loading
#:   a new document, and the main area kept its scroll offset from the page before: on a
#:   phone, where the folded menu is scrolled to reach a link, the new page opened that far
#:   down with its heading hidden. A rerun of the same page (a widget changed) keeps its place.
#: - Streamlit's help icons are named "Help for <label>" in English: renamed in the page's
#:   language (``window.portalHelpFor``, set by every run).
#: - A multiselect's "Clear all" (or a chosen value's ×) disappears once pressed, and the
#:   keyboard's focus fell to the page's body: it goes back to the box's own input instead,
#:   so a keyboard or screen reader user stays where they were (WCAG 2.4.3).
PAGE_SCRIPT = (  # not translated: a script, nothing in it is shown
    """
if (!window.portalPageScript) {
  window.portalPageScript = true;
  let page = location.pathname;
  const relabel = () => {
    if (window.portalHelpFor === 'Help for ') return;
    document.querySelectorAll('[aria-label^="Help for "], [aria-label="Help"]').forEach(icon => {
      const label = icon.getAttribute('aria-label');
      icon.setAttribute('aria-label', label === 'Help' ? window.portalHelp
                        : window.portalHelpFor + label.slice('Help for '.length));
    });
  };
  new MutationObserver(() => {
    relabel();
    if (location.pathname === page) return;
    page = location.pathname;
    const main = document.querySelector('[data-testid="stMain"]');
    if (main) main.scrollTop = 0;
    window.scrollTo(0, 0);
  }).observe(document.body, {childList: true, subtree: true});
  document.addEventListener('focusout', event => {
    const box = event.target.closest && event.target.closest('[data-testid="stMultiSelect"]');
    if (!box || event.relatedTarget) return;
    setTimeout(() => {
      const input = box.isConnected && box.querySelector('input');
      if (!event.target.isConnected && input && document.activeElement === document.body) {
        input.focus();
      }
    }, 0);
  }, true);
}
""")
EXPIRED = N_("Your sign-in has expired, so you are browsing as a resident. Sign in again to "
             "continue.")


def render_chrome(actor: Actor) -> None:
    """The header row (county name, account), then the warnings a person must not miss."""
    settings = get_settings()
    expired = sign_in_expired()
    if settings.logo_path is not None and settings.logo_path.is_file():
        st.logo(str(settings.logo_path))
    # The page's language for screen readers, spelling and hyphenation (WCAG 3.1.1): the
    # document's own attribute, which only a script in the page can change.
    # Streamlit names each help icon "Help for <label>" in English whatever the page's
    # language; the script below renames them with the portal's words (WCAG 3.1.2).
    help_for = json.dumps(_("Help for {label}").split("{label}")[0])
    help_alone = json.dumps(_("Help"))
    st.html(f"<style>{SITE_STYLE}</style>"
            f"<script>document.documentElement.lang = {language()!r};"
            f"window.portalHelpFor = {help_for}; window.portalHelp = {help_alone};"
            f"{PAGE_SCRIPT}</script>",
            unsafe_allow_javascript=True)
    name, account = st.columns([3, 2], vertical_alignment="top")
    with name, st.container(key="site_header"):
        st.markdown(_("**{county}** · Data Transparency Portal").format(
            county=inert(settings.county_name)))
        language_choice()
    with account:
        account_menu(actor, expired=expired)
    if settings.demo_signin:
        st.warning(_(DEMO_BANNER), icon=":material/warning:")
    if actor.authenticated and not actor.roles:
        st.info(_(NO_ROLE), icon=":material/person:")
    if expired:
        st.warning(_(EXPIRED), icon=":material/schedule:")


def language_choice() -> None:
    """The other languages, each named in itself and marked as such (WCAG 3.1.2), as a
    link to this page in it: the address carries the choice, so it can be shared."""
    from html import escape
    from urllib.parse import urlencode

    here = language()
    query = {key: st.query_params.get(key) for key in st.query_params}
    items = []
    for code, name in LANGUAGES.items():
        if code == here:
            items.append(f'<strong lang="{code}" aria-current="true">{escape(name)}</strong>')
        else:
            href = "?" + urlencode({**query, QUERY_KEY: code})
            items.append(f'<a href="{escape(href, quote=True)}" lang="{code}" hreflang="{code}">'
                         f"{escape(name)}</a>")
    label = escape(_("Language"))
    st.html(f'<nav class="portal-languages" aria-label="{label}">{" · ".join(items)}</nav>')


def account_menu(actor: Actor, *, expired: bool = False) -> None:
    """Who is signed in, with which roles, and the way out (or in)."""
    container = st.container(key="account")
    with container:
        if actor.is_signed_in:
            name = inert(actor.display_name or actor.subject)
            roles = (", ".join(_(ROLE_LABELS[r]) for r in sorted(actor.roles))
                     or _(ROLE_LABELS[Role.RESIDENT]))
            who = _("Signed in as **{name}**").format(name=name)
            if actor.subject != actor.display_name and not actor.is_demo:
                who += f" ({inert(actor.subject)})"
            # Full-strength text, not a caption: Markdown makes an e-mail address a link
            # even escaped, and a link in a caption's faded text fails contrast (axe).
            st.markdown(_("{who} · Roles: {roles}").format(who=who, roles=roles))
            if actor.is_demo:
                from portal.ui.links import same_tab_links
                from portal.web.demo import SIGN_OUT

                same_tab_links([(f"{SIGN_OUT}?next=/", _("Sign out of the demo role"))], inline=True)
            elif st.button(_("Sign out"), key="sign_out", icon=":material/logout:"):
                st.logout()
        else:
            st.caption(_("You are browsing as a resident. No account is needed to read or to "
                         "comment."))
            if expired and st.button(_("Sign out"), key="sign_out_expired",
                                     icon=":material/logout:"):
                st.logout()
            sign_in_buttons("sign_in")


def render_footer(actor: Actor) -> None:
    """Below every page: what the portal stores, how to reach the county, the open data."""
    from portal.ui.links import link_to

    settings = get_settings()
    footer = st.container(key="site_footer")
    with footer:
        st.divider()
        about, data, contact = st.columns(3)
        with about:
            link_to("privacy", actor)
            link_to("accessibility", actor)
        with data:
            from portal.web.addresses import CALENDAR_ICS, CHECKPOINTS_JSON, DATA_JSON, NOTICES_ATOM

            # Stable addresses to subscribe to or harvest (docs/api.md), not downloads.
            # Links in full-strength text: a caption's faded links fail contrast (axe).
            st.markdown(_(
                "Open data: [dataset catalog (data.json)]({catalog}) · "
                "[notices feed (Atom)]({feed}) · "
                "[comment deadlines and meetings (calendar)]({calendar}) · "
                "[signed audit checkpoints (JSON)]({checkpoints})"
            ).format(catalog=DATA_JSON, feed=feed_address(NOTICES_ATOM),
                     calendar=feed_address(CALENDAR_ICS), checkpoints=CHECKPOINTS_JSON))
        with contact:
            st.markdown(_("{county} privacy office: {address}").format(
                county=inert(settings.county_name), address=mail_link(settings.contact_email)))
            st.caption(_("This portal sets no tracking cookies and loads nothing from other "
                         "sites."))
