"""Which language a comment is written in: ``"en"``, ``"es"`` or ``"und"``.

The portal serves residents in English and Spanish (DESIGN §1); the language
routes a comment to the right moderator and to the right summary. Anything
else — another language, or a text too short to tell — is ``"und"``
(undetermined, the BCP 47 code) so that a person looks at it instead of a
guess being recorded.

The classifier is py3langid's naive-Bayes model, which ships inside the package
(nothing is downloaded), is deterministic (no random sampling) and classifies
tens of thousands of short texts per second. It is restricted to the languages
most spoken in US cities so that a three-word comment is not called Serbian.
Short texts on which the model hesitates are settled by counting English and
Spanish function words.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

#: Candidate languages: English, Spanish and the other languages most often
#: spoken at home in large US cities, so that those texts come out as "und"
#: rather than as a weak English or Spanish guess.
CANDIDATES = (
    "en",
    "es",
    "zh",
    "vi",
    "tl",
    "ar",
    "fr",
    "ko",
    "ru",
    "pt",
    "de",
    "ht",
    "it",
    "pl",
    "ja",
    "hi",
    "fa",
    "uk",
    "hy",
    "so",
    "am",
)
#: Classifier confidence needed to accept English or Spanish outright...
ACCEPT = 0.5
#: ...and to accept another language (which then yields "und").
ACCEPT_OTHER = 0.9
#: Texts are classified on at most this many characters.
SAMPLE = 400

_NOISE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[\d_]+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def _wordset(words: str) -> frozenset[str]:
    """A set of whitespace-separated words, written as a readable block."""
    return frozenset(words.split())


_EN_WORDS = _wordset(
    """
    the and to of is in it you that for on are with this be not we our my please stop
    more they have was will would should can do does thank thanks yes
    agree what why how who all about your their there from by at as an or but if so very
    just no
    """
)
_ES_WORDS = _wordset(
    """
    el la los las de del que y en un una es por para con se su sus al lo estoy está esta
    este esto son muy más pero como porque gracias sí también nuestro nuestra nuestros
    mi mis yo nosotros ellos hay ser favor basta ya no
    """
)


#: Words frequent in English and rare in the other candidate languages...
_EN_ONLY = _wordset(
    """
    the and of to that this with you for are have not it we they our my is be was will
    would should please
    """
)
#: ...and frequent words of those languages; one of them sends the text to the model.
_NOT_EN = _wordset(
    """
    el los las y que de del la en es una un con por para mi muy pero está estoy le les
    et est des du pas je nous il di che non per sono und der das ist nicht não em uma
    com os ao você
    """
)


def _load_model() -> Any:
    """Read the model (about 0.5 s, most of it decompressing) and restrict it to
    :data:`CANDIDATES`."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


_model: Any = None
_model_lock = threading.Lock()


def _identifier() -> Any:
    """The model, loaded on first need, once per process: a load begun by :func:`prefetch`
    and a text that needs the model meanwhile share one load."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = _load_model()
    return _model


def _function_word_vote(words: list[str]) -> str:
    en = sum(w in _EN_WORDS for w in words)
    es = sum(w in _ES_WORDS for w in words)
    if en > es:
        return "en"
    if es > en:
        return "es"
    return "und"


def _words(text: str) -> list[str]:
    sample = _NOISE.sub(" ", text[:SAMPLE]).lower()
    return _WORD.findall(sample)


def _without_model(words: list[str]) -> str | None:
    """The answer when the model is not needed: too little text, or plainly English."""
    if sum(map(len, words)) < 3:
        return "und"
    # Fast path for plainly English text, most comments: the model costs
    # ~70 µs a comment, this check ~2 µs.
    if sum(w in _EN_ONLY for w in words) >= 3 and _NOT_EN.isdisjoint(words):
        return "en"
    return None


def detect_language(text: str) -> str:
    """``"en"``, ``"es"`` or ``"und"`` for ``text`` (see the module docstring)."""
    words = _words(text)
    settled = _without_model(words)
    if settled is not None:
        return settled
    lang, confidence = _identifier().classify(" ".join(words))
    if lang in ("en", "es") and confidence >= ACCEPT:
        return lang
    if confidence >= ACCEPT_OTHER:
        return "und"
    return _function_word_vote(words)


def prefetch(texts: Iterable[str]) -> threading.Thread | None:
    """Begin loading the model on another thread when one of ``texts`` will need it.

    A batch of plainly English comments loads nothing. Otherwise the load (mostly LZMA
    decompression, which releases the GIL) runs beside the caller's own start-up work,
    such as Presidio's import, on a machine with a second core; the first text that
    needs the model waits for the same load rather than starting another.
    """
    if _model is not None or all(_without_model(_words(t)) is not None for t in texts):
        return None
    thread = threading.Thread(target=_identifier, name="language-model", daemon=True)
    thread.start()
    return thread
