"""The field dictionary, vocabularies and table schemas: the one place the data's shape is defined.

Every column is described once in ``FIELDS`` (type, description, allowed values, unit); the
five tables list which fields they hold. From that single description this module builds
both the pandera validators the loader runs and the Frictionless descriptor
(``data/datapackage.json``) that users of R, Excel or any Frictionless tool read, so the two
cannot drift apart (``python -m analysis datapackage`` rewrites the descriptor; a test checks
the committed copy is current).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from .atomic import write_text

# ---------------------------------------------------------------------------------------------
# Vocabularies, declared once with their order (charts and tables reuse this order).


@dataclass(frozen=True)
class Term:
    """One allowed value of a vocabulary, with the labels charts show for it."""

    code: str
    zh: str
    en: str


LEVELS = (
    Term("nation", "国家", "nation"),
    Term("province", "省", "province"),
    Term("city", "市", "city"),
)
REGIONS = (
    Term("eastern", "东部", "eastern"),
    Term("central", "中部", "central"),
    Term("western", "西部", "western"),
    Term("northeastern", "东北", "northeastern"),
)
COMPARATORS = (
    Term(">=", "不低于(以上/不低于/超过)", "at least"),
    Term("=", "达到", "reach"),
    Term("~", "左右", "about"),
    Term("range", "区间", "range"),
    Term("<=", "不高于(以下/以内)", "at most"),
)
CHANGES = (
    Term("increase", "较基期提高", "increase on a baseline"),
    Term("decrease", "较基期下降", "decrease on a baseline"),
    Term("new", "期内新增", "new over the plan period"),
    Term("annual_new", "每年新增", "new each year"),
    Term("annual_growth", "年均增长", "average annual growth"),
    Term("annual", "每年", "each year"),
)
CATEGORIES = (
    Term("economy", "经济", "economy"),
    Term("industry", "产业", "industry"),
    Term("products", "产品", "products"),
    Term("food_drugs", "食品药品", "food and drugs"),
    Term("engineering", "工程", "engineering"),
    Term("services", "服务", "services"),
    Term("brands_ip", "品牌与知识产权", "brands and IP"),
    Term("quality_infrastructure", "质量基础设施", "quality infrastructure"),
    Term("environment", "环境", "environment"),
    Term("governance", "质量治理", "governance"),
)
SCRIPTS = (
    Term("simplified", "简体", "simplified"),
    Term("traditional", "繁体", "traditional"),
)


@dataclass(frozen=True)
class Unit:
    """A unit as plans write it: the quantity it measures and its factor to that quantity's base."""

    code: str
    quantity: str
    factor: float
    en: str


# Chinese counters (个, 项, 件, 家 ...) all count things: a plan may say 个 where the catalogue
# says 项, and the numbers still compare. Scaled units (万件, 亿元) convert by their factor.
UNITS = tuple(
    Unit(*u)
    for u in [
        ("%", "percent", 1, "%"),
        ("个百分点", "percentage_points", 1, "percentage points"),
        ("index", "index", 1, "index points"),
        ("分", "score", 1, "points"),
        ("级", "grade", 1, "grade"),
        ("个", "count", 1, "count"),
        ("项", "count", 1, "items"),
        ("件", "count", 1, "items"),
        ("家", "count", 1, "units"),
        ("张", "count", 1, "certificates"),
        ("条", "count", 1, "chains"),
        ("处", "count", 1, "sites"),
        ("万件", "count", 1e4, "10,000 items"),
        ("亿元", "yuan", 1e8, "100 million yuan"),
        ("万元", "yuan", 1e4, "10,000 yuan"),
        ("万亩次", "mu_services", 1e4, "10,000 mu-services"),
        ("吨标准煤/万元", "energy_intensity", 1, "tce per 10,000 yuan"),
    ]
)
UNIT_BY_CODE = {u.code: u for u in UNITS}
# Relative targets (较2020年下降14%, 提高0.36个百分点) are stated in these units whatever the
# indicator's own unit is.
RELATIVE_CHANGES = ("increase", "decrease", "annual_growth")
RELATIVE_UNITS = ("%", "个百分点")


def codes(vocabulary: tuple[Term, ...]) -> list[str]:
    """The codes of a vocabulary, in its declared order."""
    return [t.code for t in vocabulary]


