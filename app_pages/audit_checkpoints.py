"""The audit log's signed checkpoints: what anyone can keep to check the log later."""

import json
from datetime import datetime

import pandas as pd
import streamlit as st

from portal.audit.queries import published_checkpoints
from portal.i18n import N_, _
from portal.timefmt import county_zone, format_datetime
from portal.ui.context import current_actor, db

actor = current_actor()
st.title(_("Audit checkpoints"))
st.write(_(
    "Every decision the county makes about residents' comments and published records is "
    "written to a hash-chained audit log. At least once a day, and whenever a commission "
    "packet is published, the portal signs the log's newest event with a key kept outside "
    "the database. Keep any checkpoint: `portal audit verify --checkpoint FILE` then shows "
    "whether any event up to it was deleted, rewritten or reordered since."
))
with db() as session:
    published = published_checkpoints(session=session, actor=actor)

st.subheader(_("Signing keys"), anchor=False)
st.caption(_("The public halves of the keys that sign checkpoints, newest first (Ed25519, "
             "base64). A checkpoint signed by any other key was not made by this portal."))
st.dataframe(pd.DataFrame([{_("Key id"): k, _("Public key"): v}
                           for k, v in published.public_keys.items()]),
             hide_index=True, width="stretch")

st.subheader(_("Checkpoints"), anchor=False)
if not published.documents:
    st.info(_("No checkpoint has been signed yet."))
else:
    st.download_button(
        _("All checkpoints (JSON)"), json.dumps(published.documents[::-1], indent=2),
        file_name="audit-checkpoints.json", mime="application/json", on_click="ignore",
        icon=":material/download:")
    why = {"daily": N_("Daily"), "packet": N_("Packet published"), "manual": N_("Signed on request")}
    zone = county_zone()
    # The JSON keeps the signed UTC instant; people read it on the county's clock.
    st.dataframe(pd.DataFrame([
        {_("Signed"): format_datetime(datetime.fromisoformat(d["signed_at"]), zone),
         _("Why"): _(why[r]) if r in why else r, _("Events"): d["events"],
         _("Last event"): d["event_id"], _("Its hash"): d["event_hash"], _("Key id"): d["key_id"]}
        for d, r in zip(published.documents, published.reasons, strict=True)]),
        hide_index=True, width="stretch")
