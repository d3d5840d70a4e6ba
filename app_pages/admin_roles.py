"""Administrators grant and revoke roles; every change is audited."""

import pandas as pd
import streamlit as st

from portal.auth.grants import GRANTABLE, grant_role, list_grants, revoke_role
from portal.auth.roles import ROLE_LABELS
from portal.i18n import _
from portal.ui.context import current_actor, db
from portal.ui.messages import reported

actor = current_actor()
st.title(_("Roles"))
st.write(_(
    "Roles come from the identity provider's claim and from the grants below. A grant "
    "takes effect on the person's next action; so does a revocation."
))

changed = False
with reported():
    with db() as session:
        grants = list_grants(session=session, actor=actor)
    if grants:
        st.dataframe(
            pd.DataFrame(
                [
                    {_("Person"): g.subject, _("Role"): _(ROLE_LABELS[g.role]),
                     _("Granted by"): g.granted_by, _("Granted"): g.granted_at}
                    for g in grants
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.info(_("No role has been granted here yet."))

    with st.form("grant", clear_on_submit=True):
        st.subheader(_("Grant a role"), anchor=False)
        subject = st.text_input(_("E-mail address or subject"), max_chars=320)
        role = st.selectbox(_("Role"), [r.value for r in GRANTABLE],
                            format_func=lambda r: _(ROLE_LABELS[r]))
        if st.form_submit_button(_("Grant")):
            with reported(), db() as session:
                grant_role(session=session, actor=actor, subject=subject, role=role)
                st.toast(_("Granted."))
                changed = True

    if grants:
        with st.form("revoke"):
            st.subheader(_("Revoke a role"), anchor=False)
            labels = {i: f"{g.subject} — {_(ROLE_LABELS[g.role])}" for i, g in enumerate(grants)}
            choice = st.selectbox(_("Grant"), list(labels), format_func=labels.get)
            if st.form_submit_button(_("Revoke")):
                chosen = grants[choice]
                with reported(), db() as session:
                    revoke_role(session=session, actor=actor, subject=chosen.subject, role=chosen.role)
                    st.toast(_("Revoked."))
                    changed = True

# Rerun only after the unit of work has committed, so the table shows the change.
if changed:
    st.rerun()
