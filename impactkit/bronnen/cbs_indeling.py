"""Gemeenten over the years: CBS gemeente labels, and the gemeente -> Veilig Thuis-regio division.

Some CBS tables publish a figure only per gemeente (82975NED, jeugdbescherming, has no Veilig
Thuis-regio's). :func:`tel_op_per_regio` then adds up the gemeenten of each region with the
division of the period's year, and marks a region *onvolledig* when one of its gemeenten is
missing or withheld, never a silent undercount.

The division is the 2022 one (``data/referentie/gemeente_vt.csv``, 345 gemeenten), with the
known changes in ``data/cbs/gemeente_wijzigingen.csv``: gemeenten formed later (Voorne aan Zee,
2023), gemeenten merged away before 2022 (Heerhugowaard, Uden, ...) and Weesp (into Amsterdam,
2022). Region changes: from 2023 Brabant Noordoost (VT16) and Zuidoost-Brabant (VT26) are
Oost-Brabant (VT27); CBS's 2020 layer put Weesp and Wijdemeren in Utrecht (VT20).

Examples
--------
>>> gemeentecode("Hengelo (O.)"), gemeentecode("Voorne aan Zee")
('GM0164', 'GM1992')
>>> regio_van_gemeente("GM1982", 2022), regio_van_gemeente("GM1982", 2023)
('VT16', 'VT27')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..paden import data_pad
from ..regioindeling import gemeenten, normaliseer_naam

_ONDERSCHEIDING = re.compile(r"\s*\((?:[A-Za-z]{1,3}\.)+\)\s*$")
"""CBS's disambiguators after a gemeente name: 'Hengelo (O.)', 'Rijswijk (ZH.)', 'Beek (L.)'."""

SAMENGEVOEGD_VANAF_2023 = {"VT16": "VT27", "VT26": "VT27"}
INDELING_2020 = {"GM0457": "VT20", "GM1696": "VT20"}
"""CBS's 2020 veiligthuisregio layer: Weesp and Wijdemeren in Utrecht (used up to 2020)."""


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    vanaf: int | None  # first year it exists (None: before the tables start)
    tot: int | None  # last year it exists (None: still exists)
    omvat: tuple[str, ...]  # the 2022 gemeenten (codes) whose area it covers, fully or in part
    deel: bool  # True: it covers only part of the one 2022 gemeente in ``omvat``


@lru_cache(maxsize=1)
def _wijzigingen() -> pd.DataFrame:
    return pd.read_csv(data_pad("cbs", "gemeente_wijzigingen.csv"), dtype="string").fillna("")


@lru_cache(maxsize=1)
def alle_gemeenten() -> dict[str, Gemeente]:
    """Every known gemeente by code: those of the 2022 division and the earlier/later ones."""
    uit = {
        c: Gemeente(c, n, None, None, (c,), False)
        for c, n in zip(gemeenten()["code"], gemeenten()["naam"])
    }
    for r in _wijzigingen().itertuples(index=False):
        omvat = tuple(x.strip() for x in r.omvat.split("|") if x.strip())
        uit[r.code] = Gemeente(
            code=r.code,
            naam=r.naam,
            vanaf=int(r.vanaf_jaar) if r.vanaf_jaar else None,
            tot=int(r.tot_jaar) if r.tot_jaar else None,
            omvat=omvat,
            deel=r.soort == "voorganger",
        )
    return uit


@lru_cache(maxsize=1)
def _naamindex() -> dict[str, str]:
    return {normaliseer_naam(g.naam): g.code for g in alle_gemeenten().values()}


@lru_cache(maxsize=4096)
def gemeentecode(label: str) -> str | None:
    """The GM code of a CBS gemeente label, or None when it is unknown.

    Understands the 2022 names, ``… (gemeente)``, CBS's disambiguators (``Hengelo (O.)``,
    ``Rijswijk (ZH.)``, ``Beek (L.)``, ``Stein (L.)``, ``Laren (NH.)``, ``Middelburg (Z.)``;
    ``Bergen (NH.)`` and ``Bergen (L.)`` are names of their own) and the gemeenten in
    ``data/cbs/gemeente_wijzigingen.csv``.
    """
    t = " ".join(str(label).split())
    if re.fullmatch(r"GM\d{4}", t.upper()):
        return t.upper()
    t = re.sub(r"\s*\(gemeente\)$", "", t, flags=re.IGNORECASE)
    index = _naamindex()
    code = index.get(normaliseer_naam(t))
    if code is None and _ONDERSCHEIDING.search(t):
        code = index.get(normaliseer_naam(_ONDERSCHEIDING.sub("", t)))
    return code


def gemeente_info(code: str) -> Gemeente | None:
    """Name, years and area of a gemeente code (2022 division or a known change)."""
    return alle_gemeenten().get(code)


@lru_cache(maxsize=1)
def _regio_2022() -> dict[str, str]:
    return dict(zip(gemeenten()["code"], gemeenten()["regio_code"]))


