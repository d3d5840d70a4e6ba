"""What an import would do is said in the page's language, and in English on the command line."""

from __future__ import annotations

from portal.i18n import using_language
from portal.roundtrip import ImportPlan, PlannedRow


def test_an_import_plan_speaks_the_language_in_force() -> None:
    plan = ImportPlan(noun="practices", singular="practice",
                      added=(PlannedRow(2, "Jail roster"), PlannedRow(3, "Court feed")),
                      unchanged=(PlannedRow(4, "Library cards"),))
    assert plan.summary() == "2 practices to add, 0 to update, 1 unchanged."
    assert plan.done("a.csv") == "Imported 2 practices from a.csv: 2 added, 0 updated, 1 unchanged."
    with using_language("es"):
        assert plan.summary() == "2 prácticas para agregar, 0 para actualizar, 1 sin cambios."
        assert plan.done("a.csv") == ("Se importaron 2 prácticas desde a.csv: 2 agregados, "
                                      "0 actualizados, 1 sin cambios.")
