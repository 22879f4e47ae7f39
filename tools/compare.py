"""Compare what code prints or draws with what the site recorded, tolerating machine noise and nothing more.

Machines differ (Intel or AMD, vectorised kernels or not, 1 or 2 threads), so a float can come out different in
its last printed digit. Text is compared exactly; a number printed with a fraction (``0.000046``, ``1.9998``,
``4.1e-05``) may differ by one unit in its last printed place, the rule of pytest's doctest ``NUMBER`` flag.
Integers, and floats printed without digits after the point (``2.`` in ``tensor([1., 2.])``), must be equal.

Figures (SVG, written by matplotlib) are compared by what is drawn: the same elements, text and colours, and
every coordinate within ``FIGURE_TOLERANCE`` points. Element ids (hashes of their content) are renamed in order of
appearance first, since a coordinate that moved by 1e-6 changes its id.

Timings (``bench_*`` snippets) are compared by shape: the same lines, the same row labels, and in each table row
the same ranking of the measured numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

NUMBER = re.compile(
    r"""(?<![\w.])                           # not inside a word or another number
    [-+]?(?:\d[\d,]*\.\d+|\.\d+|\d[\d,]*\.?)  # 12  1,234  1.5  .5  2.
    (?:[eE][-+]?\d+)?                         # exponent
    (?![\w])""",
    re.X,
)
FIGURE_TOLERANCE = 0.01  # points (1/72 inch): far below what a reader can see, far above float noise
SVG_ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True)
class Token:
    text: str
    is_number: bool


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    pos = 0
    for m in NUMBER.finditer(text):
        if m.start() > pos:
            out.append(Token(text[pos : m.start()], False))
        out.append(Token(m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append(Token(text[pos:], False))
    return out


def _value(number: str) -> float:
    return float(number.replace(",", ""))


def _last_place(number: str) -> float:
    """One unit in the last printed place of a float (0 for an integer: no tolerance)."""
    mantissa, _, exponent = number.lower().partition("e")
    _, dot, fraction = mantissa.partition(".")
    if not dot or not fraction:
        return 0.0
    return 10.0 ** (int(exponent or 0) - len(fraction))


def numbers_close(recorded: str, printed: str, tolerance: float | None = None) -> bool:
    """Two printed numbers agree: within one unit of the recorded last place (or an absolute tolerance)."""
    if recorded == printed:
        return True
    a, b = _value(recorded), _value(printed)
    tol = _last_place(recorded) if tolerance is None else tolerance
    if tol == 0.0 and tolerance is None:
        return a == b and _last_place(printed) == 0.0
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=tol * (1 + 1e-9))


def text_matches(recorded: str, printed: str, tolerance: float | None = None) -> bool:
    """Printed output agrees with the recorded one: text exactly, numbers up to their last printed digit."""
    if recorded == printed:
        return True
    a, b = tokens(recorded), tokens(printed)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x.is_number != y.is_number:
            return False
        if x.is_number:
            if not numbers_close(x.text, y.text, tolerance):
                return False
        elif x.text != y.text:
            return False
    return True


def canonical_svg(svg: str) -> str:
    """Rename element ids (content hashes) to their order of appearance, references included."""
    names: dict[str, str] = {}
    for m in SVG_ID.finditer(svg):
        names.setdefault(m.group(1), f"id{len(names)}")
    if not names:
        return svg
    pattern = re.compile(r'(?<=id=")(?:%s)(?=")|(?<=#)(?:%s)\b' % (("|".join(map(re.escape, names)),) * 2))
    return pattern.sub(lambda m: names[m.group()], svg)


def figure_matches(recorded: str, drawn: str) -> bool:
    """The same picture: same elements, text and colours; coordinates within FIGURE_TOLERANCE."""
    if recorded == drawn:
        return True
    return text_matches(canonical_svg(recorded), canonical_svg(drawn), tolerance=FIGURE_TOLERANCE)


def _shape(text: str, ranking: bool) -> list[tuple]:
    """A timing table's shape. A line of words (a table header) is kept as it is; a table row (only numbers, three or
    more) by its first number, the row label (a batch size), and the ranking of the others (which iterator is
    fastest); any other line (the machine it ran on) only by being there."""
    shape: list[tuple] = []
    for line in text.splitlines():
        toks = tokens(line)
        numbers = [_value(t.text) for t in toks if t.is_number]
        if not numbers:
            shape.append(("words", line))
        elif len(numbers) >= 3 and not "".join(t.text for t in toks if not t.is_number).strip():
            label, *cells = numbers
            order = tuple(sorted(range(len(cells)), key=lambda i: -cells[i])) if ranking else len(cells)
            shape.append(("row", label, order))
        else:
            shape.append(("line",))
    return shape


def timings_match(recorded: str, printed: str, ranking: bool = True) -> bool:
    """Measurements agree in shape: the same lines, row labels and columns, whatever the numbers; with ``ranking``
    also the same order in each row (what the page claims: which iterator is fastest). A quick run on a busy
    machine is too noisy to rank, so the tests compare it without; `make regen-bench` ranks its full run."""
    return _shape(recorded, ranking) == _shape(printed, ranking)
