"""The terms the data is published under, as the dataset bundle ships them (``LICENSE-DATA.md``)
and the repository states them (``data/LICENSE.md``, a copy a test keeps identical).

Decided for the project: the curated tables under CC BY 4.0; the plans' source texts remain
their publishers' (government documents, held so every quote can be checked); the code MIT.
"""

DATA_LICENCE = """\
# Licence of the data

**The curated tables** (`jurisdictions.csv`, `documents.csv`, `indicators.csv`, `targets.csv`,
`observations.csv`) and the files that describe them (`datapackage.json`, `README.md`) are
licensed under the Creative Commons Attribution 4.0 International licence (CC BY 4.0,
https://creativecommons.org/licenses/by/4.0/). You may share and adapt them for any purpose,
provided you give appropriate credit (see "How to cite" in `README.md`, or `CITATION.cff`),
link to the licence, and indicate if changes were made.

**The source texts** (`sources/*.txt`) are the plans as published by the government bodies that
issued them. They are not covered by the licence above: their rights remain with their
publishers. They are included so that every quote in `targets.csv` can be checked against the
text it comes from, at its character offset.

**The code** that checks, analyses and presents the data (the `analysis` package in the
repository) is licensed under the MIT licence.
"""
