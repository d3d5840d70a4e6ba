"""Screening throughput at realistic scale (DESIGN §7: at least 2,000 comments/s per core).

Builds a deterministic mix of short public comments — most of them ordinary, in
English and Spanish, some with phone numbers, e-mail addresses, SSNs, card
numbers, street addresses and signatures, some profane, some spam, and three
copy-paste campaigns — then times:

- ``moderation.screen`` on each comment in turn, pinned to one core;
- ``moderation.screen_batch`` on the whole batch (adds campaign detection);
- ``moderation.find_campaigns`` alone.

Run: ``python bench/bench_screening.py [--comments 10000] [--seed 2026]``.
It prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import time
from pathlib import Path

# Run from a checkout: import this repository's moderation/, not an installed copy.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EN_OPENERS = [
    "",
    "Hello.",
    "Hi,",
    "As a parent,",
    "As a renter,",
    "Honestly,",
    "To the commission:",
    "Quick comment:",
    "For the record,",
    "I've lived here 20 years and",
]
EN_VERBS = [
    "support",
    "oppose",
    "worry about",
    "want a public hearing on",
    "have questions about",
    "don't trust",
    "would fund",
    "would cut",
    "am tired of",
    "appreciate",
]
EN_TOPICS = [
    "the license plate readers",
    "the new street cameras",
    "gunshot detection",
    "drone flights over the park",
    "data sharing with federal agencies",
    "the ICE requests",
    "facial recognition at the library",
    "the bus route changes",
    "the rent relief program",
    "social media monitoring",
    "the 911 response times",
    "park lighting",
]
EN_EXTRAS = [
    "It affects my kids.",
    "We were never asked.",
    "The cost is too high.",
    "Please publish the data.",
    "Thanks for the work.",
    "Who can see the footage?",
    "How long is the data kept?",
    "The vendor contract looks one-sided.",
    "Put it to a vote.",
    "The notices are only in English.",
    "Ask the residents first.",
    "I read the whole report.",
    "Nobody answers at the office.",
    "Keep the data local.",
]
ES_COMMENTS = [
    "No estoy de acuerdo con las cámaras en mi barrio.",
    "Por favor no compartan nuestros datos con ICE.",
    "Gracias por escuchar a los vecinos.",
    "¿Quién puede ver las grabaciones de los drones?",
    "Vivo en el distrito 3 y me preocupa la privacidad de mis hijos.",
    "Los avisos deberían estar también en español.",
    "Estoy a favor del programa de ayuda para la renta.",
]
PROFANE = [
    "This is bullshit.",
    "What the f*ck is the council thinking?",
    "sh1t plan, vote no",
    "These cameras are a damn waste.",
    "Esto es una mierda.",
    "fuuuck the drones",
]
SPAM = [
    "Buy now!!! Click here: http://cheap-pills.biz",
    "Work from home, earn $5,000 a week: www.easy-money.xyz",
    "Online casino, free spins, promo code WIN100 http://spin.win",
    "Gana dinero desde casa, haz clic aquí: www.ganar.co",
    "http://a.ru http://b.ru http://c.ru",
]
LETTERS = [
    (
        "Dear Commissioners, I am writing to urge you to reject the proposed expansion of automated "
        "license plate readers in our county. These cameras record the movements of every driver, keep "
        "them for months, and share them with agencies far beyond our city. Please vote no."
    ),
    (
        "I support the gunshot detection program because it helps police respond faster in our "
        "neighborhood, and I ask the commission to renew the contract with stronger audit rules."
    ),
    (
        "Estimados comisionados: les pido que no compartan datos de residentes con agencias federales "
        "de inmigración sin una orden judicial, y que avisen a cada familia afectada."
    ),
]
NAMES = [
    "Ana Ruiz",
    "Bob Chen",
    "Dee Patel",
    "Eli Brooks",
    "Fay Morgan",
    "Gus Alvarez",
    "Ivy Nguyen",
]
STREETS = ["W Maple Ave", "North Elm Street", "Oak St", "Cedar Lane", "5th Ave", "Lincoln Blvd"]


def luhn_card(rng: random.Random) -> str:
    digits = [4] + [rng.randrange(10) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        d = d * 2 if i % 2 == 0 else d
        total += d - 9 if d > 9 else d
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


EN_BECAUSE = [
    "because nobody explained who sees the data",
    "since the last contract ran over budget",
    "given what happened in other cities",
    "as long as there is an independent audit",
    "because my neighbors are afraid to call for help",
    "until the retention period is shorter",
    "because the notice came too late",
    "if the footage is deleted after 30 days",
    "because we need better lighting more than cameras",
    "since the data went to a vendor",
]
EN_PLACES = [
    "near my house",
    "by the school",
    "on my block",
    "downtown",
    "near the clinic",
    "at the park",
    "by the bus stop",
    "in our district",
    "near the library",
    "on the corridor",
]
ES_VERBS = ["apoyo", "no apoyo", "tengo dudas sobre", "me preocupa", "pido una audiencia sobre"]
ES_TOPICS = [
    "las cámaras nuevas",
    "los lectores de placas",
    "los drones",
    "compartir datos con ICE",
    "el programa de ayuda para la renta",
    "los sensores de disparos",
    "el cambio de rutas",
]
ES_EXTRAS = [
    "Gracias por escuchar.",
    "Mis hijos van a esa escuela.",
    "Nadie nos preguntó.",
    "Los avisos deben estar en español.",
    "¿Quién puede ver los datos?",
    "Cuesta demasiado.",
]


def ordinary(rng: random.Random) -> str:
    """A resident's own comment: short, varied, occasionally in Spanish."""
    if rng.random() < 0.2:
        parts = [
            (
                f"{rng.choice(ES_VERBS).capitalize()} {rng.choice(ES_TOPICS)} en el distrito "
                f"{rng.randint(1, 9)}."
            )
        ]
        parts += rng.sample(ES_EXTRAS, rng.randint(0, 2))
        if rng.random() < 0.7:
            parts.insert(rng.randint(0, len(parts)), personal_es(rng))
        return " ".join(parts)
    parts = [
        rng.choice(EN_OPENERS),
        f"I {rng.choice(EN_VERBS)} {rng.choice(EN_TOPICS)} {rng.choice(EN_PLACES)}"
        + (f" {rng.choice(EN_BECAUSE)}." if rng.random() < 0.6 else "."),
    ]
    parts += rng.sample(EN_EXTRAS, rng.randint(0, 3))
    if rng.random() < 0.7:
        parts.insert(rng.randint(1, len(parts)), personal(rng))
    return " ".join(p for p in parts if p)


