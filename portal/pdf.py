"""PDF documents the portal publishes (meeting packets, the evidence page), on fpdf2.

``Document`` embeds the DejaVu fonts that ship with matplotlib, so any Latin, Greek or
Cyrillic text draws without system fonts; ``safe_text`` makes hostile text drawable (no
invisible or bidi-override characters, U+FFFD for what the font lacks); text is always drawn
as text, never read as Markdown or HTML. The same content and creation date give the same
bytes.
"""

from __future__ import annotations

import functools
import io
import math
import re
import struct
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from fpdf import FPDF, FontFace, ViewerPreferences
from fpdf.enums import (
    Align,
    MethodReturnValue,
    PageMode,
    TableBordersLayout,
    TextEmphasis,
    XPos,
    YPos,
)

from portal.i18n import _, number
from portal.textsafety import strip_format_chars

FONT = "dejavu"
MONO = "dejavumono"
_FALLBACK = "dejavufallback"
_FONT_FILES = {
    (FONT, ""): "DejaVuSans.ttf",
    (FONT, "B"): "DejaVuSans-Bold.ttf",
    (FONT, "I"): "DejaVuSans-Oblique.ttf",
    (FONT, "BI"): "DejaVuSans-BoldOblique.ttf",
    (MONO, ""): "DejaVuSansMono.ttf",
    (MONO, "B"): "DejaVuSansMono-Bold.ttf",
    (_FALLBACK, ""): "DejaVuSans.ttf",
}
REPLACEMENT = "\ufffd"
# Drawn with nothing: they only modify the glyph before them, which is replaced already.
_MODIFIERS = re.compile("[\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0100-\U000e01ef]")

TEXT_COLOUR = (26, 26, 26)
MUTED_COLOUR = (80, 80, 80)
RULE_COLOUR = (150, 150, 150)
FILL_COLOUR = (242, 242, 242)
LINK_COLOUR = (20, 60, 140)
HEADING_SIZES = {1: 16, 2: 13, 3: 11.5, 4: 10.5}
_QUOTE_INDENT = 6
_QUOTE_BOX = {"border": "L", "fill": True, "padding": (1.5, 3, 1.5, 3), "align": Align.L}
_SOURCE_HEIGHT = 8.5 / 72 * 25.4 * 1.45  # one line of the 8.5 pt source, in mm


@functools.cache
def _font_dir() -> Path:
    import matplotlib  # only for the path of the fonts it ships

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@functools.cache
def _coverage() -> frozenset[int]:
    """Code points the regular face draws; the other faces fall back to it."""
    from fontTools.ttLib import TTFont

    font = TTFont(_font_dir() / _FONT_FILES[(FONT, "")], lazy=True)
    return frozenset(font.getBestCmap())


def safe_text(text: object, *, limit: int | None = None) -> str:
    """``text`` made safe to draw: format and control characters removed (bidi overrides,
    isolates, zero-width characters), tabs as spaces, and every character the DejaVu font
    lacks (emoji, CJK, …) replaced with U+FFFD, so nothing raises and nothing vanishes
    silently. ``None`` is ``""``. With ``limit``, longer text is cut and says so."""
    if text is None:
        return ""
    covered = _coverage()
    cleaned = _MODIFIERS.sub("", strip_format_chars(str(text)))
    out = "".join(ch if ch == "\n" or ord(ch) in covered else REPLACEMENT for ch in cleaned)
    if limit is not None and len(out) > limit:
        out = out[: max(limit - 1, 0)] + "…"
    return out


