"""Running pages in AppTest as a given role (DESIGN.md §6).

Roles reach the page the way real sign-in delivers them: as the ID token's
``roles`` claim in ``st.user``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from streamlit.testing.v1 import AppTest

from portal.auth.roles import Role
from portal.settings import PROJECT_ROOT

TIMEOUT = 30


def user_for(role: Role | None, email: str | None = None) -> dict[str, object]:
    if role is None or role is Role.RESIDENT:
        return {"is_logged_in": False}
    return {
        "is_logged_in": True,
        "email": email or f"{role.value}@alder-county.example",
        "sub": f"sub-{role.value}",
        "name": f"Test {role.value}",
        "roles": [role.value],
    }


def run_script(script: str, role: Role | None = None, *, email: str | None = None,
               query: dict[str, str] | None = None) -> AppTest:
    """Run one script (``streamlit_app.py`` or ``app_pages/x.py``) as ``role``, with ``query``
    in its address, and return it."""
    at = AppTest.from_file(str(PROJECT_ROOT / script), default_timeout=TIMEOUT)
    at.user = user_for(role, email)  # type: ignore[attr-defined]
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    return at


def texts(at: AppTest) -> str:
    """Everything a reader sees in text elements, joined, for 'does it say X' checks."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "success",
                 "info", "warning", "error"):
        parts.extend(str(el.value) for el in getattr(at, kind))
    parts.extend(f"{m.label} {m.value}" for m in at.metric)
    return "\n".join(parts)


