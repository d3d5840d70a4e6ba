"""Every place a surveillance technology is deployed, across the county."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from portal.geography.service import list_districts
from portal.i18n import _, number
from portal.maps import add_areas, add_points, base_map
from portal.notices.service import list_deployments
from portal.notices.vocab import STATUSES
from portal.ui.context import current_actor, db

actor = current_actor()
st.title(_("Map of deployments"))
st.write(_(
    "Where each published surveillance technology is deployed now, according to the current "
    "version of its notice. Equipment carried by staff, and software, has no fixed place and "
    "is not shown. District boundaries and names are drawn for reference; the key in the "
    "map's corner says what each mark means, and the list below the map holds the same places."
))

with db() as session:
    deployments = list_deployments(session=session, actor=actor)
    districts = list_districts(session=session, actor=actor)

names = sorted({d.name for d in deployments}, key=str.lower)
col1, col2 = st.columns(2)
# Streamlit's own "Choose options" would stay in English.
chosen = col1.multiselect(_("Technology"), names, placeholder=_("Choose options"))
statuses = col2.multiselect(_("Status"), [s for s in STATUSES if any(d.status == s for d in deployments)],
                            format_func=lambda s: _(STATUSES[s]), placeholder=_("Choose options"))
shown = [d for d in deployments
         if (not chosen or d.name in chosen) and (not statuses or d.status in statuses)]
st.write(_("{shown} of {total} locations").format(shown=number(len(shown)),
                                                  total=number(len(deployments))))

points = [(d.latitude, d.longitude, f"{d.name}: {d.label}") for d in shown
          if d.geometry is None and d.latitude is not None]
areas = [(f"{d.name}: {d.label}", d.geometry) for d in shown if d.geometry]
fmap = base_map(districts)
add_areas(fmap, areas)
add_points(fmap, points)
st_folium(fmap, height=560, use_container_width=True, returned_objects=[], key="deployments")

district_names = {d.id: d.name for d in districts}
st.caption(_("The same locations as a list:"))
if shown:
    # Each label translated once, not once for each of 3,000 rows (issue 18: 2.4 s of 4.2).
    status_names = {s: _(label) for s, label in STATUSES.items()}
    area, point = _("Area"), _("Point")
    columns = [_("Technology"), _("Status"), _("Location"), _("District"), _("Kind"),
               _("Latitude"), _("Longitude")]
    st.dataframe(
        pd.DataFrame([(d.name, status_names.get(d.status, d.status), d.label,
                       district_names.get(d.district_id, ""), area if d.geometry else point,
                       d.latitude, d.longitude) for d in shown], columns=columns),
        hide_index=True, width="stretch",
    )
else:
    st.write(_("No location matches these filters."))
