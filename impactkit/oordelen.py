"""The one vocabulary of verdicts: every table, finding, chart, report and the book use these words.

A verdict is about a difference between a region's value and a reference (Nederland, all
regions, an earlier period, the national change, a norm). It is decided in one place,
:func:`oordeel`, from the difference, its p-value (corrected for many tests where the analysis
did so) and the smallest difference that matters (:class:`impactkit.vergelijken.Drempels`).

The direction is part of the word only where it is clear (``opvallend hoger`` / ``opvallend
lager``); a difference that may be chance is called ``mogelijk toeval`` whatever its sign, so
the sentence never suggests a direction the figures do not show.

Examples
--------
>>> oordeel(4.0, 0.001, 3.0)
'opvallend hoger'
>>> oordeel(1.0, 0.001, 3.0)
'klein verschil'
>>> oordeel(-4.0, 0.20, 3.0)
'mogelijk toeval'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

OPVALLEND_HOGER = "opvallend hoger"
OPVALLEND_LAGER = "opvallend lager"
KLEIN_VERSCHIL = "klein verschil"
MOGELIJK_TOEVAL = "mogelijk toeval"
BINNEN_SPREIDING = "binnen de gewone spreiding"
GEEN_VERSCHIL = "geen verschil"
GEEN_TOETS = "geen toets mogelijk"
GEEN_GEGEVENS = "geen gegevens"
VOLDOET = "voldoet aan norm"
VOLDOET_NIET = "voldoet niet aan norm"
ONZEKER_NORM = "onzeker ten opzichte van norm"

OORDELEN: dict[str, str] = {
    OPVALLEND_HOGER: "Hoger dan de referentie; het verschil is groter dan toeval verklaart en "
    "groot genoeg om ertoe te doen.",
    OPVALLEND_LAGER: "Lager dan de referentie; het verschil is groter dan toeval verklaart en "
    "groot genoeg om ertoe te doen.",
    KLEIN_VERSCHIL: "Het verschil is groter dan toeval verklaart, maar kleiner dan het verschil "
    "dat in de praktijk telt.",
    MOGELIJK_TOEVAL: "Er is een verschil, maar het kan op toeval berusten: de cijfers zeggen "
    "niet of het hoger of lager is.",
    BINNEN_SPREIDING: "Het cijfer verschilt van Nederland, meer dan toeval verklaart, maar regio's "
    "verschillen onderling gewoonlijk zoveel: het valt binnen de gewone spreiding tussen "
    "regio's en is dus niet uitzonderlijk.",
    GEEN_VERSCHIL: "De waarden zijn gelijk.",
    GEEN_TOETS: "De cijfers laten geen toets toe (bijvoorbeeld een aantal zonder noemer).",
    GEEN_GEGEVENS: "Er is geen (openbaar) cijfer: het ontbreekt of is onderdrukt.",
    VOLDOET: "De waarde haalt de eigen norm, ook met de onzekerheid erbij.",
    VOLDOET_NIET: "De waarde haalt de eigen norm niet, ook met de onzekerheid erbij.",
    ONZEKER_NORM: "De norm ligt binnen het betrouwbaarheidsinterval: niet te zeggen of de norm "
    "gehaald is.",
}
"""Every verdict with its meaning in plain Dutch (the book's glossary is made from this)."""

OPVALLEND = (OPVALLEND_HOGER, OPVALLEND_LAGER)

TOETSWIJZE = (
    "Correctie voor meervoudig toetsen: Benjamini-Hochberg, per indicator over zijn eigen "
    "toetsen (met Nederland, vorige periode, een jaar eerder, trend en verloop tegenover het "
    "land; kolom p_gecorrigeerd). De gewone spreiding tussen regio's is een random-effectsmodel: "
    "τ² volgens DerSimonian-Laird, met de afronding van aantallen op vijftallen meegerekend "
    "(kolom p_spreiding). Een verschil met Nederland heet opvallend als het groter is dan toeval "
    "verklaart, groot genoeg is om in de praktijk te tellen en buiten de gewone spreiding valt."
)
"""The technical note on tests and corrections (reports print it under 'Over dit rapport')."""

SPREIDING_BUITEN = "buiten de gewone spreiding"
SPREIDING_BINNEN = "binnen de gewone spreiding"
"""The second question about a level: does the region fall outside the usual spread between
regions (random effects, DerSimonian–Laird)? Only a difference that is beyond chance against
Nederland, large enough, and outside the usual spread is ``opvallend``."""


def met_spreiding(verdict: str, buiten_spreiding: object) -> str:
    """The verdict about a level once the usual spread between regions is known.

    An ``opvallend`` difference with Nederland that lies within the usual spread between regions
    becomes ``binnen de gewone spreiding``; everything else stays (unknown spread: unchanged).

    >>> met_spreiding("opvallend hoger", False), met_spreiding("opvallend hoger", True)
    ('binnen de gewone spreiding', 'opvallend hoger')
    >>> met_spreiding("mogelijk toeval", False)
    'mogelijk toeval'
    """
    if verdict in OPVALLEND and buiten_spreiding is False:
        return BINNEN_SPREIDING
    return verdict


VERGELIJKINGEN: dict[str, str] = {
    "landelijk": "met Nederland",
    "regios": "met alle regio's",
    "vergelijkbaar": "met regio's van vergelijkbare omvang",
    "vorige_periode": "met de vorige periode",
    "jaar_eerder": "met een jaar eerder",
    "trend": "trend over alle perioden",
    "verloop": "verloop tegenover het land",
    "norm": "met de eigen norm",
}
"""The comparisons a verdict is about, with their Dutch label: the keys of the ``vergelijking``
column of :func:`impactkit.vergelijk` and :func:`impactkit.analyseer` (``verloop``: the region's
change against the national change, :func:`impactkit.verloop`). A table heading starts the label
with a capital."""


@dataclass(frozen=True)
class Drempels:
    """Minimum differences that matter, per unit, and the significance level (configurable).

    For shares the minimum is ``procentpunt`` points or ``deel_van_referentie`` of the reference
    value, whichever is smaller: 3 points for a share around 40 %, 2 points at 8 %, and for a
    rare share a quarter of it (0,3 point at 1,2 %; 0,125 at 0,5 %), so a near-doubling of a
    rare share is never 'klein verschil'. ``ondergrens`` (default 0) can set a floor in points.
    For rates and counts it is ``relatief`` times the reference value.

    Examples
    --------
    >>> Drempels().minimum("%", 42.8), Drempels().minimum("%", 8.0), Drempels().minimum("%", 1.2)
    (3.0, 2.0, 0.3)
    """

    procentpunt: float = 3.0
    relatief: float = 0.15
    alpha: float = 0.05
    deel_van_referentie: float = 0.25
    ondergrens: float = 0.0

    def minimum(self, eenheid: str, referentie: float) -> float:
        """The smallest absolute difference that counts for this unit and reference value."""
        if eenheid == "%":
            if geen_getal(referentie):
                return self.procentpunt
            return max(
                self.ondergrens, min(self.procentpunt, self.deel_van_referentie * abs(referentie))
            )
        return self.relatief * abs(referentie)


def oordeel(verschil: float, p: float, minimum: float, alpha: float = 0.05) -> str:
    """The verdict for a difference with p-value ``p`` and the smallest difference that counts.

    ``opvallend`` needs ``p < alpha`` and ``|verschil| >= minimum`` (relative tolerance 1e-9);
    ``klein verschil`` is statistically clear but smaller; ``mogelijk toeval`` is not clear.
    """
    if verschil is None or geen_getal(verschil):
        return GEEN_GEGEVENS
    if verschil == 0:
        return GEEN_VERSCHIL
    if p is None or geen_getal(p):
        return GEEN_TOETS
    if p < alpha:
        if abs(verschil) >= minimum * (1 - 1e-9):
            return OPVALLEND_HOGER if verschil > 0 else OPVALLEND_LAGER
        return KLEIN_VERSCHIL
    return MOGELIJK_TOEVAL


def is_opvallend(verdict: object) -> bool:
    """True for ``opvallend hoger`` and ``opvallend lager``."""
    return verdict in OPVALLEND


def geen_getal(x: object) -> bool:
    """True when ``x`` is no usable number: missing (None, NaN, pd.NA) or not a number at all.

    Text counts as no number; for "is this value missing" see :func:`impactkit.opmaak.ontbreekt`.

    >>> geen_getal(None), geen_getal(float("nan")), geen_getal("hoger"), geen_getal(0)
    (True, True, True, False)
    """
    try:
        return math.isnan(float(x))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True
