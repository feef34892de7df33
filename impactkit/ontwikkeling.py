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

Chance is not the only thing that moves a figure between half-years. :func:`tijdruis` estimates
the extra variation between periods from the data (every region's figure minus the rest of
Nederland, around its own line: :func:`impactkit.statistiek.tijdspreiding`) and every
comparison over time adds it to the chance variance: the difference in differences here, and in
:func:`impactkit.vergelijk` the previous half-year, a year earlier (:func:`periodetoets`) and the
trend (:func:`trend_van`). Without other regions the region's own series is used (at least five
periods), otherwise chance only, and the explanation of the row says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd
from scipy import stats

from . import statistiek as st
from .fouten import GeenWaarde
from .geheugen import onthoud, vingerafdruk
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
    extra: float = 0.0,
) -> VerschilInVerschillen:
    """Difference in differences with a Wald interval and two-sided z-test.

    Each argument after ``eenheid`` is ``(teller, noemer)`` at the start and the end of the
    span, for the region and for the rest of Nederland. ``eenheid`` is ``'%'`` (share of
    ``noemer``, binomial variance ``q(1-q)/n``) or ``'per 10.000 inwoners'`` (Poisson count
    over a population, variance ``t/n²``). The four estimates are independent samples.
    ``extra`` is added to the variance of the difference: the extra variation between periods
    (:meth:`Tijdruis.verschilvariantie`), 0 for chance only.

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
    se = math.sqrt(v1 + v2 + u1 + u2 + extra)
    zk = NormalDist().inv_cdf(0.5 + betrouwbaarheid / 2)
    return VerschilInVerschillen(w2 - w1, r2 - r1, d, d - zk * se, d + zk * se, _p_z(d, se))


def _p_z(verschil: float, se: float) -> float:
    """Two-sided normal p of ``verschil / se`` (1 or 0 when ``se`` is 0); scalar and fast."""
    if se == 0:
        return 1.0 if verschil == 0 else 0.0
    return math.erfc(abs(verschil) / se / math.sqrt(2))


def steekproefvariantie(
    eenheid: str, teller: object, noemer: object, afronding: float = 1
) -> np.ndarray:
    """Chance variance of values in the indicator's unit, with the rounding of the counts.

    Shares in points: ``100²·(q(1-q)/n + r(1 + q²)/n²)``; rates per 10.000:
    ``10.000²·(t + r)/n²``, with ``q = t/n`` and ``r`` the variance rounding to multiples of
    ``afronding`` adds (:func:`impactkit.statistiek.afrondingsvariantie`; 0 for ``afronding=1``).

    >>> steekproefvariantie("%", 400, 1000).round(6).tolist()  # 100² · 0.4·0.6/1000
    2.4
    """
    t = np.asarray(teller, dtype=float)
    n = np.asarray(noemer, dtype=float)
    r = st.afrondingsvariantie(afronding)
    with np.errstate(invalid="ignore", divide="ignore"):
        if eenheid == "%":
            q = t / n
            return 100.0**2 * (q * (1 - q) / n + r * (1 + q * q) / (n * n))
        return 10_000.0**2 * (t + r) / (n * n)


@dataclass(frozen=True)
class Tijdruis:
    """The extra variation between periods that the comparisons over time allow for.

    ``tau2`` is the extra variance of one period's figure: in points² for shares, relative (a
    fraction of the rate, squared) for rates per 10.000, which vary in proportion to their
    level. ``bron`` says where it comes from: ``"regio's"`` (all regions in the data, around
    their own line against the rest of Nederland), ``"eigen reeks"`` (the region's own series,
    when the data hold no other regions) or ``"toeval"`` (too little data: chance only,
    ``tau2 = 0``). ``k`` is the number of regions and ``df`` the degrees of freedom used.
    """

    eenheid: str
    tau2: float
    bron: str
    k: int = 0
    df: float = 0.0

    def variantie(self, niveau: object) -> np.ndarray | float:
        """Extra variance of one period's figure at ``niveau`` (in the unit, squared)."""
        if self.eenheid == "%":
            return self.tau2
        return self.tau2 * np.asarray(niveau, dtype=float) ** 2

    def verschilvariantie(self, van: float, tot: float) -> float:
        """Extra variance of the difference between two periods of one region."""
        niveau = (van + tot) / 2
        return float(2 * self.variantie(niveau))

    @property
    def toelichting(self) -> str:
        """One Dutch sentence for the row: which variation the comparison allows for."""
        if self.bron == "toeval":
            return (
                "Alleen toeval meegerekend: te weinig perioden of regio's om de extra "
                "schommeling tussen perioden te schatten, dus het oordeel kan te stellig zijn."
            )
        waaruit = (
            f"de {self.k} regio's"
            if self.bron == "regio's"
            else "de eigen reeks van de regio (er staan geen andere regio's in de gegevens)"
        )
        if self.tau2 == 0:
            return (
                "De cijfers schommelen tussen perioden niet meer dan toeval verklaart "
                f"(nagegaan in {waaruit})."
            )
        if self.eenheid == "%":
            grootte = f"ongeveer {_getal(math.sqrt(self.tau2))} procentpunt per periode"
        else:
            grootte = f"ongeveer {_getal(100 * math.sqrt(self.tau2))}% per periode"
        return f"Met de extra schommeling tussen perioden ({grootte}, geschat uit {waaruit})."


