"""Input handling shared by the statistics: numbers in, results in the form of the input.

Every function of :mod:`impactkit.statistiek` reads its input with :func:`als_getal` (missing
values become NaN), lines inputs up with :func:`index_van` and :func:`zelfde_vorm`, checks them
with the ``controleer_*`` functions (a Dutch :class:`~impactkit.fouten.ImpactkitFout` that names
the problem and the fix) and returns with :func:`als_uitvoer`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..fouten import ImpactkitFout
from ..opmaak import ontbreekt


def als_getal(x: Any, naam: str) -> np.ndarray:
    """Convert input to a float array; None, pd.NA and NaN become NaN."""
    if isinstance(x, pd.Series | pd.Index):
        try:
            return pd.to_numeric(x).to_numpy(dtype=float, na_value=np.nan)
        except (TypeError, ValueError) as fout:
            raise ImpactkitFout(
                f"'{naam}' bevat waarden die geen getal zijn. Geef getallen; gebruik NaN of None "
                "voor een ontbrekende (onderdrukte) waarde."
            ) from fout
    if x is None or x is pd.NA:
        return np.array(np.nan)
    try:
        return np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        pass
    obj = np.asarray(x, dtype=object)
    plat = []
    for v in obj.ravel():
        if ontbreekt(v):
            plat.append(np.nan)
            continue
        try:
            plat.append(float(v))
        except (TypeError, ValueError) as fout:
            raise ImpactkitFout(
                f"'{naam}' bevat de waarde {v!r}, die geen getal is. Geef getallen; gebruik NaN "
                "of None voor een ontbrekende (onderdrukte) waarde."
            ) from fout
    return np.array(plat, dtype=float).reshape(obj.shape)


def index_van(*invoer: Any) -> pd.Index | None:
    """The index of the pandas Series among the inputs (they must agree), or None."""
    index = None
    for x in invoer:
        if isinstance(x, pd.Series):
            if index is None:
                index = x.index
            elif not index.equals(x.index):
                raise ImpactkitFout(
                    "De Series hebben een verschillende index, zodat niet vaststaat welke waarden "
                    "bij elkaar horen. Zet ze eerst in één tabel of lijn ze uit met .reindex()."
                )
    return index


def zelfde_vorm(*arrays: np.ndarray) -> list[np.ndarray]:
    """Broadcast the arrays to one shape, with a Dutch message when that is impossible."""
    try:
        return [np.asarray(a, dtype=float) for a in np.broadcast_arrays(*arrays)]
    except ValueError as fout:
        vormen = ", ".join(str(a.shape) for a in arrays)
        raise ImpactkitFout(
            f"De invoer heeft verschillende lengtes ({vormen}). Geef voor elke eenheid een "
            "waarde, of één getal dat voor alle eenheden geldt."
        ) from fout


def als_uitvoer(waarde: np.ndarray, index: pd.Index | None) -> Any:
    """Give a result the form of the input: float, numpy array or Series with the input index."""
    waarde = np.asarray(waarde, dtype=float)
    if waarde.ndim == 0:
        return float(waarde)
    if index is not None and waarde.ndim == 1 and len(waarde) == len(index):
        return pd.Series(waarde, index=index)
    return waarde


def eerste(a: np.ndarray, masker: np.ndarray) -> float:
    return float(np.asarray(a)[np.asarray(masker)].ravel()[0])


def _controleer_eindig(a: np.ndarray, naam: str) -> None:
    if np.any(np.isinf(a)):
        raise ImpactkitFout(
            f"'{naam}' is oneindig. Geef een eindig getal, of NaN voor een ontbrekende waarde."
        )


def controleer_aantal(a: np.ndarray, naam: str) -> None:
    """A count: finite and not negative (NaN allowed)."""
    _controleer_eindig(a, naam)
    negatief = a < 0
    if np.any(negatief):
        raise ImpactkitFout(
            f"'{naam}' is negatief ({eerste(a, negatief):g}); een aantal kan niet kleiner zijn "
            "dan 0. Controleer de invoer, of geef NaN voor een ontbrekende waarde."
        )


def controleer_noemer(n: np.ndarray, naam: str) -> None:
    """A denominator (group size, population, exposure): finite and > 0 (NaN allowed)."""
    controleer_aantal(n, naam)
    if np.any(n == 0):
        raise ImpactkitFout(
            f"'{naam}' is 0: een aandeel of ratio op een noemer van 0 bestaat niet. Laat deze "
            "eenheid weg, of geef NaN als de noemer onbekend is."
        )


def controleer_geheel(a: np.ndarray, naam: str) -> None:
    fractie = np.isfinite(a) & (a != np.round(a))
    if np.any(fractie):
        raise ImpactkitFout(
            f"'{naam}' is geen geheel getal ({eerste(a, fractie):g}); de exacte toets werkt "
            "met aantallen. Geef het aantal gebeurtenissen, niet een percentage of ratio."
        )


def controleer_teller_noemer(x: np.ndarray, n: np.ndarray, tnaam: str, nnaam: str) -> None:
    controleer_aantal(x, tnaam)
    controleer_noemer(n, nnaam)
    te_groot = x > n
    if np.any(te_groot):
        xi, ni = eerste(x, te_groot), eerste(n, te_groot)
        raise ImpactkitFout(
            f"'{tnaam}' ({xi:g}) is groter dan '{nnaam}' ({ni:g}): een aandeel kan niet boven "
            "1 liggen. Controleer of teller en noemer niet verwisseld zijn."
        )


def controleer_niveau(b: Any, naam: str = "betrouwbaarheid") -> float:
    try:
        b = float(b)
    except (TypeError, ValueError) as fout:
        raise ImpactkitFout(f"'{naam}' moet één getal tussen 0 en 1 zijn, zoals 0.95.") from fout
    if not 0 < b < 1:
        hint = f" Bedoel je {b / 100:g}?" if 1 < b < 100 else ""
        raise ImpactkitFout(
            f"'{naam}' moet tussen 0 en 1 liggen (bijvoorbeeld 0.95 voor 95%), niet {b:g}.{hint}"
        )
    return b


def controleer_per(per: Any) -> float:
    try:
        per = float(per)
    except (TypeError, ValueError) as fout:
        raise ImpactkitFout("'per' moet een positief getal zijn, zoals 10_000.") from fout
    if not (np.isfinite(per) and per > 0):
        raise ImpactkitFout(f"'per' moet een positief getal zijn, zoals 10_000, niet {per:g}.")
    return per


SOORTEN = ("proportie", "ratio")
"""The kinds of indicator the funnel and spread functions know: a share or a rate."""


def controleer_soort(soort: str) -> str:
    """``soort`` is ``"proportie"`` or ``"ratio"``; otherwise a Dutch error naming both."""
    if soort not in SOORTEN:
        raise ImpactkitFout(
            f"Onbekende soort {soort!r}. Kies 'proportie' (teller/noemer, 0-1) of 'ratio' "
            "(aantal per 'per' inwoners)."
        )
    return soort


def controleer_p0(p0: Any, soort: str) -> float:
    """The norm ``p0`` as one float: NaN allowed, not negative, a share at most 1."""
    try:
        p0 = float(np.nan if ontbreekt(p0) else p0)
    except (TypeError, ValueError) as fout:
        raise ImpactkitFout(
            "'p0' (de norm, bijvoorbeeld het landelijk cijfer) moet één getal zijn."
        ) from fout
    if np.isinf(p0) or p0 < 0:
        raise ImpactkitFout(f"'p0' moet een getal van 0 of meer zijn, niet {p0:g}.")
    if soort == "proportie" and p0 > 1:
        raise ImpactkitFout(
            f"'p0' is {p0:g}, maar bij soort='proportie' is p0 een aandeel tussen 0 en 1. Geef "
            f"{p0 / 100:g} in plaats van {p0:g}%, of kies soort='ratio' voor een ratio."
        )
    return p0
