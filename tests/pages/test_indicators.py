"""The indicator catalog and an indicator's page, as residents and staff see them."""

from __future__ import annotations

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from portal.auth.roles import SYSTEM, Role
from portal.indicators.values import import_values
from portal.settings import PROJECT_ROOT
from tests import factories
from tests.apptest import TIMEOUT, plain, run_script, texts, user_for
from tests.mapview import folium_maps, labels, legend_rows, links

TABLE = {
    ("D1", "all", "all"): (120, 400), ("D1", "age", "Young"): (70, 200), ("D1", "age", "Old"): (50, 200),
    ("D2", "all", "all"): (60, 204), ("D2", "age", "Young"): (57, 200), ("D2", "age", "Old"): (3, 4),
    ("all", "all", "all"): (180, 604), ("all", "age", "Young"): (127, 400), ("all", "age", "Old"): (53, 204),
}


def _county(session: Session) -> None:
    factories.district(session, "D1", name="North Harbor")
    factories.district(session, "D2", name="Millrace")
    factories.indicator(session, "evictions", name="Eviction filings",
                        description="Filings <script>alert(1)</script> per household",
                        caveats="A filing is not an eviction.")
    factories.indicator(session, "draft-one", name="Unfinished draft", is_published=False)
    rows = factories.value_rows("evictions", TABLE)
    rows += factories.value_rows("evictions", TABLE, period="2026-Q2", first_row=100)
    import_values(session=session, actor=SYSTEM, rows=rows)
    session.commit()


def _open(query: dict[str, str], role: Role | None = None) -> AppTest:
    at = AppTest.from_file(str(PROJECT_ROOT / "app_pages/indicators.py"), default_timeout=TIMEOUT)
    at.user = user_for(role)  # type: ignore[attr-defined]
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at


def test_residents_see_the_catalog_without_drafts(session: Session) -> None:
    _county(session)
    at = run_script("app_pages/indicators.py")
    assert not at.exception
    shown = texts(at)
    assert "Eviction filings" in shown and "Latest period: 2026-Q3" in shown
    assert "Unfinished draft" not in shown
    assert "<script>" not in shown  # shown as text, escaped for Markdown


def test_staff_see_drafts_marked_as_such(session: Session) -> None:
    _county(session)
    at = run_script("app_pages/indicators.py", Role.STAFF)
    assert "Unfinished draft" in texts(at) and "Draft: not shown to the public" in texts(at)


def test_an_indicator_page_suppresses_small_numbers_in_every_table(session: Session) -> None:
    _county(session)
    at = _open({"indicator": "evictions", "dimension": "age", "group": "Old", "period": "2026-Q3"})
    assert not at.exception
    shown = texts(at)
    assert "Eviction filings" in shown and "A filing is not an eviction" in shown
    assert "Counts of fewer than 11 people are not shown" in shown
    by_district = at.dataframe[0].value
    millrace = by_district[by_district["District"] == "Millrace (D2)"].iloc[0]
    assert millrace["Value (percent)"] == "fewer than 11"
    assert millrace["People in the group"] == "" and millrace["People counted"] == "fewer than 11"
    over_time = at.dataframe[1].value
    assert list(over_time["Period"]) == ["2026-Q2", "2026-Q3"]
    # Every figure the tables show about the small group is a word, never a number.
    everything = "".join(d.value.to_csv() for d in at.dataframe)
    assert ",3," not in everything and ",4," not in everything
    hidden = sum(s.startswith("suppressed") for s in by_district["Status"].iloc[:-1])
    assert hidden >= 1 and f"{hidden} district{'s are' if hidden > 1 else ' is'} suppressed." in shown


def test_choices_are_kept_in_the_address(session: Session) -> None:
    _county(session)
    at = _open({"indicator": "evictions"})
    assert not at.exception
    at.selectbox(key="choose_dimension").set_value("age").run()
    at.selectbox(key="choose_district").set_value("D1").run()
    assert not at.exception
    assert at.query_params["dimension"] in ("age", ["age"]) and at.query_params["district"] in ("D1", ["D1"])
    assert "North Harbor (D1), everyone" in plain(texts(at))  # the district's name inert
    shared = _open({"indicator": "evictions", "dimension": "age", "district": "D1", "period": "2026-Q2"})
    assert shared.selectbox(key="choose_dimension").value == "age"
    assert shared.selectbox(key="choose_period").value == "2026-Q2"


def test_an_unknown_or_draft_indicator_is_not_found_for_residents(session: Session) -> None:
    _county(session)
    for slug in ("nope", "draft-one"):
        at = _open({"indicator": slug})
        assert not at.exception
        assert any("No published indicator" in e.value for e in at.error)
    assert not _open({"indicator": "draft-one"}, Role.STAFF).error


def test_residents_can_comment_on_an_indicator(session: Session) -> None:
    _county(session)
    at = _open({"indicator": "evictions"})
    assert any(b.label == "Check and send" for b in at.button)
    assert any(h.value == "Comments" for h in at.header)


def _square(west: float, south: float) -> dict[str, object]:
    return {"type": "Polygon", "coordinates": [[[west, south], [west + 1, south], [west + 1, south + 1],
                                                [west, south + 1], [west, south]]]}


def test_the_map_names_each_district_with_its_figure_and_has_a_key(session: Session) -> None:
    factories.district(session, "D1", name="North Harbor", geometry=_square(-123, 45))
    factories.district(session, "D2", name="Millrace", geometry=_square(-122, 45))
    factories.indicator(session, "evictions", name="Eviction filings")
    import_values(session=session, actor=SYSTEM, rows=factories.value_rows("evictions", TABLE))
    session.commit()

    at = _open({"indicator": "evictions", "dimension": "age", "group": "Old"})
    assert not at.exception
    [fmap] = folium_maps(at)
    table = at.dataframe[0].value.set_index("District")["Value (percent)"]
    # Name and figure in words on each district: the small group's is not a colour to decode.
    assert sorted(labels(fmap)) == sorted([["North Harbor", table["North Harbor (D1)"]],
                                           ["Millrace", "fewer than 11"]])
    key = legend_rows(fmap)
    assert key[0] == "percent"
    assert "suppressed (grey, dashed outline)" in key and "no data (white, dotted outline)" in key
    assert all(link.startswith("/app/static/vendor/") for link in links(fmap))


def test_an_indicator_in_spanish(session: Session) -> None:
    _county(session)
    at = run_script("app_pages/indicators.py", query={"lang": "es"})
    assert not at.exception
    assert at.title[0].value == "Datos por distrito y grupo" and "Último período: 2026-Q3" in texts(at)
    at = _open({"indicator": "evictions", "dimension": "age", "group": "Old", "period": "2026-Q3",
                "lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "No se muestran los recuentos de menos de 11 personas" in shown
    assert "la cifra del condado es" in shown and "By district" not in shown
    by_district = at.dataframe[0].value
    millrace = by_district[by_district["Distrito"] == "Millrace (D2)"].iloc[0]
    assert millrace["Valor (por ciento)"] == "menos de 11" and millrace["Estado"].startswith("oculta")
    assert [s.label for s in at.selectbox][:2] == ["Período", "Agrupar por"]