def _getal(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def tijdruis(
    ind: Indicator,
    data: pd.DataFrame,
    tot: Periode,
    categorie: str | None = None,
) -> Tijdruis:
    """Estimate the extra variation between periods for one indicator up to ``tot``.

    Every region in ``data`` with at least three periods (of the same kind as ``tot``, up to
    it) gives its series of differences with the rest of Nederland (shares in points; rates on
    the log scale, so the variance is relative); :func:`impactkit.statistiek.tijdspreiding`
    pools their residuals around each region's own line, net of chance and CBS rounding. Without
    Nederland in the data the regions' own values are used. Only one region (the user's own
    file): its own series, from five periods on. Fewer than three degrees of freedom:
    chance only (``bron="toeval"``).
    """
    sel = data[data["indicator"] == ind.id]
    sel = sel[sel["categorie"].isna()] if categorie is None else sel[sel["categorie"] == categorie]
    sel = sel[sel["teller"].notna() & sel["noemer"].notna() & ~sel["onderdrukt"].astype(bool)]
    perioden = {q: Periode.parse(q) for q in pd.unique(sel["periode"])}
    houden = [q for q, x in perioden.items() if x.is_halfjaar == tot.is_halfjaar and x <= tot]
    sel = sel[sel["periode"].isin(houden)]
    if sel.empty or ind.eenheid not in EENHEDEN:
        return Tijdruis(ind.eenheid, 0.0, "toeval")
    # Every region of a batch needs the same estimate: remembered by the figures it reads.
    sleutel = (
        "tijdruis",
        ind.eenheid,
        vingerafdruk(sel, ["regio_code", "periode", "teller", "noemer"]),
    )
    return onthoud(sleutel, lambda: _tijdruis_uit(ind, sel, perioden))


def _tijdruis_uit(ind: Indicator, sel: pd.DataFrame, perioden: dict[str, Periode]) -> Tijdruis:
    """The estimate of :func:`tijdruis` from its selected rows."""
    geen = Tijdruis(ind.eenheid, 0.0, "toeval")
    breed = sel.pivot_table(
        index="regio_code", columns="periode", values=["teller", "noemer"], aggfunc="first"
    )
    kolommen = sorted(breed["teller"].columns, key=Periode.parse)
    t = breed["teller"][kolommen].astype(float)
    n = breed["noemer"][kolommen].astype(float)
    tijden = [perioden[q].jaar + ((perioden[q].halfjaar or 1) - 1) / 2 for q in kolommen]
    afronding = st.afronding_in(t.to_numpy().ravel())
    y, v = _reeksen(ind.eenheid, t, n, afronding)
    regios_in = [c for c in y.index if c != NEDERLAND]
    if not regios_in:
        return geen
    s = st.tijdspreiding(y.loc[regios_in].to_numpy(), v.loc[regios_in].to_numpy(), tijden)
    if not (s.df >= 3 and math.isfinite(s.tau2)):
        return geen
    bron = "eigen reeks" if len(regios_in) == 1 else "regio's"
    return Tijdruis(ind.eenheid, s.tau2, bron, s.k, s.df)


def _reeksen(
    eenheid: str, t: pd.DataFrame, n: pd.DataFrame, afronding: float, tegen_rest: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per region its values minus the rest of Nederland's (if known), with their variances."""
    if eenheid == "%":
        y = 100.0 * t / n
        v = pd.DataFrame(steekproefvariantie(eenheid, t, n, afronding), t.index, t.columns)
    else:  # log scale: a relative variance
        with np.errstate(divide="ignore", invalid="ignore"):
            y = np.log(t.where(t > 0) / n)
        v = (1.0 + st.afrondingsvariantie(afronding) / t.where(t > 0)) / t.where(t > 0)
    if not tegen_rest or NEDERLAND not in t.index:
        return y, v
    t_rest, n_rest = t.loc[NEDERLAND] - t, n.loc[NEDERLAND] - n
    t_rest, n_rest = t_rest.where((n_rest > 0) & (t_rest >= 0)), n_rest.where(n_rest > 0)
    y_rest, v_rest = _reeksen(eenheid, t_rest, n_rest, afronding, tegen_rest=False)
    return y - y_rest, v + v_rest


def periodetoets(
    eenheid: str, nu: tuple[float, float], eerder: tuple[float, float], ruis: Tijdruis
) -> tuple[float, float]:
    """A region's figure against its own figure in an earlier period: (difference, p).

    A z-test of the difference in the unit with the chance variance under "no change" (pooled
    share or rate, with the rounding variance) plus the extra variation between periods of
    ``ruis``. ``nu`` and ``eerder`` are ``(teller, noemer)``.

    >>> ruis = Tijdruis("%", 4.0, "regio's", 25, 75.0)
    >>> # chance 100²·0.425·0.575·(2/1000) = 4.8875, extra 2·4: z = 5/sqrt(12.8875) = 1.3928
    >>> d, p = periodetoets("%", (450, 1000), (400, 1000), ruis)
    >>> round(d, 6), round(p, 4)
    (5.0, 0.1637)
    """
    (t1, n1), (t0, n0) = nu, eerder
    if eenheid == "%":
        q = (t1 + t0) / (n1 + n0)
        kans = 100.0**2 * q * (1 - q) * (1 / n1 + 1 / n0)
        d = 100.0 * (t1 / n1 - t0 / n0)
        niveau_nu, niveau_eerder = 100.0 * t1 / n1, 100.0 * t0 / n0
    else:
        q = (t1 + t0) / (n1 + n0)
        kans = 10_000.0**2 * q * (1 / n1 + 1 / n0)
        d = 10_000.0 * (t1 / n1 - t0 / n0)
        niveau_nu, niveau_eerder = 10_000.0 * t1 / n1, 10_000.0 * t0 / n0
    se = math.sqrt(kans + ruis.verschilvariantie(niveau_eerder, niveau_nu))
    return float(d), _p_z(d, se)


def trend_van(
    ind: Indicator, sel: pd.DataFrame, code: str, tot: Periode, ruis: Tijdruis | None = None
) -> tuple[float, float, int, str] | None:
    """Least-squares slope per year of the region's values up to ``tot``: (slope, p, n, first).

    The p-value is the t-test of the slope against the scatter around the line; with ``ruis``
    (not chance only) it is the larger of that and a z-test of the slope with the chance
    variance of every period plus the extra variation between periods, so the trend is never
    called clearer than either view allows.
    """
    eigen = sel[sel["regio_code"] == code].copy()
    eigen["_p"] = eigen["periode"].map(Periode.parse)
    eigen = eigen[
        (eigen["_p"] <= tot) & eigen["waarde"].notna() & ~eigen["onderdrukt"].astype(bool)
    ]
    eigen = eigen[eigen["_p"].map(lambda x: x.is_halfjaar == tot.is_halfjaar)].sort_values("_p")
    if len(eigen) < 4:
        return None
    x = np.array([q.jaar + ((q.halfjaar or 1) - 1) / 2 for q in eigen["_p"]])
    y = eigen["waarde"].astype(float).to_numpy()
    fit = stats.linregress(x, y)
    p = float(fit.pvalue)
    if ruis is not None and ruis.bron != "toeval" and ind.eenheid in EENHEDEN:
        v = steekproefvariantie(
            ind.eenheid, eigen["teller"].astype(float), eigen["noemer"].astype(float)
        )
        p = max(p, trendtoets(x, y, v + ruis.variantie(y)))
    return float(fit.slope), p, len(eigen), eigen["_p"].iloc[0].code


def trendtoets(tijden: np.ndarray, waarden: np.ndarray, varianties: np.ndarray) -> float:
    """Two-sided p of the least-squares slope with known variances per period (z-test).

    ``Var(slope) = sum((x - x̄)²·v) / Sxx²``. NaN variances (e.g. no counts) give NaN.

    >>> round(trendtoets(np.array([0.0, 1, 2]), np.array([0.0, 1, 2]), np.ones(3)), 4)
    0.1573
    """
    xc = tijden - tijden.mean()
    sxx = float(xc @ xc)
    helling = float(xc @ waarden) / sxx
    se = math.sqrt(float((xc**2) @ varianties)) / sxx
    return _p_z(helling, se) if math.isfinite(se) else math.nan


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
    ruis: Tijdruis | None = None,
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
    search), ``toetsen`` (how many comparisons the search made), ``ruis`` (the extra variation
    between periods every comparison allows for, :func:`tijdruis` from ``data`` unless given),
    ``oordeel`` (from :mod:`impactkit.oordelen`: ``opvallend hoger`` means the region's change
    was larger, in the positive direction, than the national one), ``opvallend`` and
    ``verandering_erna`` (the region's change after the turning point).
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

    ruis = tijdruis(ind, df, p, categorie) if ruis is None else ruis
    keuze, toets, p_corr, toetsen = keerpuntzoektocht(
        ind.eenheid,
        t[["t_r", "n_r"]].to_numpy(),
        t[["t_rest", "n_rest"]].to_numpy(),
        ruis,
    )
    laatste = len(t) - 1
    w = t["w_r"].to_numpy()
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
        "toetsen": toetsen,
        "minimum": minimum,
        "oordeel": verdict,
        "opvallend": is_opvallend(verdict),
        "ruis": ruis,
    }


def keerpuntzoektocht(
    eenheid: str, regio_reeks: np.ndarray, rest_reeks: np.ndarray, ruis: Tijdruis
) -> tuple[int | None, VerschilInVerschillen, float, int]:
    """The paid-for search of :func:`verloop` on arrays: (turning index, test, corrected p, tests).

    ``regio_reeks`` and ``rest_reeks`` hold ``(teller, noemer)`` per period, oldest first. The
    fixed comparison (first to last period) costs ``p x 2``; a candidate turning point ``k``
    (where the region's course reverses) costs ``p x 2K`` for ``K`` candidates; the smallest
    corrected p wins. Every comparison adds the extra variation between periods of ``ruis``.
    """
    schaal = 100.0 if eenheid == "%" else 10_000.0
    w = schaal * regio_reeks[:, 0] / regio_reeks[:, 1]

    def did(i: int, j: int) -> VerschilInVerschillen:
        return verschil_in_verschillen(
            eenheid,
            tuple(regio_reeks[i]),
            tuple(regio_reeks[j]),
            tuple(rest_reeks[i]),
            tuple(rest_reeks[j]),
            extra=ruis.verschilvariantie(float(w[i]), float(w[j])),
        )

    laatste = len(w) - 1
    kandidaten = range(1, laatste)
    vast = did(0, laatste)
    keuze, toets, p_corr = None, vast, min(1.0, 2 * vast.p)
    for k in kandidaten:
        if not np.sign(w[k] - w[0]) * np.sign(w[laatste] - w[k]) < 0:
            continue
        kt = did(0, k)
        pk = min(1.0, 2 * len(kandidaten) * kt.p)
        if pk < p_corr:
            keuze, toets, p_corr = k, kt, pk
    return keuze, toets, p_corr, 1 + len(kandidaten)
