"""Request transparency log: what was asked of the county about residents, and how it answered."""

import pandas as pd
import plotly.express as px
import streamlit as st

from portal.disclosure import SUPPRESSION_NOTE
from portal.exports import to_csv
from portal.requests.service import LOG_EXPORT_COLUMNS, statistics_rows
from portal.glossary import help_for
from portal.settings import get_settings
from portal.ui import cached

st.title("Request transparency log")
st.write(
    "Requests the county received for specific people's sensitive information — for example "
    "from immigration enforcement — and how it answered. Only totals are published: no page "
    "names a resident or shows a single request."
)

stats = cached.statistics()
if not stats.requests:
    st.info("No request has been published yet.")
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric("Requests received", f"{stats.requests:,}", help=help_for("information_request"))
c2.metric("People covered", stats.people_shown,
          help="How many people the requests asked about, added up. "
          + SUPPRESSION_NOTE.format(k=get_settings().suppression_k))
refused = next(r["requests"] for r in stats.by_outcome if r["label"] == "Refused")
c3.metric("Refused", f"{refused:,}")

st.header("By quarter", anchor=False)
quarters = pd.DataFrame(stats.by_quarter)[["quarter", "requests", "people_shown"]].rename(
    columns={"quarter": "Quarter", "requests": "Requests", "people_shown": "People covered"})
figure = px.bar(quarters, x="Quarter", y="Requests", height=300, color_discrete_sequence=["#1f5f8b"])
figure.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0})
st.plotly_chart(figure, config={"displayModeBar": False}, key="by_quarter")
busiest = quarters.sort_values("Requests", ascending=False).iloc[0]
st.markdown(f"{len(quarters)} quarters with requests; the most in {busiest['Quarter']} "
           f"({busiest['Requests']:,}).")
st.dataframe(quarters, hide_index=True, width="stretch")
st.caption(SUPPRESSION_NOTE.format(k=get_settings().suppression_k))
st.download_button("Requests by quarter (CSV)", to_csv(statistics_rows(stats), LOG_EXPORT_COLUMNS),
                   file_name="request-log.csv", mime="text/csv", on_click="ignore")


def tally(title: str, data: list[dict], column: str, key: str) -> None:
    st.header(title, anchor=False)
    frame = pd.DataFrame(data).rename(columns={"label": column, "requests": "Requests"})
    chart = px.bar(frame, x="Requests", y=column, orientation="h", height=240,
                   color_discrete_sequence=["#1f5f8b"])
    chart.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0}, yaxis={"autorange": "reversed"})
    st.plotly_chart(chart, config={"displayModeBar": False}, key=key)
    st.dataframe(frame, hide_index=True, width="stretch")


left, right = st.columns(2)
with left:
    tally("Who asked", stats.by_agency_type, "Requesting agency type", "agency")
    tally("What happened", stats.by_outcome, "Outcome", "outcome")
with right:
    tally("Under which legal process", stats.by_legal_process, "Legal process", "process")
    tally("Were the people concerned told?", stats.by_notification, "Notification", "notified")

notified = next(r["requests"] for r in stats.by_notification if r["label"] == "Residents notified")
barred = next(r["requests"] for r in stats.by_notification if r["label"] == "Notification legally barred")
st.write(f"The people concerned were told of {notified:,} of {stats.requests:,} requests; for "
         f"{barred:,} the law forbade telling them.")

st.header("Legal process and outcome", anchor=False)
st.markdown("A judicial warrant or court order is signed by a judge; an informal request or an "
           "administrative subpoena is not.")
st.dataframe(pd.DataFrame(stats.process_by_outcome).rename(columns={"legal process": "Legal process"}),
             hide_index=True, width="stretch")