RELATIVES = [
    "My son",
    "My daughter",
    "My mother",
    "My neighbor",
    "My husband",
    "My wife",
    "My grandfather",
    "My roommate",
    "My sister",
    "My coworker",
    "My friend",
    "Our tenant",
]
DOES = [
    "walks",
    "drives",
    "bikes",
    "takes the bus",
    "works",
    "volunteers",
    "shops",
    "jogs",
    "waits for the bus",
    "picks up the kids",
]
WHEN = [
    "every morning",
    "at night",
    "on weekends",
    "after school",
    "twice a week",
    "daily",
    "on Sundays",
    "before work",
    "most evenings",
]


def personal_es(rng: random.Random) -> str:
    quien = ["Mi hijo", "Mi hija", "Mi mamá", "Mi vecino", "Mi esposo", "Mi abuela", "Mi compañera"]
    hace = ["camina", "maneja", "espera el autobús", "trabaja", "hace compras", "juega"]
    donde = [
        "cerca de la escuela",
        "en el parque",
        "en mi cuadra",
        "en el centro",
        "cerca de la clínica",
    ]
    cuando = ["todos los días", "en la noche", "los fines de semana", "después de la escuela"]
    return (
        f"{rng.choice(quien)} {rng.choice(hace)} {rng.choice(donde)} {rng.choice(cuando)}"
        f" desde hace {rng.randint(1, 30)} años."
    )