def label(vocabulary: tuple[Term, ...], code: str, lang: str) -> str:
    """The zh or en label of one code."""
    for term in vocabulary:
        if term.code == code:
            return getattr(term, lang)
    raise KeyError(code)


# ---------------------------------------------------------------------------------------------
# The field dictionary.

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
        Field("jurisdiction_id", "string", "Stable id of a jurisdiction (nation, province or city).", pattern=ID_PATTERN),
        Field("name_zh", "string", "Name in simplified Chinese."),
        Field("name_en", "string", "Name in English."),
        Field("level", "string", "Administrative level.", enum=tuple(codes(LEVELS))),
        Field("parent_id", "string", "jurisdiction_id of the province a city belongs to, or of the nation a province belongs to.", pattern=ID_PATTERN),
        Field("region", "string", "Official four-region group (东部/中部/西部/东北).", enum=tuple(codes(REGIONS))),
        Field("doc_id", "string", "Stable id of a plan document: <jurisdiction>-<year issued>.", pattern=ID_PATTERN),
        Field("title_zh", "string", "Chinese title, in simplified characters; composed from the text where the text prints none (see notes)."),
        Field("title_en", "string", "English title (a translation made here)."),
        Field("issuer", "string", "Issuing body as printed; empty where the text does not print it."),
        Field("issued", "string", "Date of issue, ISO 8601, to the precision the source gives (YYYY-MM-DD or YYYY-MM).", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        Field("doc_number", "string", "Document number (文号) where printed."),
        Field("script", "string", "Chinese script of the source text.", enum=tuple(codes(SCRIPTS))),
        Field("source_file", "string", "Path of the source text, relative to the data folder.", pattern=r"^sources/[^/]+\.txt$"),
        Field("sha256", "string", "SHA-256 of the source file's bytes: an edited source text no longer matches.", pattern=r"^[0-9a-f]{64}$"),
        Field("source_url", "string", "Where the text was published, where known (a record of origin)."),
        Field("indicator_id", "string", "Stable snake_case id of a catalogue indicator.", pattern=r"^[a-z][a-z0-9_]*$"),
        Field("unit", "string", "Unit as the source writes it (counters such as 个/项/件 all count things; 万件 and 亿元 are scaled).", enum=tuple(u.code for u in UNITS)),
        Field("higher_is_better", "boolean", "Whether a higher value is the better outcome."),
        Field("category", "string", "Policy area of the indicator.", enum=tuple(codes(CATEGORIES))),
        Field("aliases", "string", "Phrase variants that name the indicator in plans, simplified characters, separated by ';'. Traditional-character text is matched after OpenCC conversion."),
        Field("target_id", "string", "Stable id of a target: <doc_id>-<number in order of the text>.", pattern=ID_PATTERN),
        Field("target_year", "integer", "Year the target is for (the plan's horizon where the sentence names none; see notes).", minimum=1949, maximum=2100),
        Field("comparator", "string", "Kind of commitment: >= (以上/不低于/超过), <= (以下/以内), = (plain 达到), ~ (左右), range (1-2个).", enum=tuple(codes(COMPARATORS))),
        Field("value", "number", "The number as the text gives it (for a range, the low end); in the row's unit."),
        Field("value_high", "number", "High end of a range; empty otherwise."),
        Field("baseline_year", "integer", "Baseline year of a relative target (较2020年 -> 2020).", minimum=1949, maximum=2100),
        Field("change", "string", "Kind of change for targets that are not a level to reach; empty for a level.", enum=tuple(codes(CHANGES))),
        Field("section", "string", "Where in the plan: the heading path, as written."),
        Field("char_offset", "integer", "Offset of the quote in the decoded source text, in characters (Python string index).", minimum=0),
        Field("quote", "string", "Exact substring of the source text that contains the number."),
        Field("notes", "string", "Judgement calls, ambiguity and how the year was read."),
        Field("observation_id", "string", "Stable id of an observed value.", pattern=ID_PATTERN),
        Field("year", "integer", "Year the observed value refers to.", minimum=1949, maximum=2100),
        Field("publisher", "string", "Who published the figure, and where."),
    ]
}


@dataclass(frozen=True)
class ForeignKey:
    """A column whose values must exist in another table's key."""

    column: str
    table: str
    key: str


