"""The field dictionary: every column of every table defined once (type, meaning, constraints).

The table schemas (:mod:`analysis.data.schema`) list which fields they hold; the pandera
validators and the Frictionless descriptor are both built from these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocabularies import CATEGORIES, CHANGES, COMPARATORS, LEVELS, REGIONS, SCRIPTS, UNITS, codes

ID_PATTERN = r"^[a-z][a-z0-9_-]*$"


@dataclass(frozen=True)
class Field:
    """One column: its Frictionless type, meaning and constraints."""

    name: str
    type: str  # Frictionless type: string, integer, number, boolean
    description: str
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None


FIELDS: dict[str, Field] = {
    f.name: f
    for f in [
        Field(
            "jurisdiction_id", "string", "Stable id of a jurisdiction (nation, province or city).", pattern=ID_PATTERN
        ),
        Field("name_zh", "string", "Name in simplified Chinese."),
        Field("name_en", "string", "Name in English."),
        Field("level", "string", "Administrative level.", enum=tuple(codes(LEVELS))),
        Field(
            "parent_id",
            "string",
            "jurisdiction_id of the province a city belongs to, or of the nation a province belongs to.",
            pattern=ID_PATTERN,
        ),
        Field("region", "string", "Official four-region group (东部/中部/西部/东北).", enum=tuple(codes(REGIONS))),
        Field("doc_id", "string", "Stable id of a plan document: <jurisdiction>-<year issued>.", pattern=ID_PATTERN),
        Field(
            "title_zh",
            "string",
            "Chinese title, in simplified characters; composed from the text where the text prints none (see notes).",
        ),
        Field("title_en", "string", "English title (a translation made here)."),
        Field("issuer", "string", "Issuing body as printed; empty where the text does not print it."),
        Field(
            "issued",
            "string",
            "Date of issue, ISO 8601, to the precision the source gives (YYYY-MM-DD or YYYY-MM).",
            pattern=r"^\d{4}-\d{2}(-\d{2})?$",
        ),
        Field("doc_number", "string", "Document number (文号) where printed."),
        Field("script", "string", "Chinese script of the source text.", enum=tuple(codes(SCRIPTS))),
        Field(
            "source_file",
            "string",
            "Path of the source text, relative to the data folder.",
            pattern=r"^sources/[^/]+\.txt$",
        ),
        Field(
            "sha256",
            "string",
            "SHA-256 of the source file's bytes: an edited source text no longer matches.",
            pattern=r"^[0-9a-f]{64}$",
        ),
        Field("source_url", "string", "Where the text was published, where known (a record of origin)."),
        Field("indicator_id", "string", "Stable snake_case id of a catalogue indicator.", pattern=r"^[a-z][a-z0-9_]*$"),
        Field(
            "unit",
            "string",
            "Unit as the source writes it (counters such as 个/项/件 all count things; 万件 and 亿元 are scaled).",
            enum=tuple(u.code for u in UNITS),
        ),
        Field("higher_is_better", "boolean", "Whether a higher value is the better outcome."),
        Field("category", "string", "Policy area of the indicator.", enum=tuple(codes(CATEGORIES))),
        Field(
            "aliases",
            "string",
            "Phrase variants that name the indicator in plans, simplified characters, separated by ';'. "
            "Traditional-character text is matched after OpenCC conversion.",
        ),
        Field(
            "target_id", "string", "Stable id of a target: <doc_id>-<number in order of the text>.", pattern=ID_PATTERN
        ),
        Field(
            "target_year",
            "integer",
            "Year the target is for (the plan's horizon where the sentence names none; see notes).",
            minimum=1949,
            maximum=2100,
        ),
        Field(
            "comparator",
            "string",
            "Kind of commitment: >= (以上/不低于/超过), <= (以下/以内), = (plain 达到), ~ (左右), range (1-2个).",
            enum=tuple(codes(COMPARATORS)),
        ),
        Field("value", "number", "The number as the text gives it (for a range, the low end); in the row's unit."),
        Field("value_high", "number", "High end of a range; empty otherwise."),
        Field(
            "baseline_year",
            "integer",
            "Baseline year of a relative target (较2020年 -> 2020).",
            minimum=1949,
            maximum=2100,
        ),
        Field(
            "change",
            "string",
            "Kind of change for targets that are not a level to reach; empty for a level.",
            enum=tuple(codes(CHANGES)),
        ),
        Field("section", "string", "Where in the plan: the heading path, as written."),
        Field(
            "char_offset",
            "integer",
            "Offset of the quote in the decoded source text, in characters (Python string index).",
            minimum=0,
        ),
        Field("quote", "string", "Exact substring of the source text that contains the number."),
        Field("notes", "string", "Judgement calls, ambiguity and how the year was read."),
        Field("observation_id", "string", "Stable id of an observed value.", pattern=ID_PATTERN),
        Field("year", "integer", "Year the observed value refers to.", minimum=1949, maximum=2100),
        Field("publisher", "string", "Who published the figure, and where."),
    ]
}
