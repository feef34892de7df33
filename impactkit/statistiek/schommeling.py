"""Extra variation between periods: how much a region's figure moves beyond chance over time.

A comparison over time (a half-year with the one before, a year earlier, a trend, the region's
change against the national change) is usually tested as if a region's figure only varied by
binomial or Poisson chance. Real registrations also move between half-years for reasons that
are not chance (staffing, a backlog, a change in how cases are registered). If that extra
variation is left out, a region that simply follows the national trend is called different far
too often (issue 20: 34 % instead of 5 % at an extra 2 points per half-year, n = 1000).

:func:`tijdspreiding` estimates the variance ``tau2`` of that extra variation by the method of
moments. Per series ``i`` (a region's figure minus the national one, so the national course is
taken out), with values ``y_it`` at times ``x_it``, known sampling variances ``v_it`` and the
series' own least-squares line::

    y_it = a_i + b_i·x_it + u_it + e_it,    Var(u_it) = tau2,  Var(e_it) = v_it

the residual sum of squares has expectation ``E[RSS_i] = sum_t m_it (v_it + tau2)`` with
``m_it = 1 - h_it`` (``h_it = 1/T_i + (x_it - x̄_i)²/Sxx_i``, the leverage; ``sum_t m_it =
T_i - 2``). Pooled over the series::

    tau2 = max(0, (sum_i RSS_i - sum_it m_it v_it) / sum_it m_it)

Unbiased before the truncation at 0 for any fixed ``v_it``; each series' own line takes out a
region's steady divergence, so a real, gradual divergence does not count as extra variation.
Include the variance of CBS rounding in ``v_it`` (:func:`~impactkit.statistiek.afrondingsvariantie`),
or rounding is counted as extra variation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..fouten import ImpactkitFout
from .invoer import als_getal


@dataclass(frozen=True)
class TijdSpreiding:
    """Result of :func:`tijdspreiding`.

    Attributes
    ----------
    tau2
        Extra variance between periods on the scale of the values (0 when the residuals are no
        larger than chance; NaN when there are no degrees of freedom).
    rss
        Sum of squared residuals around each series' own line, over all series.
    verwacht
        What chance alone gives: ``sum m_it v_it``.
    df
        Degrees of freedom ``sum_i (T_i - 2)``.
    k
        Number of series used (series with fewer than ``minimum_perioden`` values are left out).
    """

    tau2: float
    rss: float
    verwacht: float
    df: float
    k: int


def tijdspreiding(
    waarden: Any, varianties: Any, tijden: Any, minimum_perioden: int = 3
) -> TijdSpreiding:
    """Pooled extra variance between periods around each series' own linear trend.

    Parameters
    ----------
    waarden
        2-D (series x periods), e.g. per region its value minus the national value; NaN where a
        period is missing or suppressed. A 1-D input is one series.
    varianties
        Their sampling variances (same shape), with the rounding variance where counts are
        rounded.
    tijden
        1-D times of the periods (e.g. years: 2020.0, 2020.5, ...).
    minimum_perioden
        A series needs at least this many known periods (at least 3: a line through 2 points
        leaves nothing to estimate from).

    Examples
    --------
    >>> # Series 1: y = 0, 3, 0 at x = 0, 1, 2: line y = 1, residuals -1, 2, -1, RSS = 6;
    >>> # leverages 5/6, 1/3, 5/6, so m = 1/6, 2/3, 1/6 and with v = 1 chance gives 1.
    >>> # Series 2: y = 1, 1, 1: RSS = 0, chance 1. tau2 = (6 + 0 - 2) / (1 + 1) = 2.
    >>> s = tijdspreiding([[0, 3, 0], [1, 1, 1]], [[1, 1, 1], [1, 1, 1]], [0, 1, 2])
    >>> round(s.tau2, 12), round(s.rss, 12), round(s.verwacht, 12), s.df, s.k
    (2.0, 6.0, 2.0, 2.0, 2)
    """
    y = np.atleast_2d(als_getal(waarden, "waarden"))
    v = np.atleast_2d(als_getal(varianties, "varianties"))
    x = np.asarray(als_getal(tijden, "tijden"), dtype=float).ravel()
    if y.shape != v.shape or y.shape[1] != len(x):
        raise ImpactkitFout(
            "'waarden' en 'varianties' moeten dezelfde vorm hebben (reeksen x perioden), met "
            f"één tijd per periode in 'tijden'; nu {y.shape}, {v.shape} en {len(x)} tijden."
        )
    if np.any(v[np.isfinite(v)] < 0):
        raise ImpactkitFout("'varianties' mogen niet negatief zijn.")
    minimum_perioden = max(3, int(minimum_perioden))
    bekend = np.isfinite(y) & np.isfinite(v) & np.isfinite(x)[None, :]
    rss = verwacht = df = 0.0
    k = 0
    for yi, vi, bi in zip(y, v, bekend):
        if bi.sum() < minimum_perioden:
            continue
        xs, ys, vs = x[bi], yi[bi], vi[bi]
        xc = xs - xs.mean()
        sxx = float(xc @ xc)
        if sxx == 0:
            continue
        helling = float(xc @ ys) / sxx
        residu = ys - ys.mean() - helling * xc
        m = 1.0 - 1.0 / len(xs) - xc**2 / sxx
        rss += float(residu @ residu)
        verwacht += float(m @ vs)
        df += float(m.sum())
        k += 1
    if df <= 0:
        return TijdSpreiding(float("nan"), rss, verwacht, 0.0, 0)
    tau2 = max(0.0, (rss - verwacht) / df)
    return TijdSpreiding(float(tau2), float(rss), float(verwacht), float(round(df, 12)), k)
