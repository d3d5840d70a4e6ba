"""Request transparency log: what was asked of the county about residents, and how it answered."""

import pandas as pd
import plotly.express as px
import streamlit as st

from portal.disclosure import SUPPRESSION_NOTE, shown_text
from portal.exports import to_csv
from portal.requests.service import LOG_EXPORT_COLUMNS, statistics_rows
from portal.glossary import help_for
from portal.i18n import _, ngettext, number
from portal.settings import get_settings
from portal.ui import cached
from portal.ui.text import inert

st.title(_("Request transparency log"))
st.write(_(
    "Requests the county received for specific people's sensitive information — for example "
    "from immigration enforcement — and how it answered. Only totals are published: no page "
    "names a resident or shows a single request."
))

stats = cached.statistics()
if not stats.requests:
    st.info(_("No request has been published yet."))
    st.stop()

c1, c2, c3 = st.columns(3)
c1.metric(_("Requests received"), number(stats.requests), help=help_for("information_request"))
c2.metric(_("People covered"), shown_text(stats.people_shown),
          help=_("How many people the requests asked about, added up.") + " "
          + _(SUPPRESSION_NOTE).format(k=get_settings().suppression_k))
refused = next(r["requests"] for r in stats.by_outcome if r["label"] == "Refused")
c3.metric(_("Refused"), number(refused))

st.header(_("By quarter"), anchor=False)
QUARTER, REQUESTS = _("Quarter"), _("Requests")
quarters = pd.DataFrame(stats.by_quarter)[["quarter", "requests", "people_shown"]].rename(
    columns={"quarter": QUARTER, "requests": REQUESTS, "people_shown": _("People covered")})
quarters[_("People covered")] = quarters[_("People covered")].map(shown_text)
figure = px.bar(quarters, x=QUARTER, y=REQUESTS, height=300, color_discrete_sequence=["#1f5f8b"])
figure.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0})
st.plotly_chart(figure, config={"displayModeBar": False}, key="by_quarter")
busiest = quarters.sort_values(REQUESTS, ascending=False).iloc[0]
st.markdown(ngettext("{n} quarter with requests; the most in {quarter} ({requests}).",
                     "{n} quarters with requests; the most in {quarter} ({requests}).",
                     len(quarters)).format(n=len(quarters), quarter=busiest[QUARTER],
                                           requests=number(int(busiest[REQUESTS]))))
st.dataframe(quarters, hide_index=True, width="stretch")
st.caption(_(SUPPRESSION_NOTE).format(k=get_settings().suppression_k))
st.download_button(_("Requests by quarter (CSV)"), to_csv(statistics_rows(stats), LOG_EXPORT_COLUMNS),
                   file_name="request-log.csv", mime="text/csv", on_click="ignore")


def tally(title: str, data: list[dict], column: str, key: str) -> None:
    st.header(title, anchor=False)
    frame = pd.DataFrame(data).rename(columns={"label": column, "requests": REQUESTS})
    frame[column] = frame[column].map(_)
    chart = px.bar(frame, x=REQUESTS, y=column, orientation="h", height=240,
                   color_discrete_sequence=["#1f5f8b"])
    chart.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0}, yaxis={"autorange": "reversed"})
    st.plotly_chart(chart, config={"displayModeBar": False}, key=key)
    top = frame.sort_values(REQUESTS, ascending=False, kind="stable").iloc[0]
    if top[REQUESTS]:
        st.markdown(_("Most often: {label}, {n} of {total} requests.").format(
            label=inert(str(top[column])), n=number(int(top[REQUESTS])),
            total=number(int(frame[REQUESTS].sum()))))
    st.dataframe(frame, hide_index=True, width="stretch")


left, right = st.columns(2)
with left:
    tally(_("Who asked"), stats.by_agency_type, _("Requesting agency type"), "agency")
    tally(_("What happened"), stats.by_outcome, _("Outcome"), "outcome")
with right:
    tally(_("Under which legal process"), stats.by_legal_process, _("Legal process"), "process")
    tally(_("Were the people concerned told?"), stats.by_notification, _("Notification"),
          "notified")

notified = next(r["requests"] for r in stats.by_notification if r["label"] == "Residents notified")
barred = next(r["requests"] for r in stats.by_notification if r["label"] == "Notification legally barred")
st.write(_("The people concerned were told of {notified} of {requests} requests; for "
           "{barred} the law forbade telling them.").format(
    notified=number(notified), requests=number(stats.requests), barred=number(barred)))

st.header(_("Legal process and outcome"), anchor=False)
st.markdown(_("A judicial warrant or court order is signed by a judge; an informal request or an "
             "administrative subpoena is not."))
crosstab = pd.DataFrame(stats.process_by_outcome)
crosstab["legal process"] = crosstab["legal process"].map(_)
st.dataframe(crosstab.rename(columns={c: _("Legal process") if c == "legal process" else _(c)
                                      for c in crosstab.columns}),
             hide_index=True, width="stretch")
