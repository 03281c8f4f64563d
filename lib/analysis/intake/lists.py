"""One number shared by a list of indicators: A、B均达到98% is two targets, A、B分别达到1600家、
2000家 pairs each item with its number, 国家级、省级中心各1个 gives each qualifier the noun it
shares, and A产品、B产品达到13个 stays one combined count, as does a list with one measure for all
(基本药物、集采品种抽检合格率) or a list of examples (汽车、机械等重点产业…合格率)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .extraction import Candidate

MEASURE_NOUN = re.compile(r"(率|度|指数|量|数|营收|收入|产值|比重|比例|占比|规模|总额|增加值|分数)$")
LIST_SEPARATOR = re.compile(r"、|和|及|与")
SPLIT_BY_CATALOGUE = "list split where the catalogue measures its items apart"


def split_shared(cand: Candidate, match: Callable[[str], str], s: str) -> list[Candidate]:
    """One candidate per indicator where a list shares one number.

    ``A、B均达到98%`` lists indicators; so does ``A率、B率达到98%`` and ``A产业、B产业营收达1000亿元``
    (the last item ends with a measure noun the others share). ``A产品、B产品达到13个`` is one
    combined count, and ``A、B的覆盖率`` one rate of a list of things: those stay whole.
    """
    mode = _list_mode(cand, s)
    if mode == "分别":  # paired with its numbers: pair_respectively
        cand.indicator_id = match(cand.indicator_phrase)
        return [cand]
    items = _list_items(cand.indicator_phrase)
    if mode == "各":
        items = _shared_noun(items)
    listed = len(items) >= 2 and "的" not in items[-1] and "等" not in cand.indicator_phrase
    listed = listed and all(len(i) >= 2 for i in items) and bool(MEASURE_NOUN.search(items[-1]))
    each_measured = listed and all(MEASURE_NOUN.search(i) for i in items)
    by_catalogue = listed and not each_measured and mode not in ("均", "各") and _measured_apart(match, items)
    parallel = len(items) >= 2 and (mode in ("均", "各") or each_measured or by_catalogue)
    if not parallel:
        cand.indicator_id = match(cand.indicator_phrase)
        return [cand]
    out = []
    cues = (*cand.cues, SPLIT_BY_CATALOGUE) if by_catalogue else cand.cues
    for item in items:
        c = replace(cand, indicator_phrase=item, cues=cues)
        c.indicator_id = _match_item(match, item, items[-1])
        out.append(c)
    return out


def _measured_apart(match: Callable[[str], str], items: list[str]) -> bool:
    """The catalogue measures the items of ``A、B及C评价性抽检合格率`` apart: each item, with the
    measure the last one names, is a catalogue indicator of its own. Otherwise the list names one
    combined measure (基本药物、集采品种抽检合格率) and stays one target."""
    ids = [_match_item(match, item, items[-1]) for item in items]
    return all(ids) and len(set(ids)) == len(ids)


def _shared_noun(items: list[str]) -> list[str]:
    """``国家级、省级检验检测中心各1个``: the last item's noun completes the qualifiers before it."""
    if len(items) < 2:
        return items
    last = items[-1]
    for k, item in enumerate(items[:-1]):
        tail = item[-1:]
        at = last.find(tail) if tail else -1
        if 0 <= at < len(last) - 1 and len(item) <= 6:
            items[k] = item + last[at + 1 :]
    return items


def _list_mode(cand: Candidate, s: str) -> str:
    """均 (each of a list reaches the number) or 分别 (respectively) before the number, or ''."""
    head = s[cand._view_span[0] : cand._view_span[1]]
    number = str(int(cand.value)) if cand.value.is_integer() else str(cand.value)
    before = head.split(number)[0]
    if re.search(r"各(?:达到|达|为|不少于|不低于|超过)?$", before):
        return "各"
    m = re.search(r"(均|分别)(?:达到|达|为|保持在|稳定在|不低于|超过)?[^\d一二两三四五六七八九十]*$", before)
    return m.group(1) if m else ""


def _list_items(phrase: str) -> list[str]:
    return [p.strip() for p in LIST_SEPARATOR.split(phrase) if p.strip()]


def _match_item(match: Callable[[str], str], item: str, last: str) -> str:
    """Catalogue id of a list item, trying it with the measure the list shares (药品 + 评价性抽检合格率)."""
    return match(item) or next((found for k in range(1, len(last)) if (found := match(item + last[k:]))), "")


def pair_respectively(found: list[Candidate], s: str, match: Callable[[str], str]) -> None:
    """``A、B分别达到1600家、2000家``: give the k-th number the k-th item of the list."""
    for k, cand in enumerate(found):
        if _list_mode(cand, s) != "分别":
            continue
        items = _list_items(cand.indicator_phrase)
        clause_end = _clause_end(s, cand._view_span[1])
        group = [cand] + [c for c in found[k + 1 :] if c._view_span[0] < clause_end][: len(items) - 1]
        if len(group) == len(items):
            for c, item in zip(group, items, strict=True):
                c.indicator_phrase, c.indicator_id = item, _match_item(match, item, items[-1])


def _clause_end(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] not in "，,；;。！？!?：:\n|\t":
        pos += 1
    return pos
