"""Survey questions that would build lists of vulnerable residents (DESIGN §2.5).

A county survey must not ask residents for their citizenship or immigration
status, a government id number, their nationality, religion or language
without saying why. The survey builder runs :func:`lint_question` on every
save and publishes a flagged question only with a written justification that
residents read beside it; ``portal surveys lint`` runs it over a CSV of drafts
and prints :func:`to_json_row` for each.

The rules are data, in the tables below (:data:`ASKS`, :data:`ANSWERS`,
:data:`NOT_ASKING`, :data:`OPINION_FRAMES`), in English and Spanish; the
matcher after them is small. A table entry is a regular expression with three
conveniences: a space means any run of whitespace, an apostrophe means any
apostrophe (``'``, ``’``, ``ʼ``), and accents are optional ("situación
migratoria" matches "situacion migratoria"), because entries and texts are
both folded the way :mod:`moderation.profanity` folds them. Matching ignores
case, except inside ``(?-i:…)`` (``LEP``, ``TIN``, ``US`` — not "us"); a match
never starts or ends inside a word. Texts are read through
:func:`moderation.textview.view`, so invisible characters, full-width letters
and decomposed accents do not hide a phrase, and the evidence is always the
exact text staff wrote. Leetspeak is not undone: questions are written by
staff, not by someone dodging a filter, and digits in them mean what they say
("last 4 of your SSN").

How a question is read
----------------------

* The question text and its help text are read with :data:`ASKS`: the phrases
  that ask for, or name, a topic ("citizenship status", "Place of birth",
  "¿Habla inglés?", "SSN"). A label alone on its line counts ("País de
  origen"), including words that are ambiguous in a sentence ("Ciudadanía",
  "Faith", "Language").
* Each option is read with :data:`ANSWERS`: the values that tell something
  about the resident who picks them ("U.S. citizen", "Permanent resident",
  "Undocumented", "Catholic", "Born outside the U.S.", "I speak little
  English"). An option that only *names* a kind of information — "Immigration
  or citizenship status" under "Which information would worry you most if
  shared?" — says nothing about the resident and is not flagged. Language
  names and country names as options are not flagged on their own: a list of
  languages is also how a survey offers translations; the question text
  decides.
* One flag per topic, in :data:`TOPICS` order. Its evidence is the first match
  in reading order — question text, help text, then the options in order —
  and, of the matches starting at the same place, the longest (so "last 4 of
  your SSN" rather than "SSN").
* ``kind`` is accepted so callers can pass a question as stored, but no rule
  depends on it: "Place of birth" asks the same as a short text, a choice or a
  number.

Decisions
---------

* **A preference for the survey's own language is not a language question.**
  "In which language would you like this survey?" and "¿En qué idioma prefiere
  ver esta encuesta?" only set the interface language, which the portal offers
  anyway, so they are not flagged (:data:`NOT_ASKING`). That holds only when
  the preference is for this survey, form, page or site: "What language would
  you prefer?", "In which language would you like to receive county notices?"
  and "What language do you speak at home?" record the resident's language and
  are flagged.
* **Free-text invitations to tell a migration story** — "Tell us about your
  family's journey to this country", "How long have you lived in the United
  States?", "When did you come to the US?", "Cuéntenos cómo llegó su familia a
  este país" — are their own topic, ``immigration_history``, a *warning*: they
  do not ask for a status, but the answers reveal one. A separate topic keeps
  each topic's severity fixed (``citizenship`` is always an error).
* **Opinions about a policy are not questions about the resident.** A sentence
  that opens as an opinion question ("Should the county share immigration
  status with federal agencies?", "¿Está de acuerdo con…?", see
  :data:`OPINION_FRAMES`) mentions a topic without collecting it, and the
  portal exists to hear exactly those opinions — unless the phrase belongs to
  the respondent ("Do you think *your* immigration status…", "¿… *su*
  religión?"), which is flagged. Outside such a sentence, strong phrases are
  flagged wherever they appear ("Resources for undocumented residents"):
  staff either rephrase or write one sentence of justification.
* **Near misses stay silent**: "primary mode of transport", "social media",
  "Which social services have you used?", "Do you receive Social Security
  benefits?" (a benefit, not a number), "security camera", "national park",
  "National Night Out", "nationwide", "international", "birthday party",
  "religiously" as an adverb, "religious holidays", "faith-based
  organizations", "in good faith", "the language of this survey", an English
  class schedule at the library (interest in a service is not a statement
  about oneself), "Senior citizen", "good/digital citizenship", "participación
  de la ciudadanía" (Spanish for public participation), "citation", "city",
  "civic", "identify the problem", "A number of residents…", "How long have
  you lived in the county?", and an officer's badge or ID number (the
  officer's id, not the resident's: only *your* id number, a government or
  state id number, or a label "ID number" alone is flagged).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from moderation.profanity import _FOLD
from moderation.textview import TextView, view

#: Every topic, in the order flags are returned, with its severity. An
#: ``error`` needs a justification naming the law that requires the question;
#: a ``warning`` needs a justification residents can read.
TOPICS: dict[str, str] = {
    "citizenship": "error",  # citizenship or immigration status
    "id_number": "error",  # SSN, ITIN, A-number, passport, driver licence, other government id
    "nationality": "warning",  # nationality, country or place of birth, country of origin
    "religion": "warning",
    "language": "warning",  # primary or home language, English proficiency
    "immigration_history": "warning",  # free text inviting a migration story
}

#: What each topic means, for messages to staff.
DESCRIPTIONS: dict[str, str] = {
    "citizenship": "citizenship or immigration status",
    "id_number": "a Social Security, taxpayer, immigration or other government id number",
    "nationality": "nationality or country or place of birth",
    "religion": "religion",
    "language": "the language a resident speaks, or how well they speak English",
    "immigration_history": "when or how a resident came to the United States",
}

SEVERITIES = ("error", "warning")

# --------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------

#: Placeholders the tables use for "the United States" in each language.
PLACES: dict[str, str] = {
    "<US>": r"(?:the )?(?:(?-i:U\.\s*S\.(?:\s*A\.)?|USA\b|US\b)|united states(?: of america)?"
    r"|america|this country)",
    "<EEUU>": r"(?:los )?(?:estados unidos|EE\.?\s*UU\.?|(?-i:EUA|USA)\b|este pais|norteamerica)",
}

_CITIZEN = r"(?:(?-i:U\.\s*S\.|US\b)\s*|american |united states )"
_RELIGIONS_EN = (
    r"(?:roman )?catholic|protestant|christian|evangelical(?: christian)?"
    r"|orthodox(?: christian| jewish)?|muslim|islam|jewish|judaism|jew|hindu|hinduism|buddhist"
    r"|buddhism|sikh|sikhism|mormon|latter-day saints?|jehovah's witness|baptist|methodist"
    r"|lutheran|pentecostal|presbyterian|episcopalian|quaker|baha'i|bahai|atheist|agnostic"
    r"|no religion|other religion|spiritual but not religious"
)
_RELIGIONS_ES = (
    r"catolic[oa]|cristian[oa]|evangelic[oa]|protestante|musulman[a]?|judi[oa]|hindu|budista"
    r"|mormon[a]?|testigo de jehova|pentecostal|bautista|ate[oa]|agnostic[oa]|sin religion"
    r"|ninguna religion|otra religion"
)


#: Spanish labels written for both genders: "Ciudadano/a", "Católico(a)".
_GENDER = r"(?:\s*/\s*(?:[oa]s?|as|os)|\s*\([oa]s?\))?"


def _label(words: str) -> str:
    """A line that is nothing but ``words`` (and punctuation): "País de origen:"."""
    return rf"(?m:^)[^\w\n]*(?P<ev>{words})[^\w\n]*(?m:$)"


#: Phrases that ask for, or name, a topic: read in question text and help text.
ASKS: dict[str, dict[str, tuple[str, ...]]] = {
    "citizenship": {
        "en": (
            (r"(?<!good\s)(?<!digital\s)(?<!corporate\s)(?<!global\s)(?<!responsible\s)"
             r"(?<!active\s)(?<!civic\s)citizenship(?: status)?"),
            rf"are you (?:an? )?(?:naturali[sz]ed )?{_CITIZEN}?citizens?",
            rf"{_CITIZEN}citizens?",
            r"non-?\s*citizens?|naturali[sz](?:ed|ation)",
            (r"(?:immigration|immigrant|migration|migratory|visa|DACA|TPS|refugee|asylum"
             r"|documentation|citizen|naturali[sz]ation) status"),
            r"legal (?:immigration |residency |resident )?status(?! of (?:the|a|an|this|that|its)\b)",
            (r"are you (?:un)?documented(?: or (?:un)?documented)?"
             r"|(?:un)?documented or undocumented|undocumented"),
            (r"immigration (?:papers|documents|documentation)|legal papers"
             r"|do you have (?:legal |valid )?papers"),
            r"green card|permanent resident card|lawful(?:ly)? permanent residents?|(?-i:LPRs?)",
            r"(?:lawfully|legally) (?:present|admitted|here|in the country)|here legally",
            r"(?:type|kind) of visa|(?:what|which) visa|visa (?:type|category)",
            r"(?-i:DACA|TPS)|temporary protected status",
            r"(?:are|were) you (?:an? )?(?:immigrant|migrant|refugee|asylee|asylum seeker|alien)",
            r"asylees?|asylum seekers?|(?:applied for|apply for|seeking|sought|granted) asylum",
            r"(?:illegal|unauthori[sz]ed) (?:aliens?|immigrants?|migrants?|status)",
        ),
        "es": (
            r"(?:su|tu) ciudadania",
            r"ciudadania (?:estadounidense|americana|norteamericana|de (?:los )?estados unidos)",
            (r"(?:estatus|estado|status|situacion|condicion|prueba|comprobante|certificado)"
             r" de ciudadania"),
            r"(?:tiene|tienes|obtuvo|obtuviste) (?:usted )?(?:la )?ciudadania",
            _label("ciudadania"),
            r"(?:es|eres) (?:usted )?ciudadan[oa]",
            (r"ciudadan[oa]s? (?:estadounidenses?|american[oa]s?|norteamerican[oa]s?"
             r"|de (?:los )?estados unidos)"),
            r"no ciudadan[oa]s?",
            (r"(?:estatus|estado|status|situacion|condicion|calidad) (?:migratori[oa]"
             r"|inmigratori[oa]|de inmigracion)"),
            (r"(?:estatus|status|situacion|condicion) legal"
             r"(?! de (?:la|el|los|las|un|una|este|esta)\b)"),
            r"(?:residente|residencia) (?:legal )?permanente|tarjeta (?:verde|de residen(?:te|cia))",
            r"(?:tiene|tienes|tengan?) papeles|sin papeles|indocumentad[oa]s?",
            r"(?:documentos|papeles) (?:migratorios|de inmigracion)",
            r"(?:es|eres) (?:usted )?(?:inmigrante|migrante|refugiad[oa]|asilad[oa])",
            r"(?:tipo|clase) de visa|(?:estatus|estado) de (?:su )?visa",
            r"(?:solicitado|solicito|pedido|pidio|obtenido|obtuvo) asilo|solicitantes? de asilo",
        ),
    },
    "id_number": {
        "en": (
            (r"last (?:4|four) (?:digits )?(?:of )?(?:your |the )?(?:ssn|social security"
             r"(?: number| no\.?| #)?|social)"),
            r"ssns?|(?-i:SS)\s*(?:#|No\.)",
            r"social security (?:numbers?|no\.?|#|cards?)|soc\.?\s*sec\.?(?: no\.?| #| number)?",
            (r"itins?|individual taxpayer identification numbers?"
             r"|taxpayer (?:id|identification) (?:number|no\.?|#)|(?-i:TIN)"),
            r"a[-‐‑](?:number|num|no\.?)|(?-i:A)#",
            r"alien (?:registration(?: number| no\.?| #)?|number|no\.?|#|id|file)|(?-i:USCIS) (?:number|no\.?|#)",
            r"(?:green card|permanent resident card|visa|I-?94|alien) (?:number|no\.?|#)",
            r"passport (?:numbers?|no\.?|#|id)",
            r"driver'?s? licen[cs]e (?:numbers?|no\.?|#)|(?-i:DL)\s*#|(?-i:DLN)",
            (r"(?:state|government|gov't|govt|federal|tribal|consular|national|photo|military)"
             r"[-‐‑\s]?(?:issued )?(?:id|identification)(?: card)? (?:number|no\.?|#)"),
            r"(?:your|an?) (?:id|identification)(?: card)? (?:number|no\.?|#)",
            _label(r"(?:id|identification) (?:number|no\.?|#)"),
            r"matricula consular",
        ),
        "es": (
            (r"ultimos (?:4|cuatro) (?:digitos )?(?:de(?:l)? )?(?:su |tu )?(?:numero de )?"
             r"seguro social"),
            r"numero de(?:l)? seguro social",
            r"(?:tiene|tienes|cuenta con) (?:un )?(?:numero de )?seguro social",
            r"numero de identificacion (?:personal )?(?:de(?:l)? )?contribuyente",
            (r"numero de (?:pasaporte|licencia(?: de (?:conducir|manejar|manejo))?|extranjero"
             r"|registro de extranjero|identificacion(?: oficial| personal)?|(?-i:ID|ITIN|SSN))"),
            r"numero (?-i:A)",
        ),
    },
    "nationality": {
        "en": (
            r"nationalit(?:y|ies)|national origin",
            r"(?:country|place|nation) of (?:birth|origin|citizenship)",
            r"birth\s*place|birth country",
            r"where (?:were you|was your \w+|were your \w+|was (?:he|she)|were they) born",
            r"(?:were|was) (?:you|your \w+) born (?:in|outside(?: of)?) <US>",
            r"born (?:in|outside(?: of)?) (?:another|a foreign|a different|which|what) country",
            r"born outside(?: of)? <US>|born abroad|foreign[-‐‑\s]?born",
            r"(?:what|which) country[\w\s]{0,30}?\b(?:from|born)",
            r"country (?:your|you) (?:family |parents |ancestors )?(?:came|come) from",
        ),
        "es": (
            r"nacionalidad(?:es)?|origen nacional",
            r"pais (?:de )?(?:origen|nacimiento|procedencia)|lugar de (?:nacimiento|origen)",
            r"(?:donde|en que pais|en que lugar) (?:nacio|naciste|nacieron)",
            r"naci(?:o|ste|eron) (?:usted )?(?:en|fuera de) (?:<EEUU>|otro pais|el extranjero)",
            r"de (?:que|cual) pais (?:es|son|eres|viene|vienen|vino|proviene|provienen)",
        ),
    },
    "religion": {
        "en": (
            r"religions?",
            (r"religious (?:affiliations?|beliefs?|preferences?|identity|background|traditions?"
             r"|denominations?|practices?|groups?|communit(?:y|ies)|views|faith|services)"),
            r"(?:are you|how) religious",
            r"(?:what|which) (?:faith(?![-‐‑\s]*based)|denomination)",
            (r"(?:what|which) (?:church|mosque|synagogue|temple|congregation|parish)"
             r" (?:do|does|did) (?:you|your)"),
            r"(?:your|religious) (?:faith(?! in\b)|denomination)",
            (r"faith (?:traditions?|communit(?:y|ies)|groups?|affiliations?|background|identity"
             r"|practices?)|(?:person|people) of faith"),
            r"(?:place|house)s? of worship",
            (r"(?:do|does) (?:you|your \w+|anyone in your \w+) (?:regularly )?(?:attend|belong to"
             r"|go to|practi[cs]e) (?:a |any )?(?:church|mosque|synagogue|temple|religious"
             r"|religion|faith|congregation|worship)"),
            rf"(?:are you|I am|I'm) (?:an? )?(?:{_RELIGIONS_EN})",
            _label(r"faith|denomination"),
        ),
        "es": (
            r"religion(?:es)?",
            (r"(?:afiliacion|creencias?|preferencia|identidad|practicas?|denominacion|comunidad"
             r"|tradicion) religios[oa]s?"),
            r"(?:su|tu|que|cual es su|cual es tu) fe(?! en\b)",
            r"comunidad(?:es)? de fe|lugar(?:es)? de culto|casa de oracion",
            (r"(?:a que|que|cual) (?:iglesia|mezquita|sinagoga|templo|congregacion|parroquia)"
             r" (?:asiste|asisten|va|van|pertenece|pertenecen)"),
            (r"(?:asiste|asisten|va|van|pertenece) (?:usted )?(?:a )?(?:la |una |alguna )?"
             r"(?:iglesia|misa|mezquita|sinagoga|templo|servicios religiosos|congregacion)"),
            rf"(?:es|eres) (?:usted )?(?:{_RELIGIONS_ES}|religios[oa]|creyente)",
            _label(r"fe|credo"),
        ),
    },
    "language": {
        "en": (
            (r"(?:primary|first|native|main|home|preferred|usual|dominant) languages?"
             r"|language preferences?|(?:mother|native) tongue"),
            r"(?:(?:what|which) )?languages?\b[\w\s]{0,40}?\b(?:at|in (?:your|the)) home",
            r"languages? other than English",
            r"(?:what|which) languages? (?:do|does|did|can|are|is) (?:you|your|anyone|everyone)",
            r"(?:what|which) languages? (?:is|are) (?:spoken|used)",
            r"(?:what|which) languages? would you (?:like|prefer)",
            (r"(?:how well )?(?:do|can|does|did) (?:you|your \w+|anyone in your \w+)"
             r" (?:speak|read|write|understand) (?:English|Spanish|another language"
             r"|any other language)"),
            r"how well (?:do|can|does) (?:you|your \w+) (?:speak|read|write|understand)",
            (r"English (?:proficiency|fluency|level|skills|abilit(?:y|ies)|language (?:proficiency"
             r"|skills|ability|level|learners?))|English learners?"),
            r"(?:proficiency|fluency|fluent) in English|(?:your|level of) English",
            r"limited English(?: proficiency| proficient| speakers?)?|(?-i:LEP)",
            r"English (?:is )?your (?:first|second|native|primary|main)(?: language)?",
            _label(r"languages?(?: spoken)?"),
        ),
        "es": (
            (r"idiomas? (?:principal(?:es)?|matern[oa]s?|nativos?|preferidos?|de preferencia|natal"
             r"|del hogar)|lengua (?:materna|nativa|principal|natal)|primer(?:a)? (?:idioma|lengua)"),
            (r"(?:que|cual|cuales) (?:idiomas?|lenguas?) (?:habla|hablan|hablas|usa|usan|se habla"
             r"|se hablan|prefiere|prefieres|domina)"),
            (r"(?:(?:que|cual|cuales) )?(?:idiomas?|lenguas?)\b[\w\s]{0,40}?\ben (?:su |tu |la |el )?"
             r"(?:casa|hogar)"),
            (r"(?:habla|hablan|hablas|lee|leen|escribe|entiende|entienden|domina) (?:usted |ustedes )?"
             r"(?:el )?ingles"),
            r"(?:nivel|dominio|conocimiento|manejo) (?:de |del )?ingles|ingles (?:limitado|basico)",
            _label(r"idiomas?|lenguas?"),
        ),
    },
    "immigration_history": {
        "en": (
            r"(?:your (?:\w+'?s? )?)?(?:journey|path|trip|migration|move) to <US>",
            r"(?:your (?:\w+'?s? )?)?(?:migration|immigration) (?:story|journey|history|experience)",
            r"how long have you (?:lived|been living|been|resided) in <US>",
            r"how many years have you (?:lived|been living|been) in <US>",
            (r"(?:when|what year|why|how) did (?:you|your \w+) (?:first )?(?:come|move|arrive"
             r"|immigrate|migrate|emigrate|get) (?:to|in) <US>"),
            r"(?:since|when|before) you (?:came|arrived|moved|immigrated) (?:to|in) <US>",
            r"year (?:of (?:arrival|entry|immigration)|you (?:arrived|came|entered))",
            r"did you (?:immigrate|migrate)|(?:entered|entry into) <US>",
        ),
        "es": (
            (r"como (?:llego|llegaron|llegaste|vino|vinieron|viniste) (?:usted |su familia |tu "
             r"familia |sus padres )?a <EEUU>"),
            (r"(?:cuanto tiempo|cuantos a[ñn]os) (?:lleva|tiene|ha vivido|ha estado|hace que vive)"
             r"(?: usted)?(?: viviendo)? en <EEUU>"),
            r"cuando (?:llego|vino|emigro|inmigro|entro)(?: usted| su familia)? a <EEUU>",
            r"a[ñn]o de (?:llegada|entrada|ingreso)",
            r"(?:historia|experiencia) (?:de )?(?:migracion|inmigracion|migratoria)",
            r"(?:su|tu) (?:viaje|camino) (?:a|hasta) <EEUU>",
        ),
    },
}

#: Values that tell something about the resident who picks them: read in options.
ANSWERS: dict[str, dict[str, tuple[str, ...]]] = {
    "citizenship": {
        "en": (
            rf"{_CITIZEN}citizen|naturali[sz]ed(?: citizen)?|non-?\s*citizen",
            rf"not an? {_CITIZEN}?citizen|(?:I am|I'm) an? {_CITIZEN}?citizen",
            _label(r"citizen|documented"),
            r"(?:lawful |legal )?permanent residents?|green card(?: holder)?|(?-i:LPR)",
            r"undocumented(?: immigrant)?|(?:no|without) (?:legal )?(?:status|papers|documents)",
            r"(?-i:DACA|TPS)(?: recipient| holder)?|dreamer|temporary protected status",
            _label(r"refugee|asylee|asylum seeker|immigrant|migrant"),
            r"refugee(?: or |/)asylee|asylee|asylum (?:seeker|pending|applicant)|granted asylum",
            r"(?:I am|I'm) an? (?:immigrant|migrant|refugee|asylee)",
            (r"visa holder|on an? (?:\w+ )?visa|(?:work|student|tourist|temporary|H-?1B|H-?2[AB]"
             r"|F-?1|J-?1|(?-i:[UT])) visa|visa (?:status|overstay)"),
        ),
        "es": (
            (r"ciudadan[oa] (?:estadounidense|american[oa]|de (?:los )?estados unidos"
             r"|naturalizad[oa]|por nacimiento|por naturalizacion)"),
            _label(rf"(?:ciudadan[oa]|inmigrante|migrante|refugiad[oa]|asilad[oa]){_GENDER}"),
            r"(?:no )?soy ciudadan[oa]|no ciudadan[oa]|naturalizad[oa]",
            (r"(?:residente|residencia) (?:legal )?permanente|tarjeta verde"
             r"|tarjeta de residen(?:te|cia)"),
            r"indocumentad[oa]|sin (?:papeles|documentos|estatus(?: legal| migratorio)?)",
            (r"solicitante de asilo|asilo (?:pendiente|politico)|soy (?:inmigrante|migrante"
             r"|refugiad[oa]|asilad[oa])"),
            r"con visa|visa de (?:trabajo|estudiante|turista)|(?:titular|portador) de (?:una )?visa",
        ),
    },
    "id_number": {
        "en": (
            (r"(?:I have|I don't have|I do not have|no|without) (?:an? )?(?:ssn|itin"
             r"|social security (?:number|card))"),
        ),
        "es": (r"(?:tengo|no tengo|sin) (?:numero de )?(?:seguro social|itin)",),
    },
    "nationality": {
        "en": (
            r"born (?:in|outside(?: of)?) (?:<US>|another country|a foreign country)|born abroad",
            r"(?:foreign|native|(?-i:U\.\s*S\.|US))[-‐‑\s]?born",
        ),
        "es": (
            r"naci(?:do|da|dos|das)? (?:en|fuera de) (?:<EEUU>|otro pais|el extranjero)",
        ),
    },
    "religion": {
        "en": (
            _label(rf"(?:{_RELIGIONS_EN})"),
            rf"(?:I am|I'm) (?:an? )?(?:{_RELIGIONS_EN})",
        ),
        "es": (
            _label(rf"(?:{_RELIGIONS_ES}){_GENDER}"),
            rf"soy (?:{_RELIGIONS_ES})",
        ),
    },
    "language": {
        "en": (
            (r"(?:I )?(?:speak|read|understand) (?:little|some|no|limited|basic) English"
             r"|(?:little|limited|no|basic) English|English is not my (?:first|primary|native|main)"
             r" language|(?:not|non)[-‐‑\s]?(?:fluent|proficient) in English"
             r"|non-?\s*English speaker"),
        ),
        "es": (
            (r"no (?:hablo|entiendo|leo) ingles|(?:hablo|entiendo|leo) (?:poco|un poco de|algo de)"
             r" ingles|ingles (?:limitado|basico)|el ingles no es mi (?:primer|primera)"
             r" (?:idioma|lengua)"),
        ),
    },
    "immigration_history": {"en": (), "es": ()},
}

#: Phrasings that contain a topic's words but do not ask about the resident:
#: a match of that topic lying inside one of these is dropped. The only one is
#: the survey's own interface language (see the module docstring). The gap
#: may not mention speaking or home, so "Which language do you speak at home,
#: and would you like this survey in it?" is still flagged.
NOT_ASKING: dict[str, tuple[str, ...]] = {
    "language": (
        (r"(?:(?:what|which) languages?|preferred languages?|language preferences?)"
         r"(?:(?!speak|spoken|home)[^.,;:?!\n]){0,40}?"
         r"\b(?:this|the|our) (?:survey|questionnaire|form|site|website|web site|web page|page"
         r"|portal|app)"),
        r"(?:survey|questionnaire|form|site|website|display|interface) language",
        r"language (?:of|for) (?:this|the) (?:survey|questionnaire|form|site|website|page|portal)",
        (r"(?:(?:que|cual) idioma|idioma (?:preferido|de preferencia))"
         r"(?:(?!habla|casa|hogar)[^.,;:?!\n]){0,40}?"
         r"\b(?:esta|este|la|el|nuestra|nuestro) (?:encuesta|formulario|cuestionario|sitio"
         r"|sitio web|pagina|portal|aplicacion)"),
        (r"idioma (?:de|del|para) (?:esta |la |este |el )?(?:encuesta|formulario|cuestionario"
         r"|sitio|pagina|portal)"),
    ),
}

#: How an opinion question about a policy opens. A topic phrase in a sentence
#: that opens like this is a mention, not a question about the resident —
#: unless it belongs to the respondent (see :data:`SELF`).
OPINION_FRAMES: tuple[str, ...] = (
    r"should|must the|would you (?:support|oppose|favou?r|agree|want)",
    r"do you (?:support|oppose|favou?r|agree|disagree|think|believe|feel|want the)",
    (r"how (?:important|concerned|worried|comfortable|strongly|satisfied|much do you"
     r"|do you feel|should|can the|could the|can we|could we)"),
    (r"to what extent|what do you think|what is your opinion|in your opinion|please rate"
     r"|what should (?:the|we|our)"),
    (r"deberia|deberian|debe el|debe la|debemos|(?:esta|estas|estaria) (?:usted )?de acuerdo"
     r"|apoya|apoyaria|(?:que|como) (?:opina|piensa)|cree (?:usted )?que|en su opinion"
     r"|que tan (?:importante|preocupad[oa]|comod[oa]|de acuerdo|satisfech[oa])|le preocupa"
     r"|hasta que punto|en que medida|como (?:deberia|podria)|que deberia"),
)

#: Words that tie a topic phrase to the respondent when they come just before
#: it ("your immigration status", "su religión").
SELF = frozenset(
    {"your", "yours", "my", "our", "su", "sus", "tu", "tus", "mi", "mis", "nuestro", "nuestra",
     "nuestros", "nuestras"}
)
#: How many words before a phrase are read for :data:`SELF`.
SELF_REACH = 3

# --------------------------------------------------------------------------
# The flag
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuestionFlag:
    """One topic a question asks about.

    ``evidence`` is the exact text that raised it; ``field`` says where it is
    (``"text"``, ``"help_text"`` or ``"options"``, then ``option`` is the
    option's index) and ``span`` its ``(start, end)`` offsets in that field,
    so that ``field_value[start:end] == evidence``. :func:`lint_question`
    always sets ``span``.
    """

    topic: str
    severity: str  # "error" | "warning"
    evidence: str
    field: str = "text"
    option: int | None = None
    span: tuple[int, int] | None = None


# --------------------------------------------------------------------------
# The matcher
# --------------------------------------------------------------------------

_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
_APOSTROPHE = "['\u2019\u02bc]"
_SENTENCE_END = re.compile(r"[?!¿¡;\n]|(?<!\b[A-Z])\.(?=\s|$)")
_WORD_EDGE = r"[^\W\d_]"  # a letter: matches may not start or end beside one


def _compile(entry: str) -> re.Pattern[str]:
    """One table entry as a regular expression (see the module docstring)."""
    for cls in _CLASS.findall(entry):
        if " " in cls or "'" in cls:
            raise ValueError(f"inside a character class, write \\s for a space and list "
                             f"apostrophes one by one: {entry!r}")
    pattern = entry.translate(_FOLD)
    for name, value in PLACES.items():
        pattern = pattern.replace(name, value)
    pattern = pattern.replace("'", _APOSTROPHE).replace(" ", r"\s+")
    return re.compile(rf"(?<!{_WORD_EDGE})(?:{pattern})(?!{_WORD_EDGE})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Rules:
    asks: dict[str, tuple[re.Pattern[str], ...]]
    answers: dict[str, tuple[re.Pattern[str], ...]]
    not_asking: dict[str, tuple[re.Pattern[str], ...]]
    opinion: re.Pattern[str]


def _by_topic(
    table: Mapping[str, Mapping[str, tuple[str, ...]]],
) -> dict[str, tuple[re.Pattern[str], ...]]:
    unknown = set(table) - set(TOPICS)
    if unknown:
        raise ValueError(f"rules for unknown topics: {sorted(unknown)}")
    return {
        topic: tuple(_compile(e) for entries in table.get(topic, {}).values() for e in entries)
        for topic in TOPICS
    }


@cache
def _rules() -> _Rules:
    """Compile the tables once, on first use (a few hundred expressions)."""
    frames = "|".join(f"(?:{f})" for f in OPINION_FRAMES)
    return _Rules(
        asks=_by_topic(ASKS),
        answers=_by_topic(ANSWERS),
        not_asking={
            topic: tuple(_compile(e) for e in entries) for topic, entries in NOT_ASKING.items()
        },
        opinion=_compile(rf"[\s\W]*(?:{frames})"),  # matched at a sentence's start
    )


@dataclass(frozen=True, slots=True)
class _Folded:
    """``text`` is the analysis text: :func:`view`'s, accents folded, combining
    marks dropped; ``keep[i]`` is the index in ``view.text`` of ``text[i]``."""

    view: TextView
    text: str
    keep: list[int] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.keep is not None:
            start, end = self.keep[start], self.keep[end - 1] + 1
        return self.view.to_original(start, end)


def _fold(text: str) -> _Folded:
    tv = view(text)
    folded = tv.text.translate(_FOLD)  # one character for one: offsets unchanged
    if folded.isascii() or not any(unicodedata.combining(c) for c in folded):
        return _Folded(tv, folded, None)
    # "ciudadani\u0301a": a decomposed accent is read as no accent.
    keep = [i for i, c in enumerate(folded) if not unicodedata.combining(c)]
    return _Folded(tv, "".join(folded[i] for i in keep), keep)


def _is_opinion(text: str, start: int, rules: _Rules) -> bool:
    """Whether the sentence holding ``start`` is an opinion question about a
    policy, and the words just before ``start`` do not make the phrase the
    respondent's own."""
    sentence = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        sentence = m.end()
    if not rules.opinion.match(text, sentence):
        return False
    before = text[sentence:start].lower().split()[-SELF_REACH:]
    return not any(word.strip("¿¡\"'“”(),") in SELF for word in before)


def _first(folded: _Folded, patterns: tuple[re.Pattern[str], ...], topic: str,
           asking: bool, rules: _Rules) -> tuple[int, int] | None:
    """The leftmost (then longest) acceptable match of ``topic`` in analysis offsets."""
    text = folded.text
    exempt: list[tuple[int, int]] | None = None
    best: tuple[int, int] | None = None
    for pattern in patterns:
        for m in pattern.finditer(text):
            start, end = m.span("ev") if "ev" in pattern.groupindex else m.span()
            if start == end or (best is not None and (start, -end) >= (best[0], -best[1])):
                break
            if asking:
                if exempt is None:
                    exempt = [x.span() for x in _exemptions(text, topic, rules)]
                if any(s <= start and end <= e for s, e in exempt):
                    continue
                if _is_opinion(text, start, rules):
                    continue
            best = (start, end)
            break
    return best


def _exemptions(text: str, topic: str, rules: _Rules) -> list[re.Match[str]]:
    return [m for p in rules.not_asking.get(topic, ()) for m in p.finditer(text)]


def lint_question(
    text: str,
    help_text: str = "",
    options: Sequence[str] = (),
    kind: str | None = None,
) -> list[QuestionFlag]:
    """The sensitive topics a survey question asks about, one flag per topic.

    Flags come in :data:`TOPICS` order; each carries the first evidence in
    reading order (text, help text, options). Never raises on strings,
    whatever they contain. ``kind`` is accepted and not read (see the module
    docstring).
    """
    if not isinstance(text, str):
        raise TypeError(f"lint_question() takes the question as a str, not {type(text).__name__}")
    if isinstance(options, str):
        raise TypeError("options is a sequence of strings, not one string")
    fields: list[tuple[str, int | None, Any]] = [("text", None, text),
                                                 ("help_text", None, help_text or "")]
    fields += [("options", i, option) for i, option in enumerate(options)]
    rules = _rules()
    found: dict[str, QuestionFlag] = {}
    for field, index, value in fields:
        if not isinstance(value, str):
            raise TypeError(f"{field} must be str, not {type(value).__name__}")
        if not value.strip():
            continue
        asking = field != "options"
        table = rules.asks if asking else rules.answers
        folded = _fold(value)
        for topic, patterns in table.items():
            if topic in found or not patterns:
                continue
            hit = _first(folded, patterns, topic, asking, rules)
            if hit is not None:
                start, end = folded.to_original(*hit)
                found[topic] = QuestionFlag(topic, TOPICS[topic], value[start:end], field,
                                            index, (start, end))
    return [found[topic] for topic in TOPICS if topic in found]


def to_json_row(row: int, flags: Sequence[QuestionFlag]) -> dict[str, Any]:
    """One line of ``portal surveys lint`` output (DESIGN §3, CLI contract):
    ``{"row": n, "flags": [{"topic", "severity", "evidence"}, ...]}``."""
    return {
        "row": row,
        "flags": [{"topic": f.topic, "severity": f.severity, "evidence": f.evidence}
                  for f in flags],
    }
