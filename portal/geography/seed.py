"""The demo county's districts."""

from __future__ import annotations

from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext
from portal.geography.models import District


def check(c: Checker) -> None:
    features = c.data["districts"].get("features", [])
    c.known["district"] = {f["properties"]["code"] for f in features}
    for n, f in enumerate(features, start=1):
        c.require(f.get("geometry", {}).get("type") in ("Polygon", "MultiPolygon"),
                  "districts.geometry", n, "must be a Polygon or MultiPolygon")


def load(ctx: SeedContext) -> None:
    known = dict(ctx.s.exec(select(District.code, District.id)).all())
    new = []
    for f in ctx.d["districts"]["features"]:
        p = f["properties"]
        if p["code"] not in known:
            new.append(District(code=p["code"], name=p["name"],
                                population=p.get("population"), geometry=f["geometry"]))
    ctx.add(new)
    known.update({r.code: r.id for r in new})
    ctx.ids["district"] = known


SEED = Seed(files={"districts": "districts.geojson"}, check=check, load=load,
            tables=(District,), provides=("district",))
