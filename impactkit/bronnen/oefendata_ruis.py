"""The roughness of the practice data: chance, other deviations and rounding to fives.

Real registrations move between half-years for two reasons: chance (which meldingen happen to
come in) and reasons that are not chance (staffing, backlogs, a change in how a region
registers). :mod:`impactkit.bronnen.oefendata` builds a smooth path per region; this module makes
each half-year's value rough again, in three layers:

1. an extra deviation per region and half-year, ``tau``: :data:`TAU_AANDEEL` on the logit scale
   for shares, :data:`TAU_AANTAL` on the log scale for counts (and so for rates);
2. sampling noise around that value: binomial for the teller of a share given its noemer
   (multinomial for a distribution over categories), Poisson for a count;
3. rounding to multiples of 5, as CBS publishes the Veilig Thuis counts, with largest-remainder
   rounding so regions add up to Nederland and categories to their total.

The draws come from their own random streams (:func:`ruisbron`), so the smooth paths (levels,
trends, regional effects) are the same as without noise. :func:`variantieverhouding` measures
the result: how much the half-year-to-half-year changes of a region's difference from Nederland
vary, against what binomial or Poisson chance alone would give. ``data/oefendata/LEESMIJ.md``
explains the choice of ``tau`` in Dutch.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..perioden import Periode

TAU_AANDEEL = 0.06
"""Extra deviation of a share per region and half-year, standard deviation on the logit scale.

