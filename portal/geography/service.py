"""Districts for maps and for placing locations; public like the boundaries themselves."""

from __future__ import annotations

from sqlmodel import Session, select

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.geography.models import District


@service("geography.list_districts")
def list_districts(*, session: Session, actor: Actor) -> list[District]:
    return list(session.exec(select(District).order_by(District.code)).all())
