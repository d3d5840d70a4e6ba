"""The county-scale records staff keep: departments, datasets, sharing practices, and
surveillance technologies with their notice versions and deployment locations.

Each ``*_rows`` function is pure: given the seeded generator, the ids to start from and what
the database already holds (districts, department codes, slugs), it returns the rows as
tuples in its ``*_COLUMNS`` order, ids included, so the loader writes them in bulk and the
rows that refer to them are built before anything is written.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from portal.demo import scale_words as w
from portal.demo.areas import function, module

iv = module("portal.inventory.vocab")  # the inventory's vocabularies (portal/demo/areas.py)
nv = module("portal.notices.vocab")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class District:
    id: int
    code: str
    name: str
    population: int
    geometry: dict[str, Any]

    def rings(self) -> list[list[list[float]]]:
        """The outer rings of the district's (multi)polygon."""
        kind, coordinates = self.geometry.get("type"), self.geometry.get("coordinates") or []
        if kind == "Polygon":
            return [coordinates[0]] if coordinates else []
        if kind == "MultiPolygon":
            return [polygon[0] for polygon in coordinates if polygon]
        return []


def point_in(rng: random.Random, district: District) -> tuple[float | None, float | None]:
    """A point inside the district (None, None when it has no usable geometry)."""
    in_ring = function("portal.notices.geo:_in_ring")  # the notices' own point-in-polygon test
    rings = district.rings()
    points = [p for ring in rings for p in ring]
    if not points:
        return None, None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    for _ in range(200):
        lon = rng.uniform(min(lons), max(lons))
        lat = rng.uniform(min(lats), max(lats))
        if any(in_ring(lon, lat, ring) for ring in rings):
            return round(lon, 6), round(lat, 6)
    return None, None


def streets(code: str) -> tuple[str, ...]:
    return w.STREETS.get(code, w.GENERIC_STREETS)


@dataclass
class Department:
    id: int
    code: str
    name: str
    contact: str


@dataclass
class Made:
    """What the records stage made, for the stages after it."""

    departments: list[Department] = field(default_factory=list)
    #: (id, dataset kind, recipient, department)
    practices: list[tuple[int, str, str, Department]] = field(default_factory=list)
    #: (id, short name, category, department, comment opens, closes, is_published, status)
    technologies: list[tuple[Any, ...]] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Departments, datasets, practices
# ---------------------------------------------------------------------------

DEPARTMENT_COLUMNS = ("id", "code", "name", "description", "contact_email", "version",
                      "updated_at", "updated_by")


def department_rows(n: int, first_id: int, taken: set[str], now: datetime) -> list[tuple[Any, ...]]:
    rows = []
    for k in range(n):
        code, name, does = w.DEPARTMENTS[k % len(w.DEPARTMENTS)]
        if k >= len(w.DEPARTMENTS):
            name = f"{name}, unit {k // len(w.DEPARTMENTS) + 1}"
        candidate, suffix = code, 1
        while candidate in taken:
            suffix += 1
            candidate = f"{code}{suffix}"
        taken.add(candidate)
        rows.append((first_id + k, candidate, name, f"The county's {name.lower()}: {does}.",
                     f"{candidate.lower()}-privacy@{w.DOMAIN}", 1, now, "system"))
    return rows


DATASET_COLUMNS = ("id", "identifier", "department_id", "title", "description", "classification",
                   "keywords", "sensitive_categories", "access_level", "retention_policy_days",
                   "modified", "created_at", "version", "updated_at", "updated_by")
PRACTICE_COLUMNS = (
    "id", "dataset_id", "department_id", "title", "recipient", "recipient_type", "mechanism",
    "channel", "legal_basis_type", "legal_basis", "purpose", "data_elements",
    "sensitive_categories", "frequency", "agreement_title", "agreement_start", "agreement_end",
    "agreement_terms", "retention_days", "retention_text", "residents_notified",
    "hosted_by_third_party", "status", "start_date", "end_date", "version", "created_at",
    "updated_at", "updated_by",
)
ACCESS = {"public": "public", "internal": "restricted public", "confidential": "non-public",
          "restricted": "non-public"}