About 1,5 procentpunt for a share near 50 %, 1,4 near 40 %, 0,5 near 10 % and 0,1 near 1,5 %.
"""
TAU_AANTAL = 0.05
"""Extra deviation of a count per region and half-year, standard deviation on the log scale (5 %)."""

# Separate random streams, one per series, so adding one leaves the others unchanged.
STROMEN = {
    "adviezen": 1,
    "meldingen": 2,
    "ots": 3,
    "rvdk_onderzoeken": 4,
    "tijdelijk_huisverbod": 5,
    "onveilig": 6,
    "acuut": 7,
    "hermeldingen": 8,
    "casussen": 9,
    "overdracht_rvdk": 10,
    "overdracht_om": 11,
    "overdracht_politie": 12,
    "verdelingen": 13,
}


def ruisbron(seed: int, reeks: str) -> np.random.Generator:
    """The random stream for the noise of one series (deterministic per seed and series)."""
    return np.random.default_rng((seed, 7_000 + STROMEN[reeks]))


# -- Rounding to fives ---------------------------------------------------------------------------
def rond5(x: float) -> int:
    """Round to the nearest multiple of 5, as CBS does with the Veilig Thuis counts."""
    return int(5 * round(x / 5))


def verdeel_in_vijftallen(totaal: int, gewichten: np.ndarray) -> np.ndarray:
    """Split ``totaal`` (a multiple of 5) into multiples of 5 proportional to ``gewichten``.

    Largest-remainder rounding, so the parts add up to ``totaal`` exactly.

    >>> verdeel_in_vijftallen(100, np.array([1.0, 1.0, 2.0])).tolist()
    [25, 25, 50]
    """
    if totaal % 5:
        raise ValueError(f"totaal {totaal} is geen veelvoud van 5")
    gewichten = np.asarray(gewichten, dtype=float)
    eenheden = totaal // 5
    if eenheden == 0 or gewichten.sum() <= 0:
        return np.zeros(len(gewichten), dtype=int)
    exact = gewichten / gewichten.sum() * eenheden
    basis = np.floor(exact).astype(int)
    rest = eenheden - int(basis.sum())
    volgorde = np.argsort(-(exact - basis), kind="stable")
    basis[volgorde[:rest]] += 1
    return basis * 5


def ipf(start: np.ndarray, rijsommen: np.ndarray, kolomsommen: np.ndarray) -> np.ndarray:
    """Iterative proportional fitting of a positive matrix to row and column sums."""
    m = start.astype(float).copy()
    for _ in range(200):
        m *= (kolomsommen / np.maximum(m.sum(axis=0), 1e-12))[None, :]
        m *= (rijsommen / np.maximum(m.sum(axis=1), 1e-12))[:, None]
    return m


def verdeel_categorieen(
    totalen: np.ndarray,
    aandelen: np.ndarray,
    effecten: np.ndarray,
    vast: dict[int, np.ndarray] | None = None,
) -> np.ndarray:
    """Counts per region x category: rows add up to ``totalen``, columns to the national shares.

    ``effecten`` are region x category log-multipliers (regional differences, noise included);
    ``vast`` fixes whole rows (region index -> counts). The national column totals are the
    shares applied to the national total with largest-remainder rounding; the result meets them
    exactly.
    """
    vast = vast or {}
    k = len(aandelen)
    aandelen = np.asarray(aandelen, dtype=float) / np.sum(aandelen)
    doel_kolom = verdeel_in_vijftallen(int(totalen.sum()), aandelen)
    vrij = [i for i in range(len(totalen)) if i not in vast]
    vaste_kolom = sum((vast[i] for i in vast), np.zeros(k, dtype=int))
    rest_kolom = np.maximum(doel_kolom - vaste_kolom, 0).astype(float)
    start = aandelen[None, :] * np.exp(effecten[vrij])
    passend = ipf(start, totalen[vrij].astype(float), np.maximum(rest_kolom, 1e-9))
    uit = np.zeros((len(totalen), k), dtype=int)
    for rij, i in enumerate(vrij):
        uit[i] = verdeel_in_vijftallen(int(totalen[i]), passend[rij])
    for i, rij in vast.items():
        uit[i] = rij
    # Move units of 5 between categories within free rows until the columns hit their targets.
    tekort = doel_kolom - uit.sum(axis=0)
    while np.any(tekort != 0):
        naar = int(np.argmax(tekort))
        van = int(np.argmin(tekort))
        kandidaten = [i for i in vrij if uit[i, van] >= 5]
        if not kandidaten:
            break
        i = max(kandidaten, key=lambda j: uit[j, van])
        uit[i, van] -= 5
        uit[i, naar] += 5
        tekort = doel_kolom - uit.sum(axis=0)
    return uit


# -- Noise -------------------------------------------------------------------------------------
def ruwe_aantallen(
    rng: np.random.Generator, verwacht: np.ndarray, tau: float = TAU_AANTAL
) -> np.ndarray:
    """Poisson counts around ``verwacht``, each first moved by a log-normal deviation ``tau``.

    The deviation has mean 1, so the counts keep their expected value.
    """
    verwacht = np.asarray(verwacht, dtype=float)
    afwijking = np.exp(rng.normal(0.0, tau, verwacht.shape) - tau**2 / 2)
    return rng.poisson(np.maximum(verwacht, 0.0) * afwijking).astype(float)


def logit(p: np.ndarray | float) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def ruwe_aandelen(
    rng: np.random.Generator, noemers: np.ndarray, logits: np.ndarray, tau: float = TAU_AANDEEL
) -> np.ndarray:
    """Binomial tellers given ``noemers``, at the share ``logits`` moved by a deviation ``tau``."""
    z = np.asarray(logits, dtype=float) + rng.normal(0.0, tau, np.shape(logits))
    return rng.binomial(np.asarray(noemers, dtype=np.int64), 1 / (1 + np.exp(-z))).astype(float)


def binaire_effecten(tellers: np.ndarray, noemers: np.ndarray, p_nl: float) -> np.ndarray:
    """Region x 2 log-multipliers for :func:`verdeel_categorieen` that reproduce drawn tellers.

    The odds of each region's drawn share against the national odds (half a count added, so an
    empty or full cell stays finite); IPF then keeps these odds ratios.
    """
    ja = np.asarray(tellers, dtype=float) + 0.5
    nee = np.asarray(noemers, dtype=float) - np.asarray(tellers, dtype=float) + 0.5
    effect = np.log(ja / nee) - logit(p_nl)
    return np.stack([effect, np.zeros_like(effect)], axis=1)


def ruwe_verdeling(
    rng: np.random.Generator,
    totalen: np.ndarray,
    aandelen: np.ndarray,
    effecten: np.ndarray,
    tau: float = TAU_AANDEEL,
) -> np.ndarray:
    """Region x category log-multipliers of one half-year's drawn distribution.

    Each region's expected distribution (national ``aandelen`` times ``exp(effecten)``) is moved
    by a deviation ``tau`` per category on the log scale and then drawn multinomially from its
    total; the result, relative to the national shares, goes to :func:`verdeel_categorieen`.
    """
    aandelen = np.asarray(aandelen, dtype=float) / np.sum(aandelen)
    log_p = np.log(aandelen)[None, :] + effecten + rng.normal(0.0, tau, effecten.shape)
    p = np.exp(log_p - log_p.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    getrokken = np.stack([rng.multinomial(int(n), rij) for n, rij in zip(totalen, p)]).astype(float)
    k = len(aandelen)
    waargenomen = (getrokken + 0.5) / (np.asarray(totalen, dtype=float)[:, None] + 0.5 * k)
    return np.log(waargenomen) - np.log(aandelen)[None, :]


# -- Measuring the roughness ---------------------------------------------------------------------
SOORTEN = {"%": "aandeel", "per 10.000 inwoners": "ratio", "aantal": "aantal"}


def _verschil_en_kansvariantie(
    regio: pd.DataFrame, nl: pd.DataFrame, eenheid: str
) -> tuple[pd.Series, pd.Series]:
    """A region's difference from Nederland per period, and its variance from chance alone."""
    t = regio["teller"].astype(float)
    n = regio["noemer"].astype(float)
    nl = nl.loc[regio.index]
    if eenheid == "%":
        p = t / n
        verschil = p - nl["teller"].astype(float) / nl["noemer"].astype(float)
        return verschil, p * (1 - p) / n
    if eenheid == "aantal":
        # On the log scale: the region's share of the national count; Poisson gives 1 / count.
        return np.log(t) - np.log(nl["teller"].astype(float)), 1 / t
    return 1e4 * t / n - nl["waarde"].astype(float), 1e8 * t / n**2


