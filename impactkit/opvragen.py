"""Query helpers for the step plan: one value, one series, one cross-section.

Each function takes the tidy table as ``data`` (default: the practice data) and explains in Dutch
why a value is missing instead of returning a silent zero or NaN.

Examples
--------
>>> round(waarde("acuut_structureel_onveilig", "Zaanstreek-Waterland", "2021H1"), 1)
55.6
>>> reeks("meldingen", "VT22")[["periode", "waarde", "landelijk"]].shape[1]
3
>>> laatste_periode()
'2024H2'
"""

from __future__ import annotations

import pandas as pd

from .fouten import GeenWaarde
from .indicatoren import Indicator, indicator
from .laden import laad
from .observaties import KOLOMMEN, controleer_vorm
from .perioden import Periode
from .regioindeling import NEDERLAND, Regio, regio

_indicator, _regio = indicator, regio  # laatste_periode's arguments shadow these names

SERIE_KOLOMMEN = KOLOMMEN  # the tidy columns, in the same order
EXTRA_KOLOMMEN = (
    "regio_overgang",
)  # kept when present (see impactkit.regioindeling.maak_vergelijkbaar)


def _kolommen(df: pd.DataFrame) -> list[str]:
    return SERIE_KOLOMMEN + [k for k in EXTRA_KOLOMMEN if k in df.columns]


def _data(data: pd.DataFrame | None) -> pd.DataFrame:
    if data is not None:
        controleer_vorm(data, "'data'")  # a wrong shape gets a Dutch message, not a KeyError
    return laad() if data is None else data


def _controleer_categorie(ind: Indicator, categorie: str | None) -> str | None:
    if ind.is_verdeling and categorie is None:
        raise GeenWaarde(
            f"{ind.naam} is een verdeling; kies een categorie: {'; '.join(ind.categorieen)}."
        )
    if categorie is not None and categorie not in ind.categorieen:
        if not ind.is_verdeling:
            raise GeenWaarde(f"{ind.naam} heeft geen categorieën; laat 'categorie' weg.")
        raise GeenWaarde(
            f"'{categorie}' is geen categorie van {ind.naam}. Kies uit: {'; '.join(ind.categorieen)}."
        )
    return categorie


def _controleer_niveau(ind: Indicator, r: Regio) -> None:
    if ind.beschikbaarheid == "nog_niet_meetbaar":
        raise GeenWaarde(
            f"{ind.naam} is nog niet meetbaar: de adviescommissie van de monitor adviseerde deze indicator, maar er is "
            f"nog geen bron ({ind.bron}). Kies een andere indicator uit hetzelfde thema."
        )
    if r.code != NEDERLAND and not ind.is_regionaal:
        raise GeenWaarde(
            f"{ind.naam} is alleen landelijk beschikbaar ({', '.join(ind.niveaus)}), niet voor "
            f"{r.naam}. Vergelijk met het landelijke cijfer of kies een regionale indicator."
        )


def _selectie(df: pd.DataFrame, ind: Indicator, categorie: str | None) -> pd.DataFrame:
    sel = df[df["indicator"] == ind.id]
    if categorie is None:
        return sel[sel["categorie"].isna()]
    return sel[sel["categorie"] == categorie]


def laatste_periode(
    data: pd.DataFrame | None = None,
    indicator: str | None = None,
    regio: str | Regio | None = None,
) -> str:
    """The latest period with figures: the default period of the kit.

    The latest half-year with a shown value (a suppressed or unknown value does not count); only
    when there are no half-years at all, the latest year. Without ``regio`` only the regions'
    rows count (a national-only figure does not make a period the default); with ``regio`` that
    region's own rows, so a region that stopped (Brabant Noordoost, VT16) gets its last period.
    ``indicator`` narrows it to one indicator. Returns the period code, e.g. ``'2024H2'``.

    Examples
    --------
    >>> laatste_periode()
    '2024H2'
    >>> laatste_periode(regio="Brabant Noordoost")
    '2022H2'
    >>> laatste_periode(indicator="prevalentie_huiselijk_geweld")
    '2024'
    """
    df = _data(data)
    sel = df[df["waarde"].notna()]
    waar = ""
    if indicator is not None:
        ind = _indicator(indicator)
        sel = sel[sel["indicator"] == ind.id]
        waar += f" voor {ind.naam}"
    if regio is not None:
        r = _regio(regio)
        sel = sel[sel["regio_code"] == r.code]
        waar += f" in {r.naam}"
    elif (sel["regio_code"] != NEDERLAND).any():
        sel = sel[sel["regio_code"] != NEDERLAND]
    if sel.empty:
        raise GeenWaarde(
            f"Er zijn geen cijfers{waar} in deze gegevens, dus ook geen laatste periode."
        )
    perioden = {Periode.parse(x) for x in sel["periode"].unique()}
    halfjaren = [p for p in perioden if p.is_halfjaar]
    return max(halfjaren or perioden).code