class Document(FPDF):
    """A US Letter page with the county and title in the header and "Page N of M" below.

    Draw with the helpers (``heading``, ``paragraph``, ``quote``, ``table``, ``chart`` …);
    each passes text through ``safe_text``. ``output()`` returns ``bytes``.
    """

    def __init__(
        self,
        *,
        title: str,
        county: str,
        created: datetime,
        author: str = "",
        subject: str = "",
        lang: str = "en",
    ) -> None:
        super().__init__(orientation="portrait", unit="mm", format="letter")
        self.doc_title = safe_text(title)
        self.county = safe_text(county)
        # Faces are parsed when first set (see set_font); the fallback face must exist now.
        self.add_font(_FALLBACK, "", str(_font_dir() / _FONT_FILES[(_FALLBACK, "")]))
        self.set_fallback_fonts([_FALLBACK], exact_match=False)
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=20)
        self.set_title(self.doc_title)
        if author:
            self.set_author(safe_text(author))
        if subject:
            self.set_subject(safe_text(subject))
        self.set_creator(f"{self.county or 'Civic data'} portal")
        self.set_lang(lang)
        self.set_creation_date(created)
        self.page_mode = PageMode.USE_OUTLINES
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        self.set_text_color(*TEXT_COLOUR)
        self.set_font(FONT, size=10)

    def set_font(
        self, family: str | None = None, style: str | TextEmphasis = "", size: float = 0
    ) -> None:
        """``FPDF.set_font``, loading a DejaVu face (``FONT``, ``MONO``) the first time it
        is used, so a document embeds and parses only the faces it draws with."""
        name = (family or self.font_family).lower()
        letters = style.style if isinstance(style, TextEmphasis) else str(style).upper()
        emphasis = "".join(c for c in "BI" if c in letters)
        filename = _FONT_FILES.get((name, emphasis))
        if filename and name + emphasis not in self.fonts:
            self.add_font(name, emphasis, str(_font_dir() / filename))
        super().set_font(family, style, size)

    # -- page furniture ---------------------------------------------------------------------

    def header(self) -> None:
        self.set_font(FONT, size=8)
        self.set_text_color(*MUTED_COLOUR)
        left = self.county
        right = self._fit(self.doc_title, self.epw - self.get_string_width(left) - 8)
        self.set_xy(self.l_margin, 9)
        self.cell(self.epw / 2, 5, left)
        self.set_x(self.w - self.r_margin - self.get_string_width(right) - 1)
        self.cell(self.get_string_width(right) + 1, 5, right, align=Align.R)
        self.set_draw_color(*RULE_COLOUR)
        self.set_line_width(0.2)
        self.line(self.l_margin, 14.5, self.w - self.r_margin, 14.5)
        self.set_text_color(*TEXT_COLOUR)
        self.set_xy(self.l_margin, self.t_margin)
        self.set_font(FONT, size=10)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, size=8)
        self.set_text_color(*MUTED_COLOUR)
        # "{nb}" is fpdf2's stand-in for the page count, filled in when the document is output.
        self.cell(0, 5, _("Page {n} of {total}").format(n=self.page_no(), total="{nb}"),
                  align=Align.C)
        self.set_text_color(*TEXT_COLOUR)

    def _fit(self, text: str, width: float) -> str:
        """``text`` cut with an ellipsis to fit ``width`` in the current font."""
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "…") > width:
            text = text[:-1]
        return text + "…"

    def _line_height(self, factor: float = 1.45) -> float:
        return self.font_size * factor

    def ensure_space(self, height: float) -> None:
        """Start a new page unless ``height`` mm fit below the cursor."""
        if self.y + height > self.page_break_trigger and self.y > self.t_margin + 1:
            self.add_page()

    # -- drawing helpers --------------------------------------------------------------------

    def heading(self, text: str, level: int = 1, *, outline_level: int | None = None) -> None:
        """Draw a heading (level 1–4) and make it a bookmark at outline depth ``level - 1``
        (or ``outline_level``, 0 being the top)."""
        level = min(max(level, 1), 4)
        size = HEADING_SIZES[level]
        text = safe_text(text) or "(untitled)"
        self.set_font(FONT, "B", size)
        # Keep a heading with at least a few lines of what follows it.
        self.ensure_space(self._line_height(1.3) * 2 + 18)
        if level <= 2 and self.y > self.t_margin + 1:
            self.ln(2 if level == 2 else 3)
        depth = level - 1 if outline_level is None else outline_level
        self.start_section(self._outline_name(text), level=depth, strict=False)
        self.multi_cell(
            0, self._line_height(1.3), text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align=Align.L
        )
        self.ln(1.5)
        self.set_font(FONT, size=10)

    @staticmethod
    def _outline_name(text: str) -> str:
        name = " ".join(text.split())
        return name if len(name) <= 120 else name[:119] + "…"

    def paragraph(
        self,
        text: str,
        *,
        size: float = 10,
        style: str = "",
        colour: tuple[int, int, int] = TEXT_COLOUR,
        after: float = 2,
    ) -> None:
        """A paragraph that wraps and flows over pages; drawn as plain text."""
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        self.multi_cell(
            0,
            self._line_height(),
            safe_text(text),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            align=Align.L,
        )
        self.set_text_color(*TEXT_COLOUR)
        self.set_font(FONT, size=10)
        self.ln(after)

    def labelled(self, label: str, value: str, *, size: float = 10, link: str = "") -> None:
        """One "Label: value" line (the label bold), wrapping under itself; with ``link``
        (a URL the caller has checked) the value is a clickable link."""
        self.set_font(FONT, "B", size)
        label = safe_text(label) + ": "
        width = min(self.get_string_width(label) + 1, self.epw * 0.4)
        self.ensure_space(self._line_height() * 2)
        self.set_x(self.l_margin)
        top, page = self.y, self.page
        label_height = self.multi_cell(
            width,
            self._line_height(),
            label,
            new_x=XPos.RIGHT,
            new_y=YPos.TOP,
            align=Align.L,
            output=MethodReturnValue.HEIGHT,
        )
        self.set_font(FONT, "", size)
        if link:
            self.set_text_color(*LINK_COLOUR)
        self.multi_cell(
            0,
            self._line_height(),
            safe_text(value) or "—",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            align=Align.L,
            link=link or None,
        )
        self.set_text_color(*TEXT_COLOUR)
        if self.page == page:
            self.set_y(max(self.y, top + label_height))

    def bullets(self, items: Iterable[str], *, size: float = 10) -> None:
        """A bulleted list; each item wraps under itself."""
        self.set_font(FONT, "", size)
        indent = 5
        for item in items:
            self.set_x(self.l_margin)
            self.cell(indent, self._line_height(), "•")
            self.multi_cell(
                0,
                self._line_height(),
                safe_text(item),
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
                align=Align.L,
            )
        self.ln(1.5)

    def quote_height(self, text: str) -> float:
        """About the height ``quote(text, …)`` takes with its source line, capped at half a
        page (a longer quote flows over pages anyway): to keep a heading with its first
        quote. An estimate from the text's width, much cheaper than breaking its lines."""
        style = (self.font_family, self.font_style, self.font_size_pt)
        self.set_font(FONT, "I", 10)
        avail = (self.epw - _QUOTE_INDENT - 6) * 0.95
        lines = 0
        for part in f"“{safe_text(text, limit=4000)}”".split("\n"):
            lines += max(1, math.ceil(self.get_string_width(part) / avail))
        height = lines * self._line_height() + 3 + _SOURCE_HEIGHT + 1
        self.set_font(*style)
        return min(height, self.eph / 2)

    def quote(self, text: str, source: str) -> None:
        """A quotation set off from the text: indented, italic, in quotation marks, on a
        light ground with a rule on its left, followed by its source (e.g. "Comment #15").
        A quote shorter than half a page is kept whole on one page."""
        indent = _QUOTE_INDENT
        height = self.quote_height(text)
        if height < self.eph / 2:
            self.ensure_space(height)
        self.ensure_space(self._line_height() * 2 + _SOURCE_HEIGHT + 4)
        self.set_font(FONT, "I", 10)
        self.set_fill_color(*FILL_COLOUR)
        self.set_draw_color(*RULE_COLOUR)
        self.set_line_width(0.8)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.epw - indent,
            self._line_height(),
            f"“{safe_text(text)}”",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            **_QUOTE_BOX,
        )
        self.set_line_width(0.2)
        self.set_font(FONT, "", 8.5)
        self.set_text_color(*MUTED_COLOUR)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.epw - indent,
            self._line_height(),
            f"— {safe_text(source)}",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            align=Align.L,
        )
        self.set_text_color(*TEXT_COLOUR)
        self.set_font(FONT, size=10)
        self.ln(2)

    def boxed(self, title: str, lines: Sequence[tuple[str, str]]) -> None:
        """A framed box: a bold title, then paragraphs; each line is ``(kind, text)`` with
        kind ``"text"`` (wrapped prose) or ``"code"`` (monospace, e.g. a hash)."""
        self.ensure_space(40)
        self.set_draw_color(*RULE_COLOUR)
        self.set_line_width(0.4)
        self.set_fill_color(*FILL_COLOUR)
        x0, y0, page0 = self.l_margin, self.y, self.page
        pad = 4
        self.set_left_margin(self.l_margin + pad)
        self.set_right_margin(self.r_margin + pad)
        try:
            self.set_xy(self.l_margin, y0 + pad)
            self.set_font(FONT, "B", 11)
            self.multi_cell(
                0,
                self._line_height(1.3),
                safe_text(title),
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
                align=Align.L,
            )
            self.ln(1)
            for kind, text in lines:
                if kind == "code":
                    self.set_font(MONO, "", 8.5)
                else:
                    self.set_font(FONT, "", 9.5)
                self.multi_cell(
                    0,
                    self._line_height(1.4),
                    safe_text(text),
                    new_x=XPos.LMARGIN,
                    new_y=YPos.NEXT,
                    align=Align.L,
                )
                self.ln(0.8)
        finally:
            self.set_left_margin(self.l_margin - pad)
            self.set_right_margin(self.r_margin - pad)
        if self.page == page0:
            self.rect(x0, y0, self.epw, self.y - y0 + pad - 0.8)
        self.set_xy(self.l_margin, self.y + pad + 2)
        self.set_line_width(0.2)
        self.set_font(FONT, size=10)

    def table(self, *args, **kwargs):  # type: ignore[override]
        """With ``header`` and ``rows`` (sequences of cell texts): draw a table of plain-text
        cells that flows over pages repeating its header. ``header=None`` draws no header
        row. ``col_widths`` are relative; ``align`` is one "L"/"R"/"C" per column.

        Called the fpdf2 way (no ``header``/``rows``), it is ``FPDF.table``."""
        if "rows" not in kwargs and len(args) < 2:
            return super().table(*args, **kwargs)
        return self._draw_table(*args, **kwargs)

    def _draw_table(
        self,
        header: Sequence[object] | None,
        rows: Iterable[Sequence[object]],
        *,
        col_widths: Sequence[float] | None = None,
        align: Sequence[str] | None = None,
        size: float = 9,
        cell_limit: int = 1500,
    ) -> None:
        rows = [list(r) for r in rows]
        ncols = len(header) if header is not None else max((len(r) for r in rows), default=0)
        if ncols == 0:
            return
        self.set_font(FONT, "", size)
        self.set_draw_color(*RULE_COLOUR)
        self.set_line_width(0.2)
        aligns = list(align or ["L"] * ncols)
        self.ensure_space(self._line_height(1.3) * 3 + 4)
        with super().table(
            width=self.epw,
            col_widths=tuple(col_widths) if col_widths else None,
            text_align=tuple(aligns),
            line_height=self._line_height(1.3),
            padding=(0.8, 1.5, 0.8, 1.5),
            first_row_as_headings=header is not None,
            headings_style=FontFace(emphasis="BOLD", fill_color=(228, 228, 228)),
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            markdown=False,
            v_align="TOP",
        ) as table:
            for values in ([list(header)] if header is not None else []) + rows:
                row = table.row()
                for i in range(ncols):
                    value = values[i] if i < len(values) else ""
                    # A row must fit on one page; a very long cell says where it was cut.
                    row.cell(_cell_text(value, cell_limit))
        self.ln(3)

    def chart(self, png: bytes, alt_text: str, width: float | None = None) -> None:
        """Place a PNG chart ``width`` mm wide (default: the text width), with ``alt_text``
        (fpdf2 then writes a structure tree whose /Figure carries it as /Alt)."""
        width = min(width or self.epw, self.epw)
        px_w, px_h = _png_size(png)
        height = width * px_h / px_w
        self.ensure_space(height + 3)
        self.image(
            io.BytesIO(png),
            x=self.l_margin,
            w=width,
            h=height,
            alt_text=safe_text(alt_text, limit=2000) or "Chart",
        )
        self.ln(2)

    def output(self, *args, **kwargs) -> bytes:  # type: ignore[override]
        return bytes(super().output(*args, **kwargs))


