"""Funnel plots and over-dispersion (Spiegelhalter 2005): limits, positions and ``phi``."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from ..fouten import ImpactkitFout
from .afronding import binnenvariantie
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

LABELS = ("binnen", "boven 95%", "boven 99,8%", "onder 95%", "onder 99,8%")
"""The labels :func:`trechterpositie` can return (besides NaN for missing input)."""


def _poisson_grens(lam: np.ndarray, q: float) -> np.ndarray:
    """Interpolated ``q``-quantile of Poisson(``lam``) (Spiegelhalter 2005, appendix A.1.1).

    ``r`` is the smallest count with ``F(r) >= q``; the limit is ``r - a`` with
    ``a = (F(r) - q) / (F(r) - F(r - 1))``, clipped at 0. This is continuous in ``lam``, so the
    funnel is smooth instead of a staircase.
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        r = stats.poisson.ppf(q, lam)
        f_r = stats.poisson.cdf(r, lam)
        f_onder = stats.poisson.cdf(r - 1, lam)
        a = (f_r - q) / (f_r - f_onder)
    return np.maximum(r - a, 0.0)


def _grenzen(
    p0: float,
    n: np.ndarray,
    soort: str,
    niveau: float,
    per: float,
    phi: float = 1.0,
    tau2: float = 0.0,
    afronding: float = 1,
):
    """(laag, hoog) funnel limits at denominators ``n`` for one level.

    The variance at ``p0`` is ``v(n)`` (:func:`binnenvariantie`, with rounding when
    ``afronding > 1``); widened it is ``phi·v(n) + tau2`` (multiplicative and/or additive
    over-dispersion, Spiegelhalter 2005). Shares use the normal approximation throughout. Rates
    start from the exact (interpolated) Poisson limits; when widened, each limit is the wider of
    the exact one and the normal ``p0 ± z·sqrt(phi·v + tau2)``, so widening never narrows.
    """
    staart = (1 - niveau) / 2
    z = stats.norm.ppf(1 - staart)
    v = binnenvariantie(p0, n, soort, per, afronding)
    with np.errstate(invalid="ignore", divide="ignore"):
        half = z * np.sqrt(phi * v + tau2)
    if soort == "proportie":
        return np.clip(p0 - half, 0.0, 1.0), np.clip(p0 + half, 0.0, 1.0)
    lam = p0 * n / per
    laag = _poisson_grens(lam, staart) / n * per
    hoog = _poisson_grens(lam, 1 - staart) / n * per
    if phi > 1 or tau2 > 0 or afronding > 1:
        laag = np.fmin(laag, np.clip(p0 - half, 0.0, None))
        hoog = np.fmax(hoog, p0 + half)
    return laag, hoog


def _controleer_verbreding(phi: Any, tau2: Any) -> tuple[float, float]:
    """``phi`` at least 1 and ``tau2`` at least 0, as floats (NaN is read as no widening)."""
    try:
        phi, tau2 = float(phi), float(tau2)
    except (TypeError, ValueError) as fout:
        raise ImpactkitFout("'phi' en 'tau2' moeten getallen zijn, zoals 1.0 en 0.0.") from fout
    phi = 1.0 if np.isnan(phi) else phi
    tau2 = 0.0 if np.isnan(tau2) else tau2
    if not (np.isfinite(phi) and phi > 0) or not (np.isfinite(tau2) and tau2 >= 0):
        raise ImpactkitFout(
            f"'phi' moet groter dan 0 zijn (1 = niet verbreed) en 'tau2' 0 of meer; niet "
            f"phi={phi:g}, tau2={tau2:g}."
        )
    return phi, tau2


