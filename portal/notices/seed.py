"""The demo county's surveillance technologies, their notice versions and deployments."""

from __future__ import annotations

from datetime import time
from typing import Any

from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext
from portal.notices import vocab as nv
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology

_NOTICE_TEXT = (
    "description", "how_it_works", "purpose", "problems_addressed", "data_collected",
    "data_subjects", "retention", "access", "access_logging", "sharing",
    "civil_rights_impact", "disparate_impact", "mitigations", "funding_source", "vendor",
    "use_policy", "approving_authority", "change_summary",
)


def check(c: Checker) -> None:
    c.known["notice"] = {t["slug"] for t in c.data["technologies"]}
    for n, t in enumerate(c.data["technologies"], start=1):
        w = "technologies."
        c.vocab(t["department"], c.known["department"], w + "department", n)
        c.vocab(t["category"], nv.CATEGORIES, w + "category", n)
        c.vocab(t["status"], nv.STATUSES, w + "status", n)
        c.require(bool(t["versions"]), w + "versions", n, "needs at least one version")
        for v in t["versions"]:
            for loc in v["locations"]:
                c.vocab(loc["district"], c.known["district"], w + "locations.district", n)


def _technologies(ctx: SeedContext) -> dict[str, int]:
    known = dict(ctx.s.exec(select(SurveillanceTechnology.slug, SurveillanceTechnology.id)).all())
    new = []
    for t in ctx.d["technologies"]:
        if t["slug"] in known:
            continue
        published = [v["published_days_ago"] for v in t["versions"]
                     if v["published_days_ago"] is not None]
        opens, closes = t.get("comment_opens_in_days"), t.get("comment_closes_in_days")
        new.append(SurveillanceTechnology(
            slug=t["slug"], name=t["name"], category=t["category"],
            department_id=ctx.ids["department"][t["department"]], status=t["status"],
            is_published=t["is_published"],
            comment_opens_at=None if opens is None else ctx.local(opens, time(0, 0)),
            comment_closes_at=None if closes is None else ctx.local(closes, time(23, 59)),
            created_at=ctx.ago(max(published, default=5)),
            updated_at=ctx.ago(t.get("updated_days_ago") or 0),
        ))
    ctx.add(new)
    known.update({r.slug: r.id for r in new})
    return known


def _versions(ctx: SeedContext, technology: dict[str, int]) -> None:
    have = set(ctx.s.exec(select(NoticeVersion.technology_id, NoticeVersion.version)).all())
    versions: list[tuple[dict[str, Any], NoticeVersion]] = []
    for t in ctx.d["technologies"]:
        tech_id = technology[t["slug"]]
        for v in t["versions"]:
            if (tech_id, v["version"]) in have:
                continue
            published_at = ctx.ago(v["published_days_ago"])
            versions.append((v, NoticeVersion(
                technology_id=tech_id, version=v["version"], published_at=published_at,
                **{f: v[f] for f in _NOTICE_TEXT},
                fiscal_acquisition_cost=v["fiscal_acquisition_cost"],
                fiscal_ongoing_cost=v["fiscal_ongoing_cost"],
                approved_on=ctx.local_date(v.get("approved_days_ago")),
                annual_report=v.get("annual_report") or {},
                created_by=ctx.contact.get(t["department"], "system"),
                created_at=published_at or ctx.ago(3),
            )))
    ctx.add([row for _, row in versions])


def _locations(ctx: SeedContext, technology: dict[str, int]) -> None:
    version_ids = {(tid, ver): vid for vid, tid, ver in ctx.s.exec(
        select(NoticeVersion.id, NoticeVersion.technology_id, NoticeVersion.version)).all()}
    placed = set(ctx.s.exec(
        select(DeploymentLocation.notice_version_id, DeploymentLocation.label)).all())
    locations = []
    for t in ctx.d["technologies"]:
        tech_id = technology[t["slug"]]
        for v in t["versions"]:
            version_id = version_ids[(tech_id, v["version"])]
            for loc in v["locations"]:
                if (version_id, loc["label"]) in placed:
                    continue
                locations.append(DeploymentLocation(
                    notice_version_id=version_id, technology_id=tech_id,
                    district_id=ctx.ids["district"][loc["district"]], label=loc["label"],
                    latitude=loc["latitude"], longitude=loc["longitude"],
                    geometry=loc.get("geometry"),
                ))
    ctx.add(locations)


def load(ctx: SeedContext) -> None:
    technology = _technologies(ctx)
    ctx.ids["notice"] = technology
    _versions(ctx, technology)
    _locations(ctx, technology)


SEED = Seed(
    files={"technologies": "technologies.json"}, check=check, load=load,
    tables=(SurveillanceTechnology, NoticeVersion, DeploymentLocation),
    provides=("notice",), uses=("department", "district"),
)
