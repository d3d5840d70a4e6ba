"""The audit log's signed checkpoints: what anyone can keep to check the log later."""

import json
from datetime import datetime

import pandas as pd
import streamlit as st

from portal.audit.queries import published_checkpoints
from portal.timefmt import county_zone, format_datetime
from portal.ui.context import current_actor, db

actor = current_actor()
st.title("Audit checkpoints")
st.write(
    "Every decision the county makes about residents' comments and published records is "
    "written to a hash-chained audit log. At least once a day, and whenever a commission "
    "packet is published, the portal signs the log's newest event with a key kept outside "
    "the database. Keep any checkpoint: `portal audit verify --checkpoint FILE` then shows "
    "whether any event up to it was deleted, rewritten or reordered since."
)
with db() as session:
    published = published_checkpoints(session=session, actor=actor)

st.subheader("Signing keys", anchor=False)
st.caption("The public halves of the keys that sign checkpoints, newest first (Ed25519, base64). "
           "A checkpoint signed by any other key was not made by this portal.")
st.dataframe(pd.DataFrame([{"Key id": k, "Public key": v} for k, v in published.public_keys.items()]),
             hide_index=True, width="stretch")

st.subheader("Checkpoints", anchor=False)
if not published.documents:
    st.info("No checkpoint has been signed yet.")
else:
    st.download_button(
        "All checkpoints (JSON)", json.dumps(published.documents[::-1], indent=2),
        file_name="audit-checkpoints.json", mime="application/json", on_click="ignore",
        icon=":material/download:")
    why = {"daily": "Daily", "packet": "Packet published", "manual": "Signed on request"}
    zone = county_zone()
    # The JSON keeps the signed UTC instant; people read it on the county's clock.
    st.dataframe(pd.DataFrame([
        {"Signed": format_datetime(datetime.fromisoformat(d["signed_at"]), zone),
         "Why": why.get(r, r), "Events": d["events"],
         "Last event": d["event_id"], "Its hash": d["event_hash"], "Key id": d["key_id"]}
        for d, r in zip(published.documents, published.reasons, strict=True)]),
        hide_index=True, width="stretch")