def plain(markdown: str) -> str:
    """A message as a reader sees it: the backslashes that keep quoted values inert removed,
    and the invisible word joiners that keep an address from becoming a link."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


# --- Is a person's text shown as text? (issue 14: hostile input through every form) ---------

#: The characters that can start Markdown or Streamlit markup: emphasis, code, links, images,
#: raw HTML and entities, headings, lists, quotes, tables, LaTeX, colour directives and
#: material icons (``:material/name:``, which escaped colons do not stop).
MARKUP_CHARACTERS = frozenset("\\`*_{}[]()<>#+-.!|~$:=&/")
#: What GFM makes a link of in text, escapes or not: a web or an e-mail address.
AUTOLINK = re.compile(r"(?i)https?://|www\.|[\w.+-]@[\w-]+\.")
#: Where Streamlit renders a string as Markdown: element bodies, and the labels, help texts
#: and radio choices of widgets, expanders, tabs, page links and metrics.
_MARKDOWN_FIELDS = ("body", "label", "help")
_PLAIN_TYPES = {"text", "code", "json", "exception"}


@cache
def _hidden() -> re.Pattern[str]:
    """Format and control characters other than whitespace: a page drops them, or the
    browser draws nothing for them."""
    import sys
    import unicodedata

    chars = [chr(c) for c in range(sys.maxunicode + 1)
             if unicodedata.category(chr(c)) in ("Cf", "Cc") and not chr(c).isspace()]
    return re.compile("[" + re.escape("".join(chars)) + "]")


def visible(text: str) -> str:
    """``text`` as a reader compares it: without invisible format or control characters,
    whitespace runs as one space."""
    return " ".join(_hidden().sub("", text).split())


@dataclass
class Markdown:
    """One Markdown string on a page, read as a renderer reads it: ``shown`` is its text
    (:func:`visible`, escapes resolved), ``escaped`` says for each character of it whether a
    backslash escaped it, and ``at`` where it is in ``text``, the text with the invisible
    characters kept (which is where an address becomes a link, or does not)."""

    where: str
    source: str
    shown: str
    escaped: list[bool]
    at: list[int]
    text: str

    @classmethod
    def read(cls, where: str, source: str) -> Markdown:
        hidden = _hidden()
        text: list[str] = []
        shown: list[str] = []
        escaped: list[bool] = []
        at: list[int] = []
        i, n = 0, len(source)
        while i < n:
            ch, flag = source[i], False
            if ch == "\\" and i + 1 < n and source[i + 1] in MARKUP_CHARACTERS:
                ch, flag = source[i + 1], True
                i += 1
            i += 1
            text.append(ch)
            if ch.isspace():
                if shown and shown[-1] != " ":
                    shown.append(" ")
                    escaped.append(False)
                    at.append(len(text) - 1)
            elif not hidden.match(ch):
                shown.append(ch)
                escaped.append(flag)
                at.append(len(text) - 1)
        while shown and shown[-1] == " ":
            shown.pop(), escaped.pop(), at.pop()
        return cls(where, source, "".join(shown), escaped, at, "".join(text))

    def live(self, text: str) -> list[str]:
        """Each showing of ``text`` here that leaves markup live: a character that could
        start it unescaped, or an address that would be made a link."""
        wanted, found = visible(text), []
        start = self.shown.find(wanted) if wanted else -1
        while start >= 0:
            end = start + len(wanted)
            live = {ch for ch, escaped in zip(self.shown[start:end], self.escaped[start:end])
                    if ch in MARKUP_CHARACTERS and not escaped}
            links = AUTOLINK.findall(self.text[self.at[start]:self.at[end - 1] + 1])
            if live or links:
                found.append(f"{self.where}: {''.join(sorted(live))!r} unescaped, links "
                             f"{links} in {self.source[:200]!r}")
            start = self.shown.find(wanted, start + 1)
        return found


@dataclass
class Page:
    """What a run of a page shows, read once: every string rendered as Markdown, every
    string shown as it is (``st.text``, select boxes' choices, table cells, form fields), and
    every string of its charts (which Plotly reads as HTML: ``<b>``, ``<a href>``)."""

    markdown: list[Markdown]
    plain: list[str]
    charts: list[str]

    def live_markup(self, text: str) -> list[str]:
        """Every place the page renders ``text`` with markup left live."""
        found = [problem for md in self.markdown for problem in md.live(text)]
        if set(text) & set("<>&"):  # in a chart, text is safe once escaped as HTML
            found += [f"chart: {s[:200]!r}" for s in self.charts if visible(text) in s]
        return found

    def shows(self, text: str) -> bool:
        """Whether ``text`` is on the page: as escaped Markdown, as plain text (bidi controls
        may be written out by name, for moderators), in a table, a form field or a chart."""
        from html import unescape

        from moderation.textview import reveal_bidi

        wanted, revealed = visible(text), visible(reveal_bidi(text))
        return any(wanted in s or revealed in s
                   for s in [md.shown for md in self.markdown] + self.plain
                   + [visible(unescape(c)) for c in self.charts])


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _nodes(node: object) -> list[object]:
    children = list(getattr(node, "children", {}).values())
    return children + [n for child in children for n in _nodes(child)]


def page_of(at: AppTest) -> Page:
    markdown = []
    for node in _nodes(at._tree):
        proto, kind = getattr(node, "proto", None), getattr(node, "type", "")
        if proto is None or kind in _PLAIN_TYPES:
            continue
        strings = [(f"{kind}.{name}", getattr(proto, name, None)) for name in _MARKDOWN_FIELDS]
        if kind == "radio":  # a radio's choices are Markdown; a select box's are not
            strings += [(f"{kind}.option", str(o)) for o in proto.options]
        for where, value in strings:
            if isinstance(value, str) and value:
                markdown.append(Markdown.read(where, value))
    plain = [str(el.value) for el in at.text]
    for kind in ("selectbox", "multiselect"):
        plain.extend(str(o) for el in getattr(at, kind) for o in el.options)
    for kind in ("text_input", "text_area"):
        plain.extend(str(el.value) for el in getattr(at, kind) if el.value)
    for frame in at.dataframe:
        plain.extend(str(v) for v in frame.value.to_numpy().ravel().tolist())
    charts = [visible(c) for el in at.get("plotly_chart")
              for c in _strings(json.loads(el.proto.spec))]
    return Page(markdown, [visible(s) for s in plain], charts)