def _cell_text(value: object, limit: int) -> str:
    text = safe_text("" if value is None else value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]} … [{len(text) - limit:,} more characters not shown]"


def _png_size(png: bytes) -> tuple[int, int]:
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    return struct.unpack(">II", png[16:24])


# -- charts -----------------------------------------------------------------------------------

_SUPPRESSED = re.compile(r"^suppressed", re.IGNORECASE)


def chart_value(value: object) -> tuple[str, float]:
    """Classify a figure for a chart: ``("value", x)``, ``("zero", 0)``, ``("suppressed", 0)``
    or ``("missing", 0)``. Strings as the packet JSON has them ("14", "60.6%", "suppressed",
    "no data") and numbers both work."""
    if value is None:
        return ("missing", 0.0)
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            return ("missing", 0.0)
        return ("zero", 0.0) if value == 0 else ("value", float(value))
    text = str(value).strip()
    if _SUPPRESSED.match(text):
        return ("suppressed", 0.0)
    try:
        number = float(text.rstrip("%").replace(",", ""))
    except ValueError:
        return ("missing", 0.0)
    if math.isnan(number):
        return ("missing", 0.0)
    return ("zero", 0.0) if number == 0 else ("value", number)


def _format_number(x: float) -> str:
    """A chart's figure as the language in force writes numbers (12,345.6 / 12.345,6)."""
    return number(x, 0) if float(x).is_integer() else number(x, 1)


