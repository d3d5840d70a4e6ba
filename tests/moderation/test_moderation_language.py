"""Language detection: English, Spanish, or undetermined — deterministically."""

from __future__ import annotations

import pytest

from moderation import detect_language, screen


@pytest.mark.parametrize(
    "text",
    [
        "I strongly oppose the license plate readers on Main Street.",
        "Please stop sharing our data with federal agencies.",
        "Thank you for listening",
        "no more cameras",
    ],
)
def test_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "No estoy de acuerdo con las cámaras en mi barrio.",
        "Por favor no compartan nuestros datos con ICE.",
        "Gracias por escuchar",
        "Que verguenza, esto no puede seguir asi",
    ],
)
def test_spanish(text: str) -> None:
    assert detect_language(text) == "es"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ok",
        "12345 678",
        "https://example.org/x",
        "Je ne suis pas d'accord avec ce projet de surveillance.",
        "Eu não concordo com essas câmeras.",
        "我不同意这个计划",
    ],
)
def test_other_or_too_short_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_detection_is_deterministic() -> None:
    text = "vivo en el distrito 3 y me preocupa"
    assert {detect_language(text) for _ in range(20)} == {"es"}


def test_screen_reports_language() -> None:
    assert screen("Gracias por escuchar a los vecinos").language == "es"
