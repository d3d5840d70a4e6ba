"""The summarizer: themes with exact quotes, positions, campaigns, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.summarize import Item, Summary, sentences, summarize, summarize_texts

PROJECT_ROOT = Path(__file__).resolve().parents[2]

CAMERAS = [
    "The license plate cameras keep data far too long; retention should be 30 days at most.",
    "Please limit camera retention. Plate reader data kept for a year is surveillance.",
    "I oppose the new license plate reader cameras unless retention is cut to a week.",
    "Cameras on every corner and plate data retention for months? Delete it after 30 days.",
    "Plate reader cameras are fine, but the retention period must be short and audited.",
    "Who audits the camera data? Retention of plate reads should be days, not months.",
    "Las cámaras lectoras de placas guardan datos demasiado tiempo; la retention debe ser de 30 días.",
    "No quiero más cameras de placas. Borren los datos de plate readers pronto, retention corta.",
    "Support the plate cameras for stolen cars, with retention limited to 30 days.",
    "Camera retention policy is too long: plate reader data should be deleted quickly.",
]
IMMIGRATION = [
    "Do not share our data with ICE. Immigration enforcement is not the county's job.",
    "The sheriff must stop sharing records with ICE and federal immigration agents.",
    "Sharing resident data with immigration authorities destroys trust in the county.",
    "I support sanctuary rules: no data sharing with ICE without a judicial warrant.",
    "Immigration status should never be shared. ICE requests need a warrant.",
    "No compartan nuestros datos con ICE. La policía no debe trabajar para immigration.",
    "Mi familia tiene miedo de ICE. No sharing de datos con immigration, por favor.",
    "Families avoid clinics when the county shares data with ICE and immigration agents.",
    "End the data sharing agreement with ICE; immigrant residents deserve privacy.",
    "Stop sharing jail booking data with immigration enforcement and ICE.",
]
LIBRARY = [
    "The library should open on Sundays; weekend library hours matter for working parents.",
    "Please extend library hours in the evening so students can study after school.",
    "Longer library hours at the Eastside branch would help kids with homework.",
    "Library hours were cut last year. Restore the Saturday and Sunday hours.",
    "I support funding longer library hours instead of more surveillance equipment.",
    "La biblioteca Eastside library debe abrir más horas los sábados y domingos.",
    "Necesitamos library hours más largas en la biblioteca para los estudiantes.",
    "Open the library until 9pm. Evening hours help people who work days.",
    "The branch library hours are too short; open earlier on weekdays.",
    "Weekend library hours, please. The library is the only quiet place to study.",
]
POSITIONS = ["oppose", "support", "neutral", None, "Against"]


def three_topics() -> list[Item]:
    """Thirty comments, interleaved so input order does not give the topics away."""
    items = []
    for n in range(10):
        for topic, texts in (("cam", CAMERAS), ("ice", IMMIGRATION), ("lib", LIBRARY)):
            items.append(Item(f"{topic}-{n}", texts[n], POSITIONS[(n + len(topic)) % 5]))
    return items


def assert_exact_quotes(summary: Summary, items: list[Item]) -> None:
    text_of = {item.id: item.text for item in items}
    data = summary.to_json()
    quotes = [q for theme in data["themes"] for q in theme["quotes"]]
    quotes += [q for campaign in data["campaigns"] for q in campaign["additions"]]
    for quote in quotes:
        original = text_of[quote["id"]]
        assert original[quote["start"]:quote["end"]] == quote["text"]
        assert quote["text"] == quote["text"].strip() and quote["text"]


def test_three_topics_give_three_themes_with_the_right_members() -> None:
    items = three_topics()
    summary = summarize(items)
    assert len(summary.themes) == 3
    groups = sorted(sorted(theme.members) for theme in summary.themes)
    assert groups == [[f"cam-{n}" for n in range(10)], [f"ice-{n}" for n in range(10)],
                      [f"lib-{n}" for n in range(10)]]
    labels = {theme.members[0][:3]: theme.keywords for theme in summary.themes}
    assert "retention" in labels["cam"] or "plate" in labels["cam"]
    assert "ice" in labels["ice"]
    assert "library" in labels["lib"]
    for theme in summary.themes:
        assert theme.size == 10
        assert 2 <= len(theme.quotes) <= 3
        assert {q.id for q in theme.quotes} <= set(theme.members)
        assert sum(theme.positions.values()) == 10
    assert summary.positions == {"support": 6, "neutral": 6, "oppose": 12, "unstated": 6}
    assert summary.campaigns == []
    assert_exact_quotes(summary, items)


def test_quotes_are_whole_sentences_of_long_comments() -> None:
    long_text = "  " + " ".join(
        f"Sentence {n} says library hours matter on weekends." for n in range(12)) + "  "
    items = [Item(1, long_text), *[Item(n, t) for n, t in enumerate(LIBRARY[:4], start=2)]]
    summary = summarize(items)
    assert_exact_quotes(summary, items)
    spans = {(long_text[s:e]) for s, e in sentences(long_text)}
    for theme in summary.themes:
        for quote in theme.quotes:
            if quote.id == 1:
                assert quote.text in spans


def test_output_is_identical_across_processes() -> None:
    script = (
        "import json, sys\n"
        "from tests.moderation.test_summarize import three_topics\n"
        "from moderation.summarize import summarize\n"
        "print(json.dumps(summarize(three_topics()).to_json(), ensure_ascii=False))\n"
    )
    outputs = []
    for hashseed in ("1", "987"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env,
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    here = json.dumps(summarize(three_topics()).to_json(), ensure_ascii=False) + "\n"
    assert outputs[0] == here


LETTER = (
    "Dear Commissioners, I urge you to reject the expansion of automated license plate "
    "readers in our county. These cameras record the movements of every driver and keep "
    "them for months. Please protect the privacy of residents and vote no. Thank you."
)


def test_a_500_copy_campaign_is_one_campaign_with_its_additions() -> None:
    additions = [f"I have lived in District {n} for {n + 3} years." for n in range(20)]
    items = []
    for n in range(500):
        text = LETTER + (" " + additions[n // 25] if n % 25 == 7 else "")
        items.append(Item(f"c{n}", text, "oppose"))
    others = [Item(f"o{n}", text) for n, text in enumerate(LIBRARY + IMMIGRATION)]
    items = others[:10] + items + others[10:]
    summary = summarize(items)
    assert len(summary.campaigns) == 1
    campaign = summary.campaigns[0]
    assert campaign.copies == 500
    assert campaign.members == [f"c{n}" for n in range(500)]
    assert campaign.representative == "c0"
    assert [(q.id, q.text) for q in campaign.additions] == [
        (f"c{n}", additions[n // 25]) for n in range(500) if n % 25 == 7]
    assert_exact_quotes(summary, items)
    # The campaign counts once when finding themes, but every copy is a member.
    sizes = sorted(theme.size for theme in summary.themes)
    assert sum(sizes) == len(items)
    holding = [t for t in summary.themes if "c0" in t.members]
    assert len(holding) == 1 and set(holding[0].members) >= {f"c{n}" for n in range(500)}
    assert summary.positions["oppose"] == 500
    assert summary.to_json()["campaigns"][0]["copies"] == 500


def test_tiny_inputs() -> None:
    empty = summarize([]).to_json()
    assert empty == {"count": 0, "positions": dict.fromkeys(
        ("support", "neutral", "oppose", "unstated"), 0), "themes": [], "campaigns": [],
        "unthemed": []}
    one = summarize([Item(7, "  Keep the library open late.  ", "support")])
    assert [t.members for t in one.themes] == [[7]]
    assert one.themes[0].quotes[0].text == "Keep the library open late."
    assert one.themes[0].quotes[0].start == 2
    two = summarize([Item(1, "Cameras everywhere."), Item(2, "Cameras everywhere.")])
    assert sum(t.size for t in two.themes) == 2
    assert len(two.themes[0].quotes) == 1  # the same words are quoted once
    blank = summarize([Item(1, ""), Item(2, "   "), Item(3, "the and of")])
    assert blank.themes == [] and blank.unthemed == [1, 2, 3]
    mixed = summarize([Item(1, ""), Item(2, "Fix the potholes on Main Street.")])
    assert mixed.unthemed == [1] and mixed.themes[0].members == [2]


WORDS = st.sampled_from(["library", "cámaras", "ICE", "hours", "datos", "retention", "the",
                         "de", "plate", "¿por", "qué?", "x", "\u200b", "a.b", "!!", "\n"])


@settings(max_examples=25, deadline=None)
@given(st.lists(
    st.one_of(st.lists(WORDS, max_size=30).map(" ".join), st.text(max_size=60)),
    max_size=12))
def test_quotes_are_always_exact_substrings(texts: list[str]) -> None:
    items = [Item(n, text) for n, text in enumerate(texts)]
    summary = summarize(items, max_themes=4)
    assert_exact_quotes(summary, items)
    themed = [m for theme in summary.themes for m in theme.members]
    assert sorted(themed + summary.unthemed) == list(range(len(items)))
    assert summary.to_json() == summarize(items, max_themes=4).to_json()


def test_redaction_labels_never_label_a_theme() -> None:
    # Without blanking them, the first theme here is labelled "removed, address, drone".
    texts = [f"[name removed] and [name removed] at [address removed] saw the drone {n}."
             for n in range(4)]
    texts += [f"The cameras on Main Street record every car, plate {n}." for n in range(4)]
    summary = summarize_texts(texts)
    words = {w for theme in summary.themes for w in theme.keywords}
    assert "drone" in words and "cameras" in words
    assert not words & {"removed", "address", "name"}
    for theme in summary.themes:
        for quote in theme.quotes:
            assert texts[int(quote.id) - 1][quote.start:quote.end] == quote.text
