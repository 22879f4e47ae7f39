"""Machine noise is tolerated, and nothing more (tools/compare.py)."""

from __future__ import annotations

import pytest

from tools.compare import canonical_svg, figure_matches, text_matches, timings_match


@pytest.mark.parametrize(
    ("recorded", "printed"),
    [
        ("loss 0.000046", "loss 0.000047"),  # last printed digit
        ("tensor([ 1.9998, -3.3995])", "tensor([ 1.9997, -3.3996])"),
        ("4.63e-05", "4.64e-05"),  # last digit of the mantissa
        ("-0.0000", "0.0000"),
        ("1,234.5", "1,234.6"),
    ],
)
def test_the_last_digit_may_differ(recorded, printed):
    assert text_matches(recorded, printed)


@pytest.mark.parametrize(
    ("recorded", "printed"),
    [
        ("loss 0.000046", "loss 0.000048"),  # two units in the last place
        ("tensor([1., 2.])", "tensor([1., 3.])"),  # floats printed without a fraction are exact
        ("torch.Size([2, 3])", "torch.Size([2, 4])"),  # integers are exact
        ("4.63e-05", "4.63e-06"),
        ("loss 0.000046", "lost 0.000046"),  # text is exact
        ("1.9998", "1.9998 "),
        ("[1.0, 2.0]", "[1.0, 2.0, 3.0]"),
    ],
)
def test_anything_else_is_a_difference(recorded, printed):
    assert not text_matches(recorded, printed)


SVG = '<g id="abc123"><path d="M 1.000001 2.5 L 3 4" style="stroke: #1f77b4"/><use xlink:href="#abc123"/></g>'


def test_figures_compare_what_is_drawn():
    assert (
        canonical_svg(SVG)
        == '<g id="id0"><path d="M 1.000001 2.5 L 3 4" style="stroke: #1f77b4"/><use xlink:href="#id0"/></g>'
    )
    moved_a_little = SVG.replace("1.000001", "1.000004").replace("abc123", "def456")
    assert figure_matches(SVG, moved_a_little)
    assert not figure_matches(SVG, SVG.replace("2.5", "2.6"))  # a point that moved
    assert not figure_matches(SVG, SVG.replace("#1f77b4", "#ff7f0e"))  # another colour
    assert not figure_matches(SVG, SVG.replace("L 3 4", "L 3 4 L 5 6"))  # another shape


TABLE = "batch size   data_iter  DataLoader\n        10      69,462      19,557\n       100      11,638       1,744\n"


def test_timings_compare_by_shape():
    assert timings_match(TABLE, TABLE.replace("69,462", "27,025").replace("1,744", "1,221"))
    assert not timings_match(TABLE, TABLE.replace("69,462", "9,462"))  # the ranking changed
    assert timings_match(TABLE, TABLE.replace("69,462", "9,462"), ranking=False)  # a quick run is not ranked
    assert not timings_match(TABLE, TABLE.replace("69,462", "9,462 1"), ranking=False)  # another column
    assert not timings_match(TABLE, TABLE.replace("DataLoader", "loader"))  # another column
    assert not timings_match(TABLE, TABLE.replace("       100", "      1000"))  # another row
    assert not timings_match(TABLE, TABLE + "      1000         1         2\n")
