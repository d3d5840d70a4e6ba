"""Indicators by district, group and period: the catalog, and one indicator's charts and tables."""

import streamlit as st
from streamlit_folium import st_folium

from portal.disclosure import SUPPRESSION_NOTE
from portal.geography.service import list_districts
from portal.i18n import _, number
from portal.indicators.service import list_indicators
from portal.indicators.vocab import ALL, UNITS, dimension_label
from portal.ui import indicators as view
from portal.ui.comments import comment_section
from portal.ui.context import current_actor, db
from portal.ui.surveys import linked_surveys
from portal.ui.links import link_to
from portal.ui.messages import reported
from portal.ui.text import inert
from portal.ui.translated import localized, localized_records

actor = current_actor()
slug = st.query_params.get("indicator")


def choose(label: str, options: list[str], param: str, fmt=str) -> str:  # type: ignore[no-untyped-def]
    """A choice kept in the address, so a view can be shared by its link."""
    current = st.query_params.get(param)
    index = options.index(current) if current in options else 0
    value = st.selectbox(label, options, index=index, format_func=fmt, key=f"choose_{param}")
    st.query_params[param] = value
    return value


if not slug:
    st.title(_("Data by district and group"))
    st.write(_("Figures the county publishes about its services and their reach, broken down by "
               "commission district and by group, over time. Choose one to see its charts, map "
               "and tables."))
    with reported(), db() as session:
        catalog = list_indicators(session=session, actor=actor)
        if not catalog:
            st.info(_("No indicator is published yet."))
        words = localized_records("indicator", {i.id: {"name": i.name, "description": i.description}
                                                for i in catalog}, actor)
        for item in catalog:
            with st.container(border=True):
                link_to("indicators", actor, inert(words[item.id]["name"]),
                        query_params={"indicator": item.slug}, icon=":material/bar_chart:")
                st.write(inert(words[item.id]["description"]))
                unit = (_(UNITS[item.unit]) if item.unit != "rate" else
                        _("Rate per {n} people").format(n=number(item.rate_per)))
                facts = [_("Unit: {unit}").format(unit=unit),
                         _("Latest period: {period}").format(period=item.latest_period or _("none yet"))]
                if item.department:
                    facts.append(_("Source department: {department}").format(
                        department=inert(item.department)))
                if item.update_frequency:
                    facts.append(_("Updated: {how_often}").format(how_often=inert(item.update_frequency)))
                if len(item.dimensions) > 1:
                    facts.append(_("By {dimensions}").format(dimensions=", ".join(
                        dimension_label(d).lower() for d in item.dimensions if d != ALL)))
                if not item.is_published:
                    facts.append(_("**Draft: not shown to the public**"))
                st.caption(" · ".join(facts))
    st.stop()

with reported():
    data = view.load(slug, actor)
    indicator = data.indicator
    link_to("indicators", actor, _("All indicators"), icon=":material/arrow_back:")
    words = localized("indicator", indicator.id, {"name": indicator.name, "description":
                                                  indicator.description,
                                                  "caveats": indicator.caveats}, actor)
    st.title(inert(words["name"]))
    st.write(inert(words["description"]))
    if words.in_english:
        st.caption(_("Parts of this indicator have no Spanish version yet and are shown in "
                     "English."))
    st.caption(_("Source: {source}").format(source=inert(indicator.source))
               + (" · " + _("Updated: {how_often}").format(how_often=inert(indicator.update_frequency))
                  if indicator.update_frequency else ""))
    if indicator.caveats:
        st.info(_("Caveats: {caveats}").format(caveats=inert(words["caveats"])))
    if not data.periods:
        st.info(_("No figures have been published for this indicator yet."))
        st.stop()

    left, middle, right = st.columns(3)
    with left:
        period = choose(_("Period"), list(reversed(data.periods)), "period")
    with middle:
        dimension = choose(_("Group by"), list(data.dimensions), "dimension", dimension_label)
    groups = [ALL, *data.dimensions.get(dimension, ())] if dimension != ALL else [ALL]
    with right:
        group = choose(_("Group on the map"), groups, "group", view.everyone_or)
    district = choose(_("District for the chart over time"), [ALL, *data.districts], "district",
                      lambda c: view.district_name(data, c))
    st.caption(_(SUPPRESSION_NOTE).format(k=data.k))
    who = _("everyone") if group == ALL else group
    key_dimension = ALL if group == ALL else dimension

    st.header(_("By district"), anchor=False)
    st.write(view.district_summary(data, period, key_dimension, group))
    with db() as session:
        districts = list_districts(session=session, actor=actor)
    fmap = view.choropleth(data, districts, period, key_dimension, group)
    if fmap is None:
        st.info(_("No district boundaries are loaded, so there is no map; the chart and table "
                  "below show every district."))
    else:
        st_folium(fmap, height=460, use_container_width=True, returned_objects=[],
                  key="indicator_map")
    st.plotly_chart(view.district_bars(data, period, key_dimension, group,
                                       f"{indicator.name}, {who}, {period}"), width="stretch")
    st.caption(_("The same figures as a table"))
    st.dataframe(view.district_frame(data, period, key_dimension, group), hide_index=True,
                 width="stretch")

    st.header(_("Over time"), anchor=False)
    st.write(view.series_summary(data, district, dimension))
    st.plotly_chart(view.series_chart(data, district, dimension,
                                      _("{district}, by {dimension}").format(
                                          district=view.district_name(data, district),
                                          dimension=dimension_label(dimension).lower())),
                    width="stretch")
    st.caption(_("Gaps in a line are suppressed figures or periods with no data. The same "
                 "figures as a table:"))
    st.dataframe(view.series_frame(data, district, dimension), hide_index=True, width="stretch")

    linked_surveys("indicator", indicator.id, actor)
    st.header(_("Comments"), anchor=False)
    comment_section("indicator", indicator.id)
