"""What Works Cities evidence: what the portal's live records show for each certification criterion."""

import streamlit as st

from portal.base import utcnow
from portal.i18n import _
from portal.oversight.evidence import MET, PARTIAL, evidence_pdf, wwc_evidence
from portal.settings import get_settings
from portal.timefmt import format_date
from portal.ui import cached
from portal.ui.context import current_actor, db
from portal.ui.links import link_to
from portal.ui.messages import reported
from portal.ui.text import inert

#: Status badges: the word carries the meaning; icon and colour only repeat it.
BADGES = {
    MET: (":material/check_circle:", "green"),
    PARTIAL: (":material/incomplete_circle:", "orange"),
}
NOT_YET_BADGE = (":material/radio_button_unchecked:", "gray")

actor = current_actor()
st.title(_("What Works Cities evidence"))
st.write(_(
    "What the portal's live records show today for each What Works Cities certification criterion "
    "it supports, with the rule that decides each status and links to the evidence (What Works "
    "Cities itself decides certification)."
))

criteria, generated_at = None, utcnow()
with reported(), db() as session:
    # The compliance findings from the inventory's cache (the county's today, as now's date).
    criteria = wwc_evidence(session=session, actor=actor, now=generated_at,
                            practices=cached.practices().rows)

if criteria is not None:
    county = get_settings().county_name
    st.download_button(
        _("Download as PDF"), lambda: evidence_pdf(criteria, county=county, generated_at=generated_at),
        file_name=f"wwc-evidence-{generated_at:%Y-%m-%d}.pdf", mime="application/pdf",
        icon=":material/picture_as_pdf:", on_click="ignore",
    )
    for criterion in criteria:
        with st.container(border=True):
            st.subheader(f"{inert(criterion.code)} · {inert(criterion.title)}", anchor=False)
            icon, colour = BADGES.get(criterion.status, NOT_YET_BADGE)
            st.badge(_("Status: {status}").format(status=criterion.status_label), icon=icon, color=colour)
            st.caption(inert(criterion.rule))
            st.markdown("\n".join(f"- {inert(sentence)}" for sentence in criterion.evidence))
            for link in criterion.links:
                link_to(link.page, actor, link.label, query_params=link.query)
            st.caption(_("Latest evidence: {when}").format(
                when=format_date(criterion.latest) if criterion.latest else _("none yet")))
