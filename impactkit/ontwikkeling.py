"""The course over time ('verloop'): did the region develop differently from Nederland?

Two rules keep the verdict honest.

* The periods are fixed in advance, never picked by looking at the data: the comparison runs
  from a base period (the start of the series, or the ``basis`` the user chooses) to the
  analysed period. Where the story is a turning point (seed 004: a rise up to 2020H2, then a
  fall), every period between them is a candidate, and the search pays for itself: the error
  budget ``alpha`` is split, half for the fixed comparison and half shared equally by the ``K``
  candidate turning points (weighted Bonferroni: p x 2 and p x 2K). A region that follows the
  national trend is therefore called different in at most ``alpha`` of cases, however many
  candidates there are (``tests/test_ontwikkeling.py`` checks this by simulation).
* 'Stronger than national' is a test of the region's change against the change in the rest of
  Nederland (Nederland without the region) over the same periods: a difference in differences
  with its 95 % interval, for shares (binomial variance) and rates per 10.000 (Poisson variance).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .fouten import GeenWaarde
from .indicatoren import Indicator, indicator
from .laden import laad
from .oordelen import Drempels, is_opvallend, oordeel
from .perioden import Periode
from .regioindeling import NEDERLAND, regio

EENHEDEN = ("%", "per 10.000 inwoners")


@dataclass(frozen=True)
class VerschilInVerschillen:
    """The region's change minus the rest of Nederland's change, in the indicator's unit."""

    verandering_regio: float
    verandering_rest: float
    verschil: float
    laag: float
    hoog: float
    p: float


def _schaal_en_variantie(eenheid: str, teller: float, noemer: float) -> tuple[float, float]:
    if eenheid == "%":
        q = teller / noemer
        return 100.0 * q, 100.0**2 * q * (1 - q) / noemer
    return 10_000.0 * teller / noemer, 10_000.0**2 * teller / noemer**2


def verschil_in_verschillen(
    eenheid: str,
    regio_van: tuple[float, float],
    regio_tot: tuple[float, float],
    rest_van: tuple[float, float],
    rest_tot: tuple[float, float],
    betrouwbaarheid: float = 0.95,
) -> VerschilInVerschillen:
    """Difference in differences with a Wald interval and two-sided z-test.

    Each argument after ``eenheid`` is ``(teller, noemer)`` at the start and the end of the
    span, for the region and for the rest of Nederland. ``eenheid`` is ``'%'`` (share of
    ``noemer``, binomial variance ``q(1-q)/n``) or ``'per 10.000 inwoners'`` (Poisson count
    over a population, variance ``t/n²``). The four estimates are independent samples.

    Examples
    --------
    >>> d = verschil_in_verschillen("%", (400, 1000), (500, 1000), (4000, 10000), (4100, 10000))
    >>> round(d.verschil, 6), round(d.laag, 3), round(d.hoog, 3), round(d.p, 5)
    (9.0, 4.453, 13.547, 0.0001)
    """
    w1, v1 = _schaal_en_variantie(eenheid, *regio_van)
    w2, v2 = _schaal_en_variantie(eenheid, *regio_tot)
    r1, u1 = _schaal_en_variantie(eenheid, *rest_van)
    r2, u2 = _schaal_en_variantie(eenheid, *rest_tot)
    d = (w2 - w1) - (r2 - r1)
    se = math.sqrt(v1 + v2 + u1 + u2)
    zk = float(stats.norm.ppf(0.5 + betrouwbaarheid / 2))
    if se == 0:
        p = 1.0 if d == 0 else 0.0
    else:
        p = float(2 * stats.norm.sf(abs(d) / se))
    return VerschilInVerschillen(w2 - w1, r2 - r1, d, d - zk * se, d + zk * se, p)


def _tabel(
    ind: Indicator,
    code: str,
    categorie: str | None,
    data: pd.DataFrame,
    tot: Periode,
    basis: Periode | None,
) -> pd.DataFrame:
    """Periods from the base up to ``tot`` with counts for the region, Nederland and the rest."""
    sel = data[data["indicator"] == ind.id]
    sel = sel[sel["categorie"].isna()] if categorie is None else sel[sel["categorie"] == categorie]
    sel = sel[sel["regio_code"].isin([code, NEDERLAND])]
    sel = sel[sel["teller"].notna() & sel["noemer"].notna() & ~sel["onderdrukt"].astype(bool)]
    breed = sel.pivot_table(
        index="periode",
        columns="regio_code",
        values=["teller", "noemer", "waarde"],
        aggfunc="first",
    )
    if (
        breed.empty
        or code not in breed["teller"].columns
        or NEDERLAND not in breed["teller"].columns
    ):
        return pd.DataFrame()
    t = pd.DataFrame(
        {
            "periode": breed.index,
            "t_r": breed["teller"][code].astype(float).to_numpy(),
            "n_r": breed["noemer"][code].astype(float).to_numpy(),
            "w_r": breed["waarde"][code].astype(float).to_numpy(),
            "t_nl": breed["teller"][NEDERLAND].astype(float).to_numpy(),
            "n_nl": breed["noemer"][NEDERLAND].astype(float).to_numpy(),
            "w_nl": breed["waarde"][NEDERLAND].astype(float).to_numpy(),
        }
    ).dropna()
    t["_p"] = t["periode"].map(Periode.parse)
    t = t[t["_p"].map(lambda x: x.is_halfjaar == tot.is_halfjaar and x <= tot)]
    if basis is not None:
        t = t[t["_p"] >= basis]
    t["t_rest"] = t["t_nl"] - t["t_r"]
    t["n_rest"] = t["n_nl"] - t["n_r"]
    t = t[(t["n_rest"] > 0) & (t["t_rest"] >= 0)]
    return t.sort_values("_p").reset_index(drop=True)


