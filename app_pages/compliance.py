"""Compliance findings for staff and the Privacy Commission: open problems by severity and department."""

import pandas as pd
import plotly.express as px
import streamlit as st

from portal.i18n import _, number, pgettext
from portal.inventory.compliance import RULES, SEVERITIES
from portal.inventory.findings import compliance_findings
from portal.ui import cached, charts
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert

actor = current_actor()
st.title(_("Compliance findings"))
st.write(_(
    "The Data Handling Compliance Toolkit checks every active sharing practice against the rules "
    "below each time this page opens. A finding stays open until the practice's record shows "
    "the problem fixed (or the practice is retired)."
))
# The severities' names, and the tables' and charts' headings, in the reader's language.
LEVELS = {key: _(label) for key, label in SEVERITIES.items()}
DEPARTMENT, SEVERITY, FINDINGS, TOTAL = _("Department"), _("Severity"), _("Findings"), _("Total")
DAY, OPEN_FINDINGS, RULE = _("Day"), _("Open findings"), _("Rule")

findings, trend = None, None
with reported(), db() as session:
    # From the inventory's cache, read once for every visitor until a practice changes.
    findings = compliance_findings(session=session, actor=actor,
                                   practices=cached.practices().rows)
    trend = cached.findings_trend(actor, days=90)

if findings is not None:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    columns = st.columns(len(SEVERITIES) + 1)
    columns[0].metric(OPEN_FINDINGS, number(len(findings)))
    for column, (key, label) in zip(columns[1:], LEVELS.items()):
        column.metric(label, number(counts[key]))
    practices = len({f.practice_id for f in findings})
    st.markdown(_("{n} practices have at least one open finding.").format(n=number(practices)))

    if findings:
        st.header(_("By severity and department"))
        frame = pd.DataFrame([{DEPARTMENT: f.department, SEVERITY: LEVELS[f.severity]}
                              for f in findings])
        crosstab = (frame.groupby([DEPARTMENT, SEVERITY]).size().unstack(fill_value=0)
                    .reindex(columns=list(LEVELS.values()), fill_value=0))
        crosstab[TOTAL] = crosstab.sum(axis=1)
        crosstab = crosstab.sort_values(TOTAL, ascending=False)
        long = frame.groupby([DEPARTMENT, SEVERITY]).size().reset_index(name=FINDINGS)
        chart = px.bar(long, x=FINDINGS, y=DEPARTMENT, color=SEVERITY, orientation="h",
                       category_orders={SEVERITY: list(LEVELS.values()),
                                        DEPARTMENT: list(crosstab.index)},
                       color_discrete_sequence=["#7a0010", "#b5411a", "#8a6d00", "#4d6a7a"],
                       pattern_shape=SEVERITY, pattern_shape_sequence=charts.PATTERNS,
                       height=60 + 28 * len(crosstab))
        chart.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0})
        st.plotly_chart(chart, config={"displayModeBar": False}, key="by_department")
        st.markdown(_("Most open findings: {department} ({n}).").format(
            department=inert(str(crosstab.index[0])), n=number(int(crosstab[TOTAL].iloc[0]))))
        st.dataframe(crosstab.reset_index(), hide_index=True, width="stretch")

        st.header(OPEN_FINDINGS)
        link = pgettext("link to a record", "Open")
        PRACTICE, FOUND = _("Practice"), _("What was found")
        rule_names = {r.id: f"{r.id} {_(r.title)}" for r in RULES}
        st.dataframe(
            pd.DataFrame([{
                SEVERITY: LEVELS[f.severity], RULE: rule_names[f.rule_id],
                DEPARTMENT: f.department, PRACTICE: f.practice, FOUND: f.detail.shown(),
                link: f"/inventory?practice={f.practice_id}",
            } for f in findings]),
            hide_index=True, width="stretch",
            column_config={link: st.column_config.LinkColumn(link, display_text=_("Practice"))},
        )

if trend:
    st.header(_("Trend"))
    frame = pd.DataFrame(trend).rename(columns={"day": DAY, "severity": SEVERITY,
                                                "findings": OPEN_FINDINGS})
    frame[SEVERITY] = frame[SEVERITY].map(_)
    days = frame[DAY].nunique()
    if days > 1:
        chart = px.line(frame, x=DAY, y=OPEN_FINDINGS, color=SEVERITY, height=300,
                        line_dash=SEVERITY, line_dash_sequence=charts.DASHES,
                        symbol=SEVERITY, symbol_sequence=charts.SYMBOLS, markers=True,
                        category_orders={SEVERITY: list(LEVELS.values())})
        chart.update_layout(margin={"l": 0, "r": 10, "t": 10, "b": 0})
        st.plotly_chart(chart, config={"displayModeBar": False}, key="trend")
    st.markdown(_(
        "Open findings at the end of each day over the last {days} day(s). The trend is "
        "replayed from each practice's saved versions, so it begins when records entered the "
        "portal.").format(days=days))
    wide = frame.pivot(index=DAY, columns=SEVERITY, values=OPEN_FINDINGS)
    wide = wide.reindex(columns=list(LEVELS.values())).reset_index().sort_values(DAY, ascending=False)
    st.dataframe(wide, hide_index=True, width="stretch")

st.header(_("The rules"))
st.dataframe(
    pd.DataFrame([{RULE: r.id, SEVERITY: LEVELS[r.severity], _("Title"): _(r.title),
                   _("Why it matters"): _(r.explanation), _("Principle"): _(r.principle)}
                  for r in RULES]),
    hide_index=True, width="stretch",
)