@dataclass(frozen=True)
class Table:
    """One CSV table: its columns in order, which are required, its key and references."""

    name: str
    description: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    primary_key: str
    foreign_keys: tuple[ForeignKey, ...] = ()
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def field(self, column: str) -> Field:
        """The dictionary field for a column, with this table's description where it differs."""
        base = FIELDS[column]
        extra = self.overrides.get(column)
        if not extra:
            return base
        return Field(**{**base.__dict__, **extra})


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "jurisdictions",
            "Nation, provinces and cities that set or report figures.",
            ("jurisdiction_id", "name_zh", "name_en", "level", "parent_id", "region"),
            ("jurisdiction_id", "name_zh", "name_en", "level"),
            "jurisdiction_id",
            (ForeignKey("parent_id", "jurisdictions", "jurisdiction_id"),),
        ),
        Table(
            "documents",
            "The plans in the corpus, with the checksum of each source text.",
            ("doc_id", "jurisdiction_id", "title_zh", "title_en", "issuer", "issued", "doc_number", "script", "source_file", "sha256", "source_url", "notes"),
            ("doc_id", "jurisdiction_id", "title_zh", "title_en", "issued", "script", "source_file", "sha256"),
            "doc_id",
            (ForeignKey("jurisdiction_id", "jurisdictions", "jurisdiction_id"),),
        ),
        Table(
            "indicators",
            "The indicator catalogue: one id per measure, shared by every plan that sets it.",
            ("indicator_id", "name_zh", "name_en", "unit", "higher_is_better", "category", "aliases", "notes"),
            ("indicator_id", "name_zh", "name_en", "unit", "higher_is_better", "category", "aliases"),
            "indicator_id",
            overrides={"unit": {"description": "Unit the indicator is compared in."}, "notes": {"description": "Why phrasings were merged or kept apart."}},
        ),
        Table(
            "targets",
            "Every quantitative target of the plans, each traceable to an exact quote at a character offset of its source text.",
            ("target_id", "doc_id", "indicator_id", "target_year", "comparator", "value", "value_high", "unit", "baseline_year", "change", "section", "char_offset", "quote", "notes"),
            ("target_id", "doc_id", "indicator_id", "target_year", "comparator", "value", "unit", "section", "char_offset", "quote"),
            "target_id",
            (
                ForeignKey("doc_id", "documents", "doc_id"),
                ForeignKey("indicator_id", "indicators", "indicator_id"),
            ),
        ),
        Table(
            "observations",
            "Observed values (national, provincial and regional) with their citation.",
            ("observation_id", "jurisdiction_id", "region", "indicator_id", "year", "value", "unit", "publisher", "source_url", "notes"),
            ("observation_id", "indicator_id", "year", "value", "unit", "publisher"),
            "observation_id",
            (
                ForeignKey("jurisdiction_id", "jurisdictions", "jurisdiction_id"),
                ForeignKey("indicator_id", "indicators", "indicator_id"),
            ),
            overrides={
                "jurisdiction_id": {"description": "Jurisdiction observed; empty for a regional aggregate."},
                "region": {"description": "Region of a regional aggregate; empty for a jurisdiction."},
                "value": {"description": "Observed value, in the row's unit."},
                "source_url": {"description": "Where the figure was published (a record of origin)."},
            },
        ),
    ]
}
TABLE_ORDER = ("jurisdictions", "documents", "indicators", "targets", "observations")

# ---------------------------------------------------------------------------------------------
# pandas dtypes and pandera schemas built from the dictionary.

VOCABULARY_OF = {"level": LEVELS, "region": REGIONS, "comparator": COMPARATORS, "change": CHANGES, "category": CATEGORIES, "script": SCRIPTS}