def waarde(
    indicator_id: str,
    regio_naam: str,
    periode: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> float:
    """One figure: indicator x region x period (x category for a distribution).

    Raises :class:`~impactkit.fouten.GeenWaarde` with the reason when there is none: not
    measured, not regional, no data for that period, or suppressed.

    Examples
    --------
    >>> waarde("ots_per_10000", "Zaanstreek-Waterland", "1e halfjaar 2021")  # doctest: +ELLIPSIS
    2.206...
    """
    ind = indicator(indicator_id)
    r = regio(regio_naam)
    p = Periode.parse(periode)
    categorie = _controleer_categorie(ind, categorie)
    _controleer_niveau(ind, r)
    df = _data(data)
    sel = _selectie(df, ind, categorie)
    if sel.empty:
        raise GeenWaarde(f"Er zijn geen cijfers voor {ind.naam} in deze gegevens.")
    in_regio = sel[sel["regio_code"] == r.code]
    if in_regio.empty:
        raise GeenWaarde(
            f"Er zijn geen cijfers voor {ind.naam} in {r.naam}. "
            + (
                "Deze indicator komt uit de cohortstudie, die maar in 13 regio's is gedaan."
                if ind.bron.startswith("Cohort")
                else "Controleer of je de juiste regio hebt gekozen."
            )
        )
    rij = in_regio[in_regio["periode"] == p.code]
    if rij.empty:
        beschikbaar = sorted(in_regio["periode"].map(Periode.parse).unique())
        overgang = f" {r.overgang_in(p)}" if r.overgang_in(p) else ""
        raise GeenWaarde(
            f"Geen cijfer voor {ind.naam} in {r.naam_in(p)} over {p.label}.{overgang} "
            f"Beschikbare perioden: {', '.join(x.code for x in beschikbaar)}."
        )
    rij = rij.iloc[0]
    if bool(rij["onderdrukt"]):
        raise GeenWaarde(
            f"Het cijfer voor {ind.naam} in {r.naam_in(p)} over {p.label} is onderdrukt: het aantal is "
            "kleiner dan 10, of je zou er een aantal kleiner dan 10 mee kunnen terugrekenen. Kijk "
            "naar een langere periode of een grotere regio."
        )
    if pd.isna(rij["waarde"]):
        raise GeenWaarde(
            f"Het cijfer voor {ind.naam} in {r.naam_in(p)} over {p.label} is onbekend."
        )
    return float(rij["waarde"])


def reeks(
    indicator_id: str,
    regio_naam: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The time series of one indicator for one region, with Nederland alongside.

    Columns: the tidy columns plus ``landelijk`` (Nederland's value in the same period).
    Sorted by period.

    Examples
    --------
    >>> r = reeks("acuut_structureel_onveilig", "Zaanstreek-Waterland")
    >>> r["periode"].iloc[0], len(r)
    ('2019H1', 12)
    """
    ind = indicator(indicator_id)
    r = regio(regio_naam)
    categorie = _controleer_categorie(ind, categorie)
    _controleer_niveau(ind, r)
    sel = _selectie(_data(data), ind, categorie)
    eigen = sel[sel["regio_code"] == r.code]
    if eigen.empty:
        raise GeenWaarde(f"Er zijn geen cijfers voor {ind.naam} in {r.naam}.")
    land = sel[sel["regio_code"] == NEDERLAND].set_index("periode")["waarde"]
    uit = eigen[_kolommen(eigen)].copy()
    uit["landelijk"] = uit["periode"].map(land).astype("Float64")
    volgorde = uit["periode"].map(Periode.parse)
    return uit.iloc[volgorde.argsort(kind="stable")].reset_index(drop=True)


def doorsnede(
    indicator_id: str,
    periode: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """All regions for one indicator and period, with Nederland's value alongside.

    Nederland itself is left out of the rows (it is in ``landelijk``).

    Examples
    --------
    >>> len(doorsnede("meldingen", "2021H1"))
    26
    """
    ind = indicator(indicator_id)
    p = Periode.parse(periode)
    categorie = _controleer_categorie(ind, categorie)
    if not ind.is_regionaal:
        raise GeenWaarde(f"{ind.naam} is niet per regio beschikbaar ({', '.join(ind.niveaus)}).")
    sel = _selectie(_data(data), ind, categorie)
    sel = sel[sel["periode"] == p.code]
    if sel.empty:
        raise GeenWaarde(f"Geen cijfers voor {ind.naam} over {p.label}.")
    land = sel.loc[sel["regio_code"] == NEDERLAND, "waarde"]
    uit = sel[sel["regio_code"] != NEDERLAND][_kolommen(sel)].copy()
    uit["landelijk"] = pd.array([land.iloc[0] if len(land) else pd.NA] * len(uit), dtype="Float64")
    return uit.sort_values("regio_code").reset_index(drop=True)


def verdeling(
    indicator_id: str, regio_naam: str, periode: str, data: pd.DataFrame | None = None
) -> pd.DataFrame:
    """All categories of a distribution for one region and period, with Nederland alongside."""
    ind = indicator(indicator_id)
    if not ind.is_verdeling:
        raise GeenWaarde(f"{ind.naam} is geen verdeling; gebruik waarde() of reeks().")
    r = regio(regio_naam)
    _controleer_niveau(ind, r)
    p = Periode.parse(periode)
    df = _data(data)
    sel = df[(df["indicator"] == ind.id) & (df["periode"] == p.code)]
    eigen = sel[sel["regio_code"] == r.code]
    if eigen.empty:
        overgang = f" {r.overgang_in(p)}" if r.overgang_in(p) else ""
        raise GeenWaarde(
            f"Geen cijfers voor {ind.naam} in {r.naam_in(p)} over {p.label}.{overgang}"
        )
    land = sel[sel["regio_code"] == NEDERLAND].set_index("categorie")["waarde"]
    uit = eigen[_kolommen(eigen)].copy()
    uit["landelijk"] = uit["categorie"].map(land).astype("Float64")
    volgorde = {c: i for i, c in enumerate(ind.categorieen)}
    return uit.iloc[uit["categorie"].map(volgorde).argsort()].reset_index(drop=True)
