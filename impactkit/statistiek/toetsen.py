"""Tests that compare two groups: two proportions, two Poisson rates, and the rule for a
difference that is both statistically clear and large enough to matter.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from scipy import stats

from ..fouten import ImpactkitFout
from .intervallen import wilson
from .invoer import (
    als_getal,
    als_uitvoer,
    controleer_aantal,
    controleer_geheel,
    controleer_niveau,
    controleer_noemer,
    controleer_teller_noemer,
    eerste,
    index_van,
    zelfde_vorm,
)


class ProportieToets(NamedTuple):
    """Result of :func:`toets_twee_proporties` (fields are floats or arrays)."""

    verschil: Any
    """Difference p1 - p2 (as a proportion, not percentage points)."""
    z: Any
    """Pooled z statistic."""
    p: Any
    """Two-sided p-value of the z-test."""
    laag: Any
    """Lower limit of the Newcombe hybrid score interval for the difference."""
    hoog: Any
    """Upper limit of that interval."""


class RatioToets(NamedTuple):
    """Result of :func:`toets_twee_ratios` (fields are floats or arrays)."""

    ratio: Any
    """Rate ratio (x1/t1) / (x2/t2)."""
    p: Any
    """Two-sided p-value of the exact conditional (binomial) test."""
    laag: Any
    """Lower limit of the exact interval for the rate ratio."""
    hoog: Any
    """Upper limit of that interval."""


def toets_twee_proporties(
    x1: Any, n1: Any, x2: Any, n2: Any, betrouwbaarheid: float = 0.95
) -> ProportieToets:
    """Compare two independent proportions ``x1/n1`` and ``x2/n2``.

    - ``z``: pooled z statistic ``(p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2))`` with
      ``p = (x1 + x2)/(n1 + n2)``; ``p`` is its two-sided p-value (equal to the Pearson
      chi-square test without continuity correction, ``prop.test(correct=FALSE)`` in R). When
      both groups are all 0 or all ``n`` the difference is 0 and ``z = 0``, ``p = 1``.
    - ``laag``, ``hoog``: Newcombe (1998b) hybrid score interval for ``p1 - p2`` (method 10),
      built from the Wilson intervals ``(l1, u1)``, ``(l2, u2)``:
      ``d - sqrt((p1-l1)² + (u2-p2)²)`` to ``d + sqrt((u1-p1)² + (p2-l2)²)``.

    Parameters
    ----------
    x1, n1, x2, n2
        Cases and group sizes of both groups. Missing values give NaN.
    betrouwbaarheid
        Confidence level of the interval, default 0.95.

    Returns
    -------
    ProportieToets
        Named tuple ``(verschil, z, p, laag, hoog)``; ``._asdict()`` gives a dict.

    Examples
    --------
    >>> t = toets_twee_proporties(56, 70, 48, 80)
    >>> round(t.verschil, 4), round(t.laag, 4), round(t.hoog, 4)
    (0.2, 0.0524, 0.3339)
    >>> round(t.z, 3), round(t.p, 4)
    (2.65, 0.008)
    """
    index = index_van(x1, n1, x2, n2)
    a1, m1, a2, m2 = zelfde_vorm(
        als_getal(x1, "x1"), als_getal(n1, "n1"), als_getal(x2, "x2"), als_getal(n2, "n2")
    )
    controleer_teller_noemer(a1, m1, "x1", "n1")
    controleer_teller_noemer(a2, m2, "x2", "n2")
    l1, u1 = wilson(a1, m1, betrouwbaarheid)
    l2, u2 = wilson(a2, m2, betrouwbaarheid)
    p1, p2 = a1 / m1, a2 / m2
    verschil = p1 - p2
    gepoold = (a1 + a2) / (m1 + m2)
    se = np.sqrt(gepoold * (1 - gepoold) * (1 / m1 + 1 / m2))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(se > 0, verschil / se, np.where(np.isnan(se), np.nan, 0.0))
    p = 2 * stats.norm.sf(np.abs(z))
    laag = verschil - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    hoog = verschil + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return ProportieToets(*(als_uitvoer(v, index) for v in (verschil, z, p, laag, hoog)))


def toets_twee_ratios(
    x1: Any, t1: Any, x2: Any, t2: Any, betrouwbaarheid: float = 0.95
) -> RatioToets:
    """Compare two Poisson rates ``x1/t1`` and ``x2/t2`` exactly (as R's ``poisson.test``).

    Given ``x1 + x2`` events, under equal rates ``x1 ~ Binomial(x1 + x2, t1/(t1 + t2))``. The
    two-sided p-value is that of :func:`scipy.stats.binomtest` (same rule as R's
    ``binom.test``). The Clopper-Pearson interval ``(πL, πU)`` for that binomial proportion is
    transformed to the rate ratio by ``π/(1 - π) · t2/t1``.

    ``t1``, ``t2`` are exposures on any common scale (population, person-years). When
    ``x1 + x2 = 0`` there is no information: ``ratio`` NaN, ``p`` 1, interval 0 to infinity.

    Parameters
    ----------
    x1, x2
        Whole event counts.
    t1, t2
        Exposures (> 0).
    betrouwbaarheid
        Confidence level of the interval, default 0.95.

    Returns
    -------
    RatioToets
        Named tuple ``(ratio, p, laag, hoog)``; ``._asdict()`` gives a dict.

    Examples
    --------
    >>> t = toets_twee_ratios(11, 800, 21, 3011)
    >>> round(t.ratio, 6), round(t.p, 5), round(t.laag, 4), round(t.hoog, 4)
    (1.971488, 0.07967, 0.8584, 4.2773)
    """
    niveau = controleer_niveau(betrouwbaarheid)
    index = index_van(x1, t1, x2, t2)
    a1, s1, a2, s2 = zelfde_vorm(
        als_getal(x1, "x1"), als_getal(t1, "t1"), als_getal(x2, "x2"), als_getal(t2, "t2")
    )
    for a, naam in ((a1, "x1"), (a2, "x2")):
        controleer_aantal(a, naam)
        controleer_geheel(a, naam)
    controleer_noemer(s1, "t1")
    controleer_noemer(s2, "t2")
    vorm = a1.shape
    ratio, p, laag, hoog = (np.full(vorm, np.nan) for _ in range(4))
    for i in np.ndindex(vorm):
        if np.isnan([a1[i], s1[i], a2[i], s2[i]]).any():
            continue
        totaal = int(a1[i] + a2[i])
        if totaal == 0:
            p[i], laag[i], hoog[i] = 1.0, 0.0, np.inf
            continue
        uitslag = stats.binomtest(int(a1[i]), totaal, s1[i] / (s1[i] + s2[i]))
        ci = uitslag.proportion_ci(confidence_level=niveau, method="exact")
        schaal = s2[i] / s1[i]
        with np.errstate(divide="ignore"):
            ratio[i] = np.divide(a1[i] / s1[i], a2[i] / s2[i])
            laag[i] = ci.low / (1 - ci.low) * schaal
            hoog[i] = np.divide(ci.high, 1 - ci.high) * schaal
        p[i] = uitslag.pvalue
    return RatioToets(*(als_uitvoer(v, index) for v in (ratio, p, laag, hoog)))


def is_significant_en_relevant(
    p: Any, verschil: Any, min_verschil: Any, alpha: float = 0.05
) -> Any:
    """True where a difference is both statistically clear and large enough to matter.

    That is ``p < alpha`` and ``|verschil| >= min_verschil`` (compared with a relative
    tolerance of 1e-9, so ``0.3 - 0.2`` counts as a difference of 0.1). Missing ``p`` or
    ``verschil`` gives False: an unknown difference is never flagged. (The verdict word
    ``opvallend`` is :func:`impactkit.oordelen.is_opvallend`; this is the rule behind it.)

    Parameters
    ----------
    p
        p-value(s) from a test.
    verschil
        Difference(s) on the scale of ``min_verschil`` (e.g. ``p1 - p2`` as a proportion).
    min_verschil
        Smallest difference that matters in practice (>= 0).
    alpha
        Significance level, default 0.05.

    Returns
    -------
    bool, numpy bool array or boolean Series

    Examples
    --------
    >>> is_significant_en_relevant(0.01, 0.08, 0.05)
    True
    >>> is_significant_en_relevant([0.01, 0.20, 0.01, None], [0.08, 0.08, 0.01, 0.08], 0.05).tolist()
    [True, False, False, False]
    """
    alpha = controleer_niveau(alpha, "alpha")
    index = index_van(p, verschil, min_verschil)
    pw, d, m = zelfde_vorm(
        als_getal(p, "p"),
        als_getal(verschil, "verschil"),
        als_getal(min_verschil, "min_verschil"),
    )
    buiten = (pw < 0) | (pw > 1)
    if np.any(buiten):
        raise ImpactkitFout(
            f"'p' moet een kans tussen 0 en 1 zijn, niet {eerste(pw, buiten):g}. Geef de "
            "p-waarde van de toets, niet een percentage."
        )
    if np.any(m < 0) or np.any(np.isnan(m)):
        raise ImpactkitFout(
            "'min_verschil' moet 0 of groter zijn (het kleinste verschil dat er in de praktijk "
            "toe doet), en mag niet ontbreken."
        )
    with np.errstate(invalid="ignore"):
        groot = np.abs(d) >= m * (1 - 1e-9)
        uitslag = (pw < alpha) & groot
    uitslag = np.asarray(uitslag, dtype=bool)
    if uitslag.ndim == 0:
        return bool(uitslag)
    if index is not None and uitslag.ndim == 1 and len(uitslag) == len(index):
        return pd.Series(uitslag, index=index)
    return uitslag
