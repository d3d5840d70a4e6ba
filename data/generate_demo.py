"""Write the demo county ("Alder County", fictional) into ``data/demo/``.

Deterministic: a fixed random seed, no network, no clock. Run it from anywhere:

    python data/generate_demo.py            # writes data/demo/*.json
    python data/generate_demo.py --out DIR  # somewhere else

Everything that must stay current when the demo is loaded (comment periods,
comment submission times, meeting dates, survey windows, notice publication
dates) is written *relative* to load time ("..._in_days", "..._days_ago"), so
a fresh demo always looks alive. Dates that carry their own meaning (agreement
terms, request references such as IR-2024-007, indicator quarters) are
absolute.

Alder County is invented. Its places, vendors, people and statutes of "the
State" are fictional; real federal laws are cited where a real county would
cite them. Phone numbers use the 555-01xx range, e-mail addresses the
``.example`` domain.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path
from typing import Any

SEED = 20261
OUT_DIR = Path(__file__).resolve().parent / "demo"

COUNTY = "Alder County"
SEAT = "Port Alder"
DOMAIN = "aldercounty.example"
OPEN_DATA = "data.aldercounty.example"

rng = random.Random(SEED)


# ---------------------------------------------------------------------------
# Geography: 8 commission districts tiling a rectangle (lon -122.9..-122.3,
# lat 45.3..45.7). Interior borders are jagged but shared exactly, so the
# districts never overlap and leave no gaps.
# ---------------------------------------------------------------------------

LON_EDGES = [-122.9, -122.75, -122.6, -122.45, -122.3]
LAT_EDGES = [45.7, 45.5, 45.3]  # north to south

DISTRICTS = [
    # code, name, population, blurb
    ("D1", "North Harbor", 75410, "river port, rail yards and older working-class neighbourhoods"),
    ("D2", "Millrace", 74880, "inner-ring suburbs along the Millrace Creek corridor"),
    ("D3", "Old Town", 76120, "downtown Port Alder, the courthouse and the densest apartments"),
    ("D4", "Eastgate", 75230, "fast-growing east side with many immigrant families"),
    ("D5", "Foxglove Prairie", 74650, "farmland, nurseries and the town of Linwood"),
    ("D6", "Marsh Creek", 75890, "apartment complexes and light industry south of the freeway"),
    ("D7", "Bellmont", 75020, "established suburbs, the university and the hospital district"),
    ("D8", "Upper Alder Valley", 74960, "foothill towns, timber land and Kessler"),
]

# Shares of residents by race and ethnicity per district (sums to 1).
RACE_GROUPS = [
    "American Indian or Alaska Native",
    "Asian",
    "Black or African American",
    "Hispanic or Latino",
    "Native Hawaiian or Pacific Islander",
    "White",
    "Two or more races",
]
RACE_SHARES = {
    "D1": [0.013, 0.062, 0.094, 0.172, 0.0011, 0.592, 0.0659],
    "D2": [0.009, 0.118, 0.041, 0.121, 0.0006, 0.647, 0.0634],
    "D3": [0.016, 0.097, 0.083, 0.138, 0.0012, 0.588, 0.0768],
    "D4": [0.010, 0.143, 0.067, 0.291, 0.0052, 0.421, 0.0628],
    "D5": [0.012, 0.021, 0.008, 0.246, 0.0003, 0.669, 0.0437],
    "D6": [0.014, 0.086, 0.071, 0.243, 0.0068, 0.513, 0.0662],
    "D7": [0.006, 0.162, 0.029, 0.082, 0.0004, 0.667, 0.0536],
    "D8": [0.021, 0.013, 0.004, 0.071, 0.0002, 0.846, 0.0448],
}
AGE_BANDS = ["Under 25", "25 to 44", "45 to 64", "65 and over"]
AGE_SHARES = {
    "D1": [0.31, 0.30, 0.24, 0.15],
    "D2": [0.29, 0.28, 0.26, 0.17],
    "D3": [0.30, 0.40, 0.19, 0.11],
    "D4": [0.36, 0.31, 0.22, 0.11],
    "D5": [0.30, 0.23, 0.27, 0.20],
    "D6": [0.35, 0.33, 0.21, 0.11],
    "D7": [0.33, 0.25, 0.24, 0.18],
    "D8": [0.25, 0.21, 0.29, 0.25],
}
# Share of households that rent, per district.
RENTER_SHARE = {"D1": 0.47, "D2": 0.36, "D3": 0.68, "D4": 0.44, "D5": 0.27,
                "D6": 0.58, "D7": 0.33, "D8": 0.22}


def _r(value: float, places: int = 5) -> float:
    return round(value, places)


def build_district_polygons() -> dict[str, list[list[float]]]:
    g = random.Random(SEED + 1)
    nodes: dict[tuple[int, int], tuple[float, float]] = {}
    for j, lat in enumerate(LAT_EDGES):
        for i, lon in enumerate(LON_EDGES):
            dx = dy = 0.0
            inner_x = 0 < i < len(LON_EDGES) - 1
            inner_y = 0 < j < len(LAT_EDGES) - 1
            if inner_x:
                dx = g.uniform(-0.025, 0.025)
            if inner_y:
                dy = g.uniform(-0.03, 0.03)
            nodes[(i, j)] = (lon + dx, lat + dy)

    edges: dict[tuple[tuple[int, int], tuple[int, int]], list[tuple[float, float]]] = {}

    def edge(a: tuple[int, int], b: tuple[int, int]) -> list[tuple[float, float]]:
        """Points from a to b (inclusive); shared edges reuse the same jitter."""
        key = (a, b) if a < b else (b, a)
        if key not in edges:
            p, q = nodes[key[0]], nodes[key[1]]
            on_border = (
                (key[0][0] == key[1][0] and key[0][0] in (0, len(LON_EDGES) - 1))
                or (key[0][1] == key[1][1] and key[0][1] in (0, len(LAT_EDGES) - 1))
            )
            points = [p]
            steps = 4
            for s in range(1, steps):
                t = s / steps
                x = p[0] + (q[0] - p[0]) * t
                y = p[1] + (q[1] - p[1]) * t
                if not on_border:
                    # Push the point perpendicular to the edge: a creek or a road.
                    length = math.hypot(q[0] - p[0], q[1] - p[1])
                    nx, ny = -(q[1] - p[1]) / length, (q[0] - p[0]) / length
                    off = g.uniform(-0.012, 0.012)
                    x, y = x + nx * off, y + ny * off
                points.append((x, y))
            points.append(q)
            edges[key] = points
        pts = edges[key]
        return pts if key == (a, b) else list(reversed(pts))

    polygons: dict[str, list[list[float]]] = {}
    n = 0
    for j in range(len(LAT_EDGES) - 1):
        for i in range(len(LON_EDGES) - 1):
            n += 1
            nw, ne, se, sw = (i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)
            ring = edge(nw, ne)[:-1] + edge(ne, se)[:-1] + edge(se, sw)[:-1] + edge(sw, nw)[:-1]
            ring = list(reversed(ring))  # counter-clockwise exterior (RFC 7946)
            ring.append(ring[0])
            polygons[f"D{n}"] = [[_r(x), _r(y)] for x, y in ring]
    return polygons


POLYGONS = build_district_polygons()


def point_in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    for k in range(len(ring) - 1):
        x1, y1 = ring[k]
        x2, y2 = ring[k + 1]
        if (y1 > lat) != (y2 > lat):
            x_cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < x_cross:
                inside = not inside
    return inside


def district_of(lon: float, lat: float) -> str | None:
    for code, ring in POLYGONS.items():
        if point_in_ring(lon, lat, ring):
            return code
    return None


def point_in_district(code: str, margin: float = 0.012) -> tuple[float, float]:
    """A random point well inside the district (deterministic via ``rng``)."""
    ring = POLYGONS[code]
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    while True:
        lon = rng.uniform(min(xs), max(xs))
        lat = rng.uniform(min(ys), max(ys))
        probes = [(lon, lat), (lon + margin, lat), (lon - margin, lat),
                  (lon, lat + margin), (lon, lat - margin)]
        if all(point_in_ring(x, y, ring) for x, y in probes):
            return _r(lon), _r(lat)


def area_in_district(code: str, half_lon: float = 0.012, half_lat: float = 0.008) -> dict[str, Any]:
    """A small polygon (a patrol zone, a coverage area) entirely inside the district."""
    ring = POLYGONS[code]
    while True:
        lon, lat = point_in_district(code, margin=max(half_lon, half_lat) + 0.004)
        # An irregular hexagon around the centre.
        pts = []
        for k in range(6):
            ang = math.pi / 3 * k + rng.uniform(-0.2, 0.2)
            rx = half_lon * rng.uniform(0.75, 1.0)
            ry = half_lat * rng.uniform(0.75, 1.0)
            pts.append([_r(lon + rx * math.cos(ang)), _r(lat + ry * math.sin(ang))])
        if all(point_in_ring(x, y, ring) for x, y in pts):
            pts.append(pts[0])
            return {"type": "Polygon", "coordinates": [pts]}


def districts_geojson() -> dict[str, Any]:
    features = []
    for code, name, population, blurb in DISTRICTS:
        features.append({
            "type": "Feature",
            "properties": {
                "code": code,
                "name": name,
                "population": population,
                "description": f"Commission District {code[1:]}: {blurb}.",
            },
            "geometry": {"type": "Polygon", "coordinates": [POLYGONS[code]]},
        })
    return {
        "type": "FeatureCollection",
        "name": "Alder County commission districts (fictional)",
        "features": features,
    }


# ---------------------------------------------------------------------------
# Departments and datasets
# ---------------------------------------------------------------------------

DEPARTMENTS = [
    ("POL", "Police Department",
     "Patrols the unincorporated urban areas of the county and the cities that contract for "
     "police service, answers 911 calls, investigates crimes and runs traffic enforcement."),
    ("SHF", "Sheriff's Office",
     "Runs the county jail and the courthouse security unit, serves civil papers (including "
     "eviction writs), and patrols the rural east county and the river."),
    ("HLT", "Public Health",
     "Tracks and controls communicable disease, runs immunization and WIC clinics, inspects "
     "restaurants and pools, and registers births and deaths."),
    ("HSV", "Human Services",
     "Determines eligibility for food, cash and medical assistance, runs the child-abuse "
     "hotline and child welfare services, and coordinates homeless and older-adult services."),
    ("HOU", "Housing and Community Development",
     "Runs rental assistance and the rental housing registry, enforces the housing code, and "
     "funds affordable-housing construction."),
    ("DOT", "Transportation",
     "Builds and operates county roads and signals, runs parking enforcement, the red-light "
     "and school-zone speed camera programme and the Alder Access paratransit service."),
    ("DPW", "Public Works and Water",
     "Runs the water and sewer utility and the two wastewater treatment plants, issues "
     "right-of-way and building permits, and maintains county buildings."),
    ("LIB", "Library District",
     "Runs 14 branch libraries and a bookmobile, lends books, devices and Wi-Fi hotspots, and "
     "offers free public computers, classes and homework help."),
    ("PRK", "Parks and Recreation",
     "Manages 61 parks, 140 miles of trails, three community centres and the county's youth "
     "sports, swim lessons and summer camps."),
    ("DCJ", "Community Justice (Probation and Pretrial Services)",
     "Supervises adults on probation and post-prison supervision, runs pretrial release "
     "assessments for the Circuit Court, and provides juvenile probation services."),
    ("ELE", "Elections",
     "Registers voters, maintains the voter file, mails ballots to every registered voter and "
     "counts them, and publishes the official results."),
    ("TEC", "Technology Services and AlderConnect 311",
     "Runs the county's networks, website, geographic information system and the "
     "AlderConnect 311 line and app for service requests."),
]


def contact(code: str) -> str:
    return f"{code.lower()}-privacy@{DOMAIN}"


def DS(dept, ident, title, classification, retention, keywords, access, modified, description):
    return {
        "identifier": ident,
        "department": dept,
        "title": title,
        "classification": classification,
        "retention_policy_days": retention,
        "keywords": keywords,
        "access_level": access,
        "modified": modified,
        "description": description,
    }


DATASETS = [
    # Police
    DS("POL", "alder-pol-incident-reports", "Police incident reports", "confidential", 3650,
       ["police", "crime", "incident reports"], "non-public", "2026-11-02",
       "Written reports officers file after an incident: who was involved, what happened, "
       "where and when, property taken, and the officer's narrative. Names, dates of birth and "
       "addresses of victims, witnesses and suspects are included."),
    DS("POL", "alder-pol-calls-for-service", "Calls for service (public extract)", "public", 1825,
       ["police", "911", "calls for service", "open data"], "public", "2026-11-20",
       "Every call for police service by type, priority, response time and the 100-block where "
       "it happened. Names, phone numbers and exact addresses are removed before publication; "
       "calls about sexual assault and domestic violence are published without any location."),
    DS("POL", "alder-pol-stop-data", "Traffic and pedestrian stop data", "confidential", 1825,
       ["police", "traffic stops", "stop data", "racial equity"], "restricted public",
       "2026-10-15",
       "One record per stop: date, location, reason, the officer's perception of the person's "
       "race, ethnicity, sex and age, whether a search took place and what it found, and the "
       "result (warning, citation, arrest). Reported to the State as required by law; an "
       "aggregate version is published quarterly."),
    DS("POL", "alder-pol-alpr-detections", "License plate reader detections", "restricted", 30,
       ["license plate readers", "ALPR", "surveillance", "location"], "non-public", "2026-11-22",
       "Each time a fixed or patrol-car camera reads a plate: the plate number, a photo of the "
       "vehicle, the camera, the date, time and GPS position. Detections that do not match a "
       "hot list are deleted after 30 days."),
    DS("POL", "alder-pol-bwc-video", "Body-worn camera recordings", "restricted", 180,
       ["body-worn cameras", "video", "evidence"], "non-public", "2026-11-22",
       "Video and audio recorded by officers' body-worn cameras. Recordings not tagged as "
       "evidence are deleted after 180 days; evidence is kept as long as the case requires."),
    # Sheriff
    DS("SHF", "alder-shf-jail-bookings", "Jail booking and release records", "restricted", 3650,
       ["jail", "bookings", "custody", "criminal justice"], "non-public", "2026-11-22",
       "Who is booked into the county jail, on what charges, with fingerprints, photographs, "
       "place of birth, medical screening answers, property, and the date and manner of "
       "release."),
    DS("SHF", "alder-shf-jail-roster", "Current jail roster (public)", "public", 90,
       ["jail", "roster", "open data"], "public", "2026-11-23",
       "Name, booking date, charges and next court date of each person currently held, as the "
       "State's public-records law requires. Updated every 15 minutes; no history is kept on "
       "the public site."),
    DS("SHF", "alder-shf-civil-process", "Civil process service records", "confidential", 1095,
       ["civil process", "evictions", "restraining orders"], "non-public", "2026-11-18",
       "Court papers the Sheriff's Office serves or enforces: eviction writs, protective "
       "orders, summonses and small-claims judgments, with the names and addresses of the "
       "parties."),
    DS("SHF", "alder-shf-jail-communications", "Jail telephone and video visit recordings",
       "restricted", 365,
       ["jail", "phone calls", "video visits", "recordings"], "non-public", "2026-11-22",
       "Recordings and call logs of telephone calls and video visits made by people in "
       "custody. Calls with attorneys are not recorded."),
    # Public Health
    DS("HLT", "alder-hlt-communicable-disease", "Communicable disease case reports", "restricted",
       3650, ["public health", "disease reporting", "outbreaks"], "non-public", "2026-11-21",
       "Reports from laboratories and clinicians of notifiable diseases (such as measles, "
       "tuberculosis, hepatitis and foodborne illness), with the patient's name, date of birth, "
       "address, test results and the follow-up interview."),
    DS("HLT", "alder-hlt-immunizations", "Immunization clinic records", "restricted", 3650,
       ["immunizations", "vaccines", "children"], "non-public", "2026-11-19",
       "Vaccines given at county clinics and school-based clinics: who received which vaccine, "
       "when, and the parent's or guardian's consent."),
    DS("HLT", "alder-hlt-wic", "WIC participant records", "restricted", 1825,
       ["WIC", "nutrition", "children", "pregnancy"], "non-public", "2026-11-20",
       "Participants in the Women, Infants and Children nutrition programme: household income, "
       "pregnancy and infant health measurements, benefit issuance and clinic visits."),
    DS("HLT", "alder-hlt-food-inspections", "Restaurant and food cart inspections", "public", 1825,
       ["restaurants", "inspections", "food safety", "open data"], "public", "2026-11-21",
       "Scores and violations from routine and complaint inspections of restaurants, food "
       "carts, school kitchens and public pools."),
    # Human Services
    DS("HSV", "alder-hsv-child-welfare", "Child-abuse hotline and child welfare case records",
       "restricted", 9125, ["child welfare", "hotline", "foster care", "minors"], "non-public",
       "2026-11-22",
       "Reports to the child-abuse hotline, screening decisions, investigations, safety plans, "
       "foster placements and court reports. Kept 25 years as State law requires."),
    DS("HSV", "alder-hsv-benefits-eligibility", "Food, cash and medical assistance eligibility",
       "restricted", 2555, ["SNAP", "Medicaid", "TANF", "eligibility"], "non-public",
       "2026-11-22",
       "Applications and eligibility decisions for SNAP, Medicaid and cash assistance: "
       "household members, income, SSNs, immigration documents where eligibility depends on "
       "them, and case notes."),
    DS("HSV", "alder-hsv-hmis", "Homeless Management Information System (HMIS)", "restricted",
       2555, ["homelessness", "HMIS", "shelter"], "non-public", "2026-11-22",
       "Shelter stays, outreach contacts and housing placements recorded by the county and 31 "
       "partner agencies, as HUD requires of every Continuum of Care."),
    DS("HSV", "alder-hsv-older-adults", "Older adult and disability services clients",
       "confidential", 1825, ["older adults", "Meals on Wheels", "disability"], "non-public",
       "2026-11-12",
       "Clients of home-delivered meals, in-home care and adult protective services, with "
       "contact details, care needs and emergency contacts."),
    # Housing
    DS("HOU", "alder-hou-rental-assistance", "Emergency rental assistance applications",
       "confidential", 1825, ["rental assistance", "housing", "eviction prevention"],
       "non-public", "2026-11-21",
       "Applications for help with back rent: household members, income, the landlord, the "
       "amount owed and the payment made."),
    DS("HOU", "alder-hou-code-enforcement", "Housing code enforcement cases", "internal", 2555,
       ["code enforcement", "inspections", "habitability"], "restricted public", "2026-11-20",
       "Complaints about unsafe or unhealthy housing, inspections, violations found, and "
       "orders to repair. Complainants' names are confidential."),
    DS("HOU", "alder-hou-rental-registry", "Rental housing registry", "internal", 1825,
       ["rental registry", "landlords", "housing"], "restricted public", "2026-10-31",
       "Every rental unit in the unincorporated county: address, owner or property manager, "
       "number of units and registration fees."),
    DS("HOU", "alder-hou-eviction-filings", "Eviction filings (from court records)",
       "confidential", 1095, ["evictions", "courts", "housing stability"], "non-public",
       "2026-11-16",
       "A weekly copy of residential eviction cases filed in Alder County Circuit Court, used to "
       "offer tenants rental assistance and legal help before their first court date."),
    # Transportation
    DS("DOT", "alder-dot-parking-citations", "Parking citations and permits", "confidential", 1095,
       ["parking", "citations", "permits"], "non-public", "2026-11-22",
       "Parking tickets, residential parking permits and payments, with plate numbers and the "
       "registered owner's name and address obtained from the State DMV."),
    DS("DOT", "alder-dot-traffic-counts", "Traffic counts and signal timing", "public", 3650,
       ["traffic", "signals", "counts", "open data"], "public", "2026-11-01",
       "Vehicle, bicycle and pedestrian counts from signal detection cameras and road tubes. "
       "The cameras count; they do not record or identify anyone."),
    DS("DOT", "alder-dot-safety-cameras", "Red-light and school-zone speed camera violations",
       "confidential", 365, ["red-light cameras", "speed cameras", "traffic safety"],
       "non-public", "2026-11-22",
       "Photos and video of vehicles running a red light or speeding in a school zone, the "
       "plate, the registered owner and the citation."),
    DS("DOT", "alder-dot-paratransit", "Alder Access paratransit riders and trips", "restricted",
       1825, ["paratransit", "disability", "ADA"], "non-public", "2026-11-22",
       "Riders' eligibility (including the disability that qualifies them), home addresses, "
       "trip origins and destinations, and mobility devices."),
    # Public Works
    DS("DPW", "alder-dpw-utility-accounts", "Water and sewer utility accounts", "confidential",
       2555, ["utility billing", "water", "sewer"], "non-public", "2026-11-22",
       "Account holders, service addresses, meter readings, payments, shut-off notices and "
       "payment plans."),
    DS("DPW", "alder-dpw-permits", "Right-of-way and building permits", "public", 3650,
       ["permits", "construction", "open data"], "public", "2026-11-21",
       "Permits issued, their location, type, valuation, contractor and inspection results."),
    DS("DPW", "alder-dpw-wastewater-samples", "Wastewater sampling results", "internal", 1825,
       ["wastewater", "public health", "sampling"], "restricted public", "2026-11-20",
       "Twice-weekly samples from the two treatment plants and eight sewer-shed sites, tested "
       "for viruses and drug residues. Samples come from thousands of households at once and "
       "cannot identify anyone."),
    # Library
    DS("LIB", "alder-lib-patron-accounts", "Library patron accounts", "confidential", 1095,
       ["library", "patrons", "library cards"], "non-public", "2026-11-23",
       "Cardholders' names, addresses, e-mail and phone numbers, dates of birth, current loans "
       "and fees owed. Accounts inactive for three years are deleted."),
    DS("LIB", "alder-lib-circulation", "Borrowing history", "restricted", 30,
       ["library", "circulation", "reading privacy"], "non-public", "2026-11-23",
       "What each patron has borrowed. The link between a patron and a returned item is "
       "broken 30 days after return unless the patron opts in to keep a reading history."),
    DS("LIB", "alder-lib-computer-sessions", "Public computer and Wi-Fi sessions", "confidential",
       7, ["library", "public computers", "Wi-Fi"], "non-public", "2026-11-23",
       "Reservations of public computers and the device identifiers of Wi-Fi connections. "
       "Browsing history is wiped when each session ends."),
    DS("LIB", "alder-lib-usage-stats", "Library use by branch", "public", 3650,
       ["library", "statistics", "open data"], "public", "2026-11-05",
       "Monthly visits, loans, programme attendance, computer sessions and new cards by "
       "branch. Counts only."),
    # Parks
    DS("PRK", "alder-prk-registrations", "Recreation programme registrations", "confidential",
       1095, ["recreation", "youth programmes", "camps", "minors"], "non-public", "2026-11-20",
       "Registrations for camps, swim lessons, sports leagues and classes: participants "
       "(mostly children), parents' contact details, allergies and medical notes, payments and "
       "fee waivers."),
    DS("PRK", "alder-prk-facility-reservations", "Park shelter and facility reservations",
       "internal", 730, ["parks", "reservations"], "restricted public", "2026-11-18",
       "Reservations of picnic shelters, fields and community-centre rooms, with the "
       "organiser's contact details."),
    DS("PRK", "alder-prk-visitor-counts", "Trail and park visitor counts", "public", 3650,
       ["parks", "trails", "counts", "open data"], "public", "2026-11-01",
       "Hourly counts from infrared and loop counters on trails and at park entrances."),
    # Community Justice
    DS("DCJ", "alder-dcj-supervision", "Probation and post-prison supervision records",
       "restricted", 3650, ["probation", "supervision", "criminal justice"], "non-public",
       "2026-11-22",
       "People under supervision: conditions, risk assessments, treatment referrals, "
       "employment and housing, drug tests, violations and sanctions."),
    DS("DCJ", "alder-dcj-pretrial", "Pretrial release assessments", "restricted", 1825,
       ["pretrial", "release", "courts"], "non-public", "2026-11-22",
       "Interviews and assessments prepared for judges deciding whether someone can be "
       "released before trial, and court-date reminders."),
    DS("DCJ", "alder-dcj-juvenile", "Juvenile services case records", "restricted", 2555,
       ["juvenile justice", "minors", "probation"], "non-public", "2026-11-21",
       "Referrals of young people to juvenile services, diversion agreements, probation "
       "conditions, school and family information."),
    DS("DCJ", "alder-dcj-electronic-monitoring", "Electronic monitoring location data",
       "restricted", 365, ["electronic monitoring", "GPS", "location"], "non-public",
       "2026-11-23",
       "GPS positions recorded every minute from ankle monitors worn by people on pretrial "
       "release or probation, with zone alerts."),
    # Elections
    DS("ELE", "alder-ele-voter-file", "Voter registration file", "confidential", 3650,
       ["elections", "voter registration"], "restricted public", "2026-11-22",
       "Registered voters' names, residence and mailing addresses, date of birth, party, "
       "voting history, and the last four digits of the SSN or a driver licence number used "
       "to verify identity. Some fields are public records under State election law."),
    DS("ELE", "alder-ele-ballot-returns", "Ballot return and signature verification records",
       "confidential", 800, ["elections", "ballots", "signature verification"], "non-public",
       "2026-11-22",
       "When each ballot envelope was received, signature-check results, and the letters sent "
       "to voters to fix a signature problem."),
    DS("ELE", "alder-ele-results", "Election results by precinct", "public", 36500,
       ["elections", "results", "open data"], "public", "2026-11-20",
       "Official results of every contest by precinct, turnout and the number of ballots "
       "rejected and why."),
    # Technology Services
    DS("TEC", "alder-tec-311-requests", "AlderConnect 311 service requests", "internal", 1825,
       ["311", "service requests", "potholes", "graffiti"], "public", "2026-11-23",
       "Requests residents make by phone, app or web: type, location, status and how long it "
       "took to close. Callers' names and contact details are kept only if they want updates "
       "and are removed from the open data copy."),
    DS("TEC", "alder-tec-web-analytics", "County website analytics", "internal", 400,
       ["website", "analytics"], "non-public", "2026-11-23",
       "Pages visited on the county website and app, with a shortened IP address, browser "
       "type and approximate city."),
    DS("TEC", "alder-tec-address-points", "Address points and tax-lot base map", "public", None,
       ["GIS", "addresses", "tax lots", "open data"], "public", "2026-11-10",
       "Every address point and tax lot in the county with its zoning and district. Contains "
       "no information about who lives at an address. No retention period has been set: old "
       "versions are kept indefinitely."),
]


# ---------------------------------------------------------------------------
# Sharing practices (~150). Most are ordinary and well documented; some carry
# the problems a privacy review should find (informal channels, sensitive data
# without agreements, expired or thin agreements, missing or over-long
# retention, residents not told, sensitive data hosted by vendors).
# ---------------------------------------------------------------------------

TERM_KEYS = ["permitted_uses", "onward_sharing_ban", "retention_destruction",
             "breach_notification", "audit_rights"]
INFORMAL_CHANNELS = {"phone", "email", "in_person"}
DATASET_DEPT = {d["identifier"]: d["department"] for d in DATASETS}
PRACTICES: list[dict[str, Any]] = []
_practice_counter: dict[str, int] = {}


def P(ds, title, recipient, rtype, channel, lbt, basis, purpose, elements, sens=(),
      freq="monthly", agreement=None, retention=None, notified=True, hosted=False,
      status="active", start="2019-07-01", end=None):
    dept = DATASET_DEPT[ds]
    _practice_counter[dept] = _practice_counter.get(dept, 0) + 1
    ref = f"{dept}-{_practice_counter[dept]:02d}"
    record: dict[str, Any] = {
        "ref": ref,
        "dataset": ds,
        "department": dept,
        "title": title,
        "recipient": recipient,
        "recipient_type": rtype,
        "mechanism": "informal" if channel in INFORMAL_CHANNELS else "formal",
        "channel": channel,
        "legal_basis_type": lbt,
        "legal_basis": basis,
        "purpose": purpose,
        "data_elements": list(elements),
        "sensitive_categories": list(sens),
        "frequency": freq,
        "agreement_title": None,
        "agreement_start": None,
        "agreement_end": None,
        "agreement_terms": {},
        "retention_days": None,
        "retention_text": None,
        "residents_notified": notified,
        "hosted_by_third_party": hosted,
        "status": status,
        "start_date": start,
        "end_date": end,
    }
    if agreement:
        a_title, a_start, a_end, missing = agreement
        record["agreement_title"] = a_title
        record["agreement_start"] = a_start
        record["agreement_end"] = a_end
        record["agreement_terms"] = {k: k not in missing for k in TERM_KEYS}
    if retention:
        record["retention_days"], record["retention_text"] = retention
    PRACTICES.append(record)
    return ref


def OD(ds, title, elements, freq="daily", start="2018-01-15", basis=None, purpose=None):
    """An ordinary open-data publication."""
    return P(ds, title, f"The public, through the open data portal ({OPEN_DATA})", "public",
             "open_data", "statute",
             basis or "Alder County Code chapter 2.30 (Open Data Policy), which requires "
             "departments to publish public datasets on the open data portal.",
             purpose or "Transparency: residents, journalists and researchers can see and "
             "reuse the data without filing a records request.",
             elements, freq=freq, retention=(None, "Published indefinitely; earlier "
             "versions remain available for download."), notified=True, start=start)


ALL = ()  # an agreement with every key term

# --- Police -----------------------------------------------------------------
OD("alder-pol-calls-for-service", "Calls for service published as open data",
   ["call type", "priority", "time received", "response time", "100-block location",
    "disposition"])
P("alder-pol-incident-reports", "Monthly crime reporting to the State (NIBRS)",
  "State Police, Uniform Crime Reporting Program", "state_agency", "law", "statute",
  "SRS 181A.225 requires every law enforcement agency to report crimes to the State "
  "Police in the National Incident-Based Reporting System format, which the State forwards "
  "to the FBI.",
  "Statewide and national crime statistics.",
  ["offence type", "date and location type", "victim age, sex and race", "arrestee age, sex "
   "and race", "property loss"], ["criminal_justice"], "monthly",
  retention=(None, "Kept by the State Police and FBI under their own schedules."),
  notified=False, start="2021-01-01")
P("alder-pol-stop-data", "Stop data reported to the State Department of Justice",
  "State Department of Justice, Stop Data Program", "state_agency", "law", "statute",
  "SRS 131.935 (State stop-data law) requires each agency to report every officer-initiated "
  "traffic and pedestrian stop.",
  "Statewide analysis of whether stops, searches and outcomes differ by race and ethnicity.",
  ["stop date and location", "reason for stop", "perceived race and ethnicity", "perceived sex",
   "perceived age band", "search and result", "outcome"], [], "annually",
  retention=(None, "Kept by the State under its records schedule."), notified=False,
  start="2019-07-01")
OD("alder-pol-stop-data", "Quarterly stop data summary published as open data",
   ["stops by reason, district and perceived race", "search rates", "outcomes"],
   freq="quarterly")
P("alder-pol-incident-reports", "Case reports sent to the District Attorney for charging",
  "Alder County District Attorney's Office", "law_enforcement", "law", "statute",
  "SRS 133.060 and SRS 135.815 (reports to the prosecutor and discovery).",
  "Deciding whether to file charges, and giving the defence the evidence it is entitled to.",
  ["full incident report", "names and dates of birth of people involved", "criminal history",
   "evidence list"], ["criminal_justice"], "daily",
  retention=(None, "Kept by the District Attorney under the State schedule for prosecution "
             "files."), notified=False, start="2010-01-01")
P("alder-pol-incident-reports", "Referrals of crime victims to advocacy services",
  "Harbor Crisis Center (nonprofit victim advocates)", "nonprofit", "mou", "consent",
  "Victims agree, at the scene or later, to be contacted by an advocate.",
  "Connecting victims of domestic violence and sexual assault with safety planning, shelter "
  "and help with protective orders.",
  ["victim name and phone number", "type of incident", "report number"], [], "daily",
  agreement=("Victim Advocacy Referral MOU", "2024-01-01", "2028-12-31", ALL),
  retention=(1095, "Three years after the last contact, then destroyed."), start="2016-03-01")
P("alder-pol-incident-reports", "E-mailed notices to schools about students involved in "
  "incidents", "Alder Valley School District and six other school districts", "local_agency",
  "email", "none_stated", "No written legal basis has been identified. Officers have e-mailed "
  "school principals when a student was arrested or involved in a serious incident off "
  "campus.",
  "Letting schools plan for a student's safety or discipline.",
  ["student name", "school", "nature of incident", "whether arrested"],
  ["minors", "criminal_justice"], "on_request", notified=False, start="2015-09-01")
P("alder-pol-alpr-detections", "Plate reads shared through the vendor's national network",
  "Law enforcement agencies in other states using the Corvane Nationwide Network",
  "law_enforcement", "contract", "contract",
  "Corvane Systems LPR Services Agreement, section 7 (network sharing), enabled by the "
  "Police Department's account settings.",
  "Letting other agencies search Alder County plate reads to find stolen cars and wanted "
  "people.",
  ["plate number", "vehicle photo", "date and time", "camera location"],
  ["precise_location"], "real_time",
  agreement=("Corvane Systems LPR Services Agreement", "2023-03-01", "2027-02-28",
             ("onward_sharing_ban", "audit_rights")),
  retention=(365, "The network keeps shared reads for 12 months under the vendor's terms."),
  notified=False, hosted=True, start="2023-03-01")
P("alder-pol-alpr-detections", "Storage of plate reads in the vendor's cloud",
  "Corvane Systems, Inc.", "vendor", "contract", "contract",
  "Corvane Systems LPR Services Agreement.",
  "Hosting the camera software and the plate-read database.",
  ["plate number", "vehicle photo", "date and time", "camera location"],
  ["precise_location"], "real_time",
  agreement=("Corvane Systems LPR Services Agreement", "2023-03-01", "2027-02-28", ALL),
  retention=(30, "Reads that match no hot list are deleted automatically after 30 days."),
  notified=False, hosted=True, start="2023-03-01")
P("alder-pol-alpr-detections", "Hot-list alerts sent to the regional fusion center",
  "Cascade Regional Information Center (fusion center)", "law_enforcement", "mou", "contract",
  "Memorandum of understanding between the Police Department and the fusion center.",
  "Alerting regional analysts when a plate on a State or federal hot list is seen.",
  ["plate number", "hot-list entry", "date, time and camera location"],
  ["precise_location"], "real_time",
  agreement=("Regional Information Sharing MOU", "2019-07-01", "2024-06-30", ALL),
  retention=(None, "The MOU says records are kept as the fusion center's policy allows; that "
             "policy has not been provided to the county."), notified=False, start="2019-07-01")
P("alder-pol-bwc-video", "Body-worn camera video stored by the camera vendor",
  "Brightline Evidence, Inc.", "vendor", "contract", "contract",
  "Body-Worn Camera and Digital Evidence Services Contract.",
  "Storing, managing and redacting body-worn camera video.",
  ["video and audio recordings", "officer", "case number", "tags"],
  ["criminal_justice"], "real_time",
  agreement=("Body-Worn Camera and Digital Evidence Services Contract", "2022-05-01",
             "2027-04-30", ALL),
  retention=(180, "Non-evidentiary video is deleted after 180 days; evidence follows the "
             "case."), notified=True, hosted=True, start="2022-05-01")
P("alder-pol-bwc-video", "Body-worn camera video shared with prosecutors",
  "Alder County District Attorney's Office", "law_enforcement", "law", "statute",
  "SRS 135.815 (discovery) and the Body-Worn Camera Policy, section 9.",
  "Evidence for prosecution and disclosure to the defence.",
  ["video and audio recordings", "case number"], ["criminal_justice"], "daily",
  retention=(None, "Kept by the District Attorney for the life of the case."),
  notified=False, start="2022-05-01")
P("alder-pol-bwc-video", "Release of body-worn camera video under public-records requests",
  "Members of the public and news media (on request)", "public", "law", "statute",
  "SRS 192.345 (public records) and SRS 133.741, which requires faces to be blurred before "
  "release.",
  "Public accountability for police conduct.",
  ["redacted video"], [], "on_request",
  retention=(None, "Released copies are public records."), start="2022-05-01")
P("alder-pol-incident-reports", "Accident reports to involved drivers and their insurers",
  "Drivers involved in collisions and their insurance companies", "public", "law", "statute",
  "SRS 811.720 (collision reports) and SRS 192.345 (public records).",
  "Settling insurance claims.",
  ["collision report", "names and insurance of drivers", "diagram"], [], "on_request",
  retention=(None, "Held by the recipients."), start="2012-01-01")
P("alder-pol-incident-reports", "U visa certifications for immigrant crime victims",
  "U.S. Citizenship and Immigration Services (USCIS)", "federal_agency", "law", "consent",
  "8 U.S.C. § 1184(p) and 8 C.F.R. § 214.14; the certification is signed only at the victim's "
  "request.",
  "Helping victims of serious crimes who cooperated with an investigation apply for a U "
  "visa.",
  ["victim name", "crime certified", "helpfulness to the investigation"],
  ["immigration_status", "criminal_justice"], "on_request",
  retention=(None, "Kept by USCIS as part of the victim's own application."), notified=True,
  start="2014-01-01")
P("alder-pol-calls-for-service", "Behavioural health calls referred to the crisis team",
  "Alder Behavioral Health Crisis Team (nonprofit)", "nonprofit", "mou", "contract",
  "Crisis Response Partnership MOU.",
  "Sending mental-health clinicians, not officers, to calls about people in crisis.",
  ["call location", "caller phone number", "call notes"], ["health", "precise_location"],
  "real_time",
  agreement=("Crisis Response Partnership MOU", "2024-01-01", "2027-12-31", ALL),
  retention=(1825, "Five years, the retention period for clinical records."), start="2024-01-01")
P("alder-pol-incident-reports", "Incident reports indexed in the FBI's N-DEx system",
  "Federal Bureau of Investigation, National Data Exchange (N-DEx)", "federal_agency",
  "regulation", "regulation",
  "Participation agreement with the FBI's Criminal Justice Information Services Division; "
  "28 C.F.R. part 20.",
  "Letting investigators at other agencies find related incidents.",
  ["incident narrative", "names of people involved", "vehicles and property"],
  ["criminal_justice"], "daily",
  agreement=("N-DEx Participation Agreement", "2018-02-01", "2028-01-31", ALL),
  retention=(None, "Deleted from N-DEx when the county deletes the source record."),
  notified=False, start="2018-02-01")

# --- Sheriff ------------------------------------------------------------------
P("alder-shf-jail-bookings", "Fingerprints of people booked into jail, to the State and FBI",
  "State Police Identification Services and the FBI", "federal_agency", "law", "statute",
  "SRS 181A.160 and 28 U.S.C. § 534 require fingerprints to be sent at booking. The FBI "
  "automatically shares them with the Department of Homeland Security.",
  "Confirming identity and criminal history.",
  ["fingerprints", "name", "date and place of birth", "charges"],
  ["criminal_justice", "nationality"], "real_time",
  retention=(None, "Kept by the State and FBI under their own schedules."), notified=False,
  start="2008-01-01")
ICE_PHONE = P("alder-shf-jail-bookings", "Release-date confirmations to ICE by phone",
  "U.S. Immigration and Customs Enforcement (ICE), Enforcement and Removal Operations",
  "federal_agency", "phone", "none_stated",
  "No legal basis is recorded. Jail records staff have answered phone calls from ICE officers "
  "asking when a named person would be released. Alder County Code 2.150 (Inclusive Community "
  "Ordinance) forbids sharing non-public information for civil immigration enforcement.",
  "ICE stated it wanted to take people into custody at release.",
  ["name", "date of birth", "release date and time", "charges"],
  ["immigration_status", "nationality", "criminal_justice"], "on_request",
  notified=False, status="suspended", start="2017-01-01")
P("alder-shf-jail-bookings", "Transfer notices to ICE when a judge has signed a warrant",
  "U.S. Immigration and Customs Enforcement (ICE)", "federal_agency", "law", "court_order",
  "A warrant or order signed by a federal or State judge; ACC 2.150.040 permits cooperation "
  "only in that case.",
  "Complying with a judicial warrant.",
  ["name", "release date", "booking number"], ["immigration_status", "criminal_justice"],
  "on_request", retention=(None, "Kept by ICE."), notified=True, start="2019-01-01")
OD("alder-shf-jail-roster", "Current jail roster published on the Sheriff's website",
   ["name", "booking date", "charges", "bail", "next court date"], freq="real_time",
   start="2012-01-01",
   basis="SRS 192.345 (public records) and SRS 181A.830 make the fact of an arrest public.",
   purpose="Letting families, lawyers and the press find out who is in custody.")
P("alder-shf-jail-bookings", "Consular notification when a foreign national is jailed",
  "Foreign consulates (as treaties require)", "federal_agency", "law", "statute",
  "Vienna Convention on Consular Relations, article 36, and bilateral treaties with mandatory "
  "notification.",
  "Telling the person's consulate, at the person's request or where a treaty requires it.",
  ["name", "nationality", "date of arrest", "charges"], ["nationality", "criminal_justice"],
  "on_request", retention=(None, "Kept by the consulate."), notified=True, start="2005-01-01")
P("alder-shf-jail-bookings", "Transfers of sentenced people to the State prison system",
  "State Department of Corrections", "state_agency", "law", "statute",
  "SRS 137.320 (delivery of sentenced persons).",
  "Moving people sentenced to prison.",
  ["booking record", "medical summary", "judgment"], ["criminal_justice", "health"],
  "weekly", retention=(None, "Kept by the Department of Corrections."), notified=True,
  start="2005-01-01")
P("alder-shf-jail-bookings", "Jail medical records kept by the health-care contractor",
  "Cedarline Correctional Health, LLC", "vendor", "contract", "contract",
  "Jail Health Services Contract; HIPAA business associate agreement.",
  "Providing medical, dental and mental-health care to people in custody.",
  ["medical screening", "diagnoses", "medications", "mental-health notes"],
  ["health", "criminal_justice"], "real_time",
  agreement=("Jail Health Services Contract", "2023-07-01", "2028-06-30", ALL),
  retention=(3650, "Ten years after release, as State medical-records rules require."),
  hosted=True, start="2023-07-01")
P("alder-shf-jail-bookings", "Religious and medical diet lists to the jail food contractor",
  "Evergreen Correctional Foodservice", "vendor", "contract", "contract",
  "Food Services Contract, exhibit C.",
  "Preparing kosher, halal, vegetarian and medically required meals.",
  ["name", "housing unit", "religious diet", "medical diet"], ["religion", "health"],
  "daily",
  agreement=("Jail Food Services Contract", "2022-01-01", "2027-12-31",
             ("retention_destruction", "breach_notification")),
  retention=(None, None), hosted=True, notified=False, start="2022-01-01")
P("alder-shf-jail-bookings", "Custody status to the State victim notification service",
  "State Victim Information and Notification Service", "state_agency", "law", "statute",
  "SRS 147.417 (victims' right to notice of release).",
  "Automatically calling or texting registered victims when a person is released.",
  ["name", "custody status", "release date"], ["criminal_justice"], "real_time",
  retention=(None, "Kept by the State."), notified=True, start="2011-01-01")
P("alder-shf-jail-communications", "Call recording and storage by the jail phone contractor",
  "Tellwave Correctional Communications", "vendor", "contract", "contract",
  "Inmate Communications Services Contract.",
  "Providing phones and video visits in the jail, and recording them.",
  ["call and video recordings", "numbers called", "account holders' names and payment "
   "details"], ["criminal_justice"], "real_time",
  agreement=("Inmate Communications Services Contract", "2021-10-01", "2026-09-30",
             ("audit_rights",)),
  retention=(730, "The vendor keeps recordings for two years."), notified=True, hosted=True,
  start="2021-10-01")
P("alder-shf-jail-communications", "Jail call recordings e-mailed to investigators on request",
  "Police investigators and prosecutors (various agencies)", "law_enforcement", "email",
  "none_stated",
  "No written procedure. Jail staff export recordings and e-mail a download link when an "
  "investigator asks.",
  "Criminal investigations.",
  ["call recordings", "numbers called", "call times"], ["criminal_justice"], "on_request",
  notified=False, start="2016-01-01")
P("alder-shf-civil-process", "Eviction writs shared with legal aid for outreach",
  "Alder County Legal Aid", "nonprofit", "data_sharing_agreement", "contract",
  "Eviction Outreach Data-Sharing Agreement.",
  "Offering tenants free legal help before a lockout.",
  ["tenant name", "address", "case number", "scheduled lockout date"], [], "weekly",
  agreement=("Eviction Outreach Data-Sharing Agreement", "2025-01-01", "2027-12-31", ALL),
  retention=(365, "One year after the case closes."), notified=True, start="2025-01-01")
P("alder-shf-civil-process", "Returns of service filed with the Circuit Court",
  "Alder County Circuit Court (State Judicial Department)", "state_agency", "law", "statute",
  "SRCP 7 (service of summons) and SRS 105.151.",
  "Proving to the court that papers were served.",
  ["names and addresses of parties", "date and manner of service"], [], "daily",
  retention=(None, "Court records."), start="2005-01-01")
P("alder-shf-jail-bookings", "Housing of federal detainees for the U.S. Marshals Service",
  "U.S. Marshals Service", "law_enforcement", "contract", "contract",
  "Intergovernmental Service Agreement for detention of federal prisoners.",
  "Holding people charged with federal crimes while their cases are heard in Port Alder.",
  ["booking record", "medical summary", "court dates"], ["criminal_justice", "health"],
  "daily",
  agreement=("Intergovernmental Service Agreement (federal detainees)", "2016-10-01",
             "2026-09-30", ALL),
  retention=(None, "Kept by the Marshals Service."), notified=True, start="2016-10-01")
P("alder-shf-jail-bookings", "Notices of incarceration so Medicaid is suspended, not ended",
  "State Health Authority", "state_agency", "law", "statute",
  "SRS 411.439 (suspension of medical assistance during incarceration).",
  "Making sure people have health coverage on the day they are released.",
  ["name", "date of birth", "booking and release dates"], ["health", "criminal_justice"],
  "daily", retention=(None, "Kept by the State."), notified=True, start="2019-01-01")
P("alder-shf-jail-bookings", "Monthly prisoner report to the Social Security Administration",
  "Social Security Administration", "federal_agency", "law", "statute",
  "42 U.S.C. § 402(x) and § 1382(e)(1)(I) (no benefits during confinement; incentive "
  "payments to reporting jails).",
  "Stopping benefits that may not be paid while someone is confined.",
  ["name", "SSN", "date of birth", "confinement date"], ["ssn_itin", "criminal_justice"],
  "monthly", retention=(None, "Kept by SSA."), notified=False, start="2001-01-01")

# --- Public Health ------------------------------------------------------------
P("alder-hlt-communicable-disease", "Reportable disease cases sent to the State",
  "State Health Authority, Public Health Division", "state_agency", "law", "statute",
  "SRS 433.004 and State administrative rules chapter 333-018 (disease reporting).",
  "Statewide outbreak detection and control.",
  ["patient name, date of birth, address", "disease", "lab results", "interview answers"],
  ["health"], "daily", retention=(None, "Kept by the State."), notified=False,
  start="2005-01-01")
P("alder-hlt-communicable-disease", "De-identified case data to the CDC",
  "Centers for Disease Control and Prevention (via the State)", "federal_agency", "regulation",
  "regulation", "National Notifiable Diseases Surveillance System; data are sent without names "
  "through the State Health Authority.",
  "National disease statistics.",
  ["disease", "onset date", "age band", "sex", "county"], ["health"], "weekly",
  retention=(None, "Kept by CDC."), notified=False, start="2005-01-01")
SCHOOL_EMAIL = P("alder-hlt-communicable-disease", "Exposure lists e-mailed to school nurses",
  "School nurses at 9 school districts", "local_agency", "email", "none_stated",
  "No written agreement or legal basis is recorded. Disease investigators have e-mailed "
  "spreadsheets of exposed students to school nurses during outbreaks.",
  "Excluding unvaccinated students during measles and pertussis outbreaks.",
  ["student names", "school and grade", "vaccination status", "exposure date"],
  ["health", "minors"], "on_request", notified=False, start="2019-01-01")
P("alder-hlt-communicable-disease", "Infection-control notices to hospitals",
  "Hospitals and long-term care facilities in Alder County", "local_agency", "law", "statute",
  "SRS 433.008 (sharing disease information to protect health).",
  "Protecting patients and staff from outbreaks.",
  ["patient name", "disease", "admission details"], ["health"], "on_request",
  retention=(None, "Held in the facility's medical records."), notified=True, start="2010-01-01")
P("alder-hlt-immunizations", "Vaccinations recorded in the State immunization registry",
  "State Immunization Information System", "state_agency", "law", "statute",
  "SRS 433.094 (immunization registry).",
  "A complete vaccination record that any clinic or school can check.",
  ["name", "date of birth", "vaccine", "date given", "parent name"], ["health", "minors"],
  "daily", retention=(None, "Kept by the State for life."), notified=True, start="2008-01-01")
P("alder-hlt-immunizations", "School exclusion reports to school districts",
  "School districts in Alder County", "local_agency", "law", "statute",
  "SRS 433.267 (school immunization requirements).",
  "Telling schools which students must be vaccinated or excluded on Exclusion Day.",
  ["student name", "school", "missing vaccines"], ["health", "minors"], "annually",
  retention=(365, "Destroyed after the school year."), notified=True, start="2008-01-01")
P("alder-hlt-wic", "WIC participant data to the USDA",
  "U.S. Department of Agriculture, Food and Nutrition Service (via the State WIC Program)",
  "federal_agency", "regulation", "regulation", "7 C.F.R. § 246.25 (WIC records and reports).",
  "Programme reporting and the biennial participant characteristics study.",
  ["participant category", "age", "income band", "nutrition risk codes"],
  ["health", "minors"], "monthly", retention=(None, "Kept by USDA."), notified=True,
  start="2005-01-01")
P("alder-hlt-wic", "WIC benefit cards issued through the State EBT processor",
  "Solaris Benefit Services (State EBT contractor)", "vendor", "contract", "contract",
  "State WIC EBT Processing Contract (county participates through the State).",
  "Putting WIC benefits on participants' cards.",
  ["participant ID", "benefit balance", "purchases"], ["health"], "daily",
  agreement=("State WIC EBT Processing Contract", "2021-04-01", "2028-03-31", ALL),
  retention=(1825, "Five years, as USDA requires."), hosted=True, start="2021-04-01")
P("alder-hlt-wic", "Referrals of WIC families to the food bank",
  "Harbor Food Bank", "nonprofit", "mou", "consent",
  "Participants sign a referral consent.",
  "Emergency food for families who ask for it.",
  ["name", "phone number", "household size"], [], "weekly",
  agreement=("Food Assistance Referral MOU", "2022-10-01", "2025-09-30", ALL),
  retention=(365, "One year."), notified=True, start="2022-10-01")
OD("alder-hlt-food-inspections", "Restaurant inspection results published as open data",
   ["business name and address", "inspection date", "score", "violations"], freq="daily",
   start="2016-06-01")
P("alder-hlt-food-inspections", "Inspection feed for restaurant review websites",
  "Restaurant review and delivery platforms (open data feed)", "public", "open_data",
  "statute", "ACC 2.30 (Open Data Policy).",
  "Showing inspection scores where diners choose restaurants.",
  ["business name", "score", "inspection date"], [], "daily",
  retention=(None, "Public data."), start="2019-03-01")
P("alder-hlt-communicable-disease", "De-identified case data for a university study",
  "Alder Valley University School of Public Health", "researcher", "data_sharing_agreement",
  "contract", "Research Data-Use Agreement, approved by the university's review board.",
  "Studying who is hospitalised with respiratory illness, to plan clinics and outreach.",
  ["age band", "ZIP code", "diagnosis", "hospitalisation", "vaccination status"],
  ["health"], "quarterly",
  agreement=("Respiratory Illness Research Data-Use Agreement", "2025-03-01", "2028-02-29",
             ALL),
  retention=(1095, "Destroyed three years after delivery; destruction is certified."),
  notified=False, start="2025-03-01")
P("alder-hlt-communicable-disease", "Case investigations managed in a hosted case system",
  "Pathwise Software (case management vendor)", "vendor", "contract", "contract",
  "Software-as-a-Service Agreement for disease investigation.",
  "Managing interviews, contact tracing and follow-up.",
  ["patient details", "contacts' names and phone numbers", "home address", "symptoms"],
  ["health", "precise_location"], "real_time",
  agreement=("Pathwise Software-as-a-Service Agreement", "2021-01-15", "2027-01-14",
             ("breach_notification",)),
  retention=(3650, "Ten years, matching the county's policy."), hosted=True, notified=False,
  start="2021-01-15")
P("alder-hlt-wic", "Interpreter services for clinic visits",
  "LinguaBridge Interpreting, Inc.", "vendor", "contract", "contract",
  "Language Access Services Contract.",
  "Interpreting clinic visits in 38 languages.",
  ["first name", "preferred language", "appointment time"], ["language", "health"],
  "on_request",
  agreement=("Language Access Services Contract", "2024-07-01", "2029-06-30", ALL),
  retention=(30, "Interpreters keep no notes; scheduling data is deleted after 30 days."),
  notified=True, start="2024-07-01")

# --- Human Services -----------------------------------------------------------
P("alder-hsv-benefits-eligibility", "Eligibility records kept in the State benefits system",
  "State Department of Human Services", "state_agency", "law", "statute",
  "SRS 411.060 and 7 C.F.R. § 272 (SNAP); 42 C.F.R. § 435 (Medicaid). The county determines "
  "eligibility on the State's system.",
  "Deciding who gets food, cash and medical assistance.",
  ["household members", "SSNs", "income", "immigration documents", "health conditions"],
  ["ssn_itin", "immigration_status", "health", "minors"], "real_time",
  retention=(2555, "Seven years after the case closes."), notified=True, start="2005-01-01")
P("alder-hsv-benefits-eligibility", "Immigration status checks through USCIS SAVE",
  "U.S. Citizenship and Immigration Services, SAVE programme", "federal_agency", "law",
  "statute", "42 U.S.C. § 1320b-7(d) requires verification of immigration status for "
  "benefits that depend on it.",
  "Confirming that a non-citizen applicant is eligible.",
  ["document numbers", "name", "date of birth"], ["immigration_status"], "on_request",
  retention=(None, "USCIS keeps verification requests for 10 years under its records "
             "notice."), notified=True, start="2005-01-01")
P("alder-hsv-benefits-eligibility", "Income and SSN verification with the Social Security "
  "Administration", "Social Security Administration", "federal_agency", "law", "statute",
  "42 U.S.C. § 1320b-7 (income and eligibility verification system).",
  "Confirming identity and income.",
  ["name", "SSN", "date of birth"], ["ssn_itin"], "daily",
  retention=(None, "Kept by SSA."), notified=True, start="2005-01-01")
P("alder-hsv-benefits-eligibility", "Scanning and storing application documents",
  "DocuVault Records Services", "vendor", "contract", "contract",
  "Document Imaging Services Contract.",
  "Scanning paper applications and proofs into the electronic case file.",
  ["application forms", "identity and immigration documents", "pay stubs"],
  ["ssn_itin", "immigration_status"], "daily",
  agreement=("Document Imaging Services Contract", "2024-02-01", "2029-01-31", ALL),
  retention=(30, "Paper is shredded and the vendor's copy deleted 30 days after scanning."),
  hosted=True, start="2024-02-01")
P("alder-hsv-child-welfare", "Child welfare cases recorded in the State system",
  "State Department of Human Services, Child Welfare", "state_agency", "law", "statute",
  "SRS 419B.035 and 42 U.S.C. § 671 (Title IV-E).",
  "Keeping one statewide case record for every child in care.",
  ["child and family details", "allegations", "findings", "placements"],
  ["minors", "health", "criminal_justice"], "real_time",
  retention=(9125, "25 years."), notified=True, start="2005-01-01")
P("alder-hsv-child-welfare", "Reports to the juvenile court", "Alder County Circuit Court, "
  "Juvenile Department", "state_agency", "law", "statute", "SRS 419B.185 and 419B.449.",
  "Court review of children in care.",
  ["case reports", "service plans", "placement"], ["minors", "health"], "on_request",
  retention=(None, "Confidential court records."), notified=True, start="2005-01-01")
P("alder-hsv-child-welfare", "Joint investigations with police", "Police Department and "
  "Sheriff's Office", "law_enforcement", "law", "statute",
  "SRS 419B.020 (joint investigation of abuse reports that may be crimes).",
  "Investigating abuse that may be a crime.",
  ["report", "child and family details", "alleged perpetrator"],
  ["minors", "criminal_justice"], "on_request",
  retention=(None, "Kept with the police case."), notified=True, start="2005-01-01")
SCREENING_TOOL = P("alder-hsv-child-welfare", "Hotline data used by a predictive screening tool",
  "Northstar Analytics, Inc.", "vendor", "contract", "contract",
  "Pilot Services Agreement for hotline screening support.",
  "Scoring hotline reports to help screeners decide which to investigate (pilot).",
  ["hotline reports", "prior child welfare history", "benefits history", "jail and "
   "behavioural health records of household members"],
  ["minors", "health", "criminal_justice"], "daily",
  agreement=("Hotline Screening Pilot Services Agreement", "2025-09-01", "2027-08-31",
             ("onward_sharing_ban",)),
  retention=(None, None), notified=False, hosted=True, start="2025-09-01")
P("alder-hsv-hmis", "Annual homelessness reports to HUD", "U.S. Department of Housing and "
  "Urban Development", "federal_agency", "regulation", "regulation",
  "24 C.F.R. part 578 (Continuum of Care).",
  "Federal funding and national homelessness counts.",
  ["aggregate counts by household type, age and race", "outcomes"], [], "annually",
  retention=(None, "Aggregates only."), notified=True, start="2010-01-01")
P("alder-hsv-hmis", "HMIS records shared among partner agencies",
  "31 shelter and housing agencies in the Continuum of Care", "nonprofit",
  "data_sharing_agreement", "consent",
  "Clients sign a release of information; HMIS Partner Agreement.",
  "Coordinating help so people do not have to tell their story again at each agency.",
  ["name", "date of birth", "shelter stays", "disabling conditions", "household members"],
  ["health", "minors"], "real_time",
  agreement=("HMIS Partner Agency Agreement", "2024-01-01", "2028-12-31", ALL),
  retention=(2555, "Seven years after last service."), notified=True, start="2012-01-01")
HMIS_POLICE = P("alder-hsv-hmis", "Phone confirmations to police of whether a person is in a "
  "shelter", "Police officers (various agencies)", "law_enforcement", "phone", "none_stated",
  "No legal basis or written procedure. HUD's HMIS privacy standards permit disclosure to "
  "police only in narrow circumstances.",
  "Police have called shelters to locate people, usually to serve a warrant.",
  ["whether a person is staying at a shelter", "which shelter"],
  ["precise_location", "health"], "on_request", notified=False, start="2014-01-01")
P("alder-hsv-hmis", "HMIS software hosted by the vendor", "NorthPeak Software, Inc.",
  "vendor", "contract", "contract", "HMIS Software License and Hosting Agreement.",
  "Running the HMIS database.",
  ["all HMIS records"], ["health", "minors"], "real_time",
  agreement=("HMIS Software License and Hosting Agreement", "2022-07-01", "2027-06-30", ALL),
  retention=(2555, "As directed by the county."), hosted=True, start="2022-07-01")
P("alder-hsv-older-adults", "Meal delivery routes for Meals on Wheels",
  "Alder Meals Partnership (nonprofit)", "nonprofit", "contract", "contract",
  "Older Americans Act Nutrition Services Contract.",
  "Delivering meals to homebound older adults.",
  ["name", "address", "phone number", "dietary needs", "key-safe code"], ["health"], "weekly",
  agreement=("Nutrition Services Contract", "2024-07-01", "2027-06-30", ALL),
  retention=(1095, "Three years."), notified=True, start="2009-01-01")
P("alder-hsv-older-adults", "Adult protective services referrals to police",
  "Police Department and Sheriff's Office", "law_enforcement", "law", "statute",
  "SRS 124.070 (cross-reporting of abuse of vulnerable adults).",
  "Investigating abuse and financial exploitation that may be a crime.",
  ["victim details", "alleged abuser", "allegation"], ["health", "criminal_justice"],
  "on_request", retention=(None, "Kept with the police case."), notified=True,
  start="2009-01-01")
P("alder-hsv-benefits-eligibility", "Benefits records for a university policy study",
  "Pacific Policy Lab, Alder Valley University", "researcher", "data_sharing_agreement",
  "contract", "Research Data-Use Agreement.",
  "Studying whether SNAP churn follows renewal deadlines.",
  ["hashed case ID", "benefit start and end dates", "household size", "income band"],
  ["health"], "annually",
  agreement=("SNAP Churn Study Data-Use Agreement", "2023-01-01", "2025-12-31", ALL),
  retention=(1825, "Five years after the study ends."), notified=False, start="2023-01-01")
P("alder-hsv-benefits-eligibility", "Voter registration forms forwarded to Elections",
  "Alder County Elections", "local_agency", "law", "statute",
  "52 U.S.C. § 20506 (National Voter Registration Act: public assistance agencies).",
  "Helping applicants who want to register to vote.",
  ["completed voter registration form"], [], "daily",
  retention=(None, "Kept by Elections with the voter file."), notified=True, start="1995-01-01")

# --- Housing ------------------------------------------------------------------
P("alder-hou-rental-assistance", "Rental assistance records reported to the State",
  "State Housing and Community Services", "state_agency", "regulation", "regulation",
  "State administrative rules chapter 813-400 and the State's grant agreement.",
  "Programme monitoring and payment reconciliation.",
  ["household size", "income", "amount paid", "landlord", "race and ethnicity"], [],
  "monthly", retention=(1825, "Five years after the grant closes."), notified=True,
  start="2021-03-01")
P("alder-hou-rental-assistance", "Household-level reporting to the U.S. Treasury",
  "U.S. Department of the Treasury", "federal_agency", "regulation", "regulation",
  "Emergency Rental Assistance reporting guidance and 2 C.F.R. part 200.",
  "Federal reporting for Emergency Rental Assistance.",
  ["household income band", "amount paid", "ZIP code", "demographics"], [], "quarterly",
  retention=(None, "Kept by Treasury."), notified=True, start="2021-03-01")
P("alder-hou-rental-assistance", "Payment confirmations e-mailed to landlords",
  "Landlords and property managers of assisted tenants", "public", "email", "consent",
  "Tenants agree on the application form that their landlord is told about the payment.",
  "Confirming a payment so the landlord stops an eviction.",
  ["tenant name", "unit", "amount paid", "months covered"], [], "on_request",
  notified=True, start="2021-03-01")
P("alder-hou-rental-assistance", "Online application portal hosted by a vendor",
  "HomeBridge Grants, Inc.", "vendor", "contract", "contract",
  "Grant Management Software Agreement.",
  "Taking applications and uploading documents online.",
  ["applicant details", "income documents", "lease", "landlord details"], ["ssn_itin"],
  "real_time",
  agreement=("Grant Management Software Agreement", "2023-05-01", "2028-04-30", ALL),
  retention=(1825, "Five years, then destroyed on the county's instruction."), hosted=True,
  start="2023-05-01")
P("alder-hou-rental-assistance", "Rental assistance data for an eviction study",
  "Housing Stability Lab, Alder Valley University", "researcher", "data_sharing_agreement",
  "contract", "Research Data-Use Agreement.",
  "Measuring whether assistance prevented evictions.",
  ["hashed applicant ID", "payment amounts", "court case match"], [], "annually",
  agreement=("Eviction Prevention Study Data-Use Agreement", "2024-06-01", "2027-05-31", ALL),
  retention=(1095, "Destroyed after the final report; destruction is certified."),
  notified=False, start="2024-06-01")
P("alder-hou-eviction-filings", "New eviction cases shared with legal aid",
  "Alder County Legal Aid", "nonprofit", "data_sharing_agreement", "contract",
  "Eviction Outreach Data-Sharing Agreement.",
  "Reaching tenants before their first hearing.",
  ["tenant names", "address", "case number", "hearing date"], [], "weekly",
  agreement=("Eviction Outreach Data-Sharing Agreement", "2025-01-01", "2027-12-31", ALL),
  retention=(365, "One year after the case closes."), notified=False, start="2025-01-01")
P("alder-hou-eviction-filings", "New eviction cases shared with the 211 helpline",
  "AlderLink 211 (nonprofit information line)", "nonprofit", "mou", "contract",
  "Housing Navigation MOU.",
  "Calling tenants to offer rental assistance.",
  ["tenant names", "address", "phone number if known", "hearing date"], [], "weekly",
  agreement=("Housing Navigation MOU", "2024-03-01", "2027-02-28",
             ("retention_destruction", "audit_rights")),
  retention=(None, None), notified=False, start="2024-03-01")
OD("alder-hou-code-enforcement", "Code enforcement cases published as open data",
   ["address", "violation type", "case status", "dates"], freq="weekly", start="2019-04-01",
   purpose="Letting tenants and buyers see a building's history of violations. Complainants "
   "are never named.")
P("alder-hou-code-enforcement", "Fire and life-safety referrals to the fire district",
  "Alder County Fire District", "local_agency", "law", "statute",
  "SRS 479.180 (fire code enforcement).",
  "Inspecting fire hazards found in housing inspections.",
  ["address", "violation", "photos"], [], "on_request",
  retention=(None, "Kept by the fire district."), start="2015-01-01")
P("alder-hou-rental-registry", "Rental registry matched with the Assessor's roll",
  "Alder County Assessor", "local_agency", "law", "statute",
  "SRS 308.290 (property tax returns) and ACC 8.40 (rental registry).",
  "Finding unregistered rental units.",
  ["address", "owner name", "number of units"], [], "annually",
  retention=(None, "Kept by the Assessor."), start="2020-01-01")
P("alder-hou-rental-registry", "Rental registry released under public-records requests",
  "Members of the public (on request)", "public", "law", "statute",
  "SRS 192.345 (public records).",
  "Transparency about who owns rental housing.",
  ["address", "owner or manager name", "number of units"], [], "on_request",
  retention=(None, "Public records."), start="2020-01-01")
P("alder-hou-code-enforcement", "Lead hazard cases referred to Public Health",
  "Alder County Public Health", "local_agency", "mou", "consent",
  "Interdepartmental Healthy Homes MOU; tenants consent to the referral.",
  "Testing children for lead where peeling paint is found.",
  ["address", "tenant contact", "children's ages"], ["minors", "health"], "on_request",
  agreement=("Healthy Homes Interdepartmental MOU", "2023-01-01", "2027-12-31", ALL),
  retention=(1825, "Five years."), notified=True, start="2023-01-01")

# --- Transportation -----------------------------------------------------------
P("alder-dot-parking-citations", "Unpaid parking tickets sent to a collection agency",
  "Midstate Recovery Services, Inc.", "vendor", "contract", "contract",
  "Collection Services Contract.",
  "Collecting parking fines unpaid after 90 days.",
  ["name", "address", "plate", "amount owed"], [], "monthly",
  agreement=("Collection Services Contract", "2022-01-01", "2027-12-31", ("audit_rights",)),
  retention=(None, None), notified=True, start="2015-01-01")
P("alder-dot-parking-citations", "Card payments processed by the payment vendor",
  "Pelican Payments, LLC", "vendor", "contract", "contract",
  "Merchant and Payment Processing Agreement.",
  "Taking online and kiosk payments.",
  ["payer name", "card details", "citation number"], [], "real_time",
  agreement=("Merchant and Payment Processing Agreement", "2023-08-01", "2028-07-31", ALL),
  retention=(1095, "Three years; card numbers are tokenised."), hosted=True, start="2023-08-01")
PARKING_LPR = P("alder-dot-parking-citations", "Parking-enforcement plate reads shared with "
  "Police", "Alder County Police Department", "law_enforcement", "mou", "contract",
  "Interdepartmental MOU on parking LPR data.",
  "Checking plates against the stolen-vehicle list.",
  ["plate number", "date, time and GPS position"], ["precise_location"], "real_time",
  agreement=("Parking LPR Interdepartmental MOU", "2024-04-01", "2027-03-31",
             ("onward_sharing_ban",)),
  retention=(90, "Police keep the reads 90 days."), notified=False, hosted=True,
  start="2024-04-01")
OD("alder-dot-traffic-counts", "Traffic counts published as open data",
   ["location", "counts by mode and hour"], freq="daily", start="2017-01-01")
P("alder-dot-traffic-counts", "Traffic counts for the regional travel model",
  "Columbia-Alder Metropolitan Planning Organization", "local_agency", "contract", "contract",
  "Regional Data Exchange Agreement.",
  "Regional transportation planning.",
  ["location", "counts by mode and hour"], [], "quarterly",
  agreement=("Regional Data Exchange Agreement", "2022-01-01", "2031-12-31", ALL),
  retention=(None, "Aggregate counts; no personal data."), start="2012-01-01")
P("alder-dot-traffic-counts", "Road closures and signal data for navigation apps",
  "RoadPulse navigation app (data partnership)", "vendor", "data_sharing_agreement",
  "contract", "Connected Citizens Data Partnership Agreement.",
  "Routing drivers around closures and crashes.",
  ["closure locations", "signal timing"], [], "real_time",
  agreement=("Connected Citizens Data Partnership Agreement", "2024-01-01", "2028-12-31",
             ALL),
  retention=(None, "No personal data."), start="2024-01-01")
P("alder-dot-safety-cameras", "Camera violations processed by the camera contractor",
  "Clearpath Traffic Safety, Inc.", "vendor", "contract", "contract",
  "Photo Enforcement Services Contract.",
  "Running the cameras and preparing citations for an officer to approve.",
  ["photos and video", "plate", "registered owner"], ["precise_location"], "real_time",
  agreement=("Photo Enforcement Services Contract", "2023-01-01", "2028-12-31", ALL),
  retention=(365, "One year, or until the case closes."), notified=True, hosted=True,
  start="2023-01-01")
P("alder-dot-safety-cameras", "Camera citations filed with the Circuit Court",
  "Alder County Circuit Court", "state_agency", "law", "statute",
  "SRS 810.434 and 811.106 (photo red light and speed).",
  "Prosecuting violations.",
  ["citation", "photos", "registered owner"], [], "daily",
  retention=(None, "Court records."), start="2023-01-01")
P("alder-dot-safety-cameras", "Camera video e-mailed to police investigators",
  "Police investigators (various agencies)", "law_enforcement", "email", "none_stated",
  "No written procedure or legal basis. The photo enforcement ordinance limits use to "
  "traffic violations.",
  "Investigating crashes and other crimes near camera intersections.",
  ["video clips", "plate numbers"], ["precise_location"], "on_request",
  notified=False, start="2023-06-01")
P("alder-dot-paratransit", "Trip scheduling by the paratransit contractor",
  "RideAble Mobility, Inc.", "vendor", "contract", "contract",
  "Paratransit Operations Contract.",
  "Scheduling and driving door-to-door trips.",
  ["name", "home address", "trip origins and destinations", "disability and mobility "
   "device"], ["health", "precise_location"], "real_time",
  agreement=("Paratransit Operations Contract", "2022-07-01", "2027-06-30", ALL),
  retention=(1825, "Five years."), hosted=True, start="2022-07-01")
P("alder-dot-paratransit", "Medicaid-funded trips billed to the State",
  "State Health Authority, Non-Emergency Medical Transportation", "state_agency", "law",
  "statute", "SRS 414.065 and 42 C.F.R. § 440.170.",
  "Billing Medicaid for rides to medical appointments.",
  ["rider Medicaid ID", "trip dates", "destinations (clinics)"], ["health"], "monthly",
  retention=(None, "Kept by the State."), notified=True, start="2015-01-01")
P("alder-dot-paratransit", "Ridership totals to the National Transit Database",
  "Federal Transit Administration", "federal_agency", "regulation", "regulation",
  "49 U.S.C. § 5335 (National Transit Database).",
  "Federal transit funding formulas.",
  ["trips", "miles", "hours", "costs"], [], "annually",
  retention=(None, "Aggregates only."), start="2015-01-01")
OD("alder-dot-parking-citations", "Parking citation totals published as open data",
   ["citations by block, hour and violation type"], freq="monthly", start="2020-01-01",
   purpose="Transparency about where tickets are written. Plates and names are not "
   "published.")

# --- Public Works -------------------------------------------------------------
P("alder-dpw-utility-accounts", "Low-income utility discount checks with Human Services",
  "Alder County Human Services", "local_agency", "mou", "consent",
  "Customers consent on the discount application; Utility Assistance MOU.",
  "Confirming SNAP enrolment so the customer gets the discount without paperwork.",
  ["account holder name", "date of birth", "SNAP status"], [], "monthly",
  agreement=("Utility Assistance MOU", "2023-01-01", "2027-12-31", ALL),
  retention=(730, "Two years."), notified=True, start="2023-01-01")
P("alder-dpw-utility-accounts", "Bill printing and mailing by a contractor",
  "Cascade Print & Mail", "vendor", "contract", "contract",
  "Bill Print and Mail Services Contract.",
  "Printing and mailing bills and shut-off notices.",
  ["name", "service address", "amount due"], [], "monthly",
  agreement=("Bill Print and Mail Services Contract", "2024-01-01", "2028-12-31", ALL),
  retention=(90, "Print files are deleted after 90 days."), hosted=True, start="2018-01-01")
P("alder-dpw-utility-accounts", "Account holder details given to police by phone",
  "Police officers (various agencies)", "law_enforcement", "phone", "none_stated",
  "No legal basis or written procedure; customer-service staff have answered officers' "
  "calls.",
  "Finding who lives at an address.",
  ["account holder name", "phone number", "move-in date"], [], "on_request",
  notified=False, start="2012-01-01")
P("alder-dpw-utility-accounts", "Shut-off notices to tenants' landlords",
  "Owners of rental properties with tenant-paid accounts", "public", "law", "statute",
  "SRS 757.760 (notice to owner before termination).",
  "Giving the owner a chance to prevent loss of water service.",
  ["service address", "shut-off date"], [], "on_request",
  retention=(None, "Held by recipients."), start="2012-01-01")
OD("alder-dpw-permits", "Permits published as open data",
   ["permit type", "address", "valuation", "contractor", "inspections"], freq="daily",
   start="2016-01-01")
P("alder-dpw-permits", "Permit valuations sent to the Assessor",
  "Alder County Assessor", "local_agency", "law", "statute",
  "SRS 308.234 (new construction valuation).",
  "Adding new construction to the tax roll.",
  ["address", "valuation", "completion date"], [], "monthly",
  retention=(None, "Kept by the Assessor."), start="2005-01-01")
P("alder-dpw-permits", "Bulk permit feed for the home builders' association",
  "Alder Home Builders Association", "public", "open_data", "statute",
  "ACC 2.30 (Open Data Policy).",
  "Market statistics for builders.",
  ["permit type", "address", "valuation"], [], "weekly",
  retention=(None, "Public data."), start="2019-01-01")
P("alder-dpw-wastewater-samples", "Wastewater results shared with Public Health",
  "Alder County Public Health", "local_agency", "mou", "contract",
  "Wastewater Monitoring MOU.",
  "Early warning of COVID-19, influenza, RSV and measles in the community.",
  ["sewershed", "sample date", "viral concentrations"], ["health"], "weekly",
  agreement=("Wastewater Monitoring MOU", "2023-10-01", "2027-09-30", ALL),
  retention=(1825, "Five years."), notified=True, start="2020-09-01")
P("alder-dpw-wastewater-samples", "Wastewater results to the national surveillance system",
  "CDC National Wastewater Surveillance System", "federal_agency", "data_sharing_agreement",
  "contract", "NWSS Data Use Agreement (through the State).",
  "National trends of respiratory and other pathogens.",
  ["treatment plant", "sample date", "concentrations", "population served"], ["health"],
  "weekly",
  agreement=("NWSS Data Use Agreement", "2022-01-01", "2027-12-31", ALL),
  retention=(None, "Kept by CDC; no personal data."), notified=True, start="2022-01-01")
P("alder-dpw-wastewater-samples", "Laboratory testing of wastewater samples",
  "Verity Environmental Laboratories", "vendor", "contract", "contract",
  "Laboratory Services Contract.",
  "Testing samples.",
  ["sample IDs", "site", "results"], [], "weekly",
  agreement=("Laboratory Services Contract", "2023-10-01", "2027-09-30", ALL),
  retention=(365, "One year."), start="2020-09-01")
P("alder-dpw-wastewater-samples", "Drug-residue results e-mailed to the regional drug task "
  "force", "Alder-Columbia Regional Drug Task Force", "law_enforcement", "email",
  "none_stated",
  "No agreement or legal basis recorded. Staff have forwarded sewershed results for fentanyl "
  "and methamphetamine on request.",
  "Task force stated it wanted to see drug-use trends by neighbourhood.",
  ["sewershed", "sample date", "drug residue concentrations"], [], "on_request",
  notified=False, start="2024-02-01")

# --- Library ------------------------------------------------------------------
P("alder-lib-patron-accounts", "Patron records hosted by the library system vendor",
  "Bookstack Library Systems", "vendor", "contract", "contract",
  "Integrated Library System Hosting Agreement, with the State's library confidentiality "
  "law (SRS 192.355(23)) incorporated.",
  "Running the catalogue, checkouts and holds.",
  ["patron details", "current loans", "holds", "fees"], [], "real_time",
  agreement=("Integrated Library System Hosting Agreement", "2024-01-01", "2028-12-31", ALL),
  retention=(1095, "Accounts deleted three years after last use."), hosted=True,
  start="2017-01-01")
LIB_EBOOK = P("alder-lib-patron-accounts", "E-book and audiobook loans through a digital vendor",
  "Lumen Digital Reads", "vendor", "contract", "contract",
  "Digital Content Platform Agreement (vendor's standard terms).",
  "Lending e-books and audiobooks.",
  ["library card number", "titles borrowed", "device type"], [], "real_time",
  agreement=("Digital Content Platform Agreement", "2021-06-01", "2027-05-31",
             ("onward_sharing_ban", "retention_destruction")),
  retention=(None, None), notified=False, hosted=True, start="2021-06-01")
P("alder-lib-patron-accounts", "Unpaid fees sent to a collection agency",
  "Midstate Recovery Services, Inc.", "vendor", "contract", "contract",
  "Collection Services Contract.",
  "Collecting fees for lost items over $50.",
  ["name", "address", "phone", "amount owed"], [], "monthly",
  agreement=("Collection Services Contract", "2015-01-01", "2023-06-30", ALL),
  retention=(None, "Ended when the library went fine-free."), status="retired",
  start="2015-01-01", end="2023-06-30")
P("alder-lib-patron-accounts", "Student library cards created from school rosters",
  "Alder Valley School District and four other districts", "local_agency",
  "data_sharing_agreement", "contract", "Student Access Card Agreement, under FERPA's "
  "directory-information rules; families can opt out.",
  "Giving every student a library card.",
  ["student ID", "name", "school", "grade"], ["minors"], "annually",
  agreement=("Student Access Card Agreement", "2023-08-01", "2028-07-31", ALL),
  retention=(365, "Rosters deleted after cards are made."), notified=True, start="2019-08-01")
P("alder-lib-circulation", "Borrowing records released to police only under court order",
  "Law enforcement agencies (with a court order)", "law_enforcement", "law", "court_order",
  "SRS 192.355(23) makes library records confidential; the Library releases them only under a "
  "court order reviewed by County Counsel.",
  "Complying with a court order.",
  ["records named in the order"], [], "on_request",
  retention=(None, "Held by the requesting agency."), notified=True, start="2005-01-01")
P("alder-lib-computer-sessions", "Computer reservations managed by a vendor",
  "SeatSaver Public Access Software", "vendor", "contract", "contract",
  "Public Computer Management Agreement.",
  "Booking and timing public computer sessions and printing.",
  ["library card number", "session times", "print jobs"], [], "real_time",
  agreement=("Public Computer Management Agreement", "2022-03-01", "2027-02-28", ALL),
  retention=(7, "Seven days."), hosted=True, start="2022-03-01")
P("alder-lib-computer-sessions", "Wi-Fi connection analytics from the network vendor",
  "AirMesh Networks", "vendor", "contract", "contract",
  "Accepted the vendor's online terms of service when the access points were bought.",
  "Counting Wi-Fi users per branch and troubleshooting.",
  ["device identifiers (MAC addresses)", "time connected", "which branch and which access "
   "point"], ["precise_location"], "real_time", retention=(None, None), notified=False,
  hosted=True, start="2020-01-01")
OD("alder-lib-usage-stats", "Library use statistics published as open data",
   ["visits, loans, programme attendance and new cards by branch and month"], freq="monthly",
   start="2018-01-01")
P("alder-lib-usage-stats", "Annual statistics to the State Library",
  "State Library", "state_agency", "law", "statute",
  "SRS 357.520 (annual public library statistics).",
  "Statewide and national library statistics (IMLS Public Libraries Survey).",
  ["annual counts"], [], "annually", retention=(None, "Aggregates only."), start="2005-01-01")
P("alder-lib-patron-accounts", "Newsletter list of patrons who opted in",
  "Friends of the Alder County Library", "nonprofit", "data_sharing_agreement", "consent",
  "Patrons tick a box to join the Friends' newsletter.",
  "Newsletters about book sales and events.",
  ["name", "e-mail address"], [], "monthly",
  agreement=("Friends Newsletter Data Agreement", "2024-01-01", "2028-12-31", ALL),
  retention=(None, "Until the patron unsubscribes."), notified=True, start="2020-01-01")
P("alder-lib-patron-accounts", "Online homework help for students",
  "TutorNow Learning, Inc.", "vendor", "contract", "contract",
  "Online Tutoring Services Contract.",
  "Live online tutoring with a library card.",
  ["library card number", "grade level", "session transcripts"], ["minors"], "real_time",
  agreement=("Online Tutoring Services Contract", "2024-09-01", "2027-08-31",
             ("retention_destruction",)),
  retention=(None, None), notified=True, hosted=True, start="2024-09-01")

# --- Parks --------------------------------------------------------------------
P("alder-prk-registrations", "Registrations hosted by the recreation software vendor",
  "ActiveRoster, Inc.", "vendor", "contract", "contract",
  "Recreation Management Software Agreement.",
  "Online registration and payment for programmes.",
  ["child's name and date of birth", "parent contacts", "allergies and medical notes",
   "payment"], ["minors", "health"], "real_time",
  agreement=("Recreation Management Software Agreement", "2019-07-01", "2024-06-30", ALL),
  retention=(1095, "Three years."), hosted=True, start="2019-07-01")
P("alder-prk-registrations", "Team rosters e-mailed to volunteer-run youth leagues",
  "Youth sports leagues (nonprofit partners)", "nonprofit", "email", "consent",
  "Parents accept the league's participation terms at registration; no agreement with the "
  "leagues.",
  "Letting volunteer coaches contact families.",
  ["child's name and age", "parent phone and e-mail", "medical notes"],
  ["minors", "health"], "on_request", notified=True, start="2016-01-01")
P("alder-prk-registrations", "Background checks of coaches and camp staff",
  "SafeCoach Screening, LLC", "vendor", "contract", "contract",
  "Background Screening Services Contract (Fair Credit Reporting Act).",
  "Screening adults who work with children.",
  ["name", "date of birth", "SSN", "criminal history"], ["ssn_itin", "criminal_justice"],
  "on_request",
  agreement=("Background Screening Services Contract", "2023-03-01", "2028-02-29", ALL),
  retention=(365, "One year."), notified=True, hosted=True, start="2018-03-01")
P("alder-prk-registrations", "Free summer meals reporting to the USDA",
  "U.S. Department of Agriculture (via the State Department of Education)", "federal_agency",
  "regulation", "regulation", "7 C.F.R. part 225 (Summer Food Service Program).",
  "Reimbursement for free meals served at parks.",
  ["meals served per site and day"], [], "monthly",
  retention=(None, "Counts only."), start="2012-06-01")
P("alder-prk-facility-reservations", "Event insurance certificates from an insurance vendor",
  "Tulip Event Insurance", "vendor", "contract", "contract",
  "Special Event Insurance Program Agreement.",
  "Selling one-day liability insurance to people renting shelters.",
  ["organiser name and contact", "event date and location"], [], "on_request",
  agreement=("Special Event Insurance Program Agreement", "2022-04-01", "2027-03-31", ALL),
  retention=(1095, "Three years."), start="2022-04-01")
OD("alder-prk-visitor-counts", "Trail counts published as open data",
   ["counter location", "hourly counts"], freq="daily", start="2019-05-01")
P("alder-prk-visitor-counts", "Visitor counts for the statewide recreation plan",
  "State Parks and Recreation Department", "state_agency", "contract", "contract",
  "Statewide Outdoor Recreation Plan data request.",
  "Statewide outdoor recreation planning.",
  ["annual visitor counts by park"], [], "annually",
  retention=(None, "Counts only."), start="2019-05-01")
P("alder-prk-registrations", "Fee waiver checks with Human Services",
  "Alder County Human Services", "local_agency", "mou", "consent",
  "Families consent on the fee waiver form; Recreation Access MOU.",
  "Giving free programme places to families on SNAP.",
  ["parent name", "date of birth", "SNAP status"], [], "on_request",
  agreement=("Recreation Access MOU", "2023-05-01", "2028-04-30", ALL),
  retention=(365, "One year."), notified=True, start="2023-05-01")

# --- Community Justice --------------------------------------------------------
P("alder-dcj-supervision", "Supervision records kept in the State corrections system",
  "State Department of Corrections", "state_agency", "law", "statute",
  "SRS 144.085 (county community corrections).",
  "Statewide supervision records.",
  ["supervision conditions", "violations", "risk scores", "address"],
  ["criminal_justice", "health"], "real_time",
  retention=(None, "Kept by the State."), notified=True, start="2005-01-01")
P("alder-dcj-supervision", "Treatment progress shared with providers (with consent)",
  "Contracted drug, alcohol and mental-health treatment providers", "nonprofit",
  "data_sharing_agreement", "consent",
  "Signed consent under 42 C.F.R. part 2 and HIPAA; Treatment Provider Data Agreement.",
  "Coordinating treatment that is a condition of supervision.",
  ["attendance", "drug test results", "treatment plan"], ["health", "criminal_justice"],
  "weekly",
  agreement=("Treatment Provider Data Agreement", "2024-01-01", "2028-12-31", ALL),
  retention=(2555, "Seven years."), notified=True, start="2010-01-01")
P("alder-dcj-supervision", "Weekly lists of people on supervision to police",
  "Police Department and Sheriff's Office", "law_enforcement", "mou", "contract",
  "Community Supervision Information MOU.",
  "Officer safety and home visits.",
  ["name", "home address", "supervision conditions", "photo"],
  ["criminal_justice", "precise_location"], "weekly",
  agreement=("Community Supervision Information MOU", "2021-01-01", "2026-12-31",
             ("permitted_uses", "retention_destruction")),
  retention=(None, None), notified=False, start="2021-01-01")
P("alder-dcj-supervision", "Responses to ICE e-mail requests about people on probation",
  "U.S. Immigration and Customs Enforcement (ICE)", "federal_agency", "email", "none_stated",
  "No legal basis. Probation officers replied to e-mails from ICE officers with addresses "
  "and appointment times. Ended in June 2024 under ACC 2.150.",
  "ICE stated it wanted to locate people for civil immigration arrests.",
  ["name", "home address", "next office appointment"],
  ["immigration_status", "nationality", "criminal_justice", "precise_location"],
  "on_request", notified=False, status="retired", start="2017-01-01", end="2024-06-30")
P("alder-dcj-supervision", "Risk assessments run on the vendor's platform",
  "Veritas Risk Tools, Inc.", "vendor", "contract", "contract",
  "Risk Assessment Software License.",
  "Scoring risk of reoffending to set supervision levels.",
  ["criminal history", "employment", "housing", "substance use", "family"],
  ["criminal_justice", "health"], "daily",
  agreement=("Risk Assessment Software License", "2022-01-01", "2027-12-31",
             ("audit_rights",)),
  retention=(3650, "Ten years."), notified=False, hosted=True, start="2022-01-01")
P("alder-dcj-pretrial", "Pretrial reports to the Circuit Court",
  "Alder County Circuit Court", "state_agency", "law", "statute",
  "SRS 135.230 to 135.290 (pretrial release).",
  "Helping judges decide release conditions.",
  ["interview", "criminal history", "assessment"], ["criminal_justice"], "daily",
  retention=(None, "Court records."), notified=True, start="2005-01-01")
P("alder-dcj-pretrial", "Court-date text reminders", "Remindly Court Notify, Inc.",
  "vendor", "contract", "contract", "Court Reminder Services Contract.",
  "Texting people their court dates, which halves missed appearances.",
  ["first name", "phone number", "court date and room"], [], "daily",
  agreement=("Court Reminder Services Contract", "2024-03-01", "2029-02-28", ALL),
  retention=(90, "Deleted 90 days after the last court date."), notified=True, hosted=True,
  start="2024-03-01")
P("alder-dcj-juvenile", "Education liaison sharing with school districts",
  "School districts in Alder County", "local_agency", "data_sharing_agreement", "statute",
  "SRS 339.883 and the Juvenile Education Liaison Agreement.",
  "Keeping young people on probation enrolled and on track in school.",
  ["student name", "school", "attendance", "probation conditions affecting school"],
  ["minors", "criminal_justice"], "monthly",
  agreement=("Juvenile Education Liaison Agreement", "2023-09-01", "2028-08-31", ALL),
  retention=(365, "One year after supervision ends."), notified=True, start="2018-09-01")
P("alder-dcj-juvenile", "Juvenile commitments to the State youth authority",
  "State Youth Authority", "state_agency", "law", "statute",
  "SRS 420.011 (commitment to the youth authority).",
  "Transferring young people committed by the court.",
  ["case file", "health records", "education records"],
  ["minors", "health", "criminal_justice"], "on_request",
  retention=(None, "Kept by the State."), notified=True, start="2005-01-01")
P("alder-dcj-juvenile", "Evaluation of the juvenile diversion programme",
  "Center for Youth Justice Research, Alder Valley University", "researcher",
  "data_sharing_agreement", "contract", "Research Data-Use Agreement.",
  "Measuring whether diversion reduces later referrals.",
  ["hashed youth ID", "referral offence", "diversion outcome", "age", "race and ethnicity"],
  ["minors", "criminal_justice"], "annually",
  agreement=("Diversion Evaluation Data-Use Agreement", "2025-01-01", "2027-12-31", ALL),
  retention=(730, "Two years after the final report."), notified=False, start="2025-01-01")
P("alder-dcj-electronic-monitoring", "GPS monitoring data held by the monitoring vendor",
  "TrackSure Monitoring, Inc.", "vendor", "contract", "contract",
  "Electronic Monitoring Services Contract.",
  "Providing ankle monitors, the tracking platform and 24-hour alert monitoring.",
  ["GPS positions every minute", "zone alerts", "device status"],
  ["precise_location", "criminal_justice"], "real_time",
  agreement=("Electronic Monitoring Services Contract", "2022-10-01", "2027-09-30",
             ("retention_destruction",)),
  retention=(1825, "The vendor keeps location history for five years."), notified=True,
  hosted=True, start="2022-10-01")
GPS_EMAIL = P("alder-dcj-electronic-monitoring", "GPS location histories e-mailed to police",
  "Police investigators (various agencies)", "law_enforcement", "email", "none_stated",
  "No written procedure or legal basis; monitoring staff have exported location histories "
  "when detectives asked.",
  "Checking whether a person on a monitor was near a crime scene.",
  ["location history for a date range", "map screenshots"],
  ["precise_location", "criminal_justice"], "on_request", notified=False, start="2019-01-01")
P("alder-dcj-supervision", "Job-readiness referrals", "Second Start Workforce (nonprofit)",
  "nonprofit", "mou", "consent", "People on supervision consent to the referral.",
  "Job training and placement.",
  ["name", "contact details", "work history"], ["criminal_justice"], "weekly",
  agreement=("Reentry Employment MOU", "2024-07-01", "2027-06-30", ALL),
  retention=(1095, "Three years."), notified=True, start="2019-07-01")
P("alder-dcj-supervision", "Notices to victims about supervision changes",
  "Registered crime victims", "public", "law", "statute",
  "SRS 147.433 (victims' right to notice).",
  "Telling victims when supervision ends or conditions change.",
  ["name of person supervised", "status change", "no-contact conditions"],
  ["criminal_justice"], "on_request",
  retention=(None, "Held by victims."), notified=True, start="2005-01-01")

# --- Elections ----------------------------------------------------------------
P("alder-ele-voter-file", "Voter registrations kept in the statewide voter database",
  "Secretary of State, Elections Division", "state_agency", "law", "statute",
  "52 U.S.C. § 21083 (Help America Vote Act: statewide voter registration list) and SRS "
  "247.012.",
  "One statewide list of eligible voters.",
  ["name", "addresses", "date of birth", "party", "last four of SSN or licence number",
   "voting history"], ["ssn_itin"], "real_time",
  retention=(None, "Kept by the State."), notified=True, start="2006-01-01")
P("alder-ele-voter-file", "Voter lists sold to candidates and parties",
  "Candidates, political parties and members of the public (on request)", "public", "law",
  "statute", "SRS 247.945 makes the voter list (without SSN, licence number or full date of "
  "birth) available for a fee.",
  "Campaign outreach and election research.",
  ["name", "residence address", "party", "year of birth", "voting history"], [],
  "on_request", retention=(None, "Held by recipients."), notified=True, start="2006-01-01")
P("alder-ele-voter-file", "Source list for jury summonses",
  "Alder County Circuit Court, Jury Office", "state_agency", "law", "statute",
  "SRS 10.215 (jury source list).", "Summoning jurors.",
  ["name", "address", "date of birth"], [], "annually",
  retention=(365, "Replaced each year."), notified=True, start="2005-01-01")
P("alder-ele-voter-file", "Ballot printing and mailing by a contractor",
  "Ballotworks Printing & Mailing", "vendor", "contract", "contract",
  "Ballot Printing and Mailing Services Contract.",
  "Printing and mailing ballots to every registered voter.",
  ["name", "mailing address", "ballot style"], [], "on_request",
  agreement=("Ballot Printing and Mailing Services Contract", "2024-01-01", "2028-12-31",
             ALL),
  retention=(30, "Mailing files deleted 30 days after the election."), hosted=True,
  start="2012-01-01")
P("alder-ele-voter-file", "Address updates from the Postal Service change-of-address file",
  "U.S. Postal Service (through a licensed vendor)", "federal_agency", "contract", "statute",
  "52 U.S.C. § 20507(c) (list maintenance using National Change of Address data).",
  "Keeping voters' mailing addresses current.",
  ["name", "mailing address"], [], "monthly",
  agreement=("NCOA Processing Agreement", "2023-01-01", "2027-12-31", ALL),
  retention=(30, "Vendor deletes files after 30 days."), notified=True, start="2010-01-01")
P("alder-ele-voter-file", "Translated ballot requests to the translation and mailing vendor",
  "Polyglot Civic Translations", "vendor", "contract", "contract",
  "Translation Services Contract.",
  "Mailing ballots and voters' pamphlets in Spanish, Vietnamese, Chinese and Russian.",
  ["name", "mailing address", "preferred language"], ["language"], "on_request",
  agreement=("Translation Services Contract", "2024-05-01", "2028-04-30",
             ("breach_notification",)),
  retention=(None, None), notified=True, hosted=True, start="2020-05-01")
P("alder-ele-ballot-returns", "Daily ballot-return lists for campaigns",
  "Candidates, political parties and members of the public (on request)", "public", "law",
  "statute", "SRS 254.483 (ballot return records are public).",
  "Get-out-the-vote efforts.",
  ["voter name", "voter ID", "date ballot received"], [], "daily",
  retention=(None, "Held by recipients."), notified=True, start="2006-01-01")
P("alder-ele-ballot-returns", "Ballot tracking texts and e-mails",
  "TrackMyBallot Notifications, LLC", "vendor", "contract", "contract",
  "Ballot Tracking Services Contract.",
  "Telling voters when their ballot was mailed, received and counted, and if a signature "
  "needs fixing.",
  ["voter phone or e-mail", "ballot status"], [], "real_time",
  agreement=("Ballot Tracking Services Contract", "2024-01-01", "2028-12-31", ALL),
  retention=(60, "60 days after the election."), notified=True, hosted=True,
  start="2020-01-01")
OD("alder-ele-results", "Election results published as open data",
   ["results by precinct", "turnout", "rejected ballots by reason"], freq="on_request",
   start="2010-01-01")
P("alder-ele-results", "Results certified to the Secretary of State",
  "Secretary of State, Elections Division", "state_agency", "law", "statute",
  "SRS 254.545 (county abstract of votes).", "Certifying elections.",
  ["abstract of votes"], [], "on_request", retention=(None, "Public records."),
  start="2005-01-01")
ELE_SAVE = P("alder-ele-voter-file", "Citizenship checks of the voter list through USCIS SAVE",
  "U.S. Citizenship and Immigration Services, SAVE (through the Secretary of State)",
  "federal_agency", "data_sharing_agreement", "regulation",
  "Secretary of State directive to counties; the data-sharing agreement is between the "
  "State and USCIS. Paused by the county after a court challenge.",
  "Checking whether registered voters are citizens.",
  ["name", "date of birth", "last four of SSN"], ["immigration_status", "ssn_itin"],
  "one_time", retention=(None, None), notified=False, status="suspended",
  start="2025-10-01")

# --- Technology Services ------------------------------------------------------
OD("alder-tec-311-requests", "311 service requests published as open data",
   ["request type", "100-block location", "status", "days to close"], freq="daily",
   start="2018-05-01")
P("alder-tec-311-requests", "311 requests managed in the vendor's hosted system",
  "CivicLedger 311, Inc.", "vendor", "contract", "contract",
  "Customer Relationship Management Software Agreement.",
  "Taking, routing and tracking service requests.",
  ["request details and photos", "location", "caller name and contact (optional)"],
  ["precise_location"], "real_time",
  agreement=("CRM Software Agreement", "2023-09-01", "2028-08-31", ALL),
  retention=(1825, "Five years."), notified=True, hosted=True, start="2018-05-01")
P("alder-tec-311-requests", "Service requests routed to the cities' crews",
  "Cities of Port Alder, Linwood and Kessler", "local_agency", "mou", "contract",
  "Regional 311 Service MOU.",
  "Sending requests inside city limits to the right city.",
  ["request details", "location", "caller contact if given"], [], "real_time",
  agreement=("Regional 311 Service MOU", "2022-01-01", "2031-12-31", ALL),
  retention=(1825, "Five years."), notified=True, start="2018-05-01")
P("alder-tec-web-analytics", "Website visits measured by an analytics vendor",
  "Clickstream Insights, Inc.", "vendor", "contract", "contract",
  "Accepted the vendor's online terms of service.",
  "Knowing which pages residents use.",
  ["pages visited", "shortened IP address", "browser", "approximate city"], [],
  "real_time", retention=(None, None), notified=False, hosted=True, start="2019-01-01")
OD("alder-tec-address-points", "Address points and tax lots published as open data",
   ["address points", "tax lots", "zoning", "districts"], freq="weekly", start="2014-01-01")
P("alder-tec-address-points", "Address points for 911 dispatch maps",
  "Alder Emergency Communications (regional 911)", "local_agency", "law", "statute",
  "SRS 403.115 (emergency communications).",
  "Sending help to the right place.",
  ["address points", "road centrelines"], [], "daily",
  retention=(None, "No personal data."), start="2005-01-01")
P("alder-tec-address-points", "Address list review for the Census",
  "U.S. Census Bureau (Local Update of Census Addresses)", "federal_agency", "law",
  "statute", "13 U.S.C. § 16 and the LUCA confidentiality agreement.",
  "Making sure every household is counted.",
  ["address list"], [], "one_time",
  agreement=("LUCA Confidentiality Agreement", "2018-03-01", "2030-12-31", ALL),
  retention=(None, "Census materials are returned or destroyed as the agreement requires."),
  start="2018-03-01")
P("alder-tec-address-points", "Base map for commercial map providers",
  "Commercial map and navigation providers", "public", "open_data", "statute",
  "ACC 2.30 (Open Data Policy).", "Accurate addresses in map apps.",
  ["address points", "road centrelines"], [], "weekly",
  retention=(None, "Public data."), start="2016-01-01")
P("alder-tec-311-requests", "Encampment reports forwarded to police by e-mail",
  "Alder County Police Department, Community Response Unit", "law_enforcement", "email",
  "none_stated",
  "No written procedure. 311 staff forward reports of tents and vehicles people live in.",
  "Police stated it uses the reports to plan outreach and clean-ups.",
  ["location", "description", "photos", "caller contact if given"],
  ["precise_location"], "daily", notified=False, start="2022-06-01")
P("alder-tec-web-analytics", "Public website-traffic dashboard",
  f"The public ({OPEN_DATA})", "public", "open_data", "statute",
  "ACC 2.30 (Open Data Policy).", "Transparency about how residents use online services.",
  ["page views per month"], [], "monthly", retention=(None, "Aggregates only."),
  start="2021-01-01")


# ---------------------------------------------------------------------------
# Surveillance technologies and their notices (ACC 2.140, the county's
# surveillance technology ordinance, modelled on Seattle, Oakland and the NYC
# POST Act). Every notice version carries the full required content.
# ---------------------------------------------------------------------------

DEPT_NAME = {code: name for code, name, _ in DEPARTMENTS}
BOARD = "Alder County Board of Commissioners"
PENDING = (f"{BOARD}, after review by the Privacy Advisory Commission under ACC 2.140 "
           "(decision pending)")

COMMON_PROHIBITED = (
    "Using it to enforce federal civil immigration law, or to help anyone else do so, is "
    "prohibited in every case (ACC 2.150). So is using it to identify, track or record people "
    "because of their race, religion, national origin, disability, gender identity or sexual "
    "orientation, or because they are lawfully protesting, worshipping, organising or "
    "seeking reproductive or gender-affirming health care."
)


def use_policy(name: str, dept: str, purpose: str, authorized: list[str],
               prohibited: list[str], retention: str, access: str, sharing: str,
               training: str, extra: str | None = None) -> str:
    def listing(items: list[str]) -> str:
        letters = "abcdefghij"
        return "; ".join(f"({letters[k]}) {item}" for k, item in enumerate(items))

    paragraphs = [
        f"1. Purpose. {purpose}",
        f"2. Authorized uses. The {dept} may use {name} only to: {listing(authorized)}. Any "
        "other use requires an amended notice, public comment and the Board's approval.",
        f"3. Prohibited uses. {name[0].upper() + name[1:]} must not be used to: "
        f"{listing(prohibited)}. " + COMMON_PROHIBITED,
        f"4. Data retention. {retention}",
        f"5. Access and security. {access} Every user has a named account protected by "
        "multi-factor authentication; shared log-ins are prohibited. Data are encrypted in "
        "transit and at rest, and the system records who looked at what, when and why.",
        f"6. Sharing. {sharing} Every disclosure outside the department is logged with the "
        "recipient, the legal basis and the records disclosed, and the log is reported in the "
        "annual surveillance report.",
        f"7. Training. {training}",
        "8. Auditing and oversight. Each quarter a supervisor outside the unit audits a "
        "random sample of at least 25 uses, checking that each had an authorized purpose and "
        "a case or incident number. Audit results, complaints and any misuse are reported to "
        "the Privacy Advisory Commission, and the department publishes an annual surveillance "
        "report under ACC 2.140.070.",
        "9. Violations. Employees who violate this policy are subject to discipline up to and "
        "including termination. Information obtained in violation of this policy must not be "
        "used, and the department must report the violation to the Privacy Advisory "
        "Commission within 30 days.",
    ]
    if extra:
        paragraphs.insert(3, extra)
    return "\n\n".join(paragraphs)


TECHNOLOGIES: list[dict[str, Any]] = []


def T(slug, name, category, dept, status, base, versions, *, published=True,
      comment=None, locations=None):
    """``versions`` is a list of (version, published_days_ago, overrides, change_summary,
    locations) where locations default to the previous version's."""
    TECHNOLOGIES.append({
        "slug": slug, "name": name, "category": category, "department": dept,
        "status": status, "is_published": published, "comment": comment,
        "base": base, "versions": versions, "locations": locations or {},
    })


