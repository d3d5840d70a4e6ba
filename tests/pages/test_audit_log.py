import csv
import io
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.audit.queries import list_events
from portal.audit.service import GENESIS, compute_hash, record_event
from portal.auth.roles import SYSTEM, Actor, Role
from tests import factories
from tests.apptest import run_script, texts


def _events(session: Session, n: int) -> None:
    for i in range(n):
        record_event(session, actor=SYSTEM, action="test.event", entity_type="thing", entity_id=i)
    session.commit()


def test_commissioner_reads_an_intact_log(session: Session) -> None:
    _events(session, 3)  # the first event of the day signs a checkpoint (sign_if_due)
    first = session.exec(select(AuditEvent).order_by(AuditEvent.id)).first()
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert not at.exception
    # Checked from the newest signed checkpoint, and the page says what and from where.
    [intact] = [s.value for s in at.success]
    assert intact.startswith("The 2 entries written since the newest signed checkpoint are "
                             "intact, and the checkpoint holds")
    assert f"vouches for the 1 entry up to entry {first.id}" in intact
    assert any("Checked from checkpoint number" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) == 3
    # The whole chain, on request.
    at.button(key="audit_check_all").click().run()
    assert any("Every entry checked" in s.value and "chain of 3 entries is intact" in s.value
               for s in at.success)


def _tampered(session: Session) -> AuditEvent:
    """Three entries, the second changed in place behind the portal's back."""
    _events(session, 3)
    second = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()[1]
    factories.as_attacker(session, """UPDATE audit_event SET detail = '{"forged": true}' """
                          "WHERE id = :id", {"id": second.id})
    session.commit()
    return second


def test_a_tampered_entry_is_named(session: Session) -> None:
    second = _tampered(session)
    at = run_script("app_pages/audit_log.py", Role.ADMIN)
    assert any(f"broken at entry {second.id}" in e.value for e in at.error)


def test_residents_and_staff_are_refused(session: Session) -> None:
    _events(session, 1)
    for role in (None, Role.STAFF, Role.MODERATOR):
        at = run_script("app_pages/audit_log.py", role)
        assert not at.exception
        assert not at.dataframe
        assert any("may not do this" in e.value for e in at.error)


def test_one_entry_reads_as_one_and_times_are_local(session: Session) -> None:
    _events(session, 1)
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert any(s.value.startswith("No entry was written since the newest signed checkpoint")
               and "vouches for the 1 entry up to" in s.value for s in at.success)
    at.button(key="audit_check_all").click().run()
    assert any("the chain of 1 entry is intact." in s.value for s in at.success)
    frame = at.dataframe[0].value
    assert "When (UTC)" not in frame.columns
    assert frame["When"].iloc[0].endswith(("PST", "PDT"))  # the county's time, as elsewhere


def test_a_broken_link_reads_as_a_sentence(session: Session) -> None:
    _events(session, 2)
    first = session.exec(select(AuditEvent).order_by(AuditEvent.id)).first()
    factories.as_attacker(session, "UPDATE audit_event SET actor = 'x' WHERE id = :id",
                          {"id": first.id})
    session.commit()
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert any(f"broken at entry {first.id}: it has content that does not match its hash"
               in e.value for e in at.error)


# ---------------------------------------------------------------------------
# Filters: by the county's calendar days, by who acted and by kind (issue 15)
# ---------------------------------------------------------------------------

def _event_at(session: Session, when: datetime, who: str, action: str) -> AuditEvent:
    """An event dated ``when``, chained as ``record_event`` chains it (which always dates now)."""
    last = session.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    event = AuditEvent(occurred_at=when, actor=who, actor_roles="staff", action=action,
                       entity_type="thing", prev_hash=last or GENESIS, hash="")
    event.hash = compute_hash(event.prev_hash, event)
    session.add(event)
    session.commit()
    return event


def _four_events(session: Session) -> list[AuditEvent]:
    return [
        # 11 PM on March 9 in the county (PDT), although already March 10 in UTC.
        _event_at(session, datetime(2026, 3, 10, 6, 0, tzinfo=UTC), "ana@county.example",
                  "notices.publish"),
        _event_at(session, datetime(2026, 3, 10, 18, 0, tzinfo=UTC), "ana@county.example",
                  "engagement.publish"),
        _event_at(session, datetime(2026, 3, 11, 18, 0, tzinfo=UTC), "bo@county.example",
                  "engagement.reject"),
        # 5 PM on March 11 in the county, although already March 12 in UTC.
        _event_at(session, datetime(2026, 3, 12, 0, 0, tzinfo=UTC), "ana@county.example",
                  "engagement.publish"),
    ]


