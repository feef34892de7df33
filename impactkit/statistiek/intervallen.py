"""Confidence intervals: Wilson for a proportion, Garwood (exact Poisson) for a count or rate."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from .invoer import (
    als_getal,
    als_uitvoer,
    controleer_aantal,
    controleer_niveau,
    controleer_noemer,
    controleer_per,
    controleer_teller_noemer,
    index_van,
    zelfde_vorm,
)


def _z(betrouwbaarheid: float) -> float:
    """Two-sided standard normal quantile for a confidence level."""
    return float(stats.norm.ppf(1 - (1 - controleer_niveau(betrouwbaarheid)) / 2))


def wilson(teller: Any, noemer: Any, betrouwbaarheid: float = 0.95) -> tuple[Any, Any]:
    """Wilson score interval for a proportion ``teller / noemer``.

    The interval is the set of proportions ``p`` for which the score test of ``teller ~
    Binomial(noemer, p)`` is not rejected (Wilson 1927; Newcombe 1998a, method 3). It stays
    inside [0, 1] and behaves well for small counts and proportions near 0 or 1, unlike the
    Wald interval ``p ± z·sqrt(p(1-p)/n)``.

    Parameters
    ----------
    teller, noemer
        Number of cases and group size (scalars, arrays or Series). Missing values give NaN.
    betrouwbaarheid
        Confidence level, default 0.95.

    Returns
    -------
    (laag, hoog)
        Limits as proportions (0-1), each a float, array or Series like the input.

    Raises
    ------
    ImpactkitFout (ValueError)
        Negative counts, ``noemer`` 0, or ``teller > noemer``.

    Examples
    --------
    >>> laag, hoog = wilson(81, 263)
    >>> round(laag, 4), round(hoog, 4)
    (0.2553, 0.3662)
    >>> wilson([0, None], [20, 20])[1].round(4)
    array([0.1611,    nan])
    """
    index = index_van(teller, noemer)
    x, n = zelfde_vorm(als_getal(teller, "teller"), als_getal(noemer, "noemer"))
    controleer_teller_noemer(x, n, "teller", "noemer")
    z = _z(betrouwbaarheid)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = x / n
        z2n = z * z / n
        midden = (p + z2n / 2) / (1 + z2n)
        half = z / (1 + z2n) * np.sqrt(p * (1 - p) / n + z2n / (4 * n))
    laag = np.where(x == 0, 0.0, np.clip(midden - half, 0.0, 1.0))
    hoog = np.where(x == n, 1.0, np.clip(midden + half, 0.0, 1.0))
    return als_uitvoer(laag, index), als_uitvoer(hoog, index)


def _garwood(a: np.ndarray, b: float) -> tuple[np.ndarray, np.ndarray]:
    alfa = 1 - b
    with np.errstate(invalid="ignore"):
        laag = np.where(a == 0, 0.0, stats.chi2.ppf(alfa / 2, 2 * a) / 2)
        hoog = stats.chi2.ppf(1 - alfa / 2, 2 * a + 2) / 2
    return laag, hoog


def poisson_exact(aantal: Any, betrouwbaarheid: float = 0.95) -> tuple[Any, Any]:
    """Exact (Garwood) confidence interval for the mean of a Poisson count.

    With ``α = 1 - betrouwbaarheid`` the limits are ``chi2.ppf(α/2, 2x) / 2`` and
    ``chi2.ppf(1 - α/2, 2x + 2) / 2`` (Garwood 1936); the lower limit is 0 when ``x = 0``.
    This equals R's ``poisson.test(x)$conf.int``. Non-integer counts (e.g. weighted) are
    accepted: the chi-square form is continuous in ``x``.

    Parameters
    ----------
    aantal
        Observed count(s). Missing values give NaN.
    betrouwbaarheid
        Confidence level, default 0.95.

    Returns
    -------
    (laag, hoog)
        Limits on the count scale.

    Examples
    --------
    >>> laag, hoog = poisson_exact(10)
    >>> round(laag, 3), round(hoog, 3)
    (4.795, 18.39)
    >>> poisson_exact([0, 1])[1].round(3)
    array([3.689, 5.572])
    """
    index = index_van(aantal)
    a = als_getal(aantal, "aantal")
    controleer_aantal(a, "aantal")
    laag, hoog = _garwood(a, controleer_niveau(betrouwbaarheid))
    return als_uitvoer(laag, index), als_uitvoer(hoog, index)


def ratio_interval(
    aantal: Any, inwoners: Any, per: float = 10_000, betrouwbaarheid: float = 0.95
) -> tuple[Any, Any, Any]:
    """Rate per ``per`` inhabitants with its exact Poisson (Garwood) interval.

    ``waarde = aantal / inwoners · per``; the limits are the :func:`poisson_exact` limits of
    ``aantal`` scaled the same way (the population is treated as known without error).

    Parameters
    ----------
    aantal
        Number of events (e.g. reports to Veilig Thuis).
    inwoners
        Population (> 0).
    per
        Rate base, default 10 000 ('per 10.000 inwoners').
    betrouwbaarheid
        Confidence level, default 0.95.

    Returns
    -------
    (waarde, laag, hoog)

    Examples
    --------
    >>> w, laag, hoog = ratio_interval(10, 50_000)
    >>> round(w, 2), round(laag, 3), round(hoog, 3)
    (2.0, 0.959, 3.678)
    """
    index = index_van(aantal, inwoners)
    a, inw = zelfde_vorm(als_getal(aantal, "aantal"), als_getal(inwoners, "inwoners"))
    controleer_aantal(a, "aantal")
    controleer_noemer(inw, "inwoners")
    factor = controleer_per(per) / inw
    laag, hoog = _garwood(a, controleer_niveau(betrouwbaarheid))
    return (
        als_uitvoer(a * factor, index),
        als_uitvoer(laag * factor, index),
        als_uitvoer(hoog * factor, index),
    )
