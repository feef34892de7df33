"""The usual spread between regions: DerSimonian-Laird ``tau2`` and each region's place in it.

Every verdict "differs from Nederland" assumes that a region's figure varies around its true
value only by binomial or Poisson chance. Registrations vary more between regions than that
(practice data: over-dispersion ``phi`` 9-68), so with large regions almost every region
"differs". The kit therefore gives two answers per region (:func:`positie_in_spreiding`):

(a) *differs from Nederland beyond chance* -- the funnel test against ``p0`` (unchanged);
(b) *outside the usual spread between regions* -- the same distance judged against chance plus
    the between-region variance ``tau2`` of an additive random-effects model (DerSimonian and
    Laird 1986; Spiegelhalter 2005, Qual Saf Health Care 14:347-351, "Handling over-dispersion
    of performance indicators", additive random-effects section).

Scale: shares on the proportion scale (0-1), rates on their own absolute scale (per ``per``
inhabitants), the scales on which the funnel is drawn, so ``tau2`` can widen the funnel limits
directly (:func:`~impactkit.statistiek.trechtergrenzen` ``tau2=``). (A log scale would suit rate
*ratios*; the funnel compares absolute rates with the national rate.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from ..fouten import ImpactkitFout
from .afronding import afronding_in, binnenvariantie
from .invoer import (
    als_getal,
    controleer_aantal,
    controleer_niveau,
    controleer_noemer,
    controleer_p0,
    controleer_per,
    controleer_soort,
    controleer_teller_noemer,
    index_van,
    zelfde_vorm,
)
from .trechters import trechtergrenzen


@dataclass(frozen=True)
class SpreidingTussenRegios:
    """Result of :func:`tussen_regio_variantie` (DerSimonian-Laird).

    Attributes
    ----------
    tau2
        Between-region variance, on the scale of the values (0 when ``q <= df``).
    q
        Cochran's heterogeneity statistic ``sum(w_i (y_i - y_w)²)``, ``w_i = 1/v_i``.
    df
        Degrees of freedom ``k - 1``.
    i2
        Share of the total variation that is between regions, ``max(0, (q - df)/q)`` (0-1).
    p
        p-value of Cochran's Q test (chi-square with ``df``): small means the regions differ
        more than chance allows.
    gemiddelde
        Random-effects mean ``sum(y_i/(v_i + tau2)) / sum(1/(v_i + tau2))``.
    k
        Number of regions used (missing ones are left out).
    """

    tau2: float
    q: float
    df: int
    i2: float
    p: float
    gemiddelde: float
    k: int


def tussen_regio_variantie(waarden: Any, varianties: Any) -> SpreidingTussenRegios:
    """DerSimonian-Laird between-region variance ``tau2`` with Cochran's Q, I² and its p-value.

    For estimates ``y_i`` with known within-region variances ``v_i`` (weights ``w_i = 1/v_i``,
    weighted mean ``y_w``)::

        Q    = sum(w_i (y_i - y_w)²),   df = k - 1
        tau2 = max(0, (Q - df) / (sum(w) - sum(w²)/sum(w)))
        I²   = max(0, (Q - df) / Q),     p = P(chi2_df > Q)

    DerSimonian R, Laird N (1986), Controlled Clinical Trials 7:177-188. Same as statsmodels'
    ``combine_effects(y, v, method_re="dl")`` and metafor's ``rma(yi, vi, method="DL")``
    (``tests/test_spreiding.py``). Without truncation at 0 the estimate is unbiased for known
    ``v_i`` (``E[Q] = df + tau2·(sum(w) - sum(w²)/sum(w))``).

    Values can be on any scale, as long as ``varianties`` are on the same scale. For regions
    use :func:`binnenvariantie` (shares as proportions, rates per ``per`` inhabitants, with the
    CBS rounding variance), or let :func:`positie_in_spreiding` do it all.

    Parameters
    ----------
    waarden
        One estimate per region. NaN (e.g. a suppressed figure) leaves the region out.
    varianties
        Their within-region (sampling) variances, greater than 0.

    Returns
    -------
    SpreidingTussenRegios
        With NaN statistics when fewer than two regions are known.

    Examples
    --------
    >>> # y = 0, 2, 4 with v = 1: y_w = 2, Q = 4 + 0 + 4 = 8, df = 2, sum(w) - sum(w²)/sum(w) = 2
    >>> s = tussen_regio_variantie([0, 2, 4], [1, 1, 1])
    >>> s.tau2, s.q, s.df, s.i2, round(s.p, 6)  # tau2 = (8 - 2)/2, I² = 6/8, p = exp(-4)
    (3.0, 8.0, 2, 0.75, 0.018316)
    """
    index_van(waarden, varianties)
    y, v = zelfde_vorm(als_getal(waarden, "waarden"), als_getal(varianties, "varianties"))
    y, v = np.atleast_1d(y).ravel(), np.atleast_1d(v).ravel()
    if np.any(np.isinf(y)):
        raise ImpactkitFout("'waarden' bevat een oneindige waarde. Geef eindige getallen of NaN.")
    bekend = np.isfinite(y) & ~np.isnan(v)
    if np.any(~(v[bekend] > 0) | np.isinf(v[bekend])):
        raise ImpactkitFout(
            "'varianties' moeten eindig en groter dan 0 zijn; een variantie van 0 geeft een regio "
            "oneindig gewicht. Laat die regio weg of geef NaN."
        )
    y, v = y[bekend], v[bekend]
    k = len(y)
    if k < 2:
        nan = float("nan")
        return SpreidingTussenRegios(nan, nan, max(k - 1, 0), nan, nan, nan, k)
    w = 1 / v
    y_w = np.sum(w * y) / np.sum(w)
    q = float(np.sum(w * (y - y_w) ** 2))
    df = k - 1
    c = float(np.sum(w) - np.sum(w**2) / np.sum(w))
    tau2 = max(0.0, (q - df) / c)
    i2 = max(0.0, (q - df) / q) if q > 0 else 0.0
    w_re = 1 / (v + tau2)
    gemiddelde = float(np.sum(w_re * y) / np.sum(w_re))
    return SpreidingTussenRegios(tau2, q, df, i2, float(stats.chi2.sf(q, df)), gemiddelde, k)


def _poisson_p(x: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """Two-sided exact Poisson p-value, ``min(1, 2·min(P(X <= x), P(X >= x)))`` (equal tails)."""
    with np.errstate(invalid="ignore"):
        onder = stats.poisson.cdf(x, lam)
        boven = stats.poisson.sf(x - 1, lam)
    return np.minimum(1.0, 2 * np.minimum(onder, boven))


def _waarden(tellers: Any, noemers: Any, soort: str, per: float):
    x, n = zelfde_vorm(als_getal(tellers, "tellers"), als_getal(noemers, "noemers"))
    x, n = np.atleast_1d(x).ravel(), np.atleast_1d(n).ravel()
    if soort == "proportie":
        controleer_teller_noemer(x, n, "tellers", "noemers")
        return x, n, x / n
    controleer_aantal(x, "tellers")
    controleer_noemer(n, "noemers")
    return x, n, x / n * per


def positie_in_spreiding(
    tellers: Any,
    noemers: Any,
    p0: float,
    soort: str = "proportie",
    per: float = 10_000,
    afronding: float | None = None,
    niveau: float = 0.95,
) -> pd.DataFrame:
    """Per region: differs from Nederland beyond chance, and outside the usual spread?

    With ``y_i`` the region's value (share ``x/n`` or rate ``x/n·per``), ``v_i`` its chance
    variance at ``p0`` (:func:`binnenvariantie`, with the rounding variance) and ``tau2`` the
    DerSimonian-Laird between-region variance of all known regions
    (:func:`tussen_regio_variantie` on ``y_i``, ``v_i``):

    - ``z_binnen = (y_i - p0)/sqrt(v_i)`` and ``p_nederland``: the funnel test "differs from
      Nederland beyond chance" (as :func:`~impactkit.statistiek.trechterpositie`): for shares the two-sided normal
      p-value of ``z_binnen``; for rates the two-sided exact Poisson p-value of the count against
      ``λ = p0·n/per`` (equal tails, ``2·min(P(X <= x), P(X >= x))``, rounding ignored).
      ``anders_dan_nederland`` is ``p_nederland < 1 - niveau``.
    - ``z_spreiding = (y_i - p0)/sqrt(v_i + tau2)`` and its two-sided normal ``p_spreiding``
      (Spiegelhalter 2005, additive random effects). ``buiten_spreiding`` is True when the
      region lies outside the funnel widened by ``tau2`` at ``niveau``
      (:func:`~impactkit.statistiek.trechtergrenzen` with ``tau2=``): for shares exactly ``p_spreiding < 1 - niveau``;
      for rates also outside the exact Poisson limits, so a region is never "outside the usual
      spread" while inside the plain funnel.

    ``tellers``/``noemers``: count and denominator per region (Series keep their index; NaN
    leaves a region out); ``p0``: the national value, a proportion (0-1) or a rate per ``per``;
    ``soort``: ``"proportie"`` or ``"ratio"``; ``afronding``: rounding base of the counts,
    ``None`` (default) detects CBS rounding (:func:`afronding_in`: 5 when every known count is
    a multiple of 5), so the rounding variance is on by default for CBS-like data, 1 switches
    it off; ``niveau``: level of the two verdicts, default 0.95 (two-sided 5 %).

    Returns
    -------
    pandas.DataFrame
        One row per region with ``waarde``, ``z_binnen``, ``p_nederland``,
        ``anders_dan_nederland``, ``z_spreiding``, ``p_spreiding``, ``buiten_spreiding`` (the
        two verdicts as nullable booleans, NA for a missing region) and ``tau2`` (the same for
        every row). ``attrs`` holds ``tau2``, ``q``, ``df``, ``i2``, ``p_heterogeniteit`` (p of
        Cochran's Q: do regions differ more than chance at all?), ``phi`` (the unbiased
        ``sum(z_binnen²)/(k - 1)``), ``afronding`` and ``k``.

    Examples
    --------
    >>> # p0 = 0.5, n = 100 (v = 0.0025, w = 400): y = 0.6, 0.4, 0.5, 0.5 -> Q = 8, df = 3,
    >>> # sum(w) - sum(w²)/sum(w) = 1600 - 400 = 1200 -> tau2 = (8 - 3)/1200 = 1/240
    >>> t = positie_in_spreiding([60, 40, 50, 50], [100] * 4, 0.5, afronding=1)
    >>> round(t.attrs["tau2"], 6), t["z_binnen"].round(6).tolist()
    (0.004167, [2.0, -2.0, 0.0, 0.0])
    >>> t["anders_dan_nederland"].tolist(), t["buiten_spreiding"].tolist()
    ([True, True, False, False], [False, False, False, False])
    >>> round(float(t["z_spreiding"][0]), 6)  # 0.1 / sqrt(0.0025 + 1/240)
    1.224745
    """
    soort = controleer_soort(soort)
    per = controleer_per(per)
    p0 = controleer_p0(p0, soort)
    niveau = controleer_niveau(niveau, "niveau")
    index = index_van(tellers, noemers)
    x, n, y = _waarden(tellers, noemers, soort, per)
    a = afronding_in(x) if afronding is None else afronding
    v = binnenvariantie(p0, n, soort, per, a)
    bruikbaar = p0 > 0 and not (soort == "proportie" and p0 >= 1)
    spreiding = tussen_regio_variantie(y, v if bruikbaar else np.full_like(v, np.nan))
    tau2 = spreiding.tau2
    with np.errstate(invalid="ignore", divide="ignore"):
        z_binnen = (y - p0) / np.sqrt(v)
        z_spreiding = (y - p0) / np.sqrt(v + tau2)
    if soort == "proportie":
        p_nederland = 2 * stats.norm.sf(np.abs(z_binnen))
    else:
        p_nederland = _poisson_p(x, p0 * n / per)
    uit = _tabel(y, z_binnen, p_nederland, z_spreiding, tau2, niveau, index)
    uit["buiten_spreiding"] = _vlag(
        _buiten(x, n, p0, soort, per, tau2, a, niveau), np.isfinite(z_spreiding)
    )
    som_z2 = float(np.nansum(z_binnen**2))
    uit.attrs.update(
        tau2=tau2,
        q=spreiding.q,
        df=spreiding.df,
        i2=spreiding.i2,
        p_heterogeniteit=spreiding.p,
        phi=som_z2 / spreiding.df if spreiding.df > 0 and bruikbaar else float("nan"),
        afronding=a,
        k=spreiding.k,
    )
    return uit


def _tabel(y, z_binnen, p_nederland, z_spreiding, tau2, niveau, index) -> pd.DataFrame:
    """The per-region table of :func:`positie_in_spreiding` (``buiten_spreiding`` comes after)."""
    bekend = np.isfinite(z_binnen)
    alpha = 1 - niveau
    return pd.DataFrame(
        {
            "waarde": y,
            "z_binnen": z_binnen,
            "p_nederland": np.where(bekend, p_nederland, np.nan),
            "anders_dan_nederland": _vlag(p_nederland < alpha, bekend),
            "z_spreiding": z_spreiding,
            "p_spreiding": 2 * stats.norm.sf(np.abs(z_spreiding)),
            "buiten_spreiding": _vlag(np.zeros(len(y), dtype=bool), np.isfinite(z_spreiding)),
            "tau2": np.full(len(y), tau2),
        },
        index=index,
    )


def _buiten(x, n, p0, soort, per, tau2, afronding, niveau) -> np.ndarray:
    """True where the unit lies outside the funnel widened by ``tau2`` at ``niveau``."""
    if not np.isfinite(tau2):
        return np.zeros(len(x), dtype=bool)
    zichtbaar = np.isfinite(x) & np.isfinite(n)
    uit = np.zeros(len(x), dtype=bool)
    if not zichtbaar.any():
        return uit
    g = trechtergrenzen(
        p0, n[zichtbaar], soort, niveaus=(niveau,), per=per, tau2=tau2, afronding=afronding
    )
    y = x[zichtbaar] / n[zichtbaar] * (1.0 if soort == "proportie" else per)
    uit[zichtbaar] = (y > g["hoog"].to_numpy()) | (y < g["laag"].to_numpy())
    return uit


def _vlag(waar: np.ndarray, bekend: np.ndarray) -> pd.array:
    """Nullable boolean: ``waar`` where ``bekend``, NA elsewhere."""
    return pd.array(np.where(bekend, waar, None).tolist(), dtype="boolean")