def _entries(at) -> list[int]:
    return list(at.dataframe[0].value["Entry"]) if at.dataframe else []


def test_the_log_is_filtered_by_local_days_who_and_kind(session: Session) -> None:
    first, second, third, fourth = _four_events(session)
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert not at.exception
    assert _entries(at) == [fourth.id, third.id, second.id, first.id]
    # Days are the county's days: March 10 starts at midnight PDT, not UTC.
    at.date_input(key="audit_from").set_value(date(2026, 3, 10))
    at.date_input(key="audit_until").set_value(date(2026, 3, 10)).run()
    assert not at.exception
    assert _entries(at) == [second.id]
    at.date_input(key="audit_until").set_value(date(2026, 3, 11)).run()
    assert _entries(at) == [fourth.id, third.id, second.id]
    at.text_input(key="audit_who").set_value("ANA@").run()
    assert _entries(at) == [fourth.id, second.id]
    at.text_input(key="audit_who").set_value("").run()
    at.selectbox(key="audit_kind").set_value("engagement").run()
    assert _entries(at) == [fourth.id, third.id, second.id]
    at.date_input(key="audit_from").set_value(None)
    at.date_input(key="audit_until").set_value(None)
    at.selectbox(key="audit_kind").set_value("notices").run()
    assert _entries(at) == [first.id]
    # Nothing matching is said in words, not shown as an empty table.
    at.text_input(key="audit_who").set_value("nobody").run()
    assert not at.dataframe
    assert any("No entry matches" in i.value for i in at.info)


