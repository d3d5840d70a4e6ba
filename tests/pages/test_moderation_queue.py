from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.engagement.models import Comment
from portal.i18n import using_language
from tests import factories
from tests.apptest import plain, run_script, texts


def _comment(session: Session, text: str, state: str = "pending") -> None:
    session.add(Comment(target_type="general", raw_text=text, redacted_text=text, state=state,
                        receipt_code=f"R-{abs(hash(text)) % 10**8}",
                        flags=[{"kind": "pii:phone", "score": 1.0, "spans": [[0, 3]]}]))
    session.commit()


def test_moderator_sees_pending_comments(session: Session) -> None:
    _comment(session, "Please stop the drones. Call me at 555-0100.")
    _comment(session, "Already published", state="published")
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame["Text"]) == ["Please stop the drones. Call me at 555-0100."]
    assert list(frame["Flags"]) == ["pii:phone"]


def test_other_roles_are_refused(session: Session) -> None:
    _comment(session, "raw text that only moderators may read")
    for role in (None, Role.STAFF, Role.COMMISSIONER):
        at = run_script("app_pages/moderation_queue.py", role)
        assert not at.exception
        assert "raw text that only moderators may read" not in texts(at)
        assert not at.dataframe
        assert any("may not do this" in e.value for e in at.error)


def _queued(session: Session, text: str, **kw):
    from tests import factories

    c = factories.submitted_comment(session, text, **kw)
    session.commit()
    return c


def test_moderator_publishes_the_redacted_text(session: Session) -> None:
    from portal.auth.roles import RESIDENT
    from portal.engagement.comments import published_comments

    c = _queued(session, "Stop the drone program. Call me at 503-248-7731 if you want to talk.")
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert "503-248-7731" in texts(at)  # moderators read the raw text
    assert at.dataframe[0].value["Waiting"].iloc[0].endswith("hours")
    next(b for b in at.button if b.label == "Record decision").click().run()
    assert not at.exception
    assert any("publish — recorded" in s.value for s in at.success)
    [public] = published_comments(session=session, actor=RESIDENT, target_type="general")
    assert "[phone removed]" in public.text and "503" not in public.text
    session.expire_all()
    assert session.get(Comment, c.id).state == "published"


def test_reject_without_reason_is_refused_with_a_message(session: Session) -> None:
    c = _queued(session, "Buy cheap watches at my shop today, best prices in the county!")
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    at.radio[0].set_value("reject")
    next(b for b in at.button if b.label == "Record decision").click().run()
    assert any("reason from the moderation policy" in e.value for e in at.error)
    at.selectbox[4].set_value("spam")
    next(b for b in at.button if b.label == "Record decision").click().run()
    session.expire_all()
    assert session.get(Comment, c.id).state == "rejected"


def test_own_comment_cannot_be_decided_on_the_page(session: Session) -> None:
    c = _queued(session, "A moderator's own view on the cameras.",
                actor=__import__("portal.auth.roles", fromlist=["Actor"]).Actor(
                    subject="moderator@alder-county.example", roles=frozenset({Role.MODERATOR})))
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    next(b for b in at.button if b.label == "Record decision").click().run()
    assert any("another moderator must decide it" in e.value for e in at.error)
    session.expire_all()
    assert session.get(Comment, c.id).state == "pending"


def test_campaign_is_suggested_marked_and_decided(session: Session) -> None:
    letter = ("I oppose the expansion of licence plate readers in Alder County. Thirty days of "
              "location data on every driver is too much. Please vote no at the next meeting.")
    ids = [_queued(session, letter + s).id for s in ("", " Thanks.", " From a neighbour.")]
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert "Possible copy-paste campaign: **3 comments**" in texts(at)
    next(b for b in at.button if b.label == "Mark as one campaign").click().run()
    at.run()
    next(b for b in at.button if b.label == "Decide the whole campaign").click().run()
    assert any("3 comments decided" in s.value for s in at.success)
    session.expire_all()
    assert {session.get(Comment, i).state for i in ids} == {"published"}


def test_log_download_is_offered(session: Session) -> None:
    _queued(session, "Please publish the camera audit every year.")
    at = run_script("app_pages/moderation_queue.py", Role.ADMIN)
    assert not at.exception
    assert any("Download the moderation log" in str(getattr(el, "label", "")) for el in at.get("download_button"))


