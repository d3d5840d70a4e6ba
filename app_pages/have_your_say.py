"""Have your say: a general comment to the county, and a receipt lookup."""

import streamlit as st

from portal.ui.comments import comment_section, receipt_lookup

st.title("Have your say")
st.write(
    "Tell the county what you think about how it collects, uses and shares residents' data. "
    "You do not need an account, and your name and e-mail are optional. To comment on a "
    "specific surveillance notice, sharing practice or indicator, use the form on its page."
)
# A plain link: st.page_link here made a deep link to this page show "Page not found".
st.markdown("[How comments are moderated](moderation-policy)")
comment_section("general", None)
st.divider()
receipt_lookup()
