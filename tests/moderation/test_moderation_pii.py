"""Personal-data detection and redaction: each kind, its validation, and its label."""

from __future__ import annotations

import pytest

from moderation import REDACTION_LABELS, detect_pii, redact, screen


def kinds(text: str) -> list[str]:
    return [f.kind for f in detect_pii(text)]


def found(text: str, kind: str) -> list[str]:
    """The texts of the spans of ``kind`` found in ``text``."""
    for f in detect_pii(text):
        if f.kind == kind:
            return [text[s:e] for s, e in f.spans]
    return []


# --- e-mail --------------------------------------------------------------------


def test_email_is_found_and_redacted() -> None:
    text = "Write to jane.doe+city@example.com about this."
    assert found(text, "pii:email") == ["jane.doe+city@example.com"]
    assert redact(text) == "Write to [email removed] about this."


def test_email_without_a_public_suffix_is_not_an_email() -> None:
    # Presidio's validation (run offline): the domain must end in a real suffix.
    assert "pii:email" not in kinds("ping admin@localhost or test@example.invalidtld")


# --- phone ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["(415) 555-0132", "415-555-0132", "415.555.0132", "+1 415 555 0132", "4155550132"],
)
def test_us_phone_formats_are_found(number: str) -> None:
    text = f"Call me at {number} after six."
    assert found(text, "pii:phone") == [number]
    assert redact(text) == "Call me at [phone removed] after six."


def test_years_budgets_and_counts_are_not_phones() -> None:
    text = "From 2019 to 2024 the budget grew from $1,250,000 to $3,400,000 for 212 cameras."
    assert detect_pii(text) == []
    assert redact(text) == text


# --- SSN and ITIN --------------------------------------------------------------


def test_valid_ssn_is_found_and_invalid_ones_are_not() -> None:
    text = "Mine is 123-45-6788; the form shows 000-12-3456 and 666-12-3456 and 123-00-4567."
    assert found(text, "pii:ssn") == ["123-45-6788"]
    assert redact(text) == (
        "Mine is [SSN removed]; the form shows 000-12-3456 and 666-12-3456 and 123-00-4567."
    )


def test_bare_nine_digits_are_an_ssn_only_when_introduced_as_one() -> None:
    assert found("My SSN is 219099998.", "pii:ssn") == ["219099998"]
    assert found("Número de seguro social 219099998", "pii:ssn") == ["219099998"]
    assert "pii:ssn" not in kinds("Invoice 219099998 was paid.")


def test_itin_is_found_and_not_mistaken_for_an_ssn() -> None:
    text = "My ITIN is 912-70-1234."
    assert kinds(text) == ["pii:itin"]
    assert redact(text) == "My ITIN is [ITIN removed]."


# --- credit card ---------------------------------------------------------------


def test_luhn_valid_card_is_found_and_luhn_invalid_is_not() -> None:
    valid, invalid = "4111 1111 1111 1111", "4111 1111 1111 1112"
    assert found(f"card {valid} thanks", "pii:credit_card") == [valid]
    assert "pii:credit_card" not in kinds(f"card {invalid} thanks")
    assert redact(f"card {valid}.") == "card [card number removed]."


# --- street addresses (the portal's own rule) ------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "1420 W Maple Ave",
        "221 North Elm Street Apt 4",
        "9 Martin Luther King Jr Blvd",
        "3300 5th Ave Unit 12B",
        "77 Ocean View Dr.",
        "P.O. Box 1234",
        "55 Calle del Sol",
    ],
)
def test_street_addresses_are_found(address: str) -> None:
    text = f"I live at {address}, near the park."
    assert found(text, "pii:address") == [address]
    assert REDACTION_LABELS["pii:address"] in redact(text)
    assert address not in redact(text)


def test_lower_case_address_after_a_cue_is_found() -> None:
    assert found("i live at 1420 maple ave since 2009", "pii:address") == ["1420 maple ave"]


