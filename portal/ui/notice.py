"""Parts of a notice's page that need more than a few lines: the map and the comparison."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from portal.auth.roles import Actor
from portal.i18n import _, ngettext, number
from portal.maps import add_areas, add_points, base_map
from portal.notices.service import NoticePage, diff_versions
from portal.ui.changes import show_changes
from portal.ui.context import db
from portal.ui.text import inert

if TYPE_CHECKING:
    from portal.geography.models import District


def deployments(page: NoticePage, districts: list[District]) -> None:
    """Where the version says the technology is: a map, and the same locations as a table."""
    st.subheader(_("Where it is deployed"))
    if page.locations:
        points = [(loc.latitude, loc.longitude, loc.label) for loc in page.locations
                  if loc.geometry is None and loc.latitude is not None]
        areas = [(loc.label, loc.geometry) for loc in page.locations if loc.geometry]
        district_names = {d.id: d.name for d in districts}
        st.write(_in_words([district_names.get(loc.district_id) for loc in page.locations]))
        fmap = base_map(districts, points=[(p[0], p[1]) for p in points])
        add_areas(fmap, areas)
        add_points(fmap, points)
        st_folium(fmap, height=420, use_container_width=True, returned_objects=[],
                  key=f"map-{page.technology.id}-{page.version.version}")
        st.write(_("The same locations as a list:"))
        st.dataframe(
            pd.DataFrame([{
                _("Location"): loc.label,
                _("District"): district_names.get(loc.district_id, ""),
                _("Kind"): _("Area") if loc.geometry else _("Point"),
                _("Latitude"): loc.latitude,
                _("Longitude"): loc.longitude,
            } for loc in page.locations]),
            hide_index=True, width="stretch",
        )
    else:
        st.write(_("This version lists no fixed locations (for example, equipment carried by "
                   "staff or software without a place)."))


def _in_words(districts: list[str | None]) -> str:
    """The map in one sentence: how many places, and how many in each district (Markdown)."""
    counts = Counter(districts)
    parts = [_("{n} in {district}").format(n=number(n), district=inert(name))
             for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0] or ""))
             if name]
    if counts.get(None):
        parts.append(_("{n} outside the districts").format(n=number(counts[None])))
    return ngettext("{n} place is listed: {where}.", "{n} places are listed: {where}.",
                    len(districts)).format(n=number(len(districts)), where="; ".join(parts))


def version_changes(actor: Actor, page: NoticePage, numbers: list[int], version: int) -> None:
    """Two versions field by field, each changed text in full, so residents see what the county changed."""
    st.subheader(_("What changed"))
    if len(numbers) < 2:
        st.write(_("This notice has one published version."))
    else:
        col1, col2 = st.columns(2)
        old = col1.selectbox(_("Compare version"), numbers[1:] if version == numbers[0] else numbers,
                             format_func=lambda n: _("Version {n}").format(n=n))
        new = col2.selectbox(_("With version"), numbers, index=numbers.index(version),
                             format_func=lambda n: _("Version {n}").format(n=n))
        if page.version.change_summary:
            st.markdown(_("**In the county's words:** {summary}").format(
                summary=inert(page.version.change_summary)))
        with db() as session:
            changes = diff_versions(session=session, actor=actor, technology_id=page.technology.id,
                                    old=min(old, new), new=max(old, new))
        if old == new:
            st.write(_("Choose two different versions to compare."))
        elif not changes:
            st.write(_("These versions say the same thing."))
        else:
            st.write(ngettext("{n} part differs between version {old} and version {new}:",
                              "{n} parts differ between version {old} and version {new}:",
                              len(changes)).format(n=number(len(changes)), old=min(old, new),
                                                   new=max(old, new)))
            show_changes(changes, _("Version {n}").format(n=min(old, new)),
                         _("Version {n}").format(n=max(old, new)))
