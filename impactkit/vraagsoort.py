"""What kind of question a hoofdvraag or deelvraag is, and which comparisons answer it.

A question about *change* ("Is het gelukt … terug te dringen?", "Vragen meer mensen advies?")
is answered first by the region's own change (against a year earlier), then by how that change
compares with Nederland's. A question about the *level* ("Hoe vaak gaat het om …?", "… dan
elders?") is answered by the comparison with Nederland and the other regions. A *norm* question by
the region's own norms. A *mix* asks both level and change.

The start questions declare their kind (:attr:`impactkit.startvraagbank.Startvraag.soort`, and
:func:`impactkit.startvraagbank.soort_van_plan` for a plan); an own question gets its kind from
its words (:func:`soort_van_vraag`), and a deelvraag without tell-tale words takes the kind of
its hoofdvraag.

Examples
--------
>>> soort_van_vraag("Is het gelukt om het heftige geweld in onze regio terug te dringen?")
'verandering'
>>> soort_van_vraag("Hoe vaak gaat het om kindermishandeling, vergeleken met het land?")
'niveau'
>>> soort_van_vraag("Halen we onze eigen norm voor hermeldingen?")
'norm'
>>> soort_van_vraag("Is het aandeel hoger dan landelijk, en is het gedaald?")
'mix'
>>> soort_van_vraag("Meldt de politie bij Veilig Thuis?", standaard="verandering")
'verandering'
"""

from __future__ import annotations

import re

VERANDERING = "verandering"
NIVEAU = "niveau"
NORM = "norm"
MIX = "mix"
SOORTEN: dict[str, str] = {
    VERANDERING: "verandering in de tijd",
    NIVEAU: "niveau tegenover Nederland en de andere regio's",
    NORM: "een eigen norm",
    MIX: "niveau én verandering",
}
"""The kinds of question, with what they ask in Dutch."""

# Comparison kinds (the findings' ``vergelijking``) grouped by what they measure. Strength of
# evidence is counted per group: a level and a change are never 'the same direction'.
EIGEN_VERANDERING = ("jaar_eerder", "vorige_periode", "trend")
TEGENOVER_LAND = ("verloop",)
NIVEAU_VERGELIJKINGEN = ("landelijk", "regios")
NORM_VERGELIJKINGEN = ("norm",)
GROEPEN: dict[str, tuple[str, ...]] = {
    "eigen verandering": EIGEN_VERANDERING,
    "verandering tegenover Nederland": TEGENOVER_LAND,
    "niveau": NIVEAU_VERGELIJKINGEN,
    "norm": NORM_VERGELIJKINGEN,
}
"""Comparison groups: each group is one kind of evidence."""

GROEPEN_PER_SOORT: dict[str, tuple[str, ...]] = {
    VERANDERING: ("eigen verandering", "verandering tegenover Nederland"),
    NIVEAU: ("niveau",),
    NORM: ("norm",),
    MIX: ("niveau", "eigen verandering", "verandering tegenover Nederland"),
}
"""The groups that answer a kind of question, the leading one first."""

_NORM = re.compile(r"\b(norm|normen|streefwaarde|streefcijfer|doelstelling|ons doel)\b", re.I)
_VERANDERING = re.compile(
    r"\b(gelukt|terug te dringen|teruggedrongen|terugdringen|vermindert|verminderd|verminderen|"
    r"minder|meer|vaker|korter|langer|beter|slechter|gestegen|gedaald|stijgt|daalt|toegenomen|"
    r"afgenomen|toename|afname|ontwikkeling|ontwikkeld|veranderd|verandert|verandering|sinds|"
    r"nog steeds|groeit|gegroeid|verbetert|verbeterd|verslechterd)\b",
    re.I,
)
_NIVEAU = re.compile(
    r"\b(elders|landelijk|landelijke|nederland|vergeleken|vergelijking|andere regio's|"
    r"regio's|hoe vaak|hoeveel|welke|hoog|hoger|laag|lager|meeste|minste)\b",
    re.I,
)


def soort_van_vraag(tekst: str, standaard: str = NIVEAU) -> str:
    """The kind of a question from its words; ``standaard`` when it has none of them."""
    tekst = str(tekst or "")
    if _NORM.search(tekst):
        return NORM
    verandering, niveau = bool(_VERANDERING.search(tekst)), bool(_NIVEAU.search(tekst))
    if verandering and niveau:
        return MIX
    if verandering:
        return VERANDERING
    if niveau:
        return NIVEAU
    return standaard


def soort_van_deelvraag(tekst: str, hoofdsoort: str) -> str:
    """A deelvraag's kind; without tell-tale words (or under a mixed or norm hoofdvraag) the
    hoofdvraag's kind.

    >>> soort_van_deelvraag("Hoe vaak gaat het om kindermishandeling?", VERANDERING)
    'niveau'
    >>> soort_van_deelvraag("Meldt de politie bij Veilig Thuis?", VERANDERING)
    'verandering'
    """
    if hoofdsoort in (MIX, NORM):
        return hoofdsoort
    return soort_van_vraag(tekst, standaard=hoofdsoort)