def test_the_queue_names_the_record_each_comment_is_about(session: Session) -> None:
    tech = factories.technology(session, name="Gunshot sensors", open_days=5)
    session.commit()
    factories.submitted_comment(session, "The sensors misfire every fireworks night.",
                                target_type="notice", target_id=tech.id)
    session.commit()
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame["About"]) == ["Surveillance technology notice: Gunshot sensors"]
    picker = next(s for s in at.selectbox if s.label == "Comment")
    assert "Surveillance technology notice: Gunshot sensors" in picker.options[0]


def test_bidi_controls_are_flagged_and_shown_visible_not_applied(session: Session) -> None:
    """A right-to-left override shows "devorppa" as "approved"; the public sees it removed,
    so the moderator must see it named, not applied, and the queue must say why."""
    _queued(session, "The camera audit was \u202edevorppa\u202c by the board.")
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame["Flags"]) == ["bidi"]
    [cell] = list(frame["Text"])
    comment_picker = next(s for s in at.selectbox if s.label == "Comment")
    shown = [cell, *(t.value for t in at.text), *comment_picker.options]
    assert all("\u202e" not in s and "\u202c" not in s for s in shown)
    assert "⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩devorppa⟨U+202C POP DIRECTIONAL FORMATTING⟩" in cell
    assert any("⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩devorppa" in t.value for t in at.text)
    reasons = [c.value for c in at.caption if c.value.startswith("bidi")]
    assert reasons and "RIGHT\\-TO\\-LEFT OVERRIDE" in reasons[0]
    box = next(t for t in at.text_area if t.label.startswith("Text to publish"))
    assert "\u202e" not in box.value  # what would be published, as the public would see it
    flag_filter = next(s for s in at.selectbox if s.label == "Flag")
    assert any("direction" in o.lower() for o in flag_filter.options)


# ---------------------------------------------------------------------------
# At county scale (issue 18)
# ---------------------------------------------------------------------------

def test_the_waiting_figure_counts_beyond_the_listed_500(session: Session) -> None:
    import secrets

    import sqlalchemy as sa

    from portal.base import utcnow

    now = utcnow()
    session.execute(sa.insert(Comment.__table__), [
        {"target_type": "general", "raw_text": f"Comment {i}.", "redacted_text": f"Comment {i}.",
         "language": "en", "state": "pending", "receipt_code": secrets.token_hex(8),
         "flags": [], "urgency": 0, "submitted_at": now, "lock_version": 1} for i in range(523)])
    session.commit()
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert not at.exception
    [waiting] = [m for m in at.metric if m.label == "Waiting"]
    assert waiting.value == "523"
    assert len(at.dataframe[0].value) == 500
    assert any("The 500 most urgent and longest waiting are listed" in c.value for c in at.caption)


def _decided(session: Session) -> tuple[Comment, list[Comment]]:
    """A referred comment still waiting, and three decided ones."""
    from portal.auth.roles import Actor
    from portal.engagement.decisions import decide

    moderator = Actor(subject="mo@alder-county.example", roles=frozenset({Role.MODERATOR}))
    referred = _queued(session, "Is the camera vendor allowed to keep the footage?")
    decide(session=session, actor=moderator, comment_id=referred.id,
           lock_version=referred.lock_version, action="escalate", note="A question of law.")
    done = [_queued(session, f"Decided comment number {i} about the drones.") for i in range(3)]
    for c in done[:2]:
        decide(session=session, actor=moderator, comment_id=c.id, lock_version=c.lock_version,
               action="publish")
    decide(session=session, actor=moderator, comment_id=done[2].id,
           lock_version=done[2].lock_version, action="reject", reason_code="spam")
    session.commit()
    return referred, done


