"""Definitions: the words the portal, departments and residents agree on, and the data classification."""

import pandas as pd
import streamlit as st

from portal.glossary import TERMS
from portal.i18n import _
from portal.inventory.vocab import CLASSIFICATIONS
from portal.ui import cached
from portal.ui.inventory import CLASSIFICATION_NAMES

st.title(_("Definitions"))
st.write(_(
    "The portal uses these words the same way on every page, so that a department describing "
    "its practice and a resident reading it mean the same thing. The same definitions appear "
    "as help (the question-mark icon beside a label) wherever a term is used."
))

for term in TERMS:
    st.markdown(f"**{_(term.term)}**  \n{_(term.definition)}")

st.header(_("Data classification"))
st.write(_("Every dataset carries one of four levels, which says how carefully it must be handled."))
for key, text in CLASSIFICATIONS.items():
    label, explanation = _(text).split(':', 1)
    st.markdown(f"- **{label}**:{explanation}")

datasets = cached.datasets()
st.header(_("Datasets and their levels"), anchor=False)
st.dataframe(
    pd.DataFrame(
        {
            _("Dataset"): [d["title"] for d in datasets],
            _("Department"): [d["department"] for d in datasets],
            _("Classification"): [_(CLASSIFICATION_NAMES.get(d["classification"],
                                                             d["classification"].title()))
                                  for d in datasets],
            _("Retention policy (days)"): [d["retention_policy_days"] for d in datasets],
            _("Access level"): [d["access_level"] for d in datasets],
        }
    ),
    hide_index=True,
    width="stretch",
)