def variantieverhouding(df: pd.DataFrame) -> pd.DataFrame:
    """Per region series: variance of half-year changes against chance alone.

    For every half-yearly share, rate and count of a Veilig Thuis-region (and category), the
    region's difference from Nederland (for counts: the log of its share of the national count)
    is followed from one half-year to the next. ``verhouding`` is the observed variance of those
    changes divided by the variance binomial (shares) or Poisson (rates, counts) chance alone
    would give them. Suppressed, zero and missing cells are left out; a series needs three
    changes. Columns: ``soort`` (aandeel, ratio, aantal), ``indicator``, ``categorie``,
    ``regio_code``, ``verhouding``.
    """
    sel = df[
        df["periode"].astype(str).str.fullmatch(r"\d{4}H[12]")
        & df["eenheid"].isin(list(SOORTEN))
        & df["teller"].notna()
    ]
    rijen = []
    for (ind, cat), groep in sel.groupby(["indicator", sel["categorie"].fillna("")]):
        eenheid = str(groep["eenheid"].iloc[0])
        nl = groep[groep["regio_code"] == "NL01"].set_index("periode")
        regionaal = groep[groep["regio_code"].astype(str).str.startswith("VT")]
        for code, regio in regionaal.groupby("regio_code"):
            regio = regio[regio["teller"] > 0].set_index("periode")
            regio = regio[regio.index.isin(nl.index)]
            if len(regio) < 4:
                continue
            verschil, kans = _verschil_en_kansvariantie(regio, nl, eenheid)
            perioden = [Periode.parse(p) for p in regio.index]
            opvolgend = [
                i for i in range(1, len(perioden)) if perioden[i - 1].volgende() == perioden[i]
            ]
            if len(opvolgend) < 3:
                continue
            stap = np.array([verschil.iloc[i] - verschil.iloc[i - 1] for i in opvolgend])
            verwacht = np.mean([kans.iloc[i] + kans.iloc[i - 1] for i in opvolgend])
            rijen.append((SOORTEN[eenheid], ind, cat, code, float(np.var(stap, ddof=1) / verwacht)))
    return pd.DataFrame(
        rijen, columns=["soort", "indicator", "categorie", "regio_code", "verhouding"]
    )