def verloop(
    indicator_id: str,
    regio_naam: str,
    periode: str,
    categorie: str | None = None,
    data: pd.DataFrame | None = None,
    drempels: Drempels | None = None,
    basis: str | None = None,
) -> dict | None:
    """The region's course up to ``periode`` against the rest of Nederland, tested honestly.

    Returns None when fewer than four periods with counts are available (from ``basis``, or the
    start of the series, to ``periode``, which must itself have figures). Otherwise a dict:

    ``start``, ``keerpunt`` (the turning period, or None for the straight comparison),
    ``eind``; the region's and Nederland's values there (``regio_waarden``,
    ``landelijke_waarden``: dicts period -> value); ``verandering`` (region, start to
    ``keerpunt`` or ``eind``), ``landelijke_verandering`` (Nederland over the same periods),
    ``verschil`` with ``laag``/``hoog`` (difference in differences against the rest of
    Nederland, 95 % interval), ``p`` (uncorrected) and ``p_gecorrigeerd`` (paying for the
    search), ``toetsen`` (how many comparisons the search made), ``oordeel`` (from
    :mod:`impactkit.oordelen`: ``opvallend hoger`` means the region's change was larger, in the
    positive direction, than the national one), ``opvallend`` and ``verandering_erna`` (the
    region's change after the turning point).
    """
    ind = indicator(indicator_id)
    if ind.eenheid not in EENHEDEN:
        raise GeenWaarde(
            f"Het verloop wordt getoetst voor percentages en cijfers per 10.000 "
            f"inwoners; {ind.naam} is '{ind.eenheid}'."
        )
    r = regio(regio_naam)
    p = Periode.parse(periode)
    drempels = drempels or Drempels()
    df = laad() if data is None else data
    t = _tabel(ind, r.code, categorie, df, p, Periode.parse(basis) if basis else None)
    if len(t) < 4 or t["periode"].iloc[-1] != p.code:
        return None

    def did(i: int, j: int) -> VerschilInVerschillen:
        a, b = t.iloc[i], t.iloc[j]
        return verschil_in_verschillen(
            ind.eenheid, (a.t_r, a.n_r), (b.t_r, b.n_r), (a.t_rest, a.n_rest), (b.t_rest, b.n_rest)
        )

    laatste = len(t) - 1
    kandidaten = list(range(1, laatste))
    vast = did(0, laatste)
    keuze, toets, p_corr = None, vast, min(1.0, 2 * vast.p)
    w = t["w_r"].to_numpy()
    for k in kandidaten:
        omkeer = np.sign(w[k] - w[0]) * np.sign(w[laatste] - w[k]) < 0
        if not omkeer:
            continue
        kt = did(0, k)
        pk = min(1.0, 2 * len(kandidaten) * kt.p)
        if pk < p_corr:
            keuze, toets, p_corr = k, kt, pk
    eind_index = laatste if keuze is None else keuze
    nl_start, nl_eind = float(t["w_nl"].iloc[0]), float(t["w_nl"].iloc[eind_index])
    minimum = drempels.minimum(ind.eenheid, float(t["w_nl"].iloc[0]))
    verdict = oordeel(toets.verschil, p_corr, minimum, drempels.alpha)
    return {
        "start": t["periode"].iloc[0],
        "keerpunt": None if keuze is None else t["periode"].iloc[keuze],
        "eind": p.code,
        "soort": "doorlopend" if keuze is None else "keerpunt",
        "regio_waarden": dict(zip(t["periode"], t["w_r"].astype(float))),
        "landelijke_waarden": dict(zip(t["periode"], t["w_nl"].astype(float))),
        "verandering": float(w[eind_index] - w[0]),
        "landelijke_verandering": nl_eind - nl_start,
        "verandering_erna": float(w[laatste] - w[eind_index]),
        "verschil": toets.verschil,
        "laag": toets.laag,
        "hoog": toets.hoog,
        "p": toets.p,
        "p_gecorrigeerd": p_corr,
        "toetsen": 1 + len(kandidaten),
        "minimum": minimum,
        "oordeel": verdict,
        "opvallend": is_opvallend(verdict),
    }
