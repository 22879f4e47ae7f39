"""A line break between Chinese characters is joined (no stray space on the page); any other break stays."""

from tools.hooks.cjk_lines import join_cjk_lines


def test_breaks_between_chinese_characters_are_joined():
    assert join_cjk_lines("画图和使用其他库时\n经常用到。") == "画图和使用其他库时经常用到。"
    assert join_cjk_lines("数组，\n    而不是") == "数组，而不是"


def test_other_breaks_stay():
    for text in ("uses\nNumPy", "张量\n`X`", "第一段。\n\n第二段", "a\n张量", "| 甲 |\n| 乙 |"):
        assert join_cjk_lines(text) == text
