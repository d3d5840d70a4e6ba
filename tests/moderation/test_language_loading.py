"""The language model is loaded only when a text needs it, and once (issue 18: ``portal
screen`` paid for it whatever it read)."""

from __future__ import annotations

import threading
import time

import pytest

from moderation import language, screen_batch

ENGLISH = ["Please publish the camera audit and the error rates for the plate readers.",
           "I support this policy but the retention period should be shorter than that."]
SPANISH = "Por favor publiquen la auditoría de las cámaras cada año, gracias."


class FakeModel:
    def classify(self, text: str) -> tuple[str, float]:
        return "es", 0.99


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each load of the model, by thread name; the model starts unloaded."""
    seen: list[str] = []

    def load() -> FakeModel:
        seen.append(threading.current_thread().name)
        time.sleep(0.2)  # long enough for a second caller to arrive during the load
        return FakeModel()

    monkeypatch.setattr(language, "_model", None)
    monkeypatch.setattr(language, "_load_model", load)
    return seen


def test_plain_english_loads_no_model(loads: list[str]) -> None:
    assert language.prefetch(ENGLISH) is None
    assert [language.detect_language(t) for t in ENGLISH] == ["en", "en"]
    assert [r.language for r in screen_batch(ENGLISH)] == ["en", "en"]
    assert loads == []


def test_a_text_that_needs_it_loads_it_once_in_the_background(loads: list[str]) -> None:
    thread = language.prefetch([*ENGLISH, SPANISH])
    assert thread is not None
    # Asked for while the background load is under way: it waits for that load.
    assert language.detect_language(SPANISH) == "es"
    thread.join(5)
    assert loads == ["language-model"]
    assert language.prefetch([SPANISH]) is None  # loaded: nothing more to begin
    assert language.detect_language(SPANISH) == "es" and len(loads) == 1
