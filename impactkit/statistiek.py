"""Statistics for comparing regions and periods: intervals, funnel limits and tests.

Every function is pure and vectorised: it accepts scalars, lists, numpy arrays or pandas Series
(positionally aligned; Series inputs must share one index, which the result keeps) and returns
the same kind of object. A scalar input gives Python floats.

Missing input (``NaN``, ``None``, ``pd.NA``; for instance a count suppressed by
:mod:`impactkit.onderdrukking`) propagates as ``NaN``: a missing count is never read as 0.
Invalid input (a negative count, a numerator above its denominator, a denominator of 0) raises
:class:`~impactkit.fouten.ImpactkitFout`, a ``ValueError`` with a Dutch message that names the
problem and the fix.

Methods and references
----------------------
- :func:`wilson`: Wilson (1927) score interval; Newcombe (1998a), Stat Med 17:857-872, method 3.
- :func:`poisson_exact`: Garwood (1936) exact interval via chi-square quantiles.
- :func:`ratio_interval`: a rate per ``per`` inhabitants with the Garwood interval, scaled.
- :func:`funnel_grenzen` / :func:`funnel_positie`: Spiegelhalter (2005), "Funnel plots for
  comparing institutional performance", Stat Med 24:1185-1202.
- :func:`toets_twee_proporties`: pooled two-proportion z-test with the Newcombe (1998b),
  Stat Med 17:873-890, hybrid score interval (method 10) for the difference.
- :func:`toets_twee_ratios`: exact conditional test of two Poisson rates (as R's
  ``poisson.test``) with the Clopper-Pearson based interval for the rate ratio.
- :func:`is_significant_en_relevant`: a difference that is both statistically clear and large enough to matter.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from scipy import stats

from .fouten import ImpactkitFout
from .opmaak import ontbreekt

__all__ = [
    "LABELS",
    "RatioToets",
    "ProportieToets",
    "funnel_grenzen",
    "funnel_positie",
    "is_significant_en_relevant",
    "poisson_exact",
    "ratio_interval",
    "toets_twee_proporties",
    "toets_twee_ratios",
    "wilson",
]

LABELS = ("binnen", "boven 95%", "boven 99,8%", "onder 95%", "onder 99,8%")
"""The labels :func:`funnel_positie` can return (besides NaN for missing input)."""

_SOORTEN = ("proportie", "ratio")


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


# --------------------------------------------------------------------------------------------
# Input handling


def _als_getal(x: Any, naam: str) -> np.ndarray:
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


def _index_van(*invoer: Any) -> pd.Index | None:
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


def _zelfde_vorm(*arrays: np.ndarray) -> list[np.ndarray]:
    """Broadcast the arrays to one shape, with a Dutch message when that is impossible."""
    try:
        return [np.asarray(a, dtype=float) for a in np.broadcast_arrays(*arrays)]
    except ValueError as fout:
        vormen = ", ".join(str(a.shape) for a in arrays)
        raise ImpactkitFout(
            f"De invoer heeft verschillende lengtes ({vormen}). Geef voor elke eenheid een "
            "waarde, of één getal dat voor alle eenheden geldt."
        ) from fout


def _uit(waarde: np.ndarray, index: pd.Index | None) -> Any:
    """Give a result the form of the input: float, numpy array or Series with the input index."""
    waarde = np.asarray(waarde, dtype=float)
    if waarde.ndim == 0:
        return float(waarde)
    if index is not None and waarde.ndim == 1 and len(waarde) == len(index):
        return pd.Series(waarde, index=index)
    return waarde


def _eerste(a: np.ndarray, masker: np.ndarray) -> float:
    return float(np.asarray(a)[np.asarray(masker)].ravel()[0])


def _controleer_eindig(a: np.ndarray, naam: str) -> None:
    if np.any(np.isinf(a)):
        raise ImpactkitFout(
            f"'{naam}' is oneindig. Geef een eindig getal, of NaN voor een ontbrekende waarde."
        )


def _controleer_aantal(a: np.ndarray, naam: str) -> None:
    """A count: finite and not negative (NaN allowed)."""
    _controleer_eindig(a, naam)
    negatief = a < 0
    if np.any(negatief):
        raise ImpactkitFout(
            f"'{naam}' is negatief ({_eerste(a, negatief):g}); een aantal kan niet kleiner zijn "
            "dan 0. Controleer de invoer, of geef NaN voor een ontbrekende waarde."
        )


def _controleer_noemer(n: np.ndarray, naam: str) -> None:
    """A denominator (group size, population, exposure): finite and > 0 (NaN allowed)."""
    _controleer_aantal(n, naam)
    if np.any(n == 0):
        raise ImpactkitFout(
            f"'{naam}' is 0: een aandeel of ratio op een noemer van 0 bestaat niet. Laat deze "
            "eenheid weg, of geef NaN als de noemer onbekend is."
        )


def _controleer_geheel(a: np.ndarray, naam: str) -> None:
    fractie = np.isfinite(a) & (a != np.round(a))
    if np.any(fractie):
        raise ImpactkitFout(
            f"'{naam}' is geen geheel getal ({_eerste(a, fractie):g}); de exacte toets werkt "
            "met aantallen. Geef het aantal gebeurtenissen, niet een percentage of ratio."
        )


def _controleer_teller_noemer(x: np.ndarray, n: np.ndarray, tnaam: str, nnaam: str) -> None:
    _controleer_aantal(x, tnaam)
    _controleer_noemer(n, nnaam)
    te_groot = x > n
    if np.any(te_groot):
        xi, ni = _eerste(x, te_groot), _eerste(n, te_groot)
        raise ImpactkitFout(
            f"'{tnaam}' ({xi:g}) is groter dan '{nnaam}' ({ni:g}): een aandeel kan niet boven "
            "1 liggen. Controleer of teller en noemer niet verwisseld zijn."
        )


def _z(betrouwbaarheid: float) -> float:
    """Two-sided standard normal quantile for a confidence level."""
    return float(stats.norm.ppf(1 - (1 - _niveau(betrouwbaarheid)) / 2))


def _niveau(b: Any, naam: str = "betrouwbaarheid") -> float:
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


def _per(per: Any) -> float:
    try:
        per = float(per)
    except (TypeError, ValueError) as fout:
        raise ImpactkitFout("'per' moet een positief getal zijn, zoals 10_000.") from fout
    if not (np.isfinite(per) and per > 0):
        raise ImpactkitFout(f"'per' moet een positief getal zijn, zoals 10_000, niet {per:g}.")
    return per


def _soort(soort: str) -> str:
    if soort not in _SOORTEN:
        raise ImpactkitFout(
            f"Onbekende soort {soort!r}. Kies 'proportie' (teller/noemer, 0-1) of 'ratio' "
            "(aantal per 'per' inwoners)."
        )
    return soort


# --------------------------------------------------------------------------------------------
# Intervals


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
    index = _index_van(teller, noemer)
    x, n = _zelfde_vorm(_als_getal(teller, "teller"), _als_getal(noemer, "noemer"))
    _controleer_teller_noemer(x, n, "teller", "noemer")
    z = _z(betrouwbaarheid)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = x / n
        z2n = z * z / n
        midden = (p + z2n / 2) / (1 + z2n)
        half = z / (1 + z2n) * np.sqrt(p * (1 - p) / n + z2n / (4 * n))
    laag = np.where(x == 0, 0.0, np.clip(midden - half, 0.0, 1.0))
    hoog = np.where(x == n, 1.0, np.clip(midden + half, 0.0, 1.0))
    return _uit(laag, index), _uit(hoog, index)


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
    index = _index_van(aantal)
    a = _als_getal(aantal, "aantal")
    _controleer_aantal(a, "aantal")
    laag, hoog = _garwood(a, _niveau(betrouwbaarheid))
    return _uit(laag, index), _uit(hoog, index)


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
    index = _index_van(aantal, inwoners)
    a, inw = _zelfde_vorm(_als_getal(aantal, "aantal"), _als_getal(inwoners, "inwoners"))
    _controleer_aantal(a, "aantal")
    _controleer_noemer(inw, "inwoners")
    factor = _per(per) / inw
    laag, hoog = _garwood(a, _niveau(betrouwbaarheid))
    return _uit(a * factor, index), _uit(laag * factor, index), _uit(hoog * factor, index)


# --------------------------------------------------------------------------------------------
# Funnel plots


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


def _grenzen(p0: float, n: np.ndarray, soort: str, niveau: float, per: float, phi: float = 1.0):
    """(laag, hoog) funnel limits at denominators ``n`` for one level.

    ``phi > 1`` widens the limits for over-dispersion: the variance is multiplied by ``phi``
    (normal approximation, also for rates).
    """
    staart = (1 - niveau) / 2
    if soort == "proportie":
        z = stats.norm.ppf(1 - staart)
        with np.errstate(invalid="ignore", divide="ignore"):
            half = z * np.sqrt(phi * p0 * (1 - p0) / n)
        return np.clip(p0 - half, 0.0, 1.0), np.clip(p0 + half, 0.0, 1.0)
    if phi > 1:
        z = stats.norm.ppf(1 - staart)
        with np.errstate(invalid="ignore", divide="ignore"):
            half = z * np.sqrt(phi * p0 * per / n)
        return np.clip(p0 - half, 0.0, None), p0 + half
    lam = p0 * n / per
    laag = _poisson_grens(lam, staart) / n * per
    hoog = _poisson_grens(lam, 1 - staart) / n * per
    return laag, hoog


def _controleer_p0(p0: Any, soort: str) -> float:
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


def funnel_grenzen(
    p0: float,
    noemers: Any,
    soort: str = "proportie",
    niveaus: tuple[float, ...] = (0.95, 0.998),
    per: float = 10_000,
    phi: float = 1.0,
) -> pd.DataFrame:
    """Control limits for a funnel plot around the norm ``p0`` (Spiegelhalter 2005).

    With ``phi > 1`` (see :func:`overspreiding`) the limits are widened for over-dispersion.

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

    Returns
    -------
    pandas.DataFrame
        Tidy table, one row per level and denominator, with columns ``noemer``, ``niveau``,
        ``laag``, ``hoog`` (same scale as ``p0``).

    Examples
    --------
    >>> g = funnel_grenzen(0.3, [100, 400])
    >>> g[["noemer", "niveau"]].values.tolist()
    [[100.0, 0.95], [400.0, 0.95], [100.0, 0.998], [400.0, 0.998]]
    >>> g["laag"].round(4).tolist(), g["hoog"].round(4).tolist()
    ([0.2102, 0.2551, 0.1584, 0.2292], [0.3898, 0.3449, 0.4416, 0.3708])
    >>> r = funnel_grenzen(20.0, [50_000], soort="ratio", niveaus=(0.95,))
    >>> r[["laag", "hoog"]].round(2).values.tolist()
    [[16.07, 23.92]]
    """
    soort = _soort(soort)
    per = _per(per)
    p0 = _controleer_p0(p0, soort)
    n = np.atleast_1d(_als_getal(noemers, "noemers")).ravel()
    _controleer_noemer(n, "noemers")
    if isinstance(niveaus, int | float):
        niveaus = (niveaus,)
    delen = []
    for niveau in niveaus:
        niveau = _niveau(niveau, "niveaus")
        laag, hoog = _grenzen(p0, n, soort, niveau, per, phi)
        delen.append(
            pd.DataFrame(
                {"noemer": n, "niveau": np.full(n.shape, niveau), "laag": laag, "hoog": hoog}
            )
        )
    if not delen:
        raise ImpactkitFout("Geef minstens één niveau, zoals niveaus=(0.95, 0.998).")
    return pd.concat(delen, ignore_index=True)


def funnel_positie(
    waarde_teller: Any,
    noemer: Any,
    p0: float,
    soort: str = "proportie",
    per: float = 10_000,
    phi: float = 1.0,
) -> Any:
    """Position of each unit in the funnel plot around ``p0``.

    ``phi > 1`` uses limits widened for over-dispersion (see :func:`overspreiding`).

    The unit's value is ``waarde_teller / noemer`` (``soort="proportie"``) or
    ``waarde_teller / noemer · per`` (``soort="ratio"``), compared with the
    :func:`funnel_grenzen` limits at its own denominator. A value strictly beyond a limit is
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
    >>> funnel_positie(30, 100, 0.3)
    'binnen'
    >>> funnel_positie([40, 48, 20, 10, None], 100, 0.3).tolist()
    ['boven 95%', 'boven 99,8%', 'onder 95%', 'onder 99,8%', nan]
    """
    soort = _soort(soort)
    per = _per(per)
    p0 = _controleer_p0(p0, soort)
    index = _index_van(waarde_teller, noemer)
    x, n = _zelfde_vorm(_als_getal(waarde_teller, "waarde_teller"), _als_getal(noemer, "noemer"))
    if soort == "proportie":
        _controleer_teller_noemer(x, n, "waarde_teller", "noemer")
        waarde = x / n
    else:
        _controleer_aantal(x, "waarde_teller")
        _controleer_noemer(n, "noemer")
        waarde = x / n * per
    laag95, hoog95 = _grenzen(p0, n, soort, 0.95, per, phi)
    laag998, hoog998 = _grenzen(p0, n, soort, 0.998, per, phi)
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


def _z_scores(waarde_teller: Any, noemer: Any, p0: float, soort: str, per: float) -> Any:
    """z-scores of the known units around ``p0`` (see :func:`overspreiding`); None if < 2."""
    soort = _soort(soort)
    per = _per(per)
    p0 = _controleer_p0(p0, soort)
    x, n = _zelfde_vorm(_als_getal(waarde_teller, "waarde_teller"), _als_getal(noemer, "noemer"))
    x, n = np.atleast_1d(x).ravel(), np.atleast_1d(n).ravel()
    bekend = ~(np.isnan(x) | np.isnan(n)) & (n > 0)
    x, n = x[bekend], n[bekend]
    if len(x) < 2 or p0 <= 0 or (soort == "proportie" and p0 >= 1):
        return None
    if soort == "proportie":
        return (x / n - p0) / np.sqrt(p0 * (1 - p0) / n)
    return (x / n * per - p0) / np.sqrt(p0 * per / n)


def overspreiding(
    waarde_teller: Any,
    noemer: Any,
    p0: float,
    soort: str = "proportie",
    per: float = 10_000,
    winsor: float = 0.10,
) -> float:
    """Multiplicative over-dispersion factor ``phi`` of units around ``p0`` (Spiegelhalter 2005).

    Regions differ more than chance alone explains (different populations, registration
    practices). The funnel then flags almost every region. Following Spiegelhalter (2005),
    section 3.5 ("multiplicative over-dispersion"): the z-scores
    ``z_i = (y_i - p0) / sqrt(V(p0) / n_i)`` (``V = p0(1-p0)`` for a proportion, ``p0·per`` for a
    rate per ``per``) are winsorised at the ``winsor`` and ``1 - winsor`` quantiles and
    ``phi = mean(z²)``. A ``phi`` above 1 means more spread than chance; pass it to
    :func:`funnel_grenzen` / :func:`funnel_positie`. Missing units are left out.

    Examples
    --------
    >>> # p0 = 0.5, n = 100: z = (0.6-0.5)/0.05 = 2, -2, 0, 0 -> phi = (4 + 4) / 4 = 2
    >>> round(overspreiding([60, 40, 50, 50], [100] * 4, 0.5, winsor=0), 6)
    2.0
    """
    z = _z_scores(waarde_teller, noemer, p0, soort, per)
    if z is None:
        return float("nan")
    if winsor > 0:
        laag, hoog = np.quantile(z, [winsor, 1 - winsor])
        z = np.clip(z, laag, hoog)
    return float(np.mean(z**2))


def overspreiding_toets(
    waarde_teller: Any, noemer: Any, p0: float, soort: str = "proportie", per: float = 10_000
) -> tuple[float, float]:
    """Test whether units vary around ``p0`` more than chance allows: ``(phi, p)``.

    Under the null hypothesis of no over-dispersion the z-scores (see :func:`overspreiding`) are
    standard normal, so ``sum(z²)`` follows a chi-square distribution with ``k - 1`` degrees of
    freedom (``k`` units; one is lost because ``p0`` is the pooled value of the same units,
    Spiegelhalter 2005, section 3.5). ``phi`` is the winsorised estimate of
    :func:`overspreiding`; ``p`` the upper-tail p-value of the unwinsorised statistic.

    Examples
    --------
    >>> # z = 2, -2, 0, 0 -> sum z² = 8, chi-square with 3 df: P(X > 8) = 0.0460
    >>> phi, p = overspreiding_toets([60, 40, 50, 50], [100] * 4, 0.5)
    >>> round(p, 4)
    0.046
    """
    z = _z_scores(waarde_teller, noemer, p0, soort, per)
    if z is None:
        return float("nan"), float("nan")
    p = float(stats.chi2.sf(float(np.sum(z**2)), len(z) - 1))
    return overspreiding(waarde_teller, noemer, p0, soort=soort, per=per), p


def benjamini_hochberg(p: Any) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (false discovery rate); NaN stays NaN.

    A finding is kept at false discovery rate ``q`` when its adjusted p-value is below ``q``.
    Equal to R's ``p.adjust(p, "BH")`` over the non-missing values.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.005]).round(4).tolist()
    [0.02, 0.04, 0.04, 0.02]
    """
    p = np.asarray(p, dtype=float)
    uit = np.full(p.shape, np.nan)
    bekend = ~np.isnan(p)
    if bekend.any():
        uit[bekend] = stats.false_discovery_control(p[bekend], method="bh")
    return uit


