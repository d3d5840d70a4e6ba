"""Disaggregated data: indicators by district, group and period."""

from portal.manifest import Area

AREA = Area(
    name="indicators",
    permissions={},
    models=("portal.indicators.models",),
    seed="portal.indicators.seed:SEED",
)
