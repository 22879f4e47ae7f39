"""A line break between Chinese characters is joined (no stray space on the page); any other break stays."""

from tools.extensions.cjk_lines import join_cjk_lines


def test_breaks_between_chinese_characters_are_joined():
    assert join_cjk_lines("画图和使用其他库时\n经常用到。") == "画图和使用其他库时经常用到。"
    assert join_cjk_lines("数组，\n    而不是") == "数组，而不是"
    assert join_cjk_lines("> 对应 3.2 节。\n> 书中没有这一节。") == "> 对应 3.2 节。书中没有这一节。"


def test_other_breaks_stay():
    kept = ["uses\nNumPy", "张量\n`X`", "第一段。\n\n第二段", "a\n张量", "| 甲 |\n| 乙 |"]
    kept += ["段落。\n> 引用", "> 引用。\n段落"]  # a line that starts or leaves a block quote
    for text in kept:
        assert join_cjk_lines(text) == text
