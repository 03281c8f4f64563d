"""The field dictionary: every column of every table defined once (type, meaning, constraints).

The table schemas (:mod:`analysis.data.schema`) list which fields they hold; the pandera
validators and the Frictionless descriptor are both built from these definitions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocabularies import (
    BASES,
    CATEGORIES,
    CHANGES,
    COMPARATORS,
    COVERAGES,
    FORMATS,
    KINDS,
    LEVELS,
    OBLIGATIONS,
    REGIONS,
    SCRIPTS,
    SOURCE_KINDS,
    SOURCE_SITES,
    STANDINGS,
    TIERS,
    UNITS,
    YEAR_BASES,
    codes,
)

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
            "jurisdiction_id",
            "string",
            "Stable id of a jurisdiction (nation, province, city or district).",
            pattern=ID_PATTERN,
        ),
        Field("name_zh", "string", "Name in simplified Chinese."),
        Field("name_en", "string", "Name in English."),
        Field("level", "string", "Administrative level.", enum=tuple(codes(LEVELS))),
        Field(
            "parent_id",
            "string",
            "jurisdiction_id of the jurisdiction one level up: the nation for a province, the province for a"
            " city, the province or city for a district.",
            pattern=ID_PATTERN,
        ),
        Field("region", "string", "Official four-region group (东部/中部/西部/东北).", enum=tuple(codes(REGIONS))),
        Field(
            "doc_id",
            "string",
            "Stable id of a plan document: <jurisdiction>-<year issued> (-undated where the copy gives no date).",
            pattern=ID_PATTERN,
        ),
        Field(
            "tier",
            "string",
            "How the plan is known: quoted (its text is in sources/, every target quoted at an offset) or cited"
            " (known from a published copy; targets carry the copy's URL, no quote).",
            enum=tuple(codes(TIERS)),
        ),
        Field(
            "coverage",
            "string",
            "How much of the plan was read: full, or excerpt (silence on an indicator then means nothing).",
            enum=tuple(codes(COVERAGES)),
        ),
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
            "Date of issue, ISO 8601, to the precision the source gives (YYYY-MM-DD, YYYY-MM or YYYY);"
            " empty where the copy gives none.",
            pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        ),
        Field("doc_number", "string", "Document number (文号) where printed."),
        Field("script", "string", "Chinese script of the source text (quoted plans).", enum=tuple(codes(SCRIPTS))),
        Field(
            "source_file",
            "string",
            "Path of the source text, relative to the data folder (quoted plans): the text extracted from the"
            " original file, exactly as stored.",
            pattern=r"^sources/[^/]+\.txt$",
        ),
        Field(
            "sha256",
            "string",
            "SHA-256 of the source file's bytes: an edited source text no longer matches.",
            pattern=r"^[0-9a-f]{64}$",
        ),
        Field(
            "original_name",
            "string",
            "File name of the original the user received (a web page, PDF, Word document or text), where known.",
        ),
        Field("original_format", "string", "Format of the original file.", enum=tuple(codes(FORMATS))),
        Field(
            "original_sha256",
            "string",
            "SHA-256 of the original file's bytes, so a quote can be traced to the file received.",
            pattern=r"^[0-9a-f]{64}$",
        ),
        Field(
            "source_url",
            "string",
            "Where the copy that was read is published (a record of origin; for a cited plan, required).",
        ),
        Field("source_kind", "string", "What the published page was.", enum=tuple(codes(SOURCE_KINDS))),
        Field(
            "source_site",
            "string",
            "Where the copy that was read sits: a government site, a news outlet, a third-party reprint of an"
            " official text (check the official original before citing), or no web copy.",
            enum=tuple(codes(SOURCE_SITES)),
        ),
        Field("indicator_id", "string", "Stable snake_case id of a catalogue indicator.", pattern=r"^[a-z][a-z0-9_]*$"),
        Field(
            "unit",
            "string",
            "Unit as the source writes it (counters such as 个/项/件 all count things; 万件 and 亿元 are scaled).",
            enum=tuple(u.code for u in UNITS),
        ),
        Field("higher_is_better", "boolean", "Whether a higher value is the better outcome."),
        Field(
            "complement_of",
            "string",
            "For a failure rate, the pass rate it complements to 100%: published as one, the other is derived"
            " in the library and labelled derived.",
            pattern=r"^[a-z][a-z0-9_]*$",
        ),
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
            "indicator_text",
            "string",
            "The indicator as a cited plan's copy names it (simplified characters); the quote holds it for a"
            " quoted plan.",
        ),
        Field(
            "target_year",
            "integer",
            "Year the target is for (the plan's horizon where the sentence names none; see notes). Empty only"
            " for a cited target whose copy states no year.",
            minimum=1949,
            maximum=2100,
            unit="year",
        ),
        Field(
            "comparator",
            "string",
            "Kind of commitment: >= (以上/不低于/超过), <= (以下/以内), = (plain 达到), ~ (左右), range (1-2个).",
            enum=tuple(codes(COMPARATORS)),
        ),
        Field(
            "value",
            "number",
            "The number as the text gives it (for a range, the low end); in the row's unit.",
            unit="the row's unit (column unit)",
        ),
        Field("value_high", "number", "High end of a range; empty otherwise.", unit="the row's unit (column unit)"),
        Field(
            "baseline_year",
            "integer",
            "Baseline year of a relative target (较2020年 -> 2020), the year before a counting period starts"
            " (十四五期间新增 -> 2020), or the year of a stated baseline value.",
            minimum=1949,
            maximum=2100,
            unit="year",
        ),
        Field(
            "baseline_value",
            "number",
            "The baseline value a plan states (基期值), in the row's unit.",
            unit="the row's unit (column unit)",
        ),
        Field(
            "kind",
            "string",
            "What the target commits to: level (a total or level reached), addition (units added over the plan"
            " period), annual (a yearly quota), rate (a percentage or ratio), index (a composite score), rank (a"
            " place in a ranking) or relative (a change on a baseline). Read from the wording (quote or evidence,"
            " with context) by one rule for both tiers (analysis.data.kinds); only targets of one kind are ranked"
            " or averaged together.",
            enum=tuple(codes(KINDS)),
        ),
        Field(
            "change",
            "string",
            "How a relative target is stated against its baseline (较2020年下降 -> decrease, 年均增长 ->"
            " annual_growth); empty for every other kind.",
            enum=tuple(codes(CHANGES)),
        ),
        Field(
            "context",
            "string",
            "Words outside the quote or evidence that govern the number, as written (a verb or period phrase the"
            " sentence or heading shares: 新增, “十四五”期间); the kind rule reads them with the quote or evidence."
            " In a quoted plan they occur in the text before the quote.",
        ),
        Field(
            "obligation",
            "string",
            "The plan's own attribute of a target (属性): binding (约束性) or expected (预期性); empty where it"
            " says none.",
            enum=tuple(codes(OBLIGATIONS)),
        ),
        Field("section", "string", "Where in the plan: the heading path, as written (quoted plans)."),
        Field(
            "char_offset",
            "integer",
            "Offset of the quote in the stored source text, in characters (Python string index; quoted plans).",
            minimum=0,
            unit="characters",
        ),
        Field("quote", "string", "Exact substring of the stored source text that contains the number (quoted plans)."),
        Field("notes", "string", "Judgement calls, ambiguity and how the year was read."),
        Field("observation_id", "string", "Stable id of an observed value.", pattern=ID_PATTERN),
        Field("year", "integer", "Year the observed value refers to.", minimum=1949, maximum=2100, unit="year"),
        Field(
            "year_basis",
            "string",
            "stated: the year is given with the figure; inferred: read from the context (the notes say from what),"
            " marked on charts.",
            enum=tuple(codes(YEAR_BASES)),
        ),
        Field("publisher", "string", "Who published the figure, and where."),
        Field(
            "basis",
            "string",
            "published: the figure as printed in the evidence; derived: computed from published figures"
            " (see derivation).",
            enum=tuple(codes(BASES)),
        ),
        Field(
            "derivation",
            "string",
            "For a derived value, the arithmetic over published figures that gives it (93.65 - 0.36).",
        ),
        Field(
            "evidence",
            "string",
            "The passage of the copy read that holds the number, verbatim in the copy's script (a published figure;"
            " a cited target, whose copy is not stored). Empty for a quoted target, which has its quote.",
        ),
        Field(
            "standing",
            "string",
            "What the document is: an adopted plan, outline or opinion; an implementation scheme or action plan;"
            " an annual plan or work points; a press reading or news summary of a plan; a draft for comment."
            " Drafts stay out of the default comparison.",
            enum=tuple(codes(STANDINGS)),
        ),
        Field(
            "family",
            "string",
            "The plan a document belongs to, as the doc_id of the family's document of highest standing: every"
            " copy, reading and excerpt of one plan shares it (a plan counts once). A document alone in its"
            " family names itself.",
            pattern=ID_PATTERN,
        ),
        Field(
            "vintage",
            "string",
            "The method a published value was measured under (vintages.csv); values of different vintages are"
            " not compared (no growth across a change of method). Required for an indicator with vintages.",
            pattern=ID_PATTERN,
        ),
        Field(
            "first_year",
            "integer",
            "First year a vintage's method applies to.",
            minimum=1949,
            maximum=2100,
            unit="year",
        ),
        Field(
            "last_year",
            "integer",
            "Last year a vintage's method applies to; empty while it is current.",
            minimum=1949,
            maximum=2100,
            unit="year",
        ),
        Field("description", "string", "What the method measures, and how it differs from the one before."),
        # The measures (measures.csv, derived by the library from the tables above).
        Field(
            "peer_group",
            "string",
            "The target's peer group: indicator|kind, then |level for totals, additions and yearly quotas (they"
            " grow with a jurisdiction's size), then |vintage where the indicator's method changed. Only members"
            " of one group are ranked together.",
        ),
        Field("peer_n", "integer", "Members of the peer group (one target per jurisdiction, the latest).", minimum=0),
        Field(
            "peer_rank",
            "integer",
            "Rank within the peer group (1 = most ambitious; ties share the best rank); empty in a group of fewer"
            " than 3.",
            minimum=1,
        ),
        Field("peer_percentile", "number", "100 * (n - rank) / (n - 1) within the peer group.", minimum=0, maximum=100),
        Field(
            "vs_peer_median_pct",
            "number",
            "d * (value - group median) / |median| * 100, d = +1 where higher is better, -1 otherwise.",
            unit="%",
        ),
        Field(
            "headroom",
            "number",
            "d * (value - national path in the target year), on the path of the target's method vintage; rates"
            " and indices only.",
            unit="the indicator's unit",
        ),
        Field(
            "implied_annual_change",
            "number",
            "The yearly change the target implies from its stated baseline or a published value of its vintage.",
            unit="implied_annual_change_unit",
        ),
        Field("implied_annual_change_unit", "string", "Unit of implied_annual_change (%/year, points/year ...)."),
        Field(
            "change_baseline_year",
            "integer",
            "Year of the value the implied change is measured from.",
            minimum=1949,
            maximum=2100,
            unit="year",
        ),
        Field("change_baseline_vintage", "string", "Method vintage of that value (the target's own, or none)."),
        Field(
            "implied_level",
            "number",
            "For an addition: the published stock at the start of its period plus the addition; empty without"
            " a sourced stock.",
            unit="the indicator's unit",
        ),
        Field(
            "progress_status",
            "string",
            "Standing against the published record from the plan's base year (UN ESCAP method): met before"
            " adoption, achieved, on track, needs acceleration, limited progress, deterioration, met, missed.",
        ),
        Field("progress_ratio", "number", "Observed / required compound growth from the base year."),
        Field(
            "years_ahead",
            "number",
            "headroom / the national path's yearly change at the target year (where the path improves): how many"
            " years ahead of the nation the target stands; unit-free, so indicators compare.",
            unit="years",
        ),
        Field(
            "ambition_band",
            "string",
            "well above, above, at or below: a rate's or index's headroom over the national path (at: within half"
            " a unit of the last decimal the nation publishes it in; well above: at least two years of the path's"
            " own change ahead), or a count's distance from its peer group's median (groups of five or more).",
            enum=("well above", "above", "at", "below"),
        ),
        # The hierarchy (hierarchy.csv, derived): a target against the level above it.
        Field(
            "lower_target_id",
            "string",
            "The lower level's target (a city's or district's, or a province's).",
            pattern=ID_PATTERN,
        ),
        Field(
            "upper_target_id",
            "string",
            "The target of the level above (its own province's, or the nation's).",
            pattern=ID_PATTERN,
        ),
        Field("lower_jurisdiction_id", "string", "Who set the lower target.", pattern=ID_PATTERN),
        Field("upper_jurisdiction_id", "string", "Who set the upper target.", pattern=ID_PATTERN),
        Field("lower_level", "string", "Level of government of the lower target.", enum=tuple(codes(LEVELS))),
        Field("upper_level", "string", "Level of government of the upper target.", enum=tuple(codes(LEVELS))),
        Field("province_id", "string", "The province the pair belongs to.", pattern=ID_PATTERN),
        Field("lower_target_year", "integer", "The lower target's year.", minimum=1949, maximum=2100, unit="year"),
        Field("upper_target_year", "integer", "The upper target's year.", minimum=1949, maximum=2100, unit="year"),
        Field(
            "aligned_year",
            "integer",
            "The year both are compared in: the upper target is moved to the lower target's year along the"
            " national path. Empty where the pair could not be aligned.",
            minimum=1949,
            maximum=2100,
            unit="year",
        ),
        Field(
            "gap",
            "number",
            "d * (lower value - upper value moved to the aligned year), d = +1 where higher is better: positive,"
            " the lower level asks more.",
            unit="the indicator's unit",
        ),
        Field(
            "tolerance",
            "number",
            "Half a unit of the last decimal the nation publishes the indicator in.",
            unit="the indicator's unit",
        ),
        Field(
            "relation",
            "string",
            "raised (gap above the tolerance), echo (within it) or lowered (below minus it); empty where the pair"
            " could not be aligned.",
            enum=("raised", "echo", "lowered"),
        ),
    ]
}