def test_the_queue_reads_only_the_listed_comments_decisions(
        session: Session, monkeypatch) -> None:
    from portal.engagement import decisions

    referred, _done = _decided(session)
    waiting = _queued(session, "Please publish the camera audit every year.")
    asked, returned, whole_log = [], [], []
    original = decisions.earlier_decisions

    def spy(**kw):  # type: ignore[no-untyped-def]
        asked.append(sorted(kw["comment_ids"]))
        found = original(**kw)
        returned.extend((cid, d.action) for cid, ds in found.items() for d in ds)
        return found

    monkeypatch.setattr(decisions, "earlier_decisions", spy)
    monkeypatch.setattr(decisions, "moderation_log", lambda **kw: whole_log.append(kw) or [])
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert not at.exception
    assert asked == [sorted([referred.id, waiting.id])]  # the listed comments, no others
    assert returned == [(referred.id, "escalate")]  # 1 of the 5 decisions made
    assert whole_log == []  # the whole log is not read to draw the page
    frame = at.dataframe[0].value.set_index("Comment")
    assert frame.loc[referred.id, "Earlier decisions"].startswith("Refer to the commission, ")
    assert frame.loc[waiting.id, "Earlier decisions"] == ""
    picker = next(s for s in at.selectbox if s.label == "Comment")
    picker.set_value(referred.id).run()
    assert any("Earlier: Refer to the commission" in plain(c.value)
               and "by mo@alder-county.example — A question of law." in plain(c.value)
               for c in at.caption)


def test_the_log_download_is_built_when_asked_with_the_same_content(
        session: Session, monkeypatch) -> None:
    """The CSV is made by the download's click (Streamlit runs the callable then), not by
    every run, and holds what the page's download held before: every decision, oldest first."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    from portal.engagement.models import ModerationDecision
    from portal.engagement.targets import target_titles
    from portal.engagement.vocab import MODERATION_ACTIONS
    from portal.exports import to_csv

    _decided(session)
    deferred = {}
    original = MediaFileManager.add_deferred

    def keep(self, callable_, mimetype, coordinates, file_name=None, **kw):  # type: ignore[no-untyped-def]
        deferred[file_name] = callable_
        return original(self, callable_, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    at = run_script("app_pages/moderation_queue.py", Role.ADMIN)
    assert not at.exception
    [button] = [b for b in at.get("download_button") if "moderation log" in b.label]
    assert button.label == "Download the moderation log (CSV, 4 decisions)"
    assert button.proto.url == "" and button.proto.deferred_file_id  # nothing built yet
    built = deferred["moderation-log.csv"]()
    # As the page built it before, from every decision joined to its comment.
    rows = session.exec(select(ModerationDecision, Comment.target_type, Comment.target_id,
                               Comment.state)
                        .join(Comment, Comment.id == ModerationDecision.comment_id)
                        .order_by(ModerationDecision.decided_at, ModerationDecision.id)).all()
    titles = target_titles(session, {(kind, tid) for _, kind, tid, _ in rows})
    before = to_csv([{"decided_at": d.decided_at, "comment_id": d.comment_id,
                      "about": titles[(kind, tid)],
                      "action": MODERATION_ACTIONS.get(d.action, d.action),
                      "reason": d.reason or "", "moderator": d.moderator, "state_now": state}
                     for d, kind, tid, state in rows],
                    ("decided_at", "comment_id", "about", "action", "reason", "moderator",
                     "state_now"))
    assert built == before
    lines = built.decode("utf-8-sig").splitlines()
    assert lines[0] == "decided_at,comment_id,about,action,reason,moderator,state_now"
    assert [line.split(",")[3] for line in lines[1:]] == [
        "Refer to the commission", "Publish", "Publish", "Do not publish"]


def test_the_queue_in_spanish_and_its_refusal(session: Session) -> None:
    _queued(session, "Buy cheap watches at my shop today, best prices in the county!")
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Cola de moderación" in shown and "Decidir sobre un comentario" in shown
    assert "Moderation queue" not in shown and "Decide a comment" not in shown
    frame = at.dataframe[0].value
    assert {"Comentario", "En espera", "Texto"} <= set(frame.columns)
    assert list(frame["Sobre"]) == ["El portal en general"]
    assert at.radio[0].label == "Decisión"
    # The widgets' labels are formatted again in the test's own process: in Spanish too.
    with using_language("es"):
        at.radio[0].set_value("reject")
        next(b for b in at.button if b.label == "Registrar la decisión").click().run()
    assert any("motivo: elija un motivo de la política de moderación" in plain(e.value) for e in at.error)
    assert not any(b.label == "Record decision" for b in at.button)