# --------------------------------------------------------------------------------------------
# Tests


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
    index = _index_van(x1, n1, x2, n2)
    a1, m1, a2, m2 = _zelfde_vorm(
        _als_getal(x1, "x1"), _als_getal(n1, "n1"), _als_getal(x2, "x2"), _als_getal(n2, "n2")
    )
    _controleer_teller_noemer(a1, m1, "x1", "n1")
    _controleer_teller_noemer(a2, m2, "x2", "n2")
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
    return ProportieToets(*(_uit(v, index) for v in (verschil, z, p, laag, hoog)))


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
    niveau = _niveau(betrouwbaarheid)
    index = _index_van(x1, t1, x2, t2)
    a1, s1, a2, s2 = _zelfde_vorm(
        _als_getal(x1, "x1"), _als_getal(t1, "t1"), _als_getal(x2, "x2"), _als_getal(t2, "t2")
    )
    for a, naam in ((a1, "x1"), (a2, "x2")):
        _controleer_aantal(a, naam)
        _controleer_geheel(a, naam)
    _controleer_noemer(s1, "t1")
    _controleer_noemer(s2, "t2")
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
    return RatioToets(*(_uit(v, index) for v in (ratio, p, laag, hoog)))


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
    alpha = _niveau(alpha, "alpha")
    index = _index_van(p, verschil, min_verschil)
    pw, d, m = _zelfde_vorm(
        _als_getal(p, "p"),
        _als_getal(verschil, "verschil"),
        _als_getal(min_verschil, "min_verschil"),
    )
    buiten = (pw < 0) | (pw > 1)
    if np.any(buiten):
        raise ImpactkitFout(
            f"'p' moet een kans tussen 0 en 1 zijn, niet {_eerste(pw, buiten):g}. Geef de "
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
