"""The general comment form: screening warning, confirmation, receipt, lookup, inert display."""

from __future__ import annotations

from sqlmodel import Session, select

from portal.auth.roles import Actor, Role
from portal.engagement.decisions import decide
from portal.engagement.models import Comment
from portal.i18n import using_language
from tests import factories
from tests.apptest import run_script, texts

PHONE_TEXT = "Stop the drone program. Call me at 503-248-7731 if you want to talk."


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _write(at, text: str):
    next(t for t in at.text_area if t.label.startswith("Your comment")).set_value(text)
    return _button(at, "Check and send").click().run()


def test_clean_comment_is_sent_with_a_receipt(session: Session) -> None:
    at = run_script("app_pages/have_your_say.py")
    assert not at.exception
    _write(at, "Please publish the licence plate reader audit every year.")
    assert not at.exception
    [comment] = session.exec(select(Comment)).all()
    assert comment.state == "pending" and comment.author_ref is None
    assert any("awaiting moderation" in s.value and comment.receipt_code in s.value for s in at.success)
    # Published comments are also at a stable address for scripts (docs/api.md).
    assert "](/api/comments.json)" in texts(at)


def test_personal_data_warning_then_confirm(session: Session) -> None:
    at = run_script("app_pages/have_your_say.py")
    _write(at, PHONE_TEXT)
    assert any("phone number" in w.value and "removed before publication" in w.value for w in at.warning)
    assert "[phone removed]" in texts(at).replace("\\", "")
    assert session.exec(select(Comment)).all() == []
    _button(at, "Send it with these removed").click().run()
    assert not at.exception
    [comment] = session.exec(select(Comment)).all()
    assert comment.raw_text == PHONE_TEXT and "503-248-7731" not in comment.redacted_text
    assert any(comment.receipt_code in s.value for s in at.success)
    assert not at.warning or not any("phone number" in w.value for w in at.warning)


def test_edit_instead_of_sending_stores_nothing(session: Session) -> None:
    at = run_script("app_pages/have_your_say.py")
    _write(at, PHONE_TEXT)
    _button(at, "Edit my comment").click().run()
    assert session.exec(select(Comment)).all() == []
    assert any("has not been sent" in i.value for i in at.info)


def test_too_long_and_honeypot_get_plain_messages(session: Session) -> None:
    at = run_script("app_pages/have_your_say.py")
    assert "limited to 5,000 characters" in texts(at)
    box = next(t for t in at.text_area if t.label.startswith("Your comment"))
    # No max_chars: the browser would drop a longer paste whole, silently (issue 15).
    assert not box.max_chars and "Up to 5,000 characters" in (box.help or "")
    next(t for t in at.text_input if t.label == "Leave this field empty").set_value("http://x.example")
    _write(at, "Cheap watches for sale")
    assert any("meant to stay empty" in e.value for e in at.error)
    assert session.exec(select(Comment)).all() == []


def test_published_hostile_text_is_shown_inert_and_receipt_lookup(session: Session) -> None:
    hostile = "<script>alert(1)</script> [click](javascript:alert(1)) ![x](http://evil.example/x.png) \u202eevil"
    c = factories.submitted_comment(session, hostile)
    decide(session=session, actor=Actor(subject="m@x", roles=frozenset({Role.MODERATOR})),
           comment_id=c.id, lock_version=c.lock_version, action="publish")
    session.commit()
    at = run_script("app_pages/have_your_say.py")
    shown = [m.value for m in at.markdown if "script" in m.value]
    assert shown and all("\\<script\\>" in v and "\\[click\\]" in v and "\u202e" not in v for v in shown)
    next(t for t in at.text_input if t.label == "Receipt code").set_value(c.receipt_code.lower())
    _button(at, "Check status").click().run()
    assert "Published" in texts(at)


def test_signed_in_staff_can_comment_too(session: Session) -> None:
    at = run_script("app_pages/have_your_say.py", Role.STAFF)
    _write(at, "Staff are residents too: publish the audit.")
    [comment] = session.exec(select(Comment)).all()
    assert comment.author_ref == "staff@alder-county.example"


def test_a_sent_comment_clears_the_form_and_a_repeat_keeps_the_first_receipt(session: Session) -> None:
    text = "Please hold the drone hearing in the evening so that working people can come."
    at = run_script("app_pages/have_your_say.py")
    _write(at, text)
    assert not at.exception
    [comment] = session.exec(select(Comment)).all()
    box = next(t for t in at.text_area if t.label.startswith("Your comment"))
    assert box.value == ""  # the sent text does not linger in the form
    _write(at, text)  # pressed again, or sent again after a dropped connection
    assert not at.exception
    assert len(session.exec(select(Comment)).all()) == 1
    assert any("already sent this comment" in i.value and comment.receipt_code in i.value
               for i in at.info)
    _write(at, text + " Thank you.")  # a different text is a new comment
    assert len(session.exec(select(Comment)).all()) == 2


def test_a_paste_over_the_limit_keeps_the_first_5000_characters_and_says_so(session: Session) -> None:
    """Streamlit's max_chars made the browser drop a longer paste whole and say nothing: the
    form now keeps what fits, says what the limit is, and sends nothing until it is shortened."""
    sentence = "Please publish the licence plate reader audit every year, with its error rates. "
    pasted = (sentence * 80)[:6_120]
    at = run_script("app_pages/have_your_say.py")
    _write(at, pasted)
    assert not at.exception
    assert session.exec(select(Comment)).all() == []
    told = " ".join(w.value for w in at.warning)
    assert "6,120 characters" in told and "up to 5,000" in told and "first 5,000" in told
    box = next(t for t in at.text_area if t.label.startswith("Your comment"))
    assert box.value == pasted[:5_000]
    _button(at, "Check and send").click().run()  # sent again as kept: within the limit now
    assert not at.exception
    [comment] = session.exec(select(Comment)).all()
    assert comment.raw_text == pasted[:5_000].strip()
    assert not any("characters; comments can be up to" in w.value for w in at.warning)


