"""One surveillance technology's notice: its content, map, versions and comment period."""

import pandas as pd
import streamlit as st

from portal.base import utcnow
from portal.geography.service import list_districts
from portal.i18n import _, month_day_year
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
from portal.ui.translated import english_only_note, localized, localized_records

actor = current_actor()
st.title(_("Surveillance technology notice"))

with db() as session:
    technologies = list_technologies(session=session, actor=actor)
    districts = list_districts(session=session, actor=actor)
named = localized_records("notice", {t.id: {"name": t.name} for t in technologies}, actor)
names = {t.slug: named[t.id]["name"]
         for t in sorted(technologies, key=lambda t: named[t.id]["name"].lower())}
if not names:
    st.info(_("No notice has been published yet."))
    st.stop()

wanted = st.query_params.get("technology")
slug = st.selectbox(_("Technology"), list(names), format_func=names.get,
                    index=list(names).index(wanted) if wanted in names else 0)
if slug != wanted:
    st.query_params["technology"] = slug
    st.query_params.pop("version", None)


def show(text: str) -> None:
    for paragraph in present.paragraphs(text) or [_("Not stated in this version.")]:
        st.markdown(inert(paragraph))


page = None
with reported(), db() as session:
    first = get_notice(session=session, actor=actor, slug=slug)
    numbers = [v.version for v in first.versions][::-1]
    asked = st.query_params.get("version")
    chosen = int(asked) if asked and asked.isdigit() and int(asked) in numbers else numbers[0]
    version = st.selectbox(
        _("Version"), numbers, index=numbers.index(chosen),
        format_func=lambda n: (_("Version {n} (current)") if n == numbers[0]
                               else _("Version {n}")).format(n=n),
    )
    st.query_params["version"] = str(version)
    page = get_notice(session=session, actor=actor, slug=slug, version=version)
if page is None:
    st.stop()

tech, notice, now = page.technology, page.version, utcnow()
# What staff wrote, in Spanish where they have given it (the English where not, said so).
content = localized("notice", tech.id, {"name": tech.name, **{
    name: getattr(notice, name) or "" for name in TEXT_FIELDS}}, actor)
st.header(inert(content["name"]))
st.markdown(_(
    "**Status:** {status} · **Department:** {department} · **Category:** {category}"
    " · **Version {version}**, published {published}"
).format(status=_(STATUSES.get(tech.status, tech.status)), department=inert(page.department),
         category=_(CATEGORIES.get(tech.category, tech.category)), version=notice.version,
         published=format_date(notice.published_at)))
if notice.version != page.versions[-1].version:
    st.warning(_("You are reading an earlier version of this notice. The current version is "
                 "version {version}.").format(version=page.versions[-1].version))
sentence = present.period_sentence(page.comment_state, tech.comment_opens_at,
                                   tech.comment_closes_at, now)
(st.success if page.comment_state == "open" else st.info)(sentence)

for heading, fields in present.SECTIONS[:2]:
    st.subheader(_(heading))
    for name in fields:
        st.markdown(f"**{_(TEXT_FIELDS[name])}**")
        show(content[name])
        english_only_note(content, name)

deployments(page, districts)

for heading, fields in present.SECTIONS[2:]:
    st.subheader(_(heading))
    for name in fields:
        st.markdown(f"**{_(TEXT_FIELDS[name])}**")
        show(content[name])
        english_only_note(content, name)

st.subheader(_("Cost and vendor"))
st.markdown(_(
    "- **Acquisition cost:** {acquisition}\n"
    "- **Ongoing yearly cost:** {ongoing}\n"
    "- **Funding source:** {funding}\n"
    "- **Vendor:** {vendor}"
).format(acquisition=present.money(notice.fiscal_acquisition_cost),
         ongoing=present.money(notice.fiscal_ongoing_cost),
         funding=inert(content["funding_source"]) or _("Not stated"),
         vendor=inert(notice.vendor) or _("Not stated")))

st.subheader(_("Use policy"))
with st.expander(_("Read the rules for using this technology")):
    show(content["use_policy"])
    english_only_note(content, "use_policy")

st.subheader(_("Approval"))
if notice.approving_authority or notice.approved_on:
    authority = inert(notice.approving_authority) or _("an authority not stated")
    st.markdown(_("Approved by {authority} on {date}.").format(
        authority=authority, date=month_day_year(notice.approved_on)) if notice.approved_on
        else _("Approved by {authority}.").format(authority=authority))
else:
    st.write(_("Not approved yet."))

st.subheader(_("Annual report"))
if notice.annual_report:
    st.dataframe(
        pd.DataFrame([{_("Figure"): str(k).replace("_", " ").capitalize(), _("Value"): str(v)}
                      for k, v in notice.annual_report.items()]),
        hide_index=True, width="stretch",
    )
else:
    st.write(_("No annual report has been published with this version."))

version_changes(actor, page, numbers, version)

linked_surveys("notice", tech.id, actor)
st.header(_("Comments"))
if not page.accepting_comments:
    st.write(_("Comments can be sent while the public comment period is open."))
comment_section("notice", tech.id, accepting=page.accepting_comments)
