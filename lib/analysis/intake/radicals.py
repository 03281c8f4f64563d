"""Radicals a PDF's font maps ordinary characters to, folded to the characters they stand for.

A PDF printed from a web page often carries a font whose glyph for 力 is also the glyph of the
Kangxi radical ⼒ (U+2F12), and whose ToUnicode map names the radical: the text layer then reads
制造业质量竞争⼒指数, which matches no catalogue alias. The Kangxi Radicals block (U+2F00-U+2FD5)
folds to the unified ideographs by Unicode's own compatibility mapping (NFKC); the CJK Radicals
Supplement (U+2E80-U+2EF3) mostly does not (⺠ U+2EA0 for 民), so :data:`SUPPLEMENT` maps it.

How :data:`SUPPLEMENT` was made: for each supplement radical, the unified ideograph whose glyph
it shares in Noto Sans CJK SC (the project's pip-installed font; fonts share one glyph between
a radical and its ideograph, which is how a PDF comes to name the radical), the BMP ideograph
first; ``tests/unit/test_radicals.py`` re-derives these from the font. The radicals the font
draws with a glyph of their own were added by hand from their Unicode names (CJK RADICAL CLIFF
is 厂, CJK RADICAL RAIN is 雨), listed apart below.
Radicals with no one ideograph they stand for (CJK RADICAL REPEAT, the knife and lame variants)
are left as they are.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

# Shared glyphs in Noto Sans CJK SC.
SUPPLEMENT = {
    "\u2e82": "乛",  # CJK RADICAL SECOND ONE
    "\u2e83": "乚",  # CJK RADICAL SECOND TWO
    "\u2e85": "亻",  # CJK RADICAL PERSON
    "\u2e87": "𠘨",  # CJK RADICAL TABLE
    "\u2e89": "刂",  # CJK RADICAL KNIFE TWO
    "\u2e8b": "㔾",  # CJK RADICAL SEAL
    "\u2e8d": "𭕄",  # CJK RADICAL SMALL TWO
    "\u2e8f": "尣",  # CJK RADICAL LAME TWO
    "\u2e90": "尢",  # CJK RADICAL LAME THREE
    "\u2e92": "巳",  # CJK RADICAL SNAKE
    "\u2e93": "幺",  # CJK RADICAL THREAD
    "\u2e94": "彑",  # CJK RADICAL SNOUT ONE
    "\u2e95": "彐",  # CJK RADICAL SNOUT TWO
    "\u2e96": "忄",  # CJK RADICAL HEART ONE
    "\u2e98": "扌",  # CJK RADICAL HAND
    "\u2e99": "攵",  # CJK RADICAL RAP
    "\u2e9b": "旡",  # CJK RADICAL CHOKE
    "\u2e9e": "歺",  # CJK RADICAL DEATH
    "\u2e9f": "母",  # CJK RADICAL MOTHER
    "\u2ea0": "民",  # CJK RADICAL CIVILIAN
    "\u2ea1": "氵",  # CJK RADICAL WATER ONE
    "\u2ea3": "灬",  # CJK RADICAL FIRE
    "\u2ea4": "爫",  # CJK RADICAL PAW ONE
    "\u2ea6": "丬",  # CJK RADICAL SIMPLIFIED HALF TREE TRUNK
    "\u2ea8": "犭",  # CJK RADICAL DOG
    "\u2ea9": "𤣩",  # CJK RADICAL JADE
    "\u2ead": "礻",  # CJK RADICAL SPIRIT TWO
    "\u2eae": "𥫗",  # CJK RADICAL BAMBOO
    "\u2eaf": "糹",  # CJK RADICAL SILK
    "\u2eb0": "纟",  # CJK RADICAL C-SIMPLIFIED SILK
    "\u2eb1": "罓",  # CJK RADICAL NET ONE
    "\u2eb3": "㓁",  # CJK RADICAL NET THREE
    "\u2eb9": "耂",  # CJK RADICAL OLD
    "\u2eba": "肀",  # CJK RADICAL BRUSH ONE
    "\u2ebd": "𦥑",  # CJK RADICAL MORTAR
    "\u2ebe": "艹",  # CJK RADICAL GRASS ONE
    "\u2ec2": "衤",  # CJK RADICAL CLOTHES
    "\u2ec5": "见",  # CJK RADICAL C-SIMPLIFIED SEE
    "\u2ec6": "角",  # CJK RADICAL SIMPLIFIED HORN
    "\u2ec7": "𧢲",  # CJK RADICAL HORN
    "\u2ec8": "讠",  # CJK RADICAL C-SIMPLIFIED SPEECH
    "\u2ec9": "贝",  # CJK RADICAL C-SIMPLIFIED SHELL
    "\u2eca": "𧾷",  # CJK RADICAL FOOT
    "\u2ecb": "车",  # CJK RADICAL C-SIMPLIFIED CART
    "\u2ecc": "辶",  # CJK RADICAL SIMPLIFIED WALK
    "\u2ed0": "钅",  # CJK RADICAL C-SIMPLIFIED GOLD
    "\u2ed1": "長",  # CJK RADICAL LONG ONE
    "\u2ed2": "镸",  # CJK RADICAL LONG TWO
    "\u2ed3": "长",  # CJK RADICAL C-SIMPLIFIED LONG
    "\u2ed4": "门",  # CJK RADICAL C-SIMPLIFIED GATE
    "\u2ed5": "𨸏",  # CJK RADICAL MOUND ONE
    "\u2ed6": "阝",  # CJK RADICAL MOUND TWO
    "\u2ed8": "青",  # CJK RADICAL BLUE
    "\u2ed9": "韦",  # CJK RADICAL C-SIMPLIFIED TANNED LEATHER
    "\u2eda": "页",  # CJK RADICAL C-SIMPLIFIED LEAF
    "\u2edb": "风",  # CJK RADICAL C-SIMPLIFIED WIND
    "\u2edc": "飞",  # CJK RADICAL C-SIMPLIFIED FLY
    "\u2edd": "食",  # CJK RADICAL EAT ONE
    "\u2ede": "𩙿",  # CJK RADICAL EAT TWO
    "\u2edf": "飠",  # CJK RADICAL EAT THREE
    "\u2ee0": "饣",  # CJK RADICAL C-SIMPLIFIED EAT
    "\u2ee1": "𩠐",  # CJK RADICAL HEAD
    "\u2ee2": "马",  # CJK RADICAL C-SIMPLIFIED HORSE
    "\u2ee3": "骨",  # CJK RADICAL BONE
    "\u2ee4": "鬼",  # CJK RADICAL GHOST
    "\u2ee5": "鱼",  # CJK RADICAL C-SIMPLIFIED FISH
    "\u2ee6": "鸟",  # CJK RADICAL C-SIMPLIFIED BIRD
    "\u2ee7": "卤",  # CJK RADICAL C-SIMPLIFIED SALT
    "\u2ee8": "麦",  # CJK RADICAL SIMPLIFIED WHEAT
    "\u2ee9": "黄",  # CJK RADICAL SIMPLIFIED YELLOW
    "\u2eea": "黾",  # CJK RADICAL C-SIMPLIFIED FROG
    "\u2eeb": "斉",  # CJK RADICAL J-SIMPLIFIED EVEN
    "\u2eec": "齐",  # CJK RADICAL C-SIMPLIFIED EVEN
    "\u2eee": "齿",  # CJK RADICAL C-SIMPLIFIED TOOTH
    "\u2eef": "竜",  # CJK RADICAL J-SIMPLIFIED DRAGON
    "\u2ef0": "龙",  # CJK RADICAL C-SIMPLIFIED DRAGON
    "\u2ef1": "龜",  # CJK RADICAL TURTLE
    "\u2ef2": "亀",  # CJK RADICAL J-SIMPLIFIED TURTLE
    "\u2ef3": "龟",  # CJK RADICAL C-SIMPLIFIED TURTLE
}
# Added by hand from the Unicode names (their glyph is the radical's own in the font).
SUPPLEMENT_BY_NAME = {
    "\u2e81": "厂",  # CJK RADICAL CLIFF
    "\u2e86": "冂",  # CJK RADICAL BOX
    "\u2e8a": "卜",  # CJK RADICAL DIVINATION
    "\u2e8c": "小",  # CJK RADICAL SMALL ONE
    "\u2e8e": "兀",  # CJK RADICAL LAME ONE
    "\u2e97": "㣺",  # CJK RADICAL HEART TWO
    "\u2e9c": "日",  # CJK RADICAL SUN
    "\u2e9d": "月",  # CJK RADICAL MOON
    "\u2ea2": "氺",  # CJK RADICAL WATER TWO
    "\u2ea5": "爫",  # CJK RADICAL PAW TWO
    "\u2ea7": "牛",  # CJK RADICAL COW
    "\u2eaa": "疋",  # CJK RADICAL BOLT OF CLOTH
    "\u2eab": "罒",  # CJK RADICAL EYE
    "\u2eac": "示",  # CJK RADICAL SPIRIT ONE
    "\u2eb2": "罒",  # CJK RADICAL NET TWO
    "\u2eb6": "羊",  # CJK RADICAL SHEEP
    "\u2ebb": "聿",  # CJK RADICAL BRUSH TWO
    "\u2ebc": "月",  # CJK RADICAL MEAT
    "\u2ec1": "虎",  # CJK RADICAL TIGER
    "\u2ec3": "覀",  # CJK RADICAL WEST ONE
    "\u2ec4": "西",  # CJK RADICAL WEST TWO
    "\u2ecd": "辶",  # CJK RADICAL WALK ONE
    "\u2ece": "辶",  # CJK RADICAL WALK TWO
    "\u2ecf": "阝",  # CJK RADICAL CITY
    "\u2ed7": "雨",  # CJK RADICAL RAIN
    "\u2eed": "歯",  # CJK RADICAL J-SIMPLIFIED TOOTH
}
KANGXI = {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
FOLD = str.maketrans({**KANGXI, **SUPPLEMENT, **SUPPLEMENT_BY_NAME})
RADICALS = frozenset(KANGXI) | frozenset(SUPPLEMENT) | frozenset(SUPPLEMENT_BY_NAME)


def fold_radicals(text: str) -> tuple[str, Counter[str]]:
    """The text with every radical folded to its ideograph (one character for one), and how
    many of each radical were folded."""
    found = Counter(c for c in text if c in RADICALS)
    return (text.translate(FOLD) if found else text), found