def trechtergrenzen(
    p0: float,
    noemers: Any,
    soort: str = "proportie",
    niveaus: tuple[float, ...] = (0.95, 0.998),
    per: float = 10_000,
    phi: float = 1.0,
    tau2: float = 0.0,
    afronding: float = 1,
) -> pd.DataFrame:
    """Control limits for a funnel plot around the norm ``p0`` (Spiegelhalter 2005).

    Widening for over-dispersion (regions differ more than chance allows):

    - ``tau2 > 0`` (additive random effects, Spiegelhalter 2005, Qual Saf Health Care
      14:347-351, "Handling over-dispersion of performance indicators"; estimate it with
      :func:`tussen_regio_variantie` or take it from :func:`positie_in_spreiding`): the limits
      are ``p0 ± z·sqrt(v(n) + tau2)``, ``v(n)`` the chance variance at ``p0``
      (:func:`binnenvariantie`). Because ``tau2`` does not shrink with ``n``, the funnel
      flattens into two parallel lines for large regions: "the usual spread between regions".
    - ``phi > 1`` (multiplicative, see :func:`overspreiding`): ``p0 ± z·sqrt(phi·v(n))``.

    For rates a widened limit is the wider of the exact Poisson limit below and the normal one
    above, so widening (even ``phi = 1.01``) never gives a narrower funnel than no widening.

    A unit with denominator ``n`` whose true value equals ``p0`` falls outside the limits of
    level ``niveau`` with probability about ``1 - niveau`` (half on each side).

    - ``soort="proportie"``: ``p0`` is a proportion (0-1) and ``n`` a group size; the limits are
      the normal approximation ``p0 ± z·sqrt(p0(1-p0)/n)``, clipped to [0, 1], with ``z`` the
      two-sided standard normal quantile (1.959964 for 95%, 3.090232 for 99.8%).
    - ``soort="ratio"``: ``p0`` is a rate per ``per`` inhabitants and ``n`` a population. The
      expected count is ``λ = p0·n/per``; its exact Poisson quantiles at ``(1-niveau)/2`` and
      ``1-(1-niveau)/2`` are interpolated between whole counts as in Spiegelhalter (2005),
      appendix A.1.1 (with ``r`` the smallest count with ``P(X ≤ r) ≥ q``, the limit is
      ``r - (P(X ≤ r) - q) / P(X = r)``, at least 0), and converted back to a rate by ``·per/n``.
      Interpolation makes the funnel smooth instead of a staircase.

    Parameters
    ----------
    p0
        The norm (e.g. the national value), one number. NaN gives NaN limits.
    noemers
        Denominators (group sizes or populations) at which to compute the limits, e.g. a grid
        for drawing (``np.geomspace(100, 1e6, 200)``) or the units' own denominators.
    soort
        ``"proportie"`` or ``"ratio"``.
    niveaus
        Levels of the limits, default 95% and 99.8% (about 2 and 3 standard errors).
    per
        Rate base for ``soort="ratio"``, default 10 000.
    phi, tau2
        Multiplicative factor (default 1) and between-region variance on the scale of ``p0``
        (default 0): no widening by default.
    afronding
        Rounding base of the counts, default 1 (none); 5 for CBS counts adds their rounding
        variance to ``v(n)``.

    Returns
    -------
    pandas.DataFrame
        Tidy table, one row per level and denominator, with columns ``noemer``, ``niveau``,
        ``laag``, ``hoog`` (same scale as ``p0``).

    Examples
    --------
    >>> g = trechtergrenzen(0.3, [100, 400])
    >>> g[["noemer", "niveau"]].values.tolist()
    [[100.0, 0.95], [400.0, 0.95], [100.0, 0.998], [400.0, 0.998]]
    >>> g["laag"].round(4).tolist(), g["hoog"].round(4).tolist()
    ([0.2102, 0.2551, 0.1584, 0.2292], [0.3898, 0.3449, 0.4416, 0.3708])
    >>> r = trechtergrenzen(20.0, [50_000], soort="ratio", niveaus=(0.95,))
    >>> r[["laag", "hoog"]].round(2).values.tolist()
    [[16.07, 23.92]]
    >>> # tau2 = 0.0025 (sd 5 points): p0 ± 1.96·sqrt(0.0021 + 0.0025) at n = 100
    >>> w = trechtergrenzen(0.3, [100], niveaus=(0.95,), tau2=0.0025)
    >>> w[["laag", "hoog"]].round(4).values.tolist()
    [[0.1671, 0.4329]]
    """
    soort = controleer_soort(soort)
    per = controleer_per(per)
    p0 = controleer_p0(p0, soort)
    phi, tau2 = _controleer_verbreding(phi, tau2)
    n = np.atleast_1d(als_getal(noemers, "noemers")).ravel()
    controleer_noemer(n, "noemers")
    if isinstance(niveaus, int | float):
        niveaus = (niveaus,)
    delen = []
    for niveau in niveaus:
        niveau = controleer_niveau(niveau, "niveaus")
        laag, hoog = _grenzen(p0, n, soort, niveau, per, phi, tau2, afronding)
        delen.append(
            pd.DataFrame(
                {"noemer": n, "niveau": np.full(n.shape, niveau), "laag": laag, "hoog": hoog}
            )
        )
    if not delen:
        raise ImpactkitFout("Geef minstens één niveau, zoals niveaus=(0.95, 0.998).")
    return pd.concat(delen, ignore_index=True)


