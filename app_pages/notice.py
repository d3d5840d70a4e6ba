"""One surveillance technology's notice: its content, map, versions and comment period."""

import pandas as pd
import streamlit as st

from portal.base import utcnow
from portal.geography.service import list_districts
from portal.notices import present
from portal.notices.service import get_notice, list_technologies
from portal.notices.vocab import CATEGORIES, STATUSES, TEXT_FIELDS
from portal.timefmt import format_date
from portal.ui.comments import comment_section
from portal.ui.surveys import linked_surveys
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.notice import deployments, version_changes
from portal.ui.text import inert

actor = current_actor()
st.title("Surveillance technology notice")

with db() as session:
    technologies = list_technologies(session=session, actor=actor)
    districts = list_districts(session=session, actor=actor)
names = {t.slug: t.name for t in sorted(technologies, key=lambda t: t.name.lower())}
if not names:
    st.info("No notice has been published yet.")
    st.stop()

wanted = st.query_params.get("technology")
slug = st.selectbox("Technology", list(names), format_func=names.get,
                    index=list(names).index(wanted) if wanted in names else 0)
if slug != wanted:
    st.query_params["technology"] = slug
    st.query_params.pop("version", None)


def show(text: str) -> None:
    for paragraph in present.paragraphs(text) or ["Not stated in this version."]:
        st.markdown(inert(paragraph))


page = None
with reported(), db() as session:
    first = get_notice(session=session, actor=actor, slug=slug)
    numbers = [v.version for v in first.versions][::-1]
    asked = st.query_params.get("version")
    chosen = int(asked) if asked and asked.isdigit() and int(asked) in numbers else numbers[0]
    version = st.selectbox(
        "Version", numbers, index=numbers.index(chosen),
        format_func=lambda n: f"Version {n}" + (" (current)" if n == numbers[0] else ""),
    )
    st.query_params["version"] = str(version)
    page = get_notice(session=session, actor=actor, slug=slug, version=version)
if page is None:
    st.stop()

tech, notice, now = page.technology, page.version, utcnow()
st.header(inert(tech.name))
st.markdown(
    f"**Status:** {STATUSES.get(tech.status, tech.status)} · **Department:** {inert(page.department)}"
    f" · **Category:** {CATEGORIES.get(tech.category, tech.category)}"
    f" · **Version {notice.version}**, published {format_date(notice.published_at)}"
)
if notice.version != page.versions[-1].version:
    st.warning("You are reading an earlier version of this notice. The current version is "
               f"version {page.versions[-1].version}.")
sentence = present.period_sentence(page.comment_state, tech.comment_opens_at,
                                   tech.comment_closes_at, now)
(st.success if page.comment_state == "open" else st.info)(sentence)

for heading, fields in present.SECTIONS[:2]:
    st.subheader(heading)
    for name in fields:
        st.markdown(f"**{TEXT_FIELDS[name]}**")
        show(getattr(notice, name))

deployments(page, districts)

for heading, fields in present.SECTIONS[2:]:
    st.subheader(heading)
    for name in fields:
        st.markdown(f"**{TEXT_FIELDS[name]}**")
        show(getattr(notice, name))

st.subheader("Cost and vendor")
st.markdown(
    f"- **Acquisition cost:** {present.money(notice.fiscal_acquisition_cost)}\n"
    f"- **Ongoing yearly cost:** {present.money(notice.fiscal_ongoing_cost)}\n"
    f"- **Funding source:** {inert(notice.funding_source) or 'Not stated'}\n"
    f"- **Vendor:** {inert(notice.vendor) or 'Not stated'}"
)

st.subheader("Use policy")
with st.expander("Read the rules for using this technology"):
    show(notice.use_policy)

st.subheader("Approval")
if notice.approving_authority or notice.approved_on:
    st.markdown(f"Approved by {inert(notice.approving_authority) or 'an authority not stated'}"
                + (f" on {notice.approved_on:%B} {notice.approved_on.day}, {notice.approved_on.year}."
                   if notice.approved_on else "."))
else:
    st.write("Not approved yet.")

st.subheader("Annual report")
if notice.annual_report:
    st.dataframe(
        pd.DataFrame([{"Figure": str(k).replace("_", " ").capitalize(), "Value": str(v)}
                      for k, v in notice.annual_report.items()]),
        hide_index=True, width="stretch",
    )
else:
    st.write("No annual report has been published with this version.")

version_changes(actor, page, numbers, version)

linked_surveys("notice", tech.id, actor)
st.header("Comments")
if not page.accepting_comments:
    st.write("Comments can be sent while the public comment period is open.")
comment_section("notice", tech.id, accepting=page.accepting_comments)
