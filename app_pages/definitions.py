"""Definitions: the words the portal, departments and residents agree on, and the data classification."""

import pandas as pd
import streamlit as st

from portal.glossary import TERMS
from portal.inventory.vocab import CLASSIFICATIONS
from portal.ui import cached

st.title("Definitions")
st.write(
    "The portal uses these words the same way on every page, so that a department describing "
    "its practice and a resident reading it mean the same thing. The same definitions appear "
    "as help (the question-mark icon beside a label) wherever a term is used."
)

for term in TERMS:
    st.markdown(f"**{term.term}**  \n{term.definition}")

st.header("Data classification")
st.write("Every dataset carries one of four levels, which says how carefully it must be handled.")
for key, text in CLASSIFICATIONS.items():
    label, explanation = text.split(':', 1)
    st.markdown(f"- **{label}**:{explanation}")

datasets = cached.datasets()
st.header("Datasets and their levels", anchor=False)
st.dataframe(
    pd.DataFrame(
        {
            "Dataset": [d["title"] for d in datasets],
            "Department": [d["department"] for d in datasets],
            "Classification": [d["classification"].title() for d in datasets],
            "Retention policy (days)": [d["retention_policy_days"] for d in datasets],
            "Access level": [d["access_level"] for d in datasets],
        }
    ),
    hide_index=True,
    width="stretch",
)