def trechterpositie(
    waarde_teller: Any,
    noemer: Any,
    p0: float,
    soort: str = "proportie",
    per: float = 10_000,
    phi: float = 1.0,
    tau2: float = 0.0,
    afronding: float = 1,
) -> Any:
    """Position of each unit in the funnel plot around ``p0``.

    ``phi > 1`` or ``tau2 > 0`` use limits widened for over-dispersion and ``afronding`` adds
    the rounding variance, exactly as in :func:`trechtergrenzen`.

    The unit's value is ``waarde_teller / noemer`` (``soort="proportie"``) or
    ``waarde_teller / noemer · per`` (``soort="ratio"``), compared with the
    :func:`trechtergrenzen` limits at its own denominator. A value strictly beyond a limit is
    outside it; the outer (99.8%) limit wins.

    Parameters
    ----------
    waarde_teller
        Numerator count per unit (cases, reports).
    noemer
        Denominator per unit (group size, population).
    p0
        The norm, on the scale of the value (proportion, or rate per ``per``).
    soort
        ``"proportie"`` or ``"ratio"``.
    per
        Rate base for ``soort="ratio"``, default 10 000.

    Returns
    -------
    str, NaN or pandas.Series
        One of ``"binnen"``, ``"boven 95%"``, ``"boven 99,8%"``, ``"onder 95%"``,
        ``"onder 99,8%"``; NaN where input is missing. For several units a Series of strings
        (keeping the index of Series input).

    Examples
    --------
    >>> trechterpositie(30, 100, 0.3)
    'binnen'
    >>> trechterpositie([40, 48, 20, 10, None], 100, 0.3).tolist()
    ['boven 95%', 'boven 99,8%', 'onder 95%', 'onder 99,8%', nan]
    """
    soort = controleer_soort(soort)
    per = controleer_per(per)
    p0 = controleer_p0(p0, soort)
    index = index_van(waarde_teller, noemer)
    x, n = zelfde_vorm(als_getal(waarde_teller, "waarde_teller"), als_getal(noemer, "noemer"))
    if soort == "proportie":
        controleer_teller_noemer(x, n, "waarde_teller", "noemer")
        waarde = x / n
    else:
        controleer_aantal(x, "waarde_teller")
        controleer_noemer(n, "noemer")
        waarde = x / n * per
    phi, tau2 = _controleer_verbreding(phi, tau2)
    laag95, hoog95 = _grenzen(p0, n, soort, 0.95, per, phi, tau2, afronding)
    laag998, hoog998 = _grenzen(p0, n, soort, 0.998, per, phi, tau2, afronding)
    bekend = ~(np.isnan(waarde) | np.isnan(laag95) | np.isnan(hoog95))
    label = np.select(
        [waarde > hoog998, waarde > hoog95, waarde < laag998, waarde < laag95, bekend],
        ["boven 99,8%", "boven 95%", "onder 99,8%", "onder 95%", "binnen"],
        default="",
    ).astype(object)
    label[~bekend] = np.nan
    if label.ndim == 0:
        return label.item()
    if label.ndim > 1:
        return label
    return pd.Series(label, index=index, dtype="str")


def _z_scores(
    waarde_teller: Any, noemer: Any, p0: float, soort: str, per: float, afronding: float = 1
) -> Any:
    """z-scores of the known units around ``p0`` (see :func:`overspreiding`); None if < 2."""
    soort = controleer_soort(soort)
    per = controleer_per(per)
    p0 = controleer_p0(p0, soort)
    x, n = zelfde_vorm(als_getal(waarde_teller, "waarde_teller"), als_getal(noemer, "noemer"))
    x, n = np.atleast_1d(x).ravel(), np.atleast_1d(n).ravel()
    bekend = ~(np.isnan(x) | np.isnan(n)) & (n > 0)
    x, n = x[bekend], n[bekend]
    if len(x) < 2 or p0 <= 0 or (soort == "proportie" and p0 >= 1):
        return None
    waarde = x / n if soort == "proportie" else x / n * per
    return (waarde - p0) / np.sqrt(binnenvariantie(p0, n, soort, per, afronding))