def test_what_is_open_for_comment_is_listed_with_links(session: Session) -> None:
    open_notice = factories.technology(session, name="Street cameras", slug="street-cameras",
                                       open_days=9)
    factories.technology(session, name="Closed pilot", slug="closed-pilot")
    session.commit()
    at = run_script("app_pages/have_your_say.py")
    assert not at.exception
    # Run on its own the page has no menu, so its links are plain Markdown links.
    shown = texts(at)
    assert "[Street cameras](/notice?technology=street-cameras)" in shown
    assert "Closed pilot" not in shown
    assert "](/inventory)" in shown and "](/surveys)" in shown
    assert "Comments close" in shown
    assert open_notice.id


def _shown_comments(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.value for m in at.markdown if m.value.startswith("Comment number")]


def test_published_comments_come_a_page_at_a_time_each_once_in_order(session: Session) -> None:
    """45 published comments, many published at one instant, and others never published: the
    newest 20 first, then a labelled button adds 20, then the last 5; each comment is shown
    once, newest first, and no unpublished one ever."""
    from datetime import timedelta

    from portal.base import utcnow

    now = utcnow()
    order = []
    for n in range(45):
        # Every third comment shares an instant with others, as a batch decision leaves them.
        instant = now - timedelta(hours=1) if n % 3 == 0 else now - timedelta(minutes=n)
        row = factories.stored_comment(session, f"Comment number {n}.", published_at=instant)
        order.append((instant, row.id, f"Comment number {n}\\."))
        if n % 10 == 0:
            factories.stored_comment(session, f"Comment number {n} unpublished.", state="pending")
            factories.stored_comment(session, f"Comment number {n} rejected.", state="rejected")
    session.commit()
    expected = [text for *_, text in sorted(order, reverse=True)]

    at = run_script("app_pages/have_your_say.py")
    assert not at.exception
    assert "Published comments (45)" in texts(at) and "Newest first: 20 of 45 shown." in texts(at)
    assert _shown_comments(at) == expected[:20]
    _button(at, "Show 20 more comments (25 not yet shown)").click().run()
    assert not at.exception
    assert _shown_comments(at) == expected[:40]
    _button(at, "Show 5 more comments (5 not yet shown)").click().run()
    assert _shown_comments(at) == expected
    assert not any(b.label.startswith("Show") for b in at.button)
    # A rerun (the form, say) keeps what the reader has opened.
    at.run()
    assert _shown_comments(at) == expected and "unpublished" not in texts(at)


def test_the_form_and_its_messages_in_spanish(session: Session) -> None:
    """?lang=es: the page, the form's labels, the screening warning, a refusal and the receipt
    lookup in Spanish, and none of their English left."""
    # AppTest formats the select boxes' options in the test's thread too, so it reads them
    # in the page's language.
    with using_language("es"):
        at = run_script("app_pages/have_your_say.py", query={"lang": "es"})
        assert not at.exception
        shown = texts(at)
        assert at.title[0].value == "Opine"
        assert "Un comentario para el condado" in shown and "Añada su comentario" in shown
        assert "Have your say" not in shown and "Add your comment" not in shown
        assert [t.label for t in at.text_area] == ["Su comentario (obligatorio)"]
        labels = [b.label for b in at.button]
        assert "Revisar y enviar" in labels and "Consultar el estado" in labels
        assert "Check and send" not in labels
        assert "[Cómo se moderan los comentarios](moderation-policy?lang=es)" in shown
        # A comment too short to send: the service's refusal, in Spanish.
        at.text_area[0].set_value("ok")
        next(b for b in at.button if b.label == "Revisar y enviar").click().run()
        assert not at.exception
        errors = " ".join(e.value for e in at.error)
        assert "Corrija lo siguiente" in errors and "escriba su comentario" in errors
        assert "Please correct" not in errors and "write your comment" not in errors
        # Personal data found before storing: the warning names it in Spanish.
        at.text_area[0].set_value(PHONE_TEXT)
        next(b for b in at.button if b.label == "Revisar y enviar").click().run()
        warning = " ".join(w.value for w in at.warning)
        assert "Su comentario contiene datos personales: un número de teléfono" in warning
        assert "phone number" not in warning
        assert {"Enviarlo sin estos datos", "Editar mi comentario"} <= {b.label for b in at.button}
        assert session.exec(select(Comment)).all() == []
        next(b for b in at.button if b.label == "Enviarlo sin estos datos").click().run()
        [comment] = session.exec(select(Comment)).all()
        assert any("pendiente de moderación" in s.value and comment.receipt_code in s.value
                   for s in at.success)
        # The receipt lookup answers in Spanish, and says a rejected comment's policy reason so.
        decide(session=session, actor=Actor(subject="mod@x.example", roles=frozenset({Role.MODERATOR})),
               comment_id=comment.id, lock_version=comment.lock_version, action="reject",
               reason_code="spam")
        session.commit()
        next(t for t in at.text_input if t.label == "Código de recibo").set_value(comment.receipt_code)
        next(b for b in at.button if b.label == "Consultar el estado").click().run()
        shown = texts(at)
        assert "**No publicado**" in shown and "Not published" not in shown
        assert "Motivo por el que no se publicó: Publicidad comercial o correo basura" in shown
        assert "Reason it was not published" not in shown
