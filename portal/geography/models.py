"""District boundaries, kept as GeoJSON so maps need no GIS extension in the database."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class District(SQLModel, table=True):
    __tablename__ = "district"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, unique=True, index=True)
    name: str = Field(max_length=120)
    population: int | None = None
    # A GeoJSON geometry object (Polygon or MultiPolygon), WGS84 lon/lat.
    geometry: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
