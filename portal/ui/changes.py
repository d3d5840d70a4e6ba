"""What changed between two versions of a record, shown whole: a notice's versions and a
practice's history both use it.

Each changed field gets the changed passages in words ("Replaced “thirty days.” with
“ninety days.”"), then the whole of each version's text, wrapped, so a change at the end
of a long text is as visible as one at its start. Everything a person wrote stays inert:
Markdown only through ``inert``, the full texts through ``st.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Protocol

import streamlit as st

from portal.audit.history import VersionEntry
from portal.i18n import _
from portal.timefmt import format_datetime
from portal.ui.text import inert, strip_invisible

if TYPE_CHECKING:
    from streamlit.delta_generator import DeltaGenerator

#: Beyond this many changed passages a field reads as rewritten: the texts say it better.
MAX_PASSAGES = 12
#: Words of unchanged text before a passage, to find it in a long text.
CONTEXT_WORDS = 5


class FieldChange(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def before(self) -> str: ...
    @property
    def after(self) -> str: ...


def _quoted(words: Sequence[str]) -> str:
    return f"“{' '.join(words)}”"


def word_changes(before: str, after: str) -> list[str]:
    """The passages that differ, word by word, each as a sentence; [] if only spacing changed."""
    old, new = strip_invisible(before).split(), strip_invisible(after).split()
    sentences = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            what = _("added {words}").format(words=_quoted(new[j1:j2]))
        elif tag == "delete":
            what = _("removed {words}").format(words=_quoted(old[i1:i2]))
        else:
            what = _("replaced {old} with {new}").format(old=_quoted(old[i1:i2]),
                                                         new=_quoted(new[j1:j2]))
        if i1 > 0:
            lead = " ".join(old[max(0, i1 - CONTEXT_WORDS):i1])
            where = _("After “{words}”: ").format(words=("…" if i1 > CONTEXT_WORDS else "") + lead)
        elif old:
            where = _("At the start: ")
        else:
            where = ""
        sentences.append(where + what if where else what[0].upper() + what[1:])
    return sentences


def _whole(column: DeltaGenerator, name: str, text: str) -> None:
    column.caption(name)
    column.text(strip_invisible(text) or _("(empty)"), width="stretch")


def show_changes(changes: Sequence[FieldChange], before_name: str, after_name: str) -> None:
    """Each changed field: its changed passages in words, then both versions in full."""
    for change in changes:
        with st.container(border=True):
            st.markdown(f"**{inert(_(change.label))}**")  # the field names are marked N_()
            passages = word_changes(change.before, change.after)
            if not passages:
                st.write(_("Only spacing or line breaks changed."))
            elif len(passages) > MAX_PASSAGES:
                st.write(_("Changed in {n} places: both versions are shown in full.").format(n=len(passages)))
            else:
                for passage in passages:
                    st.markdown(inert(passage))
            left, right = st.columns(2)
            _whole(left, before_name, change.before)
            _whole(right, after_name, change.after)


def version_history(entries: Sequence[VersionEntry], none_yet: str) -> None:
    """A record's versions, newest first, each with who saved it, why, and what changed."""
    if not entries:
        st.write(none_yet)
    for entry in entries:
        with st.expander(_("Version {version} · {when} · {who}").format(
                version=entry.version, when=format_datetime(entry.changed_at), who=entry.changed_by),
                expanded=entry is entries[0] and bool(entry.changes)):
            st.text(entry.summary or "—")
            if entry.changes:
                show_changes(entry.changes, _("Before"), _("After"))
            elif entry.version > 1:
                st.write(_("No field changed."))
            else:
                st.write(_("First recorded version."))