@pytest.mark.parametrize(
    "text",
    [
        "We waited 45 minutes in line.",
        "The 3 cameras on Main Street are too many.",
        "Section 4 Part B of the ordinance.",
        "I have lived here for 20 years and drive daily.",
    ],
)
def test_ordinary_numbers_and_street_names_are_not_addresses(text: str) -> None:
    assert "pii:address" not in kinds(text)


# --- names (where detectable) ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My name is Jane Doe and I oppose this.", "Jane Doe"),
        ("Hi, my name is Maria.", "Maria"),
        ("I am Maria López, a mother of two.", "Maria López"),
        ("Me llamo José Ramírez y vivo aquí.", "José Ramírez"),
        ("Please stop the drones.\n- Jane Doe", "Jane Doe"),
        ("Stop it.\n— John Q. Public", "John Q. Public"),
        ("Sincerely,\nAnne-Marie O'Brien", "Anne-Marie O'Brien"),
    ],
)
def test_names_are_found(text: str, name: str) -> None:
    assert found(text, "pii:name") == [name]
    assert name not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "I am Very Concerned about this.",
        "I am Strongly Opposed.",
        "I am a Resident of District 3.",
        "My name is not important.",
        "Soy Residente del distrito.",
    ],
)
def test_capitalised_phrases_after_i_am_are_not_names(text: str) -> None:
    assert "pii:name" not in kinds(text)


def test_every_occurrence_of_a_detected_name_is_redacted() -> None:
    text = "My name is Maria Lopez. Maria Lopez has lived on this block for years."
    out = redact(text)
    assert "Maria Lopez" not in out
    assert out.count("[name removed]") == 2


# --- redaction mechanics ---------------------------------------------------------


def test_spans_point_into_the_original_text() -> None:
    text = "Email jane@example.com or call (415) 555-0132."
    for flag in detect_pii(text):
        for start, end in flag.spans:
            assert 0 <= start < end <= len(text)
    assert found(text, "pii:email") == ["jane@example.com"]
    assert found(text, "pii:phone") == ["(415) 555-0132"]


def test_overlapping_detections_are_merged_into_one_label() -> None:
    # The card number is also read as digits that could be a phone; one label.
    text = "Card 4111-1111-1111-1111 please."
    out = redact(text)
    assert out == "Card [card number removed] please."


def test_redaction_sees_through_invisible_and_full_width_characters() -> None:
    text = "Call (４１５) ５５５-01\u200b32 tonight"
    flags = detect_pii(text)
    assert [f.kind for f in flags] == ["pii:phone"]
    ((start, end),) = flags[0].spans
    assert text[start:end] == "(４１５) ５５５-01\u200b32"
    assert redact(text) == "Call [phone removed] tonight"


def test_redaction_is_idempotent_on_every_kind() -> None:
    text = (
        "My name is Jane Doe, SSN 123-45-6788, ITIN 912-70-1234, card 4111 1111 1111 1111, "
        "jane@example.com, (415) 555-0132, 1420 W Maple Ave."
    )
    once = redact(text)
    assert set(kinds(text)) == {
        "pii:name",
        "pii:ssn",
        "pii:itin",
        "pii:credit_card",
        "pii:email",
        "pii:phone",
        "pii:address",
    }
    assert redact(once) == once
    assert detect_pii(once) == []


def test_label_next_to_a_number_does_not_create_an_ssn() -> None:
    # "[SSN removed]" must not act as context for the invoice number after it.
    text = "123-45-6788 219099998"
    out = redact(text)
    assert out == "[SSN removed] 219099998"
    assert redact(out) == out


def test_has_pii_follows_the_flags() -> None:
    assert screen("call (415) 555-0132").has_pii is True
    assert screen("I support the new library hours.").has_pii is False


def test_clean_text_is_returned_unchanged() -> None:
    text = "The council should publish the surveillance reports every year."
    assert detect_pii(text) == []
    assert redact(text) == text
