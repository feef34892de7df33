"""Within-region variance of a share or a rate, with the variance that rounding adds.

CBS publishes counts rounded to multiples of 5. For an integer count ``X`` rounded to the
nearest multiple of ``a`` the rounding error is (close to) uniform on the ``a`` integers
``-(a-1)/2 .. (a-1)/2``, so it adds ``(a² - 1)/12`` to the variance of the count: 2 for ``a = 5``
(the continuous approximation ``a²/12 = 25/12 ≈ 2.08`` differs little). Chance variation alone
(binomial or Poisson) does not contain this term, so a test that leaves it out finds
"over-dispersion" that is only rounding: with shares near 1 % in groups of a few thousand the
chi-square test of :func:`~impactkit.statistiek.overspreiding_toets` then rejects in 12.6 % of
null data sets at the 5 % level instead of 5 % (``tests/test_spreiding.py`` simulates this).

For a share ``y = X/N`` the delta method gives::

    Var(y) ≈ p(1-p)/N  +  r/N²  +  p²·r/N²        (r = (a² - 1)/12)

(binomial, rounded numerator, rounded denominator: ``∂y/∂N = -p/N``). For a rate
``y = X/N · per`` the same with the Poisson term ``p0·per/N`` and a factor ``per²`` on the
rounding terms; the denominator term is then negligible (``p = X/N`` is tiny) but harmless.
Every variance is evaluated at the norm ``p0`` (the null hypothesis "this region equals
Nederland"), as in Spiegelhalter (2005), so it does not depend on the region's own count.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..fouten import ImpactkitFout
from .invoer import als_getal, controleer_p0, controleer_per, controleer_soort

CBS_AFRONDING = 5
"""CBS rounds published counts to multiples of 5."""


def afrondingsvariantie(afronding: float = CBS_AFRONDING) -> float:
    """Variance that rounding an integer count to multiples of ``afronding`` adds.

    ``(a² - 1)/12``: the error is uniform on the ``a`` integers around the rounded value. No
    rounding (``afronding=1``) adds nothing.

    Examples
    --------
    >>> afrondingsvariantie(5), afrondingsvariantie(1), afrondingsvariantie(10)
    (2.0, 0.0, 8.25)
    """
    try:
        a = float(afronding)
    except (TypeError, ValueError) as fout:
        raise ImpactkitFout("'afronding' moet een getal zijn, zoals 5 (CBS) of 1.") from fout
    if not (np.isfinite(a) and a >= 1):
        raise ImpactkitFout(
            f"'afronding' moet 1 (niet afgerond) of meer zijn, zoals 5 voor CBS-cijfers; niet {a:g}."
        )
    return (a * a - 1) / 12


def afronding_in(tellers: Any) -> int:
    """Guess the rounding base of published counts: 5 when all look CBS-rounded, else 1.

    The counts are taken as rounded to multiples of 5 when there are at least three known
    counts, at least one above 0, and every one is a multiple of 5. For unrounded counts that
    happens by chance with probability 0.2 per count (under 1 % from three counts on).

    Examples
    --------
    >>> afronding_in([1235, 340, 545, 0]), afronding_in([1234, 340, 545]), afronding_in([5, 10])
    (5, 1, 1)
    """
    x = np.atleast_1d(als_getal(tellers, "tellers")).ravel()
    x = x[np.isfinite(x)]
    if len(x) < 3 or not np.any(x > 0):
        return 1
    return CBS_AFRONDING if bool(np.all(np.mod(x, CBS_AFRONDING) == 0)) else 1


def binnenvariantie(
    p0: float,
    noemers: Any,
    soort: str = "proportie",
    per: float = 10_000,
    afronding: float = 1,
) -> np.ndarray:
    """Variance of a region's value by chance (and rounding) if its true value is ``p0``.

    - ``soort="proportie"``: ``p0(1-p0)/n + r(1 + p0²)/n²``, on the proportion scale (0-1).
    - ``soort="ratio"``: ``p0·per/n + r(1 + (p0/per)²)·(per/n)²``, on the rate scale (per
      ``per`` inhabitants).

    with ``r`` = :func:`afrondingsvariantie` ``(afronding)``; ``afronding=1`` (default) gives
    the plain binomial or Poisson variance. Missing denominators give NaN.

    Examples
    --------
    >>> # 0.3·0.7/100 = 0.0021; with CBS rounding + 2·(1 + 0.09)/100² = 0.000218
    >>> binnenvariantie(0.3, [100]).round(6).tolist()
    [0.0021]
    >>> binnenvariantie(0.3, [100], afronding=5).round(6).tolist()
    [0.002318]
    >>> binnenvariantie(20.0, [10_000], soort="ratio").tolist()  # 20·10 000/10 000
    [20.0]
    """
    soort = controleer_soort(soort)
    per = controleer_per(per)
    p0 = controleer_p0(p0, soort)
    n = np.asarray(als_getal(noemers, "noemers"), dtype=float)
    r = afrondingsvariantie(afronding)
    with np.errstate(invalid="ignore", divide="ignore"):
        if soort == "proportie":
            return p0 * (1 - p0) / n + r * (1 + p0 * p0) / (n * n)
        return p0 * per / n + r * (1 + (p0 / per) ** 2) * (per / n) ** 2