def overspreiding(
    waarde_teller: Any,
    noemer: Any,
    p0: float,
    soort: str = "proportie",
    per: float = 10_000,
    winsor: float = 0.10,
    afronding: float = 1,
    zuiver: bool = False,
) -> float:
    """Multiplicative over-dispersion factor ``phi`` of units around ``p0`` (Spiegelhalter 2005).

    Regions differ more than chance alone explains (different populations, registration
    practices). The funnel then flags almost every region. Following Spiegelhalter (2005),
    section 3.5 ("multiplicative over-dispersion"): the z-scores
    ``z_i = (y_i - p0) / sqrt(v_i)`` with ``v_i`` the chance variance at ``p0``
    (``p0(1-p0)/n_i`` for a proportion, ``p0·per/n_i`` for a rate per ``per``; plus the rounding
    variance when ``afronding > 1``, see :func:`binnenvariantie`).

    - Default (``zuiver=False``): the z-scores are winsorised at the ``winsor`` and
      ``1 - winsor`` quantiles and ``phi = mean(z²)``, as in Spiegelhalter (2005). This is robust
      to a single extreme region but biased low: without over-dispersion it averages about 0.66
      with the default ``winsor=0.10`` (``tests/test_spreiding.py``), so it understates the spread.
    - ``zuiver=True``: ``phi = sum(z²) / (k - 1)`` without winsorising (``winsor`` is ignored).
      With ``p0`` the pooled value of the same ``k`` units (the national figure),
      ``E[sum(z²)] = k - 1`` without over-dispersion, so this ``phi`` is unbiased under the null
      (mean 1.00 in 2000 simulated data sets). Use this one; the default stays for existing
      callers.

    A ``phi`` above 1 means more spread than chance; pass it to :func:`trechtergrenzen` /
    :func:`trechterpositie`. Missing units are left out. For the additive random-effects model
    (Spiegelhalter's preferred one) see :func:`tussen_regio_variantie`.

    Examples
    --------
    >>> # p0 = 0.5, n = 100: z = (0.6-0.5)/0.05 = 2, -2, 0, 0 -> phi = (4 + 4) / 4 = 2
    >>> round(overspreiding([60, 40, 50, 50], [100] * 4, 0.5, winsor=0), 6)
    2.0
    >>> round(overspreiding([60, 40, 50, 50], [100] * 4, 0.5, zuiver=True), 6)  # 8 / 3
    2.666667
    """
    z = _z_scores(waarde_teller, noemer, p0, soort, per, afronding)
    if z is None:
        return float("nan")
    if zuiver:
        return float(np.sum(z**2) / (len(z) - 1))
    if winsor > 0:
        laag, hoog = np.quantile(z, [winsor, 1 - winsor])
        z = np.clip(z, laag, hoog)
    return float(np.mean(z**2))


def overspreiding_toets(
    waarde_teller: Any,
    noemer: Any,
    p0: float,
    soort: str = "proportie",
    per: float = 10_000,
    afronding: float = 1,
    zuiver: bool = False,
) -> tuple[float, float]:
    """Test whether units vary around ``p0`` more than chance allows: ``(phi, p)``.

    Under the null hypothesis of no over-dispersion the z-scores (see :func:`overspreiding`) are
    standard normal, so ``sum(z²)`` follows a chi-square distribution with ``k - 1`` degrees of
    freedom (``k`` units; one is lost because ``p0`` is the pooled value of the same units,
    Spiegelhalter 2005, section 3.5). ``phi`` is the estimate of :func:`overspreiding` (winsorised
    by default, unbiased with ``zuiver=True``); ``p`` the upper-tail p-value of the unwinsorised
    statistic.

    For CBS counts (rounded to multiples of 5) pass ``afronding=5``: without it the rounding
    noise reads as over-dispersion and the test's size at the 5 % level is 12.6 % for shares
    near 1 %; with it 5-6 % (``tests/test_spreiding.py``). The default ``afronding=1`` keeps
    the results of existing callers.

    Examples
    --------
    >>> # z = 2, -2, 0, 0 -> sum z² = 8, chi-square with 3 df: P(X > 8) = 0.0460
    >>> phi, p = overspreiding_toets([60, 40, 50, 50], [100] * 4, 0.5)
    >>> round(p, 4)
    0.046
    """
    z = _z_scores(waarde_teller, noemer, p0, soort, per, afronding)
    if z is None:
        return float("nan"), float("nan")
    p = float(stats.chi2.sf(float(np.sum(z**2)), len(z) - 1))
    phi = overspreiding(
        waarde_teller, noemer, p0, soort=soort, per=per, afronding=afronding, zuiver=zuiver
    )
    return phi, p
