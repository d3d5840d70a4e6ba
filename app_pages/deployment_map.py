"""Every place a surveillance technology is deployed, across the county."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from portal.geography.service import list_districts
from portal.maps import add_areas, add_points, base_map
from portal.notices.service import list_deployments
from portal.notices.vocab import STATUSES
from portal.ui.context import current_actor, db

actor = current_actor()
st.title("Map of deployments")
st.write(
    "Where each published surveillance technology is deployed now, according to the current "
    "version of its notice. Equipment carried by staff, and software, has no fixed place and "
    "is not shown. District boundaries and names are drawn for reference; the key in the "
    "map's corner says what each mark means, and the list below the map holds the same places."
)

with db() as session:
    deployments = list_deployments(session=session, actor=actor)
    districts = list_districts(session=session, actor=actor)

names = sorted({d.name for d in deployments}, key=str.lower)
col1, col2 = st.columns(2)
chosen = col1.multiselect("Technology", names)
statuses = col2.multiselect("Status", [s for s in STATUSES if any(d.status == s for d in deployments)],
                            format_func=STATUSES.get)
shown = [d for d in deployments
         if (not chosen or d.name in chosen) and (not statuses or d.status in statuses)]
st.write(f"{len(shown):,} of {len(deployments):,} locations")

points = [(d.latitude, d.longitude, f"{d.name}: {d.label}") for d in shown
          if d.geometry is None and d.latitude is not None]
areas = [(f"{d.name}: {d.label}", d.geometry) for d in shown if d.geometry]
fmap = base_map(districts)
add_areas(fmap, areas)
add_points(fmap, points)
st_folium(fmap, height=560, use_container_width=True, returned_objects=[], key="deployments")

district_names = {d.id: d.name for d in districts}
st.subheader("The same locations as a list")
if shown:
    st.dataframe(
        pd.DataFrame([{
            "Technology": d.name,
            "Status": STATUSES.get(d.status, d.status),
            "Location": d.label,
            "District": district_names.get(d.district_id, ""),
            "Kind": "Area" if d.geometry else "Point",
            "Latitude": d.latitude,
            "Longitude": d.longitude,
        } for d in shown]),
        hide_index=True, width="stretch",
    )
else:
    st.write("No location matches these filters.")