# Street and place names used for deployment locations, per district.
STREETS = {
    "D1": ["Harbor Blvd", "Front Ave", "Rail Yard Rd", "N Lombard St", "Pier 4 Access Rd",
           "Cannery Row", "N Willis Blvd"],
    "D2": ["Millrace Rd", "Hawthorne Ave", "Creekside Dr", "Sunset Hwy", "Orchard Way",
           "Miller Rd"],
    "D3": ["Alder Ave", "Main St", "Courthouse Sq", "2nd St", "Broadway", "Salmon St",
           "Water Ave"],
    "D4": ["Eastgate Blvd", "SE 162nd Ave", "Division St", "Glisan St", "Powell Blvd",
           "Halsey St"],
    "D5": ["Foxglove Pkwy", "Linwood Main St", "Farmington Rd", "Scholls Ferry Rd",
           "Nursery Ln"],
    "D6": ["Marsh Creek Rd", "Pacific Hwy", "Boones Ferry Rd", "Tualatin Valley Dr",
           "Industrial Way"],
    "D7": ["Bellmont Ave", "University Dr", "Hospital Hill Rd", "Oak Grove Blvd",
           "Kingsgate Rd"],
    "D8": ["Kessler Rd", "Route 26", "Upper Valley Rd", "Timberline Dr", "Kessler Main St"],
}

