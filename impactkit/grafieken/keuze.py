"""Which charts to show: the ones that show the notable findings, each drawn once.

:func:`grafiekkeuze` reads the findings table of :func:`impactkit.analyseer` (or
``plan.analyseer()``) and returns one row per chart. A finding counts as notable exactly when the
answer counts it as evidence (:func:`impactkit.synthese.bewijs.voorbereid`, column ``_helder``):
an *opvallend* verdict whose adjusted p-value is below ``alpha``, or a norm clearly met or missed.

The kind of chart follows what the finding compares:

- with Nederland or the other regions (``landelijk``, ``regios``, ``vergelijkbaar``): a funnel
  (``trechter``) for percentages and rates per 10.000 inwoners, otherwise the ranking
  (``rangorde``); for a category of a distribution the distribution chart (``verdeling``), which
  shows every category of the region against Nederland;
- over time or against a norm (``verloop``, ``jaar_eerder``, ``vorige_periode``, ``trend``,
  ``norm``): the time series (``tijdreeks``), of the category when the finding is about one.

One chart can show several notable findings of one indicator (a funnel shows the difference with
Nederland and the place among the regions; a time series every change over time); it is chosen
once. Indicators without a notable finding get no chart of their own: the overview chart
(:func:`impactkit.grafieken.profiel`) shows them. Without any notable finding the choice is one
time series of the first indicator with figures, so a page always shows the figures.

:func:`maak_grafiek` draws the chart of one row.

Examples
--------
>>> import pandas as pd
>>> b = pd.DataFrame([
...     {"indicator": "hermeldingen", "vergelijking": "landelijk", "oordeel": "opvallend hoger",
...      "waarde": 41.0, "eenheid": "%"},
...     {"indicator": "hermeldingen", "vergelijking": "vorige_periode",
...      "oordeel": "mogelijk toeval", "waarde": 41.0, "eenheid": "%"},
... ])
>>> grafiekkeuze(b, ["hermeldingen"])[["indicator", "grafiek", "vergelijkingen"]]
      indicator   grafiek vergelijkingen
0  hermeldingen  trechter    [landelijk]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..fouten import OnbekendeKeuze
from ..indicatoren import Indicator
from ..indicatoren import indicator as zoek_indicator
from ..oordelen import VERGELIJKINGEN
from ..opmaak import ontbreekt
from ..synthese.bewijs import voorbereid
from .spreiding import rangorde, trechter
from .tijd import tijdreeks
from .verdelingsgrafiek import verdeling_grafiek

TIJDREEKS = "tijdreeks"
VERDELING = "verdeling"
TRECHTER = "trechter"
RANGORDE = "rangorde"
SOORTEN = (TRECHTER, RANGORDE, VERDELING, TIJDREEKS)
"""The kinds of chart :func:`grafiekkeuze` chooses from."""

IN_DE_RUIMTE = ("landelijk", "regios", "vergelijkbaar")
"""Comparisons with Nederland or other regions: a funnel, ranking or distribution shows them."""

KOLOMMEN = [
    "indicator",
    "categorie",
    "grafiek",
    "vergelijkingen",
    "categorieen",
    "opvallend",
    "reden",
]

_TRECHTER_EENHEDEN = ("%", "per 10.000 inwoners")
_VOLGORDE = {v: i for i, v in enumerate(VERGELIJKINGEN)}


def _sleutel(item: str | tuple[str, str | None]) -> tuple[str, str | None]:
    ind_id, categorie = (item, None) if isinstance(item, str) else (item[0], item[1])
    cat = categorie.strip() if isinstance(categorie, str) and categorie.strip() else None
    return _id(ind_id), cat


def _id(ind_id: str) -> str:
    ind = _ind(ind_id)
    return ind.id if ind is not None else str(ind_id)


def _ind(ind_id: str) -> Indicator | None:
    try:
        return zoek_indicator(ind_id)
    except Exception:  # noqa: BLE001 - an indicator outside the catalogue: judged on its rows
        return None


def _soort(ind: Indicator | None, eenheid: object, categorie: str | None, vergelijking: str) -> str:
    """The kind of chart that shows one finding."""
    if vergelijking not in IN_DE_RUIMTE:
        return TIJDREEKS
    verdeling = ind.is_verdeling if ind is not None else categorie is not None
    if verdeling:  # the distribution chart shows every category against Nederland
        return VERDELING
    eenheid = ind.eenheid if ind is not None else eenheid
    return TRECHTER if eenheid in _TRECHTER_EENHEDEN else RANGORDE


def _reden(soort: str, vergelijkingen: list[str], categorieen: list[str]) -> str:
    """'Opvallend: met Nederland (> 5 jaar, ≤ 1 week).'"""
    wat = ", ".join(VERGELIJKINGEN.get(v, v) for v in vergelijkingen)
    if soort == VERDELING and categorieen:
        wat += f" ({', '.join(categorieen)})"
    return f"Opvallend: {wat}."


def grafiekkeuze(
    bevindingen: pd.DataFrame,
    indicatoren: list[str | tuple[str, str]] | None = None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """The charts that show the notable findings: one row per chart, notable findings first.

    ``indicatoren``: the plan's indicators (ids, or (id, categorie) pairs) in the plan's order;
    the charts follow that order, and within an indicator the order of the comparisons
    (:data:`impactkit.oordelen.VERGELIJKINGEN`). Findings of other indicators are left out.
    ``None``: every indicator in the findings, in their order.

    Columns: ``indicator``, ``categorie`` (the category the chart is about, ``None`` for a whole
    indicator; a distribution chart shows all categories), ``grafiek`` (:data:`SOORTEN`),
    ``vergelijkingen`` (the comparisons with a notable finding it shows), ``categorieen`` (the
    categories whose findings it shows), ``opvallend`` (``False`` only for the one time series
    chosen when nothing is notable) and ``reden`` (why this chart, in Dutch). Without figures at
    all the table is empty.
    """
    df = voorbereid(bevindingen, alpha)
    df["_sleutel"] = [_sleutel((i, c)) for i, c in zip(df["indicator"], df["categorie"])]
    if indicatoren is not None:
        volgorde = [_sleutel(i) for i in indicatoren]
    else:  # the order of the findings table (voorbereid sorted by comparison, kept the index)
        volgorde = list(dict.fromkeys(df.sort_index()["_sleutel"]))
    plek = {k: n for n, k in reversed(list(enumerate(volgorde)))}
    df = df[df["_sleutel"].isin(plek)].copy()
    df["_plek"] = df["_sleutel"].map(plek)
    df["_vergelijking"] = df["vergelijking"].map(lambda v: _VOLGORDE.get(v, len(_VOLGORDE)))
    df = df.sort_values(["_plek", "_vergelijking"], kind="stable")

    keuzes: dict[tuple[str, str | None, str], dict[str, Any]] = {}
    for rij in df[df["_helder"]].to_dict("records"):
        ind_id, categorie = rij["_sleutel"]
        ind = _ind(ind_id)
        soort = _soort(ind, rij["eenheid"], categorie, str(rij["vergelijking"]))
        # A distribution chart shows every category: one per indicator.
        sleutel = (ind_id, None if soort == VERDELING else categorie, soort)
        keuze = keuzes.setdefault(
            sleutel,
            {
                "indicator": ind_id,
                "categorie": categorie,
                "grafiek": soort,
                "vergelijkingen": [],
                "categorieen": [],
                "opvallend": True,
            },
        )
        if rij["vergelijking"] not in keuze["vergelijkingen"]:
            keuze["vergelijkingen"].append(rij["vergelijking"])
        if categorie is not None and categorie not in keuze["categorieen"]:
            keuze["categorieen"].append(categorie)
    rijen = list(keuzes.values())
    for r in rijen:
        r["vergelijkingen"].sort(key=lambda v: _VOLGORDE.get(v, len(_VOLGORDE)))
        r["reden"] = _reden(r["grafiek"], r["vergelijkingen"], r["categorieen"])
    if not rijen:
        rijen = _zonder_opvallende(df)
    uit = pd.DataFrame(rijen, columns=KOLOMMEN)
    # Object dtype: a string column would turn 'no category' (None) into NaN.
    uit["categorie"] = pd.Series([r["categorie"] for r in rijen], index=uit.index, dtype=object)
    return uit


def _zonder_opvallende(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Nothing notable: the time series of the first indicator with a figure (or none)."""
    met_cijfer = df[[not ontbreekt(w) for w in df["waarde"]]]
    if met_cijfer.empty:
        return []
    ind_id, categorie = met_cijfer["_sleutel"].iloc[0]
    ind = _ind(ind_id)
    # A whole distribution has no single line over time: then its categories side by side.
    soort = VERDELING if categorie is None and ind is not None and ind.is_verdeling else TIJDREEKS
    return [
        {
            "indicator": ind_id,
            "categorie": categorie,
            "grafiek": soort,
            "vergelijkingen": [],
            "categorieen": [categorie] if categorie is not None else [],
            "opvallend": False,
            "reden": "Geen opvallende bevinding: de cijfers van de eerste indicator met cijfers.",
        }
    ]