def regio_van_gemeente(code: str, jaar: int) -> str | None:
    """The Veilig Thuis-regio of a gemeente in year ``jaar`` (None when unknown)."""
    g = alle_gemeenten().get(code)
    if g is None:
        return None
    regio = _regio_2022().get(g.omvat[0]) if g.omvat else None
    if regio is None:
        return None
    if jaar <= 2020 and g.omvat[0] in INDELING_2020:
        regio = INDELING_2020[g.omvat[0]]
    if jaar >= 2023:
        regio = SAMENGEVOEGD_VANAF_2023.get(regio, regio)
    return regio


def gemeenten_van_regio(regio_code: str, jaar: int) -> list[str]:
    """The 2022 gemeenten (codes) whose area forms region ``regio_code`` in year ``jaar``."""
    return list(_gemeenten_van_regio(regio_code, jaar))


@lru_cache(maxsize=1024)
def _gemeenten_van_regio(regio_code: str, jaar: int) -> tuple[str, ...]:
    return tuple(sorted(c for c in _regio_2022() if regio_van_gemeente(c, jaar) == regio_code))


def tel_op_per_regio(delen: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Add up gemeente counts to Veilig Thuis-regio's, with the division of each period's year.

    ``delen`` has columns ``sleutel`` (anything identifying one series, e.g. a mapping row),
    ``gemeente_code``, ``periode``, ``aantal`` (NaN when withheld or missing) and ``voorlopig``.
    Returns ``(per_regio, onvolledig)``: per_regio has ``sleutel``, ``regio_code``, ``periode``,
    ``aantal`` (NaN when the region is incomplete), ``voorlopig``, ``onvolledig``, ``gemeenten``;
    ``onvolledig`` lists one dict per incomplete region and period with the reason in Dutch.
    A region is complete when every 2022 gemeente of it is covered by a gemeente in the table
    with a figure (a later merged gemeente covers its parts; a gemeente merged away before 2022
    needs all its fellow parts).
    """
    rijen, onvolledig = [], []
    if delen.empty:
        return pd.DataFrame(
            columns=[
                "sleutel",
                "regio_code",
                "periode",
                "aantal",
                "voorlopig",
                "onvolledig",
                "gemeenten",
            ]
        ), []
    alle = alle_gemeenten()
    for (sleutel, periode), groep in delen.groupby(["sleutel", "periode"], sort=False):
        jaar = int(str(periode)[:4])
        per_regio: dict[str, list] = {}
        for r in groep.itertuples(index=False):
            regio = regio_van_gemeente(r.gemeente_code, jaar)
            if regio is not None:
                per_regio.setdefault(regio, []).append(r)
        for regio in sorted(set(_regio_2022().values()) | {"VT27"}):
            verwacht = _gemeenten_van_regio(regio, jaar)
            if not verwacht:
                continue
            aanwezig = per_regio.get(regio, [])
            if not aanwezig:
                continue  # the table has no gemeente of this region (a subset): no figure at all
            met_getal = [r for r in aanwezig if pd.notna(r.aantal)]
            gedekt: set[str] = set()
            delen_van: dict[str, set[str]] = {}
            for r in met_getal:
                g = alle[r.gemeente_code]
                if g.deel:
                    delen_van.setdefault(g.omvat[0], set()).add(g.code)
                else:
                    gedekt |= set(g.omvat)
            voorgangers = _voorgangers()
            for atoom, stukken in delen_van.items():
                if stukken >= voorgangers.get(atoom, set()):
                    gedekt.add(atoom)
            ontbreekt = [c for c in verwacht if c not in gedekt]
            voorlopig = any(bool(r.voorlopig) for r in aanwezig)
            if ontbreekt:
                onderdrukt = sorted(
                    alle[r.gemeente_code].naam for r in aanwezig if pd.isna(r.aantal)
                )
                namen = onderdrukt or sorted(alle[c].naam for c in ontbreekt)
                reden = (
                    f"{len(ontbreekt)} van de {len(verwacht)} gemeenten "
                    f"{'onderdrukt' if onderdrukt else 'ontbreken'} "
                    f"({', '.join(namen[:5])}{' ...' if len(namen) > 5 else ''})"
                )
                onvolledig.append(
                    {"sleutel": sleutel, "regio_code": regio, "periode": periode, "reden": reden}
                )
                rijen.append(
                    (sleutel, regio, periode, float("nan"), voorlopig, True, len(verwacht))
                )
            else:
                som = float(sum(r.aantal for r in met_getal))
                rijen.append((sleutel, regio, periode, som, voorlopig, False, len(verwacht)))
    kolommen = [
        "sleutel",
        "regio_code",
        "periode",
        "aantal",
        "voorlopig",
        "onvolledig",
        "gemeenten",
    ]
    return pd.DataFrame(rijen, columns=kolommen), onvolledig


@lru_cache(maxsize=1)
def _voorgangers() -> dict[str, set[str]]:
    uit: dict[str, set[str]] = {}
    for g in alle_gemeenten().values():
        if g.deel:
            uit.setdefault(g.omvat[0], set()).add(g.code)
    return uit