T("alpr-fixed", "Fixed automated license plate readers", "license_plate_reader", "POL",
  "under_review",
  base=dict(
    description="Cameras mounted on poles at fixed locations that photograph the rear plate of "
    "every passing vehicle, read the plate number automatically and compare it with lists of "
    "stolen vehicles, stolen plates and vehicles connected to Amber Alerts, Silver Alerts and "
    "felony warrants.",
    how_it_works="Each camera takes an infrared and a colour photo of every vehicle that "
    "passes in the lanes it covers. Software reads the plate characters and records the "
    "plate, the photo, the camera, the direction of travel, and the date and time. Each read "
    "is checked within seconds against 'hot lists' loaded from the State Police and the FBI's "
    "National Crime Information Center. A match sends an alert to dispatch; an officer must "
    "confirm the plate and the hot-list entry by eye and by radio before stopping anyone. "
    "Reads that match nothing are stored so investigators can later search them with a case "
    "number.",
    purpose="To recover stolen vehicles, find missing and endangered people quickly, and "
    "locate vehicles connected to serious violent crimes.",
    problems_addressed="Vehicle theft in Alder County rose 41% between 2021 and 2024, with "
    "2,870 vehicles reported stolen in 2024. Investigators also spend many hours looking for "
    "vehicles described by witnesses to shootings and hit-and-run crashes.",
    data_collected="Plate number, state, photo of the rear of the vehicle (which can show "
    "bumper stickers and sometimes occupants), camera location, direction of travel, date and "
    "time. No facial recognition is performed, and no audio is recorded.",
    data_subjects="Every driver and vehicle owner who passes a camera, the overwhelming "
    "majority of whom are not suspected of anything.",
    retention="Reads that match no hot list are deleted automatically after 30 days. Reads "
    "connected to a case are copied into the case file and kept as long as the case requires. "
    "Hot-list alerts are kept for one year for auditing.",
    access="Sworn officers and crime analysts who have completed training may receive alerts. "
    "Searching stored reads requires a case number and a stated reason, and is limited to "
    "detectives, analysts and supervisors (about 60 people).",
    access_logging="Every search is logged with the user, the plate or location searched, the "
    "case number and the reason. The logs are kept for three years and audited quarterly.",
    sharing="Stored reads are shared only with another law enforcement agency that makes a "
    "written request with a case number for a criminal investigation, and never for civil "
    "immigration enforcement. Nationwide network sharing through the vendor is switched off.",
    civil_rights_impact="A network of cameras records where law-abiding people drive, "
    "including to places of worship, health clinics, union halls and protests. Over time, "
    "stored reads can reveal patterns of life. Misreads and outdated hot lists have led "
    "police elsewhere to stop innocent drivers at gunpoint. Without strict limits, reads could "
    "be used by other agencies to locate immigrants or people seeking reproductive care.",
    disparate_impact="Where cameras are placed determines who is recorded most. If cameras "
    "are concentrated in neighbourhoods with more residents of colour or lower incomes, those "
    "residents are recorded more often and are more likely to face stops from misreads.",
    mitigations="30-day deletion of non-matching reads; no network sharing; case number "
    "required for every search; visual confirmation before any stop; quarterly audits; "
    "locations chosen by a documented method based on reported vehicle crimes and published "
    "on this page; annual report to the Privacy Advisory Commission.",
    fiscal_acquisition_cost=87500.0,
    fiscal_ongoing_cost=42000.0,
    funding_source="Police Department general fund operating budget.",
    vendor="Corvane Systems, Inc.",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[
    (1, 540, dict(
        description="A pilot of six cameras mounted on poles at major entrances to the "
        "county that photograph the rear plate of every passing vehicle, read the plate "
        "number automatically and compare it with lists of stolen vehicles and vehicles "
        "connected to Amber Alerts and felony warrants.",
        retention="Reads that match no hot list are deleted automatically after 90 days. "
        "Reads connected to a case are kept as long as the case requires.",
        sharing="Stored reads are available to other agencies on the vendor's nationwide "
        "network that the Police Department has approved, and to any law enforcement agency "
        "that makes a written request.",
        mitigations="90-day deletion of non-matching reads; case number required for every "
        "search; visual confirmation before any stop; annual report.",
        approved_days_ago=470,
     ), "First notice: a six-camera pilot.", "v1"),
    (2, 200, dict(
        approved_days_ago=470,
        annual_report={
            "year": 2025, "cameras": 6, "plate_reads": 4_812_330, "hot_list_alerts": 1_904,
            "alerts_confirmed": 1_372, "stolen_vehicles_recovered": 211,
            "missing_persons_located": 3, "searches_of_stored_reads": 684,
            "requests_from_other_agencies": 97, "requests_refused": 12,
            "audit_findings": "4 searches had no case number; the users were retrained.",
            "complaints": 2,
        },
     ), "Annual report for 2025 added. Retention of non-matching reads cut from 90 to 30 "
        "days. Nationwide network sharing switched off after the Privacy Advisory "
        "Commission found that agencies in other states had searched Alder County reads.",
     "v1"),
    (3, 10, dict(
        description="Cameras mounted on poles at 24 fixed locations that photograph the rear "
        "plate of every passing vehicle, read the plate number automatically and compare it "
        "with lists of stolen vehicles, stolen plates and vehicles connected to Amber Alerts, "
        "Silver Alerts and felony warrants. This version proposes adding 18 cameras to the "
        "6 approved in the pilot.",
        fiscal_acquisition_cost=262500.0,
        fiscal_ongoing_cost=126000.0,
        funding_source="State Auto Theft Prevention Grant (two years, $310,000), then the "
        "Police Department general fund.",
        approving_authority=PENDING,
        approved_days_ago=None,
     ), "Proposed expansion from 6 to 24 cameras at 18 new locations, funded by a State "
        "grant. Comment period open.", "v3"),
  ],
  comment=(-10, 21),
  locations={
    "v1": [("Harbor Blvd at the Lombard Bridge (eastbound)", "D1"),
           ("Sunset Hwy off-ramp to Millrace Rd", "D2"),
           ("Alder Ave & 2nd St", "D3"),
           ("Eastgate Blvd at SE 162nd Ave", "D4"),
           ("Pacific Hwy at Marsh Creek Rd", "D6"),
           ("Route 26 at the Kessler city limit", "D8")],
    "v3+": [("N Willis Blvd & Front Ave", "D1"), ("Rail Yard Rd at Cannery Row", "D1"),
            ("Hawthorne Ave & Orchard Way", "D2"), ("Miller Rd & Creekside Dr", "D2"),
            ("Broadway & Salmon St", "D3"), ("Water Ave at the ferry landing", "D3"),
            ("Division St & SE 148th Ave", "D4"), ("Powell Blvd & Halsey St", "D4"),
            ("Glisan St at Eastgate Transit Center", "D4"),
            ("Farmington Rd & Linwood Main St", "D5"),
            ("Boones Ferry Rd & Industrial Way", "D6"),
            ("Tualatin Valley Dr & Marsh Creek Rd", "D6"),
            ("Pacific Hwy at SW 72nd Ave", "D6"),
            ("Bellmont Ave & Oak Grove Blvd", "D7"), ("University Dr & Kingsgate Rd", "D7"),
            ("Kessler Main St & Timberline Dr", "D8"), ("Upper Valley Rd at Route 26", "D8"),
            ("Scholls Ferry Rd at the county line", "D5")],
  })

T("alpr-parking", "Parking enforcement license plate readers", "license_plate_reader", "DOT",
  "in_use",
  base=dict(
    description="Cameras on four parking enforcement vehicles read plates as the vehicles "
    "drive through time-limited and permit parking zones, so parking officers know which "
    "cars have overstayed or lack a permit.",
    how_it_works="As the vehicle drives a route, cameras read the plates of parked cars and "
    "record the GPS position and time. On the second pass, the software flags cars parked "
    "longer than the limit, and checks permit zones against the list of valid permits. A "
    "parking officer reviews each flag and photographs the car before writing a citation.",
    purpose="Fair, efficient enforcement of time limits and residential permit zones, so "
    "that parking turns over for businesses and residents can park near home.",
    problems_addressed="Chalking tyres was slow, and a 2019 federal appeals court decision "
    "cast doubt on it. Businesses in Old Town and Bellmont complained of all-day parkers.",
    data_collected="Plate number, photo of the plate and the parked car, GPS position, date "
    "and time.",
    data_subjects="Owners of every car parked in an enforcement zone along a route.",
    retention="Reads that do not lead to a citation are deleted at the end of the next "
    "business day. Reads that lead to a citation are kept with the citation for three years.",
    access="Parking officers and their supervisors (14 people).",
    access_logging="Logins and citation reviews are logged by the vendor's system.",
    sharing="Since April 2024, reads are also checked against the State stolen-vehicle list "
    "and matches are sent to the Police Department under an interdepartmental MOU. No other "
    "sharing.",
    civil_rights_impact="Parked-car reads show where a vehicle was at a given time. Kept for "
    "one day, the risk is small; sharing with police raises it, because police keep matched "
    "reads for 90 days.",
    disparate_impact="Enforcement zones are in commercial districts and permit zones, "
    "mostly in Old Town (D3) and Bellmont (D7).",
    mitigations="Next-day deletion of reads not cited; officer review of every flag; "
    "published route maps; no searches of historical reads.",
    fiscal_acquisition_cost=148000.0,
    fiscal_ongoing_cost=31000.0,
    funding_source="Parking enforcement fund (citation revenue).",
    vendor="Corvane Systems, Inc. (mobile parking edition)",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[
    (1, 800, dict(approved_days_ago=760,
                  sharing="No sharing outside Transportation's parking unit."),
     "First notice.", "all"),
    (2, 300, dict(approved_days_ago=280,
                  annual_report={"year": 2025, "vehicles": 4, "plates_read": 1_210_554,
                                 "citations": 38_910, "stolen_vehicle_matches_sent": 64,
                                 "complaints": 5}),
     "Sharing of stolen-vehicle matches with the Police Department added, under an "
     "interdepartmental MOU. 2025 annual report added.", "all"),
  ],
  comment=(-330, -300),
  locations={"all": [("Old Town parking district (time-limited zones)", "D3", "area"),
                     ("Bellmont residential permit zones", "D7", "area"),
                     ("Parking enforcement vehicle base, Water Ave garage", "D3")]})

T("gunshot-detection", "Acoustic gunshot detection (proposed pilot)", "gunshot_detection",
  "POL", "proposed",
  base=dict(
    description="A network of microphones mounted on buildings and poles that listens for "
    "loud impulsive sounds, decides whether they are gunshots, and alerts police with an "
    "estimated location within about a minute. The proposal is a two-year pilot in two areas "
    "of about three square kilometres each.",
    how_it_works="Sensors, about 15 to 20 per square kilometre, detect loud impulsive "
    "sounds. When at least three sensors hear the same sound, the system triangulates its "
    "origin. A short audio clip (a few seconds before and after the sound) goes to the "
    "vendor's review centre, where staff decide whether it was gunfire. Confirmed alerts go to "
    "dispatch and to officers' phones with the estimated location. Sensor locations are not "
    "disclosed by the vendor.",
    purpose="To send officers and medics faster to shootings that nobody reports, and to find "
    "shell casings as evidence.",
    problems_addressed="In 2025 there were 412 reported shootings in Alder County; analysis "
    "of hospital data suggests many gunfire incidents are never reported to 911, especially "
    "in North Harbor and Marsh Creek.",
    data_collected="Audio clips of a few seconds around each loud impulsive sound, the "
    "estimated location, the date and time, and the reviewer's classification.",
    data_subjects="Anyone near a sensor when a loud sound occurs; voices on the street may be "
    "captured in clips.",
    retention="The vendor keeps audio clips and alert data for the length of the contract "
    "plus one year. The county keeps alerts that lead to a case with the case file.",
    access="Dispatchers and patrol officers receive alerts; detectives can request detailed "
    "forensic reports from the vendor.",
    access_logging="The vendor's system logs every alert view and report request.",
    sharing="Alert data are not shared outside the Police Department, except with prosecutors "
    "as evidence.",
    civil_rights_impact="Independent evaluations in other cities have found that most alerts "
    "lead to no evidence of a gun crime, but every alert sends officers into a neighbourhood "
    "expecting an armed person, which raises the risk of harmful stops. Microphones in public "
    "spaces may record conversations. Alerts have been used in court as evidence, and the "
    "accuracy of the vendor's location and classification has been disputed.",
    disparate_impact="The pilot areas were chosen by the number of reported shootings; both "
    "have higher shares of Black and Latino residents than the county as a whole "
    "(North Harbor and Marsh Creek). Residents of those areas would bear most of the "
    "additional police contacts.",
    mitigations="Two-year pilot with an independent evaluation by Alder Valley University; "
    "publication of every alert and its outcome on the open data portal; no use of audio "
    "other than the clip around the sound; a ban on stops based solely on an alert and "
    "proximity; the Commission may end the pilot early.",
    fiscal_acquisition_cost=95000.0,
    fiscal_ongoing_cost=390000.0,
    funding_source="Federal Byrne Justice Assistance Grant (first year); Police Department "
    "general fund thereafter.",
    vendor="Sentinel Acoustics, Inc.",
    approving_authority=PENDING,
    annual_report={},
  ),
  versions=[(1, 3, dict(approved_days_ago=None), "First notice of the proposed pilot.",
             "all")],
  comment=(-3, 27),
  locations={"all": [("Pilot area 1: North Harbor, around Cannery Row and N Lombard St", "D1",
                      "area"),
                     ("Pilot area 2: Marsh Creek apartments south of Pacific Hwy", "D6",
                      "area")]})

T("police-drones", "Police drones (unmanned aircraft)", "drone", "POL", "under_review",
  base=dict(
    description="Small battery-powered drones with video and thermal cameras, flown by "
    "trained officers to search for missing people, document crash and crime scenes, and "
    "view dangerous situations from a distance.",
    how_it_works="A licensed pilot flies each drone under Federal Aviation Administration "
    "Part 107 rules or the department's certificate of authorization. The cameras stream "
    "video to the pilot's controller and, when needed, to the incident commander. Video is "
    "recorded only when the pilot presses record for an authorized mission. The drones have "
    "no face recognition, license plate reading or audio.",
    purpose="Finding lost hikers and people with dementia, mapping serious crashes so roads "
    "reopen sooner, and giving officers information before they approach an armed person.",
    problems_addressed="Searches in the foothills of Upper Alder Valley can take days on "
    "foot. Fatal crash scenes on Route 26 have closed the road for up to seven hours.",
    data_collected="Video and still images, including thermal images, of the area of the "
    "mission, with GPS position and altitude.",
    data_subjects="People and property in the area being flown over, including bystanders and "
    "the inside of fenced back yards.",
    retention="Recordings that are not evidence are deleted after 30 days. Evidence is kept as "
    "long as the case requires.",
    access="Drone unit pilots (12 officers), their sergeant and investigators assigned to a "
    "case.",
    access_logging="Each flight is logged with the pilot, the case number, the reason, the "
    "take-off and landing times and the flight path.",
    sharing="Recordings are shared only with prosecutors as evidence, or with another agency "
    "under a written mutual-aid request for a search-and-rescue or a serious crime.",
    civil_rights_impact="Aerial cameras can see into places people expect privacy, such as "
    "back yards. Flying over demonstrations could chill free speech. 'Drone as first "
    "responder' programmes elsewhere have put drones over neighbourhoods many times a day.",
    disparate_impact="If drones are sent to every 911 call of certain types, neighbourhoods "
    "with more calls (North Harbor, Old Town, Marsh Creek) will be flown over most often.",
    mitigations="No flights over lawful protests except to protect life; cameras pointed at "
    "the mission area only in transit; no routine patrol flights; flight logs published "
    "monthly; 30-day deletion.",
    fiscal_acquisition_cost=64000.0,
    fiscal_ongoing_cost=18000.0,
    funding_source="Police Department general fund and a donation from the Alder Search and "
    "Rescue Foundation.",
    vendor="Skyward Public Safety Drones, Inc.",
    approving_authority=PENDING,
    annual_report={},
  ),
  versions=[
    (1, 380, dict(approved_days_ago=None), "First notice: search and rescue, crash and crime "
     "scenes, and dangerous situations.", "v1"),
    (2, 20, dict(
        description="Small battery-powered drones with video and thermal cameras, flown by "
        "trained officers to search for missing people, document crash and crime scenes, "
        "view dangerous situations from a distance and, as proposed in this version, fly "
        "ahead of officers to certain 911 calls from three rooftop launch sites "
        "('drone as first responder').",
        fiscal_acquisition_cost=212000.0,
        fiscal_ongoing_cost=96000.0,
        approved_days_ago=None,
     ), "Adds the proposed 'drone as first responder' programme with three rooftop launch "
        "sites and an operating area over Old Town and North Harbor.", "v2"),
  ],
  comment=(-20, 5),
  locations={"v1": [("Drone unit base, Police East Precinct", "D4")],
             "v2+": [("Rooftop launch site, Justice Center", "D3"),
                     ("Rooftop launch site, North Precinct", "D1"),
                     ("Rooftop launch site, Marsh Creek Community Center", "D6"),
                     ("Proposed 'first responder' operating area, Old Town", "D3", "area")]})

T("dpw-survey-drones", "Public Works survey and inspection drones", "drone", "DPW", "in_use",
  base=dict(
    description="Drones used by Public Works engineers to inspect bridges, reservoirs and "
    "roofs of county buildings, and to survey construction sites and landslides.",
    how_it_works="Engineers plan each flight in advance over a county facility or project "
    "site. The drone takes overlapping photos that software stitches into maps and 3D "
    "models.",
    purpose="Safer, cheaper inspections than ladders, lifts and lane closures.",
    problems_addressed="Bridge inspections required closing lanes and using a snooper truck "
    "at $4,000 a day.",
    data_collected="High-resolution photos and video of structures and sites, with GPS "
    "position.",
    data_subjects="Incidentally, people and vehicles near the site.",
    retention="Project images are kept with the project file (ten years). Images with "
    "identifiable people are blurred or deleted within 14 days.",
    access="Certified Public Works pilots (6) and project engineers.",
    access_logging="Flight logs record the pilot, purpose and location.",
    sharing="Maps and models may be published in project documents after people and vehicles "
    "are blurred. Not shared with law enforcement except under a court order.",
    civil_rights_impact="Low: flights are planned over county property and project sites, "
    "and are not used to watch people.",
    disparate_impact="None identified; flights follow the capital project list.",
    mitigations="Blurring of people, no flights over homes except where a project requires "
    "it and neighbours are notified in writing in advance.",
    fiscal_acquisition_cost=38000.0,
    fiscal_ongoing_cost=6500.0,
    funding_source="Public Works capital fund.",
    vendor="Kestrel Aerial Systems",
    approving_authority=BOARD,
    annual_report={"year": 2025, "flights": 143, "bridge_inspections": 22,
                   "law_enforcement_requests": 0, "complaints": 0},
  ),
  versions=[(1, 600, dict(approved_days_ago=560), "First notice.", "all")],
  locations={"all": [("Public Works operations yard, Industrial Way", "D6")]})

T("police-body-cameras", "Police body-worn cameras", "body_camera", "POL", "in_use",
  base=dict(
    description="Cameras worn on officers' uniforms that record video and audio of their "
    "interactions with the public.",
    how_it_works="Cameras are always buffering the last 30 seconds of video (without audio). "
    "Officers must start recording at the beginning of every enforcement contact, and "
    "drawing a firearm or Taser or opening the patrol car door in emergency mode starts "
    "recording automatically. Video uploads to the vendor's cloud when the camera is "
    "docked.",
    purpose="Accountability and trust: an objective record of police encounters, evidence in "
    "criminal cases, and faster resolution of complaints.",
    problems_addressed="Complaints of excessive force and disputes about what happened during "
    "stops and arrests.",
    data_collected="Video and audio of encounters, including inside homes when officers "
    "enter, with date, time, officer and GPS position.",
    data_subjects="Everyone officers interact with, and bystanders.",
    retention="Untagged video: 180 days. Video tagged as evidence: for the life of the case. "
    "Video of uses of force and complaints: ten years.",
    access="Officers may view their own video; supervisors, internal affairs and the "
    "Independent Police Review office may view any video. Officers may not view video before "
    "writing a report on a serious use of force.",
    access_logging="The evidence system logs every view, download and share.",
    sharing="Prosecutors and defence (as evidence); the public under the records law with "
    "faces blurred; the Independent Police Review office.",
    civil_rights_impact="Cameras record people at some of the worst moments of their lives, "
    "inside homes and hospitals. The vendor offers face recognition and automatic "
    "transcription; both are switched off and prohibited.",
    disparate_impact="Recording follows police contact, so groups stopped more often are "
    "recorded more often.",
    mitigations="No face recognition or analytics; victims of sexual assault may ask that "
    "recording stop; release rules that protect victims; random audits of recording "
    "compliance.",
    fiscal_acquisition_cost=1_150_000.0,
    fiscal_ongoing_cost=640_000.0,
    funding_source="Police Department general fund; U.S. Department of Justice BWC grant.",
    vendor="Brightline Evidence, Inc.",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[
    (1, 1100, dict(approved_days_ago=1060), "First notice.", "all"),
    (2, 400, dict(approved_days_ago=1060,
                  annual_report={"year": 2025, "cameras": 410, "videos_recorded": 412_880,
                                 "recording_compliance_audit": "94% of sampled contacts "
                                 "recorded from the start", "public_records_releases": 318,
                                 "complaints_resolved_with_video": 87}),
     "2025 annual report added. New rule: officers may not review video before writing a "
     "report on a serious use of force.", "all"),
  ],
  comment=(-1130, -1100))

T("sheriff-body-cameras", "Sheriff's Office body-worn cameras", "body_camera", "SHF",
  "approved",
  base=dict(
    description="Body-worn cameras for sheriff's deputies on patrol, on the river and in "
    "courthouse security (not inside jail housing units, which have fixed cameras).",
    how_it_works="Same cameras and evidence system as the Police Department, under the "
    "county's shared contract. Deputies start recording at the beginning of every "
    "enforcement contact.",
    purpose="Accountability and evidence, as for the Police Department.",
    problems_addressed="The Sheriff's Office was the last large agency in the region without "
    "cameras; a 2025 grand jury report recommended them.",
    data_collected="Video and audio of encounters, with date, time, deputy and GPS position.",
    data_subjects="Everyone deputies interact with, and bystanders.",
    retention="Untagged video: 180 days. Evidence: life of the case. Uses of force and "
    "complaints: ten years.",
    access="Deputies (own video), supervisors, professional standards unit.",
    access_logging="The evidence system logs every view, download and share.",
    sharing="Prosecutors and defence; the public under the records law with faces blurred.",
    civil_rights_impact="As for police cameras. Deputies serving eviction writs will record "
    "inside homes at a very hard moment for families.",
    disparate_impact="Recording follows contact; eviction service falls mostly on renters.",
    mitigations="No face recognition; cameras muted for privileged conversations; eviction "
    "recordings deleted after 30 days unless force is used or a complaint is made.",
    fiscal_acquisition_cost=420000.0,
    fiscal_ongoing_cost=210000.0,
    funding_source="Sheriff's Office general fund.",
    vendor="Brightline Evidence, Inc.",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[(1, 90, dict(approved_days_ago=45), "First notice.", "all")],
  comment=(-90, -60))

T("jail-face-recognition", "Face recognition search of booking photos", "facial_recognition",
  "SHF", "denied",
  base=dict(
    description="Software that would compare a photo of an unknown person (for example from "
    "a store's security camera) with the county's 310,000 jail booking photos and return "
    "possible matches for an investigator to review.",
    how_it_works="An investigator uploads a 'probe' image. The software measures facial "
    "features and ranks booking photos by similarity. A trained examiner reviews the top "
    "candidates. A match would be an investigative lead only, never probable cause alone.",
    purpose="Identifying suspects in serious crimes from surveillance images.",
    problems_addressed="Many robbery and assault cases stall because the suspect in a video "
    "cannot be identified.",
    data_collected="Probe images uploaded by investigators; face measurements of every "
    "booking photo.",
    data_subjects="Everyone ever booked into the jail since 2004, including people never "
    "charged or whose charges were dismissed; anyone in a probe image.",
    retention="Probe images and results would be kept with the case file.",
    access="Four trained examiners in the Sheriff's crime analysis unit.",
    access_logging="Every search would be logged with the case number.",
    sharing="Results would be shared only with the requesting investigator.",
    civil_rights_impact="Face recognition has led to wrongful arrests of at least seven "
    "people in the United States, almost all Black. It enables identification of people at "
    "protests and places of worship. A booking-photo database includes many people who were "
    "never convicted.",
    disparate_impact="Independent testing (NIST, 2019) found higher false-match rates for "
    "Black, Asian and Native American faces in many algorithms. Booking photos over-represent "
    "groups that are arrested more often.",
    mitigations="Proposed: human examiner review, lead-only policy, annual accuracy audit. "
    "The Commission found these insufficient.",
    fiscal_acquisition_cost=145000.0,
    fiscal_ongoing_cost=52000.0,
    funding_source="Proposed: Sheriff's Office general fund.",
    vendor="VeriFace Systems, Inc.",
    approving_authority=f"{BOARD}: request denied on the Privacy Advisory Commission's "
    "recommendation.",
    annual_report={},
  ),
  versions=[(1, 260, dict(approved_days_ago=None), "First notice of the proposal. The Board "
             "denied the request after the comment period.", "all")],
  comment=(-260, -230))

T("cell-site-simulator", "Cell-site simulator", "cell_site_simulator", "SHF", "retired",
  base=dict(
    description="A portable device that imitates a mobile phone tower so that nearby phones "
    "connect to it, revealing a target phone's identifiers and location.",
    how_it_works="Operated from a vehicle, the device broadcasts a stronger signal than real "
    "towers. Phones in range connect and report their identifiers; the operator uses signal "
    "strength to locate the target phone. It also briefly captures identifiers of every other "
    "phone nearby.",
    purpose="Locating fugitives and missing people in emergencies.",
    problems_addressed="Locating wanted people with violent felony warrants.",
    data_collected="Phone identifiers (IMSI, IMEI) of the target and of every phone nearby; "
    "signal strength and location.",
    data_subjects="The target and everyone with a phone within range.",
    retention="Non-target identifiers were deleted at the end of each operation.",
    access="Two trained operators in the Sheriff's fugitive unit.",
    access_logging="Paper logs of each deployment with the warrant number.",
    sharing="None.",
    civil_rights_impact="Captures information from phones of bystanders, can interfere with "
    "calls including 911, and was historically used under non-disclosure agreements that "
    "kept courts uninformed.",
    disparate_impact="Deployments were concentrated where warrant subjects lived.",
    mitigations="Judicial warrant required for every use; immediate deletion of non-target "
    "data.",
    fiscal_acquisition_cost=186000.0,
    fiscal_ongoing_cost=0.0,
    funding_source="Federal Homeland Security grant (2014).",
    vendor="Meridian Signals Corp.",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[
    (1, 1500, dict(approved_days_ago=1500,
                   annual_report={"year": 2022, "deployments": 9, "warrants": 9,
                                  "targets_located": 6}),
     "First notice, for a device already owned (acquired 2014, before the ordinance).",
     "all"),
    (2, 500, dict(approved_days_ago=1500,
                  description="Retired. The device was decommissioned and destroyed in "
                  "2024 because its software could no longer connect to current 5G "
                  "networks and the Sheriff chose not to replace it.",
                  fiscal_ongoing_cost=0.0),
     "Retirement notice: the device was destroyed and will not be replaced.", "all"),
  ])

T("social-media-monitoring", "Social-media monitoring software (retired)",
  "social_media_monitoring", "POL", "retired",
  base=dict(
    description="A subscription service that searched public social-media posts by keyword "
    "and location and sent alerts to crime analysts.",
    how_it_works="Analysts set up keyword and location searches. The service collected "
    "matching public posts and showed them on a map and in a feed.",
    purpose="Early warning of threats of violence at schools and public events.",
    problems_addressed="Threats against schools posted online.",
    data_collected="Public posts, usernames, profile information, photos and locations.",
    data_subjects="Anyone posting publicly near Alder County or using the chosen keywords.",
    retention="Saved posts were kept with the case file; the vendor kept searches for the "
    "length of the subscription.",
    access="Three crime analysts.",
    access_logging="The vendor logged searches.",
    sharing="Alerts were shared with school resource officers.",
    civil_rights_impact="An audit in 2023 found searches for protest-related hashtags during "
    "2020 demonstrations, which the policy did not allow. Monitoring speech chills lawful "
    "expression and association.",
    disparate_impact="Keyword lists included slang associated with young Black and Latino "
    "residents.",
    mitigations="The subscription was ended in 2024.",
    fiscal_acquisition_cost=0.0,
    fiscal_ongoing_cost=36000.0,
    funding_source="Police Department general fund.",
    vendor="SocialSentry, Inc.",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[
    (1, 1300, dict(approved_days_ago=1300), "First notice, for an existing subscription.",
     "all"),
    (2, 700, dict(approved_days_ago=1300,
                  annual_report={"year": 2023, "searches": 1_204, "alerts": 233,
                                 "audit_findings": "31 searches concerned protests; "
                                 "no authorized purpose recorded."}),
     "Retirement notice: the subscription was ended after the 2023 audit. Saved data were "
     "deleted except where part of a case.", "all"),
  ])

T("traffic-signal-detection", "Traffic signal detection cameras", "camera", "DOT", "in_use",
  base=dict(
    description="Video cameras above signalised intersections that detect waiting vehicles, "
    "bicycles and pedestrians so the lights change when needed, and count traffic.",
    how_it_works="Software analyses the video on the camera itself and sends only counts and "
    "'someone is waiting' signals to the traffic controller. Video is not recorded. Traffic "
    "engineers can view a live, low-resolution picture to fix problems.",
    purpose="Shorter waits, safer crossings and traffic counts for planning.",
    problems_addressed="Buried loop detectors break when roads are repaved and cannot detect "
    "bicycles reliably.",
    data_collected="Counts and presence detections. No recordings, no plates, no faces.",
    data_subjects="Road users at the intersection (not identifiable).",
    retention="Counts are kept ten years. There is no video to retain.",
    access="Traffic signal engineers and technicians (9 people).",
    access_logging="Live-view sessions are logged.",
    sharing="Counts are published as open data.",
    civil_rights_impact="Low, as long as recording and analytics remain off. The same cameras "
    "could technically record; the policy forbids it and the vendor contract disables it.",
    disparate_impact="None identified.",
    mitigations="Recording disabled by contract; no police access to the live view.",
    fiscal_acquisition_cost=910000.0,
    fiscal_ongoing_cost=45000.0,
    funding_source="State transportation funds and federal Highway Safety Improvement Program.",
    vendor="Signalwise Detection, Inc.",
    approving_authority=BOARD,
    annual_report={"year": 2025, "intersections": 118, "recording_requests_refused": 7},
  ),
  versions=[(1, 900, dict(approved_days_ago=860), "First notice.", "all")],
  locations={"all": [(f"{s} signal", d) for d, s in [
      ("D1", "Harbor Blvd & N Willis Blvd"), ("D2", "Millrace Rd & Hawthorne Ave"),
      ("D3", "Main St & Alder Ave"), ("D3", "Broadway & 2nd St"),
      ("D4", "Eastgate Blvd & Division St"), ("D5", "Farmington Rd & Nursery Ln"),
      ("D6", "Pacific Hwy & Boones Ferry Rd"), ("D7", "Bellmont Ave & University Dr"),
      ("D8", "Kessler Rd & Route 26")]]})

T("safety-cameras", "Red-light and school-zone speed cameras", "camera", "DOT", "in_use",
  base=dict(
    description="Cameras at dangerous intersections and in school zones that photograph "
    "vehicles running red lights or speeding, so the registered owner can be mailed a "
    "citation.",
    how_it_works="Sensors detect a vehicle entering on red or exceeding the school-zone limit "
    "when the lights flash. The camera takes photos and a short video; the contractor "
    "prepares a citation; a county traffic officer reviews every one before it is mailed. "
    "Cameras photograph the rear plate only.",
    purpose="Fewer serious crashes at the most dangerous intersections and safer school "
    "zones, without traffic stops.",
    problems_addressed="Red-light running caused 19% of injury crashes at signalised "
    "intersections in 2022.",
    data_collected="Photos and video of the violation, plate, date, time, speed; owner "
    "details from the DMV.",
    data_subjects="Drivers who trigger a camera (and, in the video, other road users).",
    retention="One year, or until the citation is resolved.",
    access="Contractor processing staff and county traffic officers.",
    access_logging="The contractor's system logs each review.",
    sharing="The Circuit Court. Video is not provided to police for other investigations "
    "without a court order (see the sharing inventory for a finding on this).",
    civil_rights_impact="Cameras avoid traffic stops, which reduces the risk of escalation, "
    "but fines can fall heavily on low-income drivers.",
    disparate_impact="Cameras are placed by crash history; a 2025 review found 9 of 22 in "
    "D4 and D6.",
    mitigations="Income-based fine reductions; first-time school-zone violations get a "
    "warning; camera sites and crash results published.",
    fiscal_acquisition_cost=0.0,
    fiscal_ongoing_cost=1_020_000.0,
    funding_source="Paid per camera per month from citation revenue; surplus goes to the "
    "Safe Routes to School fund.",
    vendor="Clearpath Traffic Safety, Inc.",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[
    (1, 1000, dict(approved_days_ago=960), "First notice: 16 red-light cameras.", "v1"),
    (2, 250, dict(approved_days_ago=220,
                  annual_report={"year": 2025, "cameras": 22, "citations": 41_220,
                                 "warnings": 6_880, "injury_crash_change": "-23% at camera "
                                 "intersections vs. 3-year baseline",
                                 "fine_reductions_granted": 2_310}),
     "Adds six school-zone speed cameras and the 2025 annual report.", "v2"),
  ],
  comment=(-280, -250),
  locations={"v1": [(f"{s}", d) for d, s in [
      ("D1", "Harbor Blvd & Front Ave"), ("D3", "Broadway & Salmon St"),
      ("D4", "Powell Blvd & SE 162nd Ave"), ("D4", "Division St & Glisan St"),
      ("D6", "Pacific Hwy & Marsh Creek Rd"), ("D7", "Kingsgate Rd & Oak Grove Blvd")]],
    "v2+": [(f"{s}", d) for d, s in [
      ("D2", "School zone: Millrace Elementary, Millrace Rd"),
      ("D4", "School zone: Eastgate Middle School, Halsey St"),
      ("D5", "School zone: Linwood Elementary, Linwood Main St"),
      ("D6", "School zone: Marsh Creek K-8, Boones Ferry Rd"),
      ("D7", "School zone: Bellmont High School, Bellmont Ave"),
      ("D8", "School zone: Kessler Elementary, Kessler Main St")]]})

T("justice-center-cctv", "Courthouse, Justice Center and jail video surveillance", "camera",
  "SHF", "in_use",
  base=dict(
    description="Fixed cameras inside and around the courthouse, the Justice Center and the "
    "jail, monitored by the Sheriff's Office.",
    how_it_works="About 640 cameras record continuously to the county's video management "
    "system. Cameras in the jail cover housing units, corridors and intake; courthouse "
    "cameras cover entrances, hallways and courtrooms (without audio). Public signs tell "
    "people cameras are in use.",
    purpose="Safety of people in custody, staff, jurors and visitors; evidence of incidents.",
    problems_addressed="Assaults, in-custody deaths and escapes require a reliable record.",
    data_collected="Video (no audio, except in jail intake).",
    data_subjects="People in custody, staff, visitors, jurors, lawyers and the public.",
    retention="90 days, or longer where needed for an incident, claim or case.",
    access="Jail and courthouse security supervisors; professional standards.",
    access_logging="The video system logs every export.",
    sharing="Prosecutors and defence as evidence; the State Medical Examiner for in-custody "
    "deaths; the public under the records law.",
    civil_rights_impact="Constant recording of people in custody, including in medical "
    "areas; attorney-client meeting rooms are excluded by policy.",
    disparate_impact="Follows the jail population.",
    mitigations="No cameras in attorney rooms or toilets; no face recognition; 90-day "
    "deletion.",
    fiscal_acquisition_cost=0.0,
    fiscal_ongoing_cost=185000.0,
    funding_source="Sheriff's Office and Facilities general fund.",
    vendor="Bastion Video Systems",
    approving_authority=BOARD,
    annual_report={"year": 2025, "cameras": 640, "exports": 1_412,
                   "public_records_releases": 73},
  ),
  versions=[(1, 700, dict(approved_days_ago=660), "First notice, for existing cameras.",
             "all")],
  locations={"all": [("Alder County Courthouse, Courthouse Sq", "D3"),
                     ("Justice Center and county jail, 2nd St", "D3"),
                     ("Juvenile Justice Complex, University Dr", "D7")]})

T("library-cameras", "Library security cameras", "camera", "LIB", "under_review",
  base=dict(
    description="Proposed security cameras at the entrances, parking lots and children's "
    "areas of five branch libraries that have had repeated incidents.",
    how_it_works="Fixed cameras would record to the county's video management system. "
    "Cameras would not cover book stacks, public computers, study rooms or restrooms. "
    "Recordings would be reviewed only after an incident is reported.",
    purpose="Staff and patron safety, and evidence after thefts and assaults.",
    problems_addressed="In 2025, the five branches reported 212 incidents, including 31 "
    "assaults on staff and 14 car break-ins.",
    data_collected="Video without audio, with date and time.",
    data_subjects="Everyone entering the five branches or using their parking lots, "
    "including children.",
    retention="14 days, or longer only when an incident is reported.",
    access="Branch managers and the Library's security manager. Police would receive "
    "footage only with a court order, a written request about a specific reported crime, or "
    "an emergency threatening life.",
    access_logging="Every review and export would be logged and reported yearly.",
    sharing="See access: no routine sharing; never for immigration enforcement.",
    civil_rights_impact="Libraries are places where people expect to read, research and ask "
    "questions without being watched. Cameras may discourage use by immigrants, teenagers and "
    "unhoused residents. State law makes library records confidential; video of who visits "
    "the library could reveal patrons' activities.",
    disparate_impact="The five branches serve neighbourhoods with more low-income and "
    "immigrant residents (North Harbor, Eastgate, Marsh Creek).",
    mitigations="Short retention; no cameras where people read or use computers; signs in "
    "eight languages; court order needed for police access except emergencies; annual "
    "report.",
    fiscal_acquisition_cost=118000.0,
    fiscal_ongoing_cost=14000.0,
    funding_source="Library District capital fund.",
    vendor="Bastion Video Systems",
    approving_authority=PENDING,
    annual_report={},
  ),
  versions=[(1, 1, dict(approved_days_ago=None), "First notice of the proposal.", "all")],
  comment=(-1, 30),
  locations={"all": [("North Harbor Library, N Lombard St", "D1"),
                     ("Old Town Central Library, Broadway", "D3"),
                     ("Eastgate Library, Glisan St", "D4"),
                     ("Marsh Creek Library, Marsh Creek Rd", "D6"),
                     ("Linwood Library, Linwood Main St", "D5")]})

T("real-time-crime-center", "Real-time crime center video integration", "data_analytics",
  "POL", "proposed", published=False,
  base=dict(
    description="DRAFT. A proposed operations room where analysts would see, in one "
    "software platform, live feeds from county cameras, license plate reader alerts, "
    "gunshot detection alerts, and cameras that businesses and residents choose to "
    "register or connect.",
    how_it_works="The platform would link existing camera systems and data feeds on a map. "
    "Businesses could connect their cameras through a device supplied by the vendor.",
    purpose="Faster, better-informed response to violent crime in progress.",
    problems_addressed="Information from separate systems reaches officers too slowly.",
    data_collected="Live and recorded video; alerts from other systems; registry of private "
    "cameras and their owners.",
    data_subjects="Anyone within view of connected cameras.",
    retention="To be determined.",
    access="To be determined.",
    access_logging="To be determined.",
    sharing="To be determined.",
    civil_rights_impact="Combining feeds creates a capability larger than its parts: it "
    "could follow a person across the county. Draft analysis in progress.",
    disparate_impact="Draft analysis in progress.",
    mitigations="Draft.",
    fiscal_acquisition_cost=480000.0,
    fiscal_ongoing_cost=260000.0,
    funding_source="To be determined.",
    vendor="Corvane Systems, Inc. (Nexus Command)",
    approving_authority=PENDING,
    annual_report={},
  ),
  versions=[(1, None, dict(approved_days_ago=None), "Draft, not yet published.", "all")])

T("elections-social-listening", "Election misinformation social-media monitoring",
  "social_media_monitoring", "ELE", "proposed", published=False,
  base=dict(
    description="DRAFT. A proposed service that would search public social-media posts for "
    "false information about when, where and how to vote in Alder County, so Elections can "
    "publish corrections.",
    how_it_works="Keyword searches of public posts (for example 'Alder County ballot drop "
    "box'). Staff would read flagged posts and respond with official information.",
    purpose="Correcting false voting information quickly.",
    problems_addressed="In 2024, false posts gave the wrong deadline for ballot drop boxes.",
    data_collected="Public posts and usernames matching election keywords.",
    data_subjects="People posting about Alder County elections.",
    retention="To be determined; proposed 60 days after each election.",
    access="Elections communications staff (3).",
    access_logging="To be determined.",
    sharing="Proposed: none; never shared with law enforcement except for threats against "
    "election workers.",
    civil_rights_impact="Government monitoring of political speech must be narrowly limited "
    "to avoid chilling it. Draft analysis in progress.",
    disparate_impact="Draft analysis in progress.",
    mitigations="Draft.",
    fiscal_acquisition_cost=0.0,
    fiscal_ongoing_cost=24000.0,
    funding_source="State election security grant.",
    vendor="PulseWatch Media Monitoring",
    approving_authority=PENDING,
    annual_report={},
  ),
  versions=[(1, None, dict(approved_days_ago=None), "Draft, not yet published.", "all")])

T("child-welfare-screening-tool", "Child welfare hotline screening tool (pilot)",
  "data_analytics", "HSV", "under_review",
  base=dict(
    description="A statistical model that gives each report to the child-abuse hotline a "
    "score from 1 to 20 estimating the likelihood that the child will be removed from the "
    "home within two years, shown to the screener deciding whether to investigate.",
    how_it_works="When a report is entered, the vendor's software looks up the family in "
    "county records (child welfare history, public benefits, jail bookings, behavioural "
    "health services) and calculates a score. The screener and supervisor see the score "
    "after they have made an initial assessment. Humans decide; the score is advice.",
    purpose="More consistent screening decisions, and fewer high-risk reports screened out.",
    problems_addressed="The hotline receives about 19,000 reports a year; screening "
    "decisions vary between screeners.",
    data_collected="Hotline report details and linked records of every household member "
    "from county systems.",
    data_subjects="Children and every adult in households reported to the hotline.",
    retention="Scores are kept with the hotline record (25 years). The vendor keeps model "
    "inputs for the length of the contract.",
    access="Hotline screeners and supervisors (38), and the vendor's data scientists.",
    access_logging="Score views are logged.",
    sharing="None beyond the vendor.",
    civil_rights_impact="Families who use public services have more records in county "
    "systems, so the tool sees more about poor families than wealthier ones. Parents do not "
    "know they have been scored and cannot contest the score. Similar tools elsewhere have "
    "been investigated by the U.S. Department of Justice for discrimination against parents "
    "with disabilities.",
    disparate_impact="The vendor's own test on Alder County data found Black families "
    "received high scores 1.6 times as often as white families with similar reports.",
    mitigations="Score shown only after the screener's own assessment; no use of race as an "
    "input; annual fairness audit; families may request their score.",
    fiscal_acquisition_cost=0.0,
    fiscal_ongoing_cost=310000.0,
    funding_source="State child welfare innovation grant.",
    vendor="Northstar Analytics, Inc.",
    approving_authority=PENDING,
    annual_report={},
  ),
  versions=[(1, 75, dict(approved_days_ago=None), "First notice. The pilot began before "
             "this notice; the Commission asked for it to be reviewed.", "all")],
  comment=(-75, -45))

T("jail-call-monitoring", "Jail telephone and video visit recording", "other", "SHF",
  "in_use",
  base=dict(
    description="Recording of calls and video visits by people in the county jail, with "
    "searchable call records.",
    how_it_works="Every call and video visit, except with attorneys whose numbers are "
    "registered, is recorded with a warning at the start. Investigators can search call logs "
    "and listen to recordings.",
    purpose="Jail security, and evidence of crimes such as witness intimidation.",
    problems_addressed="Threats to witnesses and victims made from the jail.",
    data_collected="Audio and video recordings, numbers called, call times, account holders' "
    "names and payment details.",
    data_subjects="People in custody and everyone they call, including children and family.",
    retention="Two years at the vendor.",
    access="Jail intelligence deputies; investigators with a case number.",
    access_logging="The vendor logs searches and downloads.",
    sharing="Recordings are sent to investigators and prosecutors on request (see the "
    "sharing inventory).",
    civil_rights_impact="Family members are recorded without having chosen to be; calls "
    "with lawyers have been recorded by mistake elsewhere.",
    disparate_impact="Follows the jail population, which over-represents Black and Native "
    "American residents.",
    mitigations="Attorney numbers excluded; warnings on every call.",
    fiscal_acquisition_cost=0.0,
    fiscal_ongoing_cost=0.0,
    funding_source="No county cost: the vendor is paid from call charges.",
    vendor="Tellwave Correctional Communications",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[
    (1, 650, dict(approved_days_ago=620), "First notice, for an existing system.", "v1"),
    (2, 150, dict(
        description="Recording of calls and video visits by people in the county jail, with "
        "searchable call records and, as newly proposed, automatic transcription and keyword "
        "alerts.",
        how_it_works="Every call and video visit, except with registered attorney numbers, "
        "is recorded with a warning at the start. The vendor's software now transcribes "
        "every call and flags keywords chosen by jail intelligence deputies.",
        approved_days_ago=90,
        mitigations="Attorney numbers excluded; warnings on every call; keyword lists "
        "reviewed quarterly by a supervisor; transcripts deleted after 90 days unless part "
        "of a case.",
        annual_report={"year": 2025, "calls_recorded": 388_400, "recordings_shared": 1_206,
                       "attorney_calls_recorded_in_error": 3},
     ), "Adds automatic transcription and keyword alerts (approved with a 90-day limit on "
        "transcripts).", "v1"),
  ],
  comment=(-150, -120),
  locations={"v1": [("County jail, 2nd St", "D3")]})

T("probation-gps", "GPS electronic monitoring", "other", "DCJ", "in_use",
  base=dict(
    description="Ankle monitors that record the GPS location every minute of people ordered "
    "by a judge to be monitored on pretrial release or probation.",
    how_it_works="The device reports its position to the vendor's platform. Staff set "
    "inclusion zones (home during curfew) and exclusion zones (a victim's home). Alerts go "
    "to the vendor's monitoring centre, which contacts the supervising officer.",
    purpose="An alternative to jail that protects victims.",
    problems_addressed="Without monitoring, many people would be held in jail before trial.",
    data_collected="Location every minute, zone alerts, battery and strap status.",
    data_subjects="About 240 people at any time, and incidentally the places and people they "
    "visit.",
    retention="The county policy is one year; the vendor keeps location history for five "
    "years under its contract (see the sharing inventory).",
    access="Supervising officers, monitoring staff.",
    access_logging="The vendor logs every map view and export.",
    sharing="Courts; police on request (see the sharing inventory).",
    civil_rights_impact="Continuous location tracking reveals the most private details of a "
    "person's life. People pay a daily fee unless waived, which can push people into debt.",
    disparate_impact="Judges order monitoring more often for people who cannot afford bail.",
    mitigations="Fees waived since 2024; exclusion zones limited to victims' addresses.",
    fiscal_acquisition_cost=0.0,
    fiscal_ongoing_cost=560000.0,
    funding_source="Community Justice general fund and State justice reinvestment grant.",
    vendor="TrackSure Monitoring, Inc.",
    approving_authority=BOARD,
    annual_report={"year": 2025, "people_monitored": 611, "average_daily": 241,
                   "location_histories_shared_with_police": 57},
  ),
  versions=[(1, 500, dict(approved_days_ago=470), "First notice, for an existing "
             "programme.", "all")],
  locations={"all": [("Community Justice East Office, Eastgate Blvd", "D4")]})

T("wastewater-monitoring", "Wastewater pathogen and drug monitoring", "other", "DPW",
  "under_review",
  base=dict(
    description="Testing of sewage at the two treatment plants for viruses (COVID-19, "
    "influenza, RSV, measles) and, as newly proposed, at eight neighbourhood sewer sites and "
    "for drug residues.",
    how_it_works="Automatic samplers collect sewage over 24 hours twice a week. A laboratory "
    "measures virus genetic material and drug residues. Results are reported per sewer "
    "area, each serving at least 20,000 people.",
    purpose="Early warning of outbreaks and overdose trends, for Public Health.",
    problems_addressed="Clinical testing has fallen, so outbreaks are noticed late.",
    data_collected="Concentrations of viruses and drug residues per sewer area.",
    data_subjects="Everyone connected to the sewer in each area (not identifiable).",
    retention="Five years.",
    access="Public Health epidemiologists and Public Works laboratory staff.",
    access_logging="Not applicable: no personal data.",
    sharing="CDC (national system); Public Health. Results published weekly.",
    civil_rights_impact="Results for small areas could stigmatise neighbourhoods or be used "
    "for drug enforcement targeting.",
    disparate_impact="Drug-residue results by neighbourhood could be used to justify more "
    "policing in particular areas.",
    mitigations="Minimum 20,000 people per sampling area; no sampling at a single building; "
    "drug results shared only as countywide trends; no law enforcement use (see the sharing "
    "inventory for a finding).",
    fiscal_acquisition_cost=96000.0,
    fiscal_ongoing_cost=148000.0,
    funding_source="CDC Epidemiology and Laboratory Capacity grant (through the State).",
    vendor="Verity Environmental Laboratories",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[
    (1, 700, dict(description="Testing of sewage at the two treatment plants for viruses "
                  "(COVID-19, influenza, RSV, measles).", approved_days_ago=660),
     "First notice: testing at the two treatment plants.", "v1"),
    (2, 2, dict(approved_days_ago=None, approving_authority=PENDING),
     "Proposes eight neighbourhood sewer sampling sites and drug-residue testing. Comment "
     "period opens soon.", "v2"),
  ],
  comment=(5, 35),
  locations={"v1": [("North Harbor Wastewater Treatment Plant", "D1"),
                    ("Marsh Creek Wastewater Treatment Plant", "D6")],
             "v2+": [(f"Sewer sampling site: {name}", d) for d, name in [
                 ("D2", "Millrace trunk line"), ("D3", "Old Town interceptor"),
                 ("D4", "Eastgate pump station"), ("D5", "Linwood lift station"),
                 ("D7", "Bellmont trunk line"), ("D8", "Kessler lagoon inlet"),
                 ("D4", "Division St interceptor"), ("D6", "Industrial Way lift station")]]})

T("phone-forensics", "Mobile device forensic extraction", "other", "POL", "approved",
  base=dict(
    description="Hardware and software that copy data from mobile phones and tablets seized "
    "as evidence, including deleted data, and let examiners search it.",
    how_it_works="A certified examiner connects the device to an extraction station in the "
    "digital forensics lab. The software copies the device's data and produces a report. "
    "Examiners filter the extraction to what the warrant authorizes.",
    purpose="Investigating serious crimes where phones hold evidence.",
    problems_addressed="Evidence in homicide, child exploitation and fraud cases is on "
    "phones.",
    data_collected="Everything on the device: messages, photos, location history, contacts, "
    "app data.",
    data_subjects="The device owner and everyone they have communicated with.",
    retention="Extractions are kept with the case file; data outside the warrant's scope is "
    "not reviewed and is destroyed when the case closes.",
    access="Four certified examiners.",
    access_logging="Each extraction is logged with the warrant or consent form.",
    sharing="Prosecutors and defence as evidence.",
    civil_rights_impact="A phone holds more private information than a home. Consent "
    "searches can be coerced; the policy requires a judicial warrant except for written "
    "consent by a victim for their own device.",
    disparate_impact="Follows arrests.",
    mitigations="Warrant required; scope filtering; examiner certification; annual audit.",
    fiscal_acquisition_cost=74000.0,
    fiscal_ongoing_cost=29000.0,
    funding_source="Police Department general fund.",
    vendor="Datavault Forensics",
    approving_authority=BOARD,
    annual_report={},
  ),
  versions=[(1, 420, dict(approved_days_ago=350), "First notice, for an existing lab.",
             "all")],
  comment=(-420, -390),
  locations={"all": [("Digital forensics lab, Police East Precinct", "D4")]})


# What each technology may and may not be used for, and how its users are
# trained: the parts of the use policy that differ between technologies.
POLICY_DETAILS: dict[str, dict[str, Any]] = {
    "alpr-fixed": dict(
        authorized=["locate stolen vehicles and stolen plates",
                    "locate vehicles connected to an Amber Alert, Silver Alert or missing "
                    "endangered person",
                    "locate vehicles connected to a felony warrant or to a violent felony "
                    "under investigation, with a case number"],
        prohibited=["enforce traffic, parking or minor offences",
                    "search for vehicles near places of worship, health clinics, schools, "
                    "shelters or lawful demonstrations, except in an Amber Alert",
                    "build lists of vehicles seen at a location, except for a violent felony "
                    "with a supervisor's written approval",
                    "stop a vehicle solely on an alert without visually confirming the plate "
                    "and the hot-list entry"],
        training="Before receiving access, users complete a two-hour course on this policy, "
        "misread risks and hot-list confirmation, and repeat it every year."),
    "alpr-parking": dict(
        authorized=["enforce posted time limits", "enforce residential permit zones",
                    "check plates against the State stolen-vehicle list and pass matches to "
                    "the Police Department"],
        prohibited=["search historical reads for any purpose",
                    "use reads for any investigation other than stolen vehicles"],
        training="Parking officers complete a one-hour course on this policy each year."),
    "gunshot-detection": dict(
        authorized=["dispatch officers and medics to the location of a probable gunshot",
                    "locate shell casings and other evidence after a confirmed shooting"],
        prohibited=["listen to or request audio other than the clip around a detected sound",
                    "stop or search a person based solely on an alert and their presence "
                    "near its location",
                    "place sensors inside or on homes, schools or places of worship"],
        training="Dispatchers and officers complete a course on the limits of alert accuracy "
        "before the pilot begins, taught with the independent evaluators."),
    "police-drones": dict(
        authorized=["search for missing, lost or endangered people",
                    "document serious crash scenes and crime scenes",
                    "view a situation involving a person believed to be armed, to plan a "
                    "safer approach",
                    "assess damage after a disaster",
                    "respond to 911 calls of the types listed in appendix A (if the 'first "
                    "responder' programme is approved)"],
        prohibited=["conduct routine patrol or surveillance flights",
                    "fly over lawful demonstrations except to protect life",
                    "record video of a home or back yard beyond what the mission requires",
                    "carry weapons, speakers for dispersal orders or face recognition"],
        training="Pilots hold an FAA Part 107 certificate, complete 40 hours of department "
        "training and fly a proficiency check every quarter."),
    "dpw-survey-drones": dict(
        authorized=["inspect county bridges, reservoirs, roofs and structures",
                    "survey construction sites and landslides"],
        prohibited=["fly for law enforcement, code enforcement or any purpose other than "
                    "engineering",
                    "fly over homes unless the project requires it and neighbours were told "
                    "in writing"],
        training="Pilots hold an FAA Part 107 certificate and complete the Public Works "
        "flight-safety course."),
    "police-body-cameras": dict(
        authorized=["record enforcement contacts, calls for service and uses of force",
                    "review video for reports (except serious uses of force), complaints, "
                    "training and evidence"],
        prohibited=["record in restrooms or locker rooms",
                    "record lawful protests except during enforcement action",
                    "apply face recognition, voice recognition or other analytics to video",
                    "record privileged conversations"],
        training="Officers complete a four-hour course before issue and an annual refresher."),
    "sheriff-body-cameras": dict(
        authorized=["record enforcement contacts, civil process service and uses of force",
                    "review video for reports, complaints, training and evidence"],
        prohibited=["record inside jail housing units (fixed cameras cover them)",
                    "apply face recognition or other analytics to video",
                    "record privileged conversations"],
        training="Deputies complete a four-hour course before issue and an annual refresher."),
    "jail-face-recognition": dict(
        authorized=["identify unknown suspects in violent felonies (as proposed)"],
        prohibited=["search probe images from protests or public events",
                    "use a possible match as probable cause",
                    "search images of children"],
        training="Examiners would complete a 40-hour facial comparison course (as proposed)."),
    "cell-site-simulator": dict(
        authorized=["locate a person named in a judicial warrant or in an emergency "
                    "threatening life"],
        prohibited=["capture the content of communications",
                    "keep identifiers of phones other than the target's"],
        training="Operators completed the manufacturer's course and annual legal training."),
    "social-media-monitoring": dict(
        authorized=["search for specific threats of violence against schools or public "
                    "events"],
        prohibited=["monitor protests, political speech or organisers",
                    "create fake accounts or friend people to see private posts"],
        training="Analysts completed a course on this policy and the First Amendment."),
    "traffic-signal-detection": dict(
        authorized=["detect waiting vehicles, bicycles and pedestrians",
                    "count traffic", "view a live picture to fix signal problems"],
        prohibited=["record video", "provide live or recorded video to law enforcement",
                    "read plates or identify people"],
        training="Signal technicians complete a short course on this policy."),
    "safety-cameras": dict(
        authorized=["detect red-light and school-zone speed violations",
                    "review evidence for contested citations"],
        prohibited=["use photos or video for any other investigation without a court order",
                    "photograph drivers' faces"],
        training="Traffic officers who approve citations complete the State's photo "
        "enforcement course."),
    "justice-center-cctv": dict(
        authorized=["keep people in custody, staff and visitors safe",
                    "investigate incidents, in-custody deaths and complaints"],
        prohibited=["record audio outside intake",
                    "place cameras in attorney rooms or toilets",
                    "apply face recognition"],
        training="Security supervisors complete a course on this policy and on releasing "
        "video under the records law."),
    "library-cameras": dict(
        authorized=["review video after a reported incident",
                    "provide video to police under a court order, a written request about a "
                    "specific reported crime, or an emergency threatening life"],
        prohibited=["monitor video live", "record book stacks, computers, study rooms or "
                    "restrooms", "identify what patrons read, borrow or research"],
        training="Branch managers complete a course on this policy and library "
        "confidentiality law."),
    "real-time-crime-center": dict(
        authorized=["(draft) monitor feeds during violent crimes in progress"],
        prohibited=["(draft) track a person across cameras without a warrant"],
        training="(draft)"),
    "elections-social-listening": dict(
        authorized=["(draft) find and correct false information about voting procedures"],
        prohibited=["(draft) monitor candidates, campaigns or political opinions",
                    "(draft) share information with law enforcement except threats to "
                    "election workers"],
        training="(draft)"),
    "child-welfare-screening-tool": dict(
        authorized=["show screeners a score after their initial assessment of a hotline "
                    "report"],
        prohibited=["screen out or in any report on the score alone",
                    "use the score in investigations, court or placement decisions",
                    "use race, ethnicity or immigration status as model inputs"],
        training="Screeners complete a course on the tool's limits and the fairness audit."),
    "jail-call-monitoring": dict(
        authorized=["review calls for threats to safety in the jail",
                    "provide recordings for a criminal investigation with a case number"],
        prohibited=["record calls with registered attorney numbers",
                    "listen to calls for reasons unrelated to security or an investigation"],
        training="Jail intelligence deputies complete a course on this policy."),
    "probation-gps": dict(
        authorized=["enforce court-ordered curfews and exclusion zones",
                    "respond to alerts that a person entered a victim's exclusion zone"],
        prohibited=["share location histories without a court order, except in an "
                    "emergency", "monitor people after their court order ends"],
        training="Officers complete the vendor's platform course and this policy."),
    "wastewater-monitoring": dict(
        authorized=["measure pathogens and drug residues per sewer area",
                    "publish countywide and sewer-area trends"],
        prohibited=["sample a single building or a sewer area serving fewer than 20,000 "
                    "people", "share results for law enforcement purposes"],
        training="Laboratory and epidemiology staff complete a course on this policy."),
    "phone-forensics": dict(
        authorized=["extract data from devices under a judicial warrant",
                    "extract data from a victim's own device with written consent"],
        prohibited=["extract data on verbal consent",
                    "review data outside the scope of the warrant"],
        training="Examiners hold vendor certification and complete annual legal updates."),
}

POLICY_DEPT = {"DCJ": "Department of Community Justice", "HSV": "Human Services Department",
               "DOT": "Transportation Department", "DPW": "Public Works Department",
               "ELE": "Elections Division", "LIB": "Library District"}

NOTICE_FIELDS = [
    "description", "how_it_works", "purpose", "problems_addressed", "data_collected",
    "data_subjects", "retention", "access", "access_logging", "sharing",
    "civil_rights_impact", "disparate_impact", "mitigations", "fiscal_acquisition_cost",
    "fiscal_ongoing_cost", "funding_source", "vendor", "approving_authority",
    "annual_report",
]


def _location_for(slug: str, spec: tuple, cache: dict) -> dict[str, Any]:
    label, district = spec[0], spec[1]
    key = (slug, label)
    if key not in cache:
        if len(spec) > 2 and spec[2] == "area":
            geom = area_in_district(district)
            ring = geom["coordinates"][0]
            lon = _r(sum(p[0] for p in ring[:-1]) / (len(ring) - 1))
            lat = _r(sum(p[1] for p in ring[:-1]) / (len(ring) - 1))
            cache[key] = {"label": label, "district": district, "latitude": lat,
                          "longitude": lon, "geometry": geom}
        else:
            lon, lat = point_in_district(district)
            cache[key] = {"label": label, "district": district, "latitude": lat,
                          "longitude": lon, "geometry": None}
    return cache[key]


def build_technologies() -> list[dict[str, Any]]:
    out = []
    cache: dict = {}
    for tech in TECHNOLOGIES:
        slug = tech["slug"]
        details = POLICY_DETAILS[slug]
        versions = []
        current = dict(tech["base"])
        for version, days_ago, overrides, change_summary, _ in tech["versions"]:
            current = {**current, **overrides}
            content = {f: current[f] for f in NOTICE_FIELDS}
            name = tech["name"].split(" (")[0]
            if not name[1:2].isupper():
                name = name[0].lower() + name[1:]
            content["use_policy"] = use_policy(
                name, POLICY_DEPT.get(tech["department"], DEPT_NAME[tech["department"]]),
                current["purpose"],
                details["authorized"], details["prohibited"], current["retention"],
                current["access"], current["sharing"], details["training"])
            locations = []
            for key, specs in tech["locations"].items():
                first = 1 if key in ("all", "v1") else int(key[1:].rstrip("+"))
                if version >= first:
                    locations.extend(_location_for(slug, s, cache) for s in specs)
            versions.append({
                "version": version,
                "published_days_ago": days_ago,
                "approved_days_ago": current.get("approved_days_ago"),
                **content,
                "change_summary": change_summary,
                "locations": locations,
            })
        comment = tech["comment"]
        latest_days = min((v["published_days_ago"] for v in versions
                           if v["published_days_ago"] is not None), default=0)
        out.append({
            "slug": slug,
            "name": tech["name"],
            "category": tech["category"],
            "department": tech["department"],
            "status": tech["status"],
            "is_published": tech["is_published"],
            "comment_opens_in_days": comment[0] if comment else None,
            "comment_closes_in_days": comment[1] if comment else None,
            "updated_days_ago": latest_days,
            "versions": versions,
        })
    return out


# ---------------------------------------------------------------------------
# Request transparency log: requests received for individuals' sensitive
# information. Summaries describe what was asked and decided; none names a
# person.
# ---------------------------------------------------------------------------

def IR(ref, received, dept, agency, agency_type, process, categories, outcome, notified,
       people, response, summary, status="published"):
    return {
        "reference": ref, "received_date": received, "department": dept,
        "requesting_agency": agency, "agency_type": agency_type, "legal_process": process,
        "data_categories": categories, "outcome": outcome, "residents_notified": notified,
        "people_covered": people, "response_date": response, "public_summary": summary,
        "status": status,
    }


ICE = "U.S. Immigration and Customs Enforcement (ICE), Enforcement and Removal Operations"

REQUESTS = [
    IR("IR-2024-001", "2024-01-09", "SHF", ICE, "federal_immigration", "informal_request",
       ["immigration_status", "criminal_justice"], "refused", "notified", 1, "2024-01-10",
       "An immigration detainer (Form I-247A) asked the jail to notify ICE before releasing "
       "one person and to hold them up to 48 hours. A detainer is not signed by a judge; under "
       "ACC 2.150 the jail does not honour it. The person was given a copy of the request."),
    IR("IR-2024-002", "2024-02-21", "DCJ", ICE, "federal_immigration",
       "administrative_subpoena", ["immigration_status", "precise_location",
                                   "criminal_justice"], "refused", "notified", 3,
       "2024-03-06",
       "An administrative subpoena signed by an ICE official asked for the home addresses and "
       "supervision schedules of three people on probation. County Counsel advised that an "
       "administrative subpoena does not compel disclosure without a court order, and the "
       "department declined. The three people were informed."),
    IR("IR-2024-003", "2024-03-14", "POL", "State Police, Criminal Investigation Division",
       "state_law_enforcement", "judicial_warrant", ["precise_location"], "fulfilled",
       "legally_barred", 1, "2024-03-15",
       "A search warrant signed by a Circuit Court judge for license plate reader records of "
       "one vehicle over 10 days in a homicide investigation. Records were provided. The "
       "warrant included an order delaying notice to the vehicle owner."),
    IR("IR-2024-004", "2024-04-30", "LIB", "Federal Bureau of Investigation",
       "federal_law_enforcement", "court_order", ["precise_location"],
       "partially_fulfilled", "legally_barred", 1, "2024-05-22",
       "A federal court order asked for the public-computer session records and Wi-Fi "
       "connection logs of one library card holder over six months. County Counsel narrowed "
       "the order with the court to two days; records for those days were provided. A "
       "non-disclosure order prevents the Library from telling the patron for one year."),
    IR("IR-2024-005", "2024-06-11", "HSV", "Port Alder Police Department",
       "local_law_enforcement", "informal_request", ["precise_location", "health"],
       "refused", "not_notified", 1, "2024-06-11",
       "An officer called a shelter to ask whether a person with a misdemeanour warrant was "
       "staying there. Under HUD's privacy standards for homeless services, staff neither "
       "confirmed nor denied. No record was disclosed, so the person was not contacted."),
    IR("IR-2024-006", "2024-08-02", "ELE", "State Department of Justice, Election Integrity Unit",
       "other_government", "informal_request", ["ssn_itin"], "partially_fulfilled",
       "not_applicable", 412_388, "2024-08-20",
       "A letter asked for the full voter registration file including the last four digits "
       "of voters' SSNs and driver licence numbers. Elections provided the public voter list "
       "(names, addresses, party, voting history) that any requester may buy under SRS "
       "247.945, and declined to provide SSN digits, licence numbers or full dates of birth."),
    IR("IR-2024-007", "2024-09-17", "SHF", "Homeland Security Investigations",
       "federal_law_enforcement", "judicial_warrant", ["criminal_justice"], "fulfilled",
       "legally_barred", 1, "2024-09-18",
       "A federal search warrant for jail call recordings of one person charged in a federal "
       "human-trafficking case. Recordings were provided; the warrant barred notification."),
    IR("IR-2024-008", "2024-11-05", "DOT", "Attorney for a party in a civil lawsuit",
       "private_party", "court_order", ["precise_location"], "fulfilled", "not_applicable", 0,
       "2024-11-26",
       "A subpoena in a civil crash lawsuit asked for red-light camera video of one "
       "intersection at a given time. The video showed the crash; faces and plates of other "
       "road users were blurred before release."),
    IR("IR-2025-001", "2025-01-23", "SHF", ICE, "federal_immigration", "informal_request",
       ["immigration_status", "criminal_justice"], "refused", "notified", 4, "2025-01-23",
       "Phone calls from ICE officers asked for the release dates of four named people. Jail "
       "staff referred the callers to the public jail roster, which does not show release "
       "dates, and recorded the calls here. Informal release-date confirmations were "
       "suspended in March 2025 (see the sharing inventory)."),
    IR("IR-2025-002", "2025-03-04", "HSV", ICE, "federal_immigration",
       "administrative_subpoena", ["immigration_status", "ssn_itin", "minors"], "refused",
       "notified", 2, "2025-03-19",
       "An administrative subpoena asked for the benefit applications, including immigration "
       "documents, of two adults and their children. Federal and State law make benefit "
       "records confidential; the department declined. The families were informed and "
       "referred to legal aid."),
    IR("IR-2025-003", "2025-04-16", "POL", "U.S. Customs and Border Protection",
       "federal_immigration", "informal_request", ["precise_location"], "refused",
       "not_applicable", 0, "2025-04-16",
       "An e-mail asked for access to the license plate reader system to search for vehicles "
       "'of interest'. The Police Department's policy forbids sharing for immigration "
       "enforcement and requires a case number for a criminal investigation; access was "
       "refused. No individual records were involved."),
    IR("IR-2025-004", "2025-05-28", "DCJ", "U.S. Marshals Service", "federal_law_enforcement",
       "judicial_warrant", ["precise_location", "criminal_justice"], "fulfilled",
       "not_applicable", 1, "2025-05-28",
       "An arrest warrant for a person on GPS monitoring who was charged with a violent "
       "federal offence. The current location was provided to the arresting officers."),
    IR("IR-2025-005", "2025-07-09", "HLT", "Federal Bureau of Investigation",
       "federal_law_enforcement", "informal_request", ["health"], "refused", "not_applicable",
       0, "2025-07-10",
       "A request for the names of people tested for a rare toxin exposure. Disease reports "
       "are confidential under SRS 433.008 and may be disclosed to law enforcement only under "
       "a court order; the request was declined and the agent was told how to seek an "
       "order. No order followed."),
    IR("IR-2025-006", "2025-08-21", "DPW", "Alder County Police Department",
       "local_law_enforcement", "informal_request", [], "fulfilled", "not_notified", 1,
       "2025-08-21",
       "An officer asked utility customer service for the name of the account holder at an "
       "address. The information was given by phone. This practice is listed in the sharing "
       "inventory and is under review."),
    IR("IR-2025-007", "2025-10-14", "SHF", ICE, "federal_immigration", "judicial_warrant",
       ["immigration_status", "criminal_justice"], "fulfilled", "notified", 1, "2025-10-14",
       "A warrant for arrest signed by a federal magistrate judge for one person in the jail "
       "charged with illegal re-entry (a federal crime). The jail honoured the warrant, as "
       "ACC 2.150.040 permits, and told the person before transfer."),
    IR("IR-2025-008", "2025-12-02", "TEC", "Attorney for a party in a civil lawsuit",
       "private_party", "court_order", [], "partially_fulfilled", "notified", 1, "2026-01-06",
       "A subpoena asked for all 311 requests made by one resident about a neighbour. "
       "Requests were provided with the requester's contact details removed; the resident was "
       "told before release."),
    IR("IR-2026-001", "2026-01-27", "ELE", "U.S. Department of Justice, Civil Rights Division",
       "other_government", "informal_request", ["ssn_itin"], "partially_fulfilled",
       "not_applicable", 409_912, "2026-02-24",
       "A letter asked for the complete voter file, including dates of birth, driver licence "
       "numbers and the last four digits of SSNs. Elections provided the public voter list "
       "and declined the confidential fields, as State law requires. County Counsel "
       "responded in writing."),
    IR("IR-2026-002", "2026-03-18", "DCJ", ICE, "federal_immigration", "informal_request",
       ["immigration_status", "precise_location"], "refused", "notified", 1, "2026-03-18",
       "An ICE officer came to the East Office and asked staff when a named person's next "
       "appointment would be. Staff declined under ACC 2.150 and notified the person."),
    IR("IR-2026-003", "2026-05-06", "HOU", ICE, "federal_immigration",
       "administrative_subpoena", ["immigration_status", "ssn_itin"], "refused", "notified",
       27, "2026-05-29",
       "An administrative subpoena asked for rental assistance applications from 27 "
       "households at one apartment complex, including ITINs and SSNs. The department "
       "declined; the households were informed by letter in their languages and referred to "
       "legal aid."),
    IR("IR-2026-004", "2026-07-22", "POL", "State Police, Criminal Investigation Division",
       "state_law_enforcement", "court_order", ["precise_location"], "fulfilled",
       "legally_barred", 2, "2026-07-24",
       "A court order for license plate reader detections of two vehicles over five days in "
       "a kidnapping investigation. Records were provided; notice is delayed by court order."),
    IR("IR-2026-005", "2026-09-09", "SHF", ICE, "federal_immigration", "informal_request",
       ["immigration_status", "criminal_justice"], "refused", "notified", 6, "2026-09-10",
       "Six immigration detainers (Form I-247A) received in one week asking to be told of "
       "release dates. None was signed by a judge; none was honoured. Each person received a "
       "copy."),
    IR("IR-2026-006", "2026-10-28", "LIB", "Office of a county commissioner",
       "other_government", "informal_request", [], "refused", "not_applicable", 0,
       "2026-10-29",
       "A request for the names of patrons who had borrowed a specific book. Library "
       "borrowing records are confidential under SRS 192.355(23); no records were "
       "disclosed."),
    IR("IR-2026-007", "2026-11-12", "DCJ", ICE, "federal_immigration",
       "administrative_subpoena", ["immigration_status", "precise_location",
                                   "criminal_justice"], "pending", "not_applicable", 2, None,
       "An administrative subpoena asks for the addresses of two people under supervision. "
       "County Counsel is reviewing it; the department does not disclose records on an "
       "administrative subpoena without a court order."),
]


# ---------------------------------------------------------------------------
# Indicators by district, group and quarter
# ---------------------------------------------------------------------------

QUARTERS = [(2023, 4)] + [(y, q) for y in (2024, 2025) for q in (1, 2, 3, 4)] + \
           [(2026, q) for q in (1, 2, 3)]


INDICATORS = [
    dict(slug="eviction-filings", name="Eviction filings per 1,000 renter households",
         department="HOU", unit="rate", rate_per=1000,
         source="Alder County Circuit Court residential eviction filings, matched by "
         "address; renter households from the American Community Survey 5-year estimates. "
         "Race, ethnicity and age are those of the householder, estimated for the tenant named "
         "first on the filing.",
         description="How many residential eviction cases landlords filed in court in the "
         "quarter, for every 1,000 renter households. A filing is not an eviction: many cases "
         "are settled or dismissed, but a filing alone can make it harder to rent again.",
         demographics=True, base=9.5, trend=0.055,
         race_factor=[1.6, 0.6, 2.4, 1.3, 1.7, 0.8, 1.2], age_factor=[1.4, 1.1, 0.8, 0.5],
         denominator="renters"),
    dict(slug="library-card-holders", name="Residents with an active library card",
         department="LIB", unit="percent", rate_per=None,
         source="Library District patron database (cards used in the last three years), "
         "matched to district by address; residents from the American Community Survey. Age "
         "and race and ethnicity are optional on the card application and are estimated for "
         "cards where they were not given.",
         description="The share of residents who hold a library card they have used in the "
         "last three years.",
         demographics=True, base=0.46, trend=0.004,
         race_factor=[0.8, 1.15, 0.9, 0.85, 0.8, 1.02, 1.0], age_factor=[1.25, 0.95, 0.85, 0.9],
         denominator="residents"),
    dict(slug="traffic-stops", name="Traffic stops per 1,000 residents of driving age",
         department="POL", unit="rate", rate_per=1000,
         source="Police Department stop data reported under SRS 131.935; race and ethnicity "
         "and age are the officer's perception. Residents aged 16 and over from the American "
         "Community Survey.",
         description="Officer-initiated traffic stops in the quarter for every 1,000 "
         "residents aged 16 and over. Stops are counted where they happen, so districts with "
         "highways have more stops of non-residents.",
         demographics=True, base=18.0, trend=-0.01,
         race_factor=[1.4, 0.55, 2.3, 1.25, 1.5, 0.85, 1.0], age_factor=[1.7, 1.2, 0.75, 0.35],
         denominator="adults"),
    dict(slug="rental-assistance-approved", name="Rental assistance applications approved",
         department="HOU", unit="percent", rate_per=None,
         source="Housing and Community Development grant management system. Race, ethnicity "
         "and age are self-reported by the applicant; 'all' includes applicants who declined "
         "to answer.",
         description="Of the applications for emergency rental assistance decided in the "
         "quarter, the share that were approved. Small numbers of applications in some groups "
         "and districts are suppressed.",
         demographics=True, base=0.62, trend=-0.01,
         race_factor=[0.95, 1.05, 0.92, 0.88, 0.9, 1.04, 1.0], age_factor=[0.9, 1.0, 1.02, 1.1],
         denominator="applications"),
    dict(slug="code-enforcement-inspections",
         name="Housing code inspections per 1,000 rental units",
         department="HOU", unit="rate", rate_per=1000,
         source="Housing code enforcement case system; rental units from the rental "
         "registry.",
         description="Inspections of rental housing after a complaint or on a routine "
         "schedule, for every 1,000 registered rental units. No demographic breakdown: "
         "inspections are of buildings, not people.",
         demographics=False, base=11.0, trend=0.02, denominator="units"),
    dict(slug="311-closed-on-time", name="311 requests closed within 10 business days",
         department="TEC", unit="percent", rate_per=None,
         source="AlderConnect 311 customer relationship management system.",
         description="Of the service requests (potholes, graffiti, streetlights, illegal "
         "dumping and others) made in the quarter, the share closed within 10 business days. "
         "No demographic breakdown: 311 does not ask who is making a request.",
         demographics=False, base=0.74, trend=0.006, denominator="requests"),
]

DISTRICT_FACTOR = {
    "eviction-filings": [1.25, 0.9, 1.1, 1.3, 0.7, 1.45, 0.75, 0.6],
    "library-card-holders": [0.9, 1.05, 1.15, 0.85, 0.95, 0.85, 1.2, 0.95],
    "traffic-stops": [1.3, 0.9, 1.35, 1.1, 0.75, 1.2, 0.8, 0.9],
    "rental-assistance-approved": [1.0, 1.02, 0.98, 0.94, 1.05, 0.96, 1.03, 1.06],
    "code-enforcement-inspections": [1.4, 0.8, 1.2, 1.1, 0.6, 1.35, 0.7, 0.5],
    "311-closed-on-time": [0.93, 1.04, 0.97, 0.88, 1.05, 0.9, 1.08, 1.01],
}


def _season(q: int, slug: str) -> float:
    if slug == "eviction-filings":
        return {1: 1.08, 2: 0.97, 3: 0.95, 4: 1.0}[q]
    if slug == "traffic-stops":
        return {1: 0.92, 2: 1.05, 3: 1.08, 4: 0.95}[q]
    if slug == "311-closed-on-time":
        return {1: 0.95, 2: 1.02, 3: 1.03, 4: 0.98}[q]
    return 1.0


def _allocate(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    wsum = sum(weights) or 1.0
    raw = [total * w / wsum for w in weights]
    parts = [int(math.floor(x)) for x in raw]
    rest = total - sum(parts)
    order = sorted(range(len(raw)), key=lambda k: raw[k] - parts[k], reverse=True)
    for k in order[:rest]:
        parts[k] += 1
    return parts


# How much more (or less) often each group applies for rental assistance than its share of
# residents would suggest (renting, income and need), by race and ethnicity and by age.
APPLY_RACE = [1.5, 0.7, 2.6, 1.5, 1.6, 0.75, 1.2]
APPLY_AGE = [1.3, 1.4, 0.8, 0.5]


def build_indicator_values() -> list[dict[str, Any]]:
    """Values per district, group and quarter, plus countywide rows (district null).

    Within a district and quarter the race and ethnicity groups add up to "all" (plus, for
    rental assistance, applicants who declined to answer), and so do the age bands, so that
    complementary suppression has real totals to protect.
    """
    g = random.Random(SEED + 7)
    out = []
    for ind in INDICATORS:
        slug = ind["slug"]
        rows: list[list[Any]] = []
        county: dict[tuple[str, str, str], list[float]] = {}

        def emit(code, dim, group, period, value, denom):
            rows.append([code, dim, group, period, float(value), int(denom)])
            acc = county.setdefault((dim, group, period), [0.0, 0])
            acc[0] += value
            acc[1] += denom

        for d_index, (code, _name, population, _blurb) in enumerate(DISTRICTS):
            dfac = DISTRICT_FACTOR[slug][d_index]
            renters = population / 2.45 * RENTER_SHARE[code]
            for t, (year, q) in enumerate(QUARTERS):
                period = f"{year}-Q{q}"
                level = ind["base"] * dfac * (1 + ind["trend"] * t) * _season(q, slug)
                kind = ind["denominator"]
                if not ind["demographics"]:
                    if kind == "units":
                        denom = int(round(renters * 1.08 * g.uniform(0.99, 1.01)))
                        expected = denom * level / 1000
                        value = max(0, round(g.gauss(expected, math.sqrt(expected + 1))))
                    else:  # 311 requests
                        denom = int(round(population * 0.021 * _season(q, slug)
                                          * g.uniform(0.9, 1.1)))
                        value = round(denom * min(0.97, level * g.uniform(0.98, 1.02)))
                    emit(code, "all", "all", period, value, denom)
                    continue

                shares = RACE_SHARES[code]
                if kind == "applications":
                    total_apps = renters * 0.011 * (1 + 0.04 * t) * dfac
                    weights = [s * a for s, a in zip(shares, APPLY_RACE)]
                    answered = total_apps * 0.94
                    race_denoms = [int(round(answered * w / sum(weights) * g.uniform(0.9, 1.1)))
                                   for w in weights]
                else:
                    base_pop = {"renters": renters, "residents": population,
                                "adults": population * 0.79}[kind]
                    race_denoms = [int(round(base_pop * s * g.uniform(0.97, 1.03)))
                                   for s in shares]
                race_values = []
                for k, denom in enumerate(race_denoms):
                    if ind["unit"] == "rate":
                        expected = denom * level * ind["race_factor"][k] / 1000
                        value = max(0, round(g.gauss(expected, math.sqrt(expected + 1))))
                    else:
                        p = min(0.97, level * ind["race_factor"][k] * g.uniform(0.96, 1.04))
                        value = min(denom, round(denom * p))
                    race_values.append(value)
                all_denom = sum(race_denoms)
                all_value = sum(race_values)
                if kind == "applications":
                    declined = int(round(total_apps * 0.06))
                    all_denom += declined
                    all_value += round(declined * level)
                emit(code, "all", "all", period, all_value, all_denom)
                for k, name in enumerate(RACE_GROUPS):
                    emit(code, "race_ethnicity", name, period, race_values[k], race_denoms[k])
                age_weights = AGE_SHARES[code]
                if kind == "applications":
                    age_weights = [a * b for a, b in zip(age_weights, APPLY_AGE)]
                age_denoms = _allocate(all_denom, age_weights)
                age_values = _allocate(
                    int(all_value),
                    [d * f * g.uniform(0.95, 1.05) for d, f in zip(age_denoms, ind["age_factor"])],
                )
                for k, band in enumerate(AGE_BANDS):
                    emit(code, "age", band, period, min(age_values[k], age_denoms[k])
                         if ind["unit"] == "percent" else age_values[k], age_denoms[k])
        for (dim, group, period), (value, denom) in county.items():
            rows.append([None, dim, group, period, float(value), int(denom)])
        out.append({"indicator": slug, "rows": rows})
    return out


# ---------------------------------------------------------------------------
# Resident comments. Most await moderation; published ones carry the text a
# moderator redacted by hand. Phone numbers are 555-01xx, e-mail addresses use
# reserved example domains, and every person named is invented.
# ---------------------------------------------------------------------------

COMMENTS: list[dict[str, Any]] = []
MODERATOR = f"moderator@{DOMAIN}"


def C(target_type, target, text, *, days, state="pending", position=None, district=None,
      language="en", name=None, email=None, redacted=None, published_after=0.3,
      reason=None, response=None, moderation_reason=None):
    n = len(COMMENTS) + 1
    record: dict[str, Any] = {
        "receipt_code": f"DEMO-{n:04d}",
        "target_type": target_type,
        "target": target,
        "raw_text": text,
        "redacted_text": "",
        "position": position,
        "name": name,
        "email": email,
        "district": district,
        "language": language,
        "state": state,
        "public_reason": reason,
        "submitted_days_ago": days,
        "published_days_ago": None,
        "moderation": [],
        "official_response": None,
    }
    decided = _r(max(0.01, days - published_after), 3)
    if state == "published":
        record["redacted_text"] = redacted if redacted is not None else text
        record["published_days_ago"] = decided
        action = "publish_redacted" if redacted is not None else "publish"
        record["moderation"].append({"action": action, "reason": moderation_reason,
                                     "days_ago": decided})
    elif state == "rejected":
        record["moderation"].append({"action": "reject", "reason": moderation_reason or reason,
                                     "days_ago": decided})
    elif state == "escalated":
        record["moderation"].append({"action": "escalate", "reason": moderation_reason,
                                     "days_ago": decided})
    if response:
        text_, by, after = response
        record["official_response"] = {"text": text_, "by": by,
                                       "days_ago": _r(max(0.01, decided - after), 3)}
    COMMENTS.append(record)
    return record["receipt_code"]


# --- On the license plate reader expansion (comment period opened 10 days ago)
C("notice", "alpr-fixed",
  "I drive Eastgate Blvd every day to drop my kids at school. With 24 cameras the county "
  "will know exactly when I leave home and when I come back. 30 days is still a month of my "
  "life sitting in a database. Who audits the audits? Please vote no on the expansion.",
  days=8.6, position="oppose", district="D4")
C("notice", "alpr-fixed",
  "Our car was stolen twice from the Cannery Row lot last year. The second time it was found "
  "in two days because a plate reader caught it on Harbor Blvd. I support adding cameras in "
  "North Harbor as long as the 30-day limit stays and the data isn't shared out of state.",
  days=9.2, state="published", position="support", district="D1", published_after=1.1)
C("notice", "alpr-fixed",
  "I'm in favor overall but I have a question about the proposed camera at Scholls Ferry Rd "
  "at the county line. It looks like it would point right at my driveway. Can someone call "
  "me? 503-555-0147. Thanks, Dale Kowalski",
  days=7.4, state="published", position="support", district="D5", name="Dale Kowalski",
  redacted="I'm in favor overall but I have a question about the proposed camera at Scholls "
  "Ferry Rd at the county line. It looks like it would point right at my driveway. Can "
  "someone call me? [phone removed]. Thanks, [name removed]",
  moderation_reason="Phone number and name removed.",
  response=("Thank you for asking. The Scholls Ferry Rd camera would be mounted on the "
            "county's existing signal pole and aimed at the northbound travel lanes only; it "
            "cannot see driveways. Staff will also call you at the number you gave.",
            f"pol-privacy@{DOMAIN}", 1.5))
C("notice", "alpr-fixed",
  "Vivo en Eastgate y muchos de mis vecinos no tienen papeles. ¿Cómo podemos estar seguros "
  "de que la información de las placas no llegará a ICE? En otros condados compartieron los "
  "datos con agencias de todo el país sin que nadie supiera. No confiamos en estas cámaras.",
  days=6.1, position="oppose", district="D4", language="es")
C("notice", "alpr-fixed",
  "The notice says reads are shared 'only with another law enforcement agency that makes a "
  "written request'. Please publish how many requests came from out of state each year, and "
  "how many were refused because they were immigration-related. The 2025 report gives a "
  "total but no breakdown.",
  days=5.3, state="published", position="neutral", district="D7", published_after=0.8)
C("notice", "alpr-fixed",
  "License plate readers are a mass surveillance tool. Period. I asked for the records of my "
  "own plate under the public records law and was refused. Contact me at "
  "jordan.p.reyes@example.com if anyone on the commission actually wants to hear from "
  "residents.",
  days=4.0, position="oppose", district="D3")

CAMPAIGN_OPENINGS = [
    "Dear Commissioners,", "Dear Commissioners,", "Dear members of the Privacy Advisory "
    "Commission,", "Dear Commissioners,", "To the Privacy Advisory Commission:",
    "Dear Commissioners,", "Dear Commissioners,", "Dear Commissioners,",
]
CAMPAIGN_PERSONAL = [
    "",
    " I drive through two of the proposed locations every day on my way to work.",
    "",
    " My family came here from El Salvador and we have seen what happens when data ends up in "
    "the wrong hands.",
    "",
    " I am a nurse and I drive to patients' homes all over the county.",
    "",
    " As a small business owner on Division St, I do not want my customers tracked.",
]
CAMPAIGN_SIGNATURES = [
    ("Sincerely,\nA concerned resident of District 4", None, "D4"),
    ("Sincerely,\nMaria T.", "Maria T.", "D4"),
    ("Respectfully,\nA resident of Old Town", None, "D3"),
    ("Sincerely,\nRosa and Ernesto M.", "Rosa M.", "D6"),
    ("Sincerely,\nA concerned resident", None, None),
    ("Thank you,\nK. Abernathy, RN", "K. Abernathy", "D7"),
    ("Sincerely,\nA concerned resident of District 1", None, "D1"),
    ("Sincerely,\nTuan Nguyen", "Tuan Nguyen", "D4"),
]
for k in range(8):
    verb = "urge you" if k % 3 else "ask you"
    money = "tax dollars" if k % 2 else "public money, including State grant money,"
    text = (
        f"{CAMPAIGN_OPENINGS[k]}\n\n"
        f"I am writing as a resident of Alder County to {verb} to reject the proposed "
        "expansion of automated license plate readers from 6 to 24 cameras. ALPRs record "
        "the movements of every driver, not just people suspected of a crime. Across the "
        "country, data from these systems has been shared with immigration authorities and "
        "out-of-state agencies. The county's own 2025 report shows that agencies in other "
        "states searched Alder County reads before network sharing was switched off."
        f"{CAMPAIGN_PERSONAL[k]}\n\n"
        f"Our {money} should fund proven safety measures like street lighting and youth "
        "programmes, not a surveillance network. Please vote NO on the expansion.\n\n"
        f"{CAMPAIGN_SIGNATURES[k][0]}\n\n"
        "Sent from the Alder Privacy Coalition action page"
    )
    C("notice", "alpr-fixed", text, days=_r(3.2 - k * 0.31, 3), position="oppose",
      district=CAMPAIGN_SIGNATURES[k][2], name=CAMPAIGN_SIGNATURES[k][1])

# --- On the gunshot detection pilot (opened 3 days ago)
C("notice", "gunshot-detection",
  "Gunshots are a weekly thing behind the Marsh Creek apartments. Nobody calls anymore "
  "because nothing happens. If this gets officers and medics out here faster, I'm for it, "
  "but I want to see the university's evaluation before it becomes permanent.",
  days=2.7, state="published", position="support", district="D6", published_after=0.6)
C("notice", "gunshot-detection",
  "Independent evaluations elsewhere found most alerts turned up no evidence of a gun crime. "
  "That means dozens of extra police runs into North Harbor every month with officers "
  "expecting a shooter. That is how people get hurt. Spend the $390,000 a year on violence "
  "interrupters instead.",
  days=2.2, position="oppose", district="D1")
C("notice", "gunshot-detection",
  "¿Los micrófonos pueden grabar conversaciones? En el verano mi familia se sienta afuera y "
  "hablamos en la calle. Quisiera saber quién escucha los audios y cuánto tiempo los "
  "guardan.",
  days=1.9, position="neutral", district="D6", language="es")
C("notice", "gunshot-detection",
  "I live at 4127 N Lombard St, Apt 6 and there is a pole right outside my bedroom window "
  "that county workers were measuring last week. Is that going to be a microphone? Nobody "
  "told us anything.",
  days=1.4, position="neutral", district="D1")
C("notice", "gunshot-detection",
  "This is bullshit. The commissioners who vote for this garbage should have microphones in "
  "THEIR neighborhoods. Bunch of clowns.",
  days=1.1, state="rejected", position="oppose",
  reason="Contains profanity. You are welcome to submit your comment again without it.",
  published_after=0.4)

# --- On police drones (opened 20 days ago)
C("notice", "police-drones",
  "Two years ago my father, who has dementia, walked away from home in Kessler. It took 30 "
  "volunteers and 11 hours to find him in a ravine. A drone with a thermal camera would have "
  "found him in minutes. Please approve the search and rescue use.",
  days=18.5, state="published", position="support", district="D8", published_after=1.0)
C("notice", "police-drones",
  "Search and rescue: yes. A drone overhead every time someone calls 911 about a 'suspicious "
  "person' in Old Town: absolutely not. Please split the vote so the Board can approve one "
  "and reject the other.",
  days=15.2, position="oppose", district="D3")
C("notice", "police-drones",
  "Will the monthly flight logs include the flight path and the reason for each flight? "
  "Other cities publish paths on a map. The notice only says 'flight logs published "
  "monthly'.",
  days=12.8, state="published", position="neutral", district="D3", published_after=0.9,
  response=("Yes. The proposed policy would publish each flight's path, time, call type "
            "and case outcome on this portal within 30 days.",
            f"pol-privacy@{DOMAIN}", 2.0))
C("notice", "police-drones",
  "No estoy de acuerdo con los drones sobre las casas. Tengo niños pequeños que juegan en el "
  "patio y no quiero que la policía los grabe.",
  days=9.7, position="oppose", district="D4", language="es")
C("notice", "police-drones",
  "On the evening of the 3rd, around 9 pm, a drone hovered over my back yard in Old Town for "
  "about ten minutes. There is no approved drone programme yet, so whose drone was it? I have "
  "video of it. I would like someone to look into this.",
  days=6.3, state="escalated", position="oppose", district="D3", email="a.whitfield@example.net",
  moderation_reason="Alleges an unauthorized drone flight; referred to the Commission.")

# --- On library cameras (opened yesterday)
C("notice", "library-cameras",
  "The library is the one place my teenagers can go after school without being watched or "
  "asked to buy something. Cameras at the door will keep some families away. Fix staffing "
  "instead.",
  days=0.8, position="oppose", district="D1")
C("notice", "library-cameras",
  "I work at one of the branches on the list (I'd rather not say which). Staff have been "
  "assaulted. We need cameras in the parking lot at least.",
  days=0.6, position="support")
C("notice", "library-cameras",
  "Está bien tener cámaras en el estacionamiento, pero no dentro de la biblioteca. Por favor "
  "pongan los letreros también en español.",
  days=0.3, position="neutral", district="D4", language="es")

# --- Closed comment periods
C("notice", "jail-face-recognition",
  "Face recognition has put innocent Black men in jail in Detroit and New Jersey. The county "
  "should not buy it. Thank you to the Commission for recommending that it be denied.",
  days=241.0, state="published", position="oppose", district="D2", published_after=1.2)
C("notice", "jail-face-recognition",
  "I was robbed at the Eastgate transit center and the video was clear, but nobody could "
  "identify the man. I understand the concerns, but victims deserve tools that work too.",
  days=236.5, state="published", position="support", district="D4", published_after=0.9)
C("notice", "child-welfare-screening-tool",
  "As a former foster youth and now a social worker, I have seen how 'risk scores' follow "
  "poor families. Parents should be told they were scored and be able to see why.",
  days=62.0, state="published", position="oppose", district="D6", published_after=1.4)
C("notice", "child-welfare-screening-tool",
  "My family was investigated last year after a false report from a neighbour. I want to "
  "know if we were scored by this computer. My case worker was Ms. Alvarez, my number is "
  "(503) 555-0188 and my SSN is 545-21-8873 if you need to look it up.",
  days=51.3, position="oppose", district="D6")

# --- On sharing practices
C("practice", ICE_PHONE,
  "Mi hermano fue entregado a ICE en 2023 al salir de la cárcel. Nadie nos explicó nada. Qué "
  "bueno que lo suspendieron, pero debe prohibirse para siempre. Pueden llamarme al "
  "971-555-0123.",
  days=33.0, state="published", position="oppose", district="D4", language="es",
  redacted="Mi hermano fue entregado a ICE en 2023 al salir de la cárcel. Nadie nos explicó "
  "nada. Qué bueno que lo suspendieron, pero debe prohibirse para siempre. Pueden llamarme "
  "al [phone removed].", moderation_reason="Phone number removed.", published_after=1.3)
C("practice", SCHOOL_EMAIL,
  "I'm a school nurse. We do get these spreadsheets by e-mail, and honestly a secure portal "
  "would be better for everyone. Please fix the method rather than stop it: exclusion lists "
  "protect kids with weak immune systems during measles outbreaks.",
  days=27.4, position="neutral", district="D2")
C("practice", GPS_EMAIL,
  "Location histories should only go to police with a warrant. Someone on a monitor for "
  "pretrial release has not been convicted of anything.",
  days=24.1, state="published", position="oppose", district="D3", published_after=0.7)
C("practice", HMIS_POLICE,
  "I stayed at the shelter on Industrial Way in 2024. Staff told us they never talk to cops. "
  "Now I read this. How am I supposed to trust anyone?",
  days=19.6, position="oppose", district="D6")
C("practice", PARKING_LPR,
  "Parking enforcement should be about parking. Sharing plate reads with police turns parking "
  "officers into a surveillance network.",
  days=16.0, position="oppose", district="D7")
C("practice", SCREENING_TOOL,
  "Which data exactly does Northstar get? Jail records of everyone in the household? Please "
  "send me the agreement. nguyen.thanh@example.net",
  days=13.9, position="oppose", district="D4")

C("practice", ELE_SAVE,
  "I am a naturalized citizen and I vote in every election. Sending my name and SSN digits to "
  "DHS to 'check' me is exactly why people in my community are afraid to register. Keep this "
  "suspended permanently.",
  days=10.4, position="oppose", district="D4")
C("practice", LIB_EBOOK,
  "I read e-books through the library app every week. I had no idea the vendor's contract "
  "doesn't stop it from using or passing on what I read. Please renegotiate this before "
  "renewing it.",
  days=7.7, state="published", position="oppose", district="D7", published_after=1.0)

# --- On indicators
C("indicator", "eviction-filings",
  "Eviction filings in Marsh Creek are the highest in the county and rising every quarter. "
  "The data is useful. Now fund the right-to-counsel programme so tenants have a lawyer.",
  days=40.2, state="published", position=None, district="D6", published_after=1.1)
C("indicator", "traffic-stops",
  "The stop rate for Black drivers is almost three times the rate for white drivers. What is "
  "the department doing about it? Showing the chart is not enough.",
  days=35.5, district="D1")
C("indicator", "traffic-stops",
  "Thank you for publishing stop data by district. Please also add search rates and how often "
  "searches found something, by group.",
  days=30.1, district="D7")
C("indicator", "library-card-holders",
  "Me alegra ver los datos de la biblioteca. En Eastgate muchas familias no saben que la "
  "tarjeta es gratis y que no piden papeles.",
  days=22.6, district="D4", language="es")
C("indicator", "rental-assistance-approved",
  "Why are some numbers hidden ('suppressed')? I'm a Pacific Islander tenant in District 4 "
  "and I can't see how my community is doing.",
  days=11.2, district="D4",
  state="published", published_after=0.6,
  response=("Numbers for groups of fewer than 11 applicants are hidden so that no one can be "
            "identified. Countywide figures for Native Hawaiian and Pacific Islander "
            "applicants are shown when they reach that size; we are also working with "
            "community organisations on a combined report.",
            f"hou-privacy@{DOMAIN}", 2.0))

C("indicator", "311-closed-on-time",
  "Eastgate's 311 numbers are the worst in the county and I'm not surprised. We report the "
  "same illegal dumping on SE 162nd every month and it sits there for weeks.",
  days=5.8, district="D4")
C("indicator", "code-enforcement-inspections",
  "Good that inspections went up. But after the inspector found mold, my landlord got 60 days "
  "to fix it, and my daughter has asthma. Show how long repairs take, not just inspections.",
  days=3.1, district="D6")

# --- General
C("general", None,
  "Best prices on Ray-Ban sunglasses 80% off!!! Visit http://cheap-shades-outlet.example/alder "
  "and https://bit.ly/3xQz9Lm today only",
  days=26.0, state="rejected", reason="Commercial advertising (spam).", published_after=0.2)
C("general", None,
  "Earn $5,000 a week from home with crypto trading. Join now: "
  "http://quick-crypto-gains.example/ref=alder WhatsApp +1 555-010-4421",
  days=3.4)
C("general", None,
  "SEO services for government websites. Rank #1 on Google in 30 days. Contact "
  "seo-experts@example.org http://rank-booster.example/gov",
  days=1.7)
C("general", None,
  "I had no idea the county shared this much data about us. This site is a good start. "
  "Please make it easier to find things on a phone.",
  days=45.0, state="published", district="D2", published_after=2.0)
C("general", None,
  "Please send me a paper copy of the data sharing inventory. My address is 1418 NE Millrace "
  "Rd, Port Alder. I don't have internet at home, I'm writing this at the library.",
  days=20.3, district="D2")
C("general", None,
  "Por favor pongan esta página también en español. Usé un traductor y no entendí qué es un "
  "'acuerdo de intercambio de datos'; sería bueno explicarlo en palabras sencillas.",
  days=18.8, state="published", district="D6", language="es", published_after=0.8)
C("general", None,
  "Why the hell does the Elections office need to check my citizenship with DHS? I was born "
  "in Bellmont. This is damn insulting.",
  days=9.9, district="D7")
C("general", None,
  "Is there a way to get notified when a new surveillance notice is posted? I'd sign up: "
  "priya.menon@example.com",
  days=14.7, state="published", district="D7",
  redacted="Is there a way to get notified when a new surveillance notice is posted? I'd "
  "sign up: [email removed]", moderation_reason="E-mail address removed.",
  published_after=0.7,
  response=("Yes: the Surveillance technologies page offers a feed of new and updated "
            "notices for a feed reader, and a calendar of comment deadlines. The portal does "
            "not send e-mail alerts, so that it does not have to keep residents' addresses.",
            f"tec-privacy@{DOMAIN}", 3.0))
C("general", None,
  "Pago mis impuestos con mi ITIN 912-83-4471 desde hace 12 años. ¿El condado comparte ese "
  "número con alguien? Tengo miedo de pedir ayuda para la renta.",
  days=8.2, district="D4", language="es")
C("general", None,
  "My neighbor at 2210 SE Division St is running an illegal Airbnb and his name is Greg "
  "Tollefson. Somebody do something.",
  days=12.5, state="rejected", district="D4",
  reason="Names a private individual. Please report housing concerns to AlderConnect 311.",
  published_after=0.5)
C("general", None,
  "Good work on the request log. Please add the months when each request came in to the "
  "chart, not just the quarter, so we can see if ICE requests are going up.",
  days=6.9, district="D3")
C("general", None,
  "Do vendors like Corvane and Brightline have to tell the county when they get hacked? The "
  "inventory says some contracts don't require breach notification. That should be fixed "
  "before any new contract is signed.",
  days=4.6, state="published", district="D2", published_after=0.9)
C("general", None,
  "Tôi muốn biết quận có chia sẻ thông tin của người nhập cư với chính quyền liên bang "
  "không. Xin vui lòng dịch trang này sang tiếng Việt.",
  days=2.9, district="D4", language="vi")
C("general", None,
  "The county says it protects immigrant residents but then the jail calls ICE. Which is it? "
  "I want an answer at the next meeting, not a webpage.",
  days=0.9, district="D1")


# ---------------------------------------------------------------------------
# Surveys
# ---------------------------------------------------------------------------

SURVEYS = [
    {
        "slug": "alpr-expansion-2026",
        "title": "License plate readers: tell us what you think",
        "description": "The Police Department proposes adding 18 fixed license plate reader "
        "cameras to the 6 it already has. This short survey helps the Privacy Advisory "
        "Commission understand residents' views before it makes a recommendation. It takes "
        "about three minutes. All questions are optional; answers are reported only as "
        "totals.",
        "target_type": "notice", "target": "alpr-fixed",
        "status": "open", "opens_in_days": -10, "closes_in_days": 21,
        "questions": [
            {"text": "Do you support adding 18 fixed license plate reader cameras?",
             "kind": "single_choice",
             "options": ["Strongly support", "Somewhat support", "Not sure",
                         "Somewhat oppose", "Strongly oppose"]},
            {"text": "How much do you trust the county to follow its license plate reader "
             "policy? (1 = not at all, 5 = completely)", "kind": "likert",
             "options": ["1", "2", "3", "4", "5"]},
            {"text": "Which safeguards matter most to you? Choose up to three.",
             "kind": "multi_choice",
             "options": ["Delete reads that match nothing within 30 days or less",
                         "Never share with immigration enforcement",
                         "No sharing with agencies outside the State",
                         "Publish every camera location",
                         "Independent audits published every year",
                         "A warrant to search stored reads"]},
            {"text": "How often do you drive past one of the proposed camera locations?",
             "kind": "single_choice",
             "options": ["Every day", "Every week", "Rarely", "Never", "Don't know"]},
            {"text": "Is there anything else you want the Commission to know?",
             "kind": "long_text", "options": []},
        ],
    },
    {
        "slug": "data-sharing-priorities-2026",
        "title": "How should Alder County share information about residents?",
        "description": "Alder County shares information with other agencies, vendors and "
        "researchers (see the sharing inventory). Tell us what matters to you so the "
        "Commission can set priorities for its review next year. All questions are "
        "optional.",
        "target_type": None, "target": None,
        "status": "open", "opens_in_days": -30, "closes_in_days": 30,
        "questions": [
            {"text": "How comfortable are you with the county sharing information about you "
             "with other government agencies when a law requires it? (1 = not at all, "
             "5 = very)", "kind": "likert", "options": ["1", "2", "3", "4", "5"]},
            {"text": "Which kinds of information would worry you most if shared?",
             "kind": "multi_choice",
             "options": ["Immigration or citizenship status", "Health information",
                         "Where I go (location)", "Criminal history",
                         "Information about my children", "SSN or ITIN", "None of these"]},
            {"text": "Before the county shares your information with a vendor, what should "
             "happen?", "kind": "single_choice",
             "options": ["Nothing more, if the law allows it",
                         "A contract that limits how the vendor uses it",
                         "A contract plus public notice on this portal",
                         "My consent every time"]},
            {"text": "In which language would you prefer to receive county notices?",
             "kind": "single_choice",
             "options": ["English", "Spanish", "Vietnamese", "Chinese", "Russian", "Other"],
             "sensitive_category": "language",
             "justification": "We ask only to decide which languages to translate notices "
             "into. Answers are reported only as totals, are never linked to your name, and "
             "you may skip this question."},
            {"text": "What would make you trust how the county handles your information?",
             "kind": "long_text", "options": []},
        ],
    },
]

TEXT_ANSWERS_EN = [
    "Publish the audits, and let an independent group do them.",
    "Honestly I don't trust any of it. Data always leaks eventually.",
    "Tell people in plain language before collecting anything.",
    "Stop sharing with ICE. That's the whole thing for my neighborhood.",
    "I'm fine with cameras if they catch car thieves. Mine was stolen in March.",
    "Shorter retention. A week is enough to find a stolen car.",
    "Let residents see what is held about them and correct it.",
    "Fines for vendors who break the rules, and cancel their contracts.",
    "Put the camera locations on a map like you did for the notices.",
    "More community meetings in the evening, not at 2 pm.",
    "I want to know who looked at my records and why.",
    "You can reach me at sam.ortiz@example.com if you want to talk about this.",
    "Nothing, I think the county does a good job already.",
    "Don't buy things with grant money that we will have to pay for forever.",
]
TEXT_ANSWERS_ES = [
    "Que no compartan nada con inmigración.",
    "Necesitamos información en español y en reuniones en la comunidad.",
    "Que nos avisen antes de usar nuestros datos.",
    "Tengo miedo de pedir ayuda por mis papeles.",
]


def _pick(g: random.Random, options: list[str], weights: list[float]) -> str:
    return g.choices(options, weights=weights, k=1)[0]


def build_survey_responses() -> None:
    g = random.Random(SEED + 11)
    district_weights = [1.1, 0.9, 1.3, 1.4, 0.6, 1.1, 1.0, 0.6]
    codes = [d[0] for d in DISTRICTS]
    for survey in SURVEYS:
        responses = []
        window = -survey["opens_in_days"]
        for k in range(41 if survey["slug"].startswith("alpr") else 43):
            spanish = g.random() < 0.18
            district = _pick(g, codes, district_weights) if g.random() < 0.85 else None
            answers: list[dict[str, Any]] = []
            lean = g.random()  # one respondent's overall attitude, 0 = opposed
            for position, q in enumerate(survey["questions"], start=1):
                if g.random() < 0.07:
                    continue  # skipped
                opts = q["options"]
                if q["kind"] == "single_choice":
                    if q.get("sensitive_category") == "language":
                        value = "Spanish" if spanish else _pick(
                            g, opts, [80, 5, 6, 4, 3, 2])
                    elif len(opts) == 5 and "support" in opts[0].lower():
                        idx = min(4, max(0, int((1 - lean) * 5 + g.uniform(-0.8, 0.8))))
                        value = opts[idx]
                    else:
                        value = g.choice(opts)
                    answers.append({"question": position, "value": value})
                elif q["kind"] == "likert":
                    value = str(min(5, max(1, int(lean * 5 + g.uniform(-0.6, 1.2)))))
                    answers.append({"question": position, "value": value})
                elif q["kind"] == "multi_choice":
                    chosen = g.sample(opts[:-1] if opts[-1] == "None of these" else opts,
                                      k=g.randint(1, 3))
                    chosen.sort(key=opts.index)
                    answers.append({"question": position, "value": json.dumps(chosen)})
                else:
                    if g.random() < 0.45:
                        continue
                    pool = TEXT_ANSWERS_ES if spanish else TEXT_ANSWERS_EN
                    value = g.choice(pool)
                    record = {"question": position, "value": value}
                    if "@" in value:
                        record["redacted_value"] = value.split(" at ")[0] + " at [email removed] "\
                            "if you want to talk about this."
                    answers.append(record)
            responses.append({
                "district": district,
                "language": "es" if spanish else "en",
                "submitted_days_ago": _r(g.uniform(0.05, window - 0.05), 3),
                "answers": answers,
            })
        responses.sort(key=lambda r: -r["submitted_days_ago"])
        survey["responses"] = responses


# ---------------------------------------------------------------------------
# Commission meetings
# ---------------------------------------------------------------------------

MEETINGS = [
    {
        "title": "Privacy Advisory Commission: child welfare screening tool and jail data "
        "sharing",
        "in_days": -21, "local_time": "18:00", "status": "held",
        "location": "Board Room, Alder County Courthouse, 1021 Courthouse Square, Port Alder, "
        "and online",
        "description": "Regular meeting. The Commission reviews the Human Services hotline "
        "screening tool pilot and a sharing-inventory finding about release-date calls to "
        "ICE, and receives the quarterly traffic stop report. Spanish interpretation "
        "provided.",
        "agenda": [
            {"title": "Child welfare hotline screening tool: review and recommendation",
             "description": "Human Services presents the pilot and the vendor's fairness "
             "test. Public comment received during the comment period is summarised in the "
             "packet.", "target_type": "notice", "target": "child-welfare-screening-tool"},
            {"title": "Sharing inventory finding: release-date calls to ICE",
             "description": "The Sheriff's Office reports on the suspension of informal "
             "release-date confirmations and proposes a written procedure.",
             "target_type": "practice", "target": ICE_PHONE},
            {"title": "Quarterly report: traffic stops by district and group",
             "description": "The Police Department presents stop data through the third "
             "quarter.", "target_type": "indicator", "target": "traffic-stops"},
            {"title": "Public comment on items not on the agenda", "description": "Up to "
             "three minutes per speaker.", "target_type": None, "target": None},
        ],
    },
    {
        "title": "Privacy Advisory Commission: license plate readers, gunshot detection and "
        "drones",
        "in_days": 14, "local_time": "18:00", "status": "scheduled",
        "location": "Eastgate Community Center, 16100 SE Division St, Port Alder, and online",
        "description": "Regular meeting, held in Eastgate so that residents most affected "
        "can attend. The Commission hears three proposed surveillance technologies and a "
        "sharing-inventory finding, and may vote on recommendations to the Board. Spanish "
        "and Vietnamese interpretation provided; childcare available on request.",
        "agenda": [
            {"title": "Fixed license plate readers: proposed expansion to 24 cameras",
             "description": "Police Department presentation, public comment summary and "
             "survey results; possible recommendation.", "target_type": "notice",
             "target": "alpr-fixed"},
            {"title": "Acoustic gunshot detection pilot",
             "description": "First hearing of the proposed two-year pilot.",
             "target_type": "notice", "target": "gunshot-detection"},
            {"title": "Police drones, including the 'drone as first responder' proposal",
             "description": "Second hearing; the Commission may recommend approving the uses "
             "separately.", "target_type": "notice", "target": "police-drones"},
            {"title": "Sharing inventory finding: GPS location histories e-mailed to police",
             "description": "Community Justice responds to the finding and proposes a "
             "court-order requirement.", "target_type": "practice", "target": GPS_EMAIL},
        ],
    },
]


# ---------------------------------------------------------------------------
# Writing the files
# ---------------------------------------------------------------------------

INDICATOR_COLUMNS = ["district", "group_dimension", "group_value", "period", "value",
                     "denominator"]


def _check(technologies: list[dict[str, Any]]) -> None:
    """Cheap consistency checks, so a bad edit fails here and not in the loader."""
    refs = {p["ref"] for p in PRACTICES}
    techs = {t["slug"] for t in TECHNOLOGIES}
    inds = {i["slug"] for i in INDICATORS}
    idents = {d["identifier"] for d in DATASETS}
    assert len(idents) == len(DATASETS), "duplicate dataset identifiers"
    titles = [(p["dataset"], p["title"]) for p in PRACTICES]
    assert len(set(titles)) == len(titles), "duplicate practice titles within a dataset"
    for c in COMMENTS + [i for m in MEETINGS for i in m["agenda"]]:
        kind, target = c["target_type"], c["target"]
        if kind == "notice":
            assert target in techs, target
        elif kind == "practice":
            assert target in refs, target
        elif kind == "indicator":
            assert target in inds, target
    for tech in technologies:
        for v in tech["versions"]:
            for loc in v["locations"]:
                assert district_of(loc["longitude"], loc["latitude"]) == loc["district"], loc


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write(out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    technologies = build_technologies()
    _check(technologies)
    values = build_indicator_values()
    build_survey_responses()

    _dump(out / "districts.geojson", districts_geojson())
    _dump(out / "departments.json", [
        {"code": code, "name": name, "description": desc, "contact_email": contact(code)}
        for code, name, desc in DEPARTMENTS
    ])
    _dump(out / "datasets.json", DATASETS)
    _dump(out / "practices.json", PRACTICES)
    _dump(out / "technologies.json", technologies)
    _dump(out / "requests.json", REQUESTS)
    # Written by people, not generated: the Spanish versions of the notices open for comment
    # and of one survey (portal/translations/seed.py checks each against its English).
    _dump(out / "translations_es.json", json.loads(
        (Path(__file__).parent / "demo_translations_es.json").read_text(encoding="utf-8")))
    _dump(out / "indicators.json", [
        {k: ind[k] for k in ("slug", "name", "description", "department", "unit", "rate_per",
                             "source")}
        | {"is_published": True,
           "dimensions": ["all", "race_ethnicity", "age"] if ind["demographics"] else ["all"]}
        for ind in INDICATORS
    ])
    # One row per line: 5,000 rows stay readable in a diff.
    lines = ["{", f'  "columns": {json.dumps(INDICATOR_COLUMNS)},', '  "indicators": {']
    for k, block in enumerate(values):
        lines.append(f'    {json.dumps(block["indicator"])}: [')
        rows = [f"      {json.dumps(r, ensure_ascii=False)}" for r in block["rows"]]
        lines.append(",\n".join(rows))
        lines.append("    ]" + ("," if k < len(values) - 1 else ""))
    lines += ["  }", "}"]
    (out / "indicator_values.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _dump(out / "comments.json", COMMENTS)
    _dump(out / "surveys.json", SURVEYS)
    _dump(out / "meetings.json", MEETINGS)

    counts = {
        "districts": len(DISTRICTS),
        "departments": len(DEPARTMENTS),
        "datasets": len(DATASETS),
        "practices": len(PRACTICES),
        "technologies": len(technologies),
        "notice_versions": sum(len(t["versions"]) for t in technologies),
        "requests": len(REQUESTS),
        "indicators": len(INDICATORS),
        "indicator_values": sum(len(v["rows"]) for v in values),
        "comments": len(COMMENTS),
        "surveys": len(SURVEYS),
        "survey_responses": sum(len(s["responses"]) for s in SURVEYS),
        "meetings": len(MEETINGS),
    }
    _dump(out / "manifest.json", {
        "county": COUNTY,
        "county_seat": SEAT,
        "timezone": "America/Los_Angeles",
        "generated_by": "data/generate_demo.py",
        "seed": SEED,
        "note": "Fictional demo data. Regenerate with `python data/generate_demo.py`; do not "
        "edit by hand. Fields ending in _in_days or _days_ago are relative to the time the "
        "demo is loaded.",
        "counts": counts,
    })
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    args = parser.parse_args(argv)
    counts = write(args.out)
    for name, n in counts.items():
        print(f"{name:>18}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