def maak_grafiek(
    rij: Mapping[str, Any] | pd.Series,
    regio: str,
    periode: str,
    data: pd.DataFrame | None = None,
):
    """The chart of one row of :func:`grafiekkeuze` for a region and the analysed period.

    Raises the chart functions' :class:`~impactkit.fouten.ImpactkitFout` (e.g.
    :class:`~impactkit.fouten.GeenWaarde` when the figures are missing), and
    :class:`~impactkit.fouten.OnbekendeKeuze` for an unknown kind of chart.

    Examples
    --------
    >>> rij = {"indicator": "hermeldingen", "categorie": None, "grafiek": "tijdreeks"}
    >>> maak_grafiek(rij, "Zaanstreek-Waterland", "2021H1").to_dict()["title"]["text"]
    'Hermeldingen'
    """
    soort, ind_id = rij["grafiek"], rij["indicator"]
    categorie = rij.get("categorie")
    categorie = categorie if isinstance(categorie, str) and categorie.strip() else None
    if soort == TIJDREEKS:
        return tijdreeks(ind_id, regio, categorie=categorie, data=data, periode=periode)
    if soort == VERDELING:
        return verdeling_grafiek(ind_id, regio, periode, data=data)
    if soort == TRECHTER:
        return trechter(ind_id, periode, regio=regio, categorie=categorie, data=data)
    if soort == RANGORDE:
        return rangorde(ind_id, periode, regio=regio, categorie=categorie, data=data)
    raise OnbekendeKeuze(f"Onbekend soort grafiek '{soort}'. Kies uit: {', '.join(SOORTEN)}.")


__all__ = [
    "IN_DE_RUIMTE",
    "KOLOMMEN",
    "RANGORDE",
    "SOORTEN",
    "TIJDREEKS",
    "TRECHTER",
    "VERDELING",
    "grafiekkeuze",
    "maak_grafiek",
]
