"""Parts of a notice's page that need more than a few lines: the map and the comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from portal.auth.roles import Actor
from portal.maps import add_areas, add_points, base_map
from portal.notices.service import NoticePage, diff_versions
from portal.ui.changes import show_changes
from portal.ui.context import db
from portal.ui.text import inert
from portal.wording import plural

if TYPE_CHECKING:
    from portal.geography.models import District


def deployments(page: NoticePage, districts: list[District]) -> None:
    """Where the version says the technology is: a map, and the same locations as a table."""
    st.subheader("Where it is deployed")
    if page.locations:
        points = [(loc.latitude, loc.longitude, loc.label) for loc in page.locations
                  if loc.geometry is None and loc.latitude is not None]
        areas = [(loc.label, loc.geometry) for loc in page.locations if loc.geometry]
        fmap = base_map(districts, points=[(p[0], p[1]) for p in points])
        add_areas(fmap, areas)
        add_points(fmap, points)
        st_folium(fmap, height=420, use_container_width=True, returned_objects=[],
                  key=f"map-{page.technology.id}-{page.version.version}")
        district_names = {d.id: d.name for d in districts}
        st.write("The same locations as a list:")
        st.dataframe(
            pd.DataFrame([{
                "Location": loc.label,
                "District": district_names.get(loc.district_id, ""),
                "Kind": "Area" if loc.geometry else "Point",
                "Latitude": loc.latitude,
                "Longitude": loc.longitude,
            } for loc in page.locations]),
            hide_index=True, width="stretch",
        )
    else:
        st.write("This version lists no fixed locations (for example, equipment carried by staff "
                 "or software without a place).")


def version_changes(actor: Actor, page: NoticePage, numbers: list[int], version: int) -> None:
    """Two versions field by field, each changed text in full, so residents see what the county changed."""
    st.subheader("What changed")
    if len(numbers) < 2:
        st.write("This notice has one published version.")
    else:
        col1, col2 = st.columns(2)
        old = col1.selectbox("Compare version", numbers[1:] if version == numbers[0] else numbers,
                             format_func=lambda n: f"Version {n}")
        new = col2.selectbox("With version", numbers, index=numbers.index(version),
                             format_func=lambda n: f"Version {n}")
        if page.version.change_summary:
            st.markdown(f"**In the county's words:** {inert(page.version.change_summary)}")
        with db() as session:
            changes = diff_versions(session=session, actor=actor, technology_id=page.technology.id,
                                    old=min(old, new), new=max(old, new))
        if old == new:
            st.write("Choose two different versions to compare.")
        elif not changes:
            st.write("These versions say the same thing.")
        else:
            st.write(f"{plural(len(changes), 'part differs', 'parts differ')} between version {min(old, new)} "
                     f"and version {max(old, new)}:")
            show_changes(changes, f"Version {min(old, new)}", f"Version {max(old, new)}")
