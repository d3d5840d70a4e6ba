"""Role grants an administrator makes, in addition to roles from the identity provider's claim."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import created_at_field


class UserRole(SQLModel, table=True):
    __tablename__ = "user_role"
    __table_args__ = (sa.UniqueConstraint("subject", "role", name="uq_user_role_subject_role"),)

    id: int | None = Field(default=None, primary_key=True)
    # E-mail address or OIDC subject, lower-cased: whichever the administrator knows.
    subject: str = Field(max_length=320, index=True)
    role: str = Field(max_length=32)
    granted_by: str = Field(max_length=320)
    granted_at: datetime = created_at_field()
