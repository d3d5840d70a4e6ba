"""The sensitive-question linter: what a county survey must not ask without saying why."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.sensitive_questions import (
    ANSWERS,
    ASKS,
    TOPICS,
    QuestionFlag,
    _compile,
    lint_question,
    to_json_row,
)


def topics(text: str, help_text: str = "", options: tuple[str, ...] = ()) -> list[str]:
    return [f.topic for f in lint_question(text, help_text, options)]


def only(text: str, help_text: str = "", options: tuple[str, ...] = ()) -> QuestionFlag:
    flags = lint_question(text, help_text, options)
    assert len(flags) == 1, flags
    return flags[0]


def field_of(flag: QuestionFlag, text: str, help_text: str, options: tuple[str, ...]) -> str:
    if flag.field == "text":
        return text
    if flag.field == "help_text":
        return help_text
    assert flag.field == "options" and flag.option is not None
    return options[flag.option]


# ---------------------------------------------------------------------------
# Topics and severities
# ---------------------------------------------------------------------------


def test_topics_and_their_severities() -> None:
    assert TOPICS == {
        "citizenship": "error",
        "id_number": "error",
        "nationality": "warning",
        "religion": "warning",
        "language": "warning",
        "immigration_history": "warning",
    }


def test_every_topic_has_english_and_spanish_rules() -> None:
    assert set(ASKS) == set(TOPICS)
    for topic, by_language in ASKS.items():
        assert by_language["en"] and by_language["es"], topic
    for topic in TOPICS.keys() - {"immigration_history"}:
        assert ANSWERS[topic]["en"] and ANSWERS[topic]["es"], topic


def test_a_table_entry_may_not_hide_a_space_in_a_character_class() -> None:
    # A space means "any whitespace" in the tables; inside [...] it would not.
    with pytest.raises(ValueError, match="character class"):
        _compile(r"driver[ ]licen[cs]e")
    assert _compile("situación migratoria").search("Situacion\u00a0 migratoria")


# ---------------------------------------------------------------------------
# Questions that ask: English and Spanish, full questions and bare labels
# ---------------------------------------------------------------------------

POSITIVES = {
    "citizenship": [
        ("Are you a U.S. citizen?", "Are you a U.S. citizen"),
        ("Are you a US citizen?", "Are you a US citizen"),
        ("Are you a citizen?", "Are you a citizen"),
        ("What is your citizenship status?", "citizenship status"),
        ("Citizenship", "Citizenship"),
        ("What is your immigration status?", "immigration status"),
        ("What is your legal status in this country?", "legal status"),
        ("Are you documented or undocumented?", "Are you documented or undocumented"),
        ("Do you have a green card?", "green card"),
        ("Visa status", "Visa status"),
        ("What type of visa do you hold?", "type of visa"),
        ("Are you a DACA recipient?", "DACA"),
        ("Have you applied for asylum?", "applied for asylum"),
        ("Are you a naturalized citizen?", "Are you a naturalized citizen"),
        ("Ciudadanía", "Ciudadanía"),
        ("Ciudadania:", "Ciudadania"),
        ("¿Es usted ciudadano?", "Es usted ciudadano"),
        ("¿Es usted ciudadana de los Estados Unidos?", "Es usted ciudadana"),
        ("¿Cuál es su estatus migratorio?", "estatus migratorio"),
        ("Situación migratoria", "Situación migratoria"),
        ("¿Tiene usted la ciudadanía estadounidense?", "Tiene usted la ciudadanía"),
        ("¿Tiene papeles?", "Tiene papeles"),
        ("¿Es residente permanente?", "residente permanente"),
    ],
    "id_number": [
        ("SSN", "SSN"),
        ("What is your Social Security number?", "Social Security number"),
        ("Last 4 of your SSN", "Last 4 of your SSN"),
        ("Please enter the last four digits of your Social Security number",
         "last four digits of your Social Security number"),
        ("ITIN", "ITIN"),
        ("Individual Taxpayer Identification Number", "Individual Taxpayer Identification Number"),
        ("A-number", "A-number"),
        ("Alien registration number", "Alien registration number"),
        ("Passport number", "Passport number"),
        ("Driver's license number", "Driver's license number"),
        ("Driver’s licence #", "Driver’s licence #"),
        ("State ID number", "State ID number"),
        ("Your ID number", "Your ID number"),
        ("ID number:", "ID number"),
        ("Matrícula consular", "Matrícula consular"),
        ("Número de seguro social", "Número de seguro social"),
        ("Últimos 4 dígitos de su seguro social", "Últimos 4 dígitos de su seguro social"),
        ("¿Tiene número de seguro social?", "Tiene número de seguro social"),
        ("Número de pasaporte", "Número de pasaporte"),
        ("Número de licencia de conducir", "Número de licencia de conducir"),
        ("Escriba su ITIN", "ITIN"),
    ],
    "nationality": [
        ("Place of birth", "Place of birth"),
        ("Where were you born?", "Where were you born"),
        ("Country of origin", "Country of origin"),
        ("Country of birth", "Country of birth"),
        ("Nationality", "Nationality"),
        ("What is your national origin?", "national origin"),
        ("Birthplace", "Birthplace"),
        ("Were you born outside the United States?", "Were you born outside the United States"),
        ("What country are you from?", "What country are you from"),
        ("Where was your mother born?", "Where was your mother born"),
        ("País de origen", "País de origen"),
        ("País de nacimiento", "País de nacimiento"),
        ("Lugar de nacimiento", "Lugar de nacimiento"),
        ("Nacionalidad", "Nacionalidad"),
        ("¿Dónde nació?", "Dónde nació"),
        ("¿En qué país nació?", "En qué país nació"),
        ("¿De qué país es usted?", "De qué país es"),
    ],
    "religion": [
        ("What is your religion?", "religion"),
        ("Religion", "Religion"),
        ("Religious affiliation", "Religious affiliation"),
        ("What is your faith?", "your faith"),
        ("Faith", "Faith"),
        ("Which faith do you practise?", "Which faith"),
        ("Do you attend a place of worship?", "place of worship"),
        ("Which church do you attend?", "Which church do you"),
        ("Are you Muslim?", "Are you Muslim"),
        ("Are you part of a faith community?", "faith community"),
        ("Religión", "Religión"),
        ("¿Cuál es su religión?", "religión"),
        ("Afiliación religiosa", "Afiliación religiosa"),
        ("¿Cuál es su fe?", "Cuál es su fe"),
        ("¿A qué iglesia asiste?", "A qué iglesia asiste"),
        ("¿Es usted católico?", "Es usted católico"),
    ],
    "language": [
        ("What language do you speak at home?", "What language do you speak at home"),
        ("Primary language", "Primary language"),
        ("What is your first language?", "first language"),
        ("How well do you speak English?", "How well do you speak English"),
        ("Do you speak English?", "Do you speak English"),
        ("Do you speak a language other than English at home?",
         "language other than English at home"),
        ("LEP", "LEP"),
        ("Limited English proficiency (LEP)", "Limited English proficiency"),
        ("Is English your first language?", "English your first language"),
        ("What language would you prefer?", "What language would you prefer"),
        ("Preferred language", "Preferred language"),
        ("Language", "Language"),
        ("Idioma que habla en casa", "Idioma que habla en casa"),
        ("¿Qué idioma habla en casa?", "Qué idioma habla en casa"),
        ("¿Habla inglés?", "Habla inglés"),
        ("¿Qué tan bien habla usted inglés?", "habla usted inglés"),
        ("Nivel de inglés", "Nivel de inglés"),
        ("Idioma principal", "Idioma principal"),
        ("Lengua materna", "Lengua materna"),
        ("¿Qué idioma prefiere?", "Qué idioma prefiere"),
    ],
    "immigration_history": [
        ("Tell us about your family's journey to this country",
         "your family's journey to this country"),
        ("How long have you lived in the United States?",
         "How long have you lived in the United States"),
        ("When did you come to the US?", "When did you come to the US"),
        ("When did you first arrive in the U.S.?", "When did you first arrive in the U.S."),
        ("What year did you move to this country?", "What year did you move to this country"),
        ("Share your immigration story.", "your immigration story"),
        ("Cuéntenos cómo llegó su familia a este país", "cómo llegó su familia a este país"),
        ("¿Cuánto tiempo lleva viviendo en Estados Unidos?",
         "Cuánto tiempo lleva viviendo en Estados Unidos"),
        ("¿Cuándo llegó a los Estados Unidos?", "Cuándo llegó a los Estados Unidos"),
        ("Año de llegada", "Año de llegada"),
    ],
}
POSITIVE_CASES = [
    pytest.param(topic, text, evidence, id=f"{topic}:{text}")
    for topic, cases in POSITIVES.items()
    for text, evidence in cases
]


@pytest.mark.parametrize(("topic", "text", "evidence"), POSITIVE_CASES)
def test_questions_that_ask_are_flagged_with_their_evidence(
    topic: str, text: str, evidence: str
) -> None:
    flags = {f.topic: f for f in lint_question(text)}
    assert topic in flags, (text, flags)
    flag = flags[topic]
    assert flag.severity == TOPICS[topic]
    assert flag.evidence == evidence
    assert flag.field == "text" and flag.option is None
    assert flag.span is not None and text[flag.span[0] : flag.span[1]] == evidence


def test_each_topic_has_several_english_and_spanish_positives() -> None:
    spanish = re.compile(r"[áéíóúñ¿]|\b(?:su|de|es|que|idioma|lengua)\b", re.IGNORECASE)
    for topic, cases in POSITIVES.items():
        es = [t for t, _ in cases if spanish.search(t)]
        assert len(cases) - len(es) >= 4 and len(es) >= 3, topic


def test_a_flag_uses_the_leftmost_and_then_longest_evidence() -> None:
    assert only("Your SSN (last 4 of your SSN is fine)").evidence == "SSN"
    assert only("Last 4 of your SSN").evidence == "Last 4 of your SSN"
    assert only("Citizenship status").evidence == "Citizenship status"


def test_one_flag_per_topic_in_topic_order_whatever_the_text_order() -> None:
    text = ("What language do you speak at home, what is your religion, where were you born, "
            "what is your SSN and are you a U.S. citizen? Are you undocumented?")
    flags = lint_question(text)
    assert [f.topic for f in flags] == [
        "citizenship", "id_number", "nationality", "religion", "language"]
    assert flags[0].evidence == "are you a U.S. citizen"  # the first of two citizenship phrases
    assert [f.severity for f in flags] == ["error", "error", "warning", "warning", "warning"]


# ---------------------------------------------------------------------------
# Help text and options
# ---------------------------------------------------------------------------


def test_help_text_is_read_like_the_question() -> None:
    text, help_text = "About your household", "Include your citizenship status if you wish."
    flag = only(text, help_text)
    assert (flag.topic, flag.field, flag.evidence) == (
        "citizenship", "help_text", "citizenship status")
    assert flag.span is not None and help_text[flag.span[0] : flag.span[1]] == flag.evidence


def test_the_question_text_comes_before_its_help_and_options() -> None:
    flag = only("Citizenship", "Your immigration status", ("Undocumented",))
    assert (flag.field, flag.evidence) == ("text", "Citizenship")
    flag = only("Which applies to you?", "Your immigration status", ("Undocumented",))
    assert (flag.field, flag.evidence) == ("help_text", "immigration status")


def test_options_that_carry_a_status_are_flagged() -> None:
    options = ("U.S. citizen", "Permanent resident", "Undocumented", "Prefer not to say")
    flag = only("Which applies to you?", options=options)
    assert (flag.topic, flag.severity, flag.field, flag.option, flag.evidence) == (
        "citizenship", "error", "options", 0, "U.S. citizen")
    later = only("Which applies to you?", options=("Prefer not to say", "Undocumented"))
    assert (later.option, later.evidence) == (1, "Undocumented")


OPTION_POSITIVES = [
    ("citizenship", "Permanent resident"),
    ("citizenship", "Green card holder"),
    ("citizenship", "Undocumented"),
    ("citizenship", "Citizen"),
    ("citizenship", "Not a U.S. citizen"),
    ("citizenship", "DACA recipient"),
    ("citizenship", "Refugee"),
    ("citizenship", "Student visa"),
    ("citizenship", "Ciudadano/a"),
    ("citizenship", "Residente permanente"),
    ("citizenship", "Sin papeles"),
    ("citizenship", "Indocumentado"),
    ("id_number", "I have an ITIN"),
    ("id_number", "No SSN"),
    ("id_number", "No tengo seguro social"),
    ("nationality", "Born outside the U.S."),
    ("nationality", "Foreign-born"),
    ("nationality", "Nacido en otro país"),
    ("religion", "Catholic"),
    ("religion", "Muslim"),
    ("religion", "No religion"),
    ("religion", "Católico/a"),
    ("religion", "Evangélico"),
    ("language", "I speak little English"),
    ("language", "English is not my first language"),
    ("language", "No hablo inglés"),
]


@pytest.mark.parametrize(("topic", "option"), OPTION_POSITIVES)
def test_an_option_that_tells_about_the_resident_is_flagged(topic: str, option: str) -> None:
    options = ("Prefer not to say", option)
    flag = only("Which applies to you?", options=options)
    assert (flag.topic, flag.severity, flag.field, flag.option) == (topic, TOPICS[topic], "options", 1)
    assert flag.span is not None and option[flag.span[0] : flag.span[1]] == flag.evidence


def test_an_option_that_only_names_a_kind_of_information_is_not_flagged() -> None:
    # The demo county's own question: picking "SSN or ITIN" says what worries
    # the resident, not what they hold.
    options = ("Immigration or citizenship status", "Health information", "SSN or ITIN",
               "Religion", "None of these")
    assert lint_question("Which kinds of information would worry you most if shared?",
                         options=options) == []


def test_option_values_that_are_not_about_the_resident_stay_silent() -> None:
    options = ("Catholic Charities food bank", "Jewish Community Center", "Senior citizen discount",
               "Visa", "Refugee resettlement program", "English", "Español", "Mexico")
    assert lint_question("Which of these have you used or visited?", options=options) == []


# ---------------------------------------------------------------------------
# Near misses
# ---------------------------------------------------------------------------

NEAR_MISSES = [
    "What is your primary mode of transport?",
    "How often do you use social media?",
    "Which social services have you used?",
    "Do you receive Social Security benefits?",
    "Should we add a security camera at the park?",
    "Have you visited a national park this year?",
    "Will you attend National Night Out?",
    "Is this a nationwide program?",
    "Should the county join the international sister-city program?",
    "I religiously attend meetings of the commission.",
    "Should the library close on religious holidays?",
    "Which faith-based organizations have helped you?",
    "Has this restored your faith in the county?",
    "We act in good faith.",
    "What is your primary reason for visiting?",
    "Did you come to the birthday party in the park?",
    "The language of this survey can be changed at the top of the page.",
    "Would you like to see the English class schedule at the library?",
    "Would you attend English classes at the library?",
    "Did you receive a citation?",
    "Which city do you work in?",
    "Civic engagement matters to me.",
    "Help us identify the problem.",
    "Did the officer show an ID badge?",
    "What was the officer's badge or ID number?",
    "What is your case reference number?",
    "A number of residents asked for longer hours.",
    "Is there a senior citizen discount you use?",
    "Should schools teach digital citizenship?",
    "How long have you lived in Maple County?",
    "How long have you lived at your current address?",
    "When did you come to the library?",
    "What is the legal status of the vacant lot on Main Street?",
    "Do you have legal documents that need translating?",
    "Which church parking lots should open for the farmers market?",
    "Which country would you like the county to learn from?",
    "Would you like this survey in English or Spanish?",
    "Is this information available in your language?",
    "Queremos escuchar a la ciudadanía sobre las cámaras.",
    "¿Recibe beneficios del Seguro Social?",
    "¿Desea recibir esta encuesta en inglés?",
    "Clases de inglés en la biblioteca",
    "¿Cuánto tiempo ha vivido en el condado?",
    "¿Usa las redes sociales?",
    "¿Visitó un parque nacional?",
    "Actuamos de buena fe.",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_stay_silent(text: str) -> None:
    assert lint_question(text) == []


# ---------------------------------------------------------------------------
# The survey's own language is a preference, the resident's language is not
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In which language would you like this survey?",
        "Which language would you like to read this survey in?",
        "What language do you prefer for this survey?",
        "Preferred language for this site",
        "Survey language",
        "¿En qué idioma prefiere ver esta encuesta?",
        "¿En qué idioma quiere contestar el formulario?",
        "Idioma de la encuesta",
    ],
)
def test_a_preference_for_the_surveys_own_language_is_not_flagged(text: str) -> None:
    assert lint_question(text, options=("English", "Español")) == []


@pytest.mark.parametrize(
    "text",
    [
        "What language do you speak at home?",
        "What language would you prefer?",
        "In which language would you like us to contact you?",
        "In which language would you prefer to receive county notices?",
        "Which language do you speak at home, and would you like this survey in it?",
        "¿Qué idioma prefiere?",
        "¿En qué idioma prefiere recibir avisos del condado?",
    ],
)
def test_a_question_about_the_residents_language_is_flagged(text: str) -> None:
    flag = only(text, options=("English", "Español"))
    assert (flag.topic, flag.severity, flag.field) == ("language", "warning", "text")


# ---------------------------------------------------------------------------
# Opinions about a policy, and free text that invites a migration story
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Should the county share immigration status with federal agencies?",
        "Should the U.S. government ask about citizenship on the census?",
        "Do you support legal aid for undocumented residents?",
        "How can the county better serve undocumented residents?",
        "Should the county stop asking for SSNs on permit forms?",
        "Should the library offer services in residents' primary language?",
        "¿Debería el condado compartir el estatus migratorio con ICE?",
        "¿Está de acuerdo con que la policía pregunte la nacionalidad?",
    ],
)
def test_an_opinion_about_a_policy_is_not_a_question_about_the_resident(text: str) -> None:
    assert lint_question(text) == []


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Do you think your immigration status affects your access to services?", "citizenship"),
        ("How important is your religion to you?", "religion"),
        ("Do you support the program? Are you undocumented?", "citizenship"),
        ("Should we know more about you? What is your SSN?", "id_number"),
        ("¿Cree que su situación migratoria afecta su acceso?", "citizenship"),
        ("Resources for undocumented residents", "citizenship"),
    ],
)
def test_an_opinion_frame_does_not_hide_the_respondents_own_status(text: str, topic: str) -> None:
    assert topics(text) == [topic]


def test_migration_story_questions_are_their_own_warning_not_a_citizenship_error() -> None:
    flag = only("Tell us about your family's journey to this country")
    assert (flag.topic, flag.severity) == ("immigration_history", "warning")
    both = lint_question("When did you come to the US, and what is your immigration status?")
    assert [(f.topic, f.severity) for f in both] == [
        ("citizenship", "error"), ("immigration_history", "warning")]


# ---------------------------------------------------------------------------
# Disguises, kinds, types and the CLI row
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("What is your S\u200bSN?", "S\u200bSN"),
        ("ＳＳＮ", "ＳＳＮ"),
        ("CITIZENSHIP STATUS", "CITIZENSHIP STATUS"),
        ("Social\u00a0Security\nnumber", "Social\u00a0Security\nnumber"),
        ("Ciudadani\u0301a", "Ciudadani\u0301a"),
        ("PAÍS DE ORIGEN", "PAÍS DE ORIGEN"),
        ("\ud800 ITIN \udfff", "ITIN"),
    ],
)
def test_disguised_and_odd_text_is_read_and_the_evidence_is_what_was_written(
    text: str, evidence: str
) -> None:
    flag = only(text)
    assert flag.evidence == evidence
    assert flag.span is not None and text[flag.span[0] : flag.span[1]] == evidence


@pytest.mark.parametrize("kind", [None, "single_choice", "short_text", "long_text", "number"])
def test_the_kind_does_not_make_a_question_safe(kind: str | None) -> None:
    flags = lint_question("Place of birth", "", ("Prefer not to say",), kind)
    assert [(f.topic, f.evidence) for f in flags] == [("nationality", "Place of birth")]


def test_wrong_types_are_refused_loudly() -> None:
    with pytest.raises(TypeError):
        lint_question(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sequence of strings"):
        lint_question("Which applies?", options="Undocumented")
    with pytest.raises(TypeError):
        lint_question("Which applies?", options=("Yes", 3))  # type: ignore[list-item]


def test_to_json_row_is_the_cli_contract() -> None:
    flags = lint_question("¿Es usted ciudadano? ¿Habla inglés?")
    assert to_json_row(7, flags) == {
        "row": 7,
        "flags": [
            {"topic": "citizenship", "severity": "error", "evidence": "Es usted ciudadano"},
            {"topic": "language", "severity": "warning", "evidence": "Habla inglés"},
        ],
    }
    assert to_json_row(1, []) == {"row": 1, "flags": []}


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

TRICKY = ["\u200b", "\u202e", "\ufeff", "\u00ad", "\u0301", "\ud800", "\udfff", "Ｓ", "¿", "?",
          ".", "\n", " ", "'", "’", "/"]
# Whole phrases, and the words the matcher treats specially, glued with junk.
PHRASES = ([text for cases in POSITIVES.values() for text, _ in cases] + NEAR_MISSES
           + ["your ", "Should ", "U.S.", "/a", "this survey", "¿En qué idioma "])
any_char = st.one_of(st.characters(), st.sampled_from(TRICKY))
piece = st.one_of(st.text(any_char, max_size=12), st.sampled_from(PHRASES))
field = st.lists(piece, max_size=5).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(field, field, st.lists(field, max_size=4))
def test_linting_never_raises_and_evidence_is_always_the_text_at_its_span(
    text: str, help_text: str, options: list[str]
) -> None:
    flags = lint_question(text, help_text, options)
    assert [f.topic for f in flags] == [t for t in TOPICS if t in {f.topic for f in flags}]
    for flag in flags:
        assert flag.severity == TOPICS[flag.topic]
        source = field_of(flag, text, help_text, tuple(options))
        assert flag.span is not None
        start, end = flag.span
        assert 0 <= start < end <= len(source)
        assert source[start:end] == flag.evidence and flag.evidence in source
    assert lint_question(text, help_text, options) == flags  # deterministic


@SETTINGS
@given(field, st.sampled_from([c for c in POSITIVE_CASES]), field)
def test_a_question_that_asks_is_flagged_whatever_surrounds_it(
    before: str, case: object, after: str
) -> None:
    topic, question, _ = case.values  # type: ignore[attr-defined]
    text = f"{before}\n{question}\n{after}"
    assert topic in topics(text)
