"""A practice or request that is not there, or a save that changes nothing, is refused in the
reader's language; in English the words are what they always were."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from portal.auth.roles import Actor, Role
from portal.errors import NotFound, ValidationFailed
from portal.i18n import using_language
from portal.inventory.service import get_practice, retire_practice, update_practice
from portal.requests.service import get_request
from tests import factories
from tests.factories import practice_values

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))


def test_a_missing_practice_or_request_is_named_in_spanish(session: Session) -> None:
    with using_language("es"), pytest.raises(NotFound) as caught:
        get_practice(session=session, actor=STAFF, practice_id=998)
    assert str(caught.value) == "No existe la práctica de intercambio de datos 998."
    with using_language("es"), pytest.raises(NotFound) as caught:
        get_request(session=session, actor=STAFF, request_id=997)
    assert str(caught.value) == "No existe la solicitud 997."
    with pytest.raises(NotFound) as caught:
        get_practice(session=session, actor=STAFF, practice_id=998)
    assert str(caught.value) == "No sharing practice 998."
    with pytest.raises(NotFound) as caught:
        get_request(session=session, actor=STAFF, request_id=997)
    assert str(caught.value) == "No request 997."


def test_a_save_that_changes_nothing_and_a_second_retirement_are_refused_in_spanish(
    session: Session,
) -> None:
    dataset = factories.dataset(session, identifier="ds-es")
    practice = factories.practice(session, dataset_id=dataset.id,
                                  department_id=dataset.department_id)
    values = practice_values("ds-es", title="Conteos")
    update_practice(session=session, actor=STAFF, practice_id=practice.id, values=values)
    with using_language("es"), pytest.raises(ValidationFailed) as caught:
        update_practice(session=session, actor=STAFF, practice_id=practice.id, values=values)
    assert str(caught.value) == "No cambió nada, así que no se guardó una versión nueva."
    retire_practice(session=session, actor=STAFF, practice_id=practice.id, reason="Terminó")
    with using_language("es"), pytest.raises(ValidationFailed) as caught:
        retire_practice(session=session, actor=STAFF, practice_id=practice.id, reason="Otra vez")
    assert str(caught.value) == "Esta práctica ya está retirada."
    with pytest.raises(ValidationFailed) as caught:
        retire_practice(session=session, actor=STAFF, practice_id=practice.id, reason="Again")
    assert str(caught.value) == "This practice is already retired."


def test_groups_above_their_total_keep_their_english_words_and_numbers() -> None:
    from portal.disclosure import Figure
    from portal.indicators.tables import additivity_problems

    cells = {("all", "all", "all"): Figure(1000, 4000), ("all", "age", "a"): Figure(1200, 3000),
             ("D1", "all", "all"): Figure(1000, 4000), ("D2", "all", "all"): Figure(1, 2)}
    assert additivity_problems(cells) == [
        "the districts' totals add up to 1,001 people counted, more than their total of 1,000",
        ("the districts' totals add up to 4,002 people in the groups, more than their total "
         "of 4,000"),
        ("the age groups of the county add up to 1,200 people counted, more than their total "
         "of 1,000")]
    with using_language("es"):
        assert additivity_problems({("D1", "all", "all"): Figure(10, 40),
                                    ("all", "age", "a"): Figure(10, 40),
                                    ("D1", "age", "a"): Figure(12, 30)})[-1] == (
            "las cifras de los distritos para a (age) suman 12 personas contadas, más que su "
            "total de 10")
