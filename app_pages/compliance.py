"""Compliance findings for staff and the Privacy Commission: open problems by severity and department."""

import pandas as pd
import plotly.express as px
import streamlit as st

from portal.inventory.compliance import RULES, RULES_BY_ID, SEVERITIES
from portal.inventory.findings import compliance_findings, compliance_trend
from portal.ui import cached
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert

actor = current_actor()
st.title("Compliance findings")
st.write(
    "The Data Handling Compliance Toolkit checks every active sharing practice against the rules "
    "below each time this page opens. A finding stays open until the practice's record shows "
    "the problem fixed (or the practice is retired)."
)

findings, trend = None, None
with reported(), db() as session:
    # From the inventory's cache, read once for every visitor until a practice changes.
    findings = compliance_findings(session=session, actor=actor,
                                   practices=cached.practices().rows)
    trend = compliance_trend(session=session, actor=actor, days=90)

if findings is not None:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    columns = st.columns(len(SEVERITIES) + 1)
    columns[0].metric("Open findings", f"{len(findings):,}")
    for column, (key, label) in zip(columns[1:], SEVERITIES.items()):
        column.metric(label, f"{counts[key]:,}")
    st.markdown(f"{len({f.practice_id for f in findings}):,} practices have at least one open finding.")

    if findings:
        st.header("By severity and department")
        frame = pd.DataFrame([{"Department": f.department, "Severity": SEVERITIES[f.severity]}
                              for f in findings])
        crosstab = (frame.groupby(["Department", "Severity"]).size().unstack(fill_value=0)
                    .reindex(columns=list(SEVERITIES.values()), fill_value=0))
        crosstab["Total"] = crosstab.sum(axis=1)
        crosstab = crosstab.sort_values("Total", ascending=False)
        long = frame.groupby(["Department", "Severity"]).size().reset_index(name="Findings")
        chart = px.bar(long, x="Findings", y="Department", color="Severity", orientation="h",
                       category_orders={"Severity": list(SEVERITIES.values()),
                                        "Department": list(crosstab.index)},
                       color_discrete_sequence=["#7a0010", "#b5411a", "#8a6d00", "#4d6a7a"],
                       height=60 + 28 * len(crosstab))
        chart.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0})
        st.plotly_chart(chart, config={"displayModeBar": False}, key="by_department")
        st.markdown(f"Most open findings: {inert(str(crosstab.index[0]))} ({int(crosstab['Total'].iloc[0]):,}).")
        st.dataframe(crosstab.reset_index(), hide_index=True, width="stretch")

        st.header("Open findings")
        st.dataframe(
            pd.DataFrame([{
                "Severity": SEVERITIES[f.severity], "Rule": f"{f.rule_id} {RULES_BY_ID[f.rule_id].title}",
                "Department": f.department, "Practice": f.practice, "What was found": f.detail,
                "Open": f"/inventory?practice={f.practice_id}",
            } for f in findings]),
            hide_index=True, width="stretch",
            column_config={"Open": st.column_config.LinkColumn("Open", display_text="Practice")},
        )

if trend:
    st.header("Trend")
    frame = pd.DataFrame(trend).rename(columns={"day": "Day", "severity": "Severity",
                                                "findings": "Open findings"})
    days = frame["Day"].nunique()
    if days > 1:
        chart = px.line(frame, x="Day", y="Open findings", color="Severity", height=300,
                        category_orders={"Severity": list(SEVERITIES.values())})
        chart.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0})
        st.plotly_chart(chart, config={"displayModeBar": False}, key="trend")
    st.markdown(
        f"Open findings at the end of each day over the last {days} day(s). The trend is "
        "replayed from each practice's saved versions, so it begins when records entered the portal."
    )
    wide = frame.pivot(index="Day", columns="Severity", values="Open findings")
    wide = wide.reindex(columns=list(SEVERITIES.values())).reset_index().sort_values("Day", ascending=False)
    st.dataframe(wide, hide_index=True, width="stretch")

st.header("The rules")
st.dataframe(
    pd.DataFrame([{"Rule": r.id, "Severity": SEVERITIES[r.severity], "Title": r.title,
                   "Why it matters": r.explanation, "Principle": r.principle} for r in RULES]),
    hide_index=True, width="stretch",
)