def test_the_download_follows_the_filters_and_gives_local_times(
        session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        files[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    _first, _second, third, _fourth = _four_events(session)
    at = run_script("app_pages/audit_log.py", Role.ADMIN)
    at.text_input(key="audit_who").set_value("bo@").run()
    assert not at.exception
    rows = list(csv.DictReader(io.StringIO(files["audit-log.csv"].decode("utf-8-sig"))))
    assert [int(r["Entry"]) for r in rows] == [third.id]
    assert rows[0]["When"] == "2026-03-11T11:00:00-07:00"  # the county's clock, with its offset


def test_filters_run_in_the_query_before_the_limit(session: Session) -> None:
    """A matching event older than the newest ``limit`` events is still found."""
    old = _event_at(session, datetime(2026, 1, 5, 18, 0, tzinfo=UTC), "rare@county.example",
                    "auth.grant_role")
    _events(session, 5)
    admin = Actor(subject="admin@x.example", roles=frozenset({Role.ADMIN}))
    found = list_events(session=session, actor=admin, limit=3, by="RARE")
    assert [e.id for e in found] == [old.id]
    assert [e.id for e in list_events(session=session, actor=admin, limit=3,
                                      kind="auth.grant_role")] == [old.id]
    assert list_events(session=session, actor=admin, kind="auth.grant") == []  # a kind is whole
    assert [e.id for e in list_events(session=session, actor=admin, kind="auth")] == [old.id]
    january = list_events(session=session, actor=admin,
                          since=datetime(2026, 1, 5, 8, 0, tzinfo=UTC),
                          until=datetime(2026, 1, 6, 8, 0, tzinfo=UTC))
    assert [e.id for e in january] == [old.id]
    assert list_events(session=session, actor=admin, until=datetime(2026, 1, 5, 18, 0, tzinfo=UTC)) == []
    # "%" and "_" are letters here, not wildcards.
    assert list_events(session=session, actor=admin, by="%") == []



# ---------------------------------------------------------------------------
# At county scale (issue 18): checked from the newest signed checkpoint, read page by page
# ---------------------------------------------------------------------------

def test_a_log_without_checkpoints_is_checked_whole(session: Session) -> None:
    _four_events(session)  # chained by hand: no checkpoint was signed
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert any("The chain of 4 entries is intact: every entry was checked, as no checkpoint "
               "has been signed yet." in s.value for s in at.success)


def test_a_rewrite_after_the_checkpoint_is_named_and_one_before_it_by_the_full_check(
        session: Session) -> None:
    from portal.audit.checkpoints import sign_checkpoint

    _events(session, 4)
    sign_checkpoint(session)
    session.commit()
    _events(session, 2)
    ids = session.exec(select(AuditEvent.id).order_by(AuditEvent.id)).all()
    factories.as_attacker(session, "UPDATE audit_event SET actor = 'x' WHERE id = :id",
                          {"id": ids[1]})
    session.commit()
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    # Before the checkpoint, changed in place: the view's check says what it rests on ...
    assert any("vouches for the 4 entries up to entry" in s.value for s in at.success)
    assert any("changed in place is found by checking every entry" in c.value for c in at.caption)
    # ... and the full check finds it.
    at.button(key="audit_check_all").click().run()
    assert any(f"broken at entry {ids[1]}: it has content that does not match its hash"
               in e.value for e in at.error)
    # After the checkpoint: every view finds it.
    factories.as_attacker(session, "UPDATE audit_event SET actor = 'x' WHERE id = :id",
                          {"id": ids[5]})
    session.commit()
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert any(f"broken at entry {ids[5]}: it has content that does not match its hash"
               in e.value for e in at.error)


def test_a_checkpoint_whose_signature_fails_is_reported(session: Session) -> None:
    from portal.audit.models import AuditCheckpoint

    _events(session, 3)
    session.execute(sa.update(AuditCheckpoint).values(events=2))  # a count it never signed
    session.commit()
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert not at.exception
    assert any("The newest signed checkpoint (number" in e.value
               and "does not match its signature" in e.value and "vouches for nothing" in e.value
               for e in at.error)
    assert not at.success
    at.button(key="audit_check_all").click().run()
    assert any("the chain of 3 entries is intact" in s.value for s in at.success)


def _same_instant(session: Session, n: int, when: datetime) -> list[int]:
    return [_event_at(session, when, f"p{i}@county.example", "engagement.publish").id
            for i in range(n)]


def test_load_more_pages_through_every_entry_once(session: Session) -> None:
    from portal.audit.queries import PAGE

    # Every entry at one instant: pages are keyed on entry numbers, which never tie.
    ids = _same_instant(session, 2 * PAGE + 30, datetime(2026, 3, 10, 18, 0, tzinfo=UTC))
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert _entries(at) == ids[::-1][:PAGE]
    assert any("older ones follow with “Load more”" in c.value for c in at.caption)
    at.button(key="audit_more").click().run()
    assert _entries(at) == ids[::-1][:2 * PAGE]
    # Entries written meanwhile come first and push none of the older ones off or twice on.
    newer = _same_instant(session, 5, datetime(2026, 3, 10, 18, 0, tzinfo=UTC))
    at.button(key="audit_more").click().run()
    assert not at.exception
    assert _entries(at) == (ids + newer)[::-1]
    assert not [b for b in at.button if b.key == "audit_more"]  # nothing older is left
    assert any(f"{len(ids) + 5:,} entries, newest first" in c.value for c in at.caption)
    # New filters start again from the newest page.
    at.text_input(key="audit_who").set_value("p1").run()  # p1, p10 … p19, p100 …
    matching = [i for n, i in enumerate(ids) if f"p{n}".startswith("p1")]
    matching += [newer[1]]
    assert _entries(at) == sorted(matching, reverse=True)[:PAGE]


def test_the_log_in_spanish(session: Session) -> None:
    _events(session, 3)
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Registro de auditoría" in shown and "Buscar entradas" in shown
    assert "Audit log" not in shown and "Find entries" not in shown
    [intact] = [s.value for s in at.success]
    assert intact.startswith("Las 2 entradas escritas desde el punto de control firmado más "
                             "reciente están intactas")
    assert list(at.dataframe[0].value.columns) == ["Entrada", "Cuándo", "Quién", "Función",
                                                   "Acción", "Registro", "Huella"]
    assert at.date_input[0].label == "Desde" and at.date_input[1].label == "Hasta"
    at.date_input[0].set_value(date(2026, 3, 2))
    at.date_input[1].set_value(date(2026, 3, 1))
    at.run()
    assert any("El día «Desde» es posterior al día «Hasta»" in w.value for w in at.warning)


def test_a_tampered_entry_is_named_in_spanish(session: Session) -> None:
    second = _tampered(session)
    at = run_script("app_pages/audit_log.py", Role.ADMIN, query={"lang": "es"})
    assert any(f"La cadena está rota en la entrada {second.id}: tiene un contenido que no coincide "
               "con su huella" in e.value for e in at.error), [e.value for e in at.error]
