"""How strong the evidence is: the findings table read per chosen indicator, and the rules
that turn clear findings into a strength per deelvraag and for the hoofdvraag.

A finding is *clear* when its verdict is *opvallend* (and, when the table carries
``p_gecorrigeerd``, its adjusted p-value is below ``alpha``) or when a norm is clearly met or
missed. Only clear findings count as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ..indicatoren import Indicator, indicator
from ..oordelen import (
    GEEN_GEGEVENS,
    GEEN_TOETS,
    KLEIN_VERSCHIL,
    MOGELIJK_TOEVAL,
    OORDELEN,
    OPVALLEND,
    OPVALLEND_HOGER,
    OPVALLEND_LAGER,
    VOLDOET,
    VOLDOET_NIET,
)
from ..opmaak import ontbreekt
from ..vraagsoort import GROEPEN, GROEPEN_PER_SOORT, NIVEAU

STERK = "sterk"
BEPERKT = "beperkt"
WISSELEND = "wisselend"
GEEN_UITSLUITSEL = "geen uitsluitsel"

STERKTES: dict[str, str] = {
    STERK: "Twee of meer verschillende indicatoren laten een opvallend verschil van dezelfde soort "
    "zien (allemaal tegenover landelijk, of allemaal in de tijd), en ze wijzen dezelfde kant op.",
    BEPERKT: "Eén indicator laat een opvallend verschil zien (de categorieën van één verdeling "
    "tellen samen als één indicator).",
    WISSELEND: "Twee of meer verschillende indicatoren laten een opvallend verschil van dezelfde "
    "soort zien, maar niet dezelfde kant op.",
    GEEN_UITSLUITSEL: "Geen indicator laat een opvallend verschil zien: de verschillen kunnen "
    "toeval zijn, zijn klein, vallen binnen de gewone spreiding tussen regio's, of er zijn geen "
    "cijfers.",
}
"""How strong the evidence for a deelvraag (or the hoofdvraag) is, with its meaning in Dutch."""

_VOLGORDE = {
    "landelijk": 0,
    "regios": 1,
    "verloop": 2,
    "jaar_eerder": 3,
    "vorige_periode": 4,
    "norm": 5,
}


@dataclass
class GekozenIndicator:
    """One chosen indicator (with category) and its findings."""

    ind: Indicator | None
    indicator_id: str
    categorie: str | None
    rijen: pd.DataFrame

    @property
    def sleutel(self) -> tuple[str, str | None]:
        return (self.indicator_id, self.categorie)

    @cached_property
    def helder(self) -> pd.DataFrame:
        return self.rijen[self.rijen["_helder"]]

    def in_groep(self, vergelijkingen: tuple[str, ...]) -> GekozenIndicator:
        """The same indicator with only the findings of these comparisons (kept once made)."""
        gemaakt = self.__dict__.setdefault("_groepen", {})
        if vergelijkingen not in gemaakt:
            rijen = self.rijen[self.rijen["vergelijking"].isin(vergelijkingen)]
            gemaakt[vergelijkingen] = GekozenIndicator(
                self.ind, self.indicator_id, self.categorie, rijen
            )
        return gemaakt[vergelijkingen]

    @property
    def richting(self) -> int | None:
        """+1 or -1 when every clear finding points that way; None when mixed or no direction."""
        tekens = {int(t) for t in self.helder["_richting"] if t != 0}
        return tekens.pop() if len(tekens) == 1 else None


def _woord(oordeel: object, verschil: object) -> str:
    """The verdict in the one vocabulary; older wordings are mapped onto it."""
    if ontbreekt(oordeel):
        return GEEN_GEGEVENS
    o = str(oordeel).strip()
    if o in OORDELEN:
        return o
    if "toeval" in o:
        return MOGELIJK_TOEVAL
    if "te klein" in o or "klein" in o:
        return KLEIN_VERSCHIL
    if o.startswith("opvallend"):
        if "lager" in o or (not ontbreekt(verschil) and float(verschil) < 0):  # type: ignore[arg-type]
            return OPVALLEND_LAGER
        return OPVALLEND_HOGER
    return o


def voorbereid(bevindingen: pd.DataFrame, alpha: float) -> pd.DataFrame:
    kolommen = [
        "indicator",
        "categorie",
        "vergelijking",
        "referentie",
        "waarde",
        "laag",
        "hoog",
        "referentiewaarde",
        "verschil",
        "p",
        "oordeel",
        "vragen",
        "eenheid",
        "herkomst",
        "tekst",
    ]
    df = bevindingen.copy()
    for k in kolommen:
        if k not in df.columns:
            df[k] = None
    df = df.reset_index(drop=True)
    # Object dtype: a string column would turn 'no category' (None) into NaN.
    df["categorie"] = pd.Series(
        [c.strip() if isinstance(c, str) and c.strip() else None for c in df["categorie"]],
        index=df.index,
        dtype=object,
    )
    df["oordeel"] = [_woord(o, v) for o, v in zip(df["oordeel"], df["verschil"])]
    pg = df["p_gecorrigeerd"] if "p_gecorrigeerd" in df.columns else pd.Series([None] * len(df))
    df["_gecorrigeerd_toeval"] = [
        o in OPVALLEND and not ontbreekt(q) and float(q) >= alpha for o, q in zip(df["oordeel"], pg)
    ]
    df["_helder"] = [
        (o in OPVALLEND and not t) or o in (VOLDOET, VOLDOET_NIET)
        for o, t in zip(df["oordeel"], df["_gecorrigeerd_toeval"])
    ]
    df["_richting"] = [
        (1 if o == OPVALLEND_HOGER else -1 if o == OPVALLEND_LAGER else 0) if h else 0
        for o, h in zip(df["oordeel"], df["_helder"])
    ]
    df["_volgorde"] = df["vergelijking"].map(lambda v: _VOLGORDE.get(v, 9))
    df["vragen"] = df["vragen"].map(lambda x: list(x) if isinstance(x, (list, tuple)) else [])
    return df.sort_values("_volgorde", kind="stable")


def kies_indicator(df: pd.DataFrame, indicator_id: str, categorie: str | None) -> GekozenIndicator:
    try:
        ind: Indicator | None = indicator(indicator_id)
    except Exception:  # noqa: BLE001
        ind = None
    ind_id = ind.id if ind is not None else indicator_id
    cat = categorie if isinstance(categorie, str) and categorie.strip() else None
    rijen = df[(df["indicator"] == ind_id) & (df["categorie"].map(lambda c: c == cat))]
    return GekozenIndicator(ind, ind_id, cat, rijen)


def eenheid_van(k: GekozenIndicator) -> str:
    if k.ind is not None:
        return k.ind.eenheid
    eenheden = [e for e in k.rijen["eenheid"] if isinstance(e, str)]
    return eenheden[0] if eenheden else "aantal"


def groepen_voor(keuzes: list[GekozenIndicator], soort: str) -> tuple[str, ...]:
    """The comparison groups that answer a question of this kind (:mod:`impactkit.vraagsoort`)
    and have findings that could be evidence, leading one first; when none of them has any (a
    cohort indicator measured once under a question about change, a count that cannot be compared
    with Nederland under a question about the level), the groups that do.
    """

    def heeft(g: str) -> bool:  # a comparison that could give evidence, not only 'geen toets'
        return any(
            not set(k.in_groep(GROEPEN[g]).rijen["oordeel"]) <= {GEEN_GEGEVENS, GEEN_TOETS}
            for k in keuzes
        )

    gevraagd = GROEPEN_PER_SOORT.get(soort, GROEPEN_PER_SOORT[NIVEAU])
    uit = tuple(g for g in gevraagd if heeft(g))
    return uit or tuple(g for g in GROEPEN if heeft(g)) or gevraagd[:1]


def helder_buiten_soort(keuzes: list[GekozenIndicator], soort: str) -> tuple[str, ...]:
    """The comparison groups outside those that answer this kind of question that do have a
    clear finding: shown with the deelvraag, never counted as its evidence."""
    gevraagd = groepen_voor(keuzes, soort)
    return tuple(
        g
        for g in GROEPEN
        if g not in gevraagd and any(not k.in_groep(GROEPEN[g]).helder.empty for k in keuzes)
    )


def richtingen_per_indicator(keuzes: list[GekozenIndicator], groep: str) -> dict[str, set[int]]:
    """Per indicator id (a distribution's categories together): the directions of its clear
    findings in one comparison group. A norm met counts as +1, missed as -1."""
    uit: dict[str, set[int]] = {}
    for k in keuzes:
        h = k.in_groep(GROEPEN[groep]).helder
        if h.empty:
            continue
        tekens = uit.setdefault(k.indicator_id, set())
        for _, r in h.iterrows():
            if r["oordeel"] in (VOLDOET, VOLDOET_NIET):
                tekens.add(1 if r["oordeel"] == VOLDOET else -1)
            elif r["_richting"]:
                tekens.add(int(r["_richting"]))
    return uit


def sterkte_groep(keuzes: list[GekozenIndicator], groep: str) -> str:
    """The strength of the evidence in one comparison group.

    Counted over distinct indicators: the categories of one distribution are one indicator
    (more 'longer than five years' and fewer 'at most a week' is one fact, not two). *Sterk*
    needs two or more indicators whose clear findings each point one way, all the same way;
    an indicator pointing both ways, or indicators pointing different ways, make it *wisselend*.
    """
    per_id = richtingen_per_indicator(keuzes, groep)
    if not per_id:
        return GEEN_UITSLUITSEL
    if len(per_id) == 1:
        return BEPERKT
    verdelingen = {k.indicator_id for k in keuzes if k.ind is not None and k.ind.is_verdeling}
    gemengd = [i for i, t in per_id.items() if len(t) > 1 and i not in verdelingen]
    richtingen = {next(iter(t)) for t in per_id.values() if len(t) == 1}
    eenduidig = sum(len(t) == 1 for t in per_id.values())
    if gemengd or len(richtingen) > 1:
        return WISSELEND
    # A distribution whose categories move apart is one fact without a direction of its own.
    return STERK if eenduidig >= 2 else BEPERKT


def sterkte_deelvraag(keuzes: list[GekozenIndicator], soort: str = "") -> str:
    """The strength for a deelvraag: the strongest over the comparison groups that answer its
    kind of question, each group judged on its own (a level and a change never add up)."""
    groepen = groepen_voor(keuzes, soort) if soort else tuple(GROEPEN)
    sterktes = [sterkte_groep(keuzes, g) for g in groepen]
    for s in (STERK, WISSELEND, BEPERKT):
        if s in sterktes:
            return s
    return GEEN_UITSLUITSEL


def sterkte_hoofdvraag(sterktes: list[str]) -> str:
    """The strength for the hoofdvraag: the strongest of its deelvragen.

    Directions are only compared within a deelvraag: across deelvragen 'higher' and 'lower'
    measure different things.
    """
    for s in (STERK, WISSELEND, BEPERKT):
        if s in sterktes:
            return s
    return GEEN_UITSLUITSEL