LEGAL_BASIS = {
    "statute": "Required by state statute (SRS chapter {n}) for programmes the State funds.",
    "regulation": "Federal regulation ({n} CFR part 5) governing the programme.",
    "court_order": "A court order or subpoena naming the records, reviewed by the County Attorney.",
    "contract": "The county's contract with the recipient, which limits its use of the data.",
    "consent": "The resident's written consent, given on the programme's application form.",
    "none_stated": "",
}
INFORMAL = {"phone", "email", "in_person"}


def inventory_rows(rng: random.Random, departments: list[Department], datasets: int, practices: int,
                   first_dataset: int, first_practice: int, taken: set[str], now: datetime,
                   made: Made) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``datasets`` datasets spread over ``departments``, and ``practices`` practices over them."""
    today = now.date()
    plan: list[tuple[Department, tuple[str, str, tuple[str, ...]], int]] = []
    for k in range(datasets):
        department = departments[k % len(departments)]
        kind = w.DATASET_KINDS[(k // len(departments) + department.id) % len(w.DATASET_KINDS)]
        plan.append((department, kind, first_dataset + k))
    # Practices: every dataset has one while there are enough, the rest go to datasets at random.
    owners = [plan[k % len(plan)] for k in range(practices)] if plan else []
    practice_rows: list[tuple[Any, ...]] = []
    held: dict[int, set[str]] = {}
    titled: dict[tuple[int, str], int] = {}
    for k, (department, (kind, _cls, sensitive), dataset_id) in enumerate(owners):
        rtype = rng.choices(list(w.RECIPIENTS), weights=[10, 16, 14, 10, 22, 6, 10, 12])[0]
        recipient = rng.choice(w.RECIPIENTS[rtype])
        channel, basis_type = rng.choice(w.CHANNELS_FOR[rtype])
        if channel == "court_order":  # an order arrives by law: not a channel of its own
            channel = "law"
        categories = sorted(c for c in sensitive if rng.random() < 0.8)
        held.setdefault(dataset_id, set()).update(categories)
        formal = channel not in INFORMAL
        agreement = formal and channel in ("contract", "data_sharing_agreement", "mou")
        start = today - timedelta(days=rng.randint(60, 4000))
        status = rng.choices(("active", "suspended", "retired"), weights=(86, 4, 10))[0]
        end = (start + timedelta(days=rng.randint(30, max(31, (today - start).days))))
        terms: dict[str, bool] = {}
        if agreement:
            missing = set(rng.sample(list(iv.AGREEMENT_TERMS), k=rng.choice((0, 0, 0, 1, 1, 2, 3))))
            terms = {term: term not in missing for term in iv.AGREEMENT_TERMS}
        title = rng.choice(w.SHARING_TITLES).format(kind=kind, kind_lower=kind.lower(),
                                                    recipient=recipient)[:290]
        # A dataset's practices have distinct titles, as the inventory's import requires, so
        # the county's own export imports back.
        repeat = titled[(dataset_id, title.casefold())] = titled.get((dataset_id, title.casefold()), 0) + 1
        if repeat > 1:
            title = f"{title} ({repeat})"
        retention = rng.choice((None, 30, 90, 365, 1095, 2555)) if formal else None
        practice_id = first_practice + k
        practice_rows.append((
            practice_id, dataset_id, department.id, title, recipient, rtype,
            "formal" if formal else "informal", channel, basis_type,
            LEGAL_BASIS[basis_type].format(n=rng.randint(100, 699)),
            rng.choice(w.PURPOSES[rtype]),
            sorted(rng.sample(w.DATA_ELEMENTS, k=rng.randint(2, 7))), categories,
            "on_request" if not formal else rng.choice(list(iv.FREQUENCIES)),
            f"{rng.choice(w.AGREEMENT_KINDS)} with {recipient}"[:300] if agreement else None,
            start if agreement else None,
            start + timedelta(days=rng.choice((365, 730, 1095, 1825))) if agreement else None,
            terms, retention,
            f"Deleted by the recipient after {retention} days." if retention else None,
            rng.random() < 0.55, rtype == "vendor" and rng.random() < 0.7, status, start,
            end if status == "retired" else None, 1, now, now, department.contact,
        ))
        made.practices.append((practice_id, kind, recipient, department))
    dataset_rows = []
    counts: dict[tuple[int, str], int] = {}
    for department, (kind, classification, _sensitive), dataset_id in plan:
        base = f"alder-{department.code.lower()}-{slugify(kind)}"
        n = counts[(department.id, base)] = counts.get((department.id, base), 0) + 1
        identifier = base if n == 1 else f"{base}-{n}"
        while identifier in taken:
            n += 1
            identifier = f"{base}-{n}"
        taken.add(identifier)
        title = f"{department.name}: {kind.lower()}" + (f" ({n})" if n > 1 else "")
        dataset_rows.append((
            dataset_id, identifier[:120], department.id, title[:300],
            f"{kind} kept by {department.name}.", classification,
            [department.name.split()[0].lower(), kind.split()[0].lower()],
            sorted(held.get(dataset_id, ())), ACCESS[classification],
            rng.choice((365, 1095, 1825, 2555, 3650, None)),
            today - timedelta(days=rng.randint(1, 900)), now, 1, now, department.contact,
        ))
    return dataset_rows, practice_rows


# ---------------------------------------------------------------------------
# Surveillance technologies, notice versions, locations
# ---------------------------------------------------------------------------

TECHNOLOGY_COLUMNS = ("id", "slug", "name", "category", "department_id", "status", "is_published",
                      "comment_opens_at", "comment_closes_at", "created_at", "updated_at")
VERSION_COLUMNS = ("id", "technology_id", "version", "published_at", *nv.TEXT_FIELDS,
                   "fiscal_acquisition_cost", "fiscal_ongoing_cost", "approved_on",
                   "annual_report", "created_by", "created_at")
LOCATION_COLUMNS = ("id", "notice_version_id", "technology_id", "district_id", "label",
                    "latitude", "longitude", "geometry")
STATUS_WEIGHTS = {"in_use": 50, "approved": 10, "under_review": 12, "proposed": 10,
                  "denied": 5, "retired": 13}


def _local(now: datetime, tz: ZoneInfo, days: int, at: time) -> datetime:
    day = now.astimezone(tz).date() + timedelta(days=days)
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def notice_rows(rng: random.Random, n: int, locations: int, departments: list[Department],
                districts: list[District], first: dict[str, int], taken: set[str],
                now: datetime, tz: ZoneInfo, made: Made
                ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``n`` technologies, their versions, and ``locations`` deployment locations."""
    preferred = [d for d in departments if d.code in ("POL", "SHF", "DOT", "ECC", "FAC", "AIR",
                                                       "OEM", "HSV", "DCJ", "FIR", "TEC")]
    techs, versions, places = [], [], []
    latest_version: list[tuple[int, int, bool]] = []  # version id, technology id, has places
    version_id = first["version"]
    categories = list(w.TECHNOLOGY_KINDS)
    for k in range(n):
        category = categories[k % len(categories)] if k < len(categories) else rng.choice(categories)
        name_base, vendor, has_places = rng.choice(w.TECHNOLOGY_KINDS[category])
        department = rng.choice(preferred) if preferred and rng.random() < 0.6 else rng.choice(departments)
        name = f"{name_base} ({department.name})"[:200]
        slug = slugify(name)[:110]
        candidate, m = slug, 1
        while candidate in taken:
            m += 1
            candidate = f"{slug}-{m}"
        taken.add(candidate)
        status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
        # The first two always take comments: one had its period, one has it open now.
        status = ("in_use", "under_review")[k] if k < 2 else status
        published = k < 2 or not (status == "proposed" and rng.random() < 0.5)
        opens = closes = None
        if published:
            roll = (0.5, 0.0)[k] if k < 2 else rng.random()
            if status != "retired" and roll < 0.05:
                start = -rng.randint(1, 25)  # open now
            elif status != "retired" and roll < 0.08:
                start = rng.randint(2, 20)  # upcoming
            elif roll < 0.8:
                start = -rng.randint(45, 730)  # a past period
            else:
                start = None
            if start is not None:
                opens = _local(now, tz, start, time(0, 0))
                closes = _local(now, tz, start + rng.choice((30, 30, 45, 60)), time(23, 59))
        # Versions: the latest published before the period opened (or some time ago).
        count = rng.choice((1, 1, 2, 2, 3)) if published else 1
        last = (opens - timedelta(days=rng.randint(1, 10))) if opens else now - timedelta(
            days=rng.randint(20, 900))
        last = min(last, now - timedelta(hours=1))
        stamps = sorted(last - timedelta(days=rng.randint(120, 600) * j) for j in range(count))
        tech_id = first["technology"] + k
        techs.append((tech_id, candidate, name, category, department.id, status, published,
                      opens, closes, stamps[0], stamps[-1]))
        made.technologies.append((tech_id, name_base, category, department, opens, closes,
                                  published, status))
        data = rng.choice(w.NOTICE_DATA)
        for j, stamp in enumerate(stamps, start=1):
            fields = {f: text.format(name=name_base, dept=department.name, count=rng.randint(2, 40),
                                     data=data, data_cap=data[0].upper() + data[1:], vendor=vendor,
                                     goal=rng.choice(w.NOTICE_GOALS), days=rng.choice((7, 30, 90, 365)),
                                     funding=rng.choice(w.FUNDING))
                      for f, text in w.NOTICE_SENTENCES.items()}
            fields["vendor"] = vendor
            fields["change_summary"] = "First notice." if j == 1 else rng.choice((
                "Retention shortened and the annual report added.",
                "Locations updated; sharing limited to written requests.",
                "Use policy revised after the commission's recommendations."))
            approved = stamp.date() - timedelta(days=rng.randint(5, 60)) if published and status in (
                "approved", "in_use", "retired") else None
            report = {}
            if published and status == "in_use" and j == len(stamps):
                report = {"year": 2025, "searches": rng.randint(10, 5000),
                          "requests_from_other_agencies": rng.randint(0, 200),
                          "complaints": rng.randint(0, 12)}
            versions.append((version_id, tech_id, j, stamp if published else None,
                             *(fields[f] for f in nv.TEXT_FIELDS),
                             float(rng.randrange(20_000, 2_000_000, 1_000)),
                             float(rng.randrange(5_000, 400_000, 1_000)), approved, report,
                             department.contact, stamp))
            version_id += 1
        latest_version.append((version_id - 1, tech_id, has_places and published))
    # Locations: on the latest version of technologies deployed in places (all if none are).
    hosts = [v for v in latest_version if v[2]] or latest_version
    for k in range(locations if hosts else 0):
        version, tech_id, _ = hosts[k % len(hosts)] if k < len(hosts) else rng.choice(hosts)
        district = rng.choice(districts)
        street = rng.choice(streets(district.code))
        label = rng.choice(w.LOCATION_KINDS).format(street=street, cross=rng.choice(w.CROSS_STREETS),
                                                    block=rng.randint(1, 99) * 100)
        lon, lat = point_in(rng, district)
        places.append((first["location"] + k, version, tech_id, district.id,
                       f"{label} ({district.name})"[:300], lat, lon, None))
    return techs, versions, places


def today_in(now: datetime, tz: ZoneInfo) -> date:
    return now.astimezone(tz).date()