def personal(rng: random.Random) -> str:
    return (
        f"{rng.choice(RELATIVES)} {rng.choice(DOES)} {rng.choice(EN_PLACES)} {rng.choice(WHEN)}"
        f" and has for {rng.randint(1, 30)} years."
    )


def build(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    comments: list[str] = []
    while len(comments) < n:
        base = ordinary(rng)
        r = rng.random()
        if r < 0.08:
            base += f" Call me at ({rng.randint(201, 989)}) 555-{rng.randint(100, 199):04d}."
        elif r < 0.13:
            base += f" Reach me at {rng.choice(NAMES).split()[0].lower()}{rng.randint(1, 99)}@example.com"
        elif r < 0.15:
            base += f" My SSN is {rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}."
        elif r < 0.16:
            base += f" My card is {luhn_card(rng)}."
        elif r < 0.20:
            base += f" I live at {rng.randint(10, 9999)} {rng.choice(STREETS)}."
        elif r < 0.24:
            base += f"\n- {rng.choice(NAMES)}"
        elif r < 0.29:
            base = rng.choice(PROFANE) + " " + base
        elif r < 0.33:
            base = rng.choice(SPAM).replace(
                "5,000", f"{rng.randint(2, 9)},{rng.randint(0, 999):03d}"
            )
        elif r < 0.34:
            base = " ".join(ordinary(rng) for _ in range(25))  # a long letter
        comments.append(base)
    # Three copy-paste campaigns of 100, 50 and 20 lightly edited copies.
    for letter, size in zip(LETTERS, (100, 50, 20), strict=True):
        for i in range(size):
            text = letter
            if i % 2:
                text += (
                    f" I have lived in district {rng.randint(1, 9)} for {rng.randint(2, 40)} years."
                )
            if i % 3 == 0:
                text = f"{rng.choice(['Hello.', 'Hi.', 'Buenas.'])} " + text
            comments[rng.randrange(len(comments))] = text
    return comments


def main() -> None:
    import moderation

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    comments = build(args.comments, args.seed)
    chars = sum(map(len, comments))
    print(
        f"corpus: {len(comments)} comments, mean {chars / len(comments):.0f} characters (seed {args.seed})"
    )

    t0 = time.perf_counter()
    moderation.warm_up()
    print(
        f"warm-up (Presidio, spaCy import, language model, lists): {time.perf_counter() - t0:.2f} s"
    )

    t0, c0 = time.perf_counter(), time.process_time()
    results = [moderation.screen(text) for text in comments]
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"screening: {len(comments) / wall:,.0f} comments/s (single core; "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU, {1e6 * wall / len(comments):.0f} µs/comment)"
    )

    t0 = time.perf_counter()
    batch = moderation.screen_batch(comments)
    wall = time.perf_counter() - t0
    print(
        f"screen_batch: {len(comments) / wall:,.0f} comments/s (single core, with campaign detection; "
        f"{wall:.2f} s)"
    )

    t0 = time.perf_counter()
    campaigns = moderation.find_campaigns(comments)
    wall = time.perf_counter() - t0
    sizes = sorted((c.size for c in campaigns), reverse=True)
    print(
        f"campaign detection alone: {len(comments) / wall:,.0f} comments/s ({wall:.2f} s); "
        f"{len(campaigns)} groups, largest {sizes[:6]} (planted: 100, 50, 20 letters; "
        "repeated spam; small groups are chance repeats of the generator's stock sentences)"
    )

    counts: collections.Counter[str] = collections.Counter()
    for result in batch:
        counts.update(result.kinds)
    languages = collections.Counter(r.language for r in results)
    print("flags: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))


if __name__ == "__main__":
    main()