def bar_chart_png(
    labels: Sequence[object],
    values: Sequence[object],
    title: str,
    *,
    unit: str = "",
    dpi: int = 150,
) -> bytes:
    """A horizontal bar chart as PNG bytes, one bar per label, each labelled with its figure.

    A suppressed figure is a hatched stub labelled "suppressed"; zero has no bar and reads
    "0"; a missing figure has no bar and reads "no data" — the words, not the colour, carry
    the meaning. Values may be numbers or the packet's strings (see ``chart_value``)."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    names = [safe_text(label, limit=38) or "—" for label in labels]
    kinds = [chart_value(v) for v in values]
    shown = [x for kind, x in kinds if kind == "value"]
    top = max(shown, default=1.0)
    # Math text off: resident text with "$" must print as "$", never as a formula.
    with rc_context(
        {"text.parse_math": False, "font.family": "DejaVu Sans", "hatch.linewidth": 0.9}
    ):
        fig = Figure(figsize=(6.4, 0.42 * max(len(names), 1) + 0.9), dpi=dpi)
        ax = fig.add_subplot()
        ys = list(range(len(names)))
        stub = top * 0.05
        for y, (kind, x) in zip(ys, kinds, strict=True):
            if kind == "value":
                ax.barh(y, x, height=0.62, color="#2f5d8a", edgecolor="#1b3a57")
                label, style = _format_number(x) + unit, "normal"
                at = x
            elif kind == "suppressed":
                ax.barh(
                    y,
                    stub,
                    height=0.62,
                    facecolor="white",
                    edgecolor="#333333",
                    hatch="////",
                    linewidth=0.8,
                )
                label, style, at = _("suppressed"), "italic", stub
            elif kind == "zero":
                label, style, at = "0", "normal", 0.0
            else:
                label, style, at = _("no data"), "italic", 0.0
            ax.text(
                at + top * 0.02,
                y,
                label,
                va="center",
                ha="left",
                fontsize=10,
                fontstyle=style,
                color="#1a1a1a",
            )
        ax.set_yticks(ys, labels=names, fontsize=10)
        ax.set_ylim(len(names) - 0.4, -0.6)  # first label on top, room below the last
        ax.set_xlim(0, top * 1.28)
        ax.tick_params(axis="x", labelsize=9)
        # Counts of people and comments: whole numbers on the axis, never 0.5.
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_title(safe_text(title, limit=90), loc="left", fontsize=11.5, fontweight="bold")
        buffer = io.BytesIO()
        fig.savefig(
            buffer,
            format="png",
            dpi=dpi,
            bbox_inches="tight",
            metadata={"Software": None},
            facecolor="white",
        )
    return buffer.getvalue()


def describe_bars(labels: Sequence[object], values: Sequence[object]) -> str:
    """The figures of a bar chart in words, for its alt text: "Support: 10; Oppose: 90; …"."""
    parts = []
    for label, value in zip(labels, values, strict=True):
        kind, x = chart_value(value)
        text = {
            "value": _format_number(x),
            "zero": "0",
            "suppressed": _("suppressed"),
            "missing": _("no data"),
        }[kind]
        parts.append(f"{safe_text(label)}: {text}")
    return "; ".join(parts)