def pandas_dtype(f: Field) -> Any:
    """The dtype a column has once loaded: nullable ints, floats, ordered categoricals, strings."""
    if f.name in VOCABULARY_OF:
        return pd.CategoricalDtype(codes(VOCABULARY_OF[f.name]), ordered=True)
    return {"integer": "Int64", "number": "Float64", "boolean": "boolean"}.get(f.type, "string")


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """A pandera schema checking types, required values, vocabularies, patterns and ranges.

    Parsing text into typed columns is the loader's job (it reports unparseable cells with
    their line); this schema checks the parsed frame, lazily, so every problem is reported.
    """
    columns = {}
    for name in table.columns:
        f = table.field(name)
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(list(f.enum), error=f"must be one of: {', '.join(f.enum)}"))
        if f.pattern:
            checks.append(pa.Check.str_matches(f.pattern, error=f"must match the pattern {f.pattern}"))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum, error=f"must be at least {f.minimum:g}"))
        if f.maximum is not None:
            checks.append(pa.Check.le(f.maximum, error=f"must be at most {f.maximum:g}"))
        dtype = "string" if name in VOCABULARY_OF else pandas_dtype(f)  # categories come after the checks
        columns[name] = pa.Column(dtype, checks=checks, nullable=name not in table.required)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=table.name)


# ---------------------------------------------------------------------------------------------
# The Frictionless descriptor built from the same dictionary.


def frictionless_field(table: Table, name: str) -> dict[str, Any]:
    """One field of a Frictionless table schema."""
    f = table.field(name)
    out: dict[str, Any] = {"name": name, "type": f.type, "description": f.description}
    if f.type == "boolean":
        out.update(trueValues=["true"], falseValues=["false"])
    constraints: dict[str, Any] = {}
    if name in table.required:
        constraints["required"] = True
    if name == table.primary_key:
        constraints["unique"] = True
    if f.enum:
        constraints["enum"] = list(f.enum)
    if f.pattern:
        constraints["pattern"] = f.pattern.strip("^$")
    if f.minimum is not None:
        constraints["minimum"] = int(f.minimum)
    if f.maximum is not None:
        constraints["maximum"] = int(f.maximum)
    if constraints:
        out["constraints"] = constraints
    if name == "unit":
        out["unitLabels"] = {u.code: u.en for u in UNITS}
    return out


def datapackage(sources: list[dict[str, str]]) -> dict[str, Any]:
    """The data package descriptor: every table and, as plain-text resources, the source texts.

    ``sources`` holds ``doc_id``, ``source_file`` and ``sha256`` for each source text, so the
    descriptor also lets a Frictionless tool verify the texts' checksums.
    """
    resources: list[dict[str, Any]] = []
    for name in TABLE_ORDER:
        t = TABLES[name]
        schema: dict[str, Any] = {
            "fields": [frictionless_field(t, c) for c in t.columns],
            "missingValues": [""],
            "primaryKey": [t.primary_key],
        }
        if t.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": [fk.column], "reference": {"resource": "" if fk.table == t.name else fk.table, "fields": [fk.key]}}
                for fk in t.foreign_keys
            ]
        resources.append(
            {
                "name": t.name,
                "path": t.file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": t.description,
                "schema": schema,
            }
        )
    for s in sources:
        resources.append(
            {
                "name": "source-" + s["doc_id"],
                "path": s["source_file"],
                "format": "txt",
                "mediatype": "text/plain",
                "encoding": "utf-8",
                "hash": "sha256:" + s["sha256"],
                "description": f"Source text of {s['doc_id']}, as obtained (immutable).",
            }
        )
    return {
        "profile": "data-package",
        "name": "quality-targets",
        "title": "Quantitative targets of Chinese quality-development plans (质量强市/质量强省)",
        "description": (
            "Curated targets of city and provincial quality plans and the national Quality Power "
            "Outline, each with an exact quote and character offset into its source text, plus an "
            "indicator catalogue and cited observed values."
        ),
        "resources": resources,
    }


def datapackage_json(sources: list[dict[str, str]]) -> str:
    """The descriptor as the text committed in ``data/datapackage.json``."""
    return json.dumps(datapackage(sources), ensure_ascii=False, indent=2) + "\n"


def current_descriptor(data_dir: Path) -> str:
    """The descriptor for a data folder, listing its source texts from ``documents.csv``."""
    with open(Path(data_dir) / "documents.csv", encoding="utf-8", newline="") as f:
        sources = [{k: row[k] for k in ("doc_id", "source_file", "sha256")} for row in csv.DictReader(f)]
    return datapackage_json(sources)


def write_descriptor(data_dir: Path, text: str) -> None:
    """Write ``datapackage.json`` atomically."""
    write_text(Path(data_dir) / "datapackage.json", text)
