"""Everything residents published about one agenda item, for a commissioner to read in full."""

import streamlit as st

from portal.auth.roles import SYSTEM
from portal.engagement.vocab import POSITIONS
from portal.i18n import N_, _, number
from portal.oversight.reading import item_input, item_input_version, mark_read, read_marks
from portal.oversight.service import agenda, list_meetings
from portal.settings import get_settings
from portal.timefmt import format_date, format_datetime
from portal.ui.context import current_actor, db
from portal.ui.links import link_to
from portal.ui.messages import reported
from portal.ui.text import inert

PAGE = 50
#: What the district filter calls input that gave none (a value among the districts' names).
NO_DISTRICT = N_("No district given")
UNSTATED = "unstated"  # the position filter's value for input that stated none
actor = current_actor()
st.title(_("Input behind an agenda item"))
st.write(_("Every comment and free-text survey answer that moderators published about the item "
           "in its input period, in full, with its id: the same input, counted the same way, as "
           "the packet."))


@st.cache_data(show_spinner=_("Reading and grouping the input…"), max_entries=8)
def _input(url: str, agenda_item_id: int, version: tuple[str, ...]):  # type: ignore[no-untyped-def]
    with db() as session:
        return item_input(session=session, actor=SYSTEM, agenda_item_id=agenda_item_id)


with db() as session:
    meetings = list_meetings(session=session, actor=actor)
if not meetings:
    st.info(_("No meeting has been scheduled yet."))
    st.stop()
labels = {m.id: f"{m.title} ({format_date(m.scheduled_at)})" for m in meetings}
wanted = st.query_params.get("meeting")
meeting_id = st.selectbox(_("Meeting"), list(labels), format_func=labels.get,
                          index=list(labels).index(int(wanted)) if wanted and wanted.isdigit()
                          and int(wanted) in labels else 0)
with db() as session:
    entries = [e for e in agenda(session=session, actor=actor, meeting_id=meeting_id) if e.record]
if not entries:
    st.info(_("No item of this meeting is about a published record, so there is no input to "
              "read."))
    st.stop()
items = {e.item.id: f"{e.item.position}. {e.item.title}" for e in entries}
asked = st.query_params.get("item")
item_id = st.selectbox(_("Agenda item"), list(items), format_func=items.get,
                       index=list(items).index(int(asked)) if asked and asked.isdigit()
                       and int(asked) in items else 0)
st.query_params.update({"meeting": str(meeting_id), "item": str(item_id)})

data = None
with reported(), db() as session:
    version = item_input_version(session=session, actor=actor, agenda_item_id=item_id)
    data = _input(get_settings().database_url, item_id, version)
    read = read_marks(session=session, actor=actor, comment_ids=[e.id for e in data.entries])
if data is None:
    st.stop()

since = format_date(data.start) if data.start else _("the first comment")
st.caption(_("About: {about} · input from {since} up to {until}").format(
    about=inert(data.record_title), since=since, until=format_datetime(data.end)))
link_to("meeting", actor, _("The meeting and its packet"), query_params={"id": str(meeting_id)})
cols = st.columns(4)
cols[0].metric(_("Published input"), number(data.count))
cols[1].metric(_("Comments"), number(data.comments))
cols[2].metric(_("Survey answers"), number(data.survey_answers))
cols[3].metric(_("Read by you"), number(len(read)))

def _all_or(value: str | None) -> str:
    """A filter's choice: None is every value."""
    return _("All") if value is None else _(value) if value == NO_DISTRICT else value


with st.expander(_("Filter"), expanded=True):
    left, right = st.columns(2)
    positions = left.multiselect(_("Position"), [*POSITIONS, UNSTATED],
                                 format_func=lambda p: _(POSITIONS[p]) if p in POSITIONS
                                 else _("Not stated"))
    districts = sorted({e.district or NO_DISTRICT for e in data.entries})
    district = right.selectbox(_("District"), [None, *districts], format_func=_all_or)
    languages = sorted({e.language for e in data.entries})
    language = left.selectbox(_("Language"), [None, *languages], format_func=_all_or)
    theme = right.selectbox(_("Theme"), [None, *data.themes], format_func=_all_or)
    campaign_labels = {0: _("All"), -1: _("Not part of a campaign"),
                       **{c: _("Campaign {campaign} ({n} copies)").format(campaign=c, n=number(n))
                          for c, n in data.campaigns.items()}}
    campaign = left.selectbox(_("Campaign"), list(campaign_labels), format_func=campaign_labels.get)
    unread_only = right.checkbox(_("Only what I have not read"))

shown = [
    e for e in data.entries
    if (not positions or (e.position or UNSTATED) in positions)
    and (district is None or (e.district or NO_DISTRICT) == district)
    and (language is None or e.language == language)
    and (theme is None or e.theme == theme)
    and (campaign == 0 or (campaign == -1 and e.campaign is None) or e.campaign == campaign)
    and (not unread_only or e.id not in read)
]
st.write(_("Showing {shown} of {matching} matching ({total} in all).").format(
    shown=number(min(len(shown), st.session_state.get("input_limit", PAGE))),
    matching=number(len(shown)), total=number(data.count)))


def _mark(comment_ids: list[int], value: bool) -> None:
    with reported(), db() as session:
        mark_read(session=session, actor=actor, comment_ids=comment_ids, read=value)


def _toggle(comment_id: int) -> None:
    _mark([comment_id], bool(st.session_state[f"read-{comment_id}"]))


limit = st.session_state.setdefault("input_limit", PAGE)
for entry in shown[:limit]:
    with st.container(border=True):
        facts = [f"#{entry.id}", _("survey answer") if entry.source == "survey" else _("comment"),
                 _(POSITIONS[entry.position]) if entry.position in POSITIONS
                 else _("position not stated"),
                 entry.district or _("no district given"), entry.language]
        if entry.theme:
            facts.append(_("theme: {theme}").format(theme=entry.theme))
        if entry.campaign:
            facts.append(_("campaign {campaign}").format(campaign=entry.campaign))
        st.caption(inert(" · ".join(facts)))
        st.text(entry.text)
        st.checkbox(_("Read"), value=entry.id in read, key=f"read-{entry.id}",
                    on_change=_toggle, args=(entry.id,))
if len(shown) > limit and st.button(_("Show {n} more").format(n=number(min(PAGE, len(shown) - limit)))):
    st.session_state["input_limit"] = limit + PAGE
    st.rerun()
unread = [e.id for e in shown[:limit] if e.id not in read]
if unread and st.button(_("Mark the {n} shown as read").format(n=number(len(unread)))):
    _mark(unread, True)
    st.rerun()
